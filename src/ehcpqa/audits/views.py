"""Audit pages. Each view: fetch through access, bind a form, call one service, render or redirect."""

from __future__ import annotations

import random
from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ehcpqa.accounts.access import require_role, signed_in_user
from ehcpqa.accounts.models import Role, User
from ehcpqa.audits import access, rules, selectors, services
from ehcpqa.audits.forms import (
    ActionStatusForm,
    CriterionForm,
    LockVersionForm,
    OverrideForm,
    ParentFeedbackForm,
    ReauditForm,
    RoundForm,
    RoundTransitionForm,
    SectionForm,
)
from ehcpqa.audits.frameworks import (
    FrameworkLocked,
    criterion_update,
    framework_copy,
    framework_is_locked,
    framework_publish,
)
from ehcpqa.audits.models import (
    ActionStatus,
    Audit,
    AuditStatus,
    Criterion,
    CriterionJudgement,
    Grade,
    RoundStatus,
)
from ehcpqa.audits.reports import feedback_context, render_feedback_pdf

# ---- Rounds (QA lead) ---------------------------------------------------------------------------------------


def round_list(request: HttpRequest) -> HttpResponse:
    rounds = access.rounds_for_user(signed_in_user(request)).select_related("framework")
    return render(request, "audits/round_list.html", {"rounds": selectors.round_summaries(rounds)})


@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD)
    initial = {"seed": random.SystemRandom().randint(1, 999_999)}
    form = RoundForm(request.POST or None, user=user, initial=initial)
    sample_size = None
    if request.method == "POST" and form.is_valid():
        sample_size = selectors.sample_plans(user.local_authority, form.sample_rule()).count()
        confirming = request.POST.get("action") == "confirm" and form.cleaned_data["previewed"] == form.digest()
        if confirming:
            try:
                audit_round = services.round_create(
                    by=user,
                    name=form.cleaned_data["name"],
                    framework=form.cleaned_data["framework"],
                    period_start=form.cleaned_data["period_start"],
                    period_end=form.cleaned_data["period_end"],
                    sample_rule=form.sample_rule(),
                    auditors=list(form.cleaned_data["auditors"]),
                    sections_by_agency=form.cleaned_data["sections_by_agency"],
                )
            except services.AuditError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Round created: {sample_size} plans assigned.")
                return redirect("audits:round-detail", round_id=audit_round.pk)
        data = request.POST.copy()
        data["previewed"] = form.digest()
        form = RoundForm(data, user=user)
        form.is_valid()
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "audits/round_form.html", {"form": form, "sample_size": sample_size}, status=status)


def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    audit_round = access.get_round_for_user(signed_in_user(request), round_id)
    audits = audit_round.audits.select_related("plan", "auditor").prefetch_related("section_assignments__auditor")
    return render(
        request,
        "audits/round_detail.html",
        {
            "round": audit_round,
            "audits": audits,
            "summary": selectors.round_summary(audit_round),
            "targets": rules.allowed_targets(RoundStatus(audit_round.status), rules.ROUND_TRANSITIONS),
        },
    )


@require_POST
def round_transition(request: HttpRequest, round_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit_round = access.get_round_for_user(user, round_id)
    form = RoundTransitionForm(request.POST)
    if not form.is_valid():
        raise Http404("Unknown status")
    try:
        services.round_transition(audit_round=audit_round, by=user, target=RoundStatus(form.cleaned_data["target"]))
    except rules.InvalidTransition:
        messages.error(request, "The round cannot move to that status.")
    else:
        messages.success(request, f"Round is now {audit_round.get_status_display().lower()}.")
    return redirect("audits:round-detail", round_id=audit_round.pk)


# ---- Auditing (auditor) -------------------------------------------------------------------------------------


def my_audits(request: HttpRequest) -> HttpResponse:
    audits = (
        access.audits_for_auditor(signed_in_user(request)).select_related("round").order_by("status", "audit_number")
    )
    return render(request, "audits/my_audits.html", {"audits": audits})


def _overview_context(user: User, audit: Audit) -> dict[str, object]:
    criteria = selectors.audit_criteria(audit)
    sections = selectors.audit_sections(criteria)
    editable = access.sections_user_may_edit(user, audit, sections) if not audit.is_locked else set()
    return {
        "audit": audit,
        "progress": selectors.section_progress(audit, criteria, editable),
        "is_lead": audit.auditor_id == user.pk and user.has_role(Role.AUDITOR),
        "unanswered": services.unanswered_criteria(audit),
        "run": selectors.latest_finished_run(audit),
    }


@require_http_methods(["GET", "POST"])
def audit_overview(request: HttpRequest, audit_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit = access.get_audit_for_user(user, audit_id)
    override_form = OverrideForm(
        initial={"lock_version": audit.lock_version, "score": audit.override_score, "reason": audit.override_reason}
    )
    status = 200
    if request.method == "POST":
        access.require_lead_auditor(user, audit)
        override_form = OverrideForm(request.POST)
        status = 400
        if override_form.is_valid():
            try:
                services.audit_set_override(
                    audit=audit,
                    by=user,
                    lock_version=override_form.cleaned_data["lock_version"],
                    score=override_form.cleaned_data["score"],
                    reason=override_form.cleaned_data["reason"] or "",
                )
            except services.StaleAudit as exc:
                # Keep what they typed, quoting the latest version, so saving again is a deliberate choice.
                audit.refresh_from_db()
                data = request.POST.copy()
                data["lock_version"] = str(audit.lock_version)
                override_form = OverrideForm(data)
                override_form.is_valid()
                override_form.add_error(None, str(exc))
                status = 409
            except services.AuditError as exc:
                override_form.add_error(None, str(exc))
            else:
                messages.success(request, "Overall score saved.")
                return redirect("audits:audit", audit_id=audit.pk)
    return render(
        request,
        "audits/audit_overview.html",
        {**_overview_context(user, audit), "override_form": override_form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def audit_section(request: HttpRequest, audit_id: int, section: str) -> HttpResponse:
    user = signed_in_user(request)
    audit = access.get_audit_for_user(user, audit_id)
    criteria_all = selectors.audit_criteria(audit)
    sections = selectors.audit_sections(criteria_all)
    if section not in sections:
        raise Http404("No such section")
    criteria = [c for c in criteria_all if c.section == section]
    run = selectors.latest_finished_run(audit)
    suggestions = selectors.section_suggestions(audit, run, criteria_all, section)
    editable = not audit.is_locked and section in access.sections_user_may_edit(user, audit, [section])
    judgements = selectors.judgements_by_criterion(audit)
    initial: dict[str, object] = {"lock_version": audit.lock_version}
    for c in criteria:
        j = judgements.get(c.pk)
        initial[f"answer_{c.pk}"] = j.answer if j else ""
        initial[f"comment_{c.pk}"] = j.comment if j else ""
    for s in suggestions:
        initial[f"finding_{s.finding.pk}"] = s.decision
    finding_ids = [s.finding.pk for s in suggestions]
    form = SectionForm(initial=initial, criteria=criteria, finding_ids=finding_ids)
    status = 200
    conflict: dict[int, CriterionJudgement] = {}
    if request.method == "POST":
        form = SectionForm(request.POST, criteria=criteria, finding_ids=finding_ids)
        if not editable:
            messages.error(request, "This section is not yours to change, or the audit is submitted.")
            return redirect("audits:audit", audit_id=audit.pk)
        if form.is_valid():
            try:
                services.audit_save_section(
                    audit=audit,
                    by=user,
                    section=section,
                    lock_version=form.cleaned_data["lock_version"],
                    judgements={cid: services.JudgementInput(a, c) for cid, (a, c) in form.judgements().items()},
                    decisions=form.decisions(),
                )
            except services.StaleAudit as exc:
                # Keep what they typed; quote the latest version so a second save is a deliberate choice, and
                # show what the other person saved beside each criterion.
                audit.refresh_from_db()
                data = request.POST.copy()
                data["lock_version"] = str(audit.lock_version)
                form = SectionForm(data, criteria=criteria, finding_ids=finding_ids)
                form.is_valid()
                form.add_error(None, str(exc))
                conflict = selectors.judgements_by_criterion(audit)
                status = 409
            except services.AuditError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                messages.success(request, f"{rules.section_title(section)} saved.")
                index = sections.index(section)
                if request.POST.get("then") == "next" and index + 1 < len(sections):
                    return redirect("audits:audit-section", audit_id=audit.pk, section=sections[index + 1])
                if request.POST.get("then") == "next":
                    return redirect("audits:audit", audit_id=audit.pk)
                return redirect("audits:audit-section", audit_id=audit.pk, section=section)
        else:
            status = 400
    plan_text = selectors.masked_section_text(audit, run, section) if section not in ("GEN", "P") else None
    if plan_text is not None:
        services.audit_record_document_view(audit=audit, by=user, section=section)
    index = sections.index(section)
    return render(
        request,
        "audits/audit_section.html",
        {
            "audit": audit,
            "section": section,
            "section_title": rules.section_title(section),
            "form": form,
            "rows": [(c, form[f"answer_{c.pk}"], form[f"comment_{c.pk}"], conflict.get(c.pk)) for c in criteria],
            "suggestions": [(s, form[f"finding_{s.finding.pk}"]) for s in suggestions],
            "plan_text": plan_text,
            "run": run,
            "shows_text": section not in ("GEN", "P"),
            "editable": editable,
            "previous_section": sections[index - 1] if index > 0 else None,
            "next_section": sections[index + 1] if index + 1 < len(sections) else None,
            "sections": [(s, rules.section_title(s)) for s in sections],
        },
        status=status,
    )


@require_POST
def audit_submit(request: HttpRequest, audit_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit = access.get_audit_for_user(user, audit_id)
    access.require_lead_auditor(user, audit)
    form = LockVersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Something went wrong: reload the page and try again.")
        return redirect("audits:audit", audit_id=audit.pk)
    try:
        services.audit_submit(audit=audit, by=user, lock_version=form.cleaned_data["lock_version"])
    except services.AuditError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Audit {audit.audit_number} submitted: {audit.get_final_grade_display()}.")
    return redirect("audits:audit", audit_id=audit.pk)


# ---- Closing the loop (case officer, QA lead) ---------------------------------------------------------------


def my_actions(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    actions = access.actions_for_case_officer(user).select_related("plan", "audit__round")
    feedback = selectors.feedback_for_case_officer(user)
    return render(
        request,
        "audits/my_actions.html",
        {
            "open_actions": [a for a in actions if a.status != ActionStatus.DONE],
            "done_actions": [a for a in actions if a.status == ActionStatus.DONE],
            "feedback": feedback,
            "status_choices": ActionStatus.choices,
        },
    )


@require_POST
def action_update(request: HttpRequest, action_id: int) -> HttpResponse:
    user = signed_in_user(request)
    action = access.get_action_for_user(user, action_id)
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        try:
            services.action_transition(action=action, by=user, target=ActionStatus(form.cleaned_data["status"]))
        except rules.InvalidTransition:
            messages.error(request, "The action cannot move to that status.")
        else:
            messages.success(
                request, f"Action for {action.plan.reference} is now {action.get_status_display().lower()}."
            )
    else:
        messages.error(request, "Choose a status for the action.")
    if request.POST.get("next") == "plan":
        return redirect("audits:plan-feedback", plan_id=action.plan_id)
    return redirect("audits:my-actions")


def plan_feedback(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.get_plan_for_feedback(user, plan_id)
    context = feedback_context(plan)
    reaudit_form = None
    last = context["latest_audit"]
    if user.has_role(Role.QA_LEAD) and isinstance(last, Audit):
        reaudit_form = ReauditForm(user=user, exclude_user_id=plan.case_officer_id)
    return render(
        request, "audits/plan_feedback.html", {**context, "reaudit_form": reaudit_form, "grade_choices": Grade}
    )


def plan_feedback_pdf(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.get_plan_for_feedback(user, plan_id)
    pdf = render_feedback_pdf(plan=plan, by=user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="audit-feedback-{plan.pk}.pdf"'
    return response


@require_POST
def plan_reaudit(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.get_plan_for_feedback(user, plan_id)
    require_role(user, Role.QA_LEAD)
    previous = plan.audits.filter(status=AuditStatus.SUBMITTED).order_by("-submitted_at").first()
    form = ReauditForm(request.POST, user=user, exclude_user_id=plan.case_officer_id)
    if previous is None or not form.is_valid():
        messages.error(request, "Choose an open round and an auditor for the re-audit.")
        return redirect("audits:plan-feedback", plan_id=plan.pk)
    try:
        audit = services.audit_create_reaudit(
            previous=previous,
            by=user,
            auditor=form.cleaned_data["auditor"],
            audit_round=form.cleaned_data["audit_round"],
        )
    except services.AuditError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Re-audit {audit.audit_number} assigned to {audit.auditor}.")
    return redirect("audits:plan-feedback", plan_id=plan.pk)


@require_http_methods(["GET", "POST"])
def parent_feedback_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.get_plan_for_family_feedback(user, plan_id)
    form = ParentFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.parent_feedback_record(plan=plan, by=user, **form.cleaned_data)
        messages.success(request, f"Feedback call recorded for {plan.reference}.")
        return redirect("audits:parent-feedback", plan_id=plan.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "audits/parent_feedback_form.html", {"plan": plan, "form": form}, status=status)


def parent_feedback_list(request: HttpRequest, plan_id: int) -> HttpResponse:
    user = signed_in_user(request)
    plan = access.get_plan_for_family_feedback(user, plan_id)
    return render(request, "audits/parent_feedback_list.html", {"plan": plan, "calls": plan.parent_feedback.all()})


# ---- Frameworks ---------------------------------------------------------------------------------------------


def framework_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD)
    return render(
        request,
        "audits/framework_list.html",
        {"frameworks": access.frameworks_for_user(user).prefetch_related("criteria")},
    )


def framework_detail(request: HttpRequest, framework_id: int) -> HttpResponse:
    user = signed_in_user(request)
    framework = access.get_framework_for_user(user, framework_id)
    require_role(user, Role.QA_LEAD)
    criteria = list(framework.criteria.all())
    grouped = [
        (s, rules.section_title(s), [c for c in criteria if c.section == s]) for s in selectors.audit_sections(criteria)
    ]
    editable = framework.local_authority_id == user.local_authority_id and not framework_is_locked(framework)
    return render(
        request,
        "audits/framework_detail.html",
        {
            "framework": framework,
            "grouped": grouped,
            "editable": editable,
            "can_publish": framework.local_authority_id == user.local_authority_id and not framework.published,
        },
    )


@require_POST
def framework_copy_view(request: HttpRequest, framework_id: int) -> HttpResponse:
    user = signed_in_user(request)
    framework = access.get_framework_for_user(user, framework_id)
    require_role(user, Role.QA_LEAD)
    copy = framework_copy(source=framework, local_authority=user.local_authority, by=user)
    messages.success(request, f"Copied into your authority's version {copy.version} (not yet published).")
    return redirect("audits:framework-detail", framework_id=copy.pk)


@require_http_methods(["GET", "POST"])
def criterion_edit(request: HttpRequest, framework_id: int, criterion_id: int) -> HttpResponse:
    user = signed_in_user(request)
    framework = access.get_editable_framework_for_user(user, framework_id)
    try:
        criterion = framework.criteria.get(pk=criterion_id)
    except Criterion.DoesNotExist:
        raise Http404("No such criterion") from None
    form = CriterionForm(
        request.POST or None,
        initial={"text": criterion.text, "guidance": criterion.guidance, "weight": int(criterion.weight)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            criterion_update(
                criterion=criterion,
                by=user,
                text=form.cleaned_data["text"],
                guidance=form.cleaned_data["guidance"],
                weight=Decimal(form.cleaned_data["weight"]),
            )
        except FrameworkLocked as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{criterion.code} saved.")
            return redirect("audits:framework-detail", framework_id=framework.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "audits/criterion_form.html",
        {"framework": framework, "criterion": criterion, "form": form},
        status=status,
    )


@require_POST
def framework_publish_view(request: HttpRequest, framework_id: int) -> HttpResponse:
    user = signed_in_user(request)
    framework = access.get_editable_framework_for_user(user, framework_id)
    try:
        framework_publish(framework=framework, by=user)
    except FrameworkLocked as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Version {framework.version} published: it can now be used in rounds and will not change again."
        )
    return redirect("audits:framework-detail", framework_id=framework.pk)
