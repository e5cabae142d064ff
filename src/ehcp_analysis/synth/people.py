"""Who the plan is about: names, ages, settings and dates, all invented and all relative to ``as_of``."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

BOY_NAMES = (
    "Ayo",
    "Oliver",
    "Mohammed",
    "Leo",
    "Harry",
    "Jayden",
    "Kacper",
    "Rhys",
    "Theo",
    "Arjun",
    "Finley",
    "Kofi",
    "Daniel",
    "Yusuf",
    "Callum",
    "Reuben",
    "Tomasz",
    "Ethan",
    "Noah",
    "Ibrahim",
    "Louis",
    "Kai",
    "Bilal",
    "Dylan",
    "Mason",
    "Samuel",
    "Zain",
    "Oscar",
    "Tyler",
    "Emeka",
    "Luca",
    "Aaron",
    "Jack",
    "Hamza",
    "Ruben",
    "Alfie",
    "Dev",
    "Marcus",
    "Stanley",
    "Tobias",
    "Rory",
    "Idris",
    "Joel",
    "Nathaniel",
    "Ronan",
    "Adil",
    "Kieran",
    "Milo",
)
GIRL_NAMES = (
    "Amara",
    "Olivia",
    "Aisha",
    "Freya",
    "Isla",
    "Maya",
    "Zofia",
    "Poppy",
    "Chloe",
    "Priya",
    "Grace",
    "Niamh",
    "Fatima",
    "Ruby",
    "Leah",
    "Esme",
    "Hana",
    "Imani",
    "Lily",
    "Sofia",
    "Erin",
    "Yasmin",
    "Evie",
    "Nadia",
    "Ella",
    "Tia",
    "Keira",
    "Ava",
    "Mariam",
    "Bethany",
    "Chiamaka",
    "Holly",
    "Layla",
    "Megan",
    "Roisin",
    "Anya",
    "Jasmine",
    "Phoebe",
    "Safa",
    "Willow",
    "Harriet",
    "Lola",
    "Maryam",
    "Eliza",
    "Sienna",
    "Tilly",
    "Zara",
    "Iris",
)
SURNAMES = (
    "Okafor",
    "Smith",
    "Khan",
    "Nowak",
    "Patel",
    "Jones",
    "Williams",
    "Brown",
    "Hussain",
    "Evans",
    "Taylor",
    "Mensah",
    "Walsh",
    "Begum",
    "Kowalski",
    "Thomas",
    "Roberts",
    "Ali",
    "Murphy",
    "Hughes",
    "Clarke",
    "Adeyemi",
    "Wilson",
    "Davies",
    "Ahmed",
    "O'Neill",
    "Campbell",
    "Singh",
    "Green",
    "Baker",
    "Harris",
    "Osei",
    "Wright",
    "Novak",
    "Robinson",
    "Lewis",
    "Chowdhury",
    "Walker",
    "Edwards",
    "Mahmood",
    "Kelly",
    "Turner",
    "Phillips",
    "Bailey",
    "Cooper",
    "Ward",
    "Popescu",
    "Rahman",
    "Fraser",
    "Doyle",
    "Boateng",
    "Hall",
    "Iqbal",
    "Morris",
)
INITIALS = "ABCDEFGHJKLMNPRSTVW"
PLACES = (
    "Oakfield",
    "Riverside",
    "Beacon Hill",
    "Ashgrove",
    "Millbrook",
    "Highfields",
    "Kingsmead",
    "Westwood",
    "Brookside",
    "Hollins",
    "Greenacre",
    "Fairview",
    "Stonebridge",
    "Larkrise",
    "Meadowbank",
    "Hazelwood",
    "Elmhurst",
    "Northgate",
    "Southfield",
    "Castlemead",
    "Thornton",
    "Willowbrook",
    "Harbour View",
    "Redhill",
    "Cedar Park",
    "Foxhill",
    "Linden",
    "Moorside",
    "Parkside",
    "Queensway",
    "Rosedale",
    "Sandhurst Road",
)
COUNCILS = (
    ("Brackenford Borough Council", "BBC"),
    ("Harwick County Council", "HCC"),
    ("Eastmere City Council", "ECC"),
    ("Lowmoor Metropolitan Borough Council", "LMB"),
    ("Kestrel Vale District Council", "KVD"),
    ("Northcombe Council", "NCC"),
    ("Saltby and Wynne Borough Council", "SWB"),
    ("Greyhaven County Council", "GCC"),
)
INTERESTS = (
    ("trains", "timetables of the local trains"),
    ("dinosaurs", "facts about dinosaurs"),
    ("drawing", "drawing cartoons"),
    ("football", "playing football"),
    ("music", "singing and listening to music"),
    ("animals", "looking after animals"),
    ("cooking", "baking with the family"),
    ("swimming", "swimming"),
    ("Lego", "building with Lego"),
    ("computer games", "building worlds in computer games"),
    ("dancing", "dancing"),
    ("space", "planets and space"),
    ("bikes", "riding a bike"),
    ("nature", "being outside in the woods"),
    ("cars", "cars and engines"),
    ("books", "stories read aloud"),
    ("sensory lights", "lights and bubbles"),
    ("water play", "water play"),
    ("horses", "horse riding"),
    ("gardening", "growing vegetables"),
    ("films", "watching films"),
)


@dataclass(frozen=True)
class Pronouns:
    he: str
    him: str
    his: str
    himself: str

    @property
    def He(self) -> str:  # noqa: N802 - reads like the text it produces
        return self.he.capitalize()

    @property
    def His(self) -> str:  # noqa: N802
        return self.his.capitalize()

    def slots(self) -> dict[str, str]:
        return {
            "he": self.he,
            "him": self.him,
            "his": self.his,
            "himself": self.himself,
            "He": self.He,
            "His": self.His,
        }


MALE = Pronouns("he", "him", "his", "himself")
FEMALE = Pronouns("she", "her", "her", "herself")

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def numeric_date(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def adviser_name(rng: random.Random, title: str = "") -> str:
    """Adults appear as initial and surname only, so the child's first name is the only first name in a clean plan."""
    name = f"{rng.choice(INITIALS)}. {rng.choice(SURNAMES)}"
    return f"{title} {name}" if title else name


def age_on(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def year_group_for(dob: date, as_of: date) -> int:
    """England national curriculum year: Reception = 0 for a child aged 4 on 31 August; below 0 before school."""
    start_year = as_of.year if as_of.month >= 9 else as_of.year - 1
    return age_on(dob, date(start_year, 8, 31)) - 4


def year_group_label(year: int) -> str:
    if year <= -2:
        return "Early years (not yet in nursery class)"
    if year == -1:
        return "Nursery"
    if year == 0:
        return "Reception"
    if year <= 13:
        return f"Year {year}"
    return f"Year {year} (post-19)"


def phase_of(year: int) -> str:
    if year < 0:
        return "early"
    if year <= 6:
        return "primary"
    if year <= 11:
        return "secondary"
    return "post16"


def future_review_year(as_of: date) -> int:
    """The calendar year of the next July that is safely ahead of ``as_of``."""
    return as_of.year + 1 if as_of.month >= 5 else as_of.year


def days_before(as_of: date, rng: random.Random, low: int, high: int) -> date:
    return as_of - timedelta(days=rng.randint(low, high))
