"""Background tasks, worked by `manage.py db_worker` (tests run them immediately, see tests/settings.py)."""

from __future__ import annotations

from django_tasks import task

from ehcpqa.analysis.services import analysis_run_execute


@task()
def analyse_plan_version(run_id: int) -> None:
    analysis_run_execute(run_id=run_id)
