"""T rules for the coded tables: 公开02/03/05/07/08 (功能分类) and 公开06 (经济分类)."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.audit.checks import check_sum
from juesuan.audit.context import AuditContext, Cell
from juesuan.audit.lookup import code_tree, find_row, rows_by_code, total_row
from juesuan.audit.registry import RuleFunc, rule
from juesuan.audit.tolerance import sums_exactly
from juesuan.model.finding import Finding
from juesuan.model.spec import spec
from juesuan.model.tables import Row, Table, TableId

_FUNCTION_TABLES: dict[TableId, str] = {
    "02": "收入决算表",
    "03": "支出决算表",
    "05": "一般公共预算财政拨款支出决算表",
    "07": "政府性基金预算财政拨款收入支出决算表",
    "08": "国有资本经营预算财政拨款支出决算表",
}


def _columns(table_id: TableId, rows: list[Row]) -> list[str]:
    """Columns to check: the standard ones in order, then any others the rows carry."""
    present = {k for r in rows for k in r.values}
    ordered = [k for k in spec(table_id).column_keys() if k in present]
    return ordered + sorted(present - set(ordered))


def _row_totals(table_id: TableId) -> RuleFunc:
    table_spec = spec(table_id)
    total_column = table_spec.total_column or ""
    parts = table_spec.part_columns

    def check(ctx: AuditContext) -> Iterator[Finding]:
        table = ctx.table(table_id)
        if table is None:
            return
        for row in table.rows:
            if not row.values or not any(c in row.values for c in (total_column, *parts)):
                continue
            values = row.values
            if sums_exactly(values.get(total_column), [values.get(c) for c in parts]):
                continue  # exact: no cells to build, nothing to report
            yield from check_sum(
                f"T{table_id}01",
                ctx.row_cell(table_id, row, total_column),
                [ctx.row_cell(table_id, row, c) for c in parts],
                f"公开{table_id}表 {_name(row)} [{total_column}] 应等于各列之和",
            )

    return check


def tree_findings(
    ctx: AuditContext, table_id: TableId, code: str, *, with_root: bool = True
) -> Iterator[Finding]:
    """Every parent = Σ its printed children, for every column (合计 = Σ 类 at the root)."""
    table = ctx.table(table_id)
    if table is None:
        return
    tree = code_tree(table)
    coded = rows_by_code(table)
    for parent_code, children in tree.items():
        parent = coded.get(parent_code) if parent_code is not None else None
        if parent_code is None:
            parent = total_row(table) if with_root else None
        if parent is None:
            continue
        level = _level_name(children[0].code)
        for column in _columns(table_id, [parent, *children]):
            if sums_exactly(parent.values.get(column), [c.values.get(column) for c in children]):
                continue
            yield from check_sum(
                code,
                ctx.row_cell(table_id, parent, column),
                [ctx.row_cell(table_id, c, column) for c in children],
                f"公开{table_id}表 {_name(parent)} [{column}] 应等于其下各{level}之和",
            )


def _tree(table_id: TableId) -> RuleFunc:
    def check(ctx: AuditContext) -> Iterator[Finding]:
        yield from tree_findings(ctx, table_id, f"T{table_id}02")

    return check


def _name(row: Row) -> str:
    return " ".join(x for x in (row.code, row.label or row.key) if x)


def _level_name(code: str | None) -> str:
    return {3: "类", 5: "款", 7: "项"}.get(len(code or ""), "科目")


for _tid, _title in _FUNCTION_TABLES.items():
    _s = spec(_tid)
    _parts = "、".join(_s.part_columns)
    rule(
        code=f"T{_tid}01",
        family="table",
        severity="error",
        title=f"公开{_tid}表 每行 {_s.total_column} 应等于各列之和",
        explanation=f"""
            公开{_tid}表（{_title}）每一行（含合计行）：{_s.total_column} = {_parts} 之和，
            空白按 0 计。按印刷精度判断，差额在四舍五入范围内只作尾差提示（T0001）。

            例：某行 {_s.total_column} 印为 554.77，{_s.part_columns[0]} 54.77、
            {_s.part_columns[1]} 500.00，其余为空：54.77 + 500.00 = 554.77，相符；
            若印为 554.79，相差 0.02，超出允许范围 ±0.015，报错。
        """,
    )(_row_totals(_tid))
    rule(
        code=f"T{_tid}02",
        family="table",
        severity="error",
        title=f"公开{_tid}表 合计 = Σ类、类 = Σ款、款 = Σ项（各列）",
        explanation=f"""
            公开{_tid}表（{_title}）沿科目编码层级逐列检查：合计 = 各“类”（3位）之和，
            每个类 = 其下各“款”（5位）之和，每个款 = 其下各“项”（7位）之和。
            只列到上级、未列下级的科目不检查；未列出款而直接列项时，类 = 其下各项之和。

            例：208 社会保障和就业支出 177.01，其下 20805 行政事业单位养老支出 177.01；
            20805 之下 2080501 15.73 + 2080502 23.03 + 2080505 138.25 = 177.01：相符。
        """,
    )(_tree(_tid))


# --------------------------------------------------------------------------- 公开06

DECISION = "决算数"
PERSONNEL_CLASSES = ("301", "303")


def _class_cells(ctx: AuditContext, table: Table, codes: list[str]) -> list[Cell]:
    """Cells of the given 类; a 类 not printed is replaced by its printed 款."""
    coded = rows_by_code(table)
    cells: list[Cell] = []
    for code in codes:
        if code in coded:
            cells.append(ctx.row_cell("06", coded[code], DECISION))
        else:
            cells.extend(
                ctx.row_cell("06", r, DECISION)
                for c, r in coded.items()
                if len(c) == 5 and c.startswith(code)
            )
    return cells


def _classes_06(table: Table) -> list[str]:
    return sorted({c[:3] for c in rows_by_code(table)})


@rule(
    code="T0601",
    family="table",
    severity="error",
    title="公开06表 人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助",
    explanation="""
        公开06表（一般公共预算财政拨款基本支出决算明细表）：人员经费合计 = 301 工资福利支出
        + 303 对个人和家庭的补助。未印类级数时，以其下各款之和代替。

        例：301 1,356.64 + 303 40.10 = 1,396.74，人员经费合计应为 1,396.74。
    """,
)
def personnel_06(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("06")
    total = find_row(table, "人员经费合计")
    if table is None or total is None:
        return
    yield from check_sum(
        "T0601",
        ctx.row_cell("06", total, DECISION),
        _class_cells(ctx, table, list(PERSONNEL_CLASSES)),
        "公开06表 人员经费合计 应等于 301 与 303 之和",
    )


@rule(
    code="T0602",
    family="table",
    severity="error",
    title="公开06表 公用经费合计 = 302 + 307 + 310 + 312 + 399（及所列其他类）",
    explanation="""
        公开06表：公用经费合计 = 302 商品和服务支出 + 307 债务利息及费用支出 + 310 资本性支出
        + 312 对企业补助 + 399 其他支出；表中另列有 309、311、313 等类时一并计入
        （即除 301、303 外所列各类之和）。

        例：302 83.43 + 310 3.50 = 86.93，公用经费合计印为 86.94，相差 0.01，
        在允许范围 ±0.015 内：尾差提示。
    """,
)
def public_06(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("06")
    total = find_row(table, "公用经费合计")
    if table is None or total is None:
        return
    classes = [c for c in _classes_06(table) if c not in PERSONNEL_CLASSES]
    for required in ("302", "307", "310", "312", "399"):
        if required not in classes:
            classes.append(required)
    yield from check_sum(
        "T0602",
        ctx.row_cell("06", total, DECISION),
        _class_cells(ctx, table, sorted(classes)),
        "公开06表 公用经费合计 应等于除 301、303 外各类之和",
    )


@rule(
    code="T0603",
    family="table",
    severity="error",
    title="公开06表 每个类 = 其下各款之和",
    explanation="""
        公开06表按部门预算支出经济分类：每个“类”（3位）= 其下各“款”（5位）之和。
        只列类、未列款的不检查。

        例：310 资本性支出 3.50，其下 31002 办公设备购置 3.50：相符。
    """,
)
def classes_06(ctx: AuditContext) -> Iterator[Finding]:
    yield from tree_findings(ctx, "06", "T0603", with_root=False)
