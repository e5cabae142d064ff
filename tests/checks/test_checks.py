"""Each check on small hand-built plans: it fires on the defect and stays quiet on good practice."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest

from ehcp_analysis.checks import REGISTRY, run_checks
from ehcp_analysis.findings import Finding, Severity
from ehcp_analysis.model import SECTION_IDS
from ehcp_analysis.pipeline import analyse_document
from tests.checks.checks_helpers import GOOD_PLAN, TODAY, Content, make_document

F_HEADER = ("Need", "Outcome", "Provision", "How often", "Who")


def plan(**changes: Content) -> dict[str, Content]:
    sections = copy.deepcopy(GOOD_PLAN)
    for sid, content in changes.items():
        sections[sid] = content
    return sections


def findings(sections: dict[str, Content], **metadata: object) -> list[Finding]:
    return run_checks(make_document(sections, **metadata), today=TODAY)


def codes(sections: dict[str, Content], **metadata: object) -> set[str]:
    return {f.code for f in findings(sections, **metadata)}


def with_f(*extra: str | tuple[tuple[str, ...], tuple[str, ...]]) -> dict[str, Content]:
    return plan(F=[*GOOD_PLAN["F"], *extra])


# --- the registry -------------------------------------------------------------------------------------------
def test_every_check_states_its_rule_and_is_named_by_a_section_code() -> None:
    assert len(REGISTRY) >= 39
    for code, spec in REGISTRY.items():
        prefix, _, name = code.partition(".")
        assert prefix in {"STRUCT", "GEN", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"}
        assert name and name == name.lower() and " " not in name
        assert len(spec.rule) > 30


def test_a_good_plan_has_no_red_findings_and_scores_well() -> None:
    analysis = analyse_document(make_document(GOOD_PLAN), today=TODAY)
    assert [f for f in analysis.findings if f.severity is Severity.RED] == []
    assert analysis.scores.overall_score is not None and analysis.scores.overall_score >= 9


def test_findings_quote_their_evidence_with_a_location() -> None:
    found = findings(with_f("Access to speech and language therapy as required."))
    vague = next(f for f in found if f.code == "F.vague-wording")
    assert vague.evidence.text == "Access to speech and language therapy as required."
    assert vague.evidence.location is not None and vague.evidence.location.section == "F"
    assert vague.criterion == "F-06" and vague.suggestion


# --- structure ----------------------------------------------------------------------------------------------
def test_missing_and_empty_sections() -> None:
    sections = plan(K=[])
    del sections["G"]
    found = findings(sections)
    assert {(f.code, f.section) for f in found if f.code.startswith("STRUCT")} == {
        ("STRUCT.missing-section", "G"),
        ("STRUCT.empty-section", "K"),
    }


def test_empty_c_and_d_need_an_explicit_none() -> None:
    assert {"C.none-not-stated", "D.none-not-stated"} <= codes(plan(C=[], D=[]))
    assert not {"C.none-not-stated", "D.none-not-stated"} & codes(GOOD_PLAN)


def test_a_draft_may_leave_section_i_blank() -> None:
    assert "STRUCT.empty-section" not in codes(plan(I=[]), plan_status="draft")
    assert "STRUCT.empty-section" in codes(plan(I=[]), plan_status="final")


# --- whole plan ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Jo's date of birth is XX/XX/XXXX.",
        "Jo will attend [INSERT SCHOOL NAME] from September.",
        "The frequency of therapy is TBC.",
        "Information not available at the time of writing.",
        "Details of the short break are to be confirmed.",
    ],
)
def test_placeholders(text: str) -> None:
    assert "GEN.placeholder" in codes(plan(A=[*GOOD_PLAN["A"], text]))


@pytest.mark.parametrize(
    "text",
    [
        "This completes Section F of the plan.",
        "Save the output to the case file before sending.",
        "Note to caseworker: check the therapy hours with health.",
        "Here is the revised draft of the outcomes you asked for.",
    ],
)
def test_drafting_residue(text: str) -> None:
    assert "GEN.drafting-residue" in codes(plan(E=[*GOOD_PLAN["E"], text]))


def test_drafting_residue_does_not_mistake_aided_language_modelling() -> None:
    text = "A teaching assistant trained in aided language modelling will model words on Jo's device in every lesson."
    assert "GEN.drafting-residue" not in codes(with_f(text))


def test_another_childs_name() -> None:
    found = codes(plan(B=[*GOOD_PLAN["B"], "Oliver finds it hard to stay in his seat during carpet time."]))
    assert "GEN.name-mismatch" in found


def test_named_adults_are_not_another_child() -> None:
    sections = plan(A=[*GOOD_PLAN["A"], "Mum, Sarah, says Jo sleeps well.", "His teacher, Emma, says he works hard."])
    sections["K"] = [*GOOD_PLAN["K"], "Speech and language advice, Priya, speech and language therapist, May 2025"]
    assert "GEN.name-mismatch" not in codes(sections)


def test_wrong_pronouns_in_one_sentence() -> None:
    b = [*GOOD_PLAN["B"], "She finds it difficult to copy from the board and her writing is hard to read."]
    assert "GEN.name-mismatch" in codes(plan(B=b))


def test_pronouns_of_a_parent_are_not_a_mismatch() -> None:
    b = [*GOOD_PLAN["B"], "His mother says she finds mornings hard because he will not get dressed."]
    assert "GEN.name-mismatch" not in codes(plan(B=b))


def test_provision_written_in_section_b() -> None:
    b = [*GOOD_PLAN["B"], "Jo will receive three 30-minute sessions of speech therapy each week from a therapist."]
    found = [f for f in findings(plan(B=b)) if f.code == "GEN.wrong-section"]
    assert found and found[0].section == "B"


def test_a_need_written_in_section_f() -> None:
    text = "Jo finds it difficult to organise his belongings and often loses his reading book."
    assert "GEN.wrong-section" in codes(with_f(text))


def test_an_outcome_written_in_section_f() -> None:
    text = "By July 2026 Jo will be able to write a paragraph of five sentences independently."
    assert "GEN.wrong-section" in codes(with_f(text))


def test_stale_plan_and_past_outcome_dates() -> None:
    found = findings(
        plan(E=[*GOOD_PLAN["E"], "By July 2024 Jo will swim 10 metres without armbands."]), plan_date=date(2024, 3, 1)
    )
    stale = [f for f in found if f.code == "GEN.out-of-date"]
    assert len(stale) == 2
    assert any("2024" in f.evidence.text for f in stale)


def test_outcome_for_a_year_already_finished() -> None:
    e = [*GOOD_PLAN["E"], "By the end of Year 3 Jo will tie his shoelaces without help."]
    assert "GEN.out-of-date" in codes(plan(E=e))  # Jo, born March 2015, is in Year 5


def test_unexplained_acronyms_and_long_sentences() -> None:
    a = [*GOOD_PLAN["A"], "The SENCO and the EP agreed a plan with the CAMHS worker."]
    found = [f for f in findings(plan(A=a)) if f.code == "GEN.readability"]
    assert {f.message.split("\u201c")[1].split("\u201d")[0] for f in found} >= {"SENCO", "EP", "CAMHS"}
    explained = [*GOOD_PLAN["A"], "The special educational needs co-ordinator (SENCO) met Jo."]
    assert "GEN.readability" not in codes(plan(A=explained, F=GOOD_PLAN["F"][:4]))
    long = " ".join(["Jo enjoys"] + ["drawing and painting and"] * 15 + ["music."])
    assert "GEN.readability" in codes(plan(A=[*GOOD_PLAN["A"], long], F=GOOD_PLAN["F"][:4]))


# --- section A ----------------------------------------------------------------------------------------------
def test_section_a_voice_aspirations_parents() -> None:
    found = codes(plan(A=["Jo is a pupil at Oakfield Primary School.", "He is in Year 5."]))
    assert {"A.no-child-voice", "A.no-aspirations", "A.no-parent-views"} <= found
    assert not {"A.no-child-voice", "A.no-aspirations", "A.no-parent-views"} & codes(GOOD_PLAN)


# --- section B, C, D ----------------------------------------------------------------------------------------
def test_diagnosis_without_impact() -> None:
    assert "B.diagnosis-without-impact" in codes(plan(B=[*GOOD_PLAN["B"], "Jo has a diagnosis of ADHD."]))
    assert "B.diagnosis-without-impact" not in codes(GOOD_PLAN)  # the DLD sentence explains its effect


def test_looked_after_child_without_social_care() -> None:
    assert "D.looked-after-no-social-care" in codes(GOOD_PLAN, looked_after=True)
    with_care = plan(
        D=["Jo is looked after and lives with foster carers; contact with his birth family unsettles him."],
        H2=["His social worker will visit every 6 weeks for 1 hour and review the care plan with the foster carers."],
    )
    assert "D.looked-after-no-social-care" not in codes(with_care, looked_after=True)


# --- section E ----------------------------------------------------------------------------------------------
def test_outcome_checks_on_a_table() -> None:
    header = ("Outcome", "By when")
    e: Content = [
        (header, ("Jo will read 40 common words with 90% accuracy.", "July 2026")),
        (header, ("Jo will improve his confidence.", "July 2026")),
        (header, ("Jo will receive speech and language therapy.", "")),
        (header, ("Jo will eat his lunch in the dining hall.", "December 2026")),
    ]
    found = codes(plan(E=e))
    assert {"E.vague-outcome", "E.provision-as-outcome", "E.not-measurable"} <= found
    assert "E.not-time-bound" not in found  # the date is in its own column


def test_preparation_for_adulthood_from_year_9() -> None:
    assert {"E.pfa-missing", "F.pfa-missing"} <= codes(GOOD_PLAN, year_group=10)
    assert not {"E.pfa-missing", "F.pfa-missing"} & codes(GOOD_PLAN, year_group=8)
    e = [*GOOD_PLAN["E"], "By July 2026 Jo will travel to college by bus independently on 3 days a week."]
    f = [*GOOD_PLAN["F"], "A travel trainer will accompany Jo on the bus route for 1 hour twice a week."]
    assert not {"E.pfa-missing", "F.pfa-missing"} & codes(plan(E=e, F=f), year_group=10)


def test_age_from_date_of_birth_when_year_group_unknown() -> None:
    assert "E.pfa-missing" in codes(GOOD_PLAN, year_group=None, date_of_birth=date(2010, 1, 1))


# --- section F ----------------------------------------------------------------------------------------------
def test_vague_severity_is_lower_when_the_item_is_otherwise_quantified() -> None:
    found = findings(
        with_f(
            "A teaching assistant will read with Jo for 20 minutes daily, in a quiet room where possible.",
            "Regular reading with an adult.",
        )
    )
    vague = {f.evidence.text[:12]: f.severity for f in found if f.code == "F.vague-wording"}
    assert vague == {"A teaching a": Severity.AMBER, "Regular read": Severity.RED}


def test_provision_table_rows_are_judged_on_their_provision_cells() -> None:
    good_row = (F_HEADER, ("Reading", "E2", "Precision teaching, 10 minutes", "Daily", "A trained teaching assistant"))
    poor_row = (F_HEADER, ("Reading", "E2", "Reading support", "", ""))
    found = findings(with_f(good_row, poor_row))
    flagged = {f.code for f in found if f.evidence.text.startswith("Reading | E2 | Reading support")}
    assert {"F.unquantified", "F.no-deliverer"} <= flagged
    assert not [f for f in found if "Precision teaching" in f.evidence.text]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Speech and language therapy, with the amount to be determined by the school.", "F.delegated"),
        ("Up to 10 hours of teaching assistant support each week.", "F.range-or-ceiling"),
        ("A teacher or teaching assistant will deliver phonics for 20 minutes daily.", "F.range-or-ceiling"),
        ("An adult will read with Jo for 15 minutes each day.", "F.no-deliverer"),
        ("A teaching assistant will help Jo with his reading.", "F.unquantified"),
    ],
)
def test_f_item_codes(text: str, code: str) -> None:
    assert code in codes(with_f(text))


# --- golden thread ------------------------------------------------------------------------------------------
def test_need_without_provision_by_meaning() -> None:
    b = [*GOOD_PLAN["B"], "Jo finds it hard to form letters and his handwriting is slow and hard to read."]
    found = [f for f in findings(plan(B=b)) if f.code == "F.need-without-provision"]
    assert [f.evidence.text for f in found] == [b[-1]]
    f = [
        *GOOD_PLAN["F"],
        "An occupational therapist will set a programme carried out by a TA for 3 x 15 minutes a week.",
    ]
    assert "F.need-without-provision" not in codes(plan(B=b, F=f))  # an OT programme meets a handwriting need


def test_speech_need_is_met_by_a_speech_and_language_therapist() -> None:
    b = ["Jo's speech is hard for unfamiliar adults to understand because he leaves off the ends of words."]
    f = ["A speech and language therapist will see Jo 1:1 for 30 minutes each week."]
    assert "F.need-without-provision" not in codes(plan(B=b, F=f))
    assert "F.need-without-provision" in codes(
        plan(B=b, F=["A teaching assistant will run a maths group for 20 minutes daily."])
    )


def test_health_and_care_needs_without_provision() -> None:
    c = ["Jo has epilepsy and has about two absence seizures a week, which interrupt his learning."]
    d = ["Jo's parents are exhausted and need a regular break from caring at weekends."]
    found = codes(plan(C=c, D=d))
    assert {"G.need-without-provision", "H.need-without-provision"} <= found
    g = ["The epilepsy nurse will train staff in Jo's seizure care plan for 2 hours each term."]
    h1 = ["Jo will have a day short break at the play scheme for 6 hours every other Saturday."]
    assert not {"G.need-without-provision", "H.need-without-provision"} & codes(plan(C=c, D=d, G=g, H1=h1))


# --- sections G and H ---------------------------------------------------------------------------------------
def test_educational_therapy_placed_in_g() -> None:
    g = ["A speech and language therapist will see Jo for 6 sessions a term to work on his vocabulary."]
    found = [f for f in findings(plan(G=g)) if f.code == "G.educational-provision"]
    assert found and found[0].section == "G"
    dysphagia = ["A speech and language therapist will review Jo's eating and drinking plan every term."]
    assert "G.educational-provision" not in codes(plan(G=dysphagia))


def test_unquantified_health_and_care_provision() -> None:
    assert "G.unquantified" in codes(plan(G=["The community paediatrician will review Jo's medication."]))
    assert "H.unquantified" in codes(plan(H1=["Jo will have short breaks with a personal assistant."]))


def test_h_misclassification() -> None:
    assert "H.misclassified" in codes(
        plan(H1=["A carer's assessment will be completed for Jo's parents within 8 weeks."])
    )
    assert "H.misclassified" in codes(
        plan(H2=["Adaptations to the bathroom at home, with a level-access shower fitted within 6 months."])
    )
    assert "H.misclassified" in codes(plan(H2=["The school nurse will give Jo his medication at lunchtime each day."]))


# --- sections I, J, K ---------------------------------------------------------------------------------------
def test_placement() -> None:
    assert "I.no-placement-named" in codes(plan(I=["A mainstream secondary school."]))
    assert "I.no-placement-named" not in codes(GOOD_PLAN)
    assert "I.named-in-draft" in codes(GOOD_PLAN, plan_status="draft")
    assert "I.named-in-draft" not in codes(plan(I=[]), plan_status="draft")


def test_personal_budget_statement() -> None:
    assert "J.missing" in codes(plan(J=["Jo enjoys swimming."]))
    assert "J.missing" not in codes(GOOD_PLAN)


def test_advice_list() -> None:
    assert "K.no-advice-list" in codes(plan(K=["See file."]))
    k = [e for e in GOOD_PLAN["K"] if "psycholog" not in str(e).lower()]
    missing = [f for f in findings(plan(K=k)) if f.code == "K.missing-adviser"]
    assert [f.evidence.text for f in missing] == ["psychological"]
    old = [*GOOD_PLAN["K"][:5], "Occupational therapy advice, occupational therapist, 3 March 2021"]
    stale = [f for f in findings(plan(K=old)) if f.code == "K.stale-advice"]
    assert len(stale) == 1 and "2021" in stale[0].evidence.text


def test_every_registered_code_is_exercised_by_this_file() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    untested = [c for c in REGISTRY if c not in source]
    assert untested == []


def test_sections_are_all_known() -> None:
    assert set(GOOD_PLAN) == set(SECTION_IDS)


# --- behaviours found while evaluating on synthetic plans ------------------------------------------------------
def test_a_placement_request_is_not_an_aspiration() -> None:
    a = [GOOD_PLAN["A"][0], GOOD_PLAN["A"][2], "The family's aspiration is for Jo to have a place at Riverside School."]
    assert "A.no-aspirations" in codes(plan(A=a))


def test_a_paragraph_broken_across_pages_is_read_as_one_item() -> None:
    f = [
        *GOOD_PLAN["F"],
        "Jo's progress will be checked by his class teacher and the",
        "special educational needs co-ordinator every six weeks.",
    ]
    found = findings(plan(F=f))
    assert not [x for x in found if x.code in {"F.unquantified", "F.no-deliverer"}]


def test_sub_headings_read_as_paragraphs_are_not_provision() -> None:
    f = ["Social, emotional and mental health", *GOOD_PLAN["F"], "How progress will be checked"]
    assert not {"F.unquantified", "F.no-deliverer"} & codes(plan(F=f))


def test_one_heading_for_h1_and_h2_is_not_misclassification() -> None:
    sections = plan(
        H1=["Jo will have an overnight short break for two nights each month with trained care workers."],
        H2=["A carer's assessment will be completed for Jo's parents within 8 weeks."],
    )
    doc = make_document(sections)
    doc.sections["H1"].shared_with = ("H2",)
    assert "H.misclassified" not in {f.code for f in run_checks(doc, today=TODAY)}


def test_a_choice_left_to_the_school_is_delegation() -> None:
    text = "A careers adviser will provide an intervention chosen by the school for 45 minutes once a term."
    assert "F.delegated" in codes(with_f(text))


def test_deliverer_slot_beats_a_named_programme_author() -> None:
    text = "Jo will have 20 minutes with school staff every day to carry out the physiotherapist's programme."
    assert "F.no-deliverer" in codes(with_f(text))
