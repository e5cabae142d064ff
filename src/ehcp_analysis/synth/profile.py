"""The child or young person behind a plan: invented metadata consistent with ``as_of``."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ehcp_analysis.synth import people
from ehcp_analysis.synth.people import FEMALE, MALE, Pronouns

NEED_NAMES = {
    "ASD": "Autism spectrum disorder (ASD)",
    "SLCN": "Speech, language and communication needs (SLCN)",
    "SEMH": "Social, emotional and mental health needs (SEMH)",
    "MLD": "Moderate learning difficulty (MLD)",
    "SpLD": "Specific learning difficulty (SpLD)",
    "SLD": "Severe learning difficulty (SLD)",
    "PMLD": "Profound and multiple learning difficulty (PMLD)",
    "HI": "Hearing impairment (HI)",
    "VI": "Vision impairment (VI)",
    "MSI": "Multi-sensory impairment (MSI)",
    "PD": "Physical disability (PD)",
    "OTH": "Other difficulty or disability (OTH)",
}
EARLY_NEEDS = ("ASD", "SLCN", "SLD", "PMLD", "HI", "VI", "MSI", "PD", "OTH")
ALL_NEEDS = tuple(NEED_NAMES)
SPECIAL_LEANING = {"SLD", "PMLD", "MSI"}

SETTING_TYPES = {
    "early": (
        ("Day Nursery", "Private day nursery"),
        ("Nursery School", "Maintained nursery school"),
        ("Primary School Nursery", "Nursery class in a maintained primary school"),
    ),
    "primary": (
        ("Primary School", "Mainstream maintained primary school"),
        ("Primary Academy", "Mainstream primary academy"),
        ("Church of England Primary School", "Voluntary aided primary school"),
    ),
    "secondary": (
        ("Academy", "Mainstream secondary academy"),
        ("High School", "Maintained secondary school"),
        ("Community College", "Mainstream secondary academy"),
    ),
    "post16": (("College", "General further education college"), ("Sixth Form College", "Sixth form college")),
}
SPECIAL_TYPES = {
    "early": (("Children's Centre Specialist Nursery", "Specialist nursery maintained by the local authority"),),
    "primary": (("School", "Maintained special school"), ("Academy", "Special academy")),
    "secondary": (
        ("School", "Maintained special school"),
        ("Academy", "Special academy"),
        ("Independent School", "Independent special school"),
    ),
    "post16": (
        ("School Sixth Form", "Sixth form of a maintained special school"),
        ("Specialist College", "Specialist post-16 institution"),
    ),
}
TEAMS = {
    "early": "Early Years Team",
    "primary": "{area} Locality Team",
    "secondary": "{area} Locality Team",
    "post16": "Post-16 and Preparing for Adulthood Team",
}
AREAS = ("North", "South", "East", "West", "Central")


@dataclass
class Profile:
    name: str
    surname: str
    pronouns: Pronouns
    dob: date
    year_group: int
    phase: str
    primary_need: str
    looked_after: bool
    status: str  # draft | final | amended
    plan_date: date
    last_review: date | None
    first_plan_year: int
    setting: str
    setting_type: str
    setting_short: str
    case_officer: str
    team: str
    reference: str
    council: str
    interest: tuple[str, str]
    age: int

    @property
    def full_name(self) -> str:
        return f"{self.name} {self.surname}"

    def metadata(self) -> dict[str, Any]:
        return {
            "child_name": self.full_name,
            "date_of_birth": self.dob.isoformat(),
            "year_group": self.year_group,
            "plan_date": self.plan_date.isoformat(),
            "last_review_date": self.last_review.isoformat() if self.last_review else None,
            "plan_status": self.status,
            "looked_after": self.looked_after,
            "setting": self.setting,
            "setting_type": self.setting_type,
            "case_officer": self.case_officer,
            "team": self.team,
            "primary_need": self.primary_need,
            "reference": self.reference,
        }


def _age(rng: random.Random) -> int:
    band = rng.choices(("early", "primary", "secondary", "post16", "adult"), weights=(10, 34, 32, 17, 7))[0]
    low, high = {"early": (0, 4), "primary": (5, 10), "secondary": (11, 15), "post16": (16, 19), "adult": (20, 25)}[
        band
    ]
    return rng.randint(low, high)


def make_profile(rng: random.Random, as_of: date) -> Profile:
    age = _age(rng)
    dob = as_of - timedelta(days=age * 365 + rng.randint(5, 360) + age // 4)
    year_group = people.year_group_for(dob, as_of)
    phase = people.phase_of(year_group)
    age = people.age_on(dob, as_of)
    pronouns = rng.choice((MALE, FEMALE))
    name = rng.choice(people.BOY_NAMES if pronouns is MALE else people.GIRL_NAMES)
    surname = rng.choice(people.SURNAMES)
    need = rng.choice(EARLY_NEEDS if year_group < 0 else ALL_NEEDS)
    special = rng.random() < (0.8 if need in SPECIAL_LEANING else 0.18)
    suffix, setting_type = rng.choice((SPECIAL_TYPES if special else SETTING_TYPES)[phase])
    place = rng.choice(people.PLACES)
    setting = f"{place} {suffix}"
    short = {"early": "nursery", "primary": "school", "secondary": "school", "post16": "college"}[phase]
    status = rng.choices(("draft", "final", "amended"), weights=(15, 50, 35))[0]
    # Reviews every 12 months (every 6 for under-fives); a clean plan is always within that window.
    window = 150 if age < 5 else 320
    if status == "draft":
        plan_date = people.days_before(as_of, rng, 3, 40)
        last_review = people.days_before(plan_date, rng, 20, 60) if rng.random() < 0.4 else None
    elif status == "amended":
        plan_date = people.days_before(as_of, rng, 10, window)
        last_review = plan_date - timedelta(days=rng.randint(20, 70))
    else:
        if rng.random() < 0.5 and age >= 6:
            plan_date = as_of - timedelta(days=rng.randint(400, 1400))
            last_review = people.days_before(as_of, rng, 10, window)
        else:
            plan_date = people.days_before(as_of, rng, 10, window)
            last_review = None
    first_year = min(plan_date.year, (last_review or plan_date).year) - (
        rng.randint(0, max(0, age - 4)) if age > 4 else 0
    )
    council, code = rng.choice(people.COUNCILS)
    team = TEAMS[phase].format(area=rng.choice(AREAS))
    return Profile(
        name=name,
        surname=surname,
        pronouns=pronouns,
        dob=dob,
        year_group=year_group,
        phase=phase,
        primary_need=need,
        looked_after=rng.random() < 0.1 and age < 18,
        status=status,
        plan_date=plan_date,
        last_review=last_review,
        first_plan_year=max(first_year, dob.year + 1),
        setting=setting,
        setting_type=setting_type,
        setting_short=short,
        case_officer=people.adviser_name(rng),
        team=team,
        reference=f"EHC-{code}-{rng.randint(100000, 999999)}",
        council=council,
        interest=rng.choice(people.INTERESTS),
        age=age,
    )
