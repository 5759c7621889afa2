"""Harvest code–name pairs printed in a disclosure's tables (for ``catalog learn``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from juesuan.model import Disclosure

_FUNCTION = re.compile(r"^2\d{2}(\d{2}){0,2}$")
_ECONOMIC = re.compile(r"^3\d{2}(\d{2})?$")


def harvest(d: Disclosure) -> Iterator[tuple[str, str, int]]:
    """Each (code, name, year) printed in a coded row of the nine tables, once.

    Only tables that print codes (02, 03, 05, 06, 07, 08) count: the 类 rows of 01/04 carry
    codes that the reader looked up by name, which would feed the catalog with itself.
    """
    seen: set[tuple[str, str]] = set()
    for tid, table in sorted(d.tables.items()):
        if tid in ("01", "04", "09"):
            continue
        for row in table.rows:
            code, name = (row.code or "").strip(), "".join((row.label or "").split())
            if not code or not name or (code, name) in seen:
                continue
            if _FUNCTION.match(code) or _ECONOMIC.match(code):
                seen.add((code, name))
                yield code, name, d.meta.fiscal_year
