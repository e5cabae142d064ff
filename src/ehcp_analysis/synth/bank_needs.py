"""Phrase banks for the four broad areas of need: how a need shows itself (B), outcomes (E), provision (F).

Slots filled by the composer: {n} name, {he} {him} {his} {himself} {He} {His}, {place} ("in class", "at nursery",
"at college"), {room} ("classroom", "nursery room", "teaching room"), {interest}. Every provision item is complete
on the five dimensions (what, how much, how often, who with expertise, where or group) so a clean plan is clean;
the defect injectors take dimensions away.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL = frozenset({"early", "primary", "secondary", "post16"})
SCHOOL = frozenset({"primary", "secondary", "post16"})
OLDER = frozenset({"secondary", "post16"})
YOUNG = frozenset({"early", "primary"})

AREA_TITLES = {
    "CI": "Communication and interaction",
    "CL": "Cognition and learning",
    "SEMH": "Social, emotional and mental health",
    "SP": "Sensory and/or physical needs",
    "PFA": "Preparing for adulthood",
}


@dataclass(frozen=True)
class Prov:
    """One provision item, split into the dimensions a checker looks for."""

    label: str  # short name for a table cell
    what: str  # verb phrase after "will"
    who: str  # deliverer with expertise, with article
    dur: str  # "30 minutes" or "" for approaches that run through the day
    freq: str  # "twice a week", "in every lesson"
    group: str  # "1:1", "in a group of no more than 4 pupils", or ""
    where: str  # "in a quiet room next to the {room}"
    therapy: bool = False  # educates or trains: belongs in F even when a health professional delivers it


@dataclass(frozen=True)
class Topic:
    key: str
    area: str
    title: str
    phases: frozenset[str]
    diagnoses: tuple[str, ...]  # labels a plan may name (always with impact in a clean plan)
    impacts: tuple[str, ...]
    outcomes: tuple[tuple[str, str], ...]  # (what the child will do, how we will know)
    vague: tuple[str, ...]  # outcome wording with no measure, for defects
    provisions: tuple[Prov, ...]


TOPICS: tuple[Topic, ...] = (
    # ---- communication and interaction ----
    Topic(
        "ci-understanding",
        "CI",
        "Understanding spoken language",
        ALL,
        ("developmental language disorder", "a language disorder"),
        (
            "{n} follows short, familiar instructions but loses track when an adult gives more than two pieces of information at once.",
            "In busy rooms {he} often watches other children to work out what to do, because {he} has not taken in what was said.",
            "Words about time and order, like 'before', 'after' and 'until', are hard for {him} to follow, so changes to the routine can confuse {him}.",
            "When {n} has not understood, {he} tends to nod or say 'yes' rather than ask, so adults can overestimate how much {he} has taken in.",
            "Long explanations at the start of a task leave {him} unsure how to begin; {he} copes well when the task is shown step by step.",
        ),
        (
            (
                "follow a spoken instruction with two key parts {place}",
                "without a picture prompt in 4 out of 5 observed opportunities, as recorded by {his} teacher",
            ),
            (
                "tell an adult when {he} has not understood, using a short phrase or a help card",
                "at least three times a day, recorded on a weekly tally",
            ),
            (
                "answer 'who', 'where' and 'when' questions about a short story",
                "correctly in 8 out of 10 questions in a therapy assessment",
            ),
        ),
        (
            "improve {his} understanding of spoken language",
            "develop {his} listening skills",
            "have a better understanding of instructions",
        ),
        (
            Prov(
                "Structured language programme",
                "deliver a structured language programme on words for time and order",
                "a speech and language therapist",
                "30 minutes",
                "once a week",
                "1:1",
                "in a quiet room next to the {room}",
                True,
            ),
            Prov(
                "Daily language practice",
                "practise the targets from the therapist's programme",
                "a teaching assistant trained by the speech and language therapist",
                "10 minutes",
                "every day",
                "1:1",
                "in a quiet corner of the {room}",
                True,
            ),
            Prov(
                "Visual support for instructions",
                "give each instruction with a picture or written prompt and ask {n} to repeat the key words back",
                "{his} class teacher and teaching assistant, trained by the speech and language therapist",
                "",
                "in every lesson",
                "",
                "in the {room}",
            ),
        ),
    ),
    Topic(
        "ci-expressive",
        "CI",
        "Talking and expressing needs",
        ALL,
        ("a speech sound disorder", "developmental language disorder"),
        (
            "{n} speaks in short phrases of two or three words and leaves out small words, so people who do not know {him} well often miss {his} meaning.",
            "{He} can name many objects linked to {interest} but finds it hard to retell what happened earlier in the day.",
            "When {he} is not understood {he} may walk away or become upset, which can look like refusal.",
            "{His} speech sounds are still developing; several sounds are replaced, so 'cup' may sound like 'tup'.",
            "{He} finds it hard to find the word {he} wants and fills the gap with 'that thing', which slows {him} down in discussions.",
        ),
        (
            (
                "use sentences of four or more words to ask for what {he} needs",
                "in 3 out of 4 observed requests over one school week",
            ),
            (
                "retell a recent event in three steps using a visual story frame",
                "with no more than one prompt, measured each half term by the therapist",
            ),
            ("say the 'k' and 'g' sounds at the start of words", "correctly in 8 out of 10 words in a therapy probe"),
        ),
        ("improve {his} speech", "develop {his} expressive language", "improve {his} vocabulary"),
        (
            Prov(
                "Speech and language therapy",
                "work on sentence building and word finding",
                "a speech and language therapist",
                "30 minutes",
                "twice a week",
                "1:1",
                "in a quiet room",
                True,
            ),
            Prov(
                "Vocabulary pre-teaching",
                "teach three key words for the coming topic using pictures and objects",
                "a teaching assistant trained in the school's vocabulary programme",
                "15 minutes",
                "three times a week",
                "in a group of no more than 3 pupils",
                "in the library area",
            ),
            Prov(
                "Therapy programme review",
                "assess progress, set new targets and model them for the teaching assistant",
                "a speech and language therapist",
                "45 minutes",
                "once every half term",
                "1:1",
                "in school",
                True,
            ),
        ),
    ),
    Topic(
        "ci-social",
        "CI",
        "Social interaction and play",
        ALL,
        ("autism", "an autism spectrum condition"),
        (
            "{n} enjoys being near other children but joins their games on {his} own terms and finds it hard to take turns.",
            "{He} talks at length about {interest} and finds it difficult to notice when the listener wants to change the subject.",
            "Unstructured times, like break and lunch, are the hardest part of {his} day; {he} often walks the edge of the playground alone.",
            "{He} takes language literally, so jokes and sarcasm can lead to misunderstandings with classmates.",
            "{He} is more relaxed with one familiar friend than in a group, where {he} can become quiet or leave the activity.",
        ),
        (
            (
                "take turns in a structured game with two other children",
                "for ten minutes with one adult prompt, in 4 out of 5 sessions",
            ),
            (
                "start a conversation with a classmate about a shared interest",
                "on at least two occasions each week, as recorded by lunchtime staff",
            ),
            (
                "explain what a friend might be feeling in a short story or video clip",
                "correctly in 7 out of 10 examples",
            ),
        ),
        ("develop {his} social skills", "improve {his} interaction with peers", "understand friendships better"),
        (
            Prov(
                "Social communication group",
                "run a structured social communication group using games built around turn-taking",
                "a specialist teacher for autism",
                "40 minutes",
                "once a week",
                "in a group of 4 pupils",
                "in the nurture room",
            ),
            Prov(
                "Lunchtime club",
                "run a structured lunchtime club with a planned activity",
                "a teaching assistant trained in autism awareness",
                "30 minutes",
                "four lunchtimes a week",
                "in a group of no more than 6 pupils",
                "in the library",
            ),
            Prov(
                "Social stories",
                "write and read with {n} a social story for any new event",
                "{his} key teaching assistant, trained by the autism outreach team",
                "10 minutes",
                "each morning",
                "1:1",
                "at {his} table before the day starts",
            ),
        ),
    ),
    Topic(
        "ci-aac",
        "CI",
        "Communicating without speech",
        ALL,
        ("a severe speech and language disorder",),
        (
            "{n} uses a small number of spoken words and relies on gesture, pointing and {his} communication book to make choices.",
            "{He} can choose between two objects or photographs, and lights up when an adult notices and responds to {his} signals.",
            "Without {his} communication aid to hand, {he} becomes frustrated and may cry or push things away.",
            "{He} is beginning to use {his} voice output device to greet familiar adults and to ask for 'more'.",
        ),
        (
            (
                "use {his} communication aid to make a choice at snack and in play",
                "independently on 8 out of 10 occasions over two weeks",
            ),
            (
                "use at least 20 symbols on {his} device to ask, comment and refuse",
                "as shown in the therapist's termly review",
            ),
        ),
        ("develop {his} communication", "improve {his} use of symbols"),
        (
            Prov(
                "Augmentative communication programme",
                "teach {n} new vocabulary on {his} communication aid and model its use",
                "a speech and language therapist with experience of augmentative and alternative communication",
                "45 minutes",
                "once a week",
                "1:1",
                "in the {room}",
                True,
            ),
            Prov(
                "Aided language modelling",
                "model language on {n}'s device during every activity",
                "two teaching assistants trained in aided language modelling",
                "",
                "throughout each session, every day",
                "1:1",
                "in the {room}",
            ),
        ),
    ),
    # ---- cognition and learning ----
    Topic(
        "cl-literacy",
        "CL",
        "Reading and writing",
        SCHOOL,
        ("dyslexia", "a specific learning difficulty (dyslexia)"),
        (
            "{n} reads slowly and guesses longer words from the first letter, so {he} loses the meaning of what {he} reads.",
            "{His} spelling is well behind {his} spoken vocabulary; {he} avoids writing words {he} cannot spell and so writes much less than {he} could say.",
            "Copying from the board is very hard for {him} and {he} often misses out lines.",
            "{He} tires quickly when reading and needs more time than classmates to finish written work.",
            "On the most recent assessment {his} single-word reading was at the level expected of a child two years younger.",
        ),
        (
            (
                "read a passage at {his} instructional level aloud",
                "with 95% accuracy, measured by the specialist teacher each term",
            ),
            (
                "spell the 100 most common words correctly in {his} own writing",
                "in 9 out of 10 pieces of work sampled each half term",
            ),
            (
                "write a paragraph of five sentences on a familiar topic using a planning frame",
                "with no more than two prompts from an adult",
            ),
        ),
        ("improve {his} reading", "develop {his} literacy skills", "improve {his} spelling"),
        (
            Prov(
                "Structured phonics intervention",
                "deliver a structured, cumulative phonics programme",
                "a teaching assistant trained in the programme and supervised by the specialist teacher",
                "20 minutes",
                "four times a week",
                "1:1",
                "outside the {room} in a quiet area",
            ),
            Prov(
                "Specialist teaching",
                "assess {n}'s reading and spelling, set targets and teach new skills",
                "a specialist teacher with a qualification in specific learning difficulties",
                "45 minutes",
                "once a fortnight",
                "1:1",
                "in school",
            ),
            Prov(
                "Assistive technology",
                "teach {n} to use text-to-speech and speech-to-text software on a laptop provided by school",
                "the school's learning support teacher",
                "30 minutes",
                "once a week for the first term, then twice a term",
                "1:1",
                "in the learning support base",
            ),
        ),
    ),
    Topic(
        "cl-maths",
        "CL",
        "Number and mathematics",
        SCHOOL,
        ("a moderate learning difficulty", "dyscalculia"),
        (
            "{n} counts reliably to 20 but does not yet see that a number is made of smaller numbers, so calculations take {him} a long time.",
            "{He} understands new ideas best with objects in front of {him} and loses the thread when work moves to written symbols.",
            "{He} can learn a method in a lesson and forget it by the next week unless it is practised often.",
            "Money and time are hard for {him}, which affects everyday tasks like buying a snack.",
        ),
        (
            ("add and subtract numbers to 20 using a number line", "with 90% accuracy in a weekly check"),
            ("pay for an item and check the change in a shop", "with no more than one prompt on 3 consecutive visits"),
            ("tell the time to the quarter hour on an analogue clock", "correctly in 8 out of 10 tries"),
        ),
        ("improve {his} maths", "develop {his} number skills", "understand money"),
        (
            Prov(
                "Numeracy intervention",
                "teach number bonds and place value with practical equipment",
                "a teaching assistant trained in the school's numeracy intervention",
                "20 minutes",
                "three times a week",
                "in a group of no more than 3 pupils",
                "in the intervention room",
            ),
            Prov(
                "Overlearning",
                "revisit the week's maths method with objects and pictures",
                "{his} class teaching assistant, guided by the maths lead",
                "10 minutes",
                "every day",
                "1:1",
                "at the start of the maths lesson",
            ),
        ),
    ),
    Topic(
        "cl-memory",
        "CL",
        "Memory, attention and processing",
        ALL,
        ("a global developmental delay", "a moderate learning difficulty"),
        (
            "{n} can hold one or two pieces of information in mind at a time; longer instructions are lost before {he} starts.",
            "{He} needs extra time to process questions and often answers well if adults wait ten seconds.",
            "{His} attention lasts around five minutes on adult-led tasks, longer when the task involves {interest}.",
            "{He} learns best through repetition and hands-on experience, and new learning needs to be revisited across the week.",
        ),
        (
            ("complete a three-step task using a visual checklist", "independently in 4 out of 5 sessions"),
            (
                "stay focused on an adult-led task",
                "for 10 minutes with no more than one reminder, in 4 out of 5 observed sessions",
            ),
            ("recall three key facts from a lesson the following day", "in 3 out of 4 checks across a half term"),
        ),
        ("improve {his} memory", "develop {his} concentration", "improve {his} attention"),
        (
            Prov(
                "Memory and attention programme",
                "deliver a working memory and attention programme built around games",
                "a teaching assistant trained by the educational psychologist",
                "15 minutes",
                "three times a week",
                "1:1",
                "in a quiet room",
            ),
            Prov(
                "Task breakdown",
                "break each task into steps on a visual checklist and check {n} has started",
                "{his} class teacher, advised by the special educational needs co-ordinator",
                "",
                "in every lesson",
                "",
                "in the {room}",
            ),
        ),
    ),
    Topic(
        "cl-early",
        "CL",
        "Early learning and play",
        frozenset({"early"}),
        ("a global developmental delay",),
        (
            "{n} explores toys by mouthing and banging them and is beginning to use simple objects for their purpose, like a brush for hair.",
            "{He} can stay with an activity {he} has chosen for a few minutes, longer with lights, music or {interest}.",
            "{He} is starting to copy simple actions from adults, which gives us a way to teach new skills.",
            "{He} does not yet play alongside other children and needs an adult close by to join an activity.",
        ),
        (
            ("play with a cause-and-effect toy, taking turns with an adult", "for three turns in 4 out of 5 sessions"),
            (
                "use five everyday objects for their purpose in play",
                "as recorded in {his} learning journal over a month",
            ),
        ),
        ("develop {his} play skills", "improve {his} learning"),
        (
            Prov(
                "Structured play sessions",
                "lead structured play that teaches turn-taking and copying",
                "{his} key person, trained by the early years specialist teacher",
                "15 minutes",
                "twice a day",
                "1:1",
                "in a calm corner of the nursery room",
            ),
            Prov(
                "Specialist early years teaching",
                "model play strategies, set targets and check progress with {his} key person",
                "a specialist early years teacher from the area inclusion team",
                "one hour",
                "once a fortnight",
                "1:1",
                "in the nursery",
            ),
        ),
    ),
    Topic(
        "cl-profound",
        "CL",
        "Learning through the senses",
        ALL,
        ("a profound and multiple learning difficulty", "a severe learning difficulty"),
        (
            "{n} learns through {his} senses: {he} turns towards familiar voices and quietens when music is played.",
            "{He} shows that {he} likes or dislikes something through {his} face, body and sounds, and familiar staff can read these signals well.",
            "{He} needs an adult to set up every activity and to give {him} time, often a minute or more, to respond.",
            "{He} is beginning to reach for an object {he} wants, which is a big step in {his} learning.",
        ),
        (
            (
                "reach for and hold a chosen object",
                "for 5 seconds on 4 out of 5 attempts, recorded on {his} progress tracker",
            ),
            (
                "show a consistent 'more' signal in a sensory story",
                "in 3 consecutive sessions, as noted by {his} teacher",
            ),
        ),
        ("develop {his} sensory awareness", "improve {his} responses"),
        (
            Prov(
                "Sensory learning programme",
                "deliver a sensory learning programme of stories and intensive interaction",
                "a teacher with a qualification in teaching children with multiple learning difficulties",
                "30 minutes",
                "every day",
                "1:1",
                "in the sensory room",
            ),
            Prov(
                "Adult support throughout the day",
                "support all learning, positioning and personal care",
                "a teaching assistant trained in intensive interaction and moving and handling",
                "",
                "for the whole school day, 32.5 hours a week",
                "1:1",
                "in the {room} and around school",
            ),
        ),
    ),
    # ---- social, emotional and mental health ----
    Topic(
        "semh-regulation",
        "SEMH",
        "Managing feelings",
        ALL,
        ("attention deficit hyperactivity disorder", "an attachment difficulty"),
        (
            "When {n} feels overwhelmed {he} can shout, run out of the {room} or throw things; afterwards {he} is sorry and wants to put things right.",
            "{He} does not yet notice the early signs that {he} is getting upset, so it can feel sudden to {him} and to others.",
            "Changes of adult and unexpected noise are the most common triggers for {his} distress.",
            "{He} calms best with a familiar adult, a quiet space and something to do with {his} hands.",
            "{He} worries about getting things wrong and may refuse to start a task rather than risk a mistake.",
        ),
        (
            (
                "name how {he} is feeling using a five-point scale and choose a calming strategy",
                "on 4 out of 5 occasions when {he} begins to feel upset, as logged by staff",
            ),
            (
                "return to the {room} after a calming break",
                "within ten minutes on 8 out of 10 occasions across a half term",
            ),
            (
                "reduce the number of times {he} leaves the {room} without permission",
                "from about five a week to no more than one a week",
            ),
        ),
        ("manage {his} emotions better", "improve {his} behaviour", "develop {his} emotional regulation"),
        (
            Prov(
                "Emotional literacy sessions",
                "teach {n} to recognise and name feelings and practise calming strategies",
                "a teaching assistant trained as an emotional literacy support assistant",
                "30 minutes",
                "once a week",
                "1:1",
                "in the nurture room",
            ),
            Prov(
                "Regulation breaks",
                "take {n} for a planned movement or sensory break",
                "a named teaching assistant who knows {his} support plan",
                "10 minutes",
                "twice each morning and once each afternoon",
                "1:1",
                "in the sensory room or school garden",
            ),
            Prov(
                "Key adult check-in",
                "check in with {n} at the start of the day to plan for changes",
                "{his} named key adult, a senior teaching assistant",
                "10 minutes",
                "every morning",
                "1:1",
                "in a quiet space",
            ),
        ),
    ),
    Topic(
        "semh-anxiety",
        "SEMH",
        "Anxiety and wellbeing",
        OLDER | frozenset({"primary"}),
        ("an anxiety disorder", "social anxiety"),
        (
            "{n} describes feeling sick and shaky before school on most days, and has missed about one day in five this year.",
            "{He} avoids busy corridors and the canteen and will go hungry rather than queue.",
            "In lessons {he} rarely speaks in front of the class but answers well in writing or in a quiet conversation.",
            "{His} worries grow in the days before any change, like a school trip or a new teacher.",
        ),
        (
            ("attend school for at least 90% of sessions", "over each half term, measured by the attendance register"),
            ("use {his} agreed exit card and return to lessons", "within 15 minutes on 4 out of 5 occasions"),
            ("speak to the class as part of a pair presentation", "on one occasion each term"),
        ),
        ("feel less anxious", "improve {his} confidence", "develop coping strategies"),
        (
            Prov(
                "Cognitive behavioural sessions",
                "teach {n} to notice anxious thoughts and to practise graded steps towards feared situations",
                "an educational mental health practitioner",
                "45 minutes",
                "once a week for 12 weeks, then once a fortnight",
                "1:1",
                "in a private room in school",
                True,
            ),
            Prov(
                "Soft start and quiet lunch",
                "meet {n} at the gate and give {him} a quiet room to eat lunch with a friend",
                "{his} named learning mentor",
                "20 minutes",
                "every day",
                "in a pair with a friend of {his} choosing",
                "in the pastoral base",
            ),
        ),
    ),
    Topic(
        "semh-relationships",
        "SEMH",
        "Relationships with adults and peers",
        SCHOOL,
        ("an attachment difficulty",),
        (
            "{n} finds it hard to trust new adults and tests boundaries until {he} is sure an adult will stay.",
            "With children of {his} own age {he} can be bossy in play, and games often end in arguments.",
            "{He} responds well to praise given quietly and to being given a job that shows {he} is trusted.",
            "Losing a game or being left out can lead to a strong reaction that lasts most of a lesson.",
        ),
        (
            (
                "play a team game with three classmates and accept the outcome",
                "without adult intervention in 3 out of 4 sessions",
            ),
            (
                "repair a falling-out with a classmate using the steps {he} has been taught",
                "with one adult prompt on 4 out of 5 occasions",
            ),
        ),
        ("develop positive relationships", "improve {his} friendships"),
        (
            Prov(
                "Nurture group",
                "run a nurture group that practises sharing, turn-taking and talking about feelings",
                "two teaching assistants trained in nurture group practice",
                "one hour",
                "four afternoons a week",
                "in a group of no more than 8 pupils",
                "in the nurture room",
            ),
            Prov(
                "Restorative conversations",
                "help {n} talk through any falling-out with the other child using a script",
                "{his} key adult, trained in restorative approaches",
                "10 minutes",
                "on the same day as any incident",
                "with the other child present",
                "in a quiet room",
            ),
        ),
    ),
    # ---- sensory and/or physical ----
    Topic(
        "sp-hearing",
        "SP",
        "Hearing",
        ALL,
        ("a moderate bilateral hearing loss", "a severe hearing loss"),
        (
            "{n} wears hearing aids in both ears; with them {he} hears speech in a quiet room but misses much of what is said against background noise.",
            "{He} relies on watching faces, so {he} loses information when the speaker turns away or the room is dark.",
            "{He} tires by the afternoon from the effort of listening, and {his} attention drops.",
            "New vocabulary takes {him} longer to learn because {he} hears fewer incidental conversations.",
        ),
        (
            (
                "check {his} own hearing aids each morning and tell an adult if one is not working",
                "independently on 9 out of 10 days",
            ),
            (
                "learn and use ten new topic words each half term",
                "as shown in a vocabulary check by the teacher of the deaf",
            ),
        ),
        ("improve {his} listening", "develop {his} hearing skills"),
        (
            Prov(
                "Teacher of the deaf",
                "check {n}'s equipment, teach listening and vocabulary skills and advise staff",
                "a qualified teacher of the deaf",
                "one hour",
                "once a week",
                "1:1",
                "in school",
            ),
            Prov(
                "Radio aid",
                "use the radio aid transmitter in all whole-class teaching",
                "every teacher who teaches {n}, trained by the teacher of the deaf",
                "",
                "in every lesson",
                "",
                "in the {room}",
            ),
            Prov(
                "Pre-tutoring",
                "pre-teach the vocabulary for the next topic",
                "a teaching assistant trained by the teacher of the deaf",
                "20 minutes",
                "twice a week",
                "1:1",
                "in a quiet room with good lighting",
            ),
        ),
    ),
    Topic(
        "sp-vision",
        "SP",
        "Vision",
        ALL,
        ("a visual impairment", "cerebral visual impairment"),
        (
            "{n} has reduced vision in both eyes and reads print comfortably at 24 point held close to {his} face.",
            "{He} misses information presented on the board or in pictures with fine detail.",
            "Moving around busy or unfamiliar spaces is harder for {him}, especially steps and changes in floor surface.",
            "{He} tires from visual effort and needs short breaks from close work.",
        ),
        (
            ("read enlarged print on a tablet at {his} preferred size", "at 60 words a minute in a termly check"),
            (
                "move independently between the {room} and the dining hall using a planned route",
                "on 5 consecutive days",
            ),
        ),
        ("improve {his} vision skills", "develop {his} independence"),
        (
            Prov(
                "Qualified teacher of vision impairment",
                "teach {n} to use magnification and technology and check resources",
                "a qualified teacher of children with vision impairment",
                "one hour",
                "once a fortnight",
                "1:1",
                "in school",
            ),
            Prov(
                "Habilitation training",
                "teach {n} safe routes around the site and in the community",
                "a habilitation specialist",
                "45 minutes",
                "once a week for one term, then twice a term",
                "1:1",
                "around school and the local area",
                True,
            ),
            Prov(
                "Modified resources",
                "prepare every worksheet and slide in 24-point print with high contrast",
                "a teaching assistant trained by the vision impairment team",
                "",
                "for every lesson",
                "",
                "prepared the day before",
            ),
        ),
    ),
    Topic(
        "sp-motor",
        "SP",
        "Physical development and motor skills",
        ALL,
        ("cerebral palsy", "developmental coordination disorder"),
        (
            "{n} walks short distances with a walking frame and uses a wheelchair for longer journeys around the site.",
            "Handwriting is slow and tiring for {him}; {he} can write a sentence but then needs a rest.",
            "{He} needs help with fastenings and finds it hard to manage cutlery at lunch.",
            "{He} loves sport lessons but needs activities adapted so {he} can take part safely.",
            "Sitting still on the carpet is uncomfortable for {him} and {he} concentrates better in {his} supportive chair.",
        ),
        (
            (
                "type a paragraph of 50 words using a keyboard",
                "in under five minutes by the end of the programme, measured each term",
            ),
            (
                "dress and undress for sport lessons with help only for buttons",
                "within ten minutes on 4 out of 5 occasions",
            ),
            ("use an adapted fork and spoon to eat {his} lunch", "independently on 4 out of 5 days"),
        ),
        ("improve {his} fine motor skills", "develop {his} physical skills", "improve {his} handwriting"),
        (
            Prov(
                "Fine motor programme",
                "follow the occupational therapist's fine motor and typing programme",
                "a teaching assistant trained by the occupational therapist",
                "15 minutes",
                "every day",
                "1:1",
                "in the {room}",
                True,
            ),
            Prov(
                "Occupational therapy",
                "assess {n}'s seating and fine motor skills, update the programme and train staff",
                "an occupational therapist",
                "one hour",
                "once every half term",
                "1:1",
                "in school",
                True,
            ),
            Prov(
                "Physiotherapy programme",
                "carry out the stretches and walking practice set by the physiotherapist",
                "a teaching assistant trained in the programme by the physiotherapist",
                "20 minutes",
                "every day",
                "1:1",
                "in the hall or therapy room",
                True,
            ),
        ),
    ),
    Topic(
        "sp-sensory-processing",
        "SP",
        "Sensory processing",
        ALL,
        ("sensory processing differences",),
        (
            "{n} is very sensitive to noise: the hand dryers, the dining hall and the school bell make {him} cover {his} ears and freeze.",
            "{He} seeks movement and finds it hard to sit for more than a few minutes without fidgeting or rocking.",
            "Some clothing textures and food smells are so uncomfortable that {he} refuses to take part.",
            "With ear defenders and a movement cushion {he} can manage much more of the day.",
        ),
        (
            (
                "choose and use a sensory tool from {his} kit when the environment is noisy",
                "without prompting on 4 out of 5 occasions over a half term",
            ),
            ("eat lunch in the dining hall with ear defenders", "for 15 minutes on 3 days a week"),
        ),
        ("improve {his} sensory regulation", "develop {his} tolerance of noise"),
        (
            Prov(
                "Sensory diet",
                "lead the movement and deep-pressure activities in {n}'s sensory diet",
                "a teaching assistant trained by the occupational therapist",
                "10 minutes",
                "three times a day",
                "1:1",
                "in the sensory room",
                True,
            ),
            Prov(
                "Sensory review",
                "review the sensory diet and train staff",
                "an occupational therapist with training in sensory integration",
                "one hour",
                "once a term",
                "1:1",
                "in school",
                True,
            ),
        ),
    ),
)

EXTRA_TOPICS: tuple[Topic, ...] = (
    Topic(
        "ci-attention",
        "CI",
        "Attention and listening",
        YOUNG,
        (),
        (
            "{n} finds it hard to listen in a group; {he} looks around the room and misses the start of instructions.",
            "{He} can attend to an adult-led activity for about two minutes unless it involves {interest}.",
            "Background noise pulls {his} attention away, and {he} often needs {his} name said before {he} can listen.",
            "{He} listens best when an adult is at {his} level, uses few words and shows an object or picture.",
        ),
        (
            (
                "sit and listen to a short story in a group of four children",
                "for five minutes with one reminder, in 4 out of 5 sessions",
            ),
            (
                "stop and look when {his} name is called during play",
                "on 8 out of 10 occasions, recorded over two weeks",
            ),
        ),
        ("improve {his} listening and attention", "develop {his} attention skills"),
        (
            Prov(
                "Attention building sessions",
                "lead a structured attention programme with a bag of motivating objects",
                "a teaching assistant trained in the programme by the speech and language therapist",
                "10 minutes",
                "every day",
                "in a group of no more than 4 children",
                "in a quiet area away from the main room",
                True,
            ),
            Prov(
                "Attention and listening targets",
                "set attention targets, model the activities for staff and review progress",
                "a speech and language therapist",
                "45 minutes",
                "once every half term",
                "1:1",
                "in the {room}",
                True,
            ),
        ),
    ),
    Topic(
        "cl-organisation",
        "CL",
        "Organisation and independent study",
        OLDER,
        ("dyspraxia", "attention deficit hyperactivity disorder"),
        (
            "{n} often arrives at lessons without the right equipment and loses track of homework deadlines.",
            "Planning a longer piece of work is hard for {him}: {he} has good ideas but does not know where to start.",
            "{He} relies on adults to tell {him} where to go next, especially when the timetable changes.",
            "When a task has several parts, {he} completes the first and then stops, unsure what comes next.",
        ),
        (
            (
                "use a digital planner to record and meet homework deadlines",
                "for 8 out of 10 pieces of homework in a half term",
            ),
            ("plan a piece of extended writing using a structured template", "without adult help in 3 out of 4 tasks"),
        ),
        ("improve {his} organisation", "become more organised"),
        (
            Prov(
                "Study skills mentoring",
                "teach planning, use of a digital planner and breaking down assignments",
                "a learning mentor trained in executive function coaching",
                "30 minutes",
                "twice a week",
                "1:1",
                "in the learning support base",
            ),
            Prov(
                "End-of-day check",
                "check {n}'s planner and bag for the next day",
                "{his} form tutor",
                "5 minutes",
                "at the end of every day",
                "1:1",
                "in the form room",
            ),
        ),
    ),
    Topic(
        "semh-self-esteem",
        "SEMH",
        "Self-esteem and confidence",
        SCHOOL,
        (),
        (
            "{n} describes {himself} as 'stupid' when work is hard and compares {himself} unfavourably with others.",
            "{He} rarely volunteers an answer, even when {he} knows it, because {he} fears being wrong in front of the class.",
            "Praise in front of the group embarrasses {him}; a quiet word or a note works better.",
            "{He} shines when given responsibility, like looking after the class pet or helping younger children.",
        ),
        (
            ("name three things {he} is good at when asked", "in a termly check with {his} key adult"),
            ("answer a question in front of the class", "at least once a day on 4 out of 5 days"),
        ),
        ("feel better about {himself}", "improve {his} self-esteem"),
        (
            Prov(
                "Self-esteem group",
                "run a structured self-esteem programme built around shared tasks and reflection",
                "a teaching assistant trained as an emotional literacy support assistant",
                "40 minutes",
                "once a week for 10 weeks",
                "in a group of 4 pupils",
                "in the nurture room",
            ),
            Prov(
                "Responsibility role",
                "give {n} a daily job with clear steps and private feedback",
                "{his} class teacher",
                "10 minutes",
                "every day",
                "1:1",
                "in the {room}",
            ),
        ),
    ),
    Topic(
        "sp-personal-care",
        "SP",
        "Personal care and independence",
        ALL,
        (),
        (
            "{n} needs help with toileting, washing {his} hands and managing {his} clothes afterwards.",
            "At mealtimes {he} needs food cut up and reminders to eat slowly.",
            "{He} can take {his} coat off but needs help to put it on and to manage zips.",
            "{He} is motivated to do more for {himself} and is proud when {he} manages a new step.",
        ),
        (
            (
                "pull {his} trousers up and down independently when using the toilet",
                "on 4 out of 5 occasions over two weeks",
            ),
            ("put on {his} coat and do up the zip", "with no more than one prompt on 5 consecutive days"),
        ),
        ("be more independent in personal care", "develop {his} self-care skills"),
        (
            Prov(
                "Personal care programme",
                "teach each step of toileting and dressing using a picture sequence, fading help step by step",
                "a teaching assistant trained in moving and handling and intimate care",
                "10 minutes",
                "at each toilet visit and before going outside",
                "1:1",
                "in the accessible toilet and cloakroom",
            ),
            Prov(
                "Independence targets review",
                "review the personal care programme and set new steps",
                "the special educational needs co-ordinator with the occupational therapist",
                "30 minutes",
                "once a term",
                "1:1",
                "in school",
            ),
        ),
    ),
    Topic(
        "sp-stamina",
        "SP",
        "Stamina and fatigue",
        SCHOOL,
        (),
        (
            "{n} tires quickly because of {his} medical condition, and {his} concentration falls sharply after lunch.",
            "Walking between buildings leaves {him} breathless, and {he} arrives late and flustered.",
            "On days after hospital appointments {his} energy is low and {he} manages about half of {his} usual work.",
        ),
        (
            (
                "use {his} rest card to take a planned rest and return to learning",
                "within 10 minutes on 4 out of 5 occasions",
            ),
            (
                "attend all morning lessons on time using the agreed route and lift pass",
                "on 9 out of 10 days in a half term",
            ),
        ),
        ("manage {his} fatigue better", "improve {his} stamina"),
        (
            Prov(
                "Planned rest breaks",
                "supervise a rest break in a quiet room",
                "a teaching assistant trained in {n}'s health care plan",
                "10 minutes",
                "twice a day, mid-morning and after lunch",
                "1:1",
                "in the medical room",
            ),
            Prov(
                "Catch-up teaching",
                "go over key learning missed through fatigue or appointments",
                "a qualified teacher",
                "30 minutes",
                "once a week",
                "1:1",
                "in the learning support base",
            ),
        ),
    ),
)


# Preparing for adulthood from Year 9: outcomes and provision under the four PfA headings.
PFA_TOPICS: tuple[Topic, ...] = (
    Topic(
        "pfa-employment",
        "PFA",
        "Employment and further learning",
        OLDER,
        (),
        (
            "{n} says {he} would like a job linked to {interest} and has started to think about college courses.",
            "{He} has not yet had work experience and is unsure what a working day involves.",
        ),
        (
            (
                "complete a one-week work experience placement linked to {interest}",
                "with attendance every day and a positive employer report",
            ),
            (
                "prepare a one-page personal profile for employers and practise a mock interview",
                "with a tutor rating of 'good' on the interview checklist",
            ),
        ),
        ("develop {his} employability skills", "understand the world of work"),
        (
            Prov(
                "Careers guidance",
                "give independent careers guidance and plan work experience",
                "a qualified careers adviser",
                "45 minutes",
                "once a term",
                "1:1",
                "in school",
            ),
            Prov(
                "Work skills programme",
                "teach timekeeping, following workplace instructions and teamwork through a weekly enterprise project",
                "a job coach",
                "one hour",
                "once a week",
                "in a group of no more than 6 students",
                "in the school café and on placement",
            ),
        ),
    ),
    Topic(
        "pfa-independence",
        "PFA",
        "Independent living",
        OLDER,
        (),
        ("{n} relies on family for cooking, money and planning {his} week, and would like to do more for {himself}.",),
        (
            ("prepare a simple hot meal following a picture recipe", "with no adult help on 3 consecutive occasions"),
            ("travel by bus from home to college on a familiar route", "independently on 5 consecutive days"),
        ),
        ("become more independent", "develop {his} life skills"),
        (
            Prov(
                "Independent travel training",
                "teach {n} a planned bus route step by step, fading support as {he} succeeds",
                "an independent travel trainer",
                "one hour",
                "twice a week for one term",
                "1:1",
                "between home and college",
            ),
            Prov(
                "Life skills sessions",
                "teach cooking, budgeting and shopping",
                "a teacher with experience of life skills teaching",
                "one hour",
                "once a week",
                "in a group of no more than 5 students",
                "in the training kitchen and local shops",
            ),
        ),
    ),
    Topic(
        "pfa-community",
        "PFA",
        "Friends, relationships and community",
        OLDER,
        (),
        (
            "Outside school {n} spends most of {his} time at home and would like to join a club with young people {his} own age.",
        ),
        (("join a community club linked to {interest} and attend", "at least twice a month for a term"),),
        ("be more involved in the community",),
        (
            Prov(
                "Community mentoring",
                "go with {n} to a chosen club and reduce support as {he} settles",
                "a trained youth mentor from the local youth service",
                "two hours",
                "once a week for 10 weeks",
                "1:1",
                "in the community",
            ),
        ),
    ),
    Topic(
        "pfa-health",
        "PFA",
        "Good health",
        OLDER,
        (),
        ("{n} depends on adults to book appointments and to remember {his} medication.",),
        (
            (
                "book and attend a routine appointment with {his} family doctor, with a family member present but silent",
                "on at least one occasion, confirmed by {his} family",
            ),
            (
                "take {his} daily medication using a phone reminder",
                "without prompting on 6 out of 7 days, recorded on a chart",
            ),
        ),
        ("look after {his} health",),
        (
            Prov(
                "Health self-management sessions",
                "teach {n} to manage appointments and medication",
                "the school nurse",
                "30 minutes",
                "twice a term",
                "1:1",
                "in the school health room",
            ),
        ),
    ),
)

STRENGTHS: dict[str, tuple[str, ...]] = {
    "CI": (
        "{n} has a warm sense of humour and loves to share a joke with adults {he} knows.",
        "{His} visual memory is a real strength: {he} remembers routes, logos and pictures in detail.",
        "{He} knows a great deal about {interest} and enjoys teaching others what {he} knows.",
    ),
    "CL": (
        "{n} is persistent and keeps trying when a task is hard, especially with encouragement.",
        "{He} has good practical skills and learns well by doing.",
        "{His} spoken ideas are imaginative and {he} has a wide vocabulary when talking about {interest}.",
    ),
    "SEMH": (
        "{n} is kind to younger children and enjoys having a job to do.",
        "{He} is creative and produces detailed work when {he} feels settled.",
        "{He} forms strong bonds with adults who are consistent and calm.",
    ),
    "SP": (
        "{n} is determined and cheerful and does not give up easily.",
        "{He} is sociable and well liked by {his} classmates.",
        "{He} has a strong memory for stories and songs.",
    ),
}

ALL_TOPICS: tuple[Topic, ...] = (*TOPICS, *EXTRA_TOPICS)
