"""Attach the narrative's claims to a parsed disclosure."""

from __future__ import annotations

import re
from pathlib import Path

from juesuan.extract.claim_names import NameIndex
from juesuan.extract.claims import extract_claims
from juesuan.model import Disclosure
from juesuan.read.layout import Layout

_PART = re.compile(r"第.{1,3}部分.*(情况说明|决算情况)")
_PART_ANY = re.compile(r"第.{1,3}部分")


def _narrative_line_indexes(layout: Layout, d: Disclosure) -> list[int]:
    """Indexes into ``layout.lines`` of the 情况说明 part (plain lines, not table rows)."""
    parts = [s for s in d.narrative.sections if s.kind == "情况说明" and s.level == 1]
    if layout.format != "pdf" and parts:
        ranges = [(s.line_start or 0, s.line_end or 10**9) for s in parts]
        low, high = min(a for a, _ in ranges), max(b for _, b in ranges)
        return [
            i
            for i, line in enumerate(layout.lines)
            if low <= line.no <= high
            and (len(ranges) == 1 or _within(line.no, ranges))
            and not line.is_row
        ]
    # PDF (per-page line numbers) or no sections found: from the part heading to 名词解释,
    # choosing the longest such span so that the table of contents is skipped.
    starts: list[int] = []
    ends: list[int] = []
    texts = [line.text.replace(" ", "") for line in layout.lines] + [""]
    for i, text in enumerate(texts[:-1]):
        following = texts[i + 1]
        if len(text) < 40 and (
            _PART.search(text) or (_PART_ANY.match(text) and following.startswith("情况说明"))
        ):
            starts.append(i)
        elif len(text) < 30 and ("名词解释" in text or text == "附件"):
            ends.append(i)
    best: tuple[int, int] | None = None
    for start in starts:
        end = next((e for e in ends if e > start), len(layout.lines))
        if best is None or end - start > best[1] - best[0]:
            best = (start, end)
    if best is None:
        return []
    return [i for i in range(best[0], best[1]) if not layout.lines[i].is_row]


def _within(no: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether line number ``no`` is in one of the (inclusive) ``ranges``."""
    return any(a <= no <= b for a, b in ranges)


def attach_claims(layout: Layout, d: Disclosure) -> None:
    """Extract claims from the narrative part and store them in ``d.narrative.claims``."""
    indexes = _narrative_line_indexes(layout, d)
    if not indexes:
        return
    names = NameIndex.from_disclosure(d)
    file = Path(d.meta.source_file or layout.file).name
    lines = layout.lines

    def locate(i: int) -> tuple[int, int | None]:
        return lines[i].no, lines[i].page

    d.narrative.claims = extract_claims(
        [(i, lines[i].text) for i in indexes], names, d.meta.fiscal_year, file, locate
    )
