"""``ehcpqa generate``: the subcommand's parser and runner, for the main CLI to mount."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from ehcp_analysis.synth.corpus import generate_corpus
from ehcp_analysis.synth.render import FORMATS

MAX_COUNT = 100_000


def add_generate_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "generate",
        help="write synthetic plans and a labels.json of the defects put into each",
        description="Write synthetic Education, Health and Care Plans (invented children only) with labels.json "
        "recording every deliberate defect, for testing and measuring the checks.",
    )
    parser.add_argument("--count", required=True, help="number of plans to write (1-100000)")
    parser.add_argument("--out", required=True, help="output directory (created if missing)")
    parser.add_argument("--formats", default="docx,pdf,txt", help="comma-separated: docx,pdf,txt (default all three)")
    parser.add_argument("--seed", default="1", help="random seed; the same seed gives the same corpus (default 1)")
    parser.add_argument(
        "--as-of", dest="as_of", default=None, help="date the plans are current at, YYYY-MM-DD (default today)"
    )
    parser.add_argument(
        "--defect-rate",
        dest="defect_rate",
        default="0.5",
        help="probability that a plan has deliberate defects, 0-1 (default 0.5)",
    )
    parser.set_defaults(handler=run_generate)


class UsageError(Exception):
    pass


def _parse(args: argparse.Namespace) -> tuple[int, Path, list[str], int, date, float]:
    try:
        count = int(args.count)
    except ValueError:
        raise UsageError(f"--count must be a whole number, not {args.count!r}") from None
    if not 1 <= count <= MAX_COUNT:
        raise UsageError(f"--count must be between 1 and {MAX_COUNT}")
    formats = [f.strip().lower() for f in str(args.formats).split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise UsageError(f"--formats: unknown {', '.join(bad) or '(empty)'}; choose from {','.join(FORMATS)}")
    try:
        seed = int(args.seed)
    except ValueError:
        raise UsageError(f"--seed must be a whole number, not {args.seed!r}") from None
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
    except ValueError:
        raise UsageError(f"--as-of must be a date like 2026-03-31, not {args.as_of!r}") from None
    try:
        rate = float(args.defect_rate)
    except ValueError:
        raise UsageError(f"--defect-rate must be a number between 0 and 1, not {args.defect_rate!r}") from None
    if not 0.0 <= rate <= 1.0:
        raise UsageError("--defect-rate must be between 0 and 1")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out} exists and is not a directory")
    return count, out, formats, seed, as_of, rate


def _progress_printer(stream: TextIO) -> tuple[Callable[[int, int], None], float]:
    started = time.monotonic()
    interactive = stream.isatty()

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        line = f"generating [{'#' * filled}{'.' * (width - filled)}] {done}/{total} plans  {time.monotonic() - started:.1f}s"
        if interactive:
            stream.write("\r" + line + ("\n" if done == total else ""))
        elif done == total or done == 0 or done % max(1, total // 10) < 25:
            stream.write(line + "\n")
        stream.flush()

    return show, started


def run_generate(args: argparse.Namespace) -> int:
    """Exit 0 on success, 2 on a usage error (message on stderr), 1 if the output could not be written."""
    err: TextIO = getattr(args, "stderr", None) or sys.stderr
    try:
        count, out, formats, seed, as_of, rate = _parse(args)
    except UsageError as exc:
        err.write(f"ehcpqa generate: error: {exc}\n")
        return 2
    show, started = _progress_printer(err)
    try:
        labels = generate_corpus(
            count=count, out_dir=out, formats=formats, seed=seed, as_of=as_of, defect_rate=rate, progress=show
        )
    except OSError as exc:
        err.write(f"ehcpqa generate: error: cannot write to {out}: {exc.strerror}\n")
        return 1
    err.write(f"wrote {count} plans ({','.join(formats)}) and {labels} in {time.monotonic() - started:.1f}s\n")
    return 0
