"""A hand-built lexicon linking areas of need to the kinds of provision that meet them.

Used for the golden thread: a need about speech and language is met by a speech and language therapist's
programme even when the two sentences share no words. Each area lists words that signal the need and words
that signal provision for it; provision text is matched against both, since provision usually names the need
it serves ("to develop his expressive language").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ehcp_analysis.checks.text import CI, word_starts


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    need: CI
    provision: CI


# Diagnoses and labels that name a need without describing it.
DIAGNOSIS = CI(
    r"\b(?:autism(?: spectrum (?:disorder|condition))?|autistic spectrum (?:disorder|condition)|asd|asc|adhd|add|"
    r"attention deficit(?: hyperactivity)? disorder|dyslexia|dyslexic|dyspraxia|dyscalculia|dysgraphia|dcd|"
    r"developmental co-?ordination disorder|developmental language disorder|dld|slcn|"
    r"speech,? language and communication needs?|global developmental delay|gdd|cerebral palsy|down'?s? syndrome|"
    r"fragile x|epilepsy|hearing impairment|visual impairment|sensory processing disorder|spd|pda|"
    r"pathological demand avoidance|moderate learning difficult(?:y|ies)|mld|severe learning difficult(?:y|ies)|sld|"
    r"pmld|specific learning difficult(?:y|ies)|spld|anxiety disorder|ocd|tourette'?s?(?: syndrome)?|"
    r"attachment disorder|foetal alcohol spectrum disorder|fasd|hypermobility|selective mutism|"
    r"(?:social |generalised |separation )?anxiety(?: disorder)?|"
    r"social,? emotional and mental health needs?|semh|attachment difficult(?:y|ies)|hearing loss|deaf(?:ness)?|"
    r"sight loss|speech sound disorder|language disorder|learning disabilit(?:y|ies)|learning difficult(?:y|ies)|"
    r"developmental delay|condition)\b"
    r"|(?<=diagnosis of )[^.;,]{3,60}|(?<=diagnosed with )[^.;,]{3,60}|(?<=diagnosis: )[^.;,]{3,60}",
    re.I,
)


def _rx(words: str) -> CI:
    return CI(r"\b(?:" + words + r")", re.I)


EDUCATION_AREAS: tuple[Area, ...] = (
    Area(
        "speech-language",
        "speech, language and communication",
        _rx(
            r"speech\b|expressive|receptive|language|vocabulary|articulat|intelligib|stammer|dysfluen|verbal|"
            r"word[- ]finding|sentence|slcn|dld\b|understanding (?:of )?(?:spoken|instructions|questions)|"
            r"following (?:spoken |verbal )?instructions|non-verbal|pre-verbal|selective mutism|sounds? in words|"
            r"communicat\w*|voice output|\baac\b|signals|gestures?|pointing|spoken words|speaks?|speaking|phrases?|"
            r"(?:speech )?sounds\b|understood|talk\w*|conversations?|retell\w*|what (?:was|is) said|spoken|"
            r"instructions?|(?:words|language) (?:about|for) time|listening"
        ),
        _rx(
            r"speech and language|salt\b|slt\b|language (?:programme|group|link|intervention)|talk boost|"
            r"colourful semantics|makaton|signing|\baac\b|pecs|communication (?:aid|book|board|programme)|"
            r"vocabulary|narrative|blank level|word aware|visual supports?|expressive|receptive|now and next|"
            r"communicat\w*|device|aided language|modelling|voice output|symbols?|objects of reference|"
            r"intensive interaction|sensory stor\w+|interaction"
        ),
    ),
    Area(
        "social-interaction",
        "social communication and interaction",
        _rx(
            r"social (?:interaction|communication|skills|situations|cues|understanding)|friendships?|peers|"
            r"turn[- ]taking|playing with others|play with others|interact\w* with (?:others|peers|other)|"
            r"autis\w+|\basc\b|\basd\b|eye contact|joint attention|conversations?"
        ),
        _rx(
            r"social (?:skills|communication|stories|thinking)|lego[- ]based|lego therapy|circle of friends|"
            r"friendship group|structured play|buddy|comic strip|turn[- ]taking|social group|peer mentor|"
            r"attention autism|intensive interaction|talkabout|social communication"
        ),
    ),
    Area(
        "literacy",
        "reading, writing and spelling",
        _rx(r"reading|decod\w+|phonic|spelling|spell\b|literacy|dyslexi|comprehension|written work|writing\b"),
        _rx(
            r"reading|phonics|precision teaching|toe by toe|read write inc|fresh start|lexia|nessy|spelling|"
            r"literacy|writing frames?|touch[- ]typing|reader pen|scribe|coloured overlays?|paired reading|"
            r"catch up literacy|better reading|word wasp|dyslexia (?:programme|teacher|specialist)"
        ),
    ),
    Area(
        "numeracy",
        "mathematics",
        _rx(
            r"math\w*|numera\w+|number|calculat\w+|dyscalcul\w+|counting|place value|times tables|money|coins|"
            r"telling the time"
        ),
        _rx(
            r"math\w*|numera\w+|numicon|number|plus ?1|power of 2|counting|concrete (?:resources|apparatus)|dyscalcul|"
            r"money|coins"
        ),
    ),
    Area(
        "cognition",
        "cognition, memory and processing",
        _rx(
            r"working memory|memory|processing speed|process(?:ing)? (?:information|instructions)|retain\w*|recall|"
            r"sequenc\w+|global developmental delay|learning difficult\w+|cognitive|cognition|generalis\w+|"
            r"abstract concepts|new learning|\bmld\b|\bsld\b|pmld|concepts|forget\w*|remember\w*|set up every"
        ),
        _rx(
            r"pre-teach\w*|over-?learn\w*|memory|chunk\w*|processing time|visual (?:timetable|prompts?|cues|aids?)|"
            r"task (?:planner|board|list)|differentiat\w+|small steps|precision teaching|repetition|"
            r"multi-?sensory|personalised curriculum|concrete|retain|recall|cognitive|sensory curriculum|"
            r"individual (?:learning|work) (?:plan|programme)|learning (?:programme|plan)|"
            r"sensory learning|intensive interaction|cause and effect|revisit\w*|recap\w*|objects and pictures"
        ),
    ),
    Area(
        "organisation",
        "organisation and planning",
        _rx(
            r"organis\w+|planning|several parts|what comes next|where to start|sequenc\w+|belongings|"
            r"(?:his|her|their) bag|homework|deadlines?|unsure what|independent study|steps\b"
        ),
        _rx(
            r"planner|checklist|task (?:planner|board|list)|organis\w+|bag check|homework|steps\b|"
            r"study skills|independent study"
        ),
    ),
    Area(
        "attention",
        "attention and concentration",
        _rx(
            r"attention\b|attend to|concentrat\w+|focus\w*|distract\w+|adhd|on task|sit(?:ting)? still|impulsiv\w+|restless"
        ),
        _rx(
            r"movement breaks?|attention|concentrat\w+|focus\w*|timers?|task board|workstation|fidget|"
            r"now and next|distraction|sensory breaks?|brain breaks?|chunk\w*|on task|adhd"
        ),
    ),
    Area(
        "emotional",
        "social, emotional and mental health",
        _rx(
            r"anxi\w+|emotion\w*|self-esteem|worr\w+|mood|confidence|mental health|trauma|attachment|"
            r"dysregulat\w+|meltdowns?|withdrawn|low self|panic|upset|distress\w*|semh|wellbeing|well-being|"
            r"school avoidance|angry|anger|frustrat\w+|regulat\w+|outbursts?|behaviour\w*|aggress\w+|"
            r"feelings|overwhelm\w*|shut ?downs?|self-harm|nervous|scared|fear\w*|feeling sick|shaky|"
            r"refus\w+|attendance|missed (?:\w+ ){0,3}(?:days?|school)|hungry rather"
        ),
        _rx(
            r"elsa|emotional (?:literacy|support|regulation|wellbeing)|zones of regulation|counsell\w+|camhs|mentor\w*|"
            r"check-?ins?|safe (?:space|place)|calm (?:space|area|room|box)|regulat\w+|therapeutic|thrive|"
            r"nurture|anxiety|worry|wellbeing|well-being|mental health|emotion\w*|behaviour (?:support )?plan|"
            r"positive behaviour|de-?escalat\w+|feelings|self-esteem|trusted adult|key adult|play therap|"
            r"art therap|drawing and talking|pastoral|time out|exit card|anxious|graded steps|cbt|cognitive behaviour\w*"
        ),
    ),
    Area(
        "sensory",
        "sensory processing",
        _rx(
            r"sensory (?:processing|needs|seeking|avoid\w*|sensitiv\w*|overload|differences)|noise|noisy|loud|"
            r"sound sensitiv\w+|tactile|textures|proprioceptive|vestibular|crowded"
        ),
        _rx(
            r"sensory (?:diet|circuit|breaks?|room|space|programme|profile|strategies|equipment|regulation)|ear defenders|"
            r"weighted|occupational therap\w*|\bot\b|fidget|movement breaks?|"
            r"ear ?defenders|reduced (?:noise|stimulation)|low[- ]arousal"
        ),
    ),
    Area(
        "fine-motor",
        "fine motor skills and handwriting",
        _rx(
            r"fine motor|handwriting|pencil (?:grip|control)|scissors|cutting|fastening|buttons|dyspraxi\w+|\bdcd\b|"
            r"co-?ordination|letter formation|manipulat\w+|dexterity"
        ),
        _rx(
            r"occupational therap\w*|\bot\b|fine motor|handwriting|write from the start|clever fingers|speed up|"
            r"pencil grips?|typing|laptop|keyboard|dough disco|theraputty|letter formation|motor skills"
        ),
    ),
    Area(
        "physical",
        "physical and mobility",
        _rx(
            r"gross motor|balance|mobility|walking|\bwalk\b|stairs|cerebral palsy|muscle tone|hypermobil\w+|"
            r"wheelchair|physical (?:disability|needs|difficult\w+)|posture|stamina|fatigue|falls?\b|motor skills|"
            r"tires?|tired\w*|breathless\w*|energy|medical condition|hospital|pain\w*|walking frame"
        ),
        _rx(
            r"physiotherap\w*|physio\b|gross motor|mobility|pe\b|walker|wheelchair|standing frame|moving and handling|"
            r"manual handling|postur\w+|stretch\w*|exercise programme|accessible|lift\b|rest breaks|motor skills|"
            r"balance|fizzy|hydrotherapy|adapted (?:pe|equipment)|rest|lift|early (?:release|leave|exit)|"
            r"reduced timetable|pacing|energy|fatigue|extra time|seating|supportive chair|catch[- ]up"
        ),
    ),
    Area(
        "hearing",
        "hearing",
        _rx(r"hearing|deaf\w*|hard of hearing|cochlear|glue ear|auditory|audiolog\w*"),
        _rx(
            r"teacher of the deaf|\btod\b|radio aid|hearing aids?|cochlear|sign|bsl|acoustic|soundfield|"
            r"audiolog\w*|deaf|hearing|lip ?reading|communication support worker"
        ),
    ),
    Area(
        "vision",
        "vision",
        _rx(r"visual impairment|vision|sight|blind|partially sighted|low vision|nystagmus|cvi\b"),
        _rx(
            r"qtvi|teacher (?:of|for) (?:children with )?(?:visual|vision)|visual impairment|enlarged|large print|"
            r"modified (?:large )?print|braille|habilitation|magnif\w+|vision|sight|visual(?:ly)? impair\w*"
        ),
    ),
    Area(
        "self-care",
        "self-care and independence",
        _rx(
            r"toilet\w*|dressing|self-care|personal care|eating|feeding|independence|independent\w*|life skills|"
            r"daily living|hygiene|continence"
        ),
        _rx(
            r"toilet\w*|personal care|intimate care|dressing|independence|independent\w*|life skills|self-care|"
            r"daily living|hygiene|care plan|travel training|continence"
        ),
    ),
)

HEALTH_AREAS: tuple[Area, ...] = (
    Area(
        "epilepsy",
        "epilepsy and seizures",
        _rx(r"epilep\w+|seizures?|absences?"),
        _rx(r"epilep\w+|seizures?|rescue medication|buccal|midazolam|care plan|nurse|neurolog\w+"),
    ),
    Area(
        "medical-condition",
        "a long-term medical condition",
        _rx(
            r"diabet\w+|asthma|allerg\w+|anaphyla\w+|heart|cardiac|kidney|renal|cystic fibrosis|tube[- ]fed|gastrostomy"
        ),
        _rx(
            r"diabet\w+|insulin|asthma|inhaler|allerg\w+|epipen|adrenaline|auto-injector|care plan|nurse|consultant|"
            r"clinic|cardiac|renal|gastrostomy|tube feed\w*|peg\b|dietitian"
        ),
    ),
    Area(
        "sleep",
        "sleep",
        _rx(r"sleep\w*|settling at night|night waking"),
        _rx(r"sleep\w*|melatonin|night-?time routine|bedtime"),
    ),
    Area(
        "feeding",
        "eating, drinking and swallowing",
        _rx(r"eating|drinking|swallow\w*|dysphagia|feeding|diet\b|weight|restricted diet|food"),
        _rx(r"dietitian|dysphagia|swallow\w*|eating and drinking|feeding|mealtime|diet\w*|nutrition|weight|food"),
    ),
    Area(
        "continence",
        "continence",
        _rx(r"continence|incontinen\w+|toilet\w*|bladder|bowel|constipation|soiling|wetting"),
        _rx(r"continence|toilet\w*|bladder|bowel|nurse|pads|laxative\w*|care plan"),
    ),
    Area(
        "mental-health",
        "mental health",
        _rx(r"mental health|anxi\w+|depress\w+|low mood|self-harm|trauma|eating disorder|ocd|psychiatr\w+"),
        _rx(r"camhs|mental health|psycholog\w+|psychiatr\w+|counsell\w+|therap\w+|anxiety|mood|wellbeing"),
    ),
    Area(
        "hearing-vision",
        "hearing or vision",
        _rx(r"hearing|deaf|audiolog\w+|vision|visual|sight|glasses|ophthalm\w+|orthopt\w+"),
        _rx(r"audiolog\w+|hearing|ophthalm\w+|orthopt\w+|optometr\w+|glasses|vision|visual|eye clinic"),
    ),
    Area(
        "physical-health",
        "physical health and mobility",
        _rx(
            r"mobility|muscle|cerebral palsy|hypermobil\w+|posture|orthotic\w*|wheelchair|physical|joint|pain|scoliosis"
        ),
        _rx(
            r"physiotherap\w*|physio\b|orthotic\w*|wheelchair|postur\w+|splints?|occupational therap\w*|equipment|pain"
        ),
    ),
    Area(
        "development",
        "development and diagnosis follow-up",
        _rx(r"neurodevelopment\w*|developmental (?:delay|disorder|condition)|adhd|autis\w+|genetic|syndrome"),
        _rx(r"paediatric\w*|neurodevelopment\w*|medication|review|consultant|clinic|gp\b|nurse|cdc|assessment pathway"),
    ),
)

CARE_AREAS: tuple[Area, ...] = (
    Area(
        "carer-breaks",
        "breaks for the family from caring",
        _rx(
            r"short breaks?|respite|carers? (?:strain|stress|exhausted|need a break)|break from caring|"
            r"(?:planned |regular )?breaks\b|time off|rest from caring|high level of care|caring safely"
        ),
        _rx(r"short breaks?|respite|overnight|holiday (?:club|scheme)|residential"),
    ),
    Area(
        "community-activities",
        "activities and clubs outside home",
        _rx(
            r"leisure|activities outside|clubs?|social isolation|isolated|out of school activities|"
            r"community activities|outside (?:the )?home|friends outside"
        ),
        _rx(
            r"play ?scheme|youth club|after[- ]school club|club|activit(?:y|ies)|personal assistant|leisure|"
            r"direct payment|community"
        ),
    ),
    Area(
        "personal-care",
        "personal care at home",
        _rx(r"personal care|intimate care|bathing|washing|dressing|hoist|moving and handling|night-?time care"),
        _rx(
            r"personal care|care package|carers?|domiciliary|home care|hoist|moving and handling|personal assistant|direct payment"
        ),
    ),
    Area(
        "family-support",
        "support for the family",
        _rx(
            r"family (?:support|needs|stress|circumstances)|parenting|carers?'? (?:needs|wellbeing|assessment)|"
            r"sibling\w*|housing|caring responsibilities|safeguarding|behaviour at home|routines? at home|"
            r"(?:help|support) with (?:routines|bedtimes?|behaviour|sleep)|bedtimes?|home life|parents have asked"
        ),
        _rx(
            r"family support|parenting|carers?'?s? assessment|social worker|early help|key worker|family worker|"
            r"sibling|housing|support for (?:parents|carers|the family)|visit the family|routines at home|bedtime"
        ),
    ),
    Area(
        "home-adaptations",
        "equipment and adaptations at home",
        _rx(r"adaptations?|equipment at home|accessible (?:home|bathroom)|home environment|safety at home|climb\w*"),
        _rx(
            r"adaptations?|equipment|occupational therap\w*|disabled facilities grant|safety (?:equipment|bed)|sensory room"
        ),
    ),
    Area(
        "independence",
        "independence and adult life",
        _rx(
            r"independen\w+|travel|transition to adult\w*|adult (?:social )?care|community|preparing for adulthood|"
            r"money|cook\w*|life skills"
        ),
        _rx(
            r"independen\w+|travel (?:training|assistance)|transition\w*|adult (?:social )?care|community|"
            r"personal assistant|life skills|direct payment|care act"
        ),
    ),
    Area(
        "looked-after",
        "being looked after",
        _rx(r"looked[- ]after|in care\b|foster\w*|care order|placement stability|contact with (?:birth )?family"),
        _rx(
            r"social worker|care plan|foster\w*|placement|looked[- ]after|independent reviewing officer|contact|virtual school"
        ),
    ),
)


def main_areas(text: str, areas: tuple[Area, ...], *, as_need: bool) -> set[str]:
    """The area(s) ``text`` is mainly about: those with the most matching words.

    A paragraph about anxiety may mention writing or friends in passing; counting keeps it about anxiety. Provision
    is read with both word lists, since provision usually names the need it serves.
    """
    low = text.lower()
    starts = word_starts(low)
    counts: dict[str, int] = {}
    for area in areas:
        n = len(area.need.regex.findall(low)) if area.need.could_match(starts) else 0
        if not as_need and area.provision.could_match(starts):
            n += len(area.provision.regex.findall(low))
        if n:
            counts[area.key] = n
    if not counts:
        return set()
    top = max(counts.values())
    return {key for key, n in counts.items() if 2 * n >= top}  # the main area and any close second


def areas_in(text: str, areas: tuple[Area, ...], *, as_need: bool) -> set[str]:
    """The keys of the areas ``text`` speaks to, read as a need or as provision."""
    low = text.lower()
    starts = word_starts(low)
    return {
        a.key
        for a in areas
        if (pattern := a.need if as_need else a.provision).could_match(starts) and pattern.regex.search(low)
    }
