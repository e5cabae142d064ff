"""One self-contained HTML page: every plan's text section by section, with the evidence of each finding marked in
the text and the finding beside it.

No scripts, no external files: the page can be mailed, archived or opened offline. Every piece of text that came
from a plan or a finding is escaped, since a plan is untrusted input. Plans are written to a spool file as they come
so that the summary table (which needs every plan) can still open the page without holding the documents.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from html import escape
from io import StringIO
from typing import Any, TextIO

from ehcp_analysis import ENGINE_VERSION
from ehcp_analysis.model import SECTION_IDS, Block, BlockKind, PlanDocument
from ehcp_analysis.report import (
    FRAMEWORK_ID,
    FRAMEWORK_VERSION,
    GRADE_LABELS,
    Report,
    iter_findings_by_place,
    section_label,
)

SEVERITY_LABELS = {"red": "Red", "amber": "Amber"}
SEVERITY_MEANINGS = {"red": "likely unlawful or unenforceable", "amber": "quality weakness"}
BEFORE_SECTIONS = "_before"  # place of text found before the first section heading

# Colours chosen for at least 4.5:1 contrast of text on its background (WCAG 2.2 AA); severity is also always
# written out, never shown by colour alone.
CSS = """
:root { --ink:#0b0c0c; --muted:#484949; --line:#b1b4b6; --link:#1a4fa0; --red:#a4001d; --red-bg:#fbe3e6;
  --amber-ink:#5c3b00; --amber:#ffbf47; --amber-bg:#fff3c4; --focus:#ffdd00; }
* { box-sizing: border-box; }
body { margin:0; font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size:1rem; line-height:1.5;
  color:var(--ink); background:#fff; }
a { color:var(--link); }
a:focus { outline:3px solid var(--focus); background:var(--focus); color:var(--ink); }
.skip { position:absolute; left:-999em; }
.skip:focus { left:1rem; top:1rem; padding:.5rem; }
header, main, footer { max-width:80rem; margin:0 auto; padding:1rem 1.5rem; }
header { border-bottom:4px solid var(--ink); }
footer { border-top:1px solid var(--line); color:var(--muted); font-size:.9rem; }
h1 { font-size:2rem; margin:.5rem 0; } h2 { font-size:1.5rem; margin-top:2.5rem; }
h3 { font-size:1.2rem; margin:0 0 .5rem; }
h4 { font-size:1rem; margin:.75rem 0 .25rem; }
.note { border-left:6px solid var(--ink); padding:.5rem 1rem; background:#f3f2f1; }
table { border-collapse:collapse; width:100%; margin:1rem 0; }
caption { text-align:left; font-weight:bold; padding:.25rem 0; }
th, td { text-align:left; vertical-align:top; padding:.4rem .6rem; border-bottom:1px solid var(--line); }
td.num { text-align:right; font-variant-numeric: tabular-nums; }
article.plan { border-top:4px solid var(--ink); margin-top:3rem; }
dl.meta { display:grid; grid-template-columns:max-content 1fr; gap:.2rem 1rem; margin:1rem 0; }
dl.meta dt { font-weight:bold; } dl.meta dd { margin:0; }
.grade { font-size:1.2rem; font-weight:bold; margin:.5rem 0 0; }
section.sec { border:1px solid var(--line); border-radius:4px; padding:1rem; margin:1.25rem 0; }
section.sec.missing { border-style:dashed; }
.sec-body { display:grid; grid-template-columns:minmax(0,3fr) minmax(15rem,2fr); gap:1.5rem; }
@media (max-width:50rem) { .sec-body { grid-template-columns:1fr; } }
.text p { margin:.4rem 0; white-space:pre-wrap; overflow-wrap:anywhere; }
.text p.row { border-left:3px solid var(--line); padding-left:.6rem; }
.pn { display:inline-block; min-width:2.2rem; color:var(--muted); font-size:.8rem; }
mark { color:var(--ink); padding:0 .1rem; }
mark.sev-red { background:var(--red-bg); border-bottom:3px solid var(--red); }
mark.sev-amber { background:var(--amber-bg); border-bottom:3px solid var(--amber-ink); }
a.ref { font-size:.8rem; font-weight:bold; text-decoration:none; margin-left:.1rem; }
a.ref:hover { text-decoration:underline; }
ol.findings { list-style:none; margin:0; padding:0; }
ol.findings li { border-left:6px solid var(--line); padding:.25rem 0 .25rem .75rem; margin:0 0 1rem; }
ol.findings li.sev-red { border-left-color:var(--red); }
ol.findings li.sev-amber { border-left-color:var(--amber); }
li:target, .anchor:target + mark { outline:3px solid var(--focus); outline-offset:2px; }
ol.findings p { margin:.2rem 0; overflow-wrap:anywhere; }
.badge { display:inline-block; font-size:.8rem; font-weight:bold; padding:0 .4rem; border-radius:2px; }
.badge.sev-red { background:var(--red); color:#fff; }
.badge.sev-amber { background:var(--amber); color:var(--ink); }
.code { color:var(--muted); font-size:.85rem; }
.empty { color:var(--muted); font-style:italic; }
@media print { section.sec { break-inside:avoid-page; } a.ref { color:var(--ink); } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    number: int
    severity: str


@dataclass
class _Row:
    number: int
    report: Report


class HtmlRunWriter:
    """Writes a run as one HTML page: a summary table, then every plan in the order given."""

    def __init__(self, out: TextIO, *, title: str = "EHCP pre-audit report") -> None:
        self._out = out
        self._title = title
        self._rows: list[_Row] = []  # the small report dicts only, for the summary table
        # Lives from the first plan to finish(), which closes it; a with-block cannot span those calls.
        self._spool = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115

    def begin(self) -> None:
        pass

    def add(self, report: Report, document: PlanDocument | None = None) -> None:
        number = len(self._rows) + 1
        self._rows.append(_Row(number, _summary_fields(report)))
        self._spool.write(render_plan(number, report, document))

    def finish(self) -> None:
        out = self._out
        out.write(_page_head(self._title, self._rows))
        self._spool.seek(0)
        shutil.copyfileobj(self._spool, out)
        self._spool.close()
        out.write(_page_foot())


def render_page(items: list[tuple[Report, PlanDocument | None]], *, title: str = "EHCP pre-audit report") -> str:
    """The whole page for a few plans held in memory (tests and the web application's single-plan view)."""
    buffer = StringIO()
    writer = HtmlRunWriter(buffer, title=title)
    writer.begin()
    for report, document in items:
        writer.add(report, document)
    writer.finish()
    return buffer.getvalue()


def _summary_fields(report: Report) -> Report:
    """Just what the summary table needs, so a long run does not keep every finding in memory."""
    counts = Counter(f["severity"] for f in report.get("findings") or [])
    return {
        "source": report["source"],
        "ok": report["ok"],
        "error": report["error"],
        "overall": (report.get("scores") or {}).get("overall"),
        "red": counts["red"],
        "amber": counts["amber"],
        "missing": [s["id"] for s in report.get("sections") or [] if not s["present"]],
    }


def _page_head(title: str, rows: list[_Row]) -> str:
    analysed = sum(1 for r in rows if r.report["ok"])
    parts = [
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#main">Skip to the report</a>\n',
        f"<header>\n<h1>{_e(title)}</h1>\n",
        f"<p>{len(rows)} file{'s' if len(rows) != 1 else ''} checked, {analysed} analysed",
        f", {len(rows) - analysed} could not be read.</p>\n" if analysed < len(rows) else ".</p>\n",
        '<p class="note"><strong>Grades here are suggestions.</strong> They come from automated checks of the '
        "wording and structure of each plan, not from an auditor. Read each finding against the plan: the checks "
        "can miss problems and can be wrong.</p>\n</header>\n",
        '<main id="main">\n<section aria-labelledby="summary-h">\n<h2 id="summary-h">Summary</h2>\n',
        _summary_table(rows),
        "</section>\n",
    ]
    return "".join(parts)


def _summary_table(rows: list[_Row]) -> str:
    if not rows:
        return "<p>No plan documents were found.</p>\n"
    out = [
        "<table>\n<caption>Suggested grade and number of findings for each plan</caption>\n<thead><tr>"
        '<th scope="col">Plan</th><th scope="col">Result</th><th scope="col">Suggested grade</th>'
        '<th scope="col">Score (1 to 10)</th><th scope="col">Red findings</th>'
        '<th scope="col">Amber findings</th><th scope="col">Sections not found</th></tr></thead>\n<tbody>\n'
    ]
    for row in rows:
        r = row.report
        link = f'<th scope="row"><a href="#p{row.number}">{_e(r["source"])}</a></th>'
        if not r["ok"]:
            out.append(
                f"<tr>{link}<td>Could not be read ({_e(r['error']['code'])})</td>"
                '<td>–</td><td class="num">–</td><td class="num">–</td><td class="num">–</td><td>–</td></tr>\n'
            )
            continue
        overall = r["overall"] or {}
        grade = GRADE_LABELS.get(overall.get("grade") or "", "Not scored")
        score = overall.get("score")
        out.append(
            f'<tr>{link}<td>Analysed</td><td>{_e(grade)}</td><td class="num">{_e(score if score else "–")}</td>'
            f'<td class="num">{r["red"]}</td><td class="num">{r["amber"]}</td>'
            f"<td>{_e(', '.join(r['missing']) or 'none')}</td></tr>\n"
        )
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _page_foot() -> str:
    return (
        "</main>\n<footer>\n"
        f"<p>Made by ehcpqa, engine {_e(ENGINE_VERSION)}, criteria framework {_e(FRAMEWORK_ID)} version "
        f"{_e(FRAMEWORK_VERSION)}. Synthetic or real, a plan describes a child: keep this page as safely as the "
        "plan itself.</p>\n</footer>\n</body>\n</html>\n"
    )


def render_plan(number: int, report: Report, document: PlanDocument | None) -> str:
    """One plan's ``<article>``: details, suggested grade, then each section's text beside its findings."""
    pid = f"p{number}"
    out = [
        f'<article class="plan" id="{pid}" aria-labelledby="{pid}-h">\n'
        f'<h2 id="{pid}-h">Plan {number}: {_e(report["source"])}</h2>\n'
    ]
    if not report["ok"]:
        error = report["error"]
        out.append(
            f"<p><strong>Could not be read</strong> ({_e(error['code'])}): {_e(error['message'])}</p>\n"
            "<p>Nothing in this file was checked.</p>\n</article>\n"
        )
        return "".join(out)
    out.append(_plan_details(report))
    out.append(_PlanBody(pid, report, document).render())
    out.append("</article>\n")
    return "".join(out)


def _plan_details(report: Report) -> str:
    meta = report["metadata"]
    doc = report["document"]
    year = meta["year_group"]
    fields = [
        ("Child", meta["child_name"]),
        ("Date of birth", meta["date_of_birth"]),
        ("Year group", None if year is None else ("Reception" if year == 0 else year)),
        ("Plan status", meta["plan_status"]),
        ("Plan date", meta["plan_date"]),
        ("Last review", meta["last_review_date"]),
        (
            "Document",
            f"{str(doc['format']).upper()}, "
            + (f"{doc['pages']} pages, " if doc["pages"] is not None else "")
            + f"{doc['characters']:,} characters",
        ),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v) if v is not None else 'not found'}</dd>" for k, v in fields)
    overall = report["scores"]["overall"]
    if overall["grade"] is None:
        grade = "Suggested grade: none (the automated checks did not score this plan)"
    else:
        score = f", score {overall['score']} out of 10" if overall["score"] is not None else ""
        grade = f"Suggested grade: {GRADE_LABELS.get(overall['grade'], overall['grade'])}{score}"
    counts = Counter(f["severity"] for f in report["findings"])
    return (
        f'<dl class="meta">{items}</dl>\n<p class="grade">{_e(grade)}</p>\n'
        "<p>This grade is a suggestion from automated checks, not an audit decision.</p>\n"
        f"<p>{counts['red']} red findings ({SEVERITY_MEANINGS['red']}), "
        f"{counts['amber']} amber findings ({SEVERITY_MEANINGS['amber']}).</p>\n"
    )


class _PlanBody:
    """Lays one plan's findings over its text: numbers them, finds their evidence, renders section by section."""

    def __init__(self, pid: str, report: Report, document: PlanDocument | None) -> None:
        self.pid = pid
        self.report = report
        self.document = document
        self.titles = {s["id"]: s["title"] for s in report["sections"]}
        # Findings numbered in display order, grouped by the place they are shown.
        self.groups: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        number = 0
        for place, group in iter_findings_by_place(report):
            numbered = []
            for finding in group:
                number += 1
                numbered.append((number, finding))
            self.groups[place] = numbered
        self.spans: dict[int, list[_Span]] = {}  # id(block) -> highlighted spans
        self.located: set[int] = set()  # numbers of findings whose evidence was found in the text
        self._locate_all()

    # -- finding the evidence in the text ------------------------------------------------------------------

    def _blocks_for(self, place: str) -> list[Block]:
        if self.document is None:
            return []
        if place == BEFORE_SECTIONS:
            return self.document.unplaced
        section = self.document.section(place)
        return section.blocks if section is not None else []

    def _locate_all(self) -> None:
        for place, group in self.groups.items():
            for number, finding in group:
                evidence = finding["evidence"]
                if not evidence["text"].strip():
                    continue
                location = evidence["location"] or {}
                blocks = self._blocks_for(BEFORE_SECTIONS if location and not location.get("section") else place)
                hit = _find_in_blocks(blocks, evidence["text"], location.get("paragraph"))
                if hit is None and self.document is not None:
                    # The finding's section and the reader's may disagree; the quote is still in the plan.
                    everywhere = self.document.unplaced + self.document.blocks()
                    hit = _find_in_blocks(everywhere, evidence["text"], None)
                if hit is not None:
                    block, start, end = hit
                    self.spans.setdefault(id(block), []).append(_Span(start, end, number, finding["severity"]))
                    self.located.add(number)

    # -- rendering -------------------------------------------------------------------------------------------

    def render(self) -> str:
        out: list[str] = []
        general = self.groups.get("GEN", []) + [
            item
            for place, group in self.groups.items()
            if place not in SECTION_IDS and place not in ("GEN", BEFORE_SECTIONS)
            for item in group
        ]
        if general:
            out.append(self._section_box("whole", section_label("GEN"), "", [], general, missing=False))
        if self.document is not None and self.document.unplaced:
            out.append(
                self._section_box(
                    "before",
                    "Text before the first section",
                    "",
                    self.document.unplaced,
                    self.groups.get(BEFORE_SECTIONS, []),
                    missing=False,
                )
            )
        shown: dict[int, str] = {}  # id(block) -> the section whose box showed it
        for sid in SECTION_IDS:
            section = self.document.section(sid) if self.document is not None else None
            findings = self.groups.get(sid, [])
            heading = section_label(sid)
            if section is None:
                out.append(self._section_box(sid, heading, "", [], findings, missing=True))
                continue
            blocks = [b for b in section.blocks if id(b) not in shown]
            owners = sorted({shown[id(b)] for b in section.blocks if id(b) in shown}, key=SECTION_IDS.index)
            shown.update((id(b), sid) for b in blocks)
            note = ""
            if section.blocks and not blocks:
                # A combined heading ("Sections C and G: health"): the text is shown once, under the first id.
                note = f"This section shares its heading with Section {', '.join(owners)}; its text is shown there."
            out.append(self._section_box(sid, heading, section.title, blocks, findings, missing=False, shared=note))
        return "".join(out)

    def _section_box(
        self,
        key: str,
        heading: str,
        title: str | None,
        blocks: list[Block],
        findings: list[tuple[int, dict[str, Any]]],
        *,
        missing: bool,
        shared: str = "",
    ) -> str:
        hid = f"{self.pid}-s-{key}"
        klass = "sec missing" if missing else "sec"
        out = [f'<section class="{klass}" aria-labelledby="{hid}">\n<h3 id="{hid}">{_e(heading)}</h3>\n']
        if title and " ".join(title.split()).lower() != heading.lower():
            out.append(f'<p class="code">Headed in the plan: “{_e(" ".join(title.split()))}”</p>\n')
        out.append('<div class="sec-body">\n<div class="text">\n')
        if missing:
            out.append('<p class="empty">This section was not found in the plan.</p>\n')
        elif shared:
            out.append(f'<p class="empty">{_e(shared)}</p>\n')
        elif not blocks:
            out.append('<p class="empty">This section has a heading but no text.</p>\n')
        for block in blocks:
            out.append(self._block_html(block))
        out.append("</div>\n")
        out.append(self._findings_html(heading, findings))
        out.append("</div>\n</section>\n")
        return "".join(out)

    def _block_html(self, block: Block) -> str:
        body = _highlight(block.text, self.spans.get(id(block), []), self.pid)
        number = block.location.paragraph if block.location is not None else None
        gutter = f'<span class="pn" title="paragraph {number}">¶{number}</span>' if number else ""
        if block.kind is BlockKind.HEADING:
            return f"<h4>{gutter}{body}</h4>\n"
        klass = ' class="row"' if block.kind is BlockKind.TABLE_ROW else ""
        return f"<p{klass}>{gutter}{body}</p>\n"

    def _findings_html(self, heading: str, findings: list[tuple[int, dict[str, Any]]]) -> str:
        if not findings:
            return f'<aside aria-label="Findings: {_e(heading)}"><p class="empty">No findings here.</p></aside>\n'
        out = [f'<aside aria-label="Findings: {_e(heading)}">\n<ol class="findings">\n']
        for number, finding in findings:
            sev = str(finding["severity"])
            fid = f"{self.pid}-f{number}"
            out.append(
                f'<li id="{fid}" value="{number}" class="sev-{_e(sev)}">\n'
                f'<p><span class="badge sev-{_e(sev)}">{number}. {_e(SEVERITY_LABELS.get(sev, sev))}</span> '
                f"<strong>{_e(finding['message'])}</strong></p>\n"
            )
            text = finding["evidence"]["text"]
            if text.strip():
                back = (
                    f' <a href="#{self.pid}-m{number}">Show in the text</a>'
                    if number in self.located
                    else ' <span class="code">(not found in the text shown)</span>'
                )
                out.append(f"<p>Evidence: <q>{_e(' '.join(text.split()))}</q>{back}</p>\n")
            if finding["suggestion"]:
                out.append(f"<p>Suggestion: {_e(finding['suggestion'])}</p>\n")
            out.append(f'<p class="code">{_e(finding["code"])} · criterion {_e(finding["criterion"])}</p>\n</li>\n')
        out.append("</ol>\n</aside>\n")
        return "".join(out)


def _find_in_blocks(blocks: list[Block], evidence: str, paragraph: int | None) -> tuple[Block, int, int] | None:
    """The block and span where ``evidence`` is quoted, preferring the paragraph the finding points to."""
    candidates: list[Block] = []
    if paragraph:
        candidates += [b for b in blocks if b.location is not None and b.location.paragraph == paragraph]
        if 0 < paragraph <= len(blocks):
            candidates.append(blocks[paragraph - 1])
    candidates += blocks
    for block in candidates:
        span = _find_span(block.text, evidence)
        if span is not None:
            return block, span[0], span[1]
    return None


def _find_span(text: str, evidence: str) -> tuple[int, int] | None:
    """Where ``evidence`` is in ``text``: exactly, else ignoring case and differences in white space."""
    start = text.find(evidence)
    if start >= 0:
        return start, start + len(evidence)
    words = evidence.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _highlight(text: str, spans: list[_Span], pid: str) -> str:
    """``text`` escaped, with each span marked and followed by a numbered link to its finding.

    Spans may overlap (two findings quoting the same words): the text is cut at every span edge and each piece is
    marked with the most severe of the spans covering it, so no element is ever nested in an invalid way.
    """
    if not spans:
        return _e(text)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for s in spans:
            if s.start == a:
                out.append(f'<span class="anchor" id="{pid}-m{s.number}"></span>')
        covering = [s for s in spans if s.start <= a and b <= s.end]
        piece = _e(text[a:b])
        if covering:
            sev = "red" if any(s.severity == "red" for s in covering) else "amber"
            out.append(f'<mark class="sev-{sev}">{piece}</mark>')
        else:
            out.append(piece)
        for s in sorted(spans, key=lambda s: s.number):
            if s.end == b:
                label = f"Finding {s.number}, {SEVERITY_LABELS.get(s.severity, s.severity).lower()}"
                out.append(f'<a class="ref" href="#{pid}-f{s.number}" aria-label="{_e(label)}">[{s.number}]</a>')
    return "".join(out)
