"""Where a figure came from: file, page, line, sheet/cell, table, row, column, text span."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_serializer


class Prov(BaseModel):
    """Provenance of one figure or finding.  All fields optional; ``describe`` renders it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str | None = None
    page: int | None = None
    line: int | None = None
    sheet: str | None = None
    cell: str | None = None
    table: str | None = None
    row: str | None = None
    code: str | None = None
    column: str | None = None
    span: tuple[int, int] | None = None
    text: str | None = None

    @model_serializer(mode="wrap")
    def _drop_empty(self, handler: Any) -> Any:
        out: dict[str, Any] = handler(self)
        return {k: v for k, v in out.items() if v is not None}

    def describe(self) -> str:
        """A short Chinese description, e.g. ``a.txt 第12行 公开03表 2101501 行政运行``."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(f"{self.sheet}!{self.cell}" if self.cell else self.sheet)
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        if self.table:
            parts.append(f"公开{self.table}表" if self.table.isdigit() else self.table)
        row = " ".join(x for x in (self.code, self.row) if x)
        if row:
            parts.append(row)
        if self.column:
            parts.append(f"[{self.column}]")
        if self.span is not None:
            parts.append(f"字符{self.span[0]}-{self.span[1]}")
        return " ".join(parts)
