"""Fuzzing the readers: whatever the bytes, the outcome is a PlanDocument or a ReadError with a known code."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ehcp_analysis.model import PlanDocument, ReadError
from ehcp_analysis.readers import read_document
from ehcp_analysis.readers.errors import ERROR_CODES
from tests.readers.builders import SIMPLE_PLAN, docx_bytes, odt_bytes, pdf_bytes

DOCX = docx_bytes(SIMPLE_PLAN)
PDF = pdf_bytes([SIMPLE_PLAN])
ODT = odt_bytes(SIMPLE_PLAN)
FUZZ = settings(
    max_examples=int(os.environ.get("EHCPQA_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def outcome(data: bytes, suffix: str) -> PlanDocument | ReadError:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"plan{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except ReadError as err:
            assert err.code in ERROR_CODES
            assert err.message and "Traceback" not in err.message
            return err
    assert isinstance(doc, PlanDocument)
    for block in doc.blocks() + doc.unplaced:
        assert block.location is not None
    return doc


def mutate(base: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(base)
    for pos, value in edits:
        data[pos % len(data)] = value
    return bytes(data[:cut] if cut else data)


@FUZZ
@given(st.binary(max_size=4096), st.sampled_from([".docx", ".pdf", ".txt", ".doc", ""]))
def test_random_bytes(data: bytes, suffix: str) -> None:
    outcome(data, suffix)


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=8), st.none() | st.integers(1, len(DOCX))
)
def test_mutated_docx(edits: list[tuple[int, int]], cut: int | None) -> None:
    outcome(mutate(DOCX, edits, cut), ".docx")


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=8), st.none() | st.integers(1, len(PDF))
)
def test_mutated_pdf(edits: list[tuple[int, int]], cut: int | None) -> None:
    outcome(mutate(PDF, edits, cut), ".pdf")


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=8), st.none() | st.integers(1, len(ODT))
)
def test_mutated_odt(edits: list[tuple[int, int]], cut: int | None) -> None:
    outcome(mutate(ODT, edits, cut), ".odt")


@FUZZ
@given(st.text(max_size=3000))
def test_any_text(text: str) -> None:
    result = outcome(text.encode("utf-8", "surrogatepass"), ".txt")
    if isinstance(result, ReadError):
        assert result.code in ("empty", "unsupported-format", "corrupt")


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["h1", "h2", "bold", "p"]),
            st.sampled_from(
                [
                    "Section A: All about me",
                    "Part F \u2013 The help I will get",
                    "Sections C and G",
                    "3. My health",
                    "Health",
                    "Outcomes",
                    "H1",
                    "I like trains.",
                    "Special educational provision",
                    "K",
                ]
            ),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_heading_arrangement_places_every_block_once(items: list[tuple[str, object]]) -> None:
    result = outcome(docx_bytes(items), ".docx")
    assert isinstance(result, PlanDocument)
    placed = result.blocks() + result.unplaced
    headings = [h for s in {id(s): s for s in result.sections.values()}.values() for h in s.headings]
    assert len(placed) + len(headings) == len(items)
    assert sorted(b.index for b in placed + headings) == list(range(len(items)))
