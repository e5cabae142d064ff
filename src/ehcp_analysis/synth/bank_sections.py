"""Phrase banks for sections A, C/G, D/H, J and K. Same slots as bank_needs."""

from __future__ import annotations

from dataclasses import dataclass

# ---- Section A: the child's own words (first person), history, communication, family views, aspirations ----
CHILD_VOICE_LIKES = (
    "I like {interest_long} more than anything.",
    "My favourite thing to do is {interest_long}.",
    "At the weekend I spend a lot of time {interest_long}.",
    "I am really good at {interest_long} and I like showing people.",
    "I feel happy when I am {interest_long}.",
)
CHILD_VOICE_SCHOOL = (
    "At {setting_short} I like it when my day is the same each day.",
    "The best part of {setting_short} is seeing my favourite adults.",
    "I like working with one grown-up in a quiet place.",
    "I like choosing what to do at the end of a session.",
    "My favourite time at {setting_short} is when we go outside.",
    "I like it when someone shows me what to do first.",
)
CHILD_VOICE_HARD = (
    "I don't like loud noises and crowded places.",
    "I find it hard when things change and nobody tells me.",
    "It is hard for me when people talk too fast.",
    "I get cross when I can't find the right words.",
    "Writing makes my hand hurt and I get tired.",
    "I don't like it when people stand too close to me.",
    "I worry about getting things wrong.",
)
CHILD_VOICE_HELP = (
    "It helps me when adults give me time to answer.",
    "It helps when I can see pictures of what is happening next.",
    "Please tell me before something changes.",
    "I need a quiet space when I feel upset.",
    "It helps me when grown-ups use my name before they ask me something.",
    "I like it when people check I have understood.",
)
VOICE_GATHERED = (
    "These are my words, written down by {gatherer} during a conversation at home.",
    "I shared my views with {gatherer} using pictures and a talking mat.",
    "{gatherer_cap} wrote this with me after watching me play and asking me to choose between photographs.",
    "My family and {gatherer} helped me to say these things.",
)
GATHERERS = (
    "my key worker",
    "my teaching assistant",
    "my class teacher",
    "my family",
    "my tutor",
    "my speech and language therapist",
)

HISTORY = (
    "{n} was born at full term. {His} family first noticed differences in {his} development when {he} was about {early_age}.",
    "{n} lives with {family_home}. {He} has attended {setting} since {start_year}.",
    "{His} needs were first identified at {first_place}, and {he} was assessed by the local child development team in {diag_year}.",
    "This plan was first issued in {first_plan_year} and has been reviewed each year since.",
    "{n} received a diagnosis of {diagnosis} in {diag_year}.",
)
COMMUNICATION = (
    "{n} communicates mainly through speech, with gestures to add meaning when {he} is tired.",
    "{n} uses short spoken phrases together with signing and pointing to pictures.",
    "{n} uses facial expression, sounds and body movement to communicate; familiar adults know what {his} signals mean.",
    "{n} speaks fluently and prefers written information for anything new or complicated.",
    "{n} uses a communication book with photographs and is learning to use a voice output device.",
)
FAMILY_VIEWS = (
    "{carers_cap} describe {n} as loving, funny and determined, and say {he} is at {his} best when routines are predictable.",
    "{carers_cap} feel that {setting_short} knows {n} well, and they use the same strategies at home.",
    "{carers_cap} are worried about how tired {n} is by the end of the day and ask that this is taken into account when planning {his} week.",
    "{carers_cap} say that {n} has made real progress this year, especially in {progress_area}.",
    "{carers_cap} told us that mornings can be difficult, and that a calm start makes a big difference to {n}'s whole day.",
    "{carers_cap} value the weekly messages from {setting_short} about how {n} is getting on.",
)
CHILD_ASPIRATION_SHORT = (
    "This year I want to make a new friend in my class.",
    "By the end of this year I want to be able to {short_goal}.",
    "Next term I want to try a new club.",
    "This year I want to get better at {short_goal}.",
)
CHILD_ASPIRATION_LONG = (
    "When I am older I want to work with {interest}.",
    "When I grow up I would like to live in my own flat with my friends.",
    "One day I want to go to college and learn about {interest}.",
    "When I am grown up I want to have a job and my own money.",
)
FAMILY_ASPIRATION = (
    "In the short term {carers} hope that {n} will settle well and feel safe at {setting_short}. In the long term they hope {he} will be as independent as possible and have friends who value {him}.",
    "For the next year {carers} would like {n} to be able to {short_goal}. Looking further ahead, they hope {he} will find work {he} enjoys and live with as much independence as possible.",
    "{carers_cap} hope that this year {n} grows in confidence. Their long-term hope is that {he} will lead a happy, healthy adult life within {his} community.",
)
SHORT_GOALS = (  # (as the child says it, as the family says it)
    ("ask for help when I need it", "ask for help when {he} needs it"),
    ("read a whole book", "read a whole book"),
    ("swim a width", "swim a width of the pool"),
    ("ride my bike", "ride {his} bike"),
    ("make my own snack", "make {his} own snack"),
    ("tell people how I feel", "tell people how {he} feels"),
    ("tie my shoelaces", "tie {his} shoelaces"),
    ("go to a friend's house for tea", "visit a friend's house for tea"),
)
PROGRESS_AREAS = (
    "talking about {his} day",
    "reading",
    "getting dressed",
    "playing with other children",
    "staying calm",
    "walking further",
)
PLACEMENT_REQUESTS = (
    "{carers_cap} want {n} to attend {other_setting} from next September.",
    "The family's aspiration is for {n} to have a place at {other_setting}.",
    "{carers_cap} would like {n} to move to {other_setting} as soon as possible.",
)


# ---- Sections C and G: health ----
@dataclass(frozen=True)
class Support:
    key: str
    needs: tuple[str, ...]  # the need as written in C or D
    provisions: tuple[str, ...]  # fully specified provision sentences for G or H
    fits: frozenset[str]  # primary needs (or "*" for any) where this is likely
    h_part: str = ""  # "H1" or "H2" for social care items
    unquantified: tuple[str, ...] = ()  # the same provision with no amount, duration or frequency


HEALTH: tuple[Support, ...] = (
    Support(
        "epilepsy",
        (
            "{n} has epilepsy, with brief absence seizures on most days and an occasional longer seizure; after a seizure {he} is tired and loses what {he} was learning.",
            "{n}'s epilepsy is controlled by medication, but seizures still happen about once a month and {he} needs a rescue medication plan.",
        ),
        (
            "A paediatric neurologist will review {n}'s epilepsy and medication in clinic every 6 months.",
            "The epilepsy specialist nurse will write {n}'s seizure care plan, review it each term and train two named staff in giving rescue medication, with a refresher every 12 months.",
        ),
        frozenset({"SLD", "PMLD", "PD", "MSI", "OTH", "ASD"}),
        unquantified=(
            "A paediatric neurologist will review {n}'s epilepsy and medication in clinic.",
            "The epilepsy specialist nurse will write {n}'s seizure care plan and train staff in giving rescue medication.",
        ),
    ),
    Support(
        "eating",
        (
            "{n} has difficulty chewing and swallowing safely and needs food of a soft, mashed texture to reduce the risk of choking.",
        ),
        (
            "A speech and language therapist specialising in eating and drinking will review {n}'s mealtime plan every 3 months and train the lunchtime staff who feed {him} each September.",
        ),
        frozenset({"PMLD", "SLD", "PD", "MSI"}),
        unquantified=(
            "A speech and language therapist specialising in eating and drinking will review {n}'s mealtime plan and train the lunchtime staff who feed {him}.",
        ),
    ),
    Support(
        "continence",
        ("{n} is not yet toilet trained and needs help with changing several times a day.",),
        (
            "The children's continence nurse will assess {n} once a year and arrange a delivery of continence products every 12 weeks.",
        ),
        frozenset({"PMLD", "SLD", "ASD", "PD", "MSI"}),
        unquantified=(
            "The children's continence nurse will assess {n} and arrange deliveries of continence products.",
        ),
    ),
    Support(
        "hearing",
        ("{n} needs {his} hearing and hearing aids checked, as {his} hearing loss may change as {he} grows.",),
        ("The children's audiology service will test {n}'s hearing and check {his} hearing aids every 6 months.",),
        frozenset({"HI", "MSI"}),
        unquantified=("The children's audiology service will test {n}'s hearing and check {his} hearing aids.",),
    ),
    Support(
        "vision",
        ("{n}'s eye condition needs monitoring, and {his} glasses need changing as {his} eyes develop.",),
        ("The hospital eye clinic will examine {n}'s eyes and update {his} glasses prescription every 12 months.",),
        frozenset({"VI", "MSI"}),
        unquantified=("The hospital eye clinic will examine {n}'s eyes and update {his} glasses prescription.",),
    ),
    Support(
        "mobility",
        (
            "{n} has tight muscles in {his} legs which need stretching to keep {him} walking, and {he} wears splints on both ankles.",
        ),
        (
            "A children's physiotherapist will assess {n}, set {his} home stretching programme and check {his} splints every 12 weeks.",
        ),
        frozenset({"PD", "PMLD", "SLD"}),
        unquantified=(
            "A children's physiotherapist will assess {n}, set {his} home stretching programme and check {his} splints.",
        ),
    ),
    Support(
        "medication",
        (
            "{n} takes medication for attention deficit hyperactivity disorder each morning; its effect wears off by mid-afternoon.",
        ),
        (
            "The community paediatrician will review {n}'s medication, height, weight and blood pressure every 6 months.",
        ),
        frozenset({"SEMH", "ASD", "OTH"}),
        unquantified=("The community paediatrician will review {n}'s medication, height, weight and blood pressure.",),
    ),
    Support(
        "sleep",
        (
            "{n} sleeps poorly, often waking for two hours in the night, which leaves {him} tired at the start of the day.",
        ),
        (
            "The community paediatrician will review {n}'s sleep diary and sleep medication every 6 months, and the sleep practitioner will meet the family at home four times over the next 12 weeks.",
        ),
        frozenset({"ASD", "SLD", "PMLD", "SEMH", "OTH"}),
        unquantified=(
            "The community paediatrician will review {n}'s sleep diary and sleep medication, and the sleep practitioner will meet the family at home.",
        ),
    ),
    Support(
        "tube-feeding",
        ("{n} receives all of {his} nutrition through a gastrostomy tube and needs trained adults to feed {him}.",),
        (
            "The children's community nursing team will train two named staff in gastrostomy feeding every 12 months and check their competence each term; a paediatric dietitian will review {n}'s feeding plan every 3 months.",
        ),
        frozenset({"PMLD"}),
        unquantified=(
            "The children's community nursing team will train named staff in gastrostomy feeding, and a paediatric dietitian will review {n}'s feeding plan.",
        ),
    ),
    Support(
        "mental-health",
        (
            "{n}'s low mood affects {his} sleep and appetite, and {he} is under the care of the child and adolescent mental health service.",
        ),
        (
            "A psychiatrist from the child and adolescent mental health service will review {n}'s mental health and medication every 3 months in clinic.",
        ),
        frozenset({"SEMH"}),
        unquantified=(
            "A psychiatrist from the child and adolescent mental health service will review {n}'s mental health and medication in clinic.",
        ),
    ),
)
HEALTH_NONE = (
    "{n} has no health needs related to {his} special educational needs.",
    "There are no health care needs arising from {n}'s special educational needs. {He} sees {his} family doctor for routine care.",
    "None. {n} is healthy and has no health needs linked to {his} special educational needs or disability.",
)
HEALTH_PROVISION_NONE = (
    "No health provision is required, as {n} has no health needs related to {his} special educational needs.",
    "None required: there are no health needs identified in section C.",
    "Not applicable. {n} does not need any health provision related to {his} special educational needs.",
)
# Provision that teaches or trains, which belongs in F even when a health service delivers it.
EDUCATIONAL_IN_HEALTH = (
    "A speech and language therapist will deliver a language programme to {n} for 30 minutes each week in school, teaching new vocabulary and sentence structures.",
    "An occupational therapist will teach {n} handwriting and typing skills in 45-minute sessions every fortnight at school.",
    "A mental health practitioner will teach {n} coping skills for anxiety in weekly 40-minute sessions for 10 weeks.",
    "A speech and language therapist will run a weekly 30-minute social communication group in school for {n} and two classmates.",
    "An occupational therapist will teach {n} to dress and undress independently in weekly 30-minute sessions at school.",
)
HEALTH_IN_H = (
    "A children's physiotherapist will visit {n} at home every 8 weeks to review {his} standing frame.",
    "The community paediatrician will review {n}'s medication every 6 months.",
    "The children's continence nurse will deliver continence products every 12 weeks.",
)

# ---- Sections D and H: social care ----
SOCIAL: tuple[Support, ...] = (
    Support(
        "short-breaks",
        (
            "{n}'s family provide a high level of care day and night, and {his} parents need planned breaks to keep caring safely.",
        ),
        (
            "{n} will have an overnight short break at the {place_name} short breaks unit for two nights each month, with residential care workers trained in {his} care plan.",
        ),
        frozenset({"*"}),
        "H1",
        unquantified=(
            "{n} will have overnight short breaks at the {place_name} short breaks unit, with residential care workers trained in {his} care plan.",
        ),
    ),
    Support(
        "community",
        ("{n} cannot take part in clubs and activities outside home without an adult to help {him}.",),
        (
            "A personal assistant, paid through a direct payment, will take {n} to a club or activity of {his} choice for 3 hours every Saturday.",
        ),
        frozenset({"*"}),
        "H1",
        unquantified=(
            "A personal assistant, paid through a direct payment, will take {n} to a club or activity of {his} choice.",
        ),
    ),
    Support(
        "adaptations",
        (
            "{n}'s home has steps at the entrance and an upstairs bathroom, which make {his} personal care unsafe as {he} grows.",
        ),
        (
            "The children with disabilities team will fund a ceiling hoist and a level-access shower, fitted within 6 months, and an occupational therapist from the team will check the equipment every 12 months.",
        ),
        frozenset({"PD", "PMLD", "MSI"}),
        "H1",
        unquantified=(
            "The children with disabilities team will fund a ceiling hoist and a level-access shower for {n}'s home.",
        ),
    ),
    Support(
        "family-support",
        ("{n}'s parents have asked for help with routines at home, as bedtimes often end with {n} very distressed.",),
        (
            "A family support worker from the early help team will visit the family at home for one hour each week for 12 weeks to plan and practise a bedtime routine.",
        ),
        frozenset({"*"}),
        "H2",
        unquantified=(
            "A family support worker from the early help team will work with {n}'s parents at home on a bedtime routine.",
        ),
    ),
    Support(
        "adult-transition",
        (
            "As {n} approaches adulthood {he} will need help from adult social care with personal care and planning {his} days.",
        ),
        (
            "A social worker from the adult transitions team will complete a Care Act 2014 needs assessment within 3 months and meet {n} and {his} family every 3 months until {his} adult support plan is in place.",
        ),
        frozenset({"*"}),
        "H2",
        unquantified=(
            "A social worker from the adult transitions team will carry out a needs assessment under the Care Act and meet {n} and {his} family until {his} adult support plan is in place.",
        ),
    ),
)
LOOKED_AFTER = Support(
    "looked-after",
    (
        "{n} is looked after by the local authority under a care order and lives with {his} foster carers. {He} needs stable care, and close joint working between {his} social worker, carers and {setting_short}.",
        "{n} has been in the care of the local authority since {lac_year} and lives in a foster placement. {He} has contact with {his} birth family each month, which can unsettle {him} for a day or two afterwards.",
    ),
    (
        "{n}'s allocated social worker from the children in care team will visit {him} at home every 6 weeks, and an independent reviewing officer will chair {his} looked-after review every 6 months.",
        "{n}'s social worker will plan each family contact with {his} foster carers and tell school two days beforehand, and the children in care team will fund a support worker for the 2 hours of each monthly contact.",
    ),
    frozenset({"*"}),
    "H2",
    unquantified=(
        "{n}'s allocated social worker from the children in care team will visit {him} at home and review {his} care plan.",
    ),
)
SOCIAL_NONE = (
    "{n} has no social care needs related to {his} special educational needs or disability.",
    "There are no social care needs arising from {n}'s special educational needs or disability at present.",
    "None. {n}'s family meet {his} care needs and no social care needs have been identified.",
)
H1_NONE = (
    "No provision is required under section 2 of the Chronically Sick and Disabled Persons Act 1970.",
    "None. {n} does not need social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970.",
)
H2_NONE = (
    "No other social care provision is required.",
    "None. There is no other social care provision reasonably required by {n}'s learning difficulties or disability.",
)
LAC_DENIAL = (
    "{n} has no social care needs.",
    "There are no social care needs at this time.",
    "Social care needs: none identified.",
)

# ---- Section J ----
BUDGET = (
    "Not applicable: {carers} have not asked for a personal budget. They know they can ask at any time, including at the next review.",
    "No personal budget has been requested. The case officer has explained to {carers} how a personal budget works.",
    "A personal budget of £{amount} a year is agreed for {n}'s travel to {setting_short}, paid as a direct payment to {carers}.",
)
BUDGET_SHORT_BREAKS = (
    "{carers_cap} have asked for a personal budget for the short breaks in this plan. It will be paid as a direct payment of £{amount} every four weeks, managed by {carers}.",
)
J_IRRELEVANT = (
    "Please contact the case officer with any questions about this plan.",
    "See section F.",
    "Information about the local offer is available on the council website.",
)


@dataclass(frozen=True)
class Adviser:
    kind: str  # "parent", "education", "medical", "psychology", "social", "pfa", or an extra
    title: str  # what the advice is called
    role: str
    doctor: bool = False


ADVISERS = {
    "education": Adviser("education", "Educational advice", "Special educational needs co-ordinator, {setting}"),
    "psychology": Adviser("psychology", "Psychological advice", "Educational Psychologist", True),
    "medical": Adviser("medical", "Medical advice", "Community Paediatrician", True),
    "medical-early": Adviser("medical", "Health advice", "Health Visitor"),
    "social": Adviser("social", "Social care advice", "Social Worker, Children with Disabilities Team"),
    "social-lac": Adviser("social", "Social care advice", "Social Worker, Children in Care Team"),
    "pfa": Adviser("pfa", "Preparing for adulthood advice", "Careers Adviser"),
    "slt": Adviser("extra", "Speech and language therapy advice", "Speech and Language Therapist"),
    "ot": Adviser("extra", "Occupational therapy advice", "Occupational Therapist"),
    "hearing": Adviser("extra", "Advice on hearing impairment", "Qualified Teacher of the Deaf"),
    "vision": Adviser("extra", "Advice on vision impairment", "Qualified Teacher of Children with Vision Impairment"),
    "physio": Adviser("extra", "Physiotherapy advice", "Children's Physiotherapist"),
    "mental": Adviser(
        "extra", "Mental health advice", "Clinical Psychologist, Child and Adolescent Mental Health Service", True
    ),
}
K_NO_LIST = (
    "Advice was gathered from the professionals who know {n} and from {his} family.",
    "All reports used to write this plan are held on the case file.",
    "The plan was written using the advice received during the assessment.",
    "Reports from school, health and the family were considered.",
)

# ---- more good-practice text: what people admire (A), attainment (B), monitoring (F) ----
ADMIRE = (
    "Staff at {setting_short} say {n} has a lovely smile and greets familiar adults warmly each morning.",
    "Staff admire how hard {he} works, even on days when things are difficult.",
    "People who know {n} well say {he} is curious and notices details that others miss.",
    "{n} is kind and often checks that other children are all right.",
    "Adults describe {n} as determined: once {he} has learned a routine {he} sticks to it.",
    "{n} has a good memory for people and places and remembers what others like.",
)
ATTAINMENT = {
    "CI": (
        "On the most recent language assessment {n}'s understanding of spoken language was well below that expected for {his} age, and {his} spoken language slightly less so.",
        "The speech and language therapist's assessment this year shows {n} understands about half of the sentence types expected at {his} age.",
    ),
    "CL": (
        "{n} is working at about the level expected of children two years younger in reading and mathematics, and has made steady progress this year.",
        "Assessments this year show that {n} has learned new skills at a slower pace than classmates, with the clearest progress in practical tasks.",
    ),
    "SEMH": (
        "Staff records show that episodes of distress have fallen from about six a week last term to about three a week this term.",
        "{n}'s attendance this year is 86%, and most missed sessions follow a difficult evening or a change in routine.",
    ),
    "SP": (
        "{n} now manages short written tasks with {his} adapted equipment, though {he} still needs rests during longer pieces of work.",
        "With the right equipment and seating, {n} takes part in most activities alongside other children.",
    ),
}
MONITORING = (
    "{n}'s progress towards these outcomes will be checked by {his} class teacher and the special educational needs co-ordinator each term, with a written summary sent to {carers} three times a year.",
    "The special educational needs co-ordinator will review this provision with {carers} every term and record progress against each outcome, and the specialist advisers will contribute to each annual review.",
    "Staff delivering each intervention will keep a record of every session; the special educational needs co-ordinator will review the records every half term and share a summary with {carers}.",
)
