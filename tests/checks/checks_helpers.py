"""Build small PlanDocument objects by hand for the check tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ehcp_analysis.model import Block, BlockKind, Location, PlanDocument, PlanMetadata, Section

Row = tuple[tuple[str, ...], tuple[str, ...]]  # (header, cells)
Content = Sequence[str | Row]

TODAY = date(2026, 1, 15)


def make_document(sections: dict[str, Content], **metadata: object) -> PlanDocument:
    """A document whose sections hold the given paragraphs (strings) or table rows ((header, cells))."""
    doc = PlanDocument(source="hand-built", format="txt", pages=None, characters=0)
    index = 0
    for sid, content in sections.items():
        section = Section(id=sid, title=f"Section {sid}")
        section.blocks.append(Block(BlockKind.HEADING, f"Section {sid}", index=index))
        index += 1
        for n, entry in enumerate(content, start=1):
            loc = Location(section=sid, paragraph=n)
            if isinstance(entry, str):
                block = Block(BlockKind.PARAGRAPH, entry, index=index, location=loc)
            else:
                header, cells = entry
                block = Block(
                    BlockKind.TABLE_ROW, " | ".join(cells), index=index, cells=cells, header=header, location=loc
                )
            section.blocks.append(block)
            index += 1
        doc.sections[sid] = section
    doc.characters = sum(s.characters for s in doc.sections.values())
    defaults: dict[str, object] = {
        "child_name": "Jo Smith",
        "date_of_birth": date(2015, 3, 4),
        "year_group": 5,
        "plan_date": date(2025, 6, 1),
        "plan_status": "final",
        "looked_after": False,
    }
    defaults.update(metadata)
    doc.metadata = PlanMetadata(**defaults)  # type: ignore[arg-type]
    return doc


GOOD_PLAN: dict[str, Content] = {
    "A": [
        "\u201cI like drawing dragons and playing football with my friend at break. I don't like it when the hall is noisy.\u201d",
        "When I grow up I want to be an artist or work with animals.",
        "Mum and Dad say Jo is kind and funny, and they would like him to read for pleasure and make friends.",
        "Jo talks in short sentences; give him time to answer and show him pictures to help him choose.",
    ],
    "B": [
        "Communication and interaction",
        "Jo finds it hard to follow spoken instructions with more than two parts, so he often watches other pupils "
        "before starting a task.",
        "Jo has a diagnosis of developmental language disorder, which means he finds it difficult to find the right "
        "words and to put them into sentences.",
        "Cognition and learning",
        "Jo reads about two years below his age; he can blend simple words but loses his place in longer texts.",
        "Social, emotional and mental health",
        "Jo becomes anxious in noisy, crowded places such as the dining hall and may leave the room.",
    ],
    "C": ["Jo has no health needs related to his special educational needs; this was confirmed by his GP in May 2025."],
    "D": ["Jo has no social care needs related to his special educational needs or disability."],
    "E": [
        "By July 2026 Jo will follow a three-part spoken instruction in class on four out of five occasions, as "
        "recorded by his teacher.",
        "By the end of Year 6 Jo will read a book at his level aloud to an adult with 95% accuracy.",
        "By July 2026 Jo will eat lunch in the dining hall with two friends on at least three days a week.",
    ],
    "F": [
        "A speech and language therapist will deliver 1 x 45-minute session every week, 1:1 in a quiet room, to "
        "build Jo's vocabulary and sentence structure.",
        "A teaching assistant trained by the speech and language therapist will practise the therapy targets with "
        "Jo for 15 minutes daily.",
        "A teaching assistant trained in precision teaching will run a reading intervention for 3 x 20 minutes per "
        "week in a group of no more than 3 pupils.",
        "The class teacher will break every instruction into steps and give Jo a visual checklist in every lesson.",
        "A trained ELSA will meet Jo for 30 minutes weekly in the nurture room to work on coping with anxiety, and "
        "Jo will eat lunch in a lunch club of 6 pupils each day, supervised by a teaching assistant.",
    ],
    "G": ["No health provision is required; universal health services (GP, school nurse) continue."],
    "H1": ["No social care provision is required."],
    "H2": ["No social care provision is required."],
    "I": ["Oakfield Primary School, a maintained mainstream primary school."],
    "J": ["A personal budget was not requested; not applicable."],
    "K": [
        "Parent views, Mr and Mrs Smith, 2 April 2025",
        "Educational advice, SENCo at Oakfield Primary School, 10 April 2025",
        "Medical advice, Dr A Khan, community paediatrician, 14 April 2025",
        "Psychological advice, educational psychologist, 20 April 2025",
        "Social care advice, children's social care team, 22 April 2025",
        "Speech and language therapy advice, speech and language therapist, 2 May 2025",
    ],
}
