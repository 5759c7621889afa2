"""Table 09: 三公 经费, one data row under the 预算数 and 决算数 column blocks.

The 预算数 / 决算数 row is often misaligned in exports (merged cells collapse), so the
blocks are found from the item headers instead: the block changes where the first item
(合计) repeats.  Within a block the items are matched by their printed path, so 002's
``合计`` printed under 公务用车购置及运行维护费 still means that group's 小计.
"""

from __future__ import annotations

from juesuan.extract.blocks import Block
from juesuan.extract.context import Context
from juesuan.extract.headers import ColumnPath, column_paths, map_columns
from juesuan.extract.norm import norm
from juesuan.extract.rowkit import Parsed, make_row, read_values, record_headers, stray_figures
from juesuan.model.spec import TableSpec
from juesuan.read.layout import Line

ROW_KEY = "三公经费"
BLOCK_WORDS = ("预算数", "决算数")


def _block_order(rows: list[Line]) -> list[str]:
    order: list[str] = []
    for row in rows:
        for cell in row.cells:
            word = norm(cell.text)
            if word in BLOCK_WORDS and word not in order:
                order.append(word)
    for word in BLOCK_WORDS:
        if word not in order:
            order.append(word)
    return order


def sangong_paths(header_rows: list[Line], width: int) -> list[ColumnPath]:
    """Column paths with the block word (预算数/决算数) put first by position of the items."""
    block_rows = [r for r in header_rows if any(norm(c.text) in BLOCK_WORDS for c in r.cells)]
    if not block_rows:
        return column_paths(header_rows, width)
    order = _block_order(block_rows)
    items = column_paths([r for r in header_rows if r not in block_rows], width)
    first_leaf: str | None = None
    block = 0
    out: list[ColumnPath] = []
    for path in items:
        if not path.printed:
            out.append(path)
            continue
        top = norm(path.printed[0])
        if first_leaf is None:
            first_leaf = top
        elif top == first_leaf and len(path.printed) == 1:
            block = min(block + 1, len(order) - 1)
        out.append(ColumnPath(path.index, (order[block], *path.printed)))
    return out


def parse_sangong(block: Block, spec: TableSpec, ctx: Context) -> Parsed | None:
    width = max(len(line.cells) for line in (*block.header_rows, *block.data_rows))
    paths = sangong_paths(block.header_rows, width)
    mapping, unknown = map_columns(paths, spec.columns)
    if not mapping:
        return None
    tid = spec.id
    for path in unknown:
        ctx.notice(
            f"公开{tid}表的表头「{path.printed_path}」无法对应到标准栏目，该列已忽略",
            ctx.prov(block.header_rows[-1] if block.header_rows else None, tid),
        )
    parsed = Parsed()
    record_headers(parsed, mapping, paths)
    label = spec.fixed_rows[0].label if spec.fixed_rows else ROW_KEY
    for line in block.data_rows:
        values = read_values(line, mapping, paths, ctx, table=tid, row=label, code=None)
        stray_figures(line, mapping, ctx, tid, label)
        if not values:
            continue
        if parsed.rows:
            ctx.notice(f"公开{tid}表有多于一行数据，只采用第一行", ctx.prov(line, tid, label))
            continue
        parsed.add(make_row(ctx, line, tid, key=ROW_KEY, label=label, values=values), ctx)
    return parsed
