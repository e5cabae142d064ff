"""Dashboard, drill-down, exports, the board pack and the public key figures. Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from ehcpqa.accounts.access import signed_in_user
from ehcpqa.accounts.models import LocalAuthority, Role
from ehcpqa.audits.selectors import PHASE_LABELS
from ehcpqa.plans.models import PrimaryNeed
from ehcpqa.reporting import selectors as s
from ehcpqa.reporting import tables as t
from ehcpqa.reporting.charts import bar_chart
from ehcpqa.reporting.commentary import commentary
from ehcpqa.reporting.exports import table_csv, table_xlsx
from ehcpqa.reporting.figures import TABLE_KEYS, Figures
from ehcpqa.reporting.filters import DIMENSION_BY_CODE, DIMENSIONS, KEY_STAGES, Filters, describe
from ehcpqa.timeliness.selectors import timeliness_counts

PAGE_SIZE = 50
DRILLDOWN_KEYS = (
    "audit_grade",
    "audited",
    "criterion",
    "section",
    "weak",
    "action",
    "feedback",
    "machine_grade",
    "machine",
    "finding_section",
)
BOARD_PACK_COHORTS = ("phase", "primary_need", "looked_after", "year9")


@dataclass(frozen=True)
class Panel:
    table: t.Table
    chart: SafeString

    @classmethod
    def of(cls, table: t.Table) -> Panel:
        return cls(table, mark_safe(bar_chart(table)))  # noqa: S308 - built by charts.py with every text escaped


def _scope(request: HttpRequest) -> s.Scope:
    return s.Scope.for_user(signed_in_user(request), Filters.from_query(request.GET))


def _dimension(request: HttpRequest) -> str:
    by = request.GET.get("by", "phase")
    return by if by in DIMENSION_BY_CODE else "phase"


def dashboard(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    scope = _scope(request)
    by = _dimension(request)
    officers = s.officer_names(user)
    figures = Figures(scope, today=timezone.localdate(), officers=officers)
    grades, grade_summary = figures.grades()
    sections, criteria = figures.weaknesses()
    machine, machine_sections, _ = figures.machine()
    rounds = s.round_names(user)
    return render(
        request,
        "reporting/dashboard.html",
        {
            "filters": scope.filters,
            "query": scope.filters.as_query(),
            "by": by,
            "dimensions": DIMENSIONS,
            "filter_words": describe(scope.filters, rounds, officers),
            "rounds": rounds,
            "choices": s.filter_choices(user),
            "officers": officers,
            "phases": PHASE_LABELS,
            "key_stages": {k: v[0] for k, v in KEY_STAGES.items()},
            "needs": PrimaryNeed.choices,
            "summary": grade_summary,
            "grades": Panel.of(grades),
            "sections": Panel.of(sections),
            "criteria": Panel(criteria, mark_safe("")),
            "cohort": Panel.of(figures.cohort(by)),
            "trends": Panel.of(figures.trends()),
            "actions": Panel.of(figures.actions()),
            "feedback": Panel.of(figures.feedback()),
            "machine": Panel.of(machine),
            "machine_sections": Panel.of(machine_sections),
        },
    )


def plans(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    scope = _scope(request)
    selection = {k: request.GET.get(k, "")[:40] for k in DRILLDOWN_KEYS if request.GET.get(k)}
    found = s.drilldown_plans(scope, selection, today=timezone.localdate())
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reporting/plans.html",
        {
            "page": page,
            "selection": selection,
            "query": query.urlencode(),
            "filter_words": describe(scope.filters, s.round_names(user), s.officer_names(user)),
            "dashboard_query": scope.filters.as_query(),
            "can_open_plans": user.has_role(Role.QA_LEAD),
        },
    )


def export(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    scope = _scope(request)
    key = request.GET.get("table", "")
    if key not in TABLE_KEYS:
        raise Http404("No such table")
    table = Figures(scope, today=timezone.localdate(), officers=s.officer_names(user)).table(key)
    if request.GET.get("published") == "yes":
        table = t.suppress(table)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            table_xlsx(table), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{key}.xlsx"'
        return response
    response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{key}.csv"'
    return response


def board_pack_context(
    figures: Figures, *, authority: LocalAuthority, rounds: dict[int, str], published: bool
) -> dict[str, Any]:
    scope, today = figures.scope, figures.today
    grades, grade_summary = figures.grades()
    sections, criteria = figures.weaknesses()
    machine, machine_sections, machine_summary = figures.machine()
    cohorts = [figures.cohort(d) for d in BOARD_PACK_COHORTS]
    timeliness = timeliness_counts(local_authority_id=authority.pk, today=today)
    weakness_rows = figures.weakness_rows()
    lines = commentary(
        grades=grade_summary,
        sections=s.section_rows(weakness_rows),
        criteria=weakness_rows,
        trends=figures.trend_rows(),
        actions=figures.action_summary(),
        machine=machine_summary,
        suppressed=published,
    )
    worst_criteria = t.Table(
        criteria.key,
        "Criteria most often not fully met (top 15)",
        criteria.columns,
        sorted(criteria.rows, key=_weak_share, reverse=True)[:15],
        heat_map=True,
        note=criteria.note,
    )
    all_tables = [
        grades,
        sections,
        worst_criteria,
        *cohorts,
        figures.trends(),
        figures.actions(),
        figures.feedback(),
        machine,
        machine_sections,
    ]
    if published:
        all_tables = [t.suppress(x) for x in all_tables]
    return {
        "authority": authority,
        "today": today,
        "published": published,
        "commentary": lines,
        "filter_words": describe(scope.filters, rounds, figures.officers),
        "summary": grade_summary,
        "panels": [Panel.of(x) for x in all_tables],
        "timeliness": timeliness,
        "suppress_below": t.SUPPRESS_BELOW,
    }


def board_pack(request: HttpRequest) -> HttpResponse:
    from weasyprint import HTML  # imported here: loading Pango is slow and only the PDF needs it

    user = signed_in_user(request)
    scope = _scope(request)
    published = request.GET.get("version", "published") != "internal"
    figures = Figures(scope, today=timezone.localdate(), officers=s.officer_names(user))
    context = board_pack_context(
        figures, authority=user.local_authority, rounds=s.round_names(user), published=published
    )
    html = render_to_string("reporting/board_pack.html", context)
    if request.GET.get("format") == "html":
        return HttpResponse(html)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    name = "board-pack" + ("" if published else "-internal") + ".pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_not_required
def key_figures(request: HttpRequest, slug: str) -> HttpResponse:
    """Public, for the Local Offer: aggregates of the whole authority only, small numbers suppressed."""
    authority = get_object_or_404(LocalAuthority, slug=slug)
    scope = s.Scope(authority.pk, Filters())
    grades, summary = Figures(scope, today=timezone.localdate(), officers={}).grades()
    timeliness = [
        r
        for r in timeliness_counts(local_authority_id=authority.pk, today=timezone.localdate())
        if r.rule.code in ("FINAL-20-WEEKS", "ANNUAL-REVIEW")
    ]
    rows = []
    for r in timeliness:
        rows.append(
            [
                t.Cell(r.rule.title),
                t.Cell(r.completed, "count"),
                t.Cell(r.percent_on_time, "percent", base=r.completed),
                t.Cell(r.percent_on_time_without_exceptions, "percent", base=r.completed_without_exceptions),
            ]
        )
    timeliness_table = t.Table(
        "timeliness",
        "Statutory timeliness",
        ["Measure", "Completed", "On time (all)", "On time (without exceptions)"],
        rows,
    )
    return render(
        request,
        "reporting/key_figures.html",
        {
            "authority": authority,
            "grades": Panel.of(t.suppress(grades)),
            "timeliness": Panel.of(t.suppress(timeliness_table)),
            "plans_held": _suppressed_count(s.plans(scope).count()),
            "audits": _suppressed_count(summary.total),
            "suppress_below": t.SUPPRESS_BELOW,
        },
    )


def _suppressed_count(value: int) -> t.Cell:
    return t.suppress(t.Table("one", "", [""], [[t.Cell(value, "count")]])).rows[0][0]


def _weak_share(row: list[t.Cell]) -> float:
    value = row[6].value
    return float(value) if isinstance(value, int | float) else 0.0
