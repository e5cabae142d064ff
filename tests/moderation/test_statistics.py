"""Agreement statistics against published and hand-computed values, and their degenerate cases.

Every expected figure is worked out in a comment beside the test, so a reader can check the arithmetic without
running anything. No database: ehcpqa.moderation.statistics is pure Python.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ehcpqa.moderation.statistics import (
    ANSWER_ORDER,
    GRADE_ORDER,
    Bias,
    IccForm,
    KappaWeights,
    Lean,
    MachineHumanAgreement,
    auditor_bias,
    bias_by_period,
    cohen_kappa,
    drift,
    drift_slope,
    exact_agreement,
    icc,
    icc_mean_squares,
    machine_human_agreement,
    per_criterion_agreement,
    spread,
    within_one_band_agreement,
)

INAD, RI, G, OUT = GRADE_ORDER  # inadequate, requires-improvement, good, outstanding


# --- exact and within-one-band agreement ------------------------------------------------------------------------


def test_exact_agreement_is_the_share_of_identical_pairs() -> None:
    # 3 of 4 pairs identical -> 0.75
    assert exact_agreement([(G, G), (RI, RI), (INAD, INAD), (G, OUT)]) == 0.75


def test_within_one_band_counts_neighbouring_grades_as_agreement() -> None:
    # (G, OUT) one band apart: agrees. (INAD, G) two bands apart: does not. (RI, RI): agrees. -> 2 of 3
    pairs = [(G, OUT), (INAD, G), (RI, RI)]
    assert within_one_band_agreement(pairs, GRADE_ORDER) == pytest.approx(2 / 3)
    assert exact_agreement(pairs) == pytest.approx(1 / 3)


def test_agreement_of_nothing_is_none_not_zero() -> None:
    assert exact_agreement([]) is None
    assert within_one_band_agreement([], GRADE_ORDER) is None


def test_a_grade_off_the_scale_is_an_error() -> None:
    with pytest.raises(ValueError, match="not one of the categories"):
        within_one_band_agreement([("good", "excellent")], GRADE_ORDER)


# --- Cohen's kappa, unweighted ----------------------------------------------------------------------------------


def test_kappa_two_by_two_hand_computed() -> None:
    # 50 plans, yes/no.      B yes  B no
    #                A yes    20      5     (A yes 25/50 = .5)
    #                A no     10     15     (B yes 30/50 = .6)
    # observed po = (20 + 15) / 50 = .70
    # expected pe = .5 x .6 + .5 x .4 = .30 + .20 = .50
    # kappa = (.70 - .50) / (1 - .50) = .40
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    assert cohen_kappa(pairs, ("yes", "no")) == pytest.approx(0.40)


def test_kappa_three_by_three_diagnosis_table_hand_computed() -> None:
    # A diagnosis-style 3 x 3 table of the kind textbooks use (proportions of 100 patients):
    #                 B psychotic  B neurotic  B organic | A total
    #   A psychotic      .75         .01         .04     |  .80
    #   A neurotic       .05         .04         .01     |  .10
    #   A organic        .00         .00         .10     |  .10
    #   B total          .80         .05         .15
    # po = .75 + .04 + .10 = .89
    # pe = .80 x .80 + .10 x .05 + .10 x .15 = .640 + .005 + .015 = .660
    # kappa = (.89 - .66) / (1 - .66) = .23 / .34 = 0.6765, .68 to two places
    cells = {
        ("psychotic", "psychotic"): 75,
        ("psychotic", "neurotic"): 1,
        ("psychotic", "organic"): 4,
        ("neurotic", "psychotic"): 5,
        ("neurotic", "neurotic"): 4,
        ("neurotic", "organic"): 1,
        ("organic", "organic"): 10,
    }
    pairs = [pair for pair, count in cells.items() for _ in range(count)]
    kappa = cohen_kappa(pairs, ("psychotic", "neurotic", "organic"))
    assert kappa == pytest.approx(0.23 / 0.34)
    assert round(kappa or 0, 2) == 0.68


# The ordinal 3 x 3 table used for the weighted kappas below (10 items, categories 0 < 1 < 2):
#              B0  B1  B2 | A total
#        A0     2   1   0 |  3
#        A1     0   3   1 |  4
#        A2     1   0   2 |  3
#   B total     3   4   3
# Marginal shares: rows .3 .4 .3, columns .3 .4 .3.
# Products r_i x c_j by distance |i - j|:  d=0: .09 + .16 + .09 = .34;  d=1: 4 cells x .12 = .48;  d=2: 2 x .09 = .18
# Observed counts by distance: d=0: 7, d=1: 2, d=2: 1.
ORDINAL_TABLE = {(0, 0): 2, (0, 1): 1, (1, 1): 3, (1, 2): 1, (2, 2): 2, (2, 0): 1}
ORDINAL_PAIRS = [pair for pair, count in ORDINAL_TABLE.items() for _ in range(count)]


def test_unweighted_kappa_on_the_ordinal_table() -> None:
    # po = 7/10 = .70; pe = .34; kappa = (.70 - .34) / .66 = .36 / .66 = 6/11 = 0.5455
    assert cohen_kappa(ORDINAL_PAIRS, (0, 1, 2)) == pytest.approx(6 / 11)


def test_quadratic_weighted_kappa_on_the_ordinal_table() -> None:
    # Quadratic agreement weights 1 - d^2/(k-1)^2 with k = 3: d=0 -> 1, d=1 -> 1 - 1/4 = .75, d=2 -> 0.
    # po_w = (7 x 1 + 2 x .75 + 1 x 0) / 10 = 8.5 / 10 = .85
    # pe_w = .34 x 1 + .48 x .75 + .18 x 0 = .34 + .36 = .70
    # kappa_w = (.85 - .70) / (1 - .70) = .15 / .30 = 0.50
    assert cohen_kappa(ORDINAL_PAIRS, (0, 1, 2), KappaWeights.QUADRATIC) == pytest.approx(0.50)


def test_linear_weighted_kappa_on_the_ordinal_table() -> None:
    # Linear weights 1 - d/(k-1): d=1 -> .5.  po_w = (7 + 2 x .5) / 10 = .80;  pe_w = .34 + .48 x .5 = .58
    # kappa_w = (.80 - .58) / (1 - .58) = .22 / .42 = 11/21 = 0.5238
    assert cohen_kappa(ORDINAL_PAIRS, (0, 1, 2), KappaWeights.LINEAR) == pytest.approx(11 / 21)


def test_quadratic_kappa_on_grades_forgives_near_misses_more_than_unweighted() -> None:
    # Two of four grades one band apart; quadratic weights (k = 4, d=1 -> 1 - 1/9 = 8/9) credit them.
    # Grades as positions: A = 0, 1, 2, 3 and B = 0, 2, 2, 2.  Rows: each .25. Columns: .25 (0), .75 (2).
    # Unweighted: po = 2/4 = .5; pe = .25 x .25 + .25 x .75 = .0625 + .1875 = .25; kappa = .25 / .75 = 1/3.
    # Quadratic: observed weights 1, 8/9, 1, 8/9 -> po_w = (2 + 16/9) / 4 = 34/36 = 17/18.
    #   pe_w = sum over A rows of .25 x (.25 w(i,0) + .75 w(i,2)), w(i,j) = 1 - (i-j)^2/9:
    #   i=0: .25 x 1 + .75 x 5/9 = 1/4 + 5/12 = 2/3;   i=1: .25 x 8/9 + .75 x 8/9 = 8/9
    #   i=2: .25 x 5/9 + .75 x 1 = 5/36 + 27/36 = 8/9; i=3: .25 x 0 + .75 x 8/9 = 2/3
    #   pe_w = .25 x (2/3 + 8/9 + 8/9 + 2/3) = .25 x 28/9 = 7/9
    #   kappa_w = (17/18 - 7/9) / (1 - 7/9) = (3/18) / (2/9) = 3/4
    pairs = [(INAD, INAD), (RI, G), (G, G), (OUT, G)]
    assert cohen_kappa(pairs, GRADE_ORDER) == pytest.approx(1 / 3)
    assert cohen_kappa(pairs, GRADE_ORDER, KappaWeights.QUADRATIC) == pytest.approx(3 / 4)


@pytest.mark.parametrize("weights", list(KappaWeights))
def test_perfect_agreement_over_several_categories_is_kappa_one(weights: KappaWeights) -> None:
    pairs = [(G, G), (RI, RI), (INAD, INAD), (OUT, OUT)]
    assert cohen_kappa(pairs, GRADE_ORDER, weights) == pytest.approx(1.0)


@pytest.mark.parametrize("weights", list(KappaWeights))
def test_everyone_in_one_category_leaves_kappa_undefined(weights: KappaWeights) -> None:
    # Both markings all "good": po = 1 and pe = 1, so (po - pe) / (1 - pe) = 0/0. Convention: None
    # ("not enough variation"), even though the raters agree on every plan.
    assert cohen_kappa([(G, G)] * 5, GRADE_ORDER, weights) is None


def test_a_one_category_scale_leaves_kappa_undefined() -> None:
    assert cohen_kappa([("met", "met")], ("met",)) is None
    assert cohen_kappa([("met", "met")], ("met",), KappaWeights.QUADRATIC) is None


def test_one_rater_using_a_single_category_gives_zero_not_undefined() -> None:
    # A says met every time; B says met 3 times and not met once.
    # po = 3/4; pe = 1 x 3/4 + 0 x 1/4 = 3/4; kappa = 0 / (1/4) = 0: agreement no better than chance.
    pairs = [("met", "met")] * 3 + [("met", "not-met")]
    assert cohen_kappa(pairs, ANSWER_ORDER) == pytest.approx(0.0)


def test_kappa_can_be_negative_when_raters_systematically_disagree() -> None:
    # Always opposite: po = 0; pe = .5 x .5 + .5 x .5 = .5; kappa = -.5 / .5 = -1
    pairs = [("met", "not-met"), ("not-met", "met")]
    assert cohen_kappa(pairs, ("met", "not-met")) == pytest.approx(-1.0)


def test_kappa_of_no_pairs_is_none_and_a_stray_category_is_an_error() -> None:
    assert cohen_kappa([], GRADE_ORDER) is None
    with pytest.raises(ValueError):
        cohen_kappa([("good", "brilliant")], GRADE_ORDER)


grade_index = st.integers(min_value=0, max_value=3)


@given(st.lists(st.tuples(grade_index, grade_index), min_size=1, max_size=40))
def test_quadratic_kappa_equals_the_concordance_correlation(pairs: list[tuple[int, int]]) -> None:
    # Identity (Fleiss & Cohen 1973): with quadratic weights, kappa_w = 2 cov(A, B) / (var A + var B + (mean A -
    # mean B)^2), population moments. An independent formula, so this checks the table arithmetic.
    n = len(pairs)
    mean_a = sum(a for a, _ in pairs) / n
    mean_b = sum(b for _, b in pairs) / n
    var_a = sum((a - mean_a) ** 2 for a, _ in pairs) / n
    var_b = sum((b - mean_b) ** 2 for _, b in pairs) / n
    cov = sum((a - mean_a) * (b - mean_b) for a, b in pairs) / n
    denominator = var_a + var_b + (mean_a - mean_b) ** 2
    kappa = cohen_kappa(pairs, (0, 1, 2, 3), KappaWeights.QUADRATIC)
    if math.isclose(denominator, 0.0, abs_tol=1e-12):
        assert kappa is None
    else:
        assert kappa == pytest.approx(2 * cov / denominator, abs=1e-9)


@given(st.lists(st.tuples(grade_index, grade_index), min_size=1, max_size=40))
def test_kappa_does_not_depend_on_which_marking_comes_first(pairs: list[tuple[int, int]]) -> None:
    swapped = [(b, a) for a, b in pairs]
    for weights in KappaWeights:
        forward = cohen_kappa(pairs, (0, 1, 2, 3), weights)
        backward = cohen_kappa(swapped, (0, 1, 2, 3), weights)
        assert (forward is None and backward is None) or forward == pytest.approx(backward)


# --- intraclass correlation -------------------------------------------------------------------------------------

# Shrout & Fleiss (1979), Table 2: 6 targets rated by 4 judges.
SHROUT_FLEISS = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
]


def test_mean_squares_reproduce_shrout_and_fleiss_table_3() -> None:
    # Published: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
    ms = icc_mean_squares(SHROUT_FLEISS)
    assert ms is not None
    assert round(ms.between_targets, 2) == 11.24
    assert round(ms.within_targets, 2) == 6.26
    assert round(ms.between_raters, 2) == 32.49
    assert round(ms.residual, 2) == 1.02


@pytest.mark.parametrize(
    ("form", "published"),
    [(IccForm.ONE_WAY, 0.17), (IccForm.TWO_WAY_RANDOM, 0.29), (IccForm.TWO_WAY_MIXED, 0.71)],
)
def test_icc_reproduces_shrout_and_fleiss_published_values(form: IccForm, published: float) -> None:
    # ICC(1,1) = (BMS - WMS) / (BMS + 3 WMS) = (11.24 - 6.26) / (11.24 + 18.79) = .166 -> .17
    # ICC(2,1) = (BMS - EMS) / (BMS + 3 EMS + 4 (JMS - EMS) / 6) = 10.22 / (11.24 + 3.06 + 20.98) = .290 -> .29
    # ICC(3,1) = (BMS - EMS) / (BMS + 3 EMS) = 10.22 / 14.30 = .715 -> .71
    value = icc(SHROUT_FLEISS, form)
    assert value is not None
    assert round(value, 2) == published


def test_icc_for_first_marking_against_moderation_hand_computed() -> None:
    # Four audits, (first marking, moderator): (7, 6), (5, 5), (3, 4), (9, 7).   n = 4 targets, k = 2 raters.
    # Grand mean 46/8 = 5.75. Target means 6.5, 5, 3.5, 8. Rater means 6 and 5.5.
    # SS targets = 2 x (.75^2 + .75^2 + 2.25^2 + 2.25^2) = 2 x 11.25 = 22.5  -> BMS = 22.5 / 3 = 7.5
    # SS raters  = 4 x (.25^2 + .25^2) = .5                                  -> JMS = .5 / 1 = .5
    # SS total   = 1.5625 + .0625 + .5625 + .5625 + 7.5625 + 3.0625 + 10.5625 + 1.5625 = 25.5
    # SS residual = 25.5 - 22.5 - .5 = 2.5 -> EMS = 2.5 / 3 = 5/6;  WMS = (25.5 - 22.5) / 4 = .75
    # ICC(2,1) = (7.5 - 5/6) / (7.5 + 5/6 + 2 (.5 - 5/6) / 4) = (20/3) / (49/6) = 40/49 = 0.8163
    # ICC(3,1) = (20/3) / (25/3) = 0.8;   ICC(1,1) = (7.5 - .75) / (7.5 + .75) = 6.75 / 8.25 = 9/11
    table = [[7, 6], [5, 5], [3, 4], [9, 7]]
    assert icc(table) == pytest.approx(40 / 49)
    assert icc(table, IccForm.TWO_WAY_MIXED) == pytest.approx(0.8)
    assert icc(table, IccForm.ONE_WAY) == pytest.approx(9 / 11)


def test_icc_is_one_when_every_rater_gives_each_target_the_same_score() -> None:
    # EMS = WMS = JMS = 0 -> every form is BMS / BMS = 1
    table = [[3, 3], [6, 6], [8, 8]]
    for form in IccForm:
        assert icc(table, form) == pytest.approx(1.0)


def test_icc_is_undefined_without_variation_or_enough_data() -> None:
    assert icc([[5, 5], [5, 5], [5, 5]]) is None  # all equal: 0 / 0
    assert icc([[7, 6]]) is None  # one target
    assert icc([[7], [5], [3]]) is None  # one rater
    assert icc([]) is None


def test_icc_absolute_agreement_penalises_a_constant_lenient_rater_consistency_does_not() -> None:
    # The moderator always gives 2 less: consistency ICC(3,1) is perfect, absolute agreement ICC(2,1) is not.
    # Targets (8, 6), (6, 4), (4, 2): BMS = 2 x (2^2 + 0 + 2^2) / 2 = 8; EMS = 0; JMS = 3 x (1^2 + 1^2) / 1 = 6.
    # ICC(2,1) = 8 / (8 + 0 + 2 x 6 / 3) = 8 / 12 = 2/3.
    table = [[8, 6], [6, 4], [4, 2]]
    assert icc(table, IccForm.TWO_WAY_MIXED) == pytest.approx(1.0)
    assert icc(table, IccForm.TWO_WAY_RANDOM) == pytest.approx(2 / 3)


def test_icc_needs_a_complete_table() -> None:
    with pytest.raises(ValueError):
        icc([[1, 2], [3]])


# --- per criterion ----------------------------------------------------------------------------------------------


def test_per_criterion_agreement_counts_and_kappa() -> None:
    # F-06: 3 of 4 agree. Answers A: met, not, partly, met; B: met, not, met, met.
    #   rows (A): met .5, partly .25, not .25; columns (B): met .75, not .25
    #   po = .75; pe = .5 x .75 + .25 x 0 + .25 x .25 = .375 + .0625 = .4375; kappa = .3125 / .5625 = 5/9
    # B-02: the single pair agrees on "met": kappa undefined (one category only).
    rows = [
        ("F-06", "met", "met"),
        ("F-06", "not-met", "not-met"),
        ("F-06", "partly-met", "met"),
        ("F-06", "met", "met"),
        ("B-02", "met", "met"),
    ]
    result = per_criterion_agreement(rows, ANSWER_ORDER)
    assert result["F-06"].pairs == 4 and result["F-06"].agreed == 3 and result["F-06"].rate == 0.75
    assert result["F-06"].kappa == pytest.approx(5 / 9)
    assert result["B-02"].rate == 1.0 and result["B-02"].kappa is None
    assert per_criterion_agreement([], ANSWER_ORDER) == {}


# --- auditor bias and drift -------------------------------------------------------------------------------------


def test_auditor_bias_is_the_mean_signed_difference_from_the_moderated_score() -> None:
    # Ann: (7 - 5) + (6 - 5) + (8 - 8) = 3 over 3 audits -> +1.0 lenient
    # Bob: (4 - 6) + (5 - 6) = -3 over 2 -> -1.5 harsh.   Cy: (6 - 6) -> 0 in line.
    rows = [("ann", 7, 5), ("ann", 6, 5), ("ann", 8, 8), ("bob", 4, 6), ("bob", 5, 6), ("cy", 6, 6)]
    bias = auditor_bias(rows)
    assert bias["ann"] == Bias(audits=3, mean_difference=1.0) and bias["ann"].lean() is Lean.LENIENT
    assert bias["bob"].mean_difference == -1.5 and bias["bob"].lean() is Lean.HARSH
    assert bias["cy"].lean() is Lean.IN_LINE


def test_bias_within_the_tolerance_is_in_line() -> None:
    assert Bias(audits=4, mean_difference=0.5).lean() is Lean.IN_LINE
    assert Bias(audits=4, mean_difference=0.5).lean(tolerance=0.25) is Lean.LENIENT


def test_drift_is_the_least_squares_slope_of_bias_per_period() -> None:
    # Bias by round: R1 (7-5, 6-5) -> +1.5; R2 (6-5) -> +1; R3: no moderated audit, skipped; R4 (5-5, 6-6) -> 0.
    # Periods numbered 0, 1, 2 (skipped rounds are not counted): x = 0, 1, 2, y = 1.5, 1, 0.
    # mean x = 1, mean y = 2.5/3; Sxx = 1 + 0 + 1 = 2; Sxy = (-1)(1.5 - .8333) + 0 + (1)(0 - .8333) = -1.5
    # slope = -1.5 / 2 = -0.75: becoming less lenient by three quarters of a point per round.
    rows = [("R1", 7, 5), ("R1", 6, 5), ("R2", 6, 5), ("R4", 5, 5), ("R4", 6, 6)]
    series = bias_by_period(rows, ["R1", "R2", "R3", "R4"])
    assert [p.period for p in series] == ["R1", "R2", "R4"]
    assert [p.bias.mean_difference for p in series] == [1.5, 1.0, 0.0]
    assert drift(series) == pytest.approx(-0.75)


def test_drift_needs_two_periods() -> None:
    assert drift(bias_by_period([("R1", 7, 5)], ["R1"])) is None
    assert drift([]) is None
    assert drift_slope([(1.0, 2.0), (1.0, 3.0)]) is None  # two points, one period


# --- machine versus human ---------------------------------------------------------------------------------------


def test_machine_human_agreement_per_criterion() -> None:
    # F-06 over 5 plans: both concerned 2, machine only 1 (false alarm), human only 0, neither 2.
    #   agreement (2 + 2) / 5 = .8;  flag confirmed 2 / 3;  concern caught 2 / 2 = 1
    #   kappa: rows (machine) flagged .6 / not .4; columns (human) concern .4 / none .6
    #   po = .8; pe = .6 x .4 + .4 x .6 = .48; kappa = .32 / .52 = 8/13
    rows = [("F-06", True, True)] * 2 + [("F-06", True, False)] + [("F-06", False, False)] * 2
    rows += [("E-02", False, True)]
    result = machine_human_agreement(rows)
    f06 = result["F-06"]
    assert (f06.both_concern, f06.machine_only, f06.human_only, f06.neither) == (2, 1, 0, 2)
    assert f06.agreement == pytest.approx(0.8)
    assert f06.flag_confirmed == pytest.approx(2 / 3)
    assert f06.concern_caught == 1.0
    assert f06.kappa == pytest.approx(8 / 13)
    e02 = result["E-02"]  # one plan: the machine missed it
    assert e02.agreement == 0.0 and e02.flag_confirmed is None and e02.concern_caught == 0.0


def test_machine_human_agreement_with_nothing_is_undefined() -> None:
    empty = MachineHumanAgreement(0, 0, 0, 0)
    assert empty.agreement is None and empty.kappa is None and empty.flag_confirmed is None


# --- calibration spread -----------------------------------------------------------------------------------------


def test_spread_of_a_calibration_exercise_hand_computed() -> None:
    # Five auditors: 4 RI, 6 G, 7 G, 5 RI, 8 G.  min 4, max 8, range 4, mean 30/5 = 6
    # SD (n - 1): squares of deviations 4 + 0 + 1 + 1 + 4 = 10; 10 / 4 = 2.5; sqrt(2.5) = 1.5811
    # Grades: good x3, requires improvement x2 -> mode good.
    result = spread([(4, RI), (6, G), (7, G), (5, RI), (8, G)])
    assert result is not None
    assert (result.count, result.minimum, result.maximum, result.range, result.mean) == (5, 4, 8, 4, 6)
    assert result.sd == pytest.approx(math.sqrt(2.5))
    assert result.modal_grades == (G,)
    assert result.grade_counts == {RI: 2, G: 3}


def test_spread_ties_list_every_modal_grade_worst_first() -> None:
    result = spread([(9, OUT), (5, RI), (10, OUT), (4, RI)])
    assert result is not None and result.modal_grades == (RI, OUT)


def test_spread_of_one_auditor_has_no_standard_deviation() -> None:
    result = spread([(6, G)])
    assert result is not None
    assert result.range == 0 and result.sd is None and result.modal_grades == (G,)


def test_spread_when_all_agree_and_when_empty() -> None:
    result = spread([(6, G)] * 4)
    assert result is not None and result.sd == 0.0 and result.range == 0
    assert spread([]) is None


score = st.integers(min_value=1, max_value=10)


@given(st.lists(st.tuples(score, score), min_size=2, max_size=15), st.integers(min_value=-3, max_value=3))
def test_icc_consistency_ignores_a_constant_rater_offset_and_no_form_changes_with_a_shift(
    pairs: list[tuple[int, int]], offset: int
) -> None:
    # ICC(3,1) measures consistency: adding a constant to one rater's column changes nothing.
    # Every form is unchanged when the same constant is added to every rating.
    table = [[float(a), float(b)] for a, b in pairs]
    offset_column = [[a, b + offset] for a, b in table]
    shifted = [[a + offset, b + offset] for a, b in table]
    for form in IccForm:
        original = icc(table, form)
        moved = icc(shifted, form)
        assert (original is None) == (moved is None)
        if original is not None and moved is not None:
            assert moved == pytest.approx(original, abs=1e-9)
    consistent, offset_consistent = icc(table, IccForm.TWO_WAY_MIXED), icc(offset_column, IccForm.TWO_WAY_MIXED)
    if consistent is not None and offset_consistent is not None:
        assert offset_consistent == pytest.approx(consistent, abs=1e-9)
