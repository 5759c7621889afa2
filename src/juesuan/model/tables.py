"""The nine public tables (公开01–09), identified by labels, never by position or 行次."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from juesuan.model.figure import Num
from juesuan.model.provenance import Prov

TableId = Literal["01", "02", "03", "04", "05", "06", "07", "08", "09"]
TABLE_IDS: tuple[TableId, ...] = ("01", "02", "03", "04", "05", "06", "07", "08", "09")
Side = Literal["收入", "支出"]


class Row(BaseModel):
    """One row: a 科目 (``code`` + ``label``) or a fixed item (``label``), with its cells.

    ``key`` is the row's identity inside its table and side: the code for coded rows,
    otherwise the canonical label (e.g. ``本年收入合计`` or
    ``年初财政拨款结转和结余/一般公共预算财政拨款``).
    The total row of coded tables (02/03/05/07/08) has key ``合计`` and no code.
    ``values`` maps canonical column keys (see ``juesuan.model.spec``) to figures; a blank
    cell has no entry.
    """

    model_config = ConfigDict(extra="forbid")

    key: str
    label: str
    code: str | None = None
    side: Side | None = None
    line_no: int | None = None
    printed_label: str | None = None
    values: dict[str, Num] = Field(default_factory=dict)
    prov: Prov | None = None


class Table(BaseModel):
    """One public table.  ``headers`` maps column keys to the headers as printed."""

    model_config = ConfigDict(extra="forbid")

    id: TableId
    title: str | None = None
    printed_no: str | None = None
    unit: Literal["万元", "元"] | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    rows: list[Row] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    prov: Prov | None = None

    def find(self, key: str, side: Side | None = None) -> Row | None:
        for row in self.rows:
            if row.key == key and (side is None or row.side == side):
                return row
        return None

    def cell(self, key: str, column: str, side: Side | None = None) -> Num | None:
        row = self.find(key, side)
        return row.values.get(column) if row is not None else None

    def coded_rows(self) -> list[Row]:
        return [r for r in self.rows if r.code]

    @property
    def is_empty(self) -> bool:
        return not any(r.values for r in self.rows)
