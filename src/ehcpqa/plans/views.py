from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ehcpqa.accounts.access import plans_for_user, require_role
from ehcpqa.accounts.models import Role, User


def plan_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    require_role(user, Role.QA_LEAD, Role.CASE_OFFICER)
    plans = plans_for_user(user).select_related("case_officer")[:200]
    return render(request, "plans/plan_list.html", {"plans": plans})
