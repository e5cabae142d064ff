"""One analysis run of a plan document: the stored machine output, shown as it was produced."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ehcpqa.accounts.models import User
from ehcpqa.analysis.models import RunStatus
from ehcpqa.analysis.selectors import document_view, masker_for
from ehcpqa.plans import selectors as plan_selectors
from ehcpqa.plans.services import plan_version_opened


def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    run = plan_selectors.get_readable_run(user, run_id)
    version = run.version
    plan = version.plan
    identity = plan_selectors.can_see_identity(user, plan)
    document = None
    if run.status == RunStatus.DONE:
        document = document_view(run, mask=None if identity else masker_for(plan, run))
        plan_version_opened(user=user, version=version, verb="plan_version.viewed")
    return render(
        request,
        "analysis/run_detail.html",
        {
            "run": run,
            "version": version,
            "plan": plan,
            "document": document,
            "show_identity": identity,
        },
    )
