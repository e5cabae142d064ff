"""What each role can do, as shown on the home page and in the navigation. Each task names a URL pattern."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.urls import get_script_prefix, reverse

from ehcpqa.accounts.models import Role, User


@dataclass(frozen=True)
class RoleTask:
    title: str
    description: str
    url_name: str

    @property
    def url(self) -> str:
        return _task_url(self.url_name, get_script_prefix())


@functools.lru_cache(maxsize=256)
def _task_url(url_name: str, script_prefix: str) -> str:
    """The task's address, worked out once per name and prefix: the navigation asks for it on every page."""
    return reverse(url_name)


ROLE_TASKS: dict[Role, tuple[RoleTask, ...]] = {
    Role.QA_LEAD: (
        RoleTask(
            "Plan register", "Import plan records and documents; see every plan's automated pre-audit.", "plans:list"
        ),
        RoleTask("Audit rounds", "Set up an audit round, choose its sample and assign auditors.", "audits:rounds"),
        RoleTask(
            "Moderation and calibration",
            "Draw moderation samples, flag audits, run calibration exercises.",
            "moderation:home",
        ),
        RoleTask(
            "Dashboard", "Watch plan quality, weaknesses and actions across the authority.", "reporting:dashboard"
        ),
    ),
    Role.AUDITOR: (
        RoleTask(
            "My audits",
            "Audit the plans assigned to you, section by section, blind to case details.",
            "audits:my-audits",
        ),
        RoleTask(
            "Moderation outcomes",
            "See the agreed result when one of your audits has been moderated.",
            "moderation:outcomes",
        ),
    ),
    Role.MODERATOR: (
        RoleTask("Moderation", "Second-mark a sample of audits blind and agree the result.", "moderation:home"),
        RoleTask(
            "Consistency statistics",
            "Agreement between auditors and moderators, per round and over time.",
            "moderation:statistics",
        ),
    ),
    Role.CASE_OFFICER: (
        RoleTask(
            "My plans and actions", "See audit feedback and the actions on the plans you write.", "audits:my-actions"
        ),
        RoleTask("Plan register", "Check a draft plan with the automated pre-audit before it is issued.", "plans:list"),
    ),
    Role.BOARD_VIEWER: (
        RoleTask("Dashboard", "Read-only quality dashboard and the Partnership Board pack.", "reporting:dashboard"),
    ),
}


def tasks_for_user(user: User) -> list[tuple[Role, tuple[RoleTask, ...]]]:
    return [(role, ROLE_TASKS[role]) for role in Role if role in user.role_set]
