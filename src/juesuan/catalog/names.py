"""Comparing a printed name with a catalog name, tolerant of harmless typographic differences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from juesuan.catalog.entry import SOURCE_LABELS, SOURCE_RANK, CatalogEntry, Level, Source
from juesuan.model.normal import compact

MatchStatus = Literal["exact", "normalised", "mismatch", "unknown"]

_CLASS_SUFFIX = "支出"


def normalise_name(name: str, level: Level | None = None) -> str:
    """NFKC (full-width brackets and letters to half-width), no whitespace; for a 类 the
    trailing 支出 is dropped, as table 公开01 sometimes prints 类 names without it."""
    text = name
    while True:  # NFKC can expose spaces (e.g. U+00B8) whose removal allows new compositions
        cleaned = compact(text)
        if cleaned == text:
            break
        text = cleaned
    text = text.replace("〔", "(").replace("〕", ")").replace("［", "(").replace("］", ")")
    if level == "类" and text.endswith(_CLASS_SUFFIX) and len(text) > len(_CLASS_SUFFIX):
        text = text[: -len(_CLASS_SUFFIX)]
    return text


@dataclass(frozen=True, slots=True)
class MatchResult:
    """How a printed name compares with the catalog.

    ``source`` is the strength of the evidence behind ``entry``: audit rules must not call a
    name wrong when the only evidence is ``recalled`` (see ``conclusive_mismatch``).
    (A plain dataclass: the audit makes one per printed code–name pair.)
    """

    code: str
    printed_name: str
    year: int | None
    status: MatchStatus
    entry: CatalogEntry | None = None
    source: Source | None = None
    message: str = ""

    @property
    def matches(self) -> bool:
        return self.status in ("exact", "normalised")

    @property
    def conclusive_mismatch(self) -> bool:
        """A mismatch backed by an official or observed entry, not by memory alone."""
        return self.status == "mismatch" and self.source in ("official", "observed")


def match_name(
    code: str, printed_name: str, year: int | None, candidates: list[CatalogEntry]
) -> MatchResult:
    """Compare ``printed_name`` with the candidate entries valid for ``code`` in ``year``."""
    if not candidates:
        where = f"{year}年" if year is not None else "目录"
        return MatchResult(
            code=code,
            printed_name=printed_name,
            year=year,
            status="unknown",
            message=f"科目编码{code}在{where}中没有有效条目",
        )
    # Weaker evidence for the same year is overridden by stronger evidence, so only the
    # strongest tier counts (it may hold several entries, e.g. built-in and user).
    top = max(SOURCE_RANK[e.source] for e in candidates)
    ranked = [e for e in candidates if SOURCE_RANK[e.source] == top]
    printed = printed_name.strip()
    for entry in ranked:
        if entry.name == printed:
            return _result(code, printed_name, year, "exact", entry, "")
    for entry in ranked:
        if normalise_name(entry.name, entry.level) == normalise_name(printed, entry.level):
            return _result(
                code, printed_name, year, "normalised", entry, f"与“{entry.name}”仅有书写差异"
            )
    best = ranked[0]
    return _result(
        code,
        printed_name,
        year,
        "mismatch",
        best,
        f"目录中科目{code}的名称为“{best.name}”（来源：{SOURCE_LABELS[best.source]}），"
        f"印为“{printed}”",
    )


def _result(
    code: str,
    printed: str,
    year: int | None,
    status: MatchStatus,
    entry: CatalogEntry,
    message: str,
) -> MatchResult:
    return MatchResult(
        code=code,
        printed_name=printed,
        year=year,
        status=status,
        entry=entry,
        source=entry.source,
        message=message,
    )
