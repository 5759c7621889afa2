"""Table layouts: the nine public tables, the unit list and the performance attachments."""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.publish.document import TableView
from juesuan.publish.layout.coded import coded_table
from juesuan.publish.layout.other import table06, table09, units_table
from juesuan.publish.layout.perf import attachments
from juesuan.publish.layout.sides import table01, table04

__all__ = ["attachments", "nine_tables", "units_table"]


def nine_tables(d: Disclosure) -> list[TableView]:
    """公开01–09 in their standard layouts, empty tables included (with their note)."""
    return [
        table01(d),
        coded_table(d, "02"),
        coded_table(d, "03"),
        table04(d),
        coded_table(d, "05"),
        table06(d),
        coded_table(d, "07"),
        coded_table(d, "08"),
        table09(d),
    ]
