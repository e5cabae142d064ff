"""Whole-plan checks: template residue, drafting residue, another child's name, content in the wrong section."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ehcp_analysis.checks.base import Context, Item, check
from ehcp_analysis.checks.names import FIRST_NAMES
from ehcp_analysis.checks.specificity import HOW_MUCH, HOW_OFTEN, WHO
from ehcp_analysis.checks.text import CI, sentences
from ehcp_analysis.findings import Finding, Severity
from ehcp_analysis.model import SECTION_IDS

PLACEHOLDER = re.compile(
    r"\bTBC\b|\bTBA\b|\bTBD\b|\[[^\]]{0,40}\b(?i:insert|add|enter|name|date|child|school|setting|to follow|tbc)\b[^\]]{0,40}\]"
    r"|\[[A-Z][A-Z _/-]{1,30}\]|<<[^>]{0,40}>>|\{\{[^}]{0,40}\}\}|\bX{2,}\b|\bx{3,}\b|\bXX/XX(?:/XX(?:XX)?)?\b|\?{3,}|lorem ipsum"
    r"|\b(?:[Ii]nformation|[Dd]etails|[Dd]ate|[Aa]dvice) (?:is |are )?not (?:yet )?(?:available|known|provided|received)\b"
    r"|\b[Tt]o be (?:confirmed|added|completed|inserted|updated)\b|\b[Dd]etails to follow\b|\b[Aa]waiting (?:information|details)\b"
)
_PLACEHOLDER_HINTS = (
    "tbc",
    "tba",
    "tbd",
    "[",
    "<<",
    "{{",
    "xx",
    "???",
    "lorem",
    "not available",
    "not known",
    "not provided",
    "not received",
    "to be confirmed",
    "to be added",
    "to be completed",
    "to be inserted",
    "to be updated",
    "details to follow",
    "awaiting",
)


def has_placeholder(text: str) -> bool:
    """PLACEHOLDER.search, after a cheap test for the literal hints every placeholder pattern contains."""
    low = text.lower()
    return any(hint in low for hint in _PLACEHOLDER_HINTS) and PLACEHOLDER.search(text) is not None


DRAFTING_RESIDUE = CI(
    r"\b(?:this (?:completes|concludes|ends) (?:the )?section|save (?:the|this) (?:output|file|document|draft)|"
    r"as an ai\b|language model|here is (?:the|a|an|your) (?:draft|revised|updated|rewritten|completed)|"
    r"i hope this helps|let me know if|copy and paste|delete (?:as appropriate|this|before)|"
    r"note to (?:the )?(?:author|writer|case ?worker|case officer|officer|self|drafter)|drafting note|"
    r"(?:case ?worker|officer|writer) to (?:check|complete|add|update|confirm)|insert here|end of (?:section|output|template)|"
    r"(?:^|\s)(?:output|prompt|instructions?):|generated (?:by|using|with)|(?:re)?paste (?:the )?(?:text|section)|"
    r"template (?:text|guidance|instructions?)|guidance for (?:writers|officers|case workers)|remove this (?:text|line|note)|"
    r"check with (?:the )?(?:team|manager) before (?:issuing|sending)|\[(?:section [a-k]\d? )?continues?\]|"
    r"tracked changes?|comment \[?[a-z]{0,3}\d+\]?:|generated from|version \d+\b|"
    r"comments? (?:from|by) (?:the )?(?:panel|manager|team|reviewer|editor)|"
    r"(?:review|check|proofread|read) (?:this |it |the text )?before (?:sending|issuing|issue|finalising|sign[- ]off)|"
    r"(?:case ?worker|officer|writer|author|editor|drafter|reviewer|manager)'?s? (?:note|comment)s?:|"
    r"(?:to be|will be) (?:added|inserted|pasted) here|add (?:more|text|details) here|"
    r"(?:draft(?:ing)?|internal|admin) (?:note|comment)s?:|"
    r"remember to (?:update|check|add|complete|remove|change|delete|insert|attach)|"
    r"(?:copy|paste|move|transfer) (?:the |this )?(?:wording|text|information|details) (?:from|into|to)|"
    r"(?:into|in) this (?:box|field|template)|update section [a-k]\d?\b|(?:fill|complete) (?:in )?this (?:section|box|field))(?!\w)",
    re.I | re.M,
)


@check("GEN.placeholder", criterion="GEN-14", section="GEN")
def gen_placeholder(ctx: Context) -> Iterator[Finding]:
    """Template placeholders (TBC, [INSERT ...], XX, "to be confirmed", "information not available") must not
    remain in an issued plan."""
    if not has_placeholder(ctx.all_text):
        return  # one pass over the whole plan first: most plans have none
    for sid in SECTION_IDS:
        for item in ctx.items(sid):
            m = PLACEHOLDER.search(item.text)
            if m and not DRAFTING_RESIDUE.search(item.text):  # a note to the writer is residue, not a gap
                yield ctx.finding(
                    "GEN.placeholder",
                    Severity.RED,
                    f"Template placeholder \u201c{m.group(0)}\u201d left in Section {sid}.",
                    "Replace the placeholder with the actual information, or say what is missing and who will "
                    "supply it by when.",
                    item=item,
                )


@check("GEN.drafting-residue", criterion="GEN-02", section="GEN")
def gen_drafting_residue(ctx: Context) -> Iterator[Finding]:
    """Notes from the drafting process or a drafting tool ("this completes section...", "save the output")
    must be removed before the plan is issued."""
    if not DRAFTING_RESIDUE.search(ctx.all_text):
        return
    for sid in SECTION_IDS:
        for item in ctx.items(sid):
            m = DRAFTING_RESIDUE.search(item.text)
            if m:
                yield ctx.finding(
                    "GEN.drafting-residue",
                    Severity.AMBER,
                    f"Drafting or tool text left in Section {sid}: \u201c{m.group(0).strip()}\u201d.",
                    "Delete process notes and tool output; the plan should read as a finished document addressed "
                    "to the family.",
                    item=item,
                )


# --- another child's name or the wrong pronouns -------------------------------------------------------------
_CAPITALISED = re.compile(r"\b([A-Z][a-z]{1,14})\b(?!\s+[A-Z][a-z])")
_NOT_CHILD = CI(
    r"(?:\b(?:mum|mother|dad|father|sister|brother|sibling|grandm\w*|grandf\w*|nan|nanna|grandad|aunt\w*|uncle|"
    r"carer|foster|parent|mr|mrs|ms|miss|dr|teacher|senco|therapist|worker|psychologist|officer|nurse|named|"
    r"called|cousin|friend|friends|peer|classmate|staff|ta|with|and)\.?[\s,:]*)$",
    re.I,
)
# "Ali, community paediatrician" or "Sarah (mum)": a named adult, not a child.
_NAMED_ADULT = CI(
    r"\s*(?:,|\(|-|–)\s*(?:the |a |an |our |his |her |their )?[A-Za-z' ]{0,30}(?:therapist|paediatrician|"
    r"psychologist|teacher|senco|sendco|worker|nurse|officer|consultant|doctor|mum|dad|mother|father|carer|parent|"
    r"grandm\w*|grandf\w*|aunt|uncle|adviser|advisor|lead|manager|head|assistant|practitioner|co-?ordinator)",
    re.I,
)
_FEMALE = CI(r"\b(?:she|her|hers|herself)\b", re.I)
_MALE = CI(r"\b(?:he|him|his|himself)\b", re.I)
_OTHER_ADULT = CI(
    r"\b(?:mum|mother|dad|father|sister|brother|grandm\w*|grandf\w*|nan|grandad|aunt|uncle|carer|parent|teacher|"
    r"therapist|nurse|psychologist|worker|senco|mrs|ms|miss|mr|dr|girl|boy|woman|man|lady|friend|daughter|son|"
    r"wife|husband|partner|stepm\w*|stepf\w*|practitioner|assistant|mentor|consultant|paediatrician|officer|"
    r"manager|peer|sibling|cousin|baby)\b",
    re.I,
)
_CHILD_SECTIONS = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2")


def _first_name(full: str | None) -> str | None:
    if not full:
        return None
    parts = full.strip().split()
    return parts[0] if parts else None


@check("GEN.name-mismatch", criterion="GEN-14", section="GEN")
def gen_name_mismatch(ctx: Context) -> Iterator[Finding]:
    """The plan must be about one child throughout: another child's first name, or pronouns that differ from those
    used for the child everywhere else, suggest text copied from another plan."""
    child = _first_name(ctx.metadata.child_name)
    if child:
        child_low = child.lower()
        for sid in SECTION_IDS:
            if sid == "K":
                continue  # the advice list names the professionals and family members who gave advice
            for item in ctx.items(sid):
                for m in _CAPITALISED.finditer(item.text):
                    name = m.group(1)
                    low = name.lower()
                    if low == child_low or low not in FIRST_NAMES:
                        continue
                    if _NOT_CHILD.search(item.text[: m.start()][-25:]) or _NAMED_ADULT.match(item.text[m.end() :]):
                        continue
                    yield ctx.finding(
                        "GEN.name-mismatch",
                        Severity.RED,
                        f"The name \u201c{name}\u201d appears where the plan is about {child}.",
                        "Check the text was not copied from another child's plan; use the child's own name and "
                        "describe their own needs.",
                        item=item,
                        quote=_sentence_with(item.text, m.start()),
                    )
                    break
    yield from _pronoun_mismatches(ctx)


def _sentence_with(text: str, position: int) -> str:
    start = 0
    for sentence in sentences(text):
        idx = text.find(sentence, start)
        if idx <= position < idx + len(sentence) + 1:
            return sentence
        start = max(start, idx)
    return text


def _pronoun_mismatches(ctx: Context) -> Iterator[Finding]:
    female = male = 0
    anchored_female = anchored_male = 0  # in sentences that also name the child: the most reliable evidence
    child = (_first_name(ctx.metadata.child_name) or "").lower()
    candidates: list[tuple[Item, str, bool]] = []
    for sid in _CHILD_SECTIONS:
        for item in ctx.items(sid):
            for sentence in sentences(item.text):
                if _OTHER_ADULT.search(sentence):
                    continue
                f = len(_FEMALE.findall(sentence))
                m = len(_MALE.findall(sentence))
                female += f
                male += m
                if child and child in sentence.lower():
                    anchored_female += f
                    anchored_male += m
                if f or m:
                    candidates.append((item, sentence, f > m))
    total = female + male
    if total < 6:
        return
    if anchored_female + anchored_male >= 4 and anchored_female != anchored_male:
        majority_female = anchored_female > anchored_male
    else:
        majority_female = female > male
    minority = male if majority_female else female
    if minority == 0 or minority > 0.4 * total:
        return
    for item, sentence, is_female in candidates:
        if is_female != majority_female:
            yield ctx.finding(
                "GEN.name-mismatch",
                Severity.RED,
                "This sentence uses different pronouns from the rest of the plan.",
                "Use the pronouns the child and family use throughout; check the text was not copied from another "
                "plan.",
                item=item,
                quote=sentence,
            )


# --- content in the wrong section ---------------------------------------------------------------------------
_PROVISION_VERB = CI(
    r"\b(?:will (?:receive|be provided with|be given|be offered|have access to|attend|be taught|be supported by|"
    r"have (?:a |an |daily |weekly )?(?:\d|one|two|three|daily|weekly|1:1|individual|small)|benefit from)|"
    r"(?:is|are) to (?:receive|be provided|be given)|should (?:receive|be provided|be given|have)|"
    r"needs? to (?:receive|be provided with|be given)|provide[sd]? (?:with )?(?:a |an )?(?:\d|daily|weekly))\b",
    re.I,
)
# "A teaching assistant trained in ... will teach": a deliverer committing to act is provision.
_DELIVERER_WILL = CI(
    r"^(?:an?|the|his|her|their|two|three)\s+(?:[\w-]+\s+){0,3}(?:teacher|teaching assistant|therapist|assistant|mentor|"
    r"psychologist|senco|practitioner|worker|specialist|tutor|nurse|coach)s?\b[^.]{0,120}?\bwill\s+(?:teach|deliver|run|"
    r"provide|support|work|see|meet|model|check|give|help|use|practise|set|lead|visit|train|carry out|follow)\b",
    re.I,
)
_NEED_MARKER = CI(
    r"\b(?:finds? it (?:hard|difficult)|struggles?|has (?:significant |some |great )?difficult(?:y|ies)|"
    r"difficult(?:y|ies) (?:with|in)|is (?:unable|not yet able) to|cannot yet|can become|becomes? (?:anxious|upset|"
    r"distressed|overwhelmed|dysregulated)|(?:his|her|their) (?:reading|spelling|writing|maths|language|speech|"
    r"attention|working memory|processing) (?:age|is|skills are)|is working (?:at|below|towards)|has a diagnosis|"
    r"has been diagnosed|assessment (?:shows|showed|indicates)|(?:scores?|scored|standardised score)\b|"
    r"delay(?:ed)? in|below (?:age[- ]related|expected|the expected)|weak(?:ness|nesses)? in)\b",
    re.I,
)
# A sentence about the child in the present tense ("She loves sport but needs...", "Tilly walks short distances")
# describes a need, not provision.
_DESCRIBES_CHILD = CI(
    r"^(?:[A-Z][a-z]+|he|she|they|his|her|their)\b(?! will\b| should\b| is to\b| are to\b)(?:\s+[a-z]+){0,2}?\s+"
    r"(?:is|are|has|have|can|cannot|can't|finds?|struggles?|loves?|likes?|enjoys?|needs|walks?|uses|becomes?|gets?|"
    r"does|doesn't|tends?|avoids?|relies|prefers?|shows?|may|often|sometimes|rarely|speaks?|reads?|writes?|"
    r"understands?|communicates?|responds?)\b",
    re.I,
)
_OUTCOME_MARKER = CI(
    r"^(?:by (?:the end of |july |june |december |march |april |the summer |the autumn |the spring |\d)|"
    r"within (?:\d+|one|two|three|six|twelve) (?:weeks|months|years?))[^.]{0,80}\bwill\b"
    r"|\bwill be able to\b[^.]*\b(?:by|within) (?:the end of|july|june|december|\d|his|her|their|next)",
    re.I,
)
_PROVISION_MARKER = CI(
    r"\b(?:will (?:receive|have|be given|be provided|attend|be taught|be supported)|provide|programme|"
    r"intervention|sessions?|deliver(?:ed)?|support(?:ed)? by|teach(?:ing)?|tuition|therapy|1:1|"
    r"access|use of|equipment|staff will|adult will|ta will|teacher will)\b",
    re.I,
)
_OUTCOME_IN_A = CI(
    r"^(?:by (?:the end of|july|june|december|\d)[^.]{0,80}\bwill be able to\b)|"
    r"\boutcome(?:s)?:\s|\bwill be able to\b[^.]*\bon \d+ out of \d+ occasions\b",
    re.I,
)


def is_need_statement(text: str) -> bool:
    """A Section F item that describes the child's difficulty and provides nothing."""
    if _PROVISION_MARKER.search(text) or WHO.search(text) or HOW_OFTEN.search(text):
        return False
    return bool(_NEED_MARKER.search(text) or _DESCRIBES_CHILD.search(text))


def is_outcome_statement(text: str) -> bool:
    """An item with the shape of a SMART outcome: a timescale, "will", and a measure."""
    from ehcp_analysis.checks.outcomes import MEASURE, TIME_BOUND

    return bool(
        re.match(r"^(?:by|within|before|at the end of)\b", text, re.I)
        and re.search(r"\bwill\b", text)
        and TIME_BOUND.search(text)
        and MEASURE.search(TIME_BOUND.sub(" ", text))
    )


@check("GEN.wrong-section", criterion="GEN-10", section="GEN")
def gen_wrong_section(ctx: Context) -> Iterator[Finding]:
    """Content must sit in its legally correct section: provision belongs in F/G/H not B, needs in B not F,
    outcomes in E not A or F."""
    for item in ctx.items("B"):
        for sentence in sentences(item.text):
            if (
                _PROVISION_VERB.search(sentence)
                or _DELIVERER_WILL.search(sentence)
                or (HOW_OFTEN.search(sentence) and HOW_MUCH.search(sentence) and WHO.search(sentence))
            ):
                yield ctx.finding(
                    "GEN.wrong-section",
                    Severity.RED,
                    "Provision is written in Section B, where it cannot be enforced.",
                    "Describe the need in B and move the provision, quantified, to Section F.",
                    item=item,
                    quote=sentence,
                )
                break
    for item in ctx.items("F"):
        text = item.text
        if (_OUTCOME_MARKER.search(text) or is_outcome_statement(text)) and not _PROVISION_MARKER.search(text):
            yield ctx.finding(
                "GEN.wrong-section",
                Severity.AMBER,
                "An outcome is written in Section F.",
                "Move the outcome to Section E and keep F for the provision that will help achieve it.",
                item=item,
            )
        elif is_need_statement(text):
            yield ctx.finding(
                "GEN.wrong-section",
                Severity.AMBER,
                "A need is described in Section F rather than Section B.",
                "Describe the need in Section B; in F say what will be provided to meet it.",
                item=item,
            )
    for item in ctx.items("A"):
        if _OUTCOME_IN_A.search(item.text) or is_outcome_statement(item.text):
            yield ctx.finding(
                "GEN.wrong-section",
                Severity.AMBER,
                "An outcome is written in Section A.",
                "Keep aspirations in A and write the outcome that follows from them in Section E.",
                item=item,
            )
