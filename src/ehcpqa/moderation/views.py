"""Moderation pages. Each view: fetch through access, bind a form, call one service, render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ehcpqa.accounts.access import get_tenant_object, require_role, signed_in_user
from ehcpqa.accounts.models import Role, User
from ehcpqa.audits import access as audit_access
from ehcpqa.audits.models import AuditRound, AuditStatus
from ehcpqa.audits.services import JudgementInput
from ehcpqa.moderation import access, selectors, services
from ehcpqa.moderation.forms import (
    CalibrationForm,
    CloseCalibrationForm,
    FlagForm,
    MarkingForm,
    ResolveForm,
    SampleForm,
)
from ehcpqa.moderation.models import CalibrationStatus, ItemStatus, Marking, ModerationItem, ModerationSample


def home(request: HttpRequest) -> HttpResponse:
    """Moderation work for whoever signs in: items to second-mark, calibrations to mark, and for QA leads, rounds."""
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD, Role.MODERATOR, Role.AUDITOR)
    context: dict[str, object] = {"is_qa_lead": user.has_role(Role.QA_LEAD)}
    if user.has_role(Role.MODERATOR, Role.AUDITOR):
        items = access.items_for_moderator(user).select_related("audit", "second_marking")
        context["open_items"] = [i for i in items if i.status != ItemStatus.RESOLVED]
        context["resolved_items"] = [i for i in items if i.status == ItemStatus.RESOLVED]
        context["calibration_markings"] = (
            Marking.objects.filter(marker=user, calibrations__isnull=False)
            .prefetch_related("calibrations")
            .order_by("-created_at")
        )
    if user.has_role(Role.QA_LEAD):
        rounds = audit_access.rounds_for_user(user)
        samples = {s.round_id: s for s in ModerationSample.objects.filter(round__in=rounds).prefetch_related("items")}
        context["rounds"] = [(r, samples.get(r.pk)) for r in rounds]
    context["can_read_statistics"] = user.has_role(Role.QA_LEAD, Role.MODERATOR)
    return render(request, "moderation/home.html", context)


# ---- A round's sample (QA lead) -----------------------------------------------------------------------------


def round_moderation(request: HttpRequest, round_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit_round = audit_access.get_round_for_user(user, round_id)
    return _render_round(request, user, audit_round)


def _render_round(
    request: HttpRequest,
    user: User,
    audit_round: AuditRound,
    *,
    sample_form: SampleForm | None = None,
    flag_form: FlagForm | None = None,
    status: int = 200,
) -> HttpResponse:
    sample = ModerationSample.objects.filter(round=audit_round).first()
    items = list(sample.items.select_related("audit__auditor", "moderator", "second_marking")) if sample else []
    in_sample = [i.audit_id for i in items]
    unflagged = audit_round.audits.exclude(pk__in=in_sample)
    return render(
        request,
        "moderation/round.html",
        {
            "round": audit_round,
            "sample": sample,
            "items": items,
            "submitted": audit_round.audits.filter(status=AuditStatus.SUBMITTED).count(),
            "sample_form": sample_form or SampleForm(user=user),
            "flag_form": flag_form or FlagForm(user=user, audits=unflagged),
            "can_flag": unflagged.filter(status=AuditStatus.SUBMITTED).exists(),
        },
        status=status,
    )


@require_POST
def sample_draw(request: HttpRequest, round_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit_round = audit_access.get_round_for_user(user, round_id)
    form = SampleForm(request.POST, user=user)
    if form.is_valid():
        try:
            items = services.sample_draw(
                audit_round=audit_round,
                by=user,
                percent=form.cleaned_data["percent"],
                moderators=list(form.cleaned_data["moderators"]),
            )
        except services.ModerationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Sample drawn: {len(items)} audits sent for blind second marking.")
            return redirect("moderation:round", round_id=audit_round.pk)
    return _render_round(request, user, audit_round, sample_form=form, status=400)


@require_POST
def audit_flag(request: HttpRequest, round_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit_round = audit_access.get_round_for_user(user, round_id)
    form = FlagForm(request.POST, user=user, audits=audit_round.audits.all())
    if form.is_valid():
        try:
            item = services.audit_flag(
                audit=form.cleaned_data["audit"],
                by=user,
                moderator=form.cleaned_data["moderator"],
                note=form.cleaned_data["note"] or "",
            )
        except services.ModerationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Audit {item.audit.audit_number} sent to {item.moderator} for moderation.")
            return redirect("moderation:round", round_id=audit_round.pk)
    return _render_round(request, user, audit_round, flag_form=form, status=400)


# ---- Second marking and resolution (moderator) --------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def marking(request: HttpRequest, marking_id: int) -> HttpResponse:
    """The blind marking page: plan text and criteria, never the other marking's answers."""
    user = signed_in_user(request)
    marking = access.get_marking_for_user(user, marking_id)
    sections = selectors.marking_sections(marking)
    criteria = [c for s in sections for c in s.criteria]
    saved = selectors.marking_judgements(marking)
    initial = {}
    for c in criteria:
        j = saved.get(c.pk)
        initial[f"answer_{c.pk}"] = j.answer if j else ""
        initial[f"comment_{c.pk}"] = j.comment if j else ""
    form = MarkingForm(initial=initial, criteria=criteria)
    editable = marking.marker_id == user.pk and not marking.is_submitted
    status = 200
    if request.method == "POST":
        if not editable:
            raise PermissionDenied("This marking is not yours to change, or it is submitted.")
        form = MarkingForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                services.marking_save(
                    marking=marking,
                    by=user,
                    judgements={cid: JudgementInput(a, c) for cid, (a, c) in form.judgements().items()},
                )
                if request.POST.get("then") == "submit":
                    services.marking_submit(marking=marking, by=user)
            except services.ModerationError as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                return _after_marking(request, marking)
        else:
            status = 400
    item = ModerationItem.objects.filter(second_marking=marking).select_related("audit").first()
    return render(
        request,
        "moderation/marking.html",
        {
            "marking": marking,
            "item": item,
            "form": form,
            "editable": editable,
            "sections": [
                (s, [(c, form[f"answer_{c.pk}"], form[f"comment_{c.pk}"]) for c in s.criteria]) for s in sections
            ],
            "calibration": marking.calibrations.first(),
        },
        status=status,
    )


def _after_marking(request: HttpRequest, marking: Marking) -> HttpResponse:
    if not marking.is_submitted:
        messages.success(request, "Marking saved. Submit it when every criterion is answered.")
        return redirect("moderation:marking", marking_id=marking.pk)
    item = ModerationItem.objects.filter(second_marking=marking).first()
    if item is not None:
        messages.success(request, "Marking submitted. You can now compare it with the first audit.")
        return redirect("moderation:item", item_id=item.pk)
    messages.success(request, "Marking submitted.")
    exercise = marking.calibrations.first()
    return redirect("moderation:calibration", exercise_id=exercise.pk) if exercise else redirect("moderation:home")


@require_http_methods(["GET", "POST"])
def item_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    """Side by side once the blind marking is in; the moderator records the agreed result here."""
    user = signed_in_user(request)
    item = access.get_item_for_user(user, item_id)
    if item.status == ItemStatus.AWAITING_MARKING:
        if item.moderator_id == user.pk:
            return redirect("moderation:marking", marking_id=item.second_marking_id)
        return render(request, "moderation/item_waiting.html", {"item": item})
    form = ResolveForm(initial={"score": item.second_marking.derived_score})
    status = 200
    if request.method == "POST":
        access.require_item_moderator(user, item)
        form = ResolveForm(request.POST)
        if form.is_valid():
            try:
                services.item_resolve(
                    item=item, by=user, score=form.cleaned_data["score"], reason=form.cleaned_data["reason"]
                )
            except services.ModerationError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    f"Agreed result recorded for audit {item.audit.audit_number}. The first auditor has been told.",
                )
                return redirect("moderation:item", item_id=item.pk)
        status = 400
    sections = selectors.comparison(item)
    return render(
        request,
        "moderation/item.html",
        {
            "item": item,
            "audit": item.audit,
            "second": item.second_marking,
            "sections": sections,
            "differences": sum(s.differences for s in sections),
            "form": form,
            "can_resolve": item.moderator_id == user.pk and item.status == ItemStatus.MARKED,
        },
        status=status,
    )


# ---- The first auditor's outcomes ---------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def outcomes(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    items = list(
        access.outcomes_for_auditor(user)
        .filter(status=ItemStatus.RESOLVED)
        .select_related("audit__round", "second_marking")
        .order_by("-resolved_at")
    )
    if request.method == "POST":
        count = services.outcomes_acknowledge(by=user, items=items)
        messages.success(request, f"{count} outcome{'s' if count != 1 else ''} marked as read.")
        return redirect("moderation:outcomes")
    return render(
        request,
        "moderation/outcomes.html",
        {
            "items": items,
            "new_count": sum(1 for i in items if i.outcome_seen_at is None),
            "waiting": access.outcomes_for_auditor(user).exclude(status=ItemStatus.RESOLVED).count(),
        },
    )


def outcome_detail(request: HttpRequest, item_id: int) -> HttpResponse:
    user = signed_in_user(request)
    item = access.get_outcome_for_auditor(user, item_id)
    if item.status != ItemStatus.RESOLVED:
        return render(request, "moderation/item_waiting.html", {"item": item})
    sections = selectors.comparison(item)
    return render(
        request,
        "moderation/outcome.html",
        {
            "item": item,
            "audit": item.audit,
            "second": item.second_marking,
            "sections": [s for s in sections if s.differences],
        },
    )


# ---- Statistics (QA lead, moderator) ------------------------------------------------------------------------


def statistics_overview(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    access.require_statistics_reader(user)
    return render(request, "moderation/statistics_overview.html", {"trend": selectors.trend(user.local_authority)})


def round_statistics(request: HttpRequest, round_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit_round = _round_for_statistics(user, round_id)
    return render(
        request,
        "moderation/round_statistics.html",
        {"stats": selectors.round_statistics(audit_round), "round": audit_round},
    )


def machine_human(request: HttpRequest, round_id: int) -> HttpResponse:
    user = signed_in_user(request)
    audit_round = _round_for_statistics(user, round_id)
    rows = selectors.machine_human(audit_round.audits.all(), audit_round.framework)
    return render(request, "moderation/machine_human.html", {"round": audit_round, "rows": rows})


def _round_for_statistics(user: User, round_id: int) -> AuditRound:
    audit_round = get_tenant_object(user, AuditRound, round_id)
    access.require_statistics_reader(user)
    return audit_round


# ---- Calibration --------------------------------------------------------------------------------------------


def calibration_list(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    exercises = access.calibrations_for_user(user).select_related("plan")
    return render(
        request, "moderation/calibration_list.html", {"exercises": exercises, "is_qa_lead": user.has_role(Role.QA_LEAD)}
    )


@require_http_methods(["GET", "POST"])
def calibration_create(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD)
    form = CalibrationForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            exercise = services.calibration_create(
                by=user,
                name=form.cleaned_data["name"],
                plan=form.cleaned_data["plan"],
                framework=form.cleaned_data["framework"],
                auditors=list(form.cleaned_data["auditors"]),
            )
        except services.ModerationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Calibration exercise set: {exercise.markings.count()} auditors to mark.")
            return redirect("moderation:calibration", exercise_id=exercise.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "moderation/calibration_form.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def calibration_detail(request: HttpRequest, exercise_id: int) -> HttpResponse:
    user = signed_in_user(request)
    exercise = access.get_calibration_for_user(user, exercise_id)
    is_qa_lead = user.has_role(Role.QA_LEAD)
    form = CloseCalibrationForm(request.POST or None, initial={"notes": exercise.discussion_notes})
    if request.method == "POST":
        require_role(user, Role.QA_LEAD)
        if form.is_valid():
            services.calibration_close(exercise=exercise, by=user, notes=form.cleaned_data["notes"] or "")
            messages.success(request, "Calibration exercise closed and the discussion recorded.")
            return redirect("moderation:calibration", exercise_id=exercise.pk)
    summary = selectors.calibration_summary(exercise)
    mine = next((m for m in summary.markings if m.marker_id == user.pk), None)
    # Auditors see the others' results only once their own marking is in, so it stays blind.
    shows_results = is_qa_lead or (mine is not None and mine.is_submitted)
    return render(
        request,
        "moderation/calibration_detail.html",
        {
            "exercise": exercise,
            "summary": summary,
            "mine": mine,
            "shows_results": shows_results,
            "is_qa_lead": is_qa_lead,
            "form": form,
            "open": exercise.status == CalibrationStatus.OPEN,
        },
    )
