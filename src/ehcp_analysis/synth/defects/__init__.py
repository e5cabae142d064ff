"""Deliberate defects, one injector per finding code (PRODUCT.md section 8).

Each injector edits the content model of a clean plan and returns what it did, or None when the code cannot apply
to this plan (no health needs for G.unquantified, not Year 9+ for the PfA codes...). An injector claims the
sections it touches so two defects never land on the same text; where one fault necessarily is another too (an
empty section C is also an empty section), both codes are recorded.
"""

from __future__ import annotations

import random
from datetime import date

from ehcp_analysis.synth.content import Content
from ehcp_analysis.synth.defects.base import Ctx, Injector, Pending
from ehcp_analysis.synth.defects.general import (
    drafting_residue,
    empty_section,
    missing_section,
    name_mismatch,
    out_of_date,
    placeholder,
    readability,
    wrong_section,
)
from ehcp_analysis.synth.defects.outcomes_provision import (
    delegated,
    e_pfa_missing,
    f_pfa_missing,
    need_without_provision,
    no_deliverer,
    not_measurable,
    not_time_bound,
    provision_as_outcome,
    range_or_ceiling,
    unquantified,
    vague_outcome,
    vague_wording,
)
from ehcp_analysis.synth.defects.services import (
    educational_in_g,
    g_need_without_provision,
    g_unquantified,
    h_need_without_provision,
    h_unquantified,
    j_missing,
    misclassified,
    missing_adviser,
    named_in_draft,
    no_advice_list,
    no_placement_named,
    stale_advice,
)
from ehcp_analysis.synth.defects.views_needs import (
    c_none_not_stated,
    d_none_not_stated,
    diagnosis_without_impact,
    looked_after_no_social_care,
    no_aspirations,
    no_child_voice,
    no_parent_views,
)
from ehcp_analysis.synth.profile import Profile
from ehcp_analysis.synth.types import Layout

INJECTORS: dict[str, Injector] = {
    "STRUCT.missing-section": missing_section,
    "STRUCT.empty-section": empty_section,
    "GEN.placeholder": placeholder,
    "GEN.drafting-residue": drafting_residue,
    "GEN.name-mismatch": name_mismatch,
    "GEN.out-of-date": out_of_date,
    "GEN.wrong-section": wrong_section,
    "GEN.readability": readability,
    "A.no-child-voice": no_child_voice,
    "A.no-aspirations": no_aspirations,
    "A.no-parent-views": no_parent_views,
    "B.diagnosis-without-impact": diagnosis_without_impact,
    "C.none-not-stated": c_none_not_stated,
    "D.none-not-stated": d_none_not_stated,
    "D.looked-after-no-social-care": looked_after_no_social_care,
    "E.not-time-bound": not_time_bound,
    "E.not-measurable": not_measurable,
    "E.vague-outcome": vague_outcome,
    "E.provision-as-outcome": provision_as_outcome,
    "E.pfa-missing": e_pfa_missing,
    "F.pfa-missing": f_pfa_missing,
    "F.vague-wording": vague_wording,
    "F.unquantified": unquantified,
    "F.no-deliverer": no_deliverer,
    "F.delegated": delegated,
    "F.range-or-ceiling": range_or_ceiling,
    "F.need-without-provision": need_without_provision,
    "G.educational-provision": educational_in_g,
    "G.unquantified": g_unquantified,
    "G.need-without-provision": g_need_without_provision,
    "H.unquantified": h_unquantified,
    "H.need-without-provision": h_need_without_provision,
    "H.misclassified": misclassified,
    "I.no-placement-named": no_placement_named,
    "I.named-in-draft": named_in_draft,
    "J.missing": j_missing,
    "K.no-advice-list": no_advice_list,
    "K.stale-advice": stale_advice,
    "K.missing-adviser": missing_adviser,
}
# Codes that need a rare plan (looked after, Year 9+, a draft) are tried first when they apply, so they turn up
# often enough in a corpus to measure a checker on them.
RARE = ("D.looked-after-no-social-care", "E.pfa-missing", "F.pfa-missing", "I.named-in-draft")


def inject(
    content: Content, profile: Profile, layout: Layout, rng: random.Random, as_of: date, count: int
) -> list[Pending]:
    """Put ``count`` defects (fewer if not enough apply) into ``content``; return what was put where."""
    ctx = Ctx(content, profile, layout, rng, as_of)
    codes = list(INJECTORS)
    rng.shuffle(codes)
    rare = [c for c in RARE if rng.random() < 0.25]
    codes = rare + [c for c in codes if c not in rare]
    done: list[Pending] = []
    applied = 0
    for code in codes:
        if applied >= count:
            break
        result = INJECTORS[code](ctx)
        if result:
            done.extend(result)
            applied += 1
    return done


__all__ = ["INJECTORS", "Pending", "inject"]
