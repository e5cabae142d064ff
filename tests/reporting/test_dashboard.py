"""Dashboard figures against counts worked out independently from the raw rows, plus access and drill-down."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from statistics import mean

import pytest
from django.test import Client
from django.urls import reverse

from ehcpqa.analysis.models import AnalysisRun, RunStatus
from ehcpqa.audits.models import Action, ActionStatus, Audit, AuditStatus, CriterionJudgement, Grade
from ehcpqa.plans.models import Plan
from tests.reporting.builders import TODAY, Built, build_authority
from tests.web.conftest import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(personas: Personas) -> Built:
    build_authority(personas.other_la, auditor=personas.outsider, case_officer=personas.outsider, seed=99, n_plans=20)
    return build_authority(personas.la, auditor=personas.auditor, case_officer=personas.case_officer)


def table(client: Client, key: str, query: str = "") -> list[dict[str, str]]:
    response = client.get(reverse("reporting:export") + f"?table={key}&format=csv&{query}")
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    header_at = next(i for i, line in enumerate(lines) if len(line) > 1)
    return [dict(zip(lines[header_at], line, strict=True)) for line in lines[header_at + 1 :]]


def final(audit: Audit) -> tuple[int, str]:
    score = audit.override_score if audit.override_score is not None else audit.derived_score
    assert score is not None
    return score, audit.override_grade or audit.derived_grade


def submitted(personas: Personas, **where: object) -> list[Audit]:
    return list(
        Audit.objects.filter(round__local_authority=personas.la, status=AuditStatus.SUBMITTED, **where).select_related(
            "plan"
        )
    )


def test_grade_distribution_and_mean_match_raw_rows(personas: Personas, built: Built) -> None:
    audits = submitted(personas)
    expected = Counter(final(a)[1] for a in audits)
    rows = {r["Grade"]: r for r in table(personas.client_for(personas.board_viewer), "grades")}
    for grade in Grade:
        assert int(rows[grade.label]["Audits"]) == expected[grade.value]
    assert int(rows["All submitted audits"]["Audits"]) == len(audits)
    assert float(rows["Mean score (1 to 10)"]["Audits"]) == round(mean(final(a)[0] for a in audits), 1)


def test_round_filter_and_cohort_filters_combine(personas: Personas, built: Built) -> None:
    round_2 = built.rounds[1]
    audits = [
        a
        for a in submitted(personas, round=round_2)
        if a.plan.year_group is not None and 7 <= a.plan.year_group <= 11 and not a.plan.looked_after
    ]
    rows = {
        r["Grade"]: r
        for r in table(
            personas.client_for(personas.qa_lead), "grades", f"round={round_2.pk}&phase=secondary&looked_after=no"
        )
    }
    assert int(rows["All submitted audits"]["Audits"]) == len(audits)
    expected = Counter(final(a)[1] for a in audits)
    assert {g.label: int(rows[g.label]["Audits"]) for g in Grade} == {g.label: expected[g.value] for g in Grade}


def test_heat_map_counts_match_judgements(personas: Personas, built: Built) -> None:
    judgements = CriterionJudgement.objects.filter(
        audit__round__local_authority=personas.la, audit__status=AuditStatus.SUBMITTED
    ).select_related("criterion")
    by_code: dict[str, Counter[str]] = {}
    for j in judgements:
        by_code.setdefault(j.criterion.code, Counter())[j.answer] += 1
    rows = table(personas.client_for(personas.qa_lead), "criteria")
    assert len(rows) == len(by_code)
    for row in rows:
        counts = by_code[row["Criterion"].split()[0]]
        judged = counts["met"] + counts["partly-met"] + counts["not-met"]
        assert (int(row["Judged"]), int(row["Met"]), int(row["Partly met"]), int(row["Not met"])) == (
            judged,
            counts["met"],
            counts["partly-met"],
            counts["not-met"],
        )
        assert float(row["Partly or not met"]) == round(100 * (counts["partly-met"] + counts["not-met"]) / judged, 1)
    sections = {r["Section"]: r for r in table(personas.client_for(personas.qa_lead), "sections")}
    f_judged = sum(
        v for code, c in by_code.items() if code.startswith("F-") for k, v in c.items() if k != "not-applicable"
    )
    assert int(sections["F"]["Judged"]) == f_judged


@pytest.mark.parametrize(
    ("dimension", "key"),
    [
        (
            "phase",
            lambda p: (
                "not-recorded"
                if p.year_group is None
                else "early_years"
                if p.year_group <= 0
                else "primary"
                if p.year_group <= 6
                else "secondary"
                if p.year_group <= 11
                else "post_16"
            ),
        ),
        ("year9", lambda p: "yes" if (p.year_group or -1) >= 9 else "no"),
        ("looked_after", lambda p: "yes" if p.looked_after else "no"),
        ("team", lambda p: p.team or "not-recorded"),
    ],
)
def test_cohort_split_matches_raw_rows(personas: Personas, built: Built, dimension: str, key: object) -> None:
    audits = submitted(personas)
    expected = Counter(key(a.plan) for a in audits)  # type: ignore[operator]
    rows = table(personas.client_for(personas.qa_lead), f"cohort-{dimension}")
    assert sorted(int(r["Audits"]) for r in rows) == sorted(expected.values())
    assert sum(int(r["Audits"]) for r in rows) == len(audits)


def test_issued_before_after_split(personas: Personas, built: Built) -> None:
    cutoff = date(2023, 6, 1)
    audits = submitted(personas)
    before = sum(1 for a in audits if a.plan.issued_date and a.plan.issued_date < cutoff)
    rows = {
        r["Plan issued before or after a date"]: r
        for r in table(personas.client_for(personas.qa_lead), "cohort-issued", "issued_cutoff=2023-06-01")
    }
    assert int(rows["Issued before 1 June 2023"]["Audits"]) == before
    assert int(rows["Issued on or after 1 June 2023"]["Audits"]) == len(audits) - before


def test_trends_by_round(personas: Personas, built: Built) -> None:
    rows = table(personas.client_for(personas.qa_lead), "trends")
    assert [r["Audit round"] for r in rows] == ["Round 1", "Round 2"]
    for row, round_ in zip(rows, built.rounds, strict=True):
        assert int(row["Audits"]) == len(submitted(personas, round=round_))


def test_actions_open_and_overdue(personas: Personas, built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    actions = list(Action.objects.filter(local_authority=personas.la))
    open_ = [a for a in actions if a.status != ActionStatus.DONE]
    rows = {r["Actions"]: r for r in table(personas.client_for(personas.qa_lead), "actions")}
    assert int(rows["Open (not done)"]["Number"]) == len(open_)
    assert int(rows["Overdue"]["Number"]) == sum(1 for a in open_ if a.due_date < TODAY)
    assert int(rows["All actions"]["Number"]) == len(actions)


def test_machine_picture_uses_the_latest_run_of_every_plan(personas: Personas, built: Built) -> None:
    latest: dict[int, AnalysisRun] = {}
    for run in (
        AnalysisRun.objects.filter(version__plan__local_authority=personas.la, status=RunStatus.DONE)
        .select_related("version")
        .order_by("version__number", "created_at", "id")
    ):
        latest[run.version.plan_id] = run  # later versions and runs overwrite earlier ones
    expected = Counter(r.suggested_grade for r in latest.values())
    rows = {r["Suggested grade"]: r for r in table(personas.client_for(personas.qa_lead), "machine")}
    assert int(rows["Plans analysed"]["Plans"]) == len(latest)
    assert (
        int(rows["Plans held (in these filters)"]["Plans"]) == Plan.objects.filter(local_authority=personas.la).count()
    )
    for grade in Grade:
        assert int(rows[grade.label]["Plans"]) == expected[grade.value]
    red = sum(1 for r in latest.values() if r.findings.filter(severity="red").exists())
    assert int(rows["Plans with at least one red finding"]["Plans"]) == red


def test_dashboard_page_labels_machine_findings_and_has_tables(personas: Personas, built: Built) -> None:
    page = personas.client_for(personas.board_viewer).get(reverse("reporting:dashboard")).content.decode()
    assert "Automated pre-audit (machine findings)" in page
    assert page.count("<svg") >= 5 and page.count("<table") >= page.count("<svg")  # every chart has its table
    assert 'role="img"' in page


def test_drilldown_lists_the_plans_behind_a_grade(personas: Personas, built: Built) -> None:
    good_plans = {a.plan.reference for a in submitted(personas) if final(a)[1] == Grade.GOOD}
    client = personas.client_for(personas.qa_lead)
    response = client.get(reverse("reporting:plans") + "?audit_grade=good")
    assert response.context["page"].paginator.count == len(good_plans)
    listed = {p.reference for p in response.context["page"].paginator.object_list}
    assert listed == good_plans


def test_excel_export_has_a_native_chart(personas: Personas, built: Built) -> None:
    from openpyxl import load_workbook

    response = personas.client_for(personas.qa_lead).get(reverse("reporting:export") + "?table=grades&format=xlsx")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.active
    assert sheet is not None and sheet["A1"].value == "Audit grades"
    assert len(sheet._charts) == 1  # noqa: SLF001 - openpyxl keeps charts on a private list


def test_published_export_suppresses_small_counts(personas: Personas, built: Built) -> None:
    rows = table(personas.client_for(personas.qa_lead), "actions", "published=yes")
    for row in rows:
        value = row["Number"]
        assert value == "fewer than 5" or value == "0" or int(value) >= 5


@pytest.mark.parametrize("who", ["auditor", "case_officer", "moderator"])
def test_other_roles_are_refused(personas: Personas, who: str) -> None:
    client = personas.client_for(getattr(personas, who))
    for name in ("reporting:dashboard", "reporting:plans", "reporting:board-pack"):
        assert client.get(reverse(name)).status_code == 403
    assert client.get(reverse("reporting:export") + "?table=grades").status_code == 403


def test_outsider_sees_only_their_own_authority(personas: Personas, built: Built) -> None:
    client = personas.client_for(personas.outsider)
    ours = len(submitted(personas))
    theirs = Audit.objects.filter(round__local_authority=personas.other_la, status=AuditStatus.SUBMITTED).count()
    rows = {r["Grade"]: r for r in table(client, "grades")}
    assert int(rows["All submitted audits"]["Audits"]) == theirs != ours
    # Our round id as a filter gives nothing, and drill-down never lists our plans.
    rows = {r["Grade"]: r for r in table(client, "grades", f"round={built.rounds[0].pk}")}
    assert int(rows["All submitted audits"]["Audits"]) == 0
    page = client.get(reverse("reporting:plans") + "?audited=yes").content.decode()
    assert "TES-" not in page


def test_drilldown_by_criterion_and_by_machine_findings(personas: Personas, built: Built) -> None:
    client = personas.client_for(personas.qa_lead)

    def listed(query: str) -> set[str]:
        response = client.get(reverse("reporting:plans") + "?" + query)
        return {p.reference for p in response.context["page"].paginator.object_list}

    weak = {
        j.audit.plan.reference
        for j in CriterionJudgement.objects.filter(
            audit__round__local_authority=personas.la,
            audit__status=AuditStatus.SUBMITTED,
            criterion__code="F-02",
            answer__in=["partly-met", "not-met"],
        ).select_related("audit__plan")
    }
    assert listed("criterion=F-02&weak=yes") == weak
    latest: dict[int, AnalysisRun] = {}
    for run in (
        AnalysisRun.objects.filter(version__plan__local_authority=personas.la, status=RunStatus.DONE)
        .select_related("version__plan")
        .order_by("version__number", "created_at", "id")
    ):
        latest[run.version.plan_id] = run
    red = {r.version.plan.reference for r in latest.values() if r.findings.filter(severity="red").exists()}
    assert listed("machine=red") == red
    in_f = {r.version.plan.reference for r in latest.values() if r.findings.filter(section="F").exists()}
    assert listed("finding_section=F") == in_f
