"""How many plans per second one core reads and pre-audits.

Run: ``.venv/bin/python bench/analysis_speed.py [--count 40] [--formats txt,docx,pdf]``. Generates a small corpus in
a temporary directory, then times ``read_document`` and ``analyse_document`` separately for every file and prints
plans per second (read + analyse) per format. The target is at least 20 plans per second per core.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from ehcp_analysis.pipeline import analyse_document
from ehcp_analysis.readers import read_document
from ehcp_analysis.synth import generate_corpus

AS_OF = date(2026, 1, 15)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        labels = Path(
            generate_corpus(count=args.count, out_dir=Path(tmp), formats=formats, seed=args.seed, as_of=AS_OF)
        )
        folder = labels.parent if labels.is_file() else labels
        for fmt in formats:
            reads: list[float] = []
            analyses: list[float] = []
            for path in sorted(folder.glob(f"*.{fmt}")):
                t0 = time.perf_counter()
                document = read_document(path)
                t1 = time.perf_counter()
                analyse_document(document, today=AS_OF)
                t2 = time.perf_counter()
                reads.append(t1 - t0)
                analyses.append(t2 - t1)
            total = sum(reads) + sum(analyses)
            print(
                f"{fmt:5} {len(reads):4} plans: read median {1000 * statistics.median(reads):6.1f} ms, "
                f"analyse median {1000 * statistics.median(analyses):6.1f} ms, "
                f"{len(reads) / total:6.1f} plans/s (read + analyse, one core)"
            )


if __name__ == "__main__":
    main()
