"""Plain-text rendering: one block per paragraph, table rows as cells joined with " | " (the block's own text)."""

from __future__ import annotations

from ehcp_analysis.synth.types import SyntheticPlan


def render_txt(plan: SyntheticPlan) -> bytes:
    lines: list[str] = []
    previous = ""
    for block in plan.blocks:
        if block.kind == "heading":
            if lines:
                lines.append("")
            lines.append(block.text)
            if block.level == 1 and plan.template == "section-letters":
                lines.append("=" * len(block.text))  # how plain-text exports of a Word heading often look
            lines.append("")
        elif block.kind == "table_row":
            if previous != "table_row" and block.header:
                lines.append(" | ".join(block.header))
            lines.append(block.text)
        else:
            if previous == "table_row":
                lines.append("")
            lines.append(block.text)
            lines.append("")
        previous = block.kind
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
