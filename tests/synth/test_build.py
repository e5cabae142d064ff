"""build_plan: deterministic, well-formed, good practice when clean, honestly labelled when not."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ehcp_analysis.model import SECTION_IDS
from ehcp_analysis.synth import TEMPLATES, build_plan
from ehcp_analysis.synth.defects import INJECTORS
from ehcp_analysis.synth.render import render_bytes

AS_OF = date(2026, 11, 23)
PRIMARY_NEEDS = {"ASD", "SLCN", "SEMH", "MLD", "SpLD", "SLD", "PMLD", "HI", "VI", "MSI", "PD", "OTH"}
HEDGES = (
    "access to",
    "opportunit",
    "as required",
    "regular",
    "where possible",
    "such as",
    "or equivalent",
    "support from",
    "a member of staff",
    "small group",
    "up to",
    "as advised",
    "to be determined",
)


def test_same_inputs_give_identical_plans_and_bytes() -> None:
    for index in (1, 2, 3):
        a = build_plan(seed=11, index=index, as_of=AS_OF, defect_rate=0.7)
        b = build_plan(seed=11, index=index, as_of=AS_OF, defect_rate=0.7)
        assert a == b
        for fmt in ("txt", "docx", "pdf"):
            assert render_bytes(a, fmt) == render_bytes(b, fmt)


def test_seed_and_index_change_the_plan() -> None:
    base = build_plan(seed=11, index=1, as_of=AS_OF)
    assert build_plan(seed=12, index=1, as_of=AS_OF).blocks != base.blocks
    assert build_plan(seed=11, index=2, as_of=AS_OF).blocks != base.blocks


def test_defect_rate_does_not_change_the_child() -> None:
    clean = build_plan(seed=4, index=9, as_of=AS_OF, defect_rate=0.0)
    faulty = build_plan(seed=4, index=9, as_of=AS_OF, defect_rate=1.0)
    assert clean.metadata["child_name"] == faulty.metadata["child_name"]
    assert clean.template == faulty.template


def test_metadata_and_blocks_are_well_formed() -> None:
    for index in range(1, 60):
        plan = build_plan(seed=2, index=index, as_of=AS_OF)
        assert plan.plan_id == f"plan-{index:04d}"
        assert plan.template in TEMPLATES
        md = plan.metadata
        assert md["plan_status"] in ("draft", "final", "amended")
        assert md["primary_need"] in PRIMARY_NEEDS
        assert date.fromisoformat(md["date_of_birth"]) < date.fromisoformat(md["plan_date"]) <= AS_OF
        assert isinstance(md["year_group"], int) and isinstance(md["looked_after"], bool)
        for key in ("setting", "setting_type", "case_officer", "team", "reference"):
            assert md[key]
        for block in plan.blocks:
            assert block.section is None or block.section in SECTION_IDS
            assert block.kind in ("heading", "paragraph", "table_row")
            if block.kind == "table_row":
                assert block.text == " | ".join(block.cells)


def test_template_can_be_forced_and_unknown_template_is_refused() -> None:
    for template in TEMPLATES:
        assert build_plan(seed=1, index=1, as_of=AS_OF, template=template).template == template
    with pytest.raises(ValueError):
        build_plan(seed=1, index=1, as_of=AS_OF, template="scroll")


def test_clean_plans_show_good_practice() -> None:
    for index in range(1, 120):
        plan = build_plan(seed=8, index=index, as_of=AS_OF, defect_rate=0.0)
        assert plan.defects == []
        present = {b.section for b in plan.blocks}
        assert set(SECTION_IDS) <= present, plan.plan_id
        f_text = " ".join(b.text.lower() for b in plan.blocks if b.section == "F")
        assert not [h for h in HEDGES if h in f_text], plan.plan_id
        outcomes = [b.text for b in plan.blocks if b.section == "E" and b.kind != "heading"]
        assert outcomes and all(re.search(r"\bBy\b|Within", o) for o in outcomes)
        texts = [c for b in plan.blocks for c in (b.cells or (b.text,))]
        sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t)]
        assert max(len(s.split()) for s in sentences) <= 45, plan.plan_id  # plain English, even in F
        a_text = " ".join(b.text for b in plan.blocks if b.section == "A")
        assert re.search(r"\bI\b", a_text)  # the child's own words
        if plan.metadata["plan_status"] == "draft":
            assert plan.metadata["setting"] not in " ".join(b.text for b in plan.blocks if b.section == "I")
        else:
            assert plan.metadata["setting"] in " ".join(b.text for b in plan.blocks if b.section == "I")
        if plan.metadata["year_group"] >= 9:
            assert any("adulthood" in b.text.lower() for b in plan.blocks if b.section == "E")


def test_every_defect_is_labelled_with_text_from_the_document() -> None:
    for index in range(1, 200):
        plan = build_plan(seed=5, index=index, as_of=AS_OF, defect_rate=1.0)
        assert plan.defects, plan.plan_id
        txt = render_bytes(plan, "txt").decode("utf-8")
        for defect in plan.defects:
            assert defect.code in INJECTORS
            assert defect.section is None or defect.section in SECTION_IDS
            assert defect.text in txt
            if defect.text:
                assert any(defect.text in b.text for b in plan.blocks if b.section == defect.section)


def test_every_defect_code_is_injected_somewhere() -> None:
    seen = set()
    for index in range(1, 700):
        seen.update(d.code for d in build_plan(seed=9, index=index, as_of=AS_OF, defect_rate=1.0).defects)
    assert set(INJECTORS) <= seen, set(INJECTORS) - seen


def test_defect_rate_is_respected_roughly() -> None:
    plans = [build_plan(seed=6, index=i, as_of=AS_OF, defect_rate=0.3) for i in range(1, 401)]
    share = sum(1 for p in plans if p.defects) / len(plans)
    assert 0.22 < share < 0.38
    assert all(len(p.defects) <= 8 for p in plans)  # 1-4 faults, some of which carry two codes


def test_missing_sections_are_really_missing() -> None:
    for index in range(1, 400):
        plan = build_plan(seed=10, index=index, as_of=AS_OF, defect_rate=1.0)
        present = {b.section for b in plan.blocks}
        for defect in plan.defects:
            if defect.code == "STRUCT.missing-section":
                assert defect.section not in present
            if defect.code == "STRUCT.empty-section":
                body = [b for b in plan.blocks if b.section == defect.section and b.kind != "heading"]
                assert body == []


def test_text_is_varied_across_plans() -> None:
    sentences: list[str] = []
    for index in range(1, 51):
        for block in build_plan(seed=3, index=index, as_of=AS_OF).blocks:
            if block.section and block.kind != "heading":
                sentences += [s for s in re.split(r"(?<=[.!?])\s+", block.text) if s]
    assert len(set(sentences)) / len(sentences) > 0.5


def test_corpus_covers_ages_needs_and_special_cases() -> None:
    plans = [build_plan(seed=1, index=i, as_of=AS_OF) for i in range(1, 301)]
    assert {p.metadata["primary_need"] for p in plans} == PRIMARY_NEEDS
    assert any(p.metadata["year_group"] < 0 for p in plans)
    assert any(p.metadata["year_group"] >= 9 for p in plans)
    assert any(p.metadata["looked_after"] for p in plans)
    assert {p.metadata["plan_status"] for p in plans} == {"draft", "final", "amended"}
    assert any(p.layout.combined_c_g for p in plans) and any(not p.layout.split_h for p in plans)


def test_combined_headings_label_each_block_with_its_true_section() -> None:
    plans = [build_plan(seed=1, index=i, as_of=AS_OF, defect_rate=0.0) for i in range(1, 80)]
    combined = next(p for p in plans if p.layout.combined_c_g)
    heading = next(b for b in combined.blocks if b.group == ("C", "G") and b.level == 1)
    assert heading.section == "C" and "C and G" in heading.text
    under = [b for b in combined.blocks if b.group == ("C", "G") and b.kind != "heading"]
    assert {b.section for b in under} == {"C", "G"}
    unsplit = next(p for p in plans if not p.layout.split_h)
    h_blocks = [b for b in unsplit.blocks if b.group == ("H1", "H2")]
    assert [b.level for b in h_blocks if b.kind == "heading"] == [1]
    assert {b.section for b in h_blocks if b.kind != "heading"} == {"H1", "H2"}
