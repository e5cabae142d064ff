"""Access to moderation objects: the only way views fetch them.

Built on accounts.access: another authority's object answers 404 exactly like a missing one; a user of the right
authority without the right role or relationship gets 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from ehcpqa.accounts.access import get_tenant_object, require_role, tenant_objects
from ehcpqa.accounts.models import Role, User
from ehcpqa.moderation.models import CalibrationExercise, Marking, ModerationItem

# Moderation work goes to moderators, or to auditors acting as second markers.
SECOND_MARKER_ROLES = (Role.MODERATOR, Role.AUDITOR)
# Agreement statistics are for the people who manage consistency.
STATISTICS_ROLES = (Role.QA_LEAD, Role.MODERATOR)


def items_for_moderator(user: User) -> QuerySet[ModerationItem]:
    require_role(user, *SECOND_MARKER_ROLES)
    return tenant_objects(user, ModerationItem, via="sample__local_authority").filter(moderator=user)


def get_item_for_user(user: User, item_id: object) -> ModerationItem:
    """An item its moderator may work on; QA leads may read it."""
    item = get_tenant_object(user, ModerationItem, item_id, via="sample__local_authority")
    if item.moderator_id == user.pk or user.has_role(Role.QA_LEAD):
        return item
    raise PermissionDenied("This moderation is not assigned to you.")


def require_item_moderator(user: User, item: ModerationItem) -> None:
    if item.moderator_id != user.pk:
        raise PermissionDenied("Only the moderator of this audit can do this.")


def outcomes_for_auditor(user: User) -> QuerySet[ModerationItem]:
    """Moderation outcomes of the audits the user led, in their own authority."""
    require_role(user, Role.AUDITOR)
    return tenant_objects(user, ModerationItem, via="sample__local_authority").filter(audit__auditor=user)


def get_outcome_for_auditor(user: User, item_id: object) -> ModerationItem:
    item = get_tenant_object(user, ModerationItem, item_id, via="sample__local_authority")
    if item.audit.auditor_id == user.pk or user.has_role(Role.QA_LEAD):
        return item
    raise PermissionDenied("This audit is not yours.")


def get_marking_for_user(user: User, marking_id: object) -> Marking:
    """A marking its marker may work on; QA leads may read it."""
    marking = get_tenant_object(user, Marking, marking_id)
    if marking.marker_id == user.pk or user.has_role(Role.QA_LEAD):
        return marking
    raise PermissionDenied("This marking is not yours.")


def calibrations_for_user(user: User) -> QuerySet[CalibrationExercise]:
    """QA leads see every exercise of their authority; auditors the ones they take part in."""
    exercises = tenant_objects(user, CalibrationExercise)
    if user.has_role(Role.QA_LEAD):
        return exercises
    require_role(user, *SECOND_MARKER_ROLES)
    return exercises.filter(markings__marker=user).distinct()


def get_calibration_for_user(user: User, exercise_id: object) -> CalibrationExercise:
    exercise = get_tenant_object(user, CalibrationExercise, exercise_id)
    if user.has_role(Role.QA_LEAD) or exercise.markings.filter(marker=user).exists():
        return exercise
    raise PermissionDenied("You are not part of this calibration exercise.")


def require_statistics_reader(user: User) -> None:
    require_role(user, *STATISTICS_ROLES)
