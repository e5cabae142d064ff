"""Django settings. Every setting that differs between machines comes from an environment variable.

See .env.example for the full list. Parsing is strict: a malformed value stops start-up with a clear message.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = BASE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def database_from_url(url: str) -> dict[str, object]:
    """sqlite:///relative/or/absolute/path.sqlite3 or postgres://user:password@host:port/name."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = parsed.path[1:] if parsed.path.startswith("//") else parsed.path.lstrip("/")
        name = Path(path) if Path(path).is_absolute() or parsed.path.startswith("//") else PROJECT_ROOT / path
        name.parent.mkdir(parents=True, exist_ok=True)  # SQLite cannot create the folder of its file
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(name), "OPTIONS": {"timeout": 20}}
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
        }
    raise ImproperlyConfigured(f"EHCPQA_DATABASE_URL must start with sqlite:// or postgres://, not {parsed.scheme!r}")


DEBUG = env_bool("EHCPQA_DEBUG", False)
SECRET_KEY = os.environ.get("EHCPQA_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("EHCPQA_ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured("Set EHCPQA_SECRET_KEY (or EHCPQA_DEBUG=true for local development).")
    SECRET_KEY = "insecure-development-key-not-for-production"  # noqa: S105 - only with DEBUG or explicit opt-in

ALLOWED_HOSTS = [h for h in os.environ.get("EHCPQA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

# Where uploaded plan documents and other private files live: outside the web root, never served directly.
DATA_DIR = Path(os.environ.get("EHCPQA_DATA_DIR", str(PROJECT_ROOT / "var")))
MEDIA_ROOT = DATA_DIR / "private"
MEDIA_URL = None  # never served as static files; documents go through access-checked views

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ehcpqa.accounts",
    "ehcpqa.plans",
    "ehcpqa.analysis",
    "ehcpqa.audits",
    "ehcpqa.moderation",
    "ehcpqa.reporting",
    "ehcpqa.timeliness",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "ehcpqa.urls"
WSGI_APPLICATION = "ehcpqa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ehcpqa.accounts.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(os.environ.get("EHCPQA_DATABASE_URL", "sqlite:///var/ehcpqa.sqlite3")),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Sign-in throttling: after this many failures for one username (or one address) within the window, refuse.
SIGN_IN_MAX_FAILURES = env_int("EHCPQA_SIGN_IN_MAX_FAILURES", 5)
SIGN_IN_WINDOW_SECONDS = env_int("EHCPQA_SIGN_IN_WINDOW_SECONDS", 15 * 60)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("EHCPQA_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = 8 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The project-wide static files (GOV.UK CSS, app.css) live beside the settings, not inside an app.
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploads: plan documents up to this size; ZIPs expand to at most this much in total.
MAX_UPLOAD_BYTES = env_int("EHCPQA_MAX_UPLOAD_BYTES", 50 * 2**20)
MAX_ZIP_EXPANDED_BYTES = env_int("EHCPQA_MAX_ZIP_EXPANDED_BYTES", 500 * 2**20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 2**20

TASKS = {
    "default": {
        # The database backend is a real queue worked by `manage.py db_worker`. Tests switch to the immediate one.
        "BACKEND": os.environ.get("EHCPQA_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

SERVICE_NAME = "EHCP Quality Assurance"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("EHCPQA_LOG_LEVEL", "INFO")},
}
