"""F rules: completeness and form (tables present, empty tables explained, no duplicates)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from juesuan.audit.context import AuditContext
from juesuan.audit.lookup import norm
from juesuan.audit.registry import INTERNAL_ERROR_CODE, note, rule
from juesuan.model.finding import Finding
from juesuan.model.provenance import Prov
from juesuan.model.spec import spec
from juesuan.model.tables import TABLE_IDS, TableId

note(
    code=INTERNAL_ERROR_CODE,
    family="form",
    severity="error",
    title="审核规则执行出错",
    explanation="""
        某条审核规则在这份文件上运行时出错，这是 juesuan 的缺陷而不是文件的问题；
        其余规则照常运行。请加 --debug 重试以查看调用栈，并把文件和信息报告给开发者。
    """,
)

REQUIRED_TABLES: dict[str, tuple[TableId, ...]] = {
    "national": TABLE_IDS,
    "shanghai": TABLE_IDS,
    "other": ("01", "02", "03"),
}
_EMPTY_NOTE = re.compile(
    r"无数据|空表|无相关|无.{0,12}(收支|收入|支出|经费|情况|数据|发生|结转)|未发生"
)


@rule(
    code="F0101",
    family="form",
    severity="error",
    title="缺少应公开的决算表",
    explanation="""
        部门决算公开应包括九张表（公开01–09：收入支出决算总表、收入决算表、支出决算表、
        财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出
        决算明细表、政府性基金预算财政拨款收入支出决算表、国有资本经营预算财政拨款支出决算表、
        财政拨款“三公”经费支出决算表）。上海模板同样九张（编号不同，按内容对应）。
        没有数据的表也要以空表公开并加说明。

        例：文件中找不到“国有资本经营预算财政拨款支出决算表”：报错（公开08表缺失）。
    """,
)
def required_tables(ctx: AuditContext) -> Iterator[Finding]:
    meta = ctx.disclosure.meta
    if "决算" not in (meta.document_kind or ""):
        return
    required = REQUIRED_TABLES.get(meta.template, TABLE_IDS)
    for table_id in required:
        if table_id not in ctx.disclosure.tables:
            yield Finding(
                code="F0101",
                severity="error",
                message=f"缺少公开{table_id}表（{spec(table_id).title}）",
                location=Prov(file=meta.source_file, table=table_id),
                expected="有此表",
                actual="缺失",
            )


@rule(
    code="F0102",
    family="form",
    severity="warning",
    title="空表没有说明（公开07/08/09）",
    explanation="""
        政府性基金、国有资本经营和“三公”经费没有数据时，仍应按格式公开空表，并在表下注明
        原因（如“本部门本年度无政府性基金预算财政拨款收支，按要求以空表列示”）。
        空表而无此类说明时警告。

        例：公开08表只有表头和空白合计行，表下注释中没有“无…/空表”之类的说明：警告。
    """,
)
def empty_without_note(ctx: AuditContext) -> Iterator[Finding]:
    empty_ok: tuple[TableId, ...] = ("07", "08", "09")
    for table_id in empty_ok:
        table = ctx.table(table_id)
        if table is None or not table.is_empty:
            continue
        if any(_EMPTY_NOTE.search(norm(n)) for n in table.notes):
            continue
        yield Finding(
            code="F0102",
            severity="warning",
            message=f"公开{table_id}表为空表，但表下没有说明（应注明本年度无相关收支、以空表列示）",
            location=ctx.table_prov(table_id),
        )


@rule(
    code="F0103",
    family="form",
    severity="error",
    title="同一张表中的行重复（科目编码或项目重复出现）",
    explanation="""
        一张表里同一个科目编码（或同一侧的同一个固定项目）只应出现一次。重复的行通常是
        跨页表格重复了表头下的行、或复制粘贴出错，会使合计关系失真。

        例：公开03表 2101501 行政运行 出现两次：报错（指向第二次出现的位置）。
    """,
)
def duplicated_rows(ctx: AuditContext) -> Iterator[Finding]:
    for table_id, table in sorted(ctx.disclosure.tables.items()):
        seen: dict[tuple[str | None, str], int] = {}
        for index, row in enumerate(table.rows):
            if not row.key.strip():
                continue
            ident = (row.side, row.code or row.key)
            if ident not in seen:
                seen[ident] = index
                continue
            first = table.rows[seen[ident]]
            here = ctx.row_cell(table_id, row, "").prov._replace(column=None)
            there = ctx.row_cell(table_id, first, "").prov._replace(column=None)
            what = " ".join(x for x in (row.code, row.label or row.key) if x)
            yield Finding(
                code="F0103",
                severity="error",
                message=f"公开{table_id}表 {what} 重复出现",
                location=here,
                related=[there],
                expected="只出现一次",
                actual="重复",
            )


@rule(
    code="F0104",
    family="form",
    severity="error",
    title="决算年度缺失或不合理",
    explanation="""
        每份决算公开都对应一个已经结束的预算年度（决算年度），情况说明中的“本年”“上年”
        都据此判断。年度缺失时报错；年度为当年或以后（年度尚未结束）时警告。

        例：2024 年发布的文件填写决算年度为 2024：警告（应为 2023）。
    """,
)
def fiscal_year(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.year
    location = ctx.document_prov()
    if year is None:
        yield Finding(
            code="F0104",
            severity="error",
            message="缺少决算年度",
            location=location,
            expected="四位年份",
            actual="（空）",
        )
    elif year >= date.today().year:
        yield Finding(
            code="F0104",
            severity="warning",
            message=f"决算年度 {year} 尚未结束，决算年度通常是发布年份的上一年",
            location=location,
            expected=f"≤ {date.today().year - 1}",
            actual=str(year),
        )


@rule(
    code="F0105",
    family="form",
    severity="warning",
    title="表的金额单位与文件不一致",
    explanation="""
        文件声明的金额单位（一般为万元）应与各表表头的“金额单位”一致；不一致时勾稽关系和
        情况说明里的数字都无从比较。

        例：文件金额单位为万元，公开09表表头印“金额单位：元”：警告。
    """,
)
def amount_unit(ctx: AuditContext) -> Iterator[Finding]:
    expected = ctx.disclosure.meta.amount_unit
    for table_id, table in sorted(ctx.disclosure.tables.items()):
        if table.unit is not None and table.unit != expected:
            yield Finding(
                code="F0105",
                severity="warning",
                message=f"公开{table_id}表的金额单位为{table.unit}，与文件的{expected}不一致",
                location=ctx.table_prov(table_id),
                expected=expected,
                actual=table.unit,
            )
