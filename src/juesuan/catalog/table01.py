"""The expense 类 rows printed in table 公开01, in printed order."""

from __future__ import annotations

from juesuan.catalog.builtin import table01_rows
from juesuan.catalog.catalog import Catalog
from juesuan.catalog.entry import CatalogEntry


def table01_expense_classes(year: int, catalog: Catalog | None = None) -> list[CatalogEntry]:
    """The 类 printed in the expense part of table 公开01 for ``year``, in printed order.

    Empty for years the built-in list does not cover (currently 2023–2025).
    """
    catalog = catalog if catalog is not None else Catalog.load_builtin()
    entries: list[CatalogEntry] = []
    for row in table01_rows():
        if row.valid_from <= year and (row.valid_to is None or year <= row.valid_to):
            entry = catalog.get(row.code, year, kind="function")
            if entry is None:
                raise LookupError(f"table 01 class {row.code} missing from the catalog for {year}")
            entries.append(entry)
    return entries
