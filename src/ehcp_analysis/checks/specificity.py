"""Judging one provision item on the five dimensions: what, how much, how often, who, where/group.

Also finds the wording that weakens an item: hedges, delegation to the setting, ranges and ceilings, vague
deliverers. Pure functions over a string so the hand-written statements test can exercise them directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ehcp_analysis.checks.text import CI

_NUM = (
    r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"twenty-five|thirty|forty|forty-five|fifty|sixty|ninety)"
)

HOW_MUCH = CI(
    rf"\b{_NUM}[\s-]*(?:min(?:ute)?s?|hours?|hrs?|h\b|sessions?|lessons?|periods?|weeks?|blocks?|visits?|"
    rf"days?|nights?|appointments?|contacts?|reviews?)\b"
    r"|\b(?:full[- ]time|half[- ]day|whole[- ]day|throughout (?:the|each|every) (?:school )?day|all day|"
    r"for the whole of|every lesson|each lesson|all lessons|in all lessons|all times|at all times|"
    r"per cent of|\d+%)",
    re.I,
)
HOW_OFTEN = CI(
    r"\b(?:daily|weekly|fortnightly|termly|monthly|annually|yearly|twice|once|"
    r"(?:every|each) (?:day|morning|afternoon|lesson|week|fortnight|month|term|half[- ]term|year|break|"
    r"lunchtime|session|transition|school day|\d+ (?:weeks?|months?|days?)|(?:two|three|four|six|eight|twelve) "
    r"(?:weeks|months))|"
    r"per (?:day|week|fortnight|month|term|half[- ]term|year|annum|lesson|session)|"
    r"a (?:day|week|fortnight|month|term|half[- ]term|year)\b|"
    r"(?:times?|x) (?:a|per|each|every)\b|\d+\s*x\b|"
    r"(?:throughout|across) the (?:school )?(?:day|week)|at all times|all day|full[- ]time|"
    r"at (?:every|each|all) (?:transitions?|breaks?|lunchtimes?|unstructured times?)|"
    r"at (?:break|lunch)(?: ?times?)?(?: and (?:break|lunch)(?: ?times?)?)?|"
    r"during (?:all|every|each) (?:lessons?|transitions?)|in (?:all|every|each) (?:\w+ )?(?:lessons?|assessments?|tests?|exams?)|"
    r"on (?:mondays|tuesdays|wednesdays|thursdays|fridays|school days)|"
    r"(?:start|end) of (?:each|every|the) (?:day|lesson|session))",
    re.I,
)
RATIO_OR_GROUP = CI(
    rf"\b\d\s*:\s*\d{{1,2}}\b|\bone[- ]to[- ]one\b|\bindividual(?:ly)?\b|\bgroups? of (?:no more than |up to |at most |)"
    rf"{_NUM}\b|\bpairs?\b|\b(?:class|group) (?:size )?of (?:no more than |up to |)\d+",
    re.I,
)
WHERE = CI(
    r"\b(?:in (?:a|the) (?:quiet|separate|calm|sensory|therapy|small|designated|low[- ]arousal|familiar|"
    r"classroom|class|playground|dining hall|hall|room|base|resource base|library|nurture)\b|in class\b|"
    r"in (?:all )?lessons|at home|at school|at college|in school|in the community|on site|withdrawn|"
    r"in (?:his|her|their|the) (?:classroom|class|base))",
    re.I,
)

# Named deliverers with a role or expertise.
WHO = CI(
    r"\b(?:(?:staff|adults?|members? of staff|people|assistants?)\W{1,3}(?:who (?:are|is|have been|has been) )?trained (?:in|by)|(?:qualified|specialist|trained|experienced|hcpc[- ]registered|registered|class|subject|"
    r"advisory|peripatetic|form|lead|senior|named) (?:teacher|teaching assistant|ta|therapist|practitioner|"
    r"nurse|mentor|tutor|adult|member of staff|staff member|lsa)|"
    r"teachers?|teaching assistants?|tas?|hltas?|lsas?|learning support assistants?|"
    r"speech and language therapists?|salt|slt|occupational therapists?|ot|physiotherapists?|physio|"
    r"educational psychologist|ep|clinical psychologist|psychologist|senco|sendco|inclusion lead|"
    r"teacher of the deaf|tod|qtvi|qtmsi|habilitation (?:specialist|officer)|mobility officer|"
    r"elsa|counsellor|nurse|school nurse|specialist nurse|paediatrician|consultant|dietitian|"
    r"camhs(?: practitioner| clinician)?|key person|co-?ordinator|coordinator|clinician|social worker|family support worker|key worker|keyworker|"
    r"personal assistant|support worker|youth worker|job coach|careers adviser|careers advisor|"
    r"personal adviser|short breaks? (?:provider|service|team)|carers?|play therapist|art therapist|"
    r"music therapist|dramatherapist|intervenor|interpreter|specialist (?:autism|sensory|inclusion) "
    r"(?:teacher|practitioner|service|team|outreach)|outreach (?:teacher|team|service)|autism (?:outreach|advisory) "
    r"(?:teacher|team|service)|tutor|instructor|coach|trainers?|dsl|manager|tutors?|practitioners?|therapists?|"
    r"mentors?|workers?)\b",
    re.I,
)
# Deliverers that name nobody in particular.
VAGUE_WHO = CI(
    r"\b(?:(?:staff|adults?|members? of staff|people|assistants?)\W{1,3}(?:who (?:are|is|have been|has been) )?trained (?:in|by)|an? (?:adult|member of (?:staff|the team|the school team|school staff))|(?:school |support |setting )?staff\b|"
    r"key adults?|familiar adults?|an? (?:appropriate|suitable) (?:person|adult|professional)|"
    r"the (?:school|setting) team|adults? in school|school personnel|someone|professionals?\b)",
    re.I,
)

# The deliverer slot itself is vague: "with school staff", "an adult will", "by a suitable adult". A qualified
# person elsewhere in the item (e.g. the therapist who wrote the programme) does not make up for it.
VAGUE_DELIVERER_SLOT = CI(
    r"(?:\b(?:with|by|from)\s+|^|[.;]\s+|,\s*)(?:an?\s+|the\s+|any\s+|available\s+)?(?:school\s+|support\s+|setting\s+)?"
    r"(?:suitable\s+|appropriate\s+|familiar\s+|available\s+|key\s+|named\s+)?(?:adults?|staff|members? of (?:staff|the team|"
    r"the (?:school|support|setting) team)|person|someone|professionals?|team)\b"
    r"(?!\s*,?\s*(?:trained|who (?:is|are|has|have) been trained|\(?a (?:qualified|trained|senior)|a teaching assistant|"
    r"an? \w+ teacher|delivering|who deliver|working with|members?\b))",
    re.I,
)
# Hedged or non-committal wording.
VAGUE = CI(
    r"\b(?:access to|have access|opportunit(?:y|ies)|regular(?:ly)?|as (?:and when )?(?:required|needed|necessary)|"
    r"when (?:required|needed|necessary)|as and when|as appropriate|where appropriate|when appropriate|"
    r"if appropriate|if needed|if required|if necessary|when (?:staff|adults?|resources|time|a member of staff) (?:are|is) "
    r"available|subject to (?:availability|staffing)|staff availability|"
    r"appropriate(?! (?:person|adult|professional|member))|where possible|if possible|when possible|wherever possible|where available|if available|"
    r"would benefit|may benefit|could benefit|would be (?:helpful|useful|beneficial)|"
    r"such as|e\.g\.?|for example|etc\.?|or (?:an? )?(?:equivalent|similar|alternative)|or other|and/or|periodic(?:ally)?|"
    r"frequently|occasionally|from time to time|at times|as often as possible|when (?:she|he|they) (?:needs|asks)|"
    r"on[- ]going|ongoing|sometimes|some\s+(?:support|help|time|sessions|input)|some\b(?= (?:\w+ )?(?:support|help|input))|"
    r"should consider|consider(?:ation)?|encourage(?:d|ment)?|monitor(?:ed|ing)?|"
    r"small group(?!s? of\b)(?:s)?|support with|support from|help with|input from|"
    r"as part of (?:the )?(?:school'?s|universal|whole[- ]class)|"
    r"subject to|if (?:funding|resources) allow|where resources allow|can be|could|might|may(?! \d))\b",
    re.I,
)
# Only lower-case "may" hedges: "May" is the month.
_LOWER_MAY = re.compile(r"\bmay\b")

DELEGATED = CI(
    r"\b(?:to be (?:determined|decided|agreed|confirmed|arranged|set)(?: by| with| at)?|as (?:advised|recommended|directed|determined|decided|agreed) by|"
    r"(?:at|to) the discretion of|as (?:the school|the setting|school|staff|the senco|the college) (?:sees?|deems?|considers?|feels?) "
    r"(?:fit|appropriate|necessary)|(?:school|the school|the setting|setting|the senco|staff|college) (?:will|to|should|may|can) "
    r"(?:decide|determine|judge|agree) (?:how|when|what|the|whether|if)|"
    r"(?:in line with|following|according to|per) (?:the )?(?:school'?s?|setting'?s?|usual) (?:policy|policies|practice|"
    r"procedures?|graduated approach|judgement)|as (?:advised|recommended|directed)\b|"
    r"according to (?:need|(?:his|her|their) needs at the time)|depending on (?:need|progress|availability|resources)|"
    r"(?:chosen|selected|decided|determined|picked|agreed) by (?:the )?(?:school|setting|staff|college|senco|provider|teacher)|"
    r"as (?:the )?(?:needs?|funding|resources|staffing) (?:allow|dictates?|permits?)|"
    r"as (?:often|much|long|many times) as (?:the |his |her |their )?[\w ]{1,30}? (?:decides?|thinks?|judges?|considers?|feels?|"
    r"sees? fit|deems?|requests?|wants?)|"
    r"(?:frequency|length|amount|duration|number of sessions|intensity|level)[^.]{0,30}?(?:decided|determined|set|agreed|judged) "
    r"(?:by|with|at)|"
    r"in consultation with school(?: staff)? to decide|level (?:and|of) (?:support|frequency) (?:to be|will be) "
    r"(?:decided|determined|set) by)\b",
    re.I,
)
RANGE_OR_CEILING = CI(
    # \b first: the cheap word-boundary test fails at most positions before the three look-behinds are tried
    rf"\b(?<!group of )(?<!groups of )(?<!class of )(?:up to|a maximum of|maximum of|max\.? of|no more than|not more than|"
    rf"at most)\s+(?:{_NUM}|once|twice)\b(?! ?(?:pupils|children|students|young people|learners|peers|others)\b)"
    rf"|\b{_NUM}\s*(?:-|–|to)\s*{_NUM}\s*(?:x\s*)?(?:min(?:ute)?s?|hours?|hrs?|sessions?|times?|lessons?|days?|weeks?)\b"
    rf"|\bbetween {_NUM} and {_NUM}\b|\b{_NUM} or {_NUM} (?:min(?:ute)?s?|hours?|sessions?|times?)\b"
    rf"|\b(?:once or twice|one or two|two or three|three or four|four or five)\b|\bor more\b|\bat least {_NUM} but\b",
    re.I,
)
_ROLE = (
    r"(?:teachers?|teaching assistants?|tas?|hltas?|lsas?|senco|speech and language therapists?|salts?|slts?|"
    r"occupational therapists?|ots?|physiotherapists?|educational psychologists?|eps?|specialist teachers?|"
    r"learning mentors?|mentors?|elsas?|counsellors?|nurses?|therapists?|tutors?|support workers?|assistants?|"
    r"psychologists?|practitioners?|specialists?|officers?|advisers?|advisors?|coaches|coach|workers?|leads?|adults?)"
)
EITHER_OR_DELIVERER = CI(
    rf"\b(?:(?:a|an|the)\s+)?(?:(?:qualified|specialist|trained|class)\s+)?{_ROLE}\s*(?:/|\bor\b)\s*(?:(?:a|an|the)\s+)?"
    rf"(?:(?:qualified|specialist|trained|class)\s+)?{_ROLE}\b"
    rf"|\b{_ROLE}(?:,?\s+[\w-]+){{0,10}}?\s+or\s+(?:another|any other|other|a suitable|an appropriate|a member)\b"
    rf"|\b(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}{_ROLE}(?:,?\s+[\w-]+){{0,10}}?\s+or\s+(?:a|an|the|another|any)\s+"
    rf"(?:[\w-]+\s+){{0,3}}{_ROLE}\b"
    r"|\beither\b[^.]{0,60}\bor\b",
    re.I,
)

WHAT_INTERVENTION = CI(
    r"\b(?:programme|intervention|therapy|teaching|tuition|sessions?|support|lessons?|coaching|training|"
    r"instruction|practice|plan|equipment|aids?|software|laptop|timetable|scheme|group|club|mentoring|checks?|"
    r"check-ins?|reviews?|assessment|supervision|breaks?|circuit|diet|work|activities|care|assistance|breaks)\b",
    re.I,
)


_ALTERNATIVE = re.compile(r"\bor\b|/")


@dataclass(frozen=True)
class Specificity:
    """Which of the five dimensions an item states, and which weakening phrases it contains."""

    what: bool
    how_much: bool
    how_often: bool
    who: bool
    where_group: bool
    vague_who: bool
    vague: tuple[str, ...]
    delegated: tuple[str, ...]
    range_or_ceiling: tuple[str, ...]

    @property
    def quantified(self) -> bool:
        return self.how_much or self.how_often

    @property
    def fully_quantified(self) -> bool:
        """States how much or how often, and who: the item is enforceable despite a hedge."""
        return self.how_much and self.how_often and self.who

    @property
    def score(self) -> int:
        return sum((self.what, self.how_much, self.how_often, self.who, self.where_group))


def _matches(pattern: CI, low: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in pattern.regex.finditer(low))


def assess(text: str) -> Specificity:
    """Assess one provision item (a sentence, bullet or table row)."""
    low = text.lower()  # once, for all the patterns below (see CI)
    vague = list(_matches(VAGUE, low))
    if "may" in vague and not _LOWER_MAY.search(text):
        vague = [v for v in vague if v != "may"]  # "May" with a capital is the month
    delegated = _matches(DELEGATED, low)
    ranges = _matches(RANGE_OR_CEILING, low)
    if _ALTERNATIVE.search(low):  # every either/or deliverer has an "or" or a slash; most items have neither
        ranges += _matches(EITHER_OR_DELIVERER, low)
    # "decided by school staff" names who decides (a delegation), not who delivers
    vague_who = bool(VAGUE_DELIVERER_SLOT.regex.search(DELEGATED.regex.sub(" ", low) if delegated else low))
    return Specificity(
        what=len(text.split()) >= 6 or bool(WHAT_INTERVENTION.regex.search(low)),
        how_much=bool(HOW_MUCH.regex.search(low)),
        how_often=bool(HOW_OFTEN.regex.search(low)),
        who=bool(WHO.regex.search(low)),
        where_group=bool(RATIO_OR_GROUP.regex.search(low) or WHERE.regex.search(low)),
        vague_who=vague_who,
        vague=tuple(vague),
        delegated=delegated,
        range_or_ceiling=ranges,
    )
