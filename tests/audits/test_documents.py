from __future__ import annotations

from datetime import date

from ehcpqa.audits.documents import mask_identity, section_texts


def test_names_and_date_of_birth_are_masked() -> None:
    text = "Sam Okafor (born 04/03/2012, also 4 March 2012) lives with Sam's mum. Contact: Pat Jones."
    masked = mask_identity(
        text, child_names=["Sam Okafor"], date_of_birth=date(2012, 3, 4), officer_names=["Pat Jones"]
    )
    assert "Sam" not in masked and "Okafor" not in masked
    assert "2012" not in masked
    assert "Pat" not in masked and "Jones" not in masked
    assert "[name]" in masked and "[date of birth]" in masked and "[case officer]" in masked


def test_masking_keeps_words_that_merely_contain_a_name() -> None:
    assert mask_identity("Samples were taken.", child_names=["Sam"]) == "Samples were taken."


def test_section_texts_reads_lists_and_mappings() -> None:
    as_list = {"sections": [{"id": "A", "blocks": [{"text": "One"}, {"text": " "}, "Two"]}]}
    as_map = {"sections": {"F": {"text": "Line 1\nLine 2"}}}
    assert section_texts(as_list) == {"A": ["One", "Two"]}
    assert section_texts(as_map) == {"F": ["Line 1", "Line 2"]}
    assert section_texts({}) == {} and section_texts(None) == {}
