"""Writes for analysis runs. Machine output is immutable: a finished run is never changed; a re-run is a new run."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils import timezone

from ehcp_analysis.report import FRAMEWORK_ID, FRAMEWORK_VERSION
from ehcpqa.accounts.activity import record_activity
from ehcpqa.accounts.models import User
from ehcpqa.analysis.engine import EngineOutcome, analyse_file
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.plans.models import PlanVersion


def analysis_run_queue(*, version: PlanVersion, requested_by: User | None) -> AnalysisRun:
    """Create a queued run and put it on the task queue. Call inside the caller's transaction.

    With the database queue the task row commits with the run (or not at all), so a run is never queued for a
    version that was rolled back, and never left without its task.
    """
    from ehcpqa.analysis.tasks import analyse_plan_version

    run = AnalysisRun.objects.create(version=version, status=RunStatus.QUEUED, requested_by=requested_by)
    analyse_plan_version.enqueue(run_id=run.pk)
    return run


def analysis_rerun(*, version: PlanVersion, actor: User) -> AnalysisRun:
    with transaction.atomic():
        run = analysis_run_queue(version=version, requested_by=actor)
        record_activity(
            actor=actor,
            local_authority=version.plan.local_authority,
            verb="analysis.rerun-requested",
            target=run,
            detail={"version": version.pk},
        )
    return run


def analysis_run_execute(*, run_id: int) -> AnalysisRun:
    """Read and analyse the run's document, then store the outcome. A finished run is left as it is."""
    with transaction.atomic():
        run = AnalysisRun.objects.select_for_update().select_related("version").get(pk=run_id)
        if run.is_finished:
            return run
        run.status = RunStatus.RUNNING
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at"])
    outcome = analyse_file(Path(run.version.document.path), as_of=timezone.localdate())
    return analysis_run_store(run=run, outcome=outcome)


def analysis_run_store(*, run: AnalysisRun, outcome: EngineOutcome) -> AnalysisRun:
    with transaction.atomic():
        run.engine_version = outcome.engine_version
        run.framework_id = FRAMEWORK_ID
        run.framework_version = FRAMEWORK_VERSION
        run.as_of = outcome.as_of
        run.finished_at = timezone.now()
        if not outcome.ok:
            run.status = RunStatus.FAILED
            run.error_code = outcome.error_code
            run.error_message = outcome.error_message
            run.save()
            return run
        run.status = RunStatus.DONE
        run.document = outcome.document
        run.metadata = outcome.metadata
        run.suggested_score = outcome.suggested_score
        run.suggested_grade = outcome.suggested_grade
        run.section_grades = outcome.section_grades
        run.save()
        StoredFinding.objects.bulk_create(_stored_finding(run, f) for f in outcome.findings)
    return run


def _stored_finding(run: AnalysisRun, finding: dict[str, object]) -> StoredFinding:
    evidence = finding.get("evidence") or {}
    assert isinstance(evidence, dict)
    return StoredFinding(
        run=run,
        code=str(finding["code"])[:60],
        criterion=str(finding.get("criterion") or "")[:12],
        section=str(finding.get("section") or "")[:4],
        severity=str(finding.get("severity") or "")[:8],
        message=str(finding.get("message") or ""),
        evidence_text=str(evidence.get("text") or ""),
        location=evidence.get("location"),
        suggestion=str(finding.get("suggestion") or ""),
    )


def analysis_run_record(*, version: PlanVersion, outcome: EngineOutcome) -> AnalysisRun:
    """Store an outcome computed elsewhere (the demo seed analyses in a process pool) as a new finished run."""
    with transaction.atomic():
        run = AnalysisRun.objects.create(version=version, status=RunStatus.RUNNING, started_at=timezone.now())
        return analysis_run_store(run=run, outcome=outcome)
