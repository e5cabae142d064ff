"""Speed of the whole pre-audit, against the bare reading time of the same files, measured in the same run.

For each of DOCX and PDF, ``--count`` synthetic plans (default 2,000) are generated once, then, on one core in one
process:

* read     - ``ehcp_analysis.readers.read_document`` of every file and nothing else;
* pipeline - what ``ehcpqa check --format json`` does for each file: read, run every check, score, build the report
  dict and serialise it (to a null sink, so disk speed does not count).

Each figure is the best of ``--repeat`` passes (default 1: at 2,000 plans a pass is long enough to be steady). The
ratio is pipeline / read: how much the checks, scoring and report add on top of reading (1.0 would be free).

Run: ``.venv/bin/python bench/bench_pipeline.py [--count N]`` (writes bench/results/pipeline.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ehcp_analysis import ENGINE_VERSION
from ehcp_analysis.cli import check_file
from ehcp_analysis.readers import read_document
from ehcp_analysis.report import JsonRunWriter
from ehcp_analysis.synth import generate_corpus

RESULTS = Path(__file__).parent / "results" / "pipeline.json"
AS_OF = date(2026, 11, 23)  # fixed so the currency checks do the same work on every run


def time_read(files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        read_document(path)
    return time.perf_counter() - started


def time_pipeline(files: list[Path]) -> tuple[float, int, int]:
    """Seconds for the whole pre-audit of ``files``, the number of files that failed, and the findings raised."""
    failed = findings = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        writer = JsonRunWriter(sink)
        started = time.perf_counter()
        writer.begin()
        for path in files:
            report, _document = check_file(path, today=AS_OF)
            writer.add(report)
            failed += 0 if report["ok"] else 1
            findings += len(report["findings"])
        writer.finish()
        elapsed = time.perf_counter() - started
    return elapsed, failed, findings


def bench_format(files: list[Path], repeat: int) -> dict[str, object]:
    # Warm up imports, regex compilation and the page cache so the first timed pass is not penalised.
    for path in files[:20]:
        check_file(path, today=AS_OF)
    read_s = min(time_read(files) for _ in range(repeat))
    runs = [time_pipeline(files) for _ in range(repeat)]
    pipeline_s, failed, findings = min(runs)
    n = len(files)
    return {
        "plans": n,
        "read_seconds": round(read_s, 3),
        "pipeline_seconds": round(pipeline_s, 3),
        "read_plans_per_second": round(n / read_s, 1),
        "pipeline_plans_per_second": round(n / pipeline_s, 1),
        "ms_per_plan": round(1000 * pipeline_s / n, 2),
        "checks_and_report_ms_per_plan": round(1000 * (pipeline_s - read_s) / n, 2),
        "ratio_to_read": round(pipeline_s / read_s, 2),
        "failed_files": failed,
        "findings_per_plan": round(findings / n, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=2000, help="plans per format (default 2000)")
    parser.add_argument("--formats", default="docx,pdf", help="comma-separated formats (default docx,pdf)")
    parser.add_argument("--repeat", type=int, default=1, help="passes per measurement; the best is kept")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]

    results: dict[str, object] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        started = time.perf_counter()
        generate_corpus(count=args.count, out_dir=Path(tmp), formats=formats, seed=args.seed, as_of=AS_OF)
        print(f"generated {args.count} plans x {len(formats)} formats in {time.perf_counter() - started:.1f} s")
        for fmt in formats:
            files = sorted(Path(tmp).glob(f"*.{fmt}"))
            figures = bench_format(files, args.repeat)
            results[fmt] = figures
            print(
                f"{fmt:>4}: {figures['pipeline_plans_per_second']:>7} plans/s full pre-audit "
                f"({figures['ms_per_plan']} ms a plan), read only {figures['read_plans_per_second']} plans/s, "
                f"ratio {figures['ratio_to_read']}, {figures['failed_files']} failed"
            )

    record = {
        "benchmark": "pipeline",
        "date": date.today().isoformat(),
        "engine_version": ENGINE_VERSION,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "processes": 1,
        # The machine may be shared: a load average above the core count means the figures are pessimistic.
        "load_average_1min": {"start": round(load_before, 2), "end": round(os.getloadavg()[0], 2)},
        "count": args.count,
        "repeat": args.repeat,
        "seed": args.seed,
        "formats": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    failed = sum(int(str(f["failed_files"])) for f in results.values() if isinstance(f, dict))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
