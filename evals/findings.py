"""Precision and recall of the automated findings on a fresh labelled synthetic corpus.

Run: ``.venv/bin/python -m evals.findings [--count 300] [--seed 90210] [--formats txt,docx,pdf]``.

The corpus is generated into a temporary directory with an evaluation seed that is never used while developing
the checks, read back from every format with the real readers, and analysed with ``today`` set to the corpus
``as_of`` date. A finding matches a labelled defect when the codes agree and, where the label quotes text, the
finding's evidence and the label's text are the same passage (one contains the other, or most of their words are
shared). Exits 1 when any code family (the prefix before the dot) is below the target.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ehcp_analysis.findings import Finding
from ehcp_analysis.model import ReadError
from ehcp_analysis.pipeline import analyse_document
from ehcp_analysis.readers import read_document

EVAL_SEED = 90210  # never used while developing the checks
TARGET = 0.9
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    examples_fp: list[str] = field(default_factory=list)
    examples_fn: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def same_passage(evidence: str, label: str) -> bool:
    """True when two quotations are the same passage of the plan, allowing for sentence vs block granularity."""
    a, b = " ".join(_words(evidence)), " ".join(_words(label))
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.7


def same_section(found: str, labelled: str | None) -> bool:
    # H1 and H2 are one heading in some plans; a whole-plan (GEN) finding may be labelled against any section.
    return labelled is None or found in (labelled, "GEN") or (found[:1] == labelled[:1] == "H")


def match(findings: list[Finding], defects: list[dict[str, Any]], tallies: dict[str, Tally], plan_id: str) -> None:
    matched_labels: set[int] = set()
    for finding in findings:
        hit = None
        for i, label in enumerate(defects):
            if label["code"] != finding.code:
                continue
            text = label.get("text") or ""
            if text and finding.evidence.text:
                ok = same_passage(finding.evidence.text, text)
            else:  # something absent: nothing to quote on one side, so the section must agree
                ok = same_section(finding.section, label.get("section"))
            if ok:
                hit = i
                if i not in matched_labels:
                    break
        tally = tallies[finding.code]
        if hit is None:
            tally.fp += 1
            if len(tally.examples_fp) < 5:
                tally.examples_fp.append(f"{plan_id}: {finding.section}: {finding.evidence.text[:140]}")
        elif hit not in matched_labels:
            matched_labels.add(hit)
            tally.tp += 1
    for i, label in enumerate(defects):
        if i not in matched_labels:
            tally = tallies[label["code"]]
            tally.fn += 1
            if len(tally.examples_fn) < 5:
                tally.examples_fn.append(f"{plan_id}: {label.get('section')}: {(label.get('text') or '')[:140]}")


def evaluate(corpus: Path, formats: list[str], verbose: bool) -> tuple[dict[str, Tally], dict[str, float]]:
    labels = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    as_of = date.fromisoformat(labels["as_of"])
    tallies: dict[str, Tally] = defaultdict(Tally)
    timing = {"documents": 0.0, "read": 0.0, "analyse": 0.0, "failed": 0.0}
    for plan in labels["plans"]:
        for fmt, name in plan["files"].items():
            if fmt not in formats:
                continue
            started = time.perf_counter()
            try:
                document = read_document(corpus / name)
            except ReadError as exc:
                timing["failed"] += 1
                print(f"could not read {name}: {exc.code}", file=sys.stderr)
                continue
            read_done = time.perf_counter()
            analysis = analyse_document(document, today=as_of)
            timing["analyse"] += time.perf_counter() - read_done
            timing["read"] += read_done - started
            timing["documents"] += 1
            match(analysis.findings, plan["defects"], tallies, f"{plan['id']}.{fmt}")
    return tallies, timing


def report(tallies: dict[str, Tally], verbose: bool) -> bool:
    families: dict[str, Tally] = defaultdict(Tally)
    print(f"{'code':36} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'recall':>6}")
    for code in sorted(tallies):
        t = tallies[code]
        fam = families[code.split(".")[0]]
        fam.tp, fam.fp, fam.fn = fam.tp + t.tp, fam.fp + t.fp, fam.fn + t.fn
        print(f"{code:36} {t.tp:5} {t.fp:5} {t.fn:5} {t.precision:6.3f} {t.recall:6.3f}")
        if verbose:
            for ex in t.examples_fp:
                print(f"    FP {ex}")
            for ex in t.examples_fn:
                print(f"    FN {ex}")
    print()
    print(f"{'family':36} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'recall':>6}")
    ok = True
    for name in sorted(families):
        t = families[name]
        passed = t.precision >= TARGET and t.recall >= TARGET
        ok = ok and passed
        flag = "" if passed else "  < target"
        print(f"{name:36} {t.tp:5} {t.fp:5} {t.fn:5} {t.precision:6.3f} {t.recall:6.3f}{flag}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=EVAL_SEED)
    parser.add_argument("--formats", default="txt,docx,pdf")
    parser.add_argument("--as-of", default="2026-01-15")
    parser.add_argument("--corpus", type=Path, help="use an existing corpus directory instead of generating one")
    parser.add_argument("--verbose", "-v", action="store_true", help="show example misses")
    args = parser.parse_args(argv)
    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    with tempfile.TemporaryDirectory(prefix="ehcpqa-eval-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from ehcp_analysis.synth import generate_corpus

            started = time.perf_counter()
            corpus = generate_corpus(
                count=args.count,
                out_dir=Path(tmp),
                formats=formats,
                seed=args.seed,
                as_of=date.fromisoformat(args.as_of),
            )
            print(f"generated {args.count} plans (seed {args.seed}) in {time.perf_counter() - started:.1f} s")
        corpus = Path(corpus)
        if corpus.is_file():  # generate_corpus returns the labels file
            corpus = corpus.parent
        tallies, timing = evaluate(corpus, formats, args.verbose)
    ok = report(tallies, args.verbose)
    n = timing["documents"] or 1
    print()
    print(
        f"{int(timing['documents'])} documents; per document: read {1000 * timing['read'] / n:.1f} ms, "
        f"analyse {1000 * timing['analyse'] / n:.1f} ms; unreadable {int(timing['failed'])}"
    )
    print("PASS" if ok else f"FAIL: a code family is below {TARGET}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
