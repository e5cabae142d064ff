"""Compose a good-practice plan: every section present, needs matched by provision, outcomes SMART."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TypeVar

from ehcp_analysis.synth import bank_sections as bs
from ehcp_analysis.synth import people
from ehcp_analysis.synth.bank_needs import ALL_TOPICS, AREA_TITLES, PFA_TOPICS, STRENGTHS, Topic
from ehcp_analysis.synth.content import AdviceItem, Content, OutcomeItem, ProvItem, Unit, cap
from ehcp_analysis.synth.profile import NEED_NAMES, Profile

AREA_ORDER = ("CI", "CL", "SEMH", "SP", "PFA")
NEED_AREAS = {  # the first topic that suits the age is the primary need's; others are drawn from the rest
    "ASD": (
        "ci-social",
        "ci-understanding",
        "semh-regulation",
        "sp-sensory-processing",
        "ci-expressive",
        "cl-organisation",
        "semh-anxiety",
        "ci-attention",
    ),
    "SLCN": (
        "ci-understanding",
        "ci-expressive",
        "ci-attention",
        "cl-memory",
        "semh-relationships",
        "semh-self-esteem",
    ),
    "SEMH": (
        "semh-regulation",
        "semh-anxiety",
        "semh-relationships",
        "semh-self-esteem",
        "cl-memory",
        "cl-literacy",
        "cl-organisation",
    ),
    "MLD": ("cl-memory", "cl-maths", "cl-literacy", "ci-understanding", "cl-early", "semh-self-esteem"),
    "SpLD": ("cl-literacy", "cl-maths", "semh-anxiety", "cl-memory", "cl-organisation", "semh-self-esteem"),
    "SLD": ("cl-memory", "cl-early", "ci-aac", "ci-expressive", "sp-motor", "sp-personal-care"),
    "PMLD": ("cl-profound", "ci-aac", "sp-motor", "sp-vision", "sp-personal-care"),
    "HI": ("sp-hearing", "ci-expressive", "ci-understanding", "semh-relationships", "ci-attention"),
    "VI": ("sp-vision", "sp-motor", "cl-memory", "semh-anxiety", "sp-personal-care"),
    "MSI": ("sp-hearing", "sp-vision", "ci-aac", "cl-profound", "sp-personal-care"),
    "PD": ("sp-motor", "sp-personal-care", "sp-stamina", "cl-literacy", "semh-anxiety", "cl-early"),
    "OTH": (
        "sp-stamina",
        "semh-regulation",
        "cl-memory",
        "ci-understanding",
        "sp-sensory-processing",
        "cl-maths",
        "cl-organisation",
    ),
}
TOPIC_BY_KEY = {t.key: t for t in ALL_TOPICS}
HEALTH_CHANCE = {"PMLD": 1.0, "MSI": 0.9, "PD": 0.9, "SLD": 0.8, "HI": 0.9, "VI": 0.9}
TOPIC_EXTRA_ADVICE = {
    "ci": "slt",
    "sp-hearing": "hearing",
    "sp-vision": "vision",
    "sp-motor": "ot",
    "sp-sensory-processing": "ot",
    "semh-anxiety": "mental",
}


EARLY_WORDS = (  # school words that read wrongly in a nursery plan
    ("his classmates", "the other children"),
    ("her classmates", "the other children"),
    ("classmates", "other children"),
    ("classmate", "another child"),
    ("in every lesson", "in every session"),
    ("lessons", "sessions"),
    ("lesson", "session"),
    ("pupils", "children"),
    ("the school's", "the nursery's"),
    ("library area", "book corner"),
    ("in school", "at nursery"),
    ("around school", "around the nursery"),
    ("his teacher", "his key person"),
    ("her teacher", "her key person"),
    ("class teacher", "key person"),
    ("lunchtime staff", "nursery staff"),
)
COLLEGE_WORDS = (
    ("pupils", "students"),
    ("his classmates", "the other students"),
    ("her classmates", "the other students"),
    ("classmates", "other students"),
    ("classmate", "another student"),
    ("in school", "at college"),
    ("class teacher", "course tutor"),
)


class Slots(dict[str, str]):
    """Text slots for one plan; ``fill`` formats a bank phrase with them and fits the words to the age phase."""

    words: tuple[tuple[str, str], ...] = ()

    def fill(self, text: str, **extra: str) -> str:
        out = text.format_map({**self, **extra}) if extra else text.format_map(self)
        for old, new in self.words:
            out = out.replace(old, new)
        return out


def make_slots(p: Profile, rng: random.Random) -> Slots:
    s = Slots(p.pronouns.slots())
    phase = p.phase
    s.update(
        n=p.name,
        place={"early": "at nursery", "post16": "at college"}.get(phase, "in class"),
        room={"early": "nursery room", "post16": "teaching room"}.get(phase, "classroom"),
        interest=p.interest[0],
        interest_long=p.interest[1],
        setting=p.setting,
        setting_short=p.setting_short,
        carers="their foster carers"
        if p.looked_after
        else rng.choice(("Mum and Dad", "their parents", "their grandparents", "their family", "Mum and Dad")),
    )
    s["carers"] = s["carers"].replace("their", p.pronouns.his)
    s["carers_cap"] = cap(s["carers"])
    s.words = EARLY_WORDS if phase == "early" else COLLEGE_WORDS if phase == "post16" else ()
    return s


T = TypeVar("T")


SCHOOL_ONLY = (
    "read",
    "writ",
    "type",
    "typing",
    "spell",
    "paragraph",
    "keyboard",
    "print",
    "worksheet",
    "laptop",
    "board",
    "copying",
    "sport lessons",
    "attendance",
    "corridor",
    "canteen",
    "presentation",
    "tablet",
    "text-to-speech",
    "handwriting",
    "maths",
)


def suits(text: str, phase: str) -> bool:
    """Whether a bank phrase fits the child's age phase (no reading or typing targets for a toddler)."""
    return phase != "early" or not any(word in text.lower() for word in SCHOOL_ONLY)


def fitting(items: Sequence[T], phase: str, keep: int, text: Callable[[T], str]) -> list[T]:
    chosen = [i for i in items if suits(text(i), phase)]
    return chosen if len(chosen) >= keep else list(items)


def pick(rng: random.Random, items: Sequence[T], k: int) -> list[T]:
    return rng.sample(list(items), min(k, len(items)))


def timescale(rng: random.Random, p: Profile, as_of: date, s: Slots) -> str:
    """A deadline safely after ``as_of``, in one of the ways plans express it."""
    july = people.future_review_year(as_of) + rng.randint(0, 1)
    review = as_of + timedelta(days=rng.randint(60, 330))
    options = [
        f"By July {july}",
        f"By {s['his']} next annual review in {people.MONTHS[review.month - 1]} {review.year}",
        "Within the next 12 months",
    ]
    if 1 <= p.year_group <= 11:
        later = p.year_group + (1 if as_of.month in (5, 6, 7, 8) else 0)
        if later <= 11:
            options.append(f"By the end of Year {later}")
    if p.year_group < 0:
        academic_start = as_of.year if as_of.month >= 9 else as_of.year - 1
        options.append(f"By the time {s['he']} starts Reception in September {academic_start - p.year_group}")
    return rng.choice(options)


def choose_topics(rng: random.Random, p: Profile) -> list[Topic]:
    keys = list(NEED_AREAS[p.primary_need])
    allowed = [TOPIC_BY_KEY[k] for k in keys if p.phase in TOPIC_BY_KEY[k].phases]
    if not allowed:
        allowed = [t for t in ALL_TOPICS if p.phase in t.phases]
    first, rest = allowed[0], allowed[1:]
    chosen = [first] + rng.sample(rest, min(len(rest), rng.randint(2, 3)))
    return sorted(chosen, key=lambda t: AREA_ORDER.index(t.area))


def compose(p: Profile, rng: random.Random, as_of: date) -> Content:
    s = make_slots(p, rng)
    c = Content()
    _front(c, p, s, rng)
    topics = choose_topics(rng, p)
    pfa = [t for t in PFA_TOPICS if p.year_group >= 9]
    if pfa:
        pfa = rng.sample(pfa, rng.randint(2, len(pfa)))
    _section_a(c, p, s, rng, topics, as_of)
    _section_b(c, p, s, rng, topics)
    health = _section_c_g(c, p, s, rng)
    _section_d_h(c, p, s, rng)
    _section_e_f(c, p, s, rng, as_of, topics, pfa)
    _section_i(c, p, s, rng)
    budgets = bs.BUDGET + (bs.BUDGET_SHORT_BREAKS if c.tagged("support:short-breaks") else ())
    c.add(
        "J",
        Unit(
            "J", "para", s.fill(rng.choice(budgets), amount=str(rng.randint(12, 90) * 20)), tags=frozenset({"budget"})
        ),
    )
    _section_k(c, p, s, rng, topics, health)
    return c


def _front(c: Content, p: Profile, s: Slots, rng: random.Random) -> None:
    status = {"draft": "Draft", "final": "Final", "amended": "Final (amended following annual review)"}[p.status]
    fmt = people.long_date if rng.random() < 0.6 else people.numeric_date
    c.front_numeric = fmt is people.numeric_date
    review = fmt(p.last_review) if p.last_review else "Not yet reviewed (new plan)"
    facts = [
        ("Name", p.full_name),
        ("Date of birth", fmt(p.dob)),
        ("Year group", people.year_group_label(p.year_group)),
        ("Current setting", p.setting),
        ("Date of this plan", fmt(p.plan_date)),
        ("Date of last annual review", review),
        ("Plan status", status),
        ("Primary need", NEED_NAMES[p.primary_need]),
        ("Looked-after child", "Yes" if p.looked_after else "No"),
        ("Plan reference", p.reference),
        ("Case officer", f"{p.case_officer}, {p.team}"),
    ]
    for key, value in facts:
        tag = {"Date of this plan": "plan_date", "Date of last annual review": "review_date"}.get(key, "fact")
        c.add("front", Unit(None, "fact", f"{key}: {value}", fact=(key, value), tags=frozenset({tag})))


def _setting_start_year(p: Profile, as_of: date) -> int:
    """The September the child joined the current setting: the start of the phase (nursery, school, college)."""
    academic_start = as_of.year if as_of.month >= 9 else as_of.year - 1
    first_year = {"early": p.year_group, "primary": 0, "secondary": 7, "post16": 12}[p.phase]
    return max(p.dob.year + 1, academic_start - (p.year_group - first_year))


def _diagnosis(topics: list[Topic]) -> str:
    """The one diagnosis a plan names, used alike in the history (A) and the needs (B)."""
    return next((d for t in topics for d in t.diagnoses), "")


def _section_a(c: Content, p: Profile, s: Slots, rng: random.Random, topics: list[Topic], as_of: date) -> None:
    young = p.phase == "early" or p.primary_need in ("PMLD", "MSI")
    gatherer = rng.choice(("my key worker", "my family") if young else bs.GATHERERS)
    hard = [h for h in bs.CHILD_VOICE_HARD if not (young and ("Writing" in h or "worry" in h))]
    voice = [
        rng.choice(bs.CHILD_VOICE_LIKES),
        *pick(rng, bs.CHILD_VOICE_SCHOOL, 2),
        *pick(rng, hard, 2),
        *pick(rng, bs.CHILD_VOICE_HELP, 2),
    ]
    rng.shuffle(voice)
    c.add(
        "A",
        Unit(
            "A",
            "sub",
            rng.choice(("About me", "What people like about me and what is important to me", "My views")),
            tags=frozenset({"child_voice"}),
        ),
    )
    c.add("A", Unit("A", "para", s.fill(" ".join(voice[:3])), tags=frozenset({"child_voice"})))
    c.add("A", Unit("A", "para", s.fill(" ".join(voice[3:])), tags=frozenset({"child_voice"})))
    c.add(
        "A",
        Unit(
            "A",
            "para",
            s.fill(rng.choice(bs.VOICE_GATHERED), gatherer=gatherer, gatherer_cap=cap(gatherer)),
            tags=frozenset({"child_voice"}),
        ),
    )
    c.add("A", Unit("A", "sub", rng.choice(("What people like and admire about me", "What others say about me"))))
    c.add("A", Unit("A", "para", " ".join(s.fill(x) for x in pick(rng, bs.ADMIRE, 3)), tags=frozenset({"admire"})))
    c.add("A", Unit("A", "sub", rng.choice(("My history", "My story so far", "Background"))))
    diag = _diagnosis(topics)
    hist = [h for h in bs.HISTORY if (diag or "{diagnosis}" not in h) and (p.last_review or "reviewed" not in h)]
    extra = {
        "early_age": rng.choice(("18 months", "two", "a year old", "three")),
        "family_home": rng.choice(
            (
                "Mum and two older brothers",
                "Mum, Dad and a younger sister",
                "Dad and Grandma",
                "Mum and Dad",
                "Mum, Dad and a twin brother",
                "Mum and a baby sister",
            )
        )
        if not p.looked_after
        else "foster carers",
        "start_year": str(_setting_start_year(p, as_of)),
        "first_place": rng.choice(
            ("a routine health visitor check", "nursery", "primary school", "a hospital appointment")
        ),
        "diag_year": str(max(p.dob.year + 1, p.first_plan_year - rng.randint(0, 1))),
        "first_plan_year": str(p.first_plan_year),
        "diagnosis": diag,
    }
    c.add("A", Unit("A", "para", " ".join(s.fill(h, **extra) for h in pick(rng, hist, 3)), tags=frozenset({"history"})))
    c.add("A", Unit("A", "sub", rng.choice(("How I communicate", "How to communicate with me"))))
    # How the child communicates must fit the rest of the plan: no fluent speech for a child using a device.
    keys = {t.key for t in topics}
    if p.primary_need in ("PMLD", "MSI"):
        comm = bs.COMMUNICATION[2]
    elif "ci-aac" in keys:
        comm = rng.choice((bs.COMMUNICATION[1], bs.COMMUNICATION[4]))
    elif "ci-expressive" in keys or p.phase == "early":
        comm = rng.choice((bs.COMMUNICATION[0], bs.COMMUNICATION[1]))
    else:
        comm = rng.choice((bs.COMMUNICATION[0], bs.COMMUNICATION[3]))
    c.add("A", Unit("A", "para", s.fill(comm), tags=frozenset({"communication"})))
    who = "foster carers" if p.looked_after else "family"
    c.add(
        "A",
        Unit(
            "A",
            "sub",
            rng.choice((f"What my {who} say", f"Views of my {who}", "Parent and carer views")),
            tags=frozenset({"parent_views"}),
        ),
    )
    views = pick(rng, bs.FAMILY_VIEWS, 3)
    c.add(
        "A",
        Unit(
            "A",
            "para",
            " ".join(s.fill(v, progress_area=s.fill(rng.choice(bs.PROGRESS_AREAS))) for v in views),
            tags=frozenset({"parent_views"}),
        ),
    )
    c.add(
        "A",
        Unit(
            "A",
            "sub",
            rng.choice(("My hopes and aspirations", "Aspirations for the future", "What I want for my future")),
            tags=frozenset({"aspiration"}),
        ),
    )
    goal, fam_goal = rng.choice(bs.SHORT_GOALS)
    child_goal = (
        s.fill(rng.choice(bs.CHILD_ASPIRATION_SHORT), short_goal=goal)
        + " "
        + s.fill(rng.choice(bs.CHILD_ASPIRATION_LONG))
    )
    c.add("A", Unit("A", "para", child_goal, tags=frozenset({"aspiration", "child_voice", "child_aspiration"})))
    c.add(
        "A",
        Unit(
            "A",
            "para",
            s.fill(rng.choice(bs.FAMILY_ASPIRATION), short_goal=s.fill(fam_goal)),
            tags=frozenset({"aspiration", "parent_views"}),
        ),
    )


def _section_b(c: Content, p: Profile, s: Slots, rng: random.Random, topics: list[Topic]) -> None:
    area = ""
    diag_used = False
    for position, t in enumerate(topics):
        if t.area != area:
            area = t.area
            c.add("B", Unit("B", "sub", AREA_TITLES[area], tags=frozenset({"area"})))
            c.add("B", Unit("B", "para", s.fill(rng.choice(STRENGTHS[area])), tags=frozenset({"strength"})))
        impacts = fitting(t.impacts, p.phase, 2, str)
        sentences = [s.fill(x) for x in pick(rng, impacts, rng.randint(3, 4))]
        if t.diagnoses and not diag_used:
            diag_used = True  # only the topic the diagnosis belongs to may name it
            if rng.random() < 0.7:
                sentences.insert(
                    0, f"{p.name} has a diagnosis of {_diagnosis(topics)}, and this shows in the ways described below."
                )
        c.add("B", Unit("B", "para", " ".join(sentences), tags=frozenset({"need", f"topic:{t.key}"})))
        last_of_area = position + 1 == len(topics) or topics[position + 1].area != area
        if last_of_area and p.phase != "early" and rng.random() < 0.8:
            c.add("B", Unit("B", "para", s.fill(rng.choice(bs.ATTAINMENT[area])), tags=frozenset({"attainment"})))


def _section_c_g(c: Content, p: Profile, s: Slots, rng: random.Random) -> list[str]:
    fits = [h for h in bs.HEALTH if p.primary_need in h.fits or "*" in h.fits]
    chosen = []
    if fits and rng.random() < HEALTH_CHANCE.get(p.primary_need, 0.35):
        chosen = rng.sample(fits, min(len(fits), rng.randint(1, 3)))
    if not chosen:
        c.add("C", Unit("C", "para", s.fill(rng.choice(bs.HEALTH_NONE)), tags=frozenset({"none"})))
        c.add("G", Unit("G", "para", s.fill(rng.choice(bs.HEALTH_PROVISION_NONE)), tags=frozenset({"none"})))
        return []
    for h in chosen:
        c.add("C", Unit("C", "para", s.fill(rng.choice(h.needs)), tags=frozenset({"health_need", f"support:{h.key}"})))
        for text in h.provisions:
            c.add("G", Unit("G", "para", s.fill(text), tags=frozenset({"health_prov", f"support:{h.key}"})))
    return [h.key for h in chosen]


def _section_d_h(c: Content, p: Profile, s: Slots, rng: random.Random) -> None:
    fits = [
        x
        for x in bs.SOCIAL
        if (p.primary_need in x.fits or "*" in x.fits) and (x.key != "adult-transition" or p.age >= 17)
    ]
    chosen = []
    if p.looked_after:
        chosen.append(bs.LOOKED_AFTER)
    chance = 0.6 if p.primary_need in ("PMLD", "SLD", "MSI") else 0.25
    if rng.random() < chance or p.looked_after and rng.random() < 0.3:
        # Breaks for parents and help with routines at home are about the birth family, not a foster placement.
        options = [x for x in fits if not (p.looked_after and x.key in ("family-support", "short-breaks"))]
        chosen += rng.sample(options, min(len(options), rng.randint(1, 2)))
    extra = {
        "lac_year": str(max(p.dob.year, p.plan_date.year - rng.randint(1, 4))),
        "place_name": rng.choice(people.PLACES),
    }
    if not chosen:
        c.add("D", Unit("D", "para", s.fill(rng.choice(bs.SOCIAL_NONE)), tags=frozenset({"none"})))
    for x in chosen:
        c.add(
            "D",
            Unit(
                "D", "para", s.fill(rng.choice(x.needs), **extra), tags=frozenset({"social_need", f"support:{x.key}"})
            ),
        )
        for text in x.provisions:
            c.add(
                x.h_part,
                Unit(x.h_part, "para", s.fill(text, **extra), tags=frozenset({"social_prov", f"support:{x.key}"})),
            )
    if not c.units("H1"):
        c.add("H1", Unit("H1", "para", s.fill(rng.choice(bs.H1_NONE)), tags=frozenset({"none"})))
    if not c.units("H2"):
        c.add("H2", Unit("H2", "para", s.fill(rng.choice(bs.H2_NONE)), tags=frozenset({"none"})))


def _section_e_f(
    c: Content, p: Profile, s: Slots, rng: random.Random, as_of: date, topics: list[Topic], pfa: list[Topic]
) -> None:
    number = 0
    e_area = f_area = ""
    for t in [*topics, *pfa]:
        pfa_topic = t.area == "PFA"
        tag = {"pfa"} if pfa_topic else set()
        if t.area != e_area:
            e_area = t.area
            c.add("E", Unit("E", "sub", AREA_TITLES[t.area], tags=frozenset({"area", *tag})))
        refs = []
        outcomes = fitting(t.outcomes, p.phase, 1, lambda o: o[0] + " " + o[1])
        for action, measure in pick(rng, outcomes, 2 if rng.random() < 0.7 else 1):
            number += 1
            ref = f"E{number}"
            refs.append(ref)
            outcome = OutcomeItem(
                p.name,
                ref,
                AREA_TITLES[t.area],
                t.title,
                timescale(rng, p, as_of, s),
                s.fill(action),
                s.fill(measure),
                pfa_topic,
            )
            c.add("E", Unit("E", "outcome", outcome=outcome, tags=frozenset({"outcome", f"topic:{t.key}", *tag})))
        if t.area != f_area:
            f_area = t.area
            c.add("F", Unit("F", "sub", AREA_TITLES[t.area], tags=frozenset({"area", *tag})))
        provisions = fitting(t.provisions, p.phase, 1, lambda pv: f"{pv.label} {pv.what} {pv.where}")
        for prov in rng.sample(provisions, min(len(provisions), rng.randint(2, 3))):
            item = ProvItem(
                p.name,
                prov.label,
                s.fill(prov.what),
                s.fill(prov.who),
                prov.dur,
                s.fill(prov.freq),
                s.fill(prov.group),
                s.fill(prov.where),
                rng.randint(0, 2),
                t.title,
                refs[0],
                t.key,
            )
            tags = {"prov", f"topic:{t.key}", *tag}
            if prov.therapy:
                tags.add("therapy")
            c.add("F", Unit("F", "prov", prov=item, tags=frozenset(tags)))
    c.add("F", Unit("F", "sub", rng.choice(("Monitoring and review", "How progress will be checked"))))
    c.add("F", Unit("F", "para", s.fill(rng.choice(bs.MONITORING)), tags=frozenset({"monitoring"})))


def _section_i(c: Content, p: Profile, s: Slots, rng: random.Random) -> None:
    if p.status == "draft":
        if rng.random() < 0.5:
            c.add(
                "I",
                Unit(
                    "I",
                    "para",
                    rng.choice(
                        (
                            "This section is left blank in a draft plan. It will be completed when the plan is finalised.",
                            "Left blank in the draft: the setting will be named in the final plan after consultation with the family.",
                        )
                    ),
                    tags=frozenset({"draft_note"}),
                ),
            )
        return
    article = "an" if p.setting_type[0].lower() in "aeiou" else "a"
    text = rng.choice(
        (
            f"{p.setting}, {article} {p.setting_type[0].lower()}{p.setting_type[1:]}.",
            f"Name of setting: {p.setting}. Type of setting: {p.setting_type}.",
            f"{p.name} will attend {p.setting}, which is {article} {p.setting_type[0].lower()}{p.setting_type[1:]}.",
        )
    )
    c.add("I", Unit("I", "para", text, tags=frozenset({"placement"})))


def _advice_date(rng: random.Random, p: Profile) -> date:
    anchor = p.last_review if p.last_review and p.last_review > p.plan_date else p.plan_date
    return anchor - timedelta(days=rng.randint(5, 110))


def _section_k(c: Content, p: Profile, s: Slots, rng: random.Random, topics: list[Topic], health: list[str]) -> None:
    fmt = people.long_date if rng.random() < 0.5 else people.numeric_date
    if p.looked_after:
        family = ("Views of the child and foster carers", f"{p.name}'s foster carers", "Foster carers")
    elif p.age >= 16:
        family = ("Views of the young person and family", f"{p.name} and {s['carers']}", "Young person and family")
    else:
        family = ("Parent and carer advice", s["carers_cap"], "Parents and carers")
    numeric = fmt is people.numeric_date
    c.add(
        "K",
        Unit(
            "K",
            "advice",
            advice=AdviceItem(family[0], family[1], family[2], _advice_date(rng, p), numeric),
            tags=frozenset({"advice", "adviser:parent"}),
        ),
    )
    kinds = [
        "education",
        "psychology",
        "medical-early" if p.phase == "early" and rng.random() < 0.5 else "medical",
        "social-lac" if p.looked_after else "social",
    ]
    if p.year_group >= 9:
        kinds.append("pfa")
    for t in topics:
        extra = TOPIC_EXTRA_ADVICE.get(t.key) or TOPIC_EXTRA_ADVICE.get(t.key[:2])
        if extra and extra not in kinds:
            kinds.append(extra)
    if "mobility" in health and "physio" not in kinds:
        kinds.append("physio")
    for kind in kinds:
        adv = bs.ADVISERS[kind]
        author = people.adviser_name(rng, "Dr" if adv.doctor else rng.choice(("Ms", "Mr", "Mrs", "")))
        item = AdviceItem(adv.title, author.strip(), s.fill(adv.role), _advice_date(rng, p), numeric)
        c.add("K", Unit("K", "advice", advice=item, tags=frozenset({"advice", f"adviser:{adv.kind}"})))
