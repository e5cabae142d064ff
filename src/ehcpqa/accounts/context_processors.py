from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from ehcpqa.accounts.models import User
from ehcpqa.accounts.roles import tasks_for_user


def service(request: HttpRequest) -> dict[str, object]:
    """Service name, the user's authority and the navigation items their roles allow."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return {"service_name": settings.SERVICE_NAME, "authority": None, "nav_items": []}
    seen: dict[str, str] = {}
    for _role, tasks in tasks_for_user(user):
        for task in tasks:
            if task.url not in seen:
                seen[task.url] = task.title
    return {
        "service_name": settings.SERVICE_NAME,
        "authority": user.local_authority,
        "nav_items": [{"url": u, "title": t} for u, t in seen.items()],
    }
