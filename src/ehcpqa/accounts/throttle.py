"""Sign-in throttling: refuse further attempts for a username or an address after repeated recent failures."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ehcpqa.accounts.models import SignInAttempt


def _window_start() -> object:
    return timezone.now() - timedelta(seconds=settings.SIGN_IN_WINDOW_SECONDS)


def is_throttled(*, username: str, address: str | None) -> bool:
    recent = SignInAttempt.objects.filter(at__gte=_window_start(), succeeded=False)
    if recent.filter(username=username.lower()).count() >= settings.SIGN_IN_MAX_FAILURES:
        return True
    # An address gets more room than a username: several staff may sign in from one council network.
    return bool(address) and recent.filter(address=address).count() >= settings.SIGN_IN_MAX_FAILURES * 4


def record_attempt(*, username: str, address: str | None, succeeded: bool) -> None:
    SignInAttempt.objects.create(username=username.lower(), address=address, succeeded=succeeded)
    if succeeded:
        # A successful sign-in clears the user's failure count.
        SignInAttempt.objects.filter(username=username.lower(), succeeded=False).delete()
