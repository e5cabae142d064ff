"""``generate_corpus``: many plans in several formats plus ``labels.json``, spread over a process pool."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from ehcp_analysis.synth.build import build_plan
from ehcp_analysis.synth.render import FORMATS, render_bytes
from ehcp_analysis.synth.types import GENERATOR_VERSION, SyntheticPlan, section_headings

LABELS_SCHEMA = "ehcpqa.labels/1"
CHUNK = 25  # plans per task: large enough to amortise process hand-offs, small enough for a smooth progress bar


def _make_chunk(args: tuple[int, list[int], str, tuple[str, ...], date, float]) -> list[dict[str, Any]]:
    seed, indexes, out_dir, formats, as_of, defect_rate = args
    entries = []
    for index in indexes:
        plan = build_plan(seed=seed, index=index, as_of=as_of, defect_rate=defect_rate)
        files = {}
        for fmt in formats:
            name = f"{plan.plan_id}.{fmt}"
            Path(out_dir, name).write_bytes(render_bytes(plan, fmt))
            files[fmt] = name
        entries.append(
            {
                "id": plan.plan_id,
                "files": files,
                "template": plan.template,
                "metadata": plan.metadata,
                "layout": plan.layout.as_dict(),
                "headings": section_headings(plan.blocks),
                "defects": [d.as_dict() for d in plan.defects],
            }
        )
    return entries


def generate_corpus(
    *,
    count: int,
    out_dir: Path,
    formats: Sequence[str],
    seed: int,
    as_of: date,
    defect_rate: float = 0.5,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write ``count`` plans (plan-0001 ...) in each format into ``out_dir`` and return the path of labels.json."""
    if count < 1:
        raise ValueError("count must be at least 1")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}")
    if not 0.0 <= defect_rate <= 1.0:
        raise ValueError("defect_rate must be between 0 and 1")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fmts = tuple(dict.fromkeys(formats))
    indexes = list(range(1, count + 1))
    chunks = [(seed, indexes[i : i + CHUNK], str(out), fmts, as_of, defect_rate) for i in range(0, count, CHUNK)]
    workers = workers or min(os.cpu_count() or 1, len(chunks))
    entries: list[dict[str, Any]] = []
    done = 0
    if progress:
        progress(0, count)
    if workers <= 1:
        results = map(_make_chunk, chunks)
        for chunk in results:
            entries.extend(chunk)
            done += len(chunk)
            if progress:
                progress(done, count)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk in pool.map(_make_chunk, chunks):  # map keeps plan order, so labels.json is deterministic
                entries.extend(chunk)
                done += len(chunk)
                if progress:
                    progress(done, count)
    labels = {
        "schema": LABELS_SCHEMA,
        "seed": seed,
        "as_of": as_of.isoformat(),
        "generator_version": GENERATOR_VERSION,
        "defect_rate": defect_rate,
        "plans": entries,
    }
    path = out / "labels.json"
    path.write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def plan_from_labels(labels: dict[str, Any], plan_id: str) -> SyntheticPlan:
    """Rebuild one plan of a corpus, with its truth blocks, from labels.json (the index is the id's number)."""
    if labels.get("schema") != LABELS_SCHEMA:
        raise ValueError(f"not a {LABELS_SCHEMA} file")
    entry = next((p for p in labels["plans"] if p["id"] == plan_id), None)
    if entry is None:
        raise KeyError(plan_id)
    plan = build_plan(
        seed=int(labels["seed"]),
        index=int(plan_id.rsplit("-", 1)[1]),
        as_of=date.fromisoformat(labels["as_of"]),
        defect_rate=float(labels.get("defect_rate", 0.5)),
    )
    if labels.get("generator_version") != GENERATOR_VERSION or plan.template != entry["template"]:
        raise ValueError("labels.json was written by a different generator version; regenerate the corpus")
    return plan
