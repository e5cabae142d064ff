"""Settings for the test suite: the application's settings with test-only choices made explicit."""

import os

os.environ.setdefault("EHCPQA_DEBUG", "true")
os.environ.setdefault("EHCPQA_SECURE_COOKIES", "false")
# Background tasks run immediately, in-process, so a test sees the result of what it enqueued.
os.environ.setdefault("EHCPQA_TASK_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from ehcpqa.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["tests.hashers.FastArgon2PasswordHasher"]
# Django's live test server wraps a media handler that needs a URL prefix; nothing is ever served from it.
MEDIA_URL = "/media-not-served/"
