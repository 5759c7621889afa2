"""Table 06: 部门预算支出经济分类, printed as side-by-side blocks of code | name | 决算数.

The blocks are read one after the other (人员经费 first), so rows come out in reading
order even when the table was split across pages.  The footer carries 人员经费合计 and
公用经费合计, each followed by its figure somewhere to its right.
"""

from __future__ import annotations

from juesuan.extract.blocks import Block
from juesuan.extract.context import Context, cell_text
from juesuan.extract.headers import ColumnPath, column_paths, find_column
from juesuan.extract.norm import clean_label, is_code, norm, split_code_name
from juesuan.extract.rowkit import Parsed, make_row
from juesuan.model.spec import TableSpec
from juesuan.read.layout import Line

FOOTERS = {norm("人员经费合计"): "人员经费合计", norm("公用经费合计"): "公用经费合计"}
VALUE_KEY = "决算数"


def _triples(paths: list[ColumnPath], width: int) -> list[tuple[int, int, int]]:
    starts = [p.index for p in paths if p.leaf in ("科目代码", "代码", "科目编码")]
    if not starts:
        return [(i, i + 1, i + 2) for i in range(0, width - 2, 3)]
    out: list[tuple[int, int, int]] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else width
        block = paths[start:end]
        name = find_column(block, "科目名称", "名称")
        value = find_column(block, "决算数", "金额", "合计")
        out.append(
            (start, start + 1 if name is None else name, start + 2 if value is None else value)
        )
    return out


def _is_footer(line: Line) -> bool:
    # 计 is in both footers and no other character's NFKC form holds it: a quick test
    return any("计" in c.text and norm(c.text) in FOOTERS for c in line.cells)


def parse_economic(block: Block, spec: TableSpec, ctx: Context) -> Parsed | None:
    width = max(len(line.cells) for line in (*block.header_rows, *block.data_rows))
    paths = column_paths(block.header_rows, width)
    if not block.header_rows or width < 3:
        return None
    tid = spec.id
    parsed = Parsed()
    triples = _triples(paths, width)
    parsed.headers[VALUE_KEY] = paths[triples[0][2]].printed_path or VALUE_KEY
    footers = [_is_footer(line) for line in block.data_rows]
    body = [line for line, footer in zip(block.data_rows, footers, strict=True) if not footer]
    for code_col, name_col, value_col in triples:
        column = paths[value_col].printed_path or VALUE_KEY
        for line in body:
            code_text, name_text = cell_text(line, code_col), cell_text(line, name_col)
            value_text = cell_text(line, value_col)
            code: str | None = norm(code_text) if is_code(code_text) else None
            label = clean_label(name_text)
            if code is None and code_text.strip():
                pair = split_code_name(code_text)
                if pair:
                    code, label = pair[0], clean_label(pair[1])
            if code is None:
                if label or value_text.strip():
                    what = label or value_text.strip()
                    ctx.notice(
                        f"公开{tid}表的行「{what}」没有经济分类科目代码，已忽略",
                        ctx.prov(line, tid, label or None),
                    )
                continue
            num = None
            if value_text.strip():
                num = ctx.number(value_text, ctx.prov(line, tid, label, code, column))
            row = make_row(
                ctx,
                line,
                tid,
                key=code,
                label=label,
                code=code,
                printed_label=name_text.strip(),
                values={VALUE_KEY: num} if num is not None else {},
            )
            parsed.add(row, ctx)
    for line, footer in zip(block.data_rows, footers, strict=True):
        if footer:
            _footer(line, paths, parsed, ctx, tid)
    return parsed


def _footer(line: Line, paths: list[ColumnPath], parsed: Parsed, ctx: Context, tid: str) -> None:
    cells = line.cells
    for i, cell in enumerate(cells):
        key = FOOTERS.get(norm(cell.text))
        if key is None:
            continue
        value_index: int | None = None
        for j in range(i + 1, len(cells)):
            if norm(cells[j].text) in FOOTERS:
                break
            if cells[j].text.strip():
                value_index = j
                break
        values = {}
        if value_index is not None:
            column = paths[value_index].printed_path if value_index < len(paths) else VALUE_KEY
            prov = ctx.prov(line, tid, key, None, column or VALUE_KEY)
            num = ctx.number(cells[value_index].text, prov)
            if num is not None:
                values[VALUE_KEY] = num
        parsed.add(make_row(ctx, line, tid, key=key, label=key, values=values), ctx)
