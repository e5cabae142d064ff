"""Reads for the plan register. Every query starts from accounts.access, so it only sees the user's authority."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from ehcpqa.accounts.access import get_tenant_object, plans_for_user, require_role, tenant_objects
from ehcpqa.accounts.models import Role, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.plans.models import Plan, PlanImport, PlanVersion, UploadBatch

# Roles that may open a plan. Auditors and moderators see it blind (identity masked); board viewers see only
# aggregate reports.
PLAN_READERS = (Role.QA_LEAD, Role.CASE_OFFICER, Role.AUDITOR, Role.MODERATOR)
REGISTER_USERS = (Role.QA_LEAD, Role.CASE_OFFICER)


def can_see_identity(user: User, plan: Plan) -> bool:
    """The child's name, date of birth and the original file: the QA lead and the plan's own case officer only."""
    if user.has_role(Role.QA_LEAD):
        return True
    return user.has_role(Role.CASE_OFFICER) and plan.case_officer_id == user.pk


def can_change_plan(user: User, plan: Plan) -> bool:
    """Upload a new version or ask for a re-run: the QA lead, or the case officer who writes the plan."""
    return can_see_identity(user, plan)


def get_readable_plan(user: User, plan_id: object) -> Plan:
    require_role(user, *PLAN_READERS)
    # The plan page reads the authority (to record the view) and the case officer (to mask the name): same query.
    plan = get_tenant_object(user, Plan, plan_id, select_related=("local_authority", "case_officer"))
    return plan


def get_readable_version(user: User, version_id: object) -> PlanVersion:
    require_role(user, *PLAN_READERS)
    return get_tenant_object(user, PlanVersion, version_id, via="plan__local_authority")


def get_readable_run(user: User, run_id: object) -> AnalysisRun:
    require_role(user, *PLAN_READERS)
    return get_tenant_object(user, AnalysisRun, run_id, via="version__plan__local_authority")


def get_plan_import(user: User, import_id: object) -> PlanImport:
    require_role(user, Role.QA_LEAD)
    return get_tenant_object(user, PlanImport, import_id)


def get_upload_batch(user: User, batch_id: object) -> UploadBatch:
    require_role(user, Role.QA_LEAD)
    return get_tenant_object(user, UploadBatch, batch_id)


def case_officers_for(user: User) -> QuerySet[User]:
    return (
        tenant_objects(user, User)
        .filter(role_grants__role=Role.CASE_OFFICER, is_active=True)
        .distinct()
        .order_by("display_name", "username")
    )


def case_officer_lookup(user: User) -> dict[str, int]:
    """Lower-cased username and email -> id, for matching the case-officer column of an import."""
    lookup: dict[str, int] = {}
    for officer in case_officers_for(user):
        lookup[officer.username.lower()] = officer.pk
        if officer.email:
            lookup.setdefault(officer.email.lower(), officer.pk)
    return lookup


def _latest_run(field: str) -> Subquery:
    """The value of ``field`` on the newest finished run of the plan's newest version."""
    runs = AnalysisRun.objects.filter(
        version__plan=OuterRef("pk"), status__in=[RunStatus.DONE, RunStatus.FAILED]
    ).order_by("-version__number", "-created_at")
    return Subquery(runs.values(field)[:1])


def _version_count() -> Coalesce:
    versions = PlanVersion.objects.filter(plan=OuterRef("pk")).order_by().values("plan").annotate(n=Count("pk"))
    return Coalesce(Subquery(versions.values("n")[:1]), Value(0))


@dataclass(frozen=True)
class PlanFilters:
    status: str = ""
    primary_need: str = ""
    year_group: int | None = None
    case_officer: int | None = None
    reference: str = ""


def plan_register(user: User, filters: PlanFilters) -> QuerySet[Plan]:
    require_role(user, *REGISTER_USERS)
    plans = plans_for_user(user).select_related("case_officer")
    if filters.status:
        plans = plans.filter(status=filters.status)
    if filters.primary_need:
        plans = plans.filter(primary_need=filters.primary_need)
    if filters.year_group is not None:
        plans = plans.filter(year_group=filters.year_group)
    if filters.case_officer is not None:
        plans = plans.filter(case_officer_id=filters.case_officer)
    if filters.reference:
        plans = plans.filter(reference__icontains=filters.reference.strip())
    return plans.order_by("reference")


def register_rows(page: QuerySet[Plan]) -> list[Plan]:
    """One page of the register (a slice of ``plan_register``) with each plan's versions and latest pre-audit.

    The annotations are added after the page is cut: on the whole register PostgreSQL would work them out for
    every plan before the OFFSET of a deep page (seconds at 20,000 plans).
    """
    ids = list(page.values_list("pk", flat=True))
    return list(
        Plan.objects.filter(pk__in=ids)
        .select_related("case_officer")
        .annotate(
            version_count=_version_count(),
            latest_grade=_latest_run("suggested_grade"),
            latest_score=_latest_run("suggested_score"),
            latest_status=_latest_run("status"),
        )
        .order_by("reference")
    )


def year_groups_in_use(user: User) -> list[int]:
    # order_by() first: the default ordering by reference would join DISTINCT and return a row per plan.
    values = plans_for_user(user).exclude(year_group=None).order_by().values_list("year_group", flat=True).distinct()
    return sorted(v for v in values if v is not None)


@dataclass
class VersionRow:
    version: PlanVersion
    run: AnalysisRun | None  # the newest run of this version, finished or not


def plan_versions(plan: Plan) -> list[VersionRow]:
    versions = list(plan.versions.select_related("uploaded_by").order_by("-number"))
    newest: dict[int, AnalysisRun] = {}
    for run in AnalysisRun.objects.filter(version__plan=plan).order_by("version_id", "-created_at"):
        newest.setdefault(run.version_id, run)
    return [VersionRow(v, newest.get(v.pk)) for v in versions]


def latest_run_for_version(version: PlanVersion) -> AnalysisRun | None:
    return version.analysis_runs.order_by("-created_at").first()


@dataclass(frozen=True)
class BatchProgress:
    total: int
    analysed: int
    failed: int

    @property
    def finished(self) -> bool:
        return self.analysed >= self.total

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.analysed / self.total)


def batch_progress(batch: UploadBatch) -> BatchProgress:
    finished = [RunStatus.DONE, RunStatus.FAILED]
    versions = batch.versions.annotate(
        finished_runs=Count("analysis_runs", filter=Q(analysis_runs__status__in=finished)),
        failed_runs=Count("analysis_runs", filter=Q(analysis_runs__status=RunStatus.FAILED)),
    )
    total = analysed = failed = 0
    for version in versions:
        total += 1
        analysed += 1 if version.finished_runs else 0
        failed += 1 if version.failed_runs else 0
    return BatchProgress(total=total, analysed=analysed, failed=failed)


def batch_versions(batch: UploadBatch) -> QuerySet[PlanVersion]:
    return batch.versions.select_related("plan").order_by("plan__reference")
