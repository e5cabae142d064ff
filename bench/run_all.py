"""Run every benchmark in this folder, one after another, each in its own process (``make bench``).

Each benchmark is a script here that prints its figures and writes bench/results/<name>.json. They run one at a
time so they do not compete for the machine's cores. The exit status is 1 if any of them failed.

Run: ``.venv/bin/python -m bench.run_all [--only NAME ...]`` from the repository root.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def benchmarks() -> list[Path]:
    """Every script in this folder except this runner and private helpers, in name order."""
    return sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name and not p.name.startswith("_"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks in bench/.")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these (file names without .py)")
    args = parser.parse_args(argv)

    chosen = benchmarks()
    if args.only:
        unknown = set(args.only) - {p.stem for p in chosen}
        if unknown:
            parser.error(f"no such benchmark: {', '.join(sorted(unknown))}")
        chosen = [p for p in chosen if p.stem in args.only]

    failed: list[str] = []
    for script in chosen:
        print(f"== {script.stem}", flush=True)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
        took = time.perf_counter() - started
        status = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode})"
        print(f"== {script.stem}: {status} in {took:.0f} s\n", flush=True)
        if done.returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
