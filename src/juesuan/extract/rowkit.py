"""Helpers shared by the table parsers: the parse result, cell values, duplicate rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from juesuan.extract.context import Context, cell_text, trusted
from juesuan.extract.headers import ColumnPath
from juesuan.extract.norm import norm
from juesuan.model.figure import Num
from juesuan.model.spec import Column
from juesuan.model.tables import Row, Side
from juesuan.read.layout import Line


@dataclass
class Parsed:
    """What a table parser found: rows in printed order and the printed header of each key."""

    rows: list[Row] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    _seen: set[tuple[str | None, str]] = field(default_factory=set)

    def add(self, row: Row, ctx: Context) -> None:
        ident = (row.side, row.key)
        if ident in self._seen:
            ctx.notice(f"行「{row.key}」重复出现，已忽略后一行", row.prov)
            return
        self._seen.add(ident)
        self.rows.append(row)


def record_headers(
    parsed: Parsed, mapping: Mapping[int, Column], paths: Sequence[ColumnPath]
) -> None:
    for index, col in mapping.items():
        parsed.headers.setdefault(col.key, paths[index].printed_path or col.header)


def read_values(
    line: Line,
    mapping: Mapping[int, Column],
    paths: Sequence[ColumnPath],
    ctx: Context,
    *,
    table: str,
    row: str | None,
    code: str | None,
) -> dict[str, Num]:
    values: dict[str, Num] = {}
    for index, col in mapping.items():
        text = cell_text(line, index)
        if not text.strip():
            continue
        prov = ctx.prov(line, table, row, code, paths[index].printed_path or col.header)
        num = ctx.number(text, prov)
        if num is not None:
            values[col.key] = num
    return values


def stray_figures(
    line: Line, used: Iterable[int], ctx: Context, table: str, row: str | None
) -> None:
    """Report figures printed in columns that have no recognised header."""
    taken = set(used)
    for index, cell in enumerate(line.cells):
        if index in taken or not cell.text.strip():
            continue
        t = norm(cell.text)
        if any(ch.isdigit() for ch in t) and "." in t:
            ctx.notice(
                f"第{index + 1}列的数值「{cell.text.strip()}」没有可识别的表头，已忽略",
                ctx.prov(line, table, row),
            )


def make_row(
    ctx: Context,
    line: Line,
    table: str,
    *,
    key: str,
    label: str,
    code: str | None = None,
    side: Side | None = None,
    line_no: int | None = None,
    printed_label: str | None = None,
    values: dict[str, Num] | None = None,
) -> Row:
    return trusted(
        Row,
        {
            "key": key,
            "label": label,
            "code": code,
            "side": side,
            "line_no": line_no,
            "printed_label": printed_label if printed_label and printed_label != label else None,
            "values": values or {},
            "prov": ctx.prov(line, table, label, code),
        },
    )
