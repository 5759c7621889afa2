"""From table blocks to the model's :class:`Table` objects (公开01–09)."""

from __future__ import annotations

from collections.abc import Callable

from juesuan.extract.blocks import Block, Orphan
from juesuan.extract.coded import parse_coded
from juesuan.extract.context import Context, trusted
from juesuan.extract.economic import parse_economic
from juesuan.extract.merge import merge_fragments
from juesuan.extract.norm import clean_label
from juesuan.extract.rowkit import Parsed
from juesuan.extract.sangong import parse_sangong
from juesuan.extract.sides import parse_sides
from juesuan.model.spec import SPECS, TableSpec
from juesuan.model.tables import Table, TableId

Parser = Callable[[Block, TableSpec, Context], Parsed | None]
PARSERS: dict[str, Parser] = {
    "01": parse_sides,
    "02": parse_coded,
    "03": parse_coded,
    "04": parse_sides,
    "05": parse_coded,
    "06": parse_economic,
    "07": parse_coded,
    "08": parse_coded,
    "09": parse_sangong,
}


def build_table(block: Block, ctx: Context) -> Table | None:
    """Parse one (merged) block; ``None`` with a notice when its header is not understood."""
    assert block.table_id is not None
    tid: TableId = block.table_id
    spec = SPECS[tid]
    parsed = PARSERS[tid](block, spec, ctx) if block.header_rows or block.data_rows else None
    title_prov = ctx.prov(block.title_line or (block.rows[0] if block.rows else None), tid)
    if parsed is None:
        ctx.notice(
            f"「{block.title or spec.title}」下的内容无法识别为公开{tid}表（表头不符），已跳过",
            title_prov,
        )
        return None
    unit = block.unit if block.unit in ("万元", "元") else None
    return trusted(
        Table,
        {
            "id": tid,
            "title": block.title or None,
            "printed_no": block.printed_no,
            "unit": unit,
            "headers": parsed.headers,
            "rows": parsed.rows,
            "notes": [clean_label(n.text) for n in block.notes],
            "prov": title_prov,
        },
    )


def _same(a: Table, b: Table) -> bool:
    def content(t: Table) -> list[tuple[object, ...]]:
        return [
            (r.side, r.key, tuple(sorted((k, v.value) for k, v in r.values.items())))
            for r in t.rows
        ]

    return content(a) == content(b)


def build_tables(blocks: list[Block], orphans: list[Orphan], ctx: Context) -> dict[TableId, Table]:
    kept, copies = merge_fragments(blocks)
    tables: dict[TableId, Table] = {}
    for block in kept:
        table = build_table(block, ctx)
        if table is not None and block.table_id is not None:
            tables[block.table_id] = table
            if len(block.fragments) > 1:
                lines = "、".join(f"第{n}行" for n in block.fragments)
                ctx.notice(
                    f"公开{table.id}表分为{len(block.fragments)}段（{lines}），已合并", table.prov
                )
    for first, copy in copies:
        assert copy.table_id is not None
        tid = copy.table_id
        original = tables.get(tid)
        duplicate = build_table(copy, Context(ctx.file))
        where = ctx.prov(copy.title_line or copy.rows[0], tid)
        if original is None or duplicate is None:
            ctx.notice(f"公开{tid}表再次出现（第{copy.first_line}行），无法比较，已忽略", where)
        elif _same(original, duplicate):
            ctx.notice(
                f"公开{tid}表重复出现（第{first.first_line}行与第{copy.first_line}行），内容相同，"
                "只计一次",
                where,
                kind="duplicate_table",
            )
        else:
            ctx.notice(
                f"公开{tid}表出现两份且内容不同（第{first.first_line}行与第{copy.first_line}行），"
                "采用第一份",
                where,
                kind="different_copy",
            )
    for orphan in orphans:
        what = f"公开{orphan.table_id}表" if orphan.table_id else "表格"
        ctx.notice(
            f"找到{what}标题「{orphan.title}」，但其后没有表格内容（可能是图片或目录）",
            ctx.prov(orphan.line, orphan.table_id),
            kind="image_table",
        )
    return tables
