"""Audit criteria as versioned data.

A framework is a JSON file ``<id>/<version>.json`` in this package. A published version is never edited: a change
is a new version. ``PUBLISHED_HASHES`` pins the content of each published version and the loader refuses a file
whose content no longer matches, so an accidental edit fails loudly (and in the tests) instead of silently
changing the meaning of past audits.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

ANSWERS: tuple[str, ...] = ("met", "partly-met", "not-met", "not-applicable")

# sha256 of the exact bytes of each published framework file.
PUBLISHED_HASHES: dict[tuple[str, str], str] = {
    ("england-send", "1"): "a15f1a782d7c6b20a645326e90d74446333f4169bc641ec8accec56b15f25d0c",
}
DEFAULT_FRAMEWORK: tuple[str, str] = ("england-send", "1")


class FrameworkError(Exception):
    """A framework file that is missing, malformed or has been edited after publication."""


@dataclass(frozen=True)
class Guidance:
    what_good_looks_like: str
    good_example: str
    poor_example: str


@dataclass(frozen=True)
class Criterion:
    code: str  # stable, e.g. "F-06"
    section: str  # "A".."K", "H1", "H2", "GEN" or "P"
    text: str
    guidance: Guidance
    source: str
    weight: int  # 1 (quality) to 3 (core legal requirement)
    answer_scale: tuple[str, ...]
    automated_checks: tuple[str, ...]  # finding codes that inform this criterion

    @property
    def automated(self) -> bool:
        return bool(self.automated_checks)


@dataclass(frozen=True)
class GradeBand:
    grade: str
    min: int
    max: int


@dataclass(frozen=True)
class Framework:
    id: str
    version: str
    title: str
    criteria: tuple[Criterion, ...]
    section_weights: dict[str, int]
    grade_bands: tuple[GradeBand, ...]
    content_hash: str

    def criterion(self, code: str) -> Criterion:
        for c in self.criteria:
            if c.code == code:
                return c
        raise KeyError(code)

    @property
    def by_code(self) -> dict[str, Criterion]:
        return {c.code: c for c in self.criteria}

    def grade_for(self, score: int) -> str:
        for band in self.grade_bands:
            if band.min <= score <= band.max:
                return band.grade
        raise ValueError(f"score {score} is outside every grade band")

    def as_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version}


def framework_bytes(framework_id: str, version: str) -> bytes:
    resource = resources.files(__package__).joinpath(framework_id, f"{version}.json")
    try:
        return resource.read_bytes()
    except (FileNotFoundError, OSError) as exc:
        raise FrameworkError(f"framework {framework_id} version {version} does not exist") from exc


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def load_framework(framework_id: str = DEFAULT_FRAMEWORK[0], version: str = DEFAULT_FRAMEWORK[1]) -> Framework:
    """Load a packaged framework version, verifying it has not changed since publication."""
    data = framework_bytes(framework_id, version)
    digest = content_hash(data)
    pinned = PUBLISHED_HASHES.get((framework_id, version))
    if pinned is not None and pinned != digest:
        raise FrameworkError(
            f"framework {framework_id} version {version} was edited after publication; publish a new version instead"
        )
    return parse_framework(json.loads(data), digest)


def parse_framework(raw: dict[str, Any], digest: str = "") -> Framework:
    """Build a Framework from its JSON form (also used by the web application to import an LA's copy)."""
    try:
        criteria = tuple(
            Criterion(
                code=str(c["code"]),
                section=str(c["section"]),
                text=str(c["text"]),
                guidance=Guidance(**{k: str(v) for k, v in c["guidance"].items()}),
                source=str(c["source"]),
                weight=int(c["weight"]),
                answer_scale=tuple(str(a) for a in c.get("answer_scale", ANSWERS)),
                automated_checks=tuple(str(x) for x in c.get("automated_checks", ())),
            )
            for c in raw["criteria"]
        )
        bands = tuple(GradeBand(str(b["grade"]), int(b["min"]), int(b["max"])) for b in raw["grade_bands"])
        weights = {str(k): int(v) for k, v in raw["section_weights"].items()}
        framework = Framework(
            id=str(raw["id"]),
            version=str(raw["version"]),
            title=str(raw["title"]),
            criteria=criteria,
            section_weights=weights,
            grade_bands=bands,
            content_hash=digest,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise FrameworkError(f"malformed framework: {exc}") from exc
    codes = [c.code for c in criteria]
    if len(codes) != len(set(codes)):
        raise FrameworkError("criterion codes must be unique")
    return framework
