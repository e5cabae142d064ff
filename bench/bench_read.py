"""Reading speed and memory of ``read_document``, against a floor measured in the same run.

For DOCX and PDF, synthetic plans are generated once, then read on one core, in one process:

* ours  - ``read_document`` (extraction, paragraphs, running headers, sections, metadata);
* floor - bare text extraction of the same files with the underlying library and nothing else: python-docx
  paragraph and table-cell text for DOCX, pypdfium2 ``get_text_range`` of every page for PDF.

Each timing is the best of ``--repeat`` passes. The ratio is ours / floor in seconds (lower is better; the target is
at most 3). Memory: a child process reads a directory of ``--rss-plans`` files (copies of the generated plans)
through ``iter_documents`` and samples its resident set size as it goes, so flat memory shows as a flat series.

Run: ``.venv/bin/python bench/bench_read.py`` (writes bench/results/read.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "read.json"


def floor_docx(path: Path) -> int:
    from docx import Document

    doc = Document(str(path))
    n = sum(len(p.text) for p in doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                n += len(cell.text)
    return n


def floor_pdf(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    n = 0
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            n += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        doc.close()
    return n


def ours(path: Path) -> int:
    from ehcp_analysis.readers import read_document

    return read_document(path).characters


def best_of(fn: Callable[[Path], int], files: list[Path], repeat: int) -> tuple[float, float]:
    """Best (CPU seconds, wall seconds) over ``repeat`` passes.

    CPU time of this process is what "per core" means and stays honest on a shared machine; wall time is kept
    beside it.
    """
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        for f in files:
            fn(f)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall


def pdf_pages(files: list[Path]) -> float:
    import pypdfium2 as pdfium

    pages = 0
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        pages += len(doc)
        doc.close()
    return pages / len(files)


def generate(out: Path, count: int, fmt: str, seed: int) -> list[Path]:
    from ehcp_analysis.synth import build_plan, render
    from ehcp_analysis.synth.types import TEMPLATES

    files = []
    for i in range(count):
        plan = build_plan(seed=seed, index=i, as_of=date(2026, 1, 15), template=TEMPLATES[i % len(TEMPLATES)])
        path = out / f"plan-{i:04d}.{fmt}"
        render(plan, fmt, path)
        files.append(path)
    return files


def rss_child(directory: str) -> None:
    """Run in a fresh process: read every plan under ``directory`` and print RSS figures (MiB) as JSON.

    RSS is read from /proc after every document (ru_maxrss is not used: after fork and exec it still counts the
    parent's memory).
    """
    from ehcp_analysis.readers import iter_documents

    page = os.sysconf("SC_PAGE_SIZE")

    def rss_mib() -> float:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * page / 2**20

    after_import = rss_mib()
    samples: list[tuple[int, float]] = []
    peak = after_import
    n = errors = 0
    start = time.perf_counter()
    for _path, result in iter_documents([directory]):
        n += 1
        errors += not hasattr(result, "sections")
        now = rss_mib()
        peak = max(peak, now)
        if n % 250 == 0:
            samples.append((n, round(now, 1)))
    elapsed = time.perf_counter() - start
    print(
        json.dumps(
            {
                "plans": n,
                "errors": errors,
                "seconds": round(elapsed, 2),
                "rss_after_import_mib": round(after_import, 1),
                "peak_rss_mib": round(peak, 1),
                "rss_samples_mib": samples,
            }
        )
    )


def measure_rss(sources: list[Path], total: int, tmp: Path) -> dict[str, object]:
    big = tmp / "many"
    big.mkdir()
    for i in range(total):
        src = sources[i % len(sources)]
        dst = big / f"{i:05d}{src.suffix}"
        try:
            os.link(src, dst)  # same bytes, no extra disk; each is still opened and read in full
        except OSError:
            shutil.copyfile(src, dst)
    out = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(big)], check=True, capture_output=True, text=True
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description="Reading bench")
    parser.add_argument("--plans", type=int, default=30, help="distinct plans per format")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rss-plans", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rss-child", help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return 0
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    results: dict[str, object] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "plans_per_format": args.plans,
        "repeat": args.repeat,
    }
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        all_files: list[Path] = []
        mean_pages: float | None = None
        for fmt, floor in (("pdf", floor_pdf), ("docx", floor_docx)):
            (tmp / fmt).mkdir()
            files = generate(tmp / fmt, args.plans, fmt, args.seed)
            all_files += files
            for f in files[:2]:  # warm imports and caches outside the timing
                ours(f)
                floor(f)
            t_ours, wall_ours = best_of(ours, files, args.repeat)
            t_floor, wall_floor = best_of(floor, files, args.repeat)
            pages = mean_pages if fmt == "docx" and mean_pages else pdf_pages(files) if fmt == "pdf" else None
            if fmt == "pdf":
                mean_pages = pages
            row: dict[str, object] = {
                "plans_per_second": round(len(files) / t_ours, 1),
                "floor_plans_per_second": round(len(files) / t_floor, 1),
                "ratio_to_floor": round(t_ours / t_floor, 2),
                "ms_per_plan": round(1000 * t_ours / len(files), 2),
                "floor_ms_per_plan": round(1000 * t_floor / len(files), 2),
                "wall_plans_per_second": round(len(files) / wall_ours, 1),
                "wall_ratio_to_floor": round(wall_ours / wall_floor, 2),
                "mean_kib": round(sum(f.stat().st_size for f in files) / len(files) / 1024, 1),
            }
            if pages:
                # The same plans rendered to PDF: how long they are on paper, and the speed scaled to 20 pages.
                row["mean_pages"] = round(pages, 1)
                row["plans_per_second_at_20_pages"] = round(len(files) / t_ours * pages / 20, 1)
            results[fmt] = row
            print(
                f"{fmt:<5} ours {row['plans_per_second']:>7} plans/s  floor {row['floor_plans_per_second']:>7} plans/s  "
                f"ratio {row['ratio_to_floor']}x  (CPU time; {row.get('plans_per_second_at_20_pages')} plans/s scaled "
                f"to 20 pages; wall {row['wall_plans_per_second']} plans/s)",
                flush=True,
            )
        if args.rss_plans:
            rss = measure_rss(all_files, args.rss_plans, tmp)
            results["memory"] = rss
            samples = rss["rss_samples_mib"]
            assert isinstance(samples, list)
            print(
                f"rss   {rss['plans']} plans in {rss['seconds']} s: {rss['rss_after_import_mib']} MiB after imports, "
                f"peak {rss['peak_rss_mib']} MiB; (plans read, MiB): {samples}"
            )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
