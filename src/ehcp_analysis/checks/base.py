"""The check registry, the per-document context and the items checks look at.

A check is a small function registered under its finding code; its docstring states the rule in plain English.
Checks read the document through a :class:`Context`, which splits each section into *items* once and caches them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TypeVar

from ehcp_analysis.checks.text import CI, normalise, strip_bullet
from ehcp_analysis.findings import Evidence, Finding, Severity
from ehcp_analysis.model import Block, BlockKind, Location, PlanDocument, Section

CheckFunction = Callable[["Context"], Iterable[Finding]]
T = TypeVar("T")


@dataclass(frozen=True)
class CheckSpec:
    code: str
    criterion: str
    section: str
    function: CheckFunction

    @property
    def rule(self) -> str:
        return (self.function.__doc__ or "").strip()


REGISTRY: dict[str, CheckSpec] = {}


def check(code: str, *, criterion: str, section: str | None = None) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check for one finding code. ``section`` defaults to the code's prefix."""

    def register(function: CheckFunction) -> CheckFunction:
        if code in REGISTRY:
            raise ValueError(f"check {code} registered twice")
        if not function.__doc__:
            raise ValueError(f"check {code} has no rule docstring")
        REGISTRY[code] = CheckSpec(code, criterion, section or code.split(".")[0], function)
        return function

    return register


@dataclass(frozen=True)
class Item:
    """One unit of a section a reader would judge on its own: a paragraph, a bullet line or a table row."""

    section: str
    text: str  # what the checks judge (for a table row, the relevant cells)
    quote: str  # what the finding quotes
    location: Location | None
    block: Block

    @cached_property
    def norm(self) -> str:
        return normalise(self.text)


_NONE_STATEMENT = CI(
    r"\b(?:no (?:[\w-]+ ){0,3}(?:health|social care|social|care|medical|personal budget|provision|needs?)\b|"
    r"not applicable|n/a|^none\b|"
    r"none (?:identified|known|at (?:this|the present) time|required|currently)|there are no\b|"
    r"does not (?:have|require|need)|has no (?:identified )?(?:health|social care|additional)|"
    r"not (?:currently )?(?:known to|eligible|required|requested|needed)|nil\b|none\.?$)",
    re.I,
)
_LABEL_ONLY = re.compile(r"^[^.!?]{0,60}:$")


_HEADING_LIKE = re.compile(r"^[^.!?:;]{1,60}$")


def looks_like_heading(item: Item) -> bool:
    """A sub-heading read as a paragraph: short, no sentence punctuation, no verb of provision."""
    block = item.block
    if block.kind is BlockKind.TABLE_ROW:
        return False
    if block.bold or block.level:
        return True
    text = item.text.strip()
    return len(text.split()) <= 8 and bool(_HEADING_LIKE.match(text)) and not re.search(r"\d", text)


def is_none_statement(text: str) -> bool:
    return bool(_NONE_STATEMENT.search(text))


class Context:
    """A document being checked, with lazily built, cached views of it."""

    def __init__(self, document: PlanDocument, today: date) -> None:
        self.document = document
        self.today = today
        self.metadata = document.metadata
        self._items: dict[str, list[Item]] = {}
        self._memo: dict[str, object] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """Compute something once per document (several checks share the same view of a section)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    # --- sections -------------------------------------------------------------------------------------------
    def section(self, section_id: str) -> Section | None:
        return self.document.sections.get(section_id)

    def present(self, section_id: str) -> bool:
        if section_id in self.document.sections:
            return True
        return any(section_id in s.shared_with for s in self.document.sections.values())

    def text(self, section_id: str) -> str:
        return "\n".join(i.text for i in self.items(section_id))

    @cached_property
    def all_text(self) -> str:
        return "\n".join(b.text for b in self.document.blocks())

    def items(self, section_id: str) -> list[Item]:
        """The content items of a section, without headings, sub-headings or table header rows."""
        cached = self._items.get(section_id)
        if cached is not None:
            return cached
        section = self.section(section_id)
        out: list[Item] = []
        if section is not None:
            for block in section.blocks:
                for item in _items_of(section_id, block):
                    if out and _continues(out[-1], item):
                        # a paragraph broken across a page or column: rejoin it
                        prev = out[-1]
                        joined = f"{prev.text} {item.text}"
                        out[-1] = Item(section_id, joined, joined, prev.location, prev.block)
                    else:
                        out.append(item)
        self._items[section_id] = out
        return out

    def is_empty(self, section_id: str) -> bool:
        return not any(i.text.strip() for i in self.items(section_id))

    def states_none(self, section_id: str) -> bool:
        return any(is_none_statement(i.text) for i in self.items(section_id))

    @cached_property
    def status(self) -> str | None:
        status = (self.metadata.plan_status or "").lower()
        if status:
            return "draft" if "draft" in status else "final"
        return None

    # --- findings -------------------------------------------------------------------------------------------
    def finding(
        self,
        code: str,
        severity: Severity,
        message: str,
        suggestion: str,
        *,
        item: Item | None = None,
        quote: str | None = None,
        section: str | None = None,
    ) -> Finding:
        spec = REGISTRY[code]
        location = item.location if item is not None else None
        text = quote if quote is not None else (item.quote if item is not None else "")
        return Finding(
            code=code,
            criterion=spec.criterion,
            section=section or (item.section if item is not None else spec.section),
            severity=severity,
            message=message,
            evidence=Evidence(text=text.strip(), location=location),
            suggestion=suggestion,
        )


_SKIP_HEADER_CELL = CI(r"\b(?:need|outcome|area|section|category|objective|target)s?\b", re.I)


def _items_of(section_id: str, block: Block) -> Iterator[Item]:
    if block.kind is BlockKind.HEADING:
        return
    location = block.location
    if block.kind is BlockKind.TABLE_ROW:
        cells = tuple(c.strip() for c in block.cells)
        if not any(cells) or (block.header and cells == tuple(h.strip() for h in block.header)):
            return
        text = " | ".join(c for c in cells if c)
        yield Item(section_id, text, text, location, block)
        return
    for line in block.text.splitlines():
        line = strip_bullet(line)
        if not line or _LABEL_ONLY.match(line):
            continue
        yield Item(section_id, line, line, location, block)


def _continues(previous: Item, item: Item) -> bool:
    return (
        item.block.kind is BlockKind.PARAGRAPH
        and previous.block.kind is BlockKind.PARAGRAPH
        and item.text[:1].islower()
        and not previous.text.rstrip().endswith((".", "!", "?", ":"))
    )


def provision_cells(item: Item) -> str:
    """For a table row, the cells that describe provision (not the need or outcome it answers)."""
    block = item.block
    if block.kind is not BlockKind.TABLE_ROW or not block.header:
        return item.text
    keep = [
        cell
        for head, cell in zip(block.header, block.cells, strict=False)
        if cell.strip() and not _SKIP_HEADER_CELL.search(head)
    ]
    return " | ".join(keep) if keep else item.text
