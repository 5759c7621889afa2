"""Tables 02/03/05/07/08: one row per 功能分类 科目 (code + name) and a 合计 row."""

from __future__ import annotations

from juesuan.extract.blocks import Block
from juesuan.extract.context import Context, cell_text
from juesuan.extract.headers import column_paths, find_column, map_columns
from juesuan.extract.norm import clean_label, is_code, norm, split_code_name
from juesuan.extract.rowkit import Parsed, make_row, read_values, record_headers, stray_figures
from juesuan.model.spec import TableSpec

CODE_HEADERS = ("科目代码", "科目编码", "功能分类科目编码", "代码", "编码")
NAME_HEADERS = ("科目名称", "名称")
TOTAL_LABELS = {"合计": "合计", "总计": "合计"}


def parse_coded(block: Block, spec: TableSpec, ctx: Context) -> Parsed | None:
    width = max(len(line.cells) for line in (*block.header_rows, *block.data_rows))
    paths = column_paths(block.header_rows, width)
    code_col = find_column(paths, *CODE_HEADERS)
    name_col = find_column(paths, *NAME_HEADERS)
    if code_col is None:
        code_col = 0
    if name_col is None:
        name_col = code_col + 1
    value_paths = [p for p in paths if p.index not in (code_col, name_col)]
    mapping, unknown = map_columns(value_paths, spec.columns)
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
    used = {code_col, name_col, *mapping}
    for line in block.data_rows:
        code, label, printed = _code_and_label(cell_text(line, code_col), cell_text(line, name_col))
        key: str
        if code is not None:
            key = code
        elif norm(label) in TOTAL_LABELS:
            key = TOTAL_LABELS[norm(label)]
        elif label:
            key = label
            ctx.notice(f"公开{tid}表的行「{label}」没有科目代码", ctx.prov(line, tid, label))
        else:
            key = ""
        values = read_values(line, mapping, paths, ctx, table=tid, row=label or None, code=code)
        stray_figures(line, used, ctx, tid, label or None)
        if not key:
            if values:
                ctx.notice(f"公开{tid}表有一行数值没有科目代码和名称，已忽略", ctx.prov(line, tid))
            continue
        row = make_row(
            ctx,
            line,
            tid,
            key=key,
            label=label or key,
            code=code,
            printed_label=printed,
            values=values,
        )
        parsed.add(row, ctx)
    return parsed


def _code_and_label(code_text: str, name_text: str) -> tuple[str | None, str, str]:
    """(code, label, printed label) from the code and name cells, however they were split."""
    printed = name_text.strip() or code_text.strip()
    if is_code(code_text):
        return norm(code_text), clean_label(name_text), name_text.strip()
    for text in (code_text, name_text):
        pair = split_code_name(text) if text.strip() else None
        if pair is not None:
            return pair[0], clean_label(pair[1]), text.strip()
    if is_code(name_text) and not code_text.strip():
        return norm(name_text), "", name_text.strip()
    return None, clean_label(printed), printed
