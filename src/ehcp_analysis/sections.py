"""Placing blocks into the statutory sections A-K.

Councils label sections in many ways: "Section A", "Part A", "A.", "A -", "3. My health" (a number and a
child-friendly title), a bare title ("Special educational provision"), a heading inside a table, a bold line in
body text, "Sections C and G", a single "Section H" for all social care provision, sections out of order. The
phrases are data (``section_headings.json``); this module holds the rules for how sure we must be.

A heading that carries the section letter is trusted. A heading known only by its title (numbered or bare) must
look like a heading (a heading style, bold, a table title row, a bigger font or, in plain text, a short line of
its own) and must not sit at a deeper level than the section headings already found, so that a sub-heading such
as "Health" inside the outcomes is not taken for section C. See ADR 0111.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ehcp_analysis.model import SECTION_IDS, Block, BlockKind, Location, Section

_ID = r"(?:H\s*\(?\s*(?:1|2|ii|i)\s*\)?(?![A-Za-z])|[A-K](?![A-Za-z]))"
_JOIN = r"\s*(?:,|&|\+|/|(?i:and))\s*"
_SEP = r"\s*(?:[:.\-\u2013\u2014)|]\s*)?"
EXPLICIT = re.compile(rf"^(?i:sections?|parts?)\s+(?P<ids>{_ID}(?:{_JOIN}{_ID})*){_SEP}(?P<title>.*)$")
LETTER = re.compile(rf"^(?P<ids>{_ID}(?:{_JOIN}{_ID})*)(?:\s*(?P<punct>[.:)\-\u2013\u2014|])\s*|\s+)(?P<title>\S.*)$")
LETTER_ALONE = re.compile(rf"^(?P<ids>{_ID})[.:)]?$")
NUMBERED = re.compile(
    r"^(?:(?i:part|section)\s+)?(?P<num>\d{1,2})(?:\s*[.:)\-\u2013\u2014]\s*|\s+)(?P<title>[^\d\s].*)$"
)
_WORDS = re.compile(r"[a-z0-9']+")
MAX_HEADING_CHARS = 200
MAX_TITLE_WORDS = 22
EXTRA_WORDS_ALLOWED = 4  # after a one-word phrase: "Outcomes for the next key stage"
EXTRA_WORDS_AFTER_PHRASE = 8  # "Health needs related to special educational needs" still names section C
_POSSESSIVES = frozenset({"his", "her", "their", "my", "your", "our", "child's", "childs"})


@dataclass(frozen=True)
class HeadingMatch:
    ids: tuple[str, ...]
    explicit: bool  # the section letter is written in the heading


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = json.loads(
        resources.files("ehcp_analysis").joinpath("section_headings.json").read_text("utf-8")
    )
    return data


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, tuple[str, ...]]:
    """Normalised title phrase -> section ids, from section_headings.json."""
    return {normalise(phrase): _expand(sid) for sid, phrases in _data()["titles"].items() for phrase in phrases}


@lru_cache(maxsize=1)
def markers() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Phrases that name a section wherever they appear in a heading, longest first."""
    pairs = [(normalise(p), _expand(sid)) for sid, phrases in _data().get("contains", {}).items() for p in phrases]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    words = _WORDS.findall(text)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w.strip("'") for w in words)


def _expand(sid: str) -> tuple[str, ...]:
    if sid == "H":
        return ("H1", "H2")
    return tuple(sid.split("+"))


def _parse_ids(raw: str) -> tuple[str, ...]:
    out: list[str] = []
    for part in re.split(_JOIN, raw.strip()):
        compact = re.sub(r"[\s()]", "", part).upper()
        compact = {"HI": "H1", "HII": "H2"}.get(compact, compact)
        for sid in _expand(compact):
            if sid in SECTION_IDS and sid not in out:
                out.append(sid)
    return tuple(out)


def match_title(title: str, *, strict: bool) -> tuple[str, ...] | None:
    """Section ids named by a heading title; ``strict`` allows only the phrase itself, otherwise a few extra words.

    A leading possessive ("Amara's special educational needs", "his outcomes") is ignored.
    """
    norm = normalise(title)
    if not norm:
        return None
    words = norm.split()
    candidates = [words]
    if len(words) > 1 and (words[0].endswith("'s") or words[0] in _POSSESSIVES):
        candidates.append(words[1:])
    vocab = vocabulary()
    for cand in candidates:
        joined = " ".join(cand)
        if joined in vocab:
            return vocab[joined]
    if strict:
        return None
    for cand in candidates:
        for n in range(len(cand) - 1, 0, -1):
            head = " ".join(cand[:n])
            allowed = EXTRA_WORDS_ALLOWED if n == 1 else EXTRA_WORDS_AFTER_PHRASE
            if head in vocab and len(head) > 4 and len(cand) - n <= allowed:
                return vocab[head]
    padded = f" {norm} "
    for phrase, ids in markers():
        if f" {phrase} " in padded:
            return ids
    return None


def recognise(block: Block, *, looks_like_heading: bool) -> HeadingMatch | None:
    """The sections a block opens, if it is a section heading."""
    text = heading_text(block)
    if text is None:
        return None
    m = EXPLICIT.match(text)
    if m:
        title = m.group("title")
        sentence = len(title.split()) > MAX_TITLE_WORDS or (title.endswith(".") and len(title.split()) > 3)
        if sentence and not looks_like_heading:
            return None
        ids = _parse_ids(m.group("ids"))
        return HeadingMatch(ids, True) if ids else None
    m = LETTER.match(text)
    if m:
        ids = _parse_ids(m.group("ids"))
        named = match_title(m.group("title"), strict=False)
        short = len(m.group("title").split()) <= MAX_TITLE_WORDS
        agrees = named is not None and bool(set(named) & set(ids))
        # Trust the letter when its title names the same section, or when the line is clearly a heading and the
        # letter is set off by punctuation ("A paediatrician will..." is a sentence, "A. All about me" a heading).
        if ids and short and (agrees or (looks_like_heading and m.group("punct"))):
            return HeadingMatch(ids, True)
    m = LETTER_ALONE.match(text)
    if m and looks_like_heading:
        ids = _parse_ids(m.group("ids"))
        return HeadingMatch(ids, True) if ids else None
    m = NUMBERED.match(text)
    title = m.group("title") if m else text
    if title.endswith(".") and len(title.split()) > 3:
        return None  # a sentence
    if not looks_like_heading:
        # A numbered line whose title is exactly a section title is a heading however it is typeset (a PDF
        # heading in a table cell looks like body text).
        named = match_title(title, strict=True) if m else None
        return HeadingMatch(named, False) if named else None
    named = match_title(title, strict=False)
    return HeadingMatch(named, False) if named else None


def heading_text(block: Block) -> str | None:
    """The text to test as a heading, or None when the block cannot be one."""
    if block.kind == BlockKind.TABLE_ROW:
        distinct = [c for c in dict.fromkeys(c.strip() for c in block.cells) if c]
        if len(distinct) == 2 and LETTER_ALONE.match(distinct[0]) or len(distinct) == 2 and EXPLICIT.match(distinct[0]):
            text = " ".join(distinct)
        elif len(distinct) == 1:
            text = distinct[0]
        else:
            return None
    else:
        text = block.text
    text = " ".join(text.split()).strip(" :")
    if not text or len(text) > MAX_HEADING_CHARS:
        return None
    return text


@dataclass
class _Style:
    """How the section headings already found look, so a sub-heading is not mistaken for one."""

    level: int | None = None
    font_size: float | None = None


def segment(blocks: list[Block], *, formatted: bool) -> tuple[dict[str, Section], list[Block]]:
    """Place ``blocks`` (document order, ``index`` set) into sections; the rest (front matter) is unplaced.

    ``formatted`` is False for plain text, where a short line on its own is all a heading can look like.
    """
    sections: dict[str, Section] = {}
    unplaced: list[Block] = []
    body_size = _body_font_size(blocks)
    style = _Style()
    current: Section | None = None
    group: set[str] = set()  # the ids of the last section-level heading
    for block in blocks:
        evidence = _looks_like_heading(block, formatted, body_size)
        match = recognise(block, looks_like_heading=evidence)
        # A sub-heading naming part of the combined section it sits in ("Health provision" under "Sections C
        # and G") splits that section whatever its level.
        splits = match is not None and set(match.ids) < group
        if match and not match.explicit and not splits and not _fits_style(block, style):
            match = None
        if match:
            current = _open(sections, match.ids, block)
            if not splits:
                group = set(match.ids)
                _learn_style(style, block)
            continue
        if current is None:
            unplaced.append(block)
        else:
            current.blocks.append(block)
    _locate(sections, unplaced)
    return sections, unplaced


def _looks_like_heading(block: Block, formatted: bool, body_size: float | None) -> bool:
    text = block.text.strip()
    if len(text) > MAX_HEADING_CHARS:
        return False
    if block.kind == BlockKind.HEADING or block.bold:
        return True
    if len(text.split()) > MAX_TITLE_WORDS:
        return False
    if block.kind == BlockKind.TABLE_ROW:
        return len({c for c in block.cells if c.strip()}) == 1
    if text.endswith((".", ",", ";")) and len(text.split()) > 3:
        return False  # a sentence, however it is typeset
    if block.font_size and body_size and block.font_size >= body_size + 1.5:
        return True
    return not formatted and not text.endswith((".", ",", ";"))


def _fits_style(block: Block, style: _Style) -> bool:
    if style.level is not None and block.level is not None and block.level > style.level:
        return False
    if style.level is not None and block.level is None and block.kind == BlockKind.PARAGRAPH and not block.bold:
        return False
    return not (style.font_size and block.font_size and block.font_size < style.font_size - 0.5)


def _learn_style(style: _Style, block: Block) -> None:
    if block.level is not None:
        style.level = block.level if style.level is None else min(style.level, block.level)
    if block.font_size:
        style.font_size = block.font_size if style.font_size is None else min(style.font_size, block.font_size)


def _body_font_size(blocks: list[Block]) -> float | None:
    weights: dict[float, int] = {}
    for b in blocks:
        if b.font_size:
            weights[b.font_size] = weights.get(b.font_size, 0) + len(b.text)
    return max(weights, key=lambda k: weights[k]) if weights else None


def _open(sections: dict[str, Section], ids: tuple[str, ...], block: Block) -> Section:
    """The section a heading opens: a repeated heading continues its section; a later single heading splits a
    combined one ("Section H" then "H1")."""
    block.kind = BlockKind.HEADING
    existing = {id(sections[s]): sections[s] for s in ids if s in sections}
    if len(existing) == 1:
        sec = next(iter(existing.values()))
        if {sec.id, *sec.shared_with} == set(ids) or (len(ids) == 1 and not sec.shared_with):
            if not sec.blocks:
                sec.title = block.text  # the first was a line in a table of contents
            sec.headings.append(block)
            return sec
    sec = Section(id=ids[0], title=block.text, shared_with=ids[1:], headings=[block])
    before = list({id(s): s for s in sections.values()}.values())
    for sid in ids:
        old = sections.get(sid)
        if old is not None and old is not sec:
            if old.id == sid and not old.blocks:
                # The combined heading directly above its first part heading belongs with that first part.
                sec.headings[:0] = old.headings
                old.headings = []
            _release(sections, old, sid)
        sections[sid] = sec
    _adopt_orphans(sections, before, sec)
    return sec


def _release(sections: dict[str, Section], old: Section, sid: str) -> None:
    """``sid`` gets its own section; the older combined one keeps the ids still pointing to it."""
    remaining = [s for s in (old.id, *old.shared_with) if s != sid and sections.get(s) is old]
    if remaining:
        old.id, old.shared_with = remaining[0], tuple(remaining[1:])


def _adopt_orphans(sections: dict[str, Section], before: list[Section], sec: Section) -> None:
    """A combined section whose every id was taken by newer headings hands its text to the newest one."""
    live = {id(s) for s in sections.values()}
    for old in before:
        if id(old) not in live and old is not sec:
            sec.blocks[:0] = old.blocks
            sec.headings[:0] = old.headings


def _locate(sections: dict[str, Section], unplaced: list[Block]) -> None:
    seen: set[int] = set()
    for sec in sections.values():
        if id(sec) in seen:
            continue
        seen.add(id(sec))
        for n, block in enumerate(sec.blocks, start=1):
            block.location = Location(section=sec.id, paragraph=n, page=block.page, table_row=block.row)
        for block in sec.headings:
            block.location = Location(section=sec.id, paragraph=0, page=block.page)
    for n, block in enumerate(unplaced, start=1):
        block.location = Location(section=None, paragraph=n, page=block.page, table_row=block.row)
