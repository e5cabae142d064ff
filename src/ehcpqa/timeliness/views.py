"""Timeliness pages: the statutory measures report, case lists behind each figure, the CSV import of case events
and the lists of reviews due this term, per school."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from ehcpqa.accounts.access import require_role, signed_in_user
from ehcpqa.accounts.models import Role
from ehcpqa.timeliness import selectors, services
from ehcpqa.timeliness.case_csv import OPTIONAL, REQUIRED, CaseFileError
from ehcpqa.timeliness.deadlines import EVENT_KINDS, Status, term_containing
from ehcpqa.timeliness.models import CaseImportStatus
from ehcpqa.timeliness.rules import statutory_rules

PAGE_SIZE = 50


def report(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    rows = selectors.timeliness_summary(user, today=timezone.localdate())
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="timeliness.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                "rule",
                "measure",
                "completed",
                "on time",
                "late",
                "percent on time (all)",
                "with exceptions",
                "percent on time (without exceptions)",
                "not yet due",
                "overdue",
            ]
        )
        for r in rows:
            writer.writerow(
                [
                    r.rule.code,
                    r.rule.title,
                    r.completed,
                    r.on_time,
                    r.late,
                    r.percent_on_time,
                    r.with_exceptions,
                    r.percent_on_time_without_exceptions,
                    r.due,
                    r.overdue,
                ]
            )
        return response
    return render(
        request,
        "timeliness/report.html",
        {
            "rows": rows,
            "book": statutory_rules(),
            "can_import": user.has_role(Role.QA_LEAD),
        },
    )


def measure_cases(request: HttpRequest, rule: str) -> HttpResponse:
    user = signed_in_user(request)
    try:
        rule_obj = statutory_rules().rule(rule)
    except KeyError:
        raise Http404("No such measure") from None
    raw_status = request.GET.get("status", "")
    status = Status(raw_status) if raw_status in {s.value for s in Status} else None
    exceptions = {"yes": True, "no": False}.get(request.GET.get("exceptions", ""))
    measures = selectors.measure_list(user, rule=rule, status=status, today=timezone.localdate(), exceptions=exceptions)
    page = Paginator(measures, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "timeliness/measure_cases.html",
        {
            "rule": rule_obj,
            "status": status,
            "exceptions": exceptions,
            "page": page,
            "today": timezone.localdate(),
            "can_open_plans": user.has_role(Role.QA_LEAD),
            "query": query.urlencode(),
        },
    )


def reviews_due(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    term = term_containing(timezone.localdate(), statutory_rules().terms)
    school = request.GET.get("school")
    if request.GET.get("format") == "csv":
        measures = selectors.reviews_due(user, term=term, school=school)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = "reviews-due" + ("-" + _slug(school) if school else "") + ".csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow(["school", "reference", "review due by", "reviews every", "overdue"])
        for m in measures.iterator(chunk_size=2000):
            writer.writerow(
                [
                    m.case.school,
                    m.case.reference,
                    m.due.isoformat(),
                    "6 months (under 5)" if m.rule == "UNDER-5-REVIEW" else "12 months",
                    "yes" if m.due < term.start else "no",
                ]
            )
        return response
    return render(
        request,
        "timeliness/reviews_due.html",
        {
            "term": term,
            "schools": selectors.reviews_due_by_school(user, term=term),
        },
    )


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")[:60] or "no-school"


@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    require_role(user, Role.QA_LEAD)
    error = None
    parsed = None
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("file")
        status = 400
        if upload is None:
            error = "Select a CSV file of case events."
        elif upload.size is not None and upload.size > services.MAX_CSV_BYTES:
            error, status = "The file is larger than 50 MB. Split it into smaller files.", 413
        else:
            try:
                case_import, parsed = services.case_import_upload(
                    user=user, filename=upload.name or "cases.csv", data=upload.read()
                )
            except CaseFileError as exc:
                error = str(exc)
            else:
                if case_import is not None:
                    return redirect("timeliness:import-preview", import_id=case_import.pk)
    return render(
        request,
        "timeliness/import_upload.html",
        {
            "error": error,
            "parsed": parsed,
            "required": REQUIRED,
            "optional": OPTIONAL,
            "events": EVENT_KINDS,
            "exceptions": statutory_rules().exceptions,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, import_id: int) -> HttpResponse:
    user = signed_in_user(request)
    case_import = selectors.get_case_import(user, import_id)
    if case_import.status != CaseImportStatus.PREVIEWED:
        return render(request, "timeliness/import_done.html", {"case_import": case_import})
    if request.method == "POST":
        if request.POST.get("action") == "discard":
            services.case_import_discard(user=user, case_import=case_import)
            messages.success(request, "The import was discarded. Nothing was changed.")
            return redirect("timeliness:import")
        try:
            case_import = services.case_import_confirm(user=user, case_import=case_import)
        except services.CaseImportInvalid:
            pass
        else:
            messages.success(
                request, f"Import complete: {case_import.event_count} events for {case_import.case_count} children."
            )
            return redirect("timeliness:report")
    parsed = services.case_import_preview(case_import=case_import)
    cases = sorted(parsed.cases.values(), key=lambda c: c.reference)[:500]
    return render(
        request,
        "timeliness/import_preview.html",
        {
            "case_import": case_import,
            "parsed": parsed,
            "cases": cases,
        },
        status=200 if parsed.ok else 400,
    )
