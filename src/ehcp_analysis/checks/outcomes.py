"""Section E: outcomes that are personal, time-bound and measurable; preparation for adulthood from Year 9."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ehcp_analysis.checks.base import Context, Item, check, looks_like_heading
from ehcp_analysis.checks.text import CI, year_group_from_birth
from ehcp_analysis.findings import Finding, Severity

_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|twenty-four)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
TIME_BOUND = CI(
    rf"\bby (?:the )?(?:end of (?:the )?)?(?:(?:autumn|spring|summer) (?:term|half[- ]term)|key stage ?\d|ks ?\d|"
    rf"year ?\d+|{_MONTH}|\d{{4}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:his|her|their|the) (?:next |first |second )?"
    rf"(?:annual )?review|(?:his|her|their) (?:next|\w+ birthday)|next (?:annual )?review|age \d+|the age of \d+|"
    rf"(?:this|the|next) (?:academic |school )?(?:year|term|half[- ]term)|(?:primary|secondary) school|"
    rf"(?:reception|nursery|college|sixth form|post-16|year \d+)|the time (?:he|she|they))"
    rf"|\bwithin (?:the next )?{_N} (?:weeks|months|years?|terms?|half[- ]terms)\b"
    rf"|\b(?:in|over) the next {_N} (?:weeks|months|years?|terms?)\b|\bat the end of (?:year|key stage|ks|the)\b"
    rf"|\bbefore (?:he|she|they) (?:leaves?|moves?|transfers?|starts?)\b|\bby {_N} (?:weeks|months)\b"
    rf"|\b(?:{_MONTH}) \d{{4}}\b|\b(?:autumn|spring|summer) (?:term )?\d{{4}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    rf"|\b(?:by|before) (?:he|she|they) (?:is|are|turns?) \d+",
    re.I,
)
MEASURE = CI(
    rf"\b\d+ (?:out of|/|in) \d+\b|\b\d+\s*%|\b{_N} (?:out of|in) {_N}\b|\bon (?:at least )?{_N}\b[^.]{{0,20}}occasions\b"
    rf"|\bat least {_N}\b|\bindependently\b|\bwithout (?:adult |any |verbal |physical )?(?:support|prompts?|prompting|"
    rf"help|reminders?|assistance)\b|\bwith (?:one|no|only one|no more than one|a single|minimal|a visual) (?:prompt|reminder|cue)"
    rf"|\b(?:for|over|across) (?:at least )?{_N} (?:minutes|seconds|consecutive|weeks|sessions|lessons)\b"
    rf"|\b{_N} (?:\w+ ){{0,2}}(?:words|sentences|times|minutes|steps|strategies|sounds|letters|numbers|pages|metres|"
    rf"journeys|meals|tasks|questions|friends|peers|activities|items|occasions|days|lessons|sessions|coins|skills)\b"
    rf"|\breading age\b|\bstandardised score\b|\b(?:age[- ]related expectations|expected standard)\b"
    rf"|\b\d{{1,3}} (?:[a-z-]+ ){{0,2}}[a-z]+s\b|\b{_N}[- ](?:week|day|hour|minute|term)\b"
    rf"|\b(?:once|twice|{_N} times) (?:a|per|each|every) (?:day|week|fortnight|month|term|lesson)\b|\bevery (?:day|lesson|morning)\b"
    rf"|\b{_N} (?:a|per|each|every) (?:day|week|fortnight|month|term|half[- ]term|lesson)\b|\bno more than {_N}\b"
    rf"|\bon {_N} occasions?\b|\bfrom (?:about |around )?{_N}\b[^.]{{0,40}}\bto\b"
    rf"|\b(?:rating|rated|checklist|tracker|observation record|log)\b|\b{_N} (?:[a-z-]+ ){{0,2}}[a-z]+s\b"
    rf"|\b(?:termly|weekly|half[- ]termly|monthly|daily|regular) (?:check|review|assessment|observation|probe)s?\b"
    rf"|\bwith (?:only |no more than )?(?:[\w-]+ ){{0,4}}(?:present|nearby|watching|observing|at a distance|silent|checking)\b"
    rf"|\b(?:with )?help only (?:for|with)\b"
    rf"|\bmeasured by\b|\bas (?:recorded|measured|shown|evidenced) (?:in|by|on)\b|\bunaided\b|\bwithout adult\b"
    rf"|\bto (?:a|an) (?:adult|familiar adult|peer)\b[^.]{{0,40}}\b\d+\b|\b\d+ (?:of|from) (?:the|his|her|their)\b",
    re.I,
)
VAGUE_OUTCOME = CI(
    r"\b(?:improve[sd]?|improving|develop(?:s|ed|ing)?|understand(?:s|ing)?|have (?:an?|a better|greater|more) "
    r"(?:understanding|awareness)|be (?:more )?aware|awareness|increase[sd]? (?:his|her|their)? ?(?:confidence|"
    r"self-esteem|skills|ability|independence)|make (?:good |better |expected )?progress|progress (?:in|with)|"
    r"work (?:towards|on)|gain (?:confidence|skills)|become more|feel (?:more|better|happier)|be more|enhance[sd]?|"
    r"continue to|learn about|explore|be happier|be happy|be supported|cope better|engage (?:more|better)|"
    r"build (?:on|his|her|their)|strengthen|better|more confident\w*|more independent\w*)\b",
    re.I,
)
PROVISION_AS_OUTCOME = CI(
    r"\b(?:will (?:receive|be given|be provided(?: with)?|have access to|access|attend (?!(?:school|college|(?:a |an |the |his |her |their |all |every |each )?(?:[\w-]+ ){0,3}(?:clubs?|placements?|appointments?|lessons?|class(?:es)?|school|college|work|courses?|events?|trips?|activit\w+|sessions of (?:school|college)))\b)|be offered|get (?:support|help|extra|1:1|access)|be taught|"
    r"continue to (?:receive|attend|have|access)|be seen by|be referred|be supported by|be assessed|"
    r"have (?:a |an )?(?:\d+|one|two|three|daily|weekly|termly|regular|1:1|one-to-one|individual|small[- ]group|"
    r"(?:named |key |dedicated )?(?:ta|teaching assistant|adult|keyworker|key worker|mentor|place)\b|"
    r"(?:speech and language|occupational|physio)\w* (?:therapy|sessions)|sessions|support|therapy|access)|"
    r"have (?:[\w-]+ ){1,5}(?:sessions|therapy|intervention|programme|support|input|breaks))|"
    r"(?:staff|school|the school|setting|adults?|ta|the ta|teacher|the teacher|therapist|salt|ot|"
    r"the senco|senco) (?:will|to) (?:provide|deliver|support|give|teach|ensure|offer|run|arrange|set))\b",
    re.I,
)
_OUTCOME_SHAPE = CI(
    r"\bwill\b|\bto be able\b|\bcan\b|^\s*(?:to|by|i will|i want|i would)\b|\bbe able to\b|\bis able to\b", re.I
)
_META = CI(
    r"\b(?:these outcomes|the outcomes (?:below|above|in this)|outcomes? (?:will|are|were) (?:be )?(?:reviewed|agreed|"
    r"discussed|set|monitored)|progress (?:towards|against) (?:these|the) outcomes|steps towards|"
    r"reviewed (?:at|during) (?:the|each) annual review)\b",
    re.I,
)


def outcome_items(ctx: Context) -> list[Item]:
    """Items of Section E that state an outcome (not introductions or notes about reviewing)."""
    return ctx.memo("outcome-items", lambda: _outcome_items(ctx))


def outcome_verdicts(ctx: Context) -> list[tuple[Item, set[str]]]:
    return ctx.memo("outcome-verdicts", lambda: [(i, judge_outcome(i.text)) for i in outcome_items(ctx)])


def _outcome_items(ctx: Context) -> list[Item]:
    return [
        i
        for i in ctx.items("E")
        if len(i.text.split()) >= 5
        and _OUTCOME_SHAPE.search(i.text)
        and not _META.search(i.text)
        and not looks_like_heading(i)
    ]


def judge_outcome(text: str) -> set[str]:
    """The outcome codes one statement earns (empty when it is a good outcome)."""
    if PROVISION_AS_OUTCOME.search(text):
        return {"E.provision-as-outcome"}
    codes: set[str] = set()
    if not TIME_BOUND.search(text):
        codes.add("E.not-time-bound")
    if not MEASURE.search(TIME_BOUND.sub(" ", text)):  # "within 12 months" is a timescale, not a measure
        codes.add("E.not-measurable")
        if VAGUE_OUTCOME.search(text):
            codes.add("E.vague-outcome")
    return codes


_MESSAGES = {
    "E.provision-as-outcome": (
        Severity.AMBER,
        "This outcome describes a service the child will receive, not the difference it will make.",
        "Say what the child will be able to do, and by when; move the service to Section F.",
    ),
    "E.not-time-bound": (
        Severity.AMBER,
        "This outcome has no timescale.",
        "Add when it should be achieved, e.g. by the end of a named term, school year or key stage.",
    ),
    "E.not-measurable": (
        Severity.AMBER,
        "This outcome gives no way of telling whether it has been achieved.",
        "Add a measure: how often, how many, how well or how independently the child will do it.",
    ),
    "E.vague-outcome": (
        Severity.AMBER,
        "This outcome relies on a vague verb (improve, develop, understand) with nothing observable.",
        "Say what the child will be able to do that they cannot do now, how you will know, and by when.",
    ),
}


def _outcome_check(code: str, ctx: Context) -> Iterator[Finding]:
    severity, message, suggestion = _MESSAGES[code]
    for item, verdict in outcome_verdicts(ctx):
        if code in verdict:
            yield ctx.finding(code, severity, message, suggestion, item=item)


@check("E.provision-as-outcome", criterion="E-05")
def e_provision_as_outcome(ctx: Context) -> Iterator[Finding]:
    """An outcome states the benefit to the child; a service to be received ("will receive ...", "staff will ...")
    is provision and belongs in F, G or H."""
    yield from _outcome_check("E.provision-as-outcome", ctx)


@check("E.not-time-bound", criterion="E-02")
def e_not_time_bound(ctx: Context) -> Iterator[Finding]:
    """Every outcome says by when it should be achieved (a date, term, school year or key stage)."""
    yield from _outcome_check("E.not-time-bound", ctx)


@check("E.not-measurable", criterion="E-02")
def e_not_measurable(ctx: Context) -> Iterator[Finding]:
    """Every outcome says how achievement will be recognised: a count, accuracy, frequency or level of
    independence."""
    yield from _outcome_check("E.not-measurable", ctx)


@check("E.vague-outcome", criterion="E-02")
def e_vague_outcome(ctx: Context) -> Iterator[Finding]:
    """An outcome built only on "improve", "develop" or "understand", with nothing observable, is not SMART."""
    yield from _outcome_check("E.vague-outcome", ctx)


# --- preparation for adulthood --------------------------------------------------------------------------------
# Strong signs of preparation for adulthood; everyday words ("college" as the setting, "friends", "clubs") are left
# out because they appear in younger children's plans too.
PFA = CI(
    r"\b(?:prepar(?:ing|ation) for adult(?:hood| life)|pfa|employment|employ(?:able|ability|er|ers)|paid work|"
    r"work experience|work placements?|work-related|world of work|careers?|vocational|apprenticeships?|"
    r"(?:paid|part-time|weekend|saturday|future|real) jobs?|job (?:coach|search|applications?|interviews?|centre|skills)|"
    r"supported internships?|volunteer\w*|further education|higher education|university|post-16 (?:options|course|"
    r"provision|study)|post-19|college (?:course|application|taster|visit|place)|apply (?:for|to) (?:a )?college|"
    r"independent living|live independently|living independently|independent travel|travel independently|"
    r"travel\w* [^.]{0,30}\bindependently|"
    r"travel(?:ling)? (?:training|trainer|on (?:the|a) (?:bus|train))|public transport|bus (?:route|journey|pass|stop)|"
    r"(?:manage|managing|handle|handling) (?:his|her|their) (?:own )?(?:money|budget|health|medication|appointments)|"
    r"budget(?:ing)?|money management|(?:cook|prepare) (?:a )?(?:simple )?meals?|cooking|laundry|household tasks|"
    r"life skills|daily living skills|adult (?:services|social care|life)|transition to adult\w*|adulthood|"
    r"(?:gp|health|dental|doctor'?s?) appointments?|appointments? with (?:his|her|their|a|the) (?:family )?(?:doctor|gp|dentist)|"
    r"(?:take|manage|managing|taking) (?:his|her|their) (?:own |daily )?(?:medication|medicine)|"
    r"(?:manage|managing|book|booking) (?:his|her|their )?(?:own )?(?:appointments|medication)|good health|"
    r"community (?:activities|groups|facilities|clubs?|access|participation)|"
    r"(?:travel|journey|travelling)[^.]{0,20}\bby (?:bus|train)|(?:bus|train) (?:route|journey|pass|stop|travel)|"
    r"(?:prepare|cook|make) (?:a |an )?(?:simple |hot |cold |healthy )?(?:meal|snack|lunch|breakfast|dinner|sandwich)|housing|self-advocacy|advocate for (?:himself|herself|themselves))\b",
    re.I,
)


def effective_year_group(ctx: Context) -> int | None:
    if ctx.metadata.year_group is not None:
        return ctx.metadata.year_group
    if ctx.metadata.date_of_birth is not None:
        on: date = ctx.metadata.plan_date or ctx.today
        return year_group_from_birth(ctx.metadata.date_of_birth, on)
    return None


def _pfa_check(ctx: Context, sid: str, code: str, what: str) -> Iterator[Finding]:
    year = effective_year_group(ctx)
    if year is None or year < 9 or sid not in ctx.document.sections or ctx.is_empty(sid):
        return
    if PFA.search(ctx.text(sid)):
        return
    yield ctx.finding(
        code,
        Severity.RED,
        f"The young person is in Year {year} but Section {sid} has no preparation-for-adulthood {what}.",
        f"From Year 9, include {what} for employment, independent living, friends and community, and good health, "
        "built on the young person's aspirations.",
        section=sid,
    )


@check("E.pfa-missing", criterion="E-08")
def e_pfa_missing(ctx: Context) -> Iterator[Finding]:
    """From Year 9, Section E includes outcomes preparing for adulthood (work, independent living, community,
    health)."""
    yield from _pfa_check(ctx, "E", "E.pfa-missing", "outcome")


@check("F.pfa-missing", criterion="F-10")
def f_pfa_missing(ctx: Context) -> Iterator[Finding]:
    """From Year 9, Section F includes provision that prepares for adulthood and independent living."""
    yield from _pfa_check(ctx, "F", "F.pfa-missing", "provision")
