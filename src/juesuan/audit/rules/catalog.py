"""C rules: printed 科目编码–名称 pairs against the year's classification catalog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from juesuan.audit.context import AuditContext
from juesuan.audit.registry import note, rule
from juesuan.model.finding import Finding
from juesuan.model.provenance import Prov
from juesuan.model.tables import Row, TableId

if TYPE_CHECKING:
    from juesuan.catalog import Catalog
    from juesuan.catalog.names import MatchResult

CODED_TABLES: tuple[TableId, ...] = ("02", "03", "05", "06", "07", "08")

note(
    code="C0001",
    family="catalog",
    severity="info",
    title="科目目录不可用，未核对科目编码与名称",
    explanation="""
        核对科目编码与名称需要科目目录（juesuan.catalog）。目录模块不可用或文件没有决算年度时，
        C 类规则跳过，只给出这条提示。
    """,
)


@rule(
    code="C0101",
    family="catalog",
    severity="warning",
    title="科目名称与科目目录不符",
    explanation="""
        表中印出的科目编码与名称应与当年的《政府收支分类科目》（支出功能分类）或部门预算支出
        经济分类一致。书写差异（全角/半角括号、空格，公开01表类名省略“支出”）不算不符。

        证据强弱不同，结论也不同：目录条目来自官方科目文本（official）或已公开表格所见
        （observed）时，不符给出警告；条目只来自维护者记忆（recalled，未核实）时只作提示，
        绝不因记忆条目而报错。

        例：公开03表印“2101501 行政运营”，目录中为“行政运行”（官方）：警告。
    """,
    emits=("C0001",),
)
def name_mismatch(ctx: AuditContext) -> Iterator[Finding]:
    catalog = ctx.catalog
    year = ctx.year
    if catalog is None or year is None:
        yield Finding(
            code="C0001",
            severity="info",
            message="科目目录不可用或缺少决算年度，未核对科目编码与名称",
            location=ctx.document_prov(),
        )
        return
    for (code, printed), (result, places) in _checked(ctx, catalog, year).items():
        if result.status != "mismatch":
            continue
        provs = _provs(ctx, places)
        conclusive = result.source in ("official", "observed")
        expected = result.entry.name if result.entry is not None else None
        yield Finding(
            code="C0101",
            severity="warning" if conclusive else "info",
            message=f"科目 {code} 的名称印为“{printed}”，{year}年目录中为“{expected}”"
            + ("" if conclusive else "（目录条目仅来自记忆、未核实，仅供参考）"),
            location=provs[0],
            related=provs[1:],
            expected=expected,
            actual=printed,
        )


@rule(
    code="C0102",
    family="catalog",
    severity="warning",
    title="科目编码不在当年科目目录中",
    explanation="""
        表中印出的科目编码在当年的科目目录里找不到：可能是印错、OCR 误识，也可能是目录尚未
        收录（目录由官方文本和已公开表格逐年补充）。只作警告；确认无误后可用
        juesuan catalog 命令把它补进自己的目录。

        例：公开02表印“2101599 其他医疗保障管理事务支出”，若目录未收录 2101599：警告。
    """,
    emits=("C0001",),
)
def unknown_code(ctx: AuditContext) -> Iterator[Finding]:
    catalog = ctx.catalog
    year = ctx.year
    if catalog is None or year is None:
        return  # C0101 has said so
    for (code, printed), (result, places) in _checked(ctx, catalog, year).items():
        if result.status != "unknown":
            continue
        provs = _provs(ctx, places)
        yield Finding(
            code="C0102",
            severity="warning",
            message=f"科目编码 {code}（{printed}）不在{year}年的科目目录中",
            location=provs[0],
            related=provs[1:],
            actual=code,
        )


_Places = list[tuple[TableId, Row]]


def _checked(
    ctx: AuditContext, catalog: Catalog, year: int
) -> dict[tuple[str, str], tuple[MatchResult, _Places]]:
    """Every printed pair with the catalog's verdict, computed once for C0101 and C0102."""

    def compute() -> dict[tuple[str, str], tuple[MatchResult, _Places]]:
        return {
            (code, printed): (catalog.name_matches(code, printed, year), places)
            for (code, printed), places in _pairs(ctx).items()
        }

    return ctx.memo("catalog.pairs", compute)


def _pairs(ctx: AuditContext) -> dict[tuple[str, str], list[tuple[TableId, Row]]]:
    """Distinct printed (code, name) pairs with every row they were printed in."""
    out: dict[tuple[str, str], list[tuple[TableId, Row]]] = {}
    for table_id in CODED_TABLES:
        table = ctx.table(table_id)
        if table is None:
            continue
        for row in table.rows:
            name = _printed_name(row)
            if not row.code or not name:
                continue
            out.setdefault((row.code.strip(), name), []).append((table_id, row))
    return out


def _provs(ctx: AuditContext, places: list[tuple[TableId, Row]]) -> list[Prov]:
    """Locations of a pair, computed only for pairs that are reported."""
    return [ctx.row_cell(tid, row, "").prov._replace(column=None) for tid, row in places]


def _printed_name(row: Row) -> str:
    return (row.printed_label or row.label or "").strip()
