"""``render(plan, fmt, path)``: write one plan as DOCX, PDF or plain text."""

from __future__ import annotations

from pathlib import Path

from ehcp_analysis.synth.render_docx import render_docx
from ehcp_analysis.synth.render_pdf import render_pdf
from ehcp_analysis.synth.render_txt import render_txt
from ehcp_analysis.synth.types import SyntheticPlan

FORMATS: tuple[str, ...] = ("docx", "pdf", "txt")


def render_bytes(plan: SyntheticPlan, fmt: str) -> bytes:
    if fmt == "docx":
        return render_docx(plan)
    if fmt == "pdf":
        return render_pdf(plan)
    if fmt == "txt":
        return render_txt(plan)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def render(plan: SyntheticPlan, fmt: str, path: Path | str) -> Path:
    data = render_bytes(plan, fmt)
    out = Path(path)
    out.write_bytes(data)
    return out
