"""Reads for the moderation pages: the side-by-side comparison, agreement statistics, machine-versus-human agreement
and calibration spreads. The arithmetic is in moderation.statistics (pure); this module only gathers the pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from ehcpqa.accounts.models import LocalAuthority, User
from ehcpqa.analysis.models import AnalysisRun, RunStatus, StoredFinding
from ehcpqa.audits import rules as audit_rules
from ehcpqa.audits.documents import mask_identity
from ehcpqa.audits.models import Answer, Audit, AuditRound, AuditStatus, Criterion, CriterionJudgement, Framework
from ehcpqa.audits.selectors import audit_sections, masked_section_text
from ehcpqa.moderation import statistics as stats
from ehcpqa.moderation.models import CalibrationExercise, ItemStatus, Marking, MarkingJudgement, ModerationItem

ANSWER_CATEGORIES: tuple[str, ...] = tuple(Answer.values)  # nominal: not applicable is not on the ordinal scale
CONCERN_ANSWERS = frozenset({Answer.NOT_MET.value, Answer.PARTLY_MET.value})


# ---- The marking page -----------------------------------------------------------------------------------------


@dataclass
class MarkingSection:
    section: str
    title: str
    criteria: list[Criterion]
    plan_text: dict[str, list[str]] | None
    # The machine's findings for these criteria, evidence masked: what the first auditor saw too, without their
    # accept / reject decisions (those would give the first marking away).
    findings: list[tuple[StoredFinding, str]] = field(default_factory=list)


def latest_run(marking: Marking) -> AnalysisRun | None:
    if marking.version_id is None:
        return None
    return (
        AnalysisRun.objects.filter(version_id=marking.version_id, status=RunStatus.DONE).order_by("-created_at").first()
    )


def marking_sections(marking: Marking) -> list[MarkingSection]:
    """Criteria by section with the masked plan text beside them, exactly as blind as an audit."""
    criteria = list(marking.framework.criteria.all())
    run = latest_run(marking)
    # masked_section_text only reads the plan (for the names to mask); an unsaved Audit carries it there.
    stand_in = Audit(plan=marking.plan, version=marking.version)
    findings = list(StoredFinding.objects.filter(run=run).order_by("pk")) if run else []
    section_of = {c.code: c.section for c in criteria}
    plan = marking.plan
    names = [plan.child_name] if plan.child_name else []
    out = []
    for section in audit_sections(criteria):
        text = masked_section_text(stand_in, run, section) if section not in ("GEN", "P") else None
        here = [
            (f, mask_identity(f.evidence_text, child_names=names, date_of_birth=plan.date_of_birth))
            for f in findings
            if section_of.get(f.criterion, f.section) == section
        ]
        out.append(
            MarkingSection(
                section, audit_rules.section_title(section), [c for c in criteria if c.section == section], text, here
            )
        )
    return out


def marking_judgements(marking: Marking) -> dict[int, MarkingJudgement]:
    return {j.criterion_id: j for j in marking.judgements.all()}


# ---- Side by side -------------------------------------------------------------------------------------------


@dataclass
class ComparedCriterion:
    criterion: Criterion
    first: CriterionJudgement | None
    second: MarkingJudgement | None

    @property
    def first_answer(self) -> str:
        return self.first.answer if self.first else ""

    @property
    def second_answer(self) -> str:
        return self.second.answer if self.second else ""

    @property
    def differs(self) -> bool:
        return self.first_answer != self.second_answer

    @property
    def steps_apart(self) -> int | None:
        """Distance on met / partly met / not met; None when either is not applicable or missing."""
        order = stats.ANSWER_ORDER
        if self.first_answer in order and self.second_answer in order:
            return abs(order.index(self.first_answer) - order.index(self.second_answer))
        return None


@dataclass
class ComparedSection:
    section: str
    title: str
    rows: list[ComparedCriterion]

    @property
    def differences(self) -> int:
        return sum(1 for r in self.rows if r.differs)


def comparison(item: ModerationItem) -> list[ComparedSection]:
    criteria = list(item.audit.round.framework.criteria.all())
    first = {j.criterion_id: j for j in CriterionJudgement.objects.filter(audit=item.audit)}
    second = marking_judgements(item.second_marking)
    return [
        ComparedSection(
            s,
            audit_rules.section_title(s),
            [ComparedCriterion(c, first.get(c.pk), second.get(c.pk)) for c in criteria if c.section == s],
        )
        for s in audit_sections(criteria)
    ]


# ---- Agreement statistics -------------------------------------------------------------------------------------


def marked_items(items: QuerySet[ModerationItem]) -> list[ModerationItem]:
    """Items whose blind second marking is in: the pairs that agreement is measured on."""
    return list(
        items.filter(status__in=[ItemStatus.MARKED, ItemStatus.RESOLVED]).select_related(
            "audit__auditor", "audit__round", "second_marking"
        )
    )


@dataclass
class Agreement:
    pairs: int
    exact: float | None
    within_one: float | None
    kappa: float | None  # quadratic-weighted, on grade
    icc: float | None  # ICC(2,1), on score


def overall_agreement(items: list[ModerationItem]) -> Agreement:
    grade_pairs = [
        (i.audit.final_grade, i.second_marking.derived_grade)
        for i in items
        if i.audit.final_grade and i.second_marking.derived_grade
    ]
    scores = [
        [float(i.audit.final_score), float(i.second_marking.derived_score)]
        for i in items
        if i.audit.final_score is not None and i.second_marking.derived_score is not None
    ]
    return Agreement(
        pairs=len(grade_pairs),
        exact=stats.exact_agreement(grade_pairs),
        within_one=stats.within_one_band_agreement(grade_pairs, stats.GRADE_ORDER),
        kappa=stats.cohen_kappa(grade_pairs, stats.GRADE_ORDER, stats.KappaWeights.QUADRATIC),
        icc=stats.icc(scores, stats.IccForm.TWO_WAY_RANDOM),
    )


@dataclass
class CriterionRow:
    code: str
    text: str
    agreement: stats.CriterionAgreement


def criterion_agreement(items: list[ModerationItem]) -> list[CriterionRow]:
    """Per criterion: the first auditor's answer against the second marker's, over every marked item."""
    audit_of_marking = {i.second_marking_id: i.audit_id for i in items}
    first = {
        (j.audit_id, j.criterion_id): j.answer
        for j in CriterionJudgement.objects.filter(audit_id__in=audit_of_marking.values()).exclude(answer="")
    }
    rows: list[tuple[int, str, str]] = []
    for j in MarkingJudgement.objects.filter(marking_id__in=audit_of_marking).exclude(answer=""):
        first_answer = first.get((audit_of_marking[j.marking_id], j.criterion_id))
        if first_answer:
            rows.append((j.criterion_id, first_answer, j.answer))
    per_criterion = stats.per_criterion_agreement(rows, ANSWER_CATEGORIES)
    criteria = Criterion.objects.filter(pk__in=per_criterion).order_by("position", "code")
    return [CriterionRow(c.code, c.text, per_criterion[c.pk]) for c in criteria]


@dataclass
class AuditorBias:
    auditor: User
    bias: stats.Bias
    drift: float | None = None
    by_round: list[tuple[str, stats.Bias | None]] = field(default_factory=list)


def auditor_biases(items: list[ModerationItem]) -> list[AuditorBias]:
    """Each first auditor's mean difference from the agreed (moderated) score, over resolved items."""
    resolved = [i for i in items if i.status == ItemStatus.RESOLVED and i.audit.final_score is not None]
    people = {i.audit.auditor_id: i.audit.auditor for i in resolved}
    bias = stats.auditor_bias(
        (i.audit.auditor_id, float(i.audit.final_score or 0), float(i.agreed_score or 0)) for i in resolved
    )
    return sorted((AuditorBias(people[a], b) for a, b in bias.items()), key=lambda r: str(r.auditor))


@dataclass
class RoundStatistics:
    round: AuditRound
    status_counts: dict[str, int]
    agreement: Agreement
    criteria: list[CriterionRow]
    biases: list[AuditorBias]


def round_statistics(audit_round: AuditRound) -> RoundStatistics:
    items_qs = ModerationItem.objects.filter(sample__round=audit_round)
    counts = Counter(items_qs.values_list("status", flat=True))
    items = marked_items(items_qs)
    return RoundStatistics(
        audit_round,
        {s.label: counts.get(s.value, 0) for s in ItemStatus},
        overall_agreement(items),
        criterion_agreement(items),
        auditor_biases(items),
    )


@dataclass
class Trend:
    rounds: list[tuple[AuditRound, Agreement]]
    auditors: list[AuditorBias]


def trend(local_authority: LocalAuthority) -> Trend:
    """Agreement per round, oldest first, and each auditor's bias per round with its drift (slope per round)."""
    rounds = list(
        AuditRound.objects.filter(local_authority=local_authority, moderation_sample__isnull=False).order_by(
            "period_start", "pk"
        )
    )
    items = marked_items(ModerationItem.objects.filter(sample__round__in=rounds))
    by_round: dict[int, list[ModerationItem]] = defaultdict(list)
    for i in items:
        by_round[i.audit.round_id].append(i)
    rows = [(r, overall_agreement(by_round[r.pk])) for r in rounds]
    auditors = auditor_biases(items)
    resolved = [i for i in items if i.status == ItemStatus.RESOLVED and i.audit.final_score is not None]
    for row in auditors:
        mine = [
            (i.audit.round_id, float(i.audit.final_score or 0), float(i.agreed_score or 0))
            for i in resolved
            if i.audit.auditor_id == row.auditor.pk
        ]
        series = stats.bias_by_period(mine, [r.pk for r in rounds])
        per_round = {p.period: p.bias for p in series}
        row.by_round = [(r.name, per_round.get(r.pk)) for r in rounds]
        row.drift = stats.drift(series)
    return Trend(rows, auditors)


# ---- Machine versus human ------------------------------------------------------------------------------------


@dataclass
class MachineRow:
    code: str
    text: str
    agreement: stats.MachineHumanAgreement


def _latest_runs(version_ids: set[int]) -> dict[int, int]:
    """Version id -> id of its newest finished analysis run."""
    latest: dict[int, int] = {}
    for run_id, version_id in (
        AnalysisRun.objects.filter(version_id__in=version_ids, status=RunStatus.DONE)
        .order_by("version_id", "-created_at", "-pk")
        .values_list("pk", "version_id")
    ):
        latest.setdefault(version_id, run_id)
    return latest


def machine_human(audits: QuerySet[Audit], framework: Framework) -> list[MachineRow]:
    """Per automated criterion: did any finding inform it (machine flag) against the human answer (concern =
    not met or partly met). Not applicable and unanswered criteria, and audits of unanalysed plans, are left out."""
    automated = {c.pk: c for c in framework.criteria.all() if c.automated or c.automated_checks}
    submitted = list(audits.filter(status=AuditStatus.SUBMITTED).exclude(version=None).values_list("pk", "version_id"))
    runs = _latest_runs({v for _, v in submitted})
    flagged: dict[int, set[str]] = defaultdict(set)  # run id -> criterion codes informed by a finding
    codes_of_check: dict[str, set[str]] = defaultdict(set)
    for c in automated.values():
        for check in c.automated_checks or []:
            codes_of_check[str(check)].add(c.code)
    for run_id, criterion_code, finding_code in StoredFinding.objects.filter(run_id__in=runs.values()).values_list(
        "run_id", "criterion", "code"
    ):
        flagged[run_id].add(criterion_code)
        flagged[run_id].update(codes_of_check.get(finding_code, ()))
    run_of_audit = {a: runs[v] for a, v in submitted if v in runs}
    rows: list[tuple[int, bool, bool]] = []
    for audit_id, criterion_id, answer in CriterionJudgement.objects.filter(
        audit_id__in=run_of_audit, criterion_id__in=automated
    ).values_list("audit_id", "criterion_id", "answer"):
        if answer in ("", Answer.NOT_APPLICABLE):
            continue
        machine_flag = automated[criterion_id].code in flagged[run_of_audit[audit_id]]
        rows.append((criterion_id, machine_flag, answer in CONCERN_ANSWERS))
    result = stats.machine_human_agreement(rows)
    return [MachineRow(c.code, c.text, result[pk]) for pk, c in automated.items() if pk in result]


# ---- Calibration ---------------------------------------------------------------------------------------------


@dataclass
class CriterionSpread:
    criterion: Criterion
    answers: dict[str, int]  # answer label -> how many auditors gave it

    @property
    def split(self) -> bool:
        return len(self.answers) > 1


@dataclass
class CalibrationSummary:
    markings: list[Marking]
    submitted: list[Marking]
    spread: stats.Spread | None
    criteria: list[CriterionSpread]


def calibration_summary(exercise: CalibrationExercise) -> CalibrationSummary:
    markings = list(exercise.markings.select_related("marker").order_by("marker__username"))
    submitted = [m for m in markings if m.is_submitted and m.derived_score is not None]
    spread = stats.spread([(float(m.derived_score or 0), m.derived_grade) for m in submitted])
    labels = dict(Answer.choices)
    answers: dict[int, Counter[str]] = defaultdict(Counter)
    for j in MarkingJudgement.objects.filter(marking__in=submitted).exclude(answer=""):
        answers[j.criterion_id][labels[j.answer]] += 1
    criteria = [
        CriterionSpread(c, dict(answers[c.pk].most_common()))
        for c in exercise.framework.criteria.all()
        if c.pk in answers
    ]
    return CalibrationSummary(markings, submitted, spread, criteria)
