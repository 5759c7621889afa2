"""Finding rows in the tables: by canonical key, by label, and along the code tree."""

from __future__ import annotations

import re
from collections.abc import Iterable

from juesuan.model.memo import text_cache
from juesuan.model.normal import compact
from juesuan.model.tables import Row, Side, Table

_ENUM = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十]+[)）]|\d+[、.．])"
)
TOTAL_LABELS = ("合计", "总计")


@text_cache(8192)
def norm(text: str) -> str:
    """Compare labels loosely: NFKC, no whitespace, no leading enumeration (一、 / （一）)."""
    out = compact(text)
    return _ENUM.sub("", out)


def find_row(table: Table | None, key: str, side: Side | None = None) -> Row | None:
    """The row with this canonical key (or, failing that, this label after :func:`norm`)."""
    if table is None:
        return None
    row = table.find(key, side)
    if row is not None:
        return row
    wanted = norm(key)
    for row in table.rows:
        if side is not None and row.side != side:
            continue
        if norm(row.key) == wanted or norm(row.label) == wanted:
            return row
    return None


def total_row(table: Table | None) -> Row | None:
    """The 合计 row of a coded table (a row without code labelled 合计/总计)."""
    if table is None:
        return None
    for label in TOTAL_LABELS:
        for row in table.rows:
            if not row.code and (norm(row.key) == label or norm(row.label) == label):
                return row
    return None


def rows_by_code(table: Table | None) -> dict[str, Row]:
    """Coded rows by code; a repeated code keeps its first row (rule F0103 reports it)."""
    out: dict[str, Row] = {}
    if table is None:
        return out
    for row in table.rows:
        if row.code and row.code not in out:
            out[row.code] = row
    return out


def nearest_parent(code: str, printed: Iterable[str]) -> str | None:
    """The nearest printed ancestor of a code (None: the table's 合计)."""
    have = set(printed)
    length = len(code) - 2
    while length >= 3:
        if code[:length] in have:
            return code[:length]
        length -= 2
    return None


def code_tree(table: Table | None) -> dict[str | None, list[Row]]:
    """Children of every printed node: a code's rows one printed level below it.

    A 项 whose 款 is not printed hangs under its 类, and so on; ``None`` is the root (the
    合计 row).  A parent printed without children has no entry.
    """
    coded = rows_by_code(table)
    tree: dict[str | None, list[Row]] = {}
    for code, row in coded.items():
        tree.setdefault(nearest_parent(code, coded), []).append(row)
    return tree


def is_sub_item(row: Row) -> bool:
    """A 其中 line (key ``a/b``): part of another row, never added to a total."""
    return "/" in row.key or norm(row.label).startswith("其中")


def side_items(table: Table | None, side: Side, exclude: Iterable[str]) -> list[Row]:
    """Rows of one side that are neither totals (``exclude``) nor 其中 lines."""
    if table is None:
        return []
    skip = {norm(k) for k in exclude}
    return [
        r
        for r in table.rows
        if r.side == side and norm(r.key) not in skip and not is_sub_item(r) and r.key.strip()
    ]
