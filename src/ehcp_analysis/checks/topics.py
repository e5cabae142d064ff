"""Narrow topics of special educational need, finer than the broad areas in :mod:`lexicon`.

The broad areas cannot see a gap between two needs of the same area: a plan that provides for a child's managing of
feelings but says nothing about his self-esteem looks complete when read area by area. Each topic here lists the
words that describe the need (``need``) and the provision that specifically meets it (``meets``). A provision item
covers a topic when it names the need it serves or a kind of provision linked to that topic, e.g. an articulation
programme meets a speech-sound need without sharing any words with "his speech is hard to understand".

Some provision is generic: a speech and language therapist or an occupational therapist can work on several topics.
A generic term (``broad``) only covers its topics when the item names no narrower topic of its own, so "the speech
and language therapist will work on word finding" covers expressive language, not everything a therapist does.
"""

from __future__ import annotations

from dataclasses import dataclass

from ehcp_analysis.checks.text import CI, word_starts


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    need: CI  # words that describe the need (also read in provision, which usually names the need it serves)
    meets: CI  # provision that specifically meets this topic
    broad: CI | None = None  # generic provision that covers this topic only when nothing narrower is named


def _rx(words: str) -> CI:
    return CI(r"\b(?:" + words + r")")


_SLT = r"speech (?:and|&) language|speech therap\w*|\bsalt\b|\bslt\b"
_OT = r"occupational therap\w*|\bot\b"
_EMOTIONAL_SUPPORT = r"\belsa\b|emotional (?:literacy|support) (?:assistant|programme|sessions?)|pastoral|counsell\w+"

TOPICS: tuple[Topic, ...] = (
    Topic(
        "receptive",
        "understanding spoken language",
        _rx(
            r"receptive|follow\w* (?:[\w,]+ ){0,3}instructions?|understand\w* (?:of )?(?:spoken|what (?:is|was|people|adults|others)|instructions?|questions?|"
            r"language|longer|sentences?|words|concepts)|follow\w* (?:spoken |verbal |simple |multi-step |classroom )?"
            r"(?:instructions?|directions)|instructions? (?:with|of) (?:more than|several|two|three)|"
            r"literal\w*|(?:people|adults|others) (?:talk|speak) (?:too )?(?:fast|quickly)|spoken information|"
            r"(?:takes|misses) (?:in )?(?:only )?(?:the )?(?:first|last) (?:part|word)|(?:not |mis)understood|confus\w+|"
            r"(?:hard|difficult) for (?:him|her|them) to follow|(?:words|language) (?:about|for) (?:time|order|position)"
        ),
        _rx(
            r"receptive|understanding (?:of )?(?:spoken )?language|blank (?:level|language)|key words? (?:level|"
            r"approach)|(?:spoken|verbal|classroom) instructions|break\w* (?:\w+ ){0,2}instructions?|(?:visual|picture) (?:supports?|cues|prompts)|chunk\w*|check\w* (?:his|her|their) "
            r"understanding|repeat\w*|rephras\w*|simplif\w+ language|concept\w*"
        ),
        _rx(_SLT),
    ),
    Topic(
        "expressive",
        "expressive language",
        _rx(
            r"expressive|word[- ]finding|find(?:ing)? the (?:right )?words?|short (?:phrases|sentences)|"
            r"(?:build|join|form|use)\w* (?:longer |full |complete )?sentences|sentence structure|grammar|"
            r"retell\w*|narrative|(?:tell|explain)\w* (?:what|how|why|about|events?|others)|express\w*|"
            r"vocabulary|(?:names?|naming) (?:objects|things|pictures)|(?:limited|small) (?:range of )?words"
        ),
        _rx(
            r"expressive|sentence[- ](?:building|structure|level)|colourful semantics|word[- ](?:finding|aware|"
            r"retrieval|webs?|maps?)|narrative|vocabulary|new words|retell\w*|shape coding|talk boost|modell?\w*"
        ),
        _rx(_SLT),
    ),
    Topic(
        "speech-sounds",
        "speech sounds and fluency",
        _rx(
            r"speech sounds?|sounds? in words|articulat\w+|intelligib\w+|(?:hard|difficult) to understand (?:him|her|"
            r"them|what (?:he|she|they) (?:says|say))|unclear speech|speech is unclear|(?:swaps|substitut\w+|drops?|"
            r"misses out) (?:\w+ )?sounds|stammer\w*|stutter\w*|dysfluen\w+|fluency|lisp"
        ),
        _rx(
            r"speech sounds?|articulat\w+|phonolog\w+|intelligib\w+|sound (?:programme|work|production)|"
            r"stammer\w*|fluency|oro-?motor|minimal pairs"
        ),
        _rx(_SLT),
    ),
    Topic(
        "alternative-communication",
        "communicating without speech",
        _rx(
            r"non-?verbal|pre-?verbal|no (?:spoken|functional) (?:words|speech|language)|does not (?:yet )?(?:speak|use "
            r"words)|few (?:spoken )?words|signals|body language|facial expressions?|signing|signs?\b(?! of)|symbols?|gestur\w+|point\w*|vocalis\w+|communication (?:aid|device|"
            r"book)|\baac\b|makaton|pecs|eye[- ]pointing|objects of reference"
        ),
        _rx(
            r"\baac\b|augmentative|communication (?:aid|device|book|board|passport)|pecs|picture exchange|makaton|"
            r"signing|signs?\b(?! of)|symbols?|objects of reference|intensive interaction|voice output|aided language|core vocabulary|"
            r"eye[- ]gaze|switch\w*"
        ),
        _rx(_SLT),
    ),
    Topic(
        "social",
        "social communication and interaction",
        _rx(
            r"social (?:interaction|communication|skills|situations|cues|rules|understanding|conventions)|"
            r"friend\w*|peers?|turn[- ]tak\w+|tak\w+ turns|shar\w+ (?:toys|equipment|resources)|play\w* (?:with|"
            r"alongside) (?:others|other children|peers)|join\w* (?:in|games)|group work|eye contact|"
            r"joint attention|conversations?|jokes?|sarcasm|other people'?s? (?:feelings|views|point of view)|"
            r"fall\w* out|misunderstand\w*"
        ),
        _rx(
            r"social (?:skills|communication|stories|story|thinking|group|interaction)|lego[- ]?(?:based|therapy)|"
            r"circle of friends|friendship\w*|structured (?:play|games)|buddy|comic strip|turn[- ]tak\w+|"
            r"peer (?:mentor\w*|support)|talkabout|play skills|conversation\w*|games?"
        ),
    ),
    Topic(
        "attention",
        "attention and listening",
        _rx(
            r"attention|attend\w* to|concentrat\w+|focus\w*|distract\w+|on task|off task|sit\w* still|"
            r"impulsiv\w+|restless\w*|fidget\w*|listen\w*|shout\w* out|calls? out|adhd"
        ),
        _rx(
            r"attention|listening|concentrat\w+|focus\w*|movement breaks?|brain breaks?|timers?|task boards?|"
            r"workstation|now and next|distraction|fidget\w*|on task|attention autism|bucket"
        ),
    ),
    Topic(
        "memory",
        "memory and processing",
        _rx(
            r"memory|remember\w*|forget\w*|repetition|revisit\w*|new learning|forgot\w*|retain\w*|recall\w*|process\w* (?:speed|information|"
            r"instructions|time)|slow\w* (?:to|at) (?:process|respond|answer)|processing|sequenc\w+|hold\w* (?:\w+ ){0,4}"
            r"(?:information|instructions)|pieces of information"
        ),
        _rx(
            r"memory|pre-?teach\w*|over-?learn\w*|processing time|wait time|thinking time|repetition|revisit\w*|"
            r"recap\w*|chunk\w*|recall|retain\w*|mnemonic\w*|visual (?:reminders|prompts)|memory aids?"
        ),
    ),
    Topic(
        "literacy",
        "reading, writing and spelling",
        _rx(
            r"read(?:s|ing|er|ers)?\b(?! (?:these|his|her|their|the) (?:signals|signs|cues|body|face))|decod\w+|phonic\w*|blend\w*|spell\w*|(?<!emotional )literacy|dyslexi\w*|written (?:work|tasks|work)|"
            r"writ(?:e|es|ing)\b|letters? and sounds|sight words|(?:reading )?comprehension"
        ),
        _rx(
            r"read\w*|phonic\w*|precision teaching|spell\w*|(?<!emotional )literacy|writing (?:frames?|programme|intervention)|"
            r"touch[- ]typ\w+|reader pen|scribe|overlays?|dyslexi\w*|sight words|letters? and sounds|decod\w+"
        ),
    ),
    Topic(
        "maths",
        "number and mathematics",
        _rx(
            r"math\w*|numera\w+|numbers?|calculat\w+|dyscalcul\w+|count\w*|place value|times tables|money|coins|"
            r"(?:telling|tell) the time|adding|subtract\w*|addition|multiplication|division|fractions?"
        ),
        _rx(
            r"math\w*|numera\w+|numicon|numbers?|count\w*|concrete (?:resources|apparatus|materials)|dyscalcul\w*|"
            r"money|coins|number ?lines?|times tables|base ten|dienes"
        ),
    ),
    Topic(
        "early-learning",
        "early learning, play and learning through the senses",
        _rx(
            r"cause and effect|early (?:learning|development)|play\w* (?:skills|purposefully)|explor\w+ (?:toys|"
            r"objects)|developmental delay|learning difficult\w+|global|senses|sensory (?:experiences|learning)|"
            r"anticipat\w+|respond\w* to (?:familiar|sounds|voices|people)|engage\w*|new skills|generalis\w+|"
            r"small steps|concepts?|copy\w* (?:simple )?actions"
        ),
        _rx(
            r"cause and effect|sensory (?:curriculum|learning|stor\w+|activities|play)|early (?:learning|years)|play[- ]based|"
            r"play (?:strategies|skills|targets)|"
            r"intensive interaction|personalised (?:curriculum|learning)|small steps|individual (?:learning|work) "
            r"(?:plan|programme)|structured play|switch\w*|tac pac|multi-?sensory|objects? of reference|concrete"
        ),
    ),
    Topic(
        "organisation",
        "organisation and independent study",
        _rx(
            r"organis\w+|planning|plan (?:his|her|their) (?:work|time|day)|belongings|equipment|homework|"
            r"deadlines?|where to start|independent (?:study|work)|several (?:parts|steps)|keep\w* track|"
            r"time management|manag\w+ (?:his|her|their) time"
        ),
        _rx(
            r"planners?|checklists?|task (?:planner|board|list)s?|organis\w+|bag check|homework|study skills|"
            r"independent study|timetable|revision|deadlines?|break\w* (?:tasks|work) (?:down|into)"
        ),
    ),
    Topic(
        "regulation",
        "managing feelings and behaviour",
        _rx(
            r"regulat\w+|dysregulat\w+|meltdowns?|outbursts?|anger|angry|temper|frustrat\w+|calm\w*|"
            r"behaviour\w*|aggress\w+|hit\w*|kick\w*|throw\w*|lash\w* out|run\w* (?:out|off|away)|leav\w+ the "
            r"(?:room|classroom)|shut ?downs?|overwhelm\w*|feelings|emotions?|emotional"
        ),
        _rx(
            r"regulat\w+|zones of regulation|calm (?:space|area|room|box|down)|de-?escalat\w+|behaviour (?:support )?"
            r"plan|positive behaviour|emotional (?:literacy|regulation)|emotion coaching|feelings|emotions?|"
            r"anger management|time out|exit card|safe (?:space|place)|incredible 5-point scale|5-point scale|"
            r"sensory breaks?"
        ),
        _rx(_EMOTIONAL_SUPPORT),
    ),
    Topic(
        "anxiety",
        "anxiety and wellbeing",
        _rx(
            r"anxi\w+|worr\w+|nervous|panic\w*|fear\w*|scared|afraid|frighten\w*|school avoid\w*|avoid\w* school|"
            r"attendance|miss\w* (?:school|lessons|sessions|days)|(?:feels?|feeling) (?:sick|unwell|shaky)|"
            r"stomach ?aches?|mental health|wellbeing|well-being|low mood|tearful|withdrawn|sleep\w*|change\w* "
            r"(?:in|to) (?:routine|plans)|uncertain\w*"
        ),
        _rx(
            r"anxi\w+|worr\w+|cbt|cognitive behaviour\w*|graded (?:steps|exposure|return)|counsell\w+|camhs|"
            r"mental health|wellbeing|well-being|check-?ins?|trusted adult|key adult|safe (?:space|place)|exit card|"
            r"transition (?:plan|book|visits?)|prepar\w+ (?:him|her|them) for change\w*|attendance|reintegrat\w+|"
            r"social stor\w+|visual timetable|relaxation|breathing|mindful\w*"
        ),
        _rx(_EMOTIONAL_SUPPORT),
    ),
    Topic(
        "relationships",
        "relationships with adults and peers",
        _rx(
            r"relationships?|trust\w*|attachment|adults? (?:he|she|they) (?:knows?|trusts?)|familiar adults?|"
            r"conflict\w*|fall\w* out|argu\w+|bully\w*|rejected|rejection|repair\w*|key adult"
        ),
        _rx(
            r"relationships?|key adult|trusted adult|attachment|nurture|restorative|friendship\w*|circle of friends|"
            r"peer (?:mentor\w*|support)|team[- ]building|trust\w*|repair\w*"
        ),
        _rx(_EMOTIONAL_SUPPORT),
    ),
    Topic(
        "self-esteem",
        "self-esteem and confidence",
        _rx(
            r"self-?esteem|self-?worth|self-?belief|(?:low|lacks?|little) confiden\w+|confiden\w+|"
            r"(?:calls?|describes?|sees?|thinks? of) (?:himself|herself|themselves) (?:as )?['\"]?(?:stupid|useless|thick|rubbish|"
            r"no good|a failure)|gives? up|giving up|fear of (?:failure|getting it wrong|making mistakes)|"
            r"(?:getting|gets) (?:things|it) wrong|mistakes|praise|negative\w* about (?:himself|herself|themselves)|"
            r"won'?t (?:try|attempt)|compar\w+ (?:himself|herself|themselves)|embarrass\w*|volunteer\w* (?:an )?answers?|reluctan\w+ to (?:try|attempt|answer|speak)"
        ),
        _rx(
            r"self-?esteem|confiden\w+|self-?worth|strengths?|success\w*|praise|achievement\w*|celebrat\w+|"
            r"responsibilit\w+|special (?:job|role)|positive (?:feedback|comments|identity|self)|mistakes|resilien\w+"
        ),
        _rx(_EMOTIONAL_SUPPORT),
    ),
    Topic(
        "hearing",
        "hearing",
        _rx(
            r"hearing|hears?\b|heard|deaf\w*|hard of hearing|cochlear|glue ear|audiolog\w*|(?:radio|hearing) aids?|"
            r"background noise|lip ?read\w*|watch\w* (?:faces|lips|the speaker)"
        ),
        _rx(
            r"teacher of the deaf|\btod\b|radio aid|hearing aids?|cochlear|\bbsl\b|british sign language|acoustic\w*|"
            r"soundfield|audiolog\w*|deaf|hearing|lip ?read\w*|communication support worker"
        ),
    ),
    Topic(
        "vision",
        "vision",
        _rx(
            r"visual(?:ly)? impair\w*|vision|sight\b|blind\w*|partially sighted|low vision|nystagmus|\bcvi\b|(?:cannot|can't|unable to|hard to|difficult to|struggles to) see\b|orientation|"
            r"find\w* (?:his|her|their) way|mov\w+ around (?:busy |unfamiliar |new |or )*(?:spaces|places|areas|the site)"
        ),
        _rx(
            r"qtvi|teacher (?:of|for) (?:children (?:and young people )?with )?(?:visual|vision)|visual(?:ly)? "
            r"impair\w*|enlarged|large print|modified (?:large )?print|braille|habilitation|magnif\w+|vision|sight|"
            r"orientation|(?:safe )?routes?\b|cane\b"
        ),
    ),
    Topic(
        "motor",
        "motor skills, handwriting and mobility",
        _rx(
            r"fine motor|gross motor|motor skills|handwriting|pencil|pen\b|scissors|cutting|fasten\w*|buttons|zips?|"
            r"dyspraxi\w+|\bdcd\b|co-?ordination|letter formation|manipulat\w+|dexterity|balance|mobility|walk\w*|"
            r"stairs|climb\w*|cerebral palsy|muscle tone|hypermobil\w+|wheelchair|posture|\bpe\b|catch\w*|throw\w*|"
            r"jump\w*|hop\w*|falls?\b|trips?\b|seating|supportive (?:chair|seat)|sports?\b|take part safely"
        ),
        _rx(
            r"fine motor|gross motor|motor skills|handwriting|pencil grips?|typing|laptop|keyboard|letter formation|"
            r"physiotherap\w*|physio\b|mobility|walker|wheelchair|standing frame|postur\w+|stretch\w*|"
            r"exercise|balance|adapted (?:pe|equipment)|seating|theraputty|dough disco|scissors|slope"
        ),
        _rx(_OT),
    ),
    Topic(
        "sensory",
        "sensory processing",
        _rx(
            r"sensory|nois\w+|loud|sounds? (?:of|in)|smells?|textures?|touch\w*|tactile|proprioceptive|vestibular|"
            r"crowd\w*|busy (?:places|spaces|corridors|rooms)|bright lights?|covers? (?:his|her|their) ears|"
            r"seek\w* (?:movement|pressure)"
        ),
        _rx(
            r"sensory|ear ?defenders|weighted|fidget\w*|movement breaks?|reduced (?:noise|stimulation)|"
            r"low[- ]arousal|quiet (?:space|room|area|route)|calm (?:space|area)|heavy work"
        ),
        _rx(_OT),
    ),
    Topic(
        "personal-care",
        "personal care and independence",
        _rx(
            r"toilet\w*|dressing|undress\w*|self-?care|personal care|intimate care|eat\w*|feed\w*|hygiene|"
            r"continence|wash\w* (?:his|her|their) hands|brush\w* (?:his|her|their) teeth|(?:put|putting) on "
            r"(?:his|her|their) (?:coat|shoes)|manag\w+ (?:his|her|their) clothes|zips?\b|cutlery"
        ),
        _rx(
            r"toilet\w*|personal care|intimate care|dressing|self-?care|daily living|"
            r"hygiene|continence|eating|feeding|mealtimes?|lunchtimes?"
        ),
    ),
    Topic(
        "stamina",
        "stamina and fatigue",
        _rx(r"stamina|fatigue\w*|tired\w*|tires?\b|exhaust\w+|energy|breathless\w*|pain\w*|ach\w+"),
        _rx(r"rest|pacing|pace|reduced timetable|energy|fatigue|stamina|lift\b|early (?:release|leave|exit)|breaks?"),
    ),
)


TOPIC_LABELS = {t.key: t.label for t in TOPICS}


def topic_counts(text: str) -> dict[str, int]:
    """How many need words of each topic ``text`` holds."""
    low = text.lower()
    starts = word_starts(low)
    counts: dict[str, int] = {}
    for topic in TOPICS:
        if topic.need.could_match(starts):
            n = len(topic.need.regex.findall(low))
            if n:
                counts[topic.key] = n
    return counts


# Joins items so that no pattern matches across two of them: "." ends [^.] runs and \s runs, "\n" ends "." runs.
ITEM_BREAK = "\n.\n"

# Need words or linked provision, in one pattern per topic: what a provision item must say to cover the topic.
_COVERS = {t.key: CI(rf"(?:{t.need.regex.pattern})|(?:{t.meets.regex.pattern})") for t in TOPICS}


def _broad_groups() -> dict[CI, set[str]]:
    groups: dict[str, tuple[CI, set[str]]] = {}
    for t in TOPICS:
        if t.broad is not None:
            groups.setdefault(t.broad.regex.pattern, (t.broad, set()))[1].add(t.key)
    return dict(groups.values())


_BROAD = _broad_groups()  # each generic provider once, with the topics it covers


def _says(pattern: CI, low: str, starts: frozenset[str]) -> bool:
    return pattern.could_match(starts) and pattern.regex.search(low) is not None


def _narrow(low: str, starts: frozenset[str]) -> set[str]:
    return {key for key, pattern in _COVERS.items() if _says(pattern, low, starts)}


def _names_a_topic(low: str, starts: frozenset[str]) -> bool:
    return any(_says(pattern, low, starts) for pattern in _COVERS.values())


def topics_met(text: str) -> set[str]:
    """The topics one provision item speaks to: named needs or provision linked to them, generic provision last."""
    low = text.lower()
    starts = word_starts(low)
    found = _narrow(low, starts)
    if not found:
        found = {key for broad, keys in _BROAD.items() if _says(broad, low, starts) for key in keys}
    return found


def topics_covered(texts: list[str]) -> set[str]:
    """The topics a whole provision section covers: the union of :func:`topics_met` over its items, computed with
    one search of the joined text per topic (the union does not need to know which item said it)."""
    lows = [t.lower() for t in texts]
    joined = ITEM_BREAK.join(lows)
    covered = _narrow(joined, word_starts(joined))
    # generic provision counts only in an item that names no narrower topic, so it is read item by item, and only
    # for the topics still uncovered
    for broad, keys in _BROAD.items():
        if keys <= covered:
            continue
        for low in lows:
            if broad.regex.search(low) and not _names_a_topic(low, word_starts(low)):
                covered |= keys
                break
    return covered
