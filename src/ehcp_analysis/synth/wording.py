"""Many wordings for each defect, so a checker has to recognise the fault rather than one fixed phrase."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from ehcp_analysis.synth.content import ProvItem, cap
from ehcp_analysis.synth.people import MONTHS

PLACEHOLDER_LABELS = {
    "A": ("Early history", "Family circumstances", "Birth history", "Previous settings", "Languages spoken at home"),
    "B": (
        "Current attainment",
        "Reading age",
        "Attendance this year",
        "Latest assessment results",
        "Date of last assessment",
    ),
    "D": ("Social worker", "Early help involvement", "Family support history"),
}
PLACEHOLDER_TOKENS = (
    "TBC",
    "[INSERT DETAILS]",
    "[insert from school report]",
    "XX",
    "to be confirmed",
    "information not available",
    "[ADD TEXT HERE]",
    "<<enter details>>",
    "[Name of professional]",
    "TBC – awaiting report",
    "XX/XX/XXXX",
)
PLACEHOLDER_SENTENCES = (
    "{n} has attended the setting since XX.",
    "{n}'s reading age is [INSERT].",
    "Date of last assessment: TBC.",
    "{n} was referred to the service in [YEAR] by [REFERRER].",
    "Information not available at the time of writing.",
    "Details of {n}'s previous schools to be confirmed.",
)


def placeholder_line(rng: random.Random, section: str, name: str) -> str:
    if rng.random() < 0.4:
        return rng.choice(PLACEHOLDER_SENTENCES).format(n=name)
    label = rng.choice(PLACEHOLDER_LABELS.get(section, PLACEHOLDER_LABELS["B"]))
    return f"{label}: {rng.choice(PLACEHOLDER_TOKENS)}"


RESIDUE = (
    "This completes section {s}.",
    "Save the output before moving on to section {next}.",
    "Delete this guidance text before the plan is sent to the family.",
    "Caseworker note: check these with the family before issue.",
    "Copy the wording from the advice reports into this box.",
    "Generated from the plan template – review before sending.",
    "Reviewer to agree the wording of this section with the setting.",
    "Guidance for writers: describe what the child can and cannot do, not the diagnosis.",
    "Remember to update section {next} to match.",
    "Version 3 – comments from panel to be added here.",
    "End of section {s}. Continue to section {next}.",
)
NEXT = {"A": "B", "B": "C", "E": "F", "F": "G", "K": "A"}


def residue(rng: random.Random, section: str) -> str:
    return rng.choice(RESIDUE).format(s=section, next=NEXT.get(section, "F"))


def past_timescale(rng: random.Random, as_of: date, year_group: int) -> str:
    options = [f"By July {as_of.year - rng.randint(1, 2)}", f"By {MONTHS[rng.randint(0, 11)]} {as_of.year - 2}"]
    if 3 <= year_group <= 11:
        options.append(f"By the end of Year {year_group - rng.randint(1, 2)}")
    return rng.choice(options)


JARGON_OPENERS = (
    "{n} presents with ASC and co-occurring SPD, with the EP and SaLT reporting deficits in EF and WM",
    "Assessment by the EP using the BAS-3 indicates {n}'s VCI and PSI fall below the 5th centile",
    "{n} has a dual diagnosis of ADHD and ASC, with SALT and OT reports noting significant RLD and DCD traits",
    "The CAMHS and EP reports describe {n}'s SEMH presentation as consistent with ACEs and an insecure attachment style",
)
JARGON_MIDDLES = (
    "which impacts on {his} ability to access QFT without differentiated AfL, scaffolding and over-learning",
    "which, when considered holistically within the graduated approach and the APDR cycle, indicates a need for a TEACCH-informed, multi-modal pedagogy",
    "and this is compounded by dysregulation across unstructured transitions and reduced proprioceptive and vestibular modulation",
    "resulting in a spiky profile with significant discrepancies between receptive and expressive modalities and psychometric indices",
)
JARGON_ENDS = (
    "requiring ongoing SENCo oversight, ELSA input and consideration of a PECS-based TA-led programme.",
    "so a multi-agency TAF approach with input from the LA's SEMH outreach team is indicated.",
    "and the IEP and PSP targets will therefore need to be reconsidered by the SLT with reference to the CoP.",
    "and the team around the child recommend an LSA-delivered ELKLAN-informed approach alongside SALT and OT consultation.",
)


def jargon(rng: random.Random, name: str, his: str) -> str:
    parts = [rng.choice(JARGON_OPENERS), rng.choice(JARGON_MIDDLES), rng.choice(JARGON_ENDS)]
    return (", ".join(parts[:2]) + ", " + parts[2]).format(n=name, his=his)


REPORTED_VOICE = (
    "{n}'s teacher reports that {he} enjoys {interest_long}.",
    "Staff say that {n} seems happy at {setting_short} most days.",
    "It is understood that {n} likes {interest}.",
    "{n} was not available to give views for this plan.",
)


def bare_diagnosis(rng: random.Random, name: str, diagnosis: str, born: int) -> str:
    year = born + rng.randint(2, 5)
    return rng.choice(
        (
            f"{name} has {diagnosis}.",
            f"{name} has a diagnosis of {diagnosis} (confirmed {year}).",
            f"Diagnosis: {diagnosis}.",
            f"{cap(diagnosis)} was diagnosed in {year}.",
            f"{name} has {diagnosis} and needs support with this.",
        )
    )


NON_STATEMENTS = {
    "C": (
        "See the health advice in section K.",
        "Please refer to the paediatric report.",
        "Health: see attached reports.",
        "Health information is held by the school nurse.",
    ),
    "D": (
        "See section H.",
        "Please refer to the social care advice.",
        "Social care: see attached.",
        "The family have been given information about the local offer.",
    ),
}


def service_as_outcome(rng: random.Random, prov: ProvItem) -> str:
    label = prov.label[0].lower() + prov.label[1:]
    return rng.choice(
        (
            f"receive {label} from {prov.who}",
            f"have {label} sessions",
            f"be supported by {prov.who}",
            f"attend {label} {prov.freq}" if prov.freq else f"attend {label}",
            f"be given {label}",
        )
    )


HEDGE_SUFFIXES = (
    "where possible",
    "as required",
    "as and when needed",
    "when staff are available",
    "if appropriate",
    "subject to availability",
)
VAGUE_FREQUENCIES = ("regularly", "on a regular basis", "as required", "when needed", "frequently")
EXAMPLES = (
    ", or an equivalent programme",
    ", using resources such as picture cards and games",
    " or similar activities",
    ", such as games and role play",
)


def hedge(rng: random.Random, prov: ProvItem) -> ProvItem:
    kind = rng.choice(("lead-access", "lead-opportunities", "suffix", "frequency", "example"))
    if kind == "lead-access":
        return replace(prov, lead="access", pattern=0)
    if kind == "lead-opportunities":
        return replace(prov, lead="opportunities", pattern=0)
    if kind == "frequency" and prov.dur:
        return replace(prov, freq=rng.choice(VAGUE_FREQUENCIES), pattern=0)
    if kind == "example":
        return replace(prov, what=prov.what + rng.choice(EXAMPLES))
    return replace(prov, suffix=rng.choice(HEDGE_SUFFIXES))


NO_DELIVERER = (
    "an adult",
    "staff",
    "a member of staff",
    "a member of the team",
    "school staff",
    "the setting",
    "a suitable adult",
    "support staff",
    "an appropriate person",
)


def delegate(rng: random.Random, prov: ProvItem) -> ProvItem:
    kind = rng.choice(("frequency", "nature", "duration"))
    if kind == "frequency":
        return replace(
            prov,
            freq=rng.choice(
                (
                    "at a frequency to be determined by the school",
                    "as often as the setting decides",
                    "at a frequency to be agreed by the setting",
                    "as advised by the therapist",
                    "as often as the school judges necessary",
                )
            ),
            pattern=0,
        )
    if kind == "nature":
        return replace(
            prov,
            what=rng.choice(
                (
                    "deliver a programme to be decided by the setting",
                    "provide an intervention chosen by the school",
                    "carry out a programme as advised by the specialist service",
                    "deliver support to be determined following assessment",
                )
            ),
        )
    return replace(
        prov,
        dur=rng.choice(("a length of time decided by school staff", "a duration to be agreed by the setting")),
        pattern=0,
    )


def ranged(rng: random.Random, prov: ProvItem) -> ProvItem:
    kind = rng.choice(("frequency", "duration", "deliverer"))
    if kind == "frequency":
        return replace(
            prov,
            freq=rng.choice(
                (
                    "up to three times a week",
                    "between two and four times a week",
                    "one to three times a week",
                    "up to once a day",
                )
            ),
            pattern=0,
        )
    if kind == "duration":
        return replace(
            prov, dur=rng.choice(("20 to 30 minutes", "up to 45 minutes", "between 15 and 30 minutes", "up to an hour"))
        )
    others = [
        o
        for o in ("a teaching assistant", "a learning mentor", "another member of the support team")
        if o not in prov.who
    ]
    return replace(prov, who=f"{prov.who} or {rng.choice(others)}")


NO_HEALTH_PROVISION_AGREED = (
    "No health provision has been agreed.",
    "Health provision: none specified.",
    "No health provision is listed at this time.",
)


def type_only(rng: random.Random, setting_type: str, name: str) -> str:
    lower = setting_type[0].lower() + setting_type[1:]
    article = "an" if lower[0] in "aeiou" else "a"
    return rng.choice(
        (
            f"{cap(article)} {lower}.",
            f"Type of setting: {setting_type}.",
            f"{name} needs a place at {article} {lower}.",
            f"{setting_type} (name of setting not yet agreed).",
        )
    )
