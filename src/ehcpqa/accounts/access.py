"""Tenancy in one place: the only way views and tasks fetch objects that belong to a local authority.

Every function takes the signed-in user and answers with objects of the user's own authority only. An object of
another authority is answered exactly like one that does not exist (404), so nothing reveals that it exists.
Role checks raise PermissionDenied (403): the user is known to be in the right authority but lacks the role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest

from ehcpqa.accounts.models import Role, User

if TYPE_CHECKING:
    from ehcpqa.plans.models import Plan, PlanVersion

M = TypeVar("M", bound=models.Model)


def signed_in_user(request: HttpRequest) -> User:
    """The request's user. Every view but sign-in sits behind LoginRequiredMiddleware, so it is a signed-in User."""
    user = request.user
    assert isinstance(user, User)
    return user


def require_role(user: User, *roles: Role) -> None:
    if not user.is_authenticated or not user.has_role(*roles):
        raise PermissionDenied("Your role does not allow this.")


def tenant_objects(user: User, model: type[M], *, via: str = "local_authority") -> models.QuerySet[M]:
    """All objects of ``model`` in the user's authority. ``via`` is the lookup path to the LocalAuthority."""
    manager = model._default_manager
    return manager.filter(**{via: user.local_authority_id})


def get_tenant_object(
    user: User, model: type[M], pk: object, *, via: str = "local_authority", select_related: tuple[str, ...] = ()
) -> M:
    """One object of the user's authority, or 404. ``select_related`` names relations to fetch in the same query."""
    objects = tenant_objects(user, model, via=via)
    if select_related:
        objects = objects.select_related(*select_related)
    try:
        return objects.get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):  # type: ignore[attr-defined]
        raise Http404("Not found") from None


def plans_for_user(user: User) -> models.QuerySet[Plan]:
    from ehcpqa.plans.models import Plan

    return tenant_objects(user, Plan)


def get_plan_for_user(user: User, plan_id: object) -> Plan:
    from ehcpqa.plans.models import Plan

    return get_tenant_object(user, Plan, plan_id)


def get_plan_version_for_user(user: User, version_id: object) -> PlanVersion:
    from ehcpqa.plans.models import PlanVersion

    return get_tenant_object(user, PlanVersion, version_id, via="plan__local_authority")
