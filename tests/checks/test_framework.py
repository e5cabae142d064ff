"""The criteria framework: complete, well formed, and never edited once published."""

from __future__ import annotations

import json

import pytest

from ehcp_analysis.checks import REGISTRY
from ehcp_analysis.framework import (
    ANSWERS,
    PUBLISHED_HASHES,
    FrameworkError,
    content_hash,
    framework_bytes,
    load_framework,
    parse_framework,
)

REQUIRED_CODES = [
    "GEN-01",
    "GEN-02",
    "GEN-03",
    "GEN-04",
    "GEN-05",
    "GEN-06",
    "GEN-07",
    "GEN-09",
    "GEN-10",
    "GEN-11",
    "GEN-12",
    "GEN-14",
    "A-01",
    "A-02",
    "A-05",
    "A-06",
    "A-08",
    "B-01",
    "B-02",
    "B-03",
    "B-05",
    "B-06",
    "C-01",
    "C-02",
    "D-01",
    "D-02",
    "D-03",
    "E-01",
    "E-02",
    "E-03",
    "E-04",
    "E-05",
    "E-06",
    "E-08",
    "F-01",
    "F-02",
    "F-03",
    "F-04",
    "F-05",
    "F-06",
    "F-07",
    "F-08",
    "F-10",
    "G-01",
    "G-02",
    "G-03",
    "G-04",
    "H-01",
    "H-02",
    "H-03",
    "H-04",
    "H-05",
    "I-01",
    "I-02",
    "J-01",
    "K-01",
    "K-02",
    "K-03",
    "P-01",
    "P-02",
    "P-03",
    "P-04",
]


@pytest.mark.parametrize(("framework_id", "version"), sorted(PUBLISHED_HASHES))
def test_published_versions_are_unchanged(framework_id: str, version: str) -> None:
    # If this fails, the file of a published version was edited: restore it and publish a new version instead.
    assert content_hash(framework_bytes(framework_id, version)) == PUBLISHED_HASHES[(framework_id, version)]


def test_default_framework_has_every_minimum_criterion() -> None:
    framework = load_framework()
    assert set(REQUIRED_CODES) <= set(framework.by_code)


def test_every_criterion_is_complete() -> None:
    for criterion in load_framework().criteria:
        assert criterion.text and criterion.source
        assert criterion.guidance.what_good_looks_like and criterion.guidance.good_example
        assert criterion.guidance.poor_example and criterion.guidance.good_example != criterion.guidance.poor_example
        assert 1 <= criterion.weight <= 3
        assert criterion.answer_scale == ANSWERS


def test_findings_inform_existing_criteria_and_back() -> None:
    framework = load_framework()
    for spec in REGISTRY.values():
        assert spec.criterion in framework.by_code, spec.code
    informed = {code for c in framework.criteria for code in c.automated_checks}
    assert informed <= set(REGISTRY)
    assert set(REGISTRY) <= informed  # every finding code feeds at least one criterion


def test_an_edited_published_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from ehcp_analysis import framework as module

    load_framework.cache_clear()
    monkeypatch.setitem(module.PUBLISHED_HASHES, ("england-send", "1"), "0" * 64)
    try:
        with pytest.raises(FrameworkError, match="edited after publication"):
            load_framework("england-send", "1")
    finally:
        load_framework.cache_clear()


def test_unknown_version_is_an_error() -> None:
    with pytest.raises(FrameworkError):
        load_framework("england-send", "999")


def test_a_copy_can_be_parsed_without_the_package() -> None:
    raw = json.loads(framework_bytes("england-send", "1"))
    raw["id"] = "my-council"
    copy = parse_framework(raw)
    assert copy.id == "my-council" and len(copy.criteria) == len(load_framework().criteria)
    raw["criteria"].append(raw["criteria"][0])
    with pytest.raises(FrameworkError, match="unique"):
        parse_framework(raw)


def test_grade_bands_cover_one_to_ten() -> None:
    framework = load_framework()
    assert [framework.grade_for(s) for s in (1, 3, 4, 5, 6, 8, 9, 10)] == [
        "inadequate",
        "inadequate",
        "requires-improvement",
        "requires-improvement",
        "good",
        "good",
        "outstanding",
        "outstanding",
    ]
