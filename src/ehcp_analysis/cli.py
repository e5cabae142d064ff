"""The ``ehcpqa`` command: pre-audit plan documents (``check``) and make synthetic ones (``generate``).

Exit codes of ``check``: 0 every file was analysed; 3 at least one could not be (the others are still reported);
2 the command was used wrongly. A bad document never causes a traceback: it becomes a report with ``ok: false``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Protocol, TextIO

from ehcp_analysis import ENGINE_VERSION
from ehcp_analysis.model import PlanDocument, ReadError
from ehcp_analysis.pipeline import analyse_document
from ehcp_analysis.report import (
    FRAMEWORK_ID,
    FRAMEWORK_VERSION,
    INTERNAL_ERROR,
    JsonRunWriter,
    Report,
    document_report,
    error_report,
)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

PROGRESS_MIN_FILES = 10


class RunWriter(Protocol):
    def begin(self) -> None: ...
    def add(self, report: Report, document: PlanDocument | None) -> None: ...
    def finish(self) -> None: ...


class _JsonWriter:
    """Adapts the JSON writer, which has no use for the document, to the common writer shape."""

    def __init__(self, out: TextIO) -> None:
        self._inner = JsonRunWriter(out)

    def begin(self) -> None:
        self._inner.begin()

    def add(self, report: Report, document: PlanDocument | None) -> None:
        self._inner.add(report)

    def finish(self) -> None:
        self._inner.finish()


def _make_writer(fmt: str, out: TextIO) -> RunWriter:
    # Imported here so that each format only loads what it uses.
    if fmt == "json":
        return _JsonWriter(out)
    if fmt == "html":
        from ehcp_analysis.render_html import HtmlRunWriter

        return HtmlRunWriter(out)
    from ehcp_analysis.render_text import TextRunWriter

    return TextRunWriter(out)


def read_plan(path: Path) -> PlanDocument:
    """Read one document. A seam for tests; the readers decide the format from the content and the name."""
    from ehcp_analysis.readers import read_document

    return read_document(path)


# -- the check command ------------------------------------------------------------------------------------------


def check_file(path: Path, *, today: date | None, debug: bool = False) -> tuple[Report, PlanDocument | None]:
    """Read and pre-audit one file, turning every failure into an error report."""
    source = str(path)
    try:
        document = read_plan(path)
    except ReadError as err:
        return error_report(source, err.code, err.message), None
    except Exception as exc:  # one broken file must not stop a run over thousands
        return _internal_error(source, "reading", exc, debug), None
    try:
        analysis = analyse_document(document, today=today)
        return document_report(source, document, analysis), document
    except Exception as exc:
        return _internal_error(source, "checking", exc, debug), None


def _internal_error(source: str, stage: str, exc: Exception, debug: bool) -> Report:
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    # The exception's own message may quote the plan, so only its type goes into the report (no personal data).
    message = (
        f"unexpected {type(exc).__name__} while {stage} this file; this is a fault in ehcpqa, not in the plan. "
        "Run again with --debug for details."
    )
    return error_report(source, INTERNAL_ERROR, message)


def iter_plan_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to check: named files as given, directories walked in sorted order, each file once."""
    seen: set[Path] = set()
    for path in paths:
        found = [path] if not path.is_dir() else _walk(path)
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def _walk(root: Path) -> Iterator[Path]:
    # The readers own the list of names worth trying. A file named explicitly is always tried, whatever its name,
    # so that the reader can say why it is not supported.
    from ehcp_analysis.readers import DOCUMENT_SUFFIXES

    for dirpath, dirnames, filenames in os.walk(root):
        # Hidden folders (.git, .cache) and office lock files ("~$plan.docx") are never plans.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            yield Path(dirpath) / name


class _Progress:
    """'Checked 120 of 2,000 files' on one line of stderr, redrawn at most ten times a second."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self._last = 0.0

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        self.stream.write(f"\rChecked {done:,} of {self.total:,} files")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


@contextmanager
def _open_output(target: str | None) -> Iterator[TextIO]:
    """stdout, or a file written beside its final name and moved into place only when complete."""
    if target is None or target == "-":
        yield sys.stdout
        return
    final = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            yield out
        # mkstemp makes the file private (0600); give it the mode a plain `> FILE` would have had.
        os.chmod(tmp_name, _mode_for(final))
        os.replace(tmp_name, final)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def _mode_for(path: Path) -> int:
    """The permission bits of an existing ``path``, else those the user's umask gives a new file."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def run_check(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths]
    for path in paths:
        if not path.exists():
            return _usage_error(f"no such file or directory: {path}")
    if args.output not in (None, "-"):
        parent = Path(args.output).parent
        if Path(args.output).is_dir():
            return _usage_error(f"--output is a directory, not a file: {args.output}")
        if not parent.is_dir():
            return _usage_error(f"--output folder does not exist: {parent}")

    files = list(iter_plan_files(paths))  # paths only: documents are read one at a time below
    if not files:
        print("ehcpqa check: no plan documents (DOCX, PDF, TXT, ODT) found", file=sys.stderr)
    unreadable = 0
    progress = _Progress(len(files), sys.stderr, sys.stderr.isatty() and len(files) >= PROGRESS_MIN_FILES)
    with _open_output(args.output) as out:
        writer = _make_writer(args.format, out)
        writer.begin()
        for done, path in enumerate(files, start=1):
            report, document = check_file(path, today=args.as_of, debug=args.debug)
            unreadable += 0 if report["ok"] else 1
            writer.add(report, document)
            del document  # the HTML writer has rendered it; do not keep it alive across files
            progress.update(done)
        writer.finish()
    progress.close()
    if unreadable:
        print(f"ehcpqa check: {unreadable} of {len(files)} files could not be read", file=sys.stderr)
    if args.output not in (None, "-"):
        count = f"{len(files)} file" + ("" if len(files) == 1 else "s")
        print(f"ehcpqa check: report of {count} written to {args.output}", file=sys.stderr)
    return EXIT_UNREADABLE if unreadable else EXIT_OK


def _usage_error(message: str) -> int:
    print(f"ehcpqa check: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


# -- the generate command ---------------------------------------------------------------------------------------


def run_generate_lazily(args: argparse.Namespace) -> int:
    """Hand ``generate`` to the synthetic-plan package, imported only now so ``check`` never depends on it."""
    try:
        from ehcp_analysis.synth.cli import add_generate_parser, run_generate
    except Exception as exc:
        print(f"ehcpqa generate: not available in this installation ({type(exc).__name__}: {exc})", file=sys.stderr)
        return EXIT_FAILURE
    parser = argparse.ArgumentParser(prog="ehcpqa")
    add_generate_parser(parser.add_subparsers(dest="command"))
    try:
        real_args = parser.parse_args(["generate", *args.generate_args])
    except SystemExit as exit_:
        return _exit_status(exit_)
    return int(run_generate(real_args))


# -- entry point ------------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ehcpqa",
        description="Quality assurance of Education, Health and Care Plans: automated pre-audit of plan documents.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ehcpqa {ENGINE_VERSION} (criteria framework {FRAMEWORK_ID} version {FRAMEWORK_VERSION})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser(
        "check",
        help="pre-audit plan documents and report findings",
        description=(
            "Read plan documents (DOCX, PDF, TXT, ODT; folders are searched) and report what the automated checks "
            "find, with a suggested grade. Exit status: 0 all files analysed, 3 some could not be read, "
            "2 usage error."
        ),
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="plan document or folder of plan documents")
    check.add_argument("--format", choices=("text", "json", "html"), default="text", help="report format (text)")
    check.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument(
        "--as-of", type=_iso_date, metavar="YYYY-MM-DD", help="judge dates (reviews, currency) as of this day"
    )
    check.add_argument("--debug", action="store_true", help="print details of internal errors to standard error")
    check.set_defaults(run=run_check)

    generate = commands.add_parser(
        "generate",
        help="make synthetic plan documents with a labels.json of their deliberate defects",
        add_help=False,  # --help is answered by the generator's own parser
        prefix_chars="\0",  # pass every argument, options included, through to it untouched
    )
    generate.add_argument("generate_args", nargs=argparse.REMAINDER)
    generate.set_defaults(run=run_generate_lazily)
    return parser


def _exit_status(exit_: SystemExit) -> int:
    code = exit_.code
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse reports usage errors (2) and --help/--version (0) this way
        return _exit_status(exit_)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except KeyboardInterrupt:
        print("\nehcpqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. piped into `head`); stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
