"""The golden thread by narrow topic: a need in B is met in F by provision for the same topic, however worded."""

from __future__ import annotations

import copy

import pytest

from ehcp_analysis.checks import run_checks
from ehcp_analysis.checks.text import CI, word_starts
from ehcp_analysis.checks.topics import topic_counts, topics_met
from ehcp_analysis.findings import Finding
from tests.checks.checks_helpers import GOOD_PLAN, TODAY, Content, make_document

CODE = "F.need-without-provision"


def thread_findings(b: Content, f: Content) -> list[Finding]:
    sections = copy.deepcopy(GOOD_PLAN)
    sections["B"], sections["F"] = b, f
    return [x for x in run_checks(make_document(sections), today=TODAY, codes={CODE})]


FEELINGS_NEED = (
    "When Sam is frustrated he can throw equipment and leave the room, and it takes him a long time to calm down."
)
SELF_ESTEEM_NEED = (
    "Sam finds it hard to believe he can succeed: he calls himself useless, tears up work with a mistake in it and "
    "will not try a new task in front of others."
)
FEELINGS_PROVISION = (
    "A teaching assistant trained in emotion coaching will teach Sam calming strategies using a 5-point scale, "
    "1:1 for 20 minutes three times a week in the resource base."
)


def test_a_sibling_topic_left_without_provision_is_found() -> None:
    found = thread_findings([FEELINGS_NEED, SELF_ESTEEM_NEED], [FEELINGS_PROVISION])
    assert [f.evidence.text for f in found] == [SELF_ESTEEM_NEED]
    assert "self-esteem" in found[0].message


def test_the_same_plan_with_provision_for_both_topics_is_quiet() -> None:
    confidence = (
        "His class teacher will give Sam a classroom responsibility each day and the learning mentor will meet him "
        "weekly for 15 minutes to record what he has achieved, so he builds a sense of his own success."
    )
    assert thread_findings([FEELINGS_NEED, SELF_ESTEEM_NEED], [FEELINGS_PROVISION, confidence]) == []


@pytest.mark.parametrize(
    ("need", "provision"),
    [
        (  # speech sounds met by an articulation programme, with no shared words
            "Unfamiliar adults find it difficult to understand him because he swaps and drops sounds at the start "
            "of words.",
            "A speech and language therapist will plan an articulation programme, delivered 1:1 by a trained "
            "teaching assistant for 10 minutes daily.",
        ),
        (  # getting about with low vision met by habilitation
            "Moving around unfamiliar parts of the site is difficult for her because of her low vision, and she "
            "has bumped into doorframes.",
            "A habilitation specialist will teach her safe routes between classrooms for 45 minutes once a week "
            "for a term.",
        ),
        (  # working memory met by pre-teaching and over-learning
            "She cannot hold more than two instructions in mind and forgets the steps of a method by the next day.",
            "A teaching assistant will pre-teach key steps and revisit them the next morning for 15 minutes, four "
            "times a week, in a group of three.",
        ),
        (  # toileting met by an intimate care plan
            "He is not yet able to manage toileting or his clothing on his own and needs an adult each time.",
            "Two trained teaching assistants will follow his intimate care plan at every toilet visit, teaching one "
            "step at a time.",
        ),
    ],
)
def test_a_need_met_by_differently_worded_provision_is_quiet(need: str, provision: str) -> None:
    assert thread_findings([need], [provision]) == []


def test_a_need_whose_provision_is_absent_is_found() -> None:
    reading = (
        "Sam struggles to decode unfamiliar words and his spelling of common words is inconsistent, so his written "
        "work is hard to follow."
    )
    maths = (
        "A teaching assistant will run a Numicon number group for 20 minutes three times a week, in a group of four."
    )
    found = thread_findings([reading], [maths])
    assert [f.evidence.text for f in found] == [reading]


def test_a_need_with_no_recognisable_topic_never_fires() -> None:
    vague = "Sam has difficulties in several areas and needs a lot of support from adults across the school day."
    assert thread_findings([vague], [FEELINGS_PROVISION]) == []


def test_a_test_result_is_not_read_as_a_need() -> None:
    score = "On his most recent assessment Sam's reading age was well below that expected for his age."
    assert thread_findings([score], [FEELINGS_PROVISION]) == []


def test_generic_therapy_covers_its_topics_only_when_nothing_narrower_is_named() -> None:
    assert {"expressive", "receptive", "speech-sounds"} <= topics_met(
        "A speech and language therapist will see him 1:1 for 30 minutes each week."
    )
    narrow = topics_met("A speech and language therapist will work on word finding 1:1 for 30 minutes each week.")
    assert "expressive" in narrow and "speech-sounds" not in narrow


def test_emotional_literacy_is_not_reading() -> None:
    assert "literacy" not in topics_met("An emotional literacy support assistant will meet him weekly for 30 minutes.")
    assert "literacy" in topic_counts("He reads slowly and guesses longer words from the first letter.")


def test_g_and_h_thread_still_works_alongside_the_topics() -> None:
    sections = copy.deepcopy(GOOD_PLAN)
    sections["C"] = ["Sam has epilepsy and has about two absence seizures a week, which interrupt his learning."]
    found = {f.code for f in run_checks(make_document(sections), today=TODAY)}
    assert "G.need-without-provision" in found


def _all_patterns() -> list[CI]:
    """Every pattern the checks hold: module-level ones and those inside the topic and area lexicons."""
    import importlib
    import pkgutil

    import ehcp_analysis.checks as package
    from ehcp_analysis.checks import lexicon, topics

    found: list[CI] = []
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found += [v for v in vars(module).values() if isinstance(v, CI)]
    for topic in topics.TOPICS:
        found += [p for p in (topic.need, topic.meets, topic.broad) if p is not None]
    for area in (*lexicon.EDUCATION_AREAS, *lexicon.HEALTH_AREAS, *lexicon.CARE_AREAS):
        found += [area.need, area.provision]
    return found


def test_the_word_start_gate_never_rules_out_a_real_match() -> None:
    texts = [str(x) if isinstance(x, str) else " | ".join(x[1]) for content in GOOD_PLAN.values() for x in content] + [
        FEELINGS_NEED,
        SELF_ESTEEM_NEED,
        FEELINGS_PROVISION,
        "Up to 3 sessions a week with a teaching assistant or a learning mentor, as advised by the school.",
        "She has a diagnosis of autism; her self-esteem is low and she can't see the board.",
        "Speech and language therapy (SaLT) – 2–3 x 30 mins, either 1:1 or in a small group, TBC.",
    ]
    patterns = _all_patterns()
    assert sum(p.gate is not None for p in patterns) > 100  # the gate is in use for most word lists
    for text in texts:
        low = text.lower()
        starts = word_starts(low)
        for pattern in patterns:
            if pattern.regex.search(low):
                assert pattern.could_match(starts), (pattern.regex.pattern[:60], text)


def test_leading_literals_of_a_pattern() -> None:
    assert CI(r"\b(?:self-?esteem|(?:low|poor) mood|read(?:s|ing)?|x\w+)").gate == {"self", "low", "poor", "read", "x"}
    assert CI(r"\b(?:\w+ly|ab)").gate is None  # may start with any letter: no gate
    assert CI(r"(?:up to|at most)").gate is None  # not anchored at a word start: no gate
