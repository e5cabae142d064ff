"""``build_plan``: one synthetic plan from (seed, index, as_of), with its ground truth. Pure and deterministic."""

from __future__ import annotations

import random
from datetime import date

from ehcp_analysis.synth.compose import compose
from ehcp_analysis.synth.defects import inject
from ehcp_analysis.synth.layout import lay_out
from ehcp_analysis.synth.profile import make_profile
from ehcp_analysis.synth.types import TEMPLATES, Defect, Layout, SyntheticPlan


def plan_rng(seed: int, index: int, purpose: str) -> random.Random:
    # String seeds hash with SHA-512, so they are stable across runs and Python versions; a separate stream per
    # purpose keeps the base plan identical whatever the defect rate.
    return random.Random(f"ehcpqa-synth/{seed}/{index}/{purpose}")


def choose_layout(rng: random.Random, template: str) -> Layout:
    numbered = template == "part-numbered"
    return Layout(
        combined_c_g=rng.random() < 0.25,
        split_h=rng.random() < 0.7,
        letterless=numbered and rng.random() < 0.5,
        bold_headings=rng.random() < (0.6 if numbered else 0.15),
        page_per_section=rng.random() < 0.9,
    )


def build_plan(
    *, seed: int, index: int, as_of: date, defect_rate: float = 0.5, template: str | None = None
) -> SyntheticPlan:
    if template is not None and template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}; choose from {', '.join(TEMPLATES)}")
    if not 0.0 <= defect_rate <= 1.0:
        raise ValueError("defect_rate must be between 0 and 1")
    rng = plan_rng(seed, index, "content")
    profile = make_profile(rng, as_of)
    chosen = template or rng.choice(TEMPLATES)
    layout = choose_layout(rng, chosen)
    variant = rng.randint(0, 1)
    content = compose(profile, rng, as_of)
    drng = plan_rng(seed, index, "defects")
    pending = []
    if drng.random() < defect_rate:
        pending = inject(content, profile, layout, drng, as_of, count=drng.randint(1, 4))
    blocks, texts = lay_out(content, profile, chosen, layout, variant)
    defects = [Defect(d.code, d.section, texts.get(d.uid, "") if d.uid else d.text) for d in pending]
    return SyntheticPlan(
        plan_id=f"plan-{index:04d}",
        template=chosen,
        metadata=profile.metadata(),
        blocks=blocks,
        defects=defects,
        layout=layout,
        council=profile.council,
    )
