"""How fast the synthetic corpus is made: N plans (default 2,000) in DOCX, PDF and text, on every core.

Also measures the CPU cost of one plan per format in this process, a figure that does not depend on how busy the
machine is. Run: ``.venv/bin/python bench/bench_synth.py [N]`` (writes bench/results/synth.json).
"""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ehcp_analysis.synth import build_plan, generate_corpus
from ehcp_analysis.synth.render import FORMATS, render_bytes

RESULTS = Path(__file__).parent / "results" / "synth.json"
AS_OF = date(2026, 11, 23)


def cpu_per_plan(sample: int = 200) -> dict[str, float]:
    spent = {"build": 0.0, **{fmt: 0.0 for fmt in FORMATS}}
    for index in range(1, sample + 1):
        started = time.process_time()
        plan = build_plan(seed=1, index=index, as_of=AS_OF)
        spent["build"] += time.process_time() - started
        for fmt in FORMATS:
            started = time.process_time()
            render_bytes(plan, fmt)
            spent[fmt] += time.process_time() - started
    return {key: round(1000 * value / sample, 2) for key, value in spent.items()}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        generate_corpus(count=count, out_dir=Path(tmp), formats=list(FORMATS), seed=1, as_of=AS_OF)
        elapsed = time.perf_counter() - started
    cpu = cpu_per_plan()
    results = {
        "python": platform.python_version(),
        "cores": os.cpu_count(),
        "load_average_before": round(load_before, 2),
        "plans": count,
        "formats": list(FORMATS),
        "wall_seconds": round(elapsed, 1),
        "cpu_ms_per_plan": cpu,
        "cpu_ms_per_plan_total": round(sum(cpu.values()), 2),
    }
    print(
        f"synth: {count} plans x {len(FORMATS)} formats in {elapsed:.1f} s on {os.cpu_count()} cores "
        f"(load {load_before:.1f}); CPU a plan {results['cpu_ms_per_plan_total']} ms {cpu}"
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
