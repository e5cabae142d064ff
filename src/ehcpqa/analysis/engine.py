"""The bridge to the pure-Python engine: read a file, analyse it, and return plain data ready to store.

Kept free of the ORM so it can run in a worker process (the demo seed analyses in a process pool) and so a slow or
failing read never holds a database transaction open.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ehcp_analysis import ENGINE_VERSION
from ehcp_analysis.model import SECTION_IDS, Block, PlanDocument, PlanMetadata, ReadError

logger = logging.getLogger(__name__)

INTERNAL_ERROR = "internal-error"
INTERNAL_MESSAGE = "The automated pre-audit failed on this document. Try again later or ask for help."


@dataclass
class EngineOutcome:
    ok: bool
    as_of: date
    engine_version: str = ENGINE_VERSION
    error_code: str = ""
    error_message: str = ""
    document: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    suggested_score: int | None = None
    suggested_grade: str = ""
    section_grades: dict[str, str] = field(default_factory=dict)


def analyse_file(path: Path, *, as_of: date) -> EngineOutcome:
    """Read and pre-audit one file. Never raises for a bad document: the outcome carries the reason instead."""
    from ehcp_analysis.pipeline import analyse_document
    from ehcp_analysis.readers import read_document

    try:
        document = read_document(path)
    except ReadError as exc:
        return EngineOutcome(ok=False, as_of=as_of, error_code=exc.code, error_message=exc.message[:500])
    try:
        analysis = analyse_document(document, today=as_of)
    except Exception as exc:  # noqa: BLE001 - one plan's failure must not stop the others
        # Only the exception type is logged: its message could quote the plan.
        logger.error("Analysis engine failed (%s)", type(exc).__name__)
        return EngineOutcome(ok=False, as_of=as_of, error_code=INTERNAL_ERROR, error_message=INTERNAL_MESSAGE)
    scores = analysis.scores
    return EngineOutcome(
        ok=True,
        as_of=as_of,
        document=document_as_json(document),
        metadata=metadata_as_json(document.metadata),
        findings=[f.as_dict() for f in analysis.findings],
        suggested_score=scores.overall_score,
        suggested_grade=scores.overall_grade or "",
        section_grades=dict(scores.section_grades),
    )


def block_as_json(block: Block) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": block.kind.value,
        "text": block.text,
        "paragraph": block.location.paragraph if block.location else None,
        "page": block.page,
    }
    if block.cells:
        out["cells"] = list(block.cells)
        out["header"] = list(block.header)
    return out


def document_as_json(document: PlanDocument) -> dict[str, Any]:
    """The read document, sections in statutory order, for display beside the findings."""
    sections = []
    for section_id in SECTION_IDS:
        section = document.section(section_id)
        if section is None:
            continue
        sections.append(
            {
                "id": section.id,
                "title": section.title,
                "shared_with": list(section.shared_with),
                "blocks": [block_as_json(b) for b in section.blocks],
            }
        )
    return {
        "format": document.format,
        "pages": document.pages,
        "characters": document.characters,
        "sections": sections,
        "missing": [sid for sid in SECTION_IDS if document.section(sid) is None],
        "unplaced": [block_as_json(b) for b in document.unplaced],
    }


def metadata_as_json(metadata: PlanMetadata) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in dataclasses.asdict(metadata).items():
        out[key] = value.isoformat() if isinstance(value, date) else value
    return out
