"""Synthetic EHCP corpus: invented plans in three council styles, with ground truth and deliberate defects.

Public API: ``build_plan``, ``SyntheticPlan`` (``TruthBlock``, ``Defect``), ``render`` and ``generate_corpus``;
the ``generate`` subcommand lives in ``ehcp_analysis.synth.cli``.
"""

from ehcp_analysis.synth.build import build_plan
from ehcp_analysis.synth.corpus import LABELS_SCHEMA, generate_corpus, plan_from_labels
from ehcp_analysis.synth.render import FORMATS, render
from ehcp_analysis.synth.types import GENERATOR_VERSION, TEMPLATES, Defect, Layout, SyntheticPlan, TruthBlock

__all__ = [
    "FORMATS",
    "GENERATOR_VERSION",
    "LABELS_SCHEMA",
    "TEMPLATES",
    "Defect",
    "Layout",
    "SyntheticPlan",
    "TruthBlock",
    "build_plan",
    "generate_corpus",
    "plan_from_labels",
    "render",
]
