"""Recognise the nine tables' titles and their printed numbers (公开NN表)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.extract.norm import norm, strip_numbering
from juesuan.model.spec import SPECS
from juesuan.model.tables import TABLE_IDS, TableId

MAX_TITLE_CHARS = 60
_EXTRA_VARIANTS: dict[str, tuple[str, ...]] = {
    "06": ("一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算表"),
    "09": ("一般公共预算财政拨款三公经费支出决算表", "财政拨款三公经费支出决算表"),
}
_PRINTED_NO = re.compile(r"[(\[]?公开(\d{1,2})表[)\]]?")
_CONTINUED = re.compile(r"[(\[]?续表?[)\]]?$")
_BAD_PREFIX = re.compile(r"[,，。;；:：、!?]")


def _variants() -> list[tuple[str, TableId]]:
    out: list[tuple[str, TableId]] = []
    for tid in TABLE_IDS:
        names = {*SPECS[tid].title_variants, SPECS[tid].title, *_EXTRA_VARIANTS.get(tid, ())}
        out.extend((norm(n), tid) for n in names)
    out.sort(key=lambda v: len(v[0]), reverse=True)
    return out


_VARIANTS = _variants()


@dataclass(frozen=True)
class TitleMatch:
    table_id: TableId
    title: str  # the title as printed, without numbering
    printed_no: str | None  # "01" ... when printed on the same line
    continued: bool = False


def printed_number(text: str) -> str | None:
    """``公开 02 表`` alone on a line → ``"02"``."""
    if "公开" not in text or len(text) > 24:
        return None
    t = norm(text)
    m = _PRINTED_NO.fullmatch(t)
    return f"{int(m.group(1)):02d}" if m else None


def table_for_number(no: str | None) -> TableId | None:
    for tid in TABLE_IDS:
        if tid == no:
            return tid
    return None


def match_title(text: str) -> TitleMatch | None:
    """The table whose title this line is, or ``None`` (prose, headings, other titles)."""
    if "表" not in text or len(text) > 2 * MAX_TITLE_CHARS:
        return None
    t = norm(text)
    if not t or len(t) > MAX_TITLE_CHARS or not t.endswith(("表", ")", "）", "]")):
        return None
    printed: str | None = None
    m = _PRINTED_NO.search(t)
    if m:
        printed = f"{int(m.group(1)):02d}"
        t = (t[: m.start()] + t[m.end() :]).strip()
    continued = False
    c = _CONTINUED.search(t)
    if c and c.start() > 0:
        continued = True
        t = t[: c.start()]
    t = norm(strip_numbering(t))
    for variant, tid in _VARIANTS:
        if t.endswith(variant):
            prefix = t[: -len(variant)]
            if len(prefix) > 30 or _BAD_PREFIX.search(prefix):
                return None
            return TitleMatch(tid, strip_numbering(text.strip()), printed, continued)
    return None
