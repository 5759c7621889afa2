"""Tables 02, 03, 05, 07, 08: 功能分类 rows (合计, 类, 款, 项) × the spec's columns."""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.model.spec import Column, spec
from juesuan.publish.document import Cell, TableView
from juesuan.publish.layout.cells import code, column_numbers, frame, head, label, num, value


def _header(columns: tuple[Column, ...]) -> list[list[Cell]]:
    """项目 | grouped column headers (a group spans its columns, a lone header two rows)."""
    top: list[Cell] = [head("项目", colspan=2)]
    second: list[Cell] = [head("科目代码"), head("科目名称")]
    i = 0
    while i < len(columns):
        group, _, name = columns[i].header.rpartition("/")
        if not group:
            top.append(head(name, rowspan=2))
            i += 1
            continue
        j = i
        while j < len(columns) and columns[j].header.rpartition("/")[0] == group:
            second.append(head(columns[j].header.rpartition("/")[2]))
            j += 1
        top.append(head(group, colspan=j - i))
        i = j
    numbers = column_numbers([head("栏次", colspan=2)], len(columns))
    return [top, second, numbers]


def coded_table(d: Disclosure, table_id: str) -> TableView:
    t = d.tables.get(table_id)  # type: ignore[call-overload]
    view = frame(d, table_id, t)
    columns = spec(table_id).columns
    view.header = _header(columns)
    total = t.find("合计") if t is not None else None
    body: list[list[Cell]] = [
        [
            label("合计", bold=True, colspan=2),
            *(num(value(total, c.key), bold=True) for c in columns),
        ]
    ]
    for row in t.coded_rows() if t is not None else []:
        c = row.code or ""
        depth = {3: 0, 5: 1, 7: 2}.get(len(c), 0)
        cells = [code(c), label(row.label, indent=depth, bold=depth == 0)]
        cells.extend(num(row.values.get(col.key)) for col in columns)
        body.append(cells)
    view.body = body
    view.widths = [12, 30, *([14] * len(columns))]
    return view
