"""Agreement statistics for moderation and calibration: pure Python, no Django, no database.

Every function takes plain values (grades, answers, scores) and returns plain values, so each can be checked
against published or hand-computed figures (tests/moderation/test_statistics.py).

Conventions, applied everywhere:

- Empty input gives ``None`` ("no data"), never zero: a rate of nothing is not a rate of 0%.
- A chance-corrected statistic (kappa, ICC) is ``None`` when it is undefined: when the ratings show no variation
  (every rating in one category, or every score equal) the expected agreement is already perfect, the formula
  divides by zero, and pages show "not enough variation" instead of a number.
- Signed differences are *first marking minus moderated result*: positive means the auditor was more lenient
  (scored higher) than the agreed result, negative means harsher.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
C = TypeVar("C", bound=Hashable)
P = TypeVar("P", bound=Hashable)

# Grades from worst to best. Order matters for "within one band" and for weighted kappa.
GRADE_ORDER: tuple[str, ...] = ("inadequate", "requires-improvement", "good", "outstanding")
# Criterion answers from worst to best; "not-applicable" is not on the scale and is handled by the caller.
ANSWER_ORDER: tuple[str, ...] = ("not-met", "partly-met", "met")


class KappaWeights(Enum):
    NONE = "none"  # Cohen (1960): any disagreement counts in full
    LINEAR = "linear"
    QUADRATIC = "quadratic"  # Cohen (1968) with squared distances: near misses on an ordinal scale count less


# --- Simple agreement ------------------------------------------------------------------------------------------


def exact_agreement(pairs: Sequence[tuple[C, C]]) -> float | None:
    """Share of pairs where both ratings are the same."""
    if not pairs:
        return None
    return sum(1 for a, b in pairs if a == b) / len(pairs)


def within_one_band_agreement(pairs: Sequence[tuple[C, C]], order: Sequence[C]) -> float | None:
    """Share of pairs at most one step apart on the ordinal scale ``order`` (e.g. Good vs Outstanding agrees)."""
    if not pairs:
        return None
    position = _positions(order)
    return sum(1 for a, b in pairs if abs(position[a] - position[b]) <= 1) / len(pairs)


# --- Cohen's kappa ---------------------------------------------------------------------------------------------


def cohen_kappa(
    pairs: Sequence[tuple[C, C]], categories: Sequence[C], weights: KappaWeights = KappaWeights.NONE
) -> float | None:
    """Cohen's kappa for two ratings of each item, over the given categories (in scale order when weighted).

    Categories are given explicitly so that a category nobody used still counts towards the scale (it changes
    the weights) and so that a rating outside the scale is an error rather than silently a new category.

    kappa = (observed agreement - expected agreement) / (1 - expected agreement), where agreement is weighted:
    w(i, j) = 1 for the same category; unweighted 0 otherwise; linear 1 - |i-j|/(k-1); quadratic
    1 - (i-j)^2/(k-1)^2. Expected agreement uses the product of the two raters' marginal shares.
    Returns None for no pairs, or when the expected agreement is 1 (no variation: kappa is undefined).
    """
    if not pairs:
        return None
    position = _positions(categories)
    k = len(categories)
    if k < 2:
        return None  # a one-point scale has no variation to agree about
    n = len(pairs)
    table = [[0] * k for _ in range(k)]
    for a, b in pairs:
        table[position[a]][position[b]] += 1
    rows = [sum(table[i]) / n for i in range(k)]
    cols = [sum(table[i][j] for i in range(k)) / n for j in range(k)]
    weight = _kappa_weight_function(weights, k)
    observed = sum(weight(i, j) * table[i][j] / n for i in range(k) for j in range(k))
    expected = sum(weight(i, j) * rows[i] * cols[j] for i in range(k) for j in range(k))
    if math.isclose(expected, 1.0):
        return None
    return (observed - expected) / (1 - expected)


def _kappa_weight_function(weights: KappaWeights, k: int) -> Callable[[int, int], float]:
    span = k - 1
    if weights is KappaWeights.NONE:
        return lambda i, j: 1.0 if i == j else 0.0
    if weights is KappaWeights.LINEAR:
        return lambda i, j: 1 - abs(i - j) / span
    return lambda i, j: 1 - (i - j) ** 2 / span**2


# --- Intraclass correlation ------------------------------------------------------------------------------------


class IccForm(Enum):
    """Shrout & Fleiss (1979) single-rater forms."""

    ONE_WAY = "ICC(1,1)"  # each target rated by a different set of raters
    TWO_WAY_RANDOM = "ICC(2,1)"  # raters are a random sample; absolute agreement (rater bias counts against)
    TWO_WAY_MIXED = "ICC(3,1)"  # these raters only; consistency (a constant rater bias does not count)


@dataclass(frozen=True)
class MeanSquares:
    between_targets: float  # BMS
    within_targets: float  # WMS
    between_raters: float  # JMS
    residual: float  # EMS


def icc_mean_squares(ratings: Sequence[Sequence[float]]) -> MeanSquares | None:
    """ANOVA mean squares of a complete targets x raters table; None when there are under 2 targets or raters."""
    n = len(ratings)
    k = len(ratings[0]) if ratings else 0
    if n < 2 or k < 2:
        return None
    if any(len(row) != k for row in ratings):
        raise ValueError("every target needs a rating from every rater")
    grand = sum(sum(row) for row in ratings) / (n * k)
    row_means = [sum(row) / k for row in ratings]
    col_means = [sum(row[j] for row in ratings) / n for j in range(k)]
    ss_total = sum((x - grand) ** 2 for row in ratings for x in row)
    ss_rows = k * sum((m - grand) ** 2 for m in row_means)
    ss_cols = n * sum((m - grand) ** 2 for m in col_means)
    ss_within = ss_total - ss_rows
    ss_residual = ss_total - ss_rows - ss_cols
    return MeanSquares(
        between_targets=ss_rows / (n - 1),
        within_targets=ss_within / (n * (k - 1)),
        between_raters=ss_cols / (k - 1),
        residual=ss_residual / ((n - 1) * (k - 1)),
    )


def icc(ratings: Sequence[Sequence[float]], form: IccForm = IccForm.TWO_WAY_RANDOM) -> float | None:
    """Single-rater intraclass correlation of a targets x raters table (rows = targets, columns = raters).

    Returns None when undefined: fewer than 2 targets or 2 raters, or a zero denominator (no variation at all).
    """
    ms = icc_mean_squares(ratings)
    if ms is None:
        return None
    n, k = len(ratings), len(ratings[0])
    bms, wms, jms, ems = ms.between_targets, ms.within_targets, ms.between_raters, ms.residual
    if form is IccForm.ONE_WAY:
        numerator, denominator = bms - wms, bms + (k - 1) * wms
    elif form is IccForm.TWO_WAY_RANDOM:
        numerator, denominator = bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n
    else:
        numerator, denominator = bms - ems, bms + (k - 1) * ems
    if math.isclose(denominator, 0.0, abs_tol=1e-12):
        return None
    return numerator / denominator


# --- Per criterion ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CriterionAgreement:
    pairs: int
    agreed: int
    kappa: float | None  # unweighted, over the answer categories

    @property
    def rate(self) -> float:
        return self.agreed / self.pairs


def per_criterion_agreement(rows: Iterable[tuple[K, C, C]], categories: Sequence[C]) -> dict[K, CriterionAgreement]:
    """Agreement between two markings per criterion. ``rows`` are (criterion, first answer, second answer)."""
    by_criterion: dict[K, list[tuple[C, C]]] = defaultdict(list)
    for key, first, second in rows:
        by_criterion[key].append((first, second))
    return {
        key: CriterionAgreement(
            pairs=len(pairs),
            agreed=sum(1 for a, b in pairs if a == b),
            kappa=cohen_kappa(pairs, categories),
        )
        for key, pairs in by_criterion.items()
    }


# --- Auditor bias and drift ------------------------------------------------------------------------------------


class Lean(Enum):
    LENIENT = "lenient"
    HARSH = "harsh"
    IN_LINE = "in line"


@dataclass(frozen=True)
class Bias:
    audits: int
    mean_difference: float  # first marking minus moderated result

    def lean(self, tolerance: float = 0.5) -> Lean:
        """Lenient or harsh only when the mean difference is more than ``tolerance`` score points."""
        if self.mean_difference > tolerance:
            return Lean.LENIENT
        if self.mean_difference < -tolerance:
            return Lean.HARSH
        return Lean.IN_LINE


def auditor_bias(rows: Iterable[tuple[K, float, float]]) -> dict[K, Bias]:
    """Mean signed difference from the moderated result per auditor. ``rows``: (auditor, their score, moderated)."""
    differences: dict[K, list[float]] = defaultdict(list)
    for auditor, own, moderated in rows:
        differences[auditor].append(own - moderated)
    return {auditor: Bias(audits=len(d), mean_difference=sum(d) / len(d)) for auditor, d in differences.items()}


@dataclass(frozen=True)
class PeriodBias:
    period: Hashable
    bias: Bias


def bias_by_period(rows: Iterable[tuple[P, float, float]], periods: Sequence[P]) -> list[PeriodBias]:
    """One auditor's bias in each period (in the order given), skipping periods with no moderated audit."""
    per_period = auditor_bias(rows)
    return [PeriodBias(period=p, bias=per_period[p]) for p in periods if p in per_period]


def drift_slope(points: Sequence[tuple[float, float]]) -> float | None:
    """Least-squares slope of bias against period number: the change in bias per period.

    Positive means the auditor is becoming more lenient over time, negative harsher. None with fewer than two
    distinct periods (a single point has no direction).
    """
    if len({x for x, _ in points}) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return sxy / sxx


def drift(series: Sequence[PeriodBias]) -> float | None:
    """Slope of a bias series from ``bias_by_period``, periods numbered 0, 1, 2... in order."""
    return drift_slope([(float(i), p.bias.mean_difference) for i, p in enumerate(series)])


# --- Machine versus human --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MachineHumanAgreement:
    """How a criterion's automated checks compare with human answers, over plans where both exist.

    "Flagged" means at least one finding informs the criterion; "concern" means the human answered not met or
    partly met. A check is *trusted* where the two agree, *misleading* where it raises false alarms or misses.
    """

    both_concern: int
    machine_only: int  # the machine flagged it, the human found it met: a false alarm
    human_only: int  # the human found a problem the machine did not flag: a miss
    neither: int

    @property
    def total(self) -> int:
        return self.both_concern + self.machine_only + self.human_only + self.neither

    @property
    def agreement(self) -> float | None:
        return (self.both_concern + self.neither) / self.total if self.total else None

    @property
    def flag_confirmed(self) -> float | None:
        """Of the plans the machine flagged, the share where the human also had a concern."""
        flagged = self.both_concern + self.machine_only
        return self.both_concern / flagged if flagged else None

    @property
    def concern_caught(self) -> float | None:
        """Of the plans where the human had a concern, the share the machine had flagged."""
        concerns = self.both_concern + self.human_only
        return self.both_concern / concerns if concerns else None

    @property
    def kappa(self) -> float | None:
        pairs = (
            [(True, True)] * self.both_concern
            + [(True, False)] * self.machine_only
            + [(False, True)] * self.human_only
            + [(False, False)] * self.neither
        )
        return cohen_kappa(pairs, (True, False))


def machine_human_agreement(rows: Iterable[tuple[K, bool, bool]]) -> dict[K, MachineHumanAgreement]:
    """``rows``: (criterion, machine flagged it, human had a concern), one per plan judged."""
    counts: dict[K, Counter[tuple[bool, bool]]] = defaultdict(Counter)
    for key, flagged, concern in rows:
        counts[key][(flagged, concern)] += 1
    return {
        key: MachineHumanAgreement(
            both_concern=c[(True, True)],
            machine_only=c[(True, False)],
            human_only=c[(False, True)],
            neither=c[(False, False)],
        )
        for key, c in counts.items()
    }


# --- Calibration spread ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spread:
    count: int
    minimum: float
    maximum: float
    mean: float
    sd: float | None  # sample standard deviation (n - 1); None for a single auditor
    modal_grades: tuple[str, ...]  # every grade given most often, worst first; several on a tie
    grade_counts: dict[str, int]

    @property
    def range(self) -> float:
        return self.maximum - self.minimum


def spread(results: Sequence[tuple[float, str]], grade_order: Sequence[str] = GRADE_ORDER) -> Spread | None:
    """Summary of every auditor's result on the same plan. ``results``: (score, grade) per auditor."""
    if not results:
        return None
    scores = [score for score, _ in results]
    n = len(scores)
    mean = sum(scores) / n
    sd = math.sqrt(sum((s - mean) ** 2 for s in scores) / (n - 1)) if n > 1 else None
    counts = Counter(grade for _, grade in results)
    top = max(counts.values())
    position = _positions(grade_order)
    modal = tuple(sorted((g for g, c in counts.items() if c == top), key=lambda g: position[g]))
    return Spread(
        count=n,
        minimum=min(scores),
        maximum=max(scores),
        mean=mean,
        sd=sd,
        modal_grades=modal,
        grade_counts={g: counts[g] for g in grade_order if counts[g]},
    )


# --- Helpers ---------------------------------------------------------------------------------------------------


def _positions(order: Sequence[C]) -> _Positions[C]:
    return _Positions({value: i for i, value in enumerate(order)})


class _Positions(dict[C, int]):
    """Category -> index on the scale; a value not on the scale is a clear error, not a KeyError."""

    def __missing__(self, key: C) -> int:
        raise ValueError(f"{key!r} is not one of the categories given")
