"""Hand-written provision and outcome statements with the verdicts a careful reviewer would give.

Written for this project (not taken from any plan or guide). Each entry: the statement and the set of finding codes
it should earn; an empty set means the statement is good practice and nothing must fire.
"""

from __future__ import annotations

VAGUE = "F.vague-wording"
UNQ = "F.unquantified"
WHO = "F.no-deliverer"
DEL = "F.delegated"
RANGE = "F.range-or-ceiling"

PROVISION: list[tuple[str, set[str]]] = [
    # --- good practice: specific on the dimensions that matter ---
    ("A speech and language therapist will deliver one 45-minute session each week, 1:1 in a quiet room.", set()),
    (
        "A teaching assistant trained by the speech and language therapist will practise Sam's targets for 15 minutes daily.",
        set(),
    ),
    ("A trained teaching assistant will run precision teaching for 10 minutes every morning.", set()),
    ("The class teacher will give Aisha a written checklist of the steps of each task in every lesson.", set()),
    ("An ELSA-trained teaching assistant will meet Leo for 30 minutes weekly in the nurture room.", set()),
    (
        "A qualified teacher of the deaf will visit twice a term to check the radio aid and advise staff for 1 hour.",
        set(),
    ),
    ("A QTVI will spend 2 hours per half term adapting materials and training the class staff.", set()),
    (
        "An occupational therapist will set a fine motor programme, delivered by a TA for 3 x 15 minutes per week.",
        set(),
    ),
    (
        "A teaching assistant will run a sensory circuit for 15 minutes at the start of each day, following the OT's plan.",
        set(),
    ),
    (
        "A specialist teacher for dyslexia will teach a structured literacy programme for 2 x 45 minutes per week, 1:1.",
        set(),
    ),
    ("A learning mentor will check in with Mia for 10 minutes at the start and end of each school day.", set()),
    ("The SENCo will review the reading programme with the teaching assistant every 6 weeks for 30 minutes.", set()),
    (
        "Ravi will be taught in a class of no more than 8 pupils with a teacher and two teaching assistants throughout the school day.",
        set(),
    ),
    (
        "A teaching assistant will support Kai 1:1 for 25 hours per week across all lessons and unstructured times.",
        set(),
    ),
    ("A trained teaching assistant will lead a social skills group of 4 pupils for 30 minutes twice a week.", set()),
    ("A physiotherapist will write a stretching programme, carried out by a trained TA for 20 minutes daily.", set()),
    ("The speech and language therapist will train all staff who work with Ellie for 2 hours each term.", set()),
    (
        "A teaching assistant will pre-teach key vocabulary for each new topic for 20 minutes every Monday in a group of 3.",
        set(),
    ),
    ("A trained TA will deliver the Numicon intervention 3 times a week for 20 minutes in a pair.", set()),
    ("A counsellor will see Tom for 50 minutes every week for 12 weeks, in the school counselling room.", set()),
    ("A job coach will support Amir at his work placement for 3 hours every Thursday.", set()),
    (
        "A travel trainer will teach Zara the bus route to college in 2 x 1 hour sessions per week until she travels alone.",
        set(),
    ),
    ("An educational psychologist will observe and advise staff for 2 hours each term.", set()),
    ("A teaching assistant trained in Makaton will sign key words to Noah throughout every lesson.", set()),
    ("A specialist autism outreach teacher will visit once each half term for 90 minutes to coach staff.", set()),
    ("A trained TA will deliver Lego-based therapy in a group of 3 for 45 minutes once a week.", set()),
    ("The class teacher will seat Grace near the front and provide enlarged print of 24 point in every lesson.", set()),
    ("A teaching assistant will scribe for Dan in all written assessments, for the full length of each test.", set()),
    ("A teaching assistant will take Ruby for a 5-minute movement break every 30 minutes in lessons.", set()),
    (
        "A key worker with autism training will greet Ben at the gate each morning and go through his visual timetable for 10 minutes.",
        set(),
    ),
    # --- hedged wording ---
    ("Access to speech and language therapy.", {VAGUE, UNQ, WHO}),
    ("Sam will have access to a quiet space when needed.", {VAGUE, UNQ, WHO}),
    ("Opportunities to work in a small group.", {VAGUE, UNQ, WHO}),
    ("Regular check-ins with a familiar adult.", {VAGUE, UNQ, WHO}),
    ("Regular sessions with a teaching assistant to practise reading.", {VAGUE, UNQ}),
    ("A teaching assistant will support Leo in lessons where possible.", {VAGUE, UNQ}),
    ("Movement breaks as required.", {VAGUE, UNQ, WHO}),
    ("Visual supports such as a timetable and now-and-next board.", {VAGUE, UNQ, WHO}),
    ("A structured phonics programme, e.g. Read Write Inc, or equivalent.", {VAGUE, UNQ, WHO}),
    ("Mia would benefit from a social skills group.", {VAGUE, UNQ, WHO}),
    ("The teacher will use appropriate strategies to support attention.", {VAGUE, UNQ}),
    ("Small group work to develop reading fluency with a teaching assistant.", {VAGUE, UNQ}),
    ("Ongoing support from the SENCo.", {VAGUE, UNQ}),
    (
        "A teaching assistant will give Kai 20 minutes of reading practice daily, in a quiet room where possible.",
        {VAGUE},
    ),
    (
        "A speech and language therapist will see Ellie for 30 minutes weekly and staff will use visual prompts as appropriate.",
        {VAGUE},
    ),
    ("Sensory breaks as and when needed.", {VAGUE, UNQ, WHO}),
    ("Regular opportunities to talk about feelings with an adult.", {VAGUE, UNQ, WHO}),
    ("Periodic advice from the occupational therapist.", {VAGUE, UNQ}),
    ("Support with handwriting in class.", {VAGUE, UNQ, WHO}),
    ("Noah may have time out of class with a mentor.", {VAGUE, UNQ}),
    ("Staff should consider a reduced timetable.", {VAGUE, UNQ, WHO}),
    ("Use of a laptop where appropriate.", {VAGUE, UNQ, WHO}),
    ("A teaching assistant will encourage Tom to join in with games.", {VAGUE, UNQ}),
    ("Ben will have regular access to the sensory room.", {VAGUE, UNQ, WHO}),
    ("Support from a teaching assistant in lessons.", {VAGUE, UNQ}),
    # --- no deliverer ---
    ("An adult will read with Sam for 15 minutes every day.", {WHO}),
    ("Staff will run a sensory circuit for 15 minutes each morning.", {WHO}),
    ("A member of staff will meet Leo at the gate for 10 minutes each morning.", {WHO}),
    ("Key adults will give Mia 10 minutes of emotional check-in twice a day.", {WHO}),
    ("Three 30-minute sessions of phonics teaching per week in a group of 4.", {WHO}),
    ("Daily handwriting practice for 10 minutes.", {WHO}),
    ("A member of the team will deliver the reading programme for 20 minutes three times a week.", {WHO}),
    ("Support staff will supervise Kai at break and lunch every day.", {WHO}),
    ("Someone will check Ellie's hearing aids each morning for 5 minutes.", {WHO}),
    ("Two 20-minute sessions of social communication work per week.", {WHO}),
    # --- unquantified but with a deliverer ---
    ("A speech and language therapist will work with Sam on his speech sounds.", {UNQ}),
    ("A teaching assistant will help Ava with her reading.", {UNQ}),
    ("The occupational therapist will provide a programme to improve handwriting.", {UNQ}),
    ("A mentor will talk with Tom about his worries.", {UNQ}),
    ("The class teacher will adapt the curriculum for Leo.", {UNQ}),
    ("An educational psychologist will advise the school on Mia's learning.", {UNQ}),
    ("A teaching assistant will sit with Noah in every maths lesson.", set()),
    ("The SENCo will oversee Ben's provision.", {UNQ}),
    ("A teacher of the deaf will monitor Ellie's progress.", {VAGUE, UNQ}),
    ("The speech and language therapist will model strategies for staff.", {UNQ}),
    # --- delegated to the setting or to later advice ---
    ("Speech and language therapy, frequency to be determined by the school.", {DEL, WHO}),
    ("A teaching assistant will support Sam as advised by the educational psychologist.", {DEL}),
    ("Reading intervention at the discretion of the SENCo.", {DEL}),
    ("The school will decide how much 1:1 support Leo needs each week.", {DEL, WHO}),
    ("Occupational therapy input as recommended by the OT.", {DEL}),
    ("Support in line with the school's graduated approach.", {DEL, WHO}),
    ("A teaching assistant will deliver interventions according to need.", {DEL}),
    ("Level of support to be decided by the setting each term.", {DEL, WHO}),
    ("A mentor will meet Tom, with frequency depending on progress.", {DEL}),
    ("Therapy sessions to be arranged by the health team.", {DEL, WHO}),
    ("Small group literacy teaching as the school sees fit.", {DEL, VAGUE, WHO}),
    ("The SENCo will determine the amount of adult support Kai receives.", {DEL}),
    # --- ranges, ceilings and either/or deliverers ---
    ("Up to 10 hours of teaching assistant support per week.", {RANGE}),
    ("Up to three 30-minute sessions a week with a speech and language therapist.", {RANGE}),
    ("A teaching assistant will provide 2-3 sessions of reading per week.", {RANGE}),
    ("A teacher or teaching assistant will deliver 20 minutes of phonics daily.", {RANGE}),
    ("A speech and language therapist or TA will see Sam for 30 minutes weekly.", {RANGE}),
    ("Between 15 and 25 hours of 1:1 support per week from a trained teaching assistant.", {RANGE}),
    ("A maximum of 6 sessions per term with the educational psychologist.", {RANGE}),
    ("Either the SENCo or a TA will meet Leo for 15 minutes each morning.", {RANGE}),
    ("The counsellor will offer 4 to 6 sessions each term of 50 minutes.", {RANGE}),
    ("A teacher/TA will run a handwriting group for 20 minutes twice a week.", {RANGE}),
    ("A teaching assistant will work with Mia in a group of no more than 4 pupils for 30 minutes daily.", set()),
    ("A trained teaching assistant will run a nurture group of up to 6 pupils every afternoon for 45 minutes.", set()),
    # --- several weaknesses together ---
    ("Access to up to 2 hours of support as required.", {VAGUE, RANGE, WHO}),
    ("Regular speech and language input to be determined by school.", {VAGUE, DEL, WHO}),
    ("Opportunities for up to 3 sessions per week of small group work.", {VAGUE, RANGE, WHO}),
    ("An adult will provide support with reading where possible.", {VAGUE, UNQ, WHO}),
    ("A teacher or TA will offer regular check-ins as needed.", {VAGUE, UNQ, RANGE}),
]

NOT_TIME = "E.not-time-bound"
NOT_MEASURE = "E.not-measurable"
VAGUE_OUT = "E.vague-outcome"
SERVICE = "E.provision-as-outcome"

OUTCOMES: list[tuple[str, set[str]]] = [
    # --- good outcomes: personal, measurable, with a date ---
    ("By July 2026 Sam will follow a three-step spoken instruction in class on four out of five occasions.", set()),
    ("By the end of Year 6 Aisha will read 90 of the first 100 high-frequency words.", set()),
    (
        "By the end of the summer term Leo will eat lunch in the dining hall with two friends on at least three days a week.",
        set(),
    ),
    ("By December 2026 Mia will write three sentences independently using capital letters and full stops.", set()),
    (
        "By his next annual review Kai will use his visual timetable to move between lessons without adult prompting.",
        set(),
    ),
    ("By the end of Key Stage 3 Ellie will travel to school on the bus independently.", set()),
    (
        "Within 12 months Tom will name four strategies that help him when he feels anxious and use one without prompting.",
        set(),
    ),
    ("By July 2027 Zara will make a cup of tea and a sandwich independently at home.", set()),
    ("By the end of Year 10 Amir will complete a one-week work experience placement with one check-in a day.", set()),
    (
        "By the end of the autumn term Noah will ask an adult for help using a two-word phrase on 8 out of 10 occasions.",
        set(),
    ),
    ("By March 2026 Ben will stay on task for 10 minutes with one reminder, as recorded by his teacher.", set()),
    ("By the end of Reception Ava will put on her coat and shoes without help.", set()),
    ("By the end of the academic year Grace will use a touch-typing programme at 20 words a minute.", set()),
    ("By July 2026 Dan will count to 20 and match numerals to amounts with 90% accuracy.", set()),
    ("By the age of 18 Ruby will manage her own medical appointments, booking 3 appointments herself.", set()),
    ("By the end of Year 8 Ravi will join a lunchtime club at least once a week.", set()),
    ("By July 2026 Jo will hold a conversation of four turns with a peer on 3 occasions each week.", set()),
    ("By his next review Luke will get dressed for PE within 5 minutes without adult help.", set()),
    ("By the end of Key Stage 2 Freya will recall and use 6 number bonds to 10 independently.", set()),
    ("Within six months Harry will come into class each morning with no more than one prompt.", set()),
    ("By June 2026 Isla will tell an adult when she needs the toilet on 4 out of 5 occasions.", set()),
    ("By the end of Year 11 Oscar will budget for a weekly shop of 10 items independently.", set()),
    ("By July 2026 Evie will read aloud a short text to the class with 95% accuracy.", set()),
    ("By December 2026 Max will use his communication book to make 3 requests a day independently.", set()),
    ("By the end of the spring term Lily will play a turn-taking game with two peers for 10 minutes.", set()),
    ("By the end of Year 9 Finn will use two calming strategies independently when upset.", set()),
    ("By his 17th birthday Alfie will complete a supported internship placement for 2 days per week.", set()),
    ("By summer 2026 Poppy will write her name independently with correctly formed letters.", set()),
    ("By the end of Year 7 Jack will arrive at each lesson on time on at least 4 days out of 5.", set()),
    (
        "By July 2026 Sofia will answer 'who' and 'what' questions about a short story correctly on 4 out of 5 occasions.",
        set(),
    ),
    # --- no timescale ---
    ("Sam will follow a three-step spoken instruction on four out of five occasions.", {NOT_TIME}),
    ("Aisha will read 90 of the first 100 high-frequency words.", {NOT_TIME}),
    ("Leo will eat lunch in the dining hall with two friends on at least three days a week.", {NOT_TIME}),
    ("Mia will write three sentences independently using full stops.", {NOT_TIME}),
    ("Kai will use his visual timetable without adult prompting.", {NOT_TIME}),
    ("Ellie will travel to school on the bus independently.", {NOT_TIME}),
    ("Tom will name four strategies that help him when anxious.", {NOT_TIME}),
    ("Noah will ask for help using a two-word phrase on 8 out of 10 occasions.", {NOT_TIME}),
    ("Ben will stay on task for 10 minutes with one reminder.", {NOT_TIME}),
    ("Ava will put on her coat and shoes without help.", {NOT_TIME}),
    ("Grace will type at 20 words a minute.", {NOT_TIME}),
    ("Dan will count to 20 with 90% accuracy.", {NOT_TIME}),
    # --- no measure ---
    ("By July 2026 Sam will follow instructions in class.", {NOT_MEASURE}),
    ("By the end of Year 6 Aisha will read books she enjoys.", {NOT_MEASURE}),
    ("By the end of the summer term Leo will eat lunch in the dining hall.", {NOT_MEASURE}),
    ("By December 2026 Mia will write sentences.", {NOT_MEASURE}),
    ("By his next annual review Kai will move between lessons calmly.", {NOT_MEASURE}),
    ("By the end of Key Stage 3 Ellie will use the bus.", {NOT_MEASURE}),
    ("By March 2026 Ben will be calmer in lessons.", {NOT_MEASURE}),
    ("By the end of Year 10 Amir will try a work placement.", {NOT_MEASURE}),
    ("By July 2026 Dan will be able to count.", {NOT_MEASURE}),
    ("By the end of Year 8 Ravi will join in at lunchtime.", {NOT_MEASURE}),
    # --- vague verbs with nothing observable ---
    ("By July 2026 Sam will improve his listening skills.", {VAGUE_OUT, NOT_MEASURE}),
    ("By the end of Year 6 Aisha will develop her reading.", {VAGUE_OUT, NOT_MEASURE}),
    ("By the end of the summer term Leo will have a better understanding of his emotions.", {VAGUE_OUT, NOT_MEASURE}),
    ("By December 2026 Mia will develop her confidence in writing.", {VAGUE_OUT, NOT_MEASURE}),
    ("By his next review Kai will understand the routines of the school day.", {VAGUE_OUT, NOT_MEASURE}),
    ("By the end of Key Stage 3 Ellie will increase her independence.", {VAGUE_OUT, NOT_MEASURE}),
    ("By July 2026 Ben will make progress in maths.", {VAGUE_OUT, NOT_MEASURE}),
    ("By the end of Year 9 Finn will be more aware of his feelings.", {VAGUE_OUT, NOT_MEASURE}),
    ("Sam will improve his speech.", {VAGUE_OUT, NOT_MEASURE, NOT_TIME}),
    ("Aisha will develop her social skills.", {VAGUE_OUT, NOT_MEASURE, NOT_TIME}),
    ("Leo will understand how to keep himself safe.", {VAGUE_OUT, NOT_MEASURE, NOT_TIME}),
    ("Mia will continue to make progress with her reading.", {VAGUE_OUT, NOT_MEASURE, NOT_TIME}),
    ("Kai will develop his fine motor skills.", {VAGUE_OUT, NOT_MEASURE, NOT_TIME}),
    ("Tom will gain confidence in social situations.", {VAGUE_OUT, NOT_MEASURE, NOT_TIME}),
    # --- a service dressed as an outcome ---
    ("Sam will receive speech and language therapy.", {SERVICE}),
    ("By July 2026 Aisha will have access to a reading intervention.", {SERVICE}),
    ("Leo will attend a social skills group every week.", {SERVICE}),
    ("Mia will be supported by a teaching assistant in lessons.", {SERVICE}),
    ("Kai will have 1:1 support for 25 hours a week.", {SERVICE}),
    ("Staff will provide Tom with a calm space.", {SERVICE}),
    ("The school will ensure Ellie has her hearing aids checked daily.", {SERVICE}),
    ("Noah will be given a visual timetable.", {SERVICE}),
    ("Ben will continue to receive occupational therapy.", {SERVICE}),
    ("By the end of Year 7 Ava will be seen by the school counsellor.", {SERVICE}),
]
