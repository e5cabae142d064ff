"""Access to audit objects: the only way views fetch them.

Built on accounts.access: an object of another authority answers 404 exactly like one that does not exist; a
user of the right authority without the right role or relationship gets 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from ehcpqa.accounts.access import get_plan_for_user, get_tenant_object, require_role, tenant_objects
from ehcpqa.accounts.models import Role, User
from ehcpqa.audits.models import Action, Audit, AuditRound, Framework
from ehcpqa.plans.models import Plan


def rounds_for_user(user: User) -> QuerySet[AuditRound]:
    require_role(user, Role.QA_LEAD)
    return tenant_objects(user, AuditRound)


def get_round_for_user(user: User, round_id: object) -> AuditRound:
    round_ = get_tenant_object(user, AuditRound, round_id)
    require_role(user, Role.QA_LEAD)
    return round_


def frameworks_for_user(user: User) -> QuerySet[Framework]:
    """The national frameworks plus the user's own authority's copies."""
    return Framework.objects.filter(Q(local_authority__isnull=True) | Q(local_authority=user.local_authority_id))


def get_framework_for_user(user: User, framework_id: int | str) -> Framework:
    try:
        return frameworks_for_user(user).get(pk=framework_id)
    except (Framework.DoesNotExist, ValueError, TypeError):
        raise Http404("Not found") from None


def get_editable_framework_for_user(user: User, framework_id: int | str) -> Framework:
    """An authority's own framework copy, for its QA lead to change while it is unpublished and unused."""
    framework = get_framework_for_user(user, framework_id)
    require_role(user, Role.QA_LEAD)
    if framework.local_authority_id != user.local_authority_id:
        raise PermissionDenied("The national framework cannot be changed: copy it first.")
    return framework


def audits_for_auditor(user: User) -> QuerySet[Audit]:
    """Audits the user leads or has a section of, in their own authority."""
    require_role(user, Role.AUDITOR)
    return (
        tenant_objects(user, Audit, via="round__local_authority")
        .filter(Q(auditor=user) | Q(section_assignments__auditor=user))
        .distinct()
    )


def get_audit_for_user(user: User, audit_id: object) -> Audit:
    """An audit the user may see: its auditors, and the authority's QA leads (read-only)."""
    # Every audit page reads the round (and its authority and framework) and the plan (and its case officer): fetch
    # them with the audit rather than one query each.
    audit = get_tenant_object(
        user,
        Audit,
        audit_id,
        via="round__local_authority",
        select_related=("round__local_authority", "round__framework", "plan__case_officer"),
    )
    if is_audit_participant(user, audit) or user.has_role(Role.QA_LEAD):
        return audit
    raise PermissionDenied("This audit is not assigned to you.")


def is_audit_participant(user: User, audit: Audit) -> bool:
    if not user.has_role(Role.AUDITOR):
        return False
    return audit.auditor_id == user.pk or audit.section_assignments.filter(auditor=user).exists()


def sections_user_may_edit(user: User, audit: Audit, sections: list[str]) -> set[str]:
    """Sections the user may judge: delegated sections belong to their assignee, all others to the lead auditor."""
    if not user.has_role(Role.AUDITOR):
        return set()
    delegated = dict(audit.section_assignments.values_list("section", "auditor_id"))
    return {s for s in sections if delegated.get(s, audit.auditor_id) == user.pk}


def require_lead_auditor(user: User, audit: Audit) -> None:
    if audit.auditor_id != user.pk or not user.has_role(Role.AUDITOR):
        raise PermissionDenied("Only the lead auditor can do this.")


def actions_for_case_officer(user: User) -> QuerySet[Action]:
    require_role(user, Role.CASE_OFFICER)
    return tenant_objects(user, Action).filter(assigned_to=user)


def get_action_for_user(user: User, action_id: object) -> Action:
    action = get_tenant_object(user, Action, action_id)
    if user.has_role(Role.QA_LEAD) or (user.has_role(Role.CASE_OFFICER) and action.assigned_to_id == user.pk):
        return action
    raise PermissionDenied("This action is not yours.")


def get_plan_for_feedback(user: User, plan_id: object) -> Plan:
    """A plan whose audit feedback the user may read: QA leads, and the plan's own case officer."""
    plan = get_plan_for_user(user, plan_id)
    if user.has_role(Role.QA_LEAD) or (user.has_role(Role.CASE_OFFICER) and plan.case_officer_id == user.pk):
        return plan
    raise PermissionDenied("This plan is not yours.")


def get_plan_for_family_feedback(user: User, plan_id: object) -> Plan:
    """Family feedback calls are recorded by QA leads and case officers."""
    plan = get_plan_for_user(user, plan_id)
    require_role(user, Role.QA_LEAD, Role.CASE_OFFICER)
    return plan
