"""T rules for the fixed-label tables: 公开01 (总表), 公开04 (财政拨款总表), 公开09 (三公)."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.audit.checks import check_equal, check_sides, check_sum
from juesuan.audit.context import AuditContext, Cell
from juesuan.audit.lookup import find_row, side_items
from juesuan.audit.registry import note, rule
from juesuan.model.finding import Finding
from juesuan.model.spec import (
    EXPENSE_04_TOTALS,
    EXPENSE_TOTALS_01,
    FUND_KINDS,
    INCOME_01_TOTALS,
)
from juesuan.model.tables import Row, Side, Table

AMOUNT = "金额"
TOTAL = "合计"
INCOME: Side = "收入"
EXPENSE: Side = "支出"
OPENING = "年初财政拨款结转和结余"
CLOSING = "年末财政拨款结转和结余"
NON_FISCAL_SURPLUS = "使用非财政拨款结余（含专用结余）"

note(
    code="T0001",
    family="table",
    severity="info",
    title="表内尾差：勾稽关系仅在四舍五入范围内成立",
    explanation="""
        表内的加总关系（如 合计 = 各项之和）按印刷精度判断：印为两位小数的数代表
        ±0.005 的区间（元换算为万元四舍五入所致）。合计与各项之和不完全相等、但差额不超过
        各数舍入半径之和（XBRL Calculations 1.1 的 round-to-nearest 规则）时，属于尾差，
        只作提示，不算错误。

        例：公开02表 208 类 177.00，其下 20805 款 177.00，3 个项 15.73 + 23.03 + 138.25
        = 177.01，相差 0.01，允许范围 ±0.02（4 个数各 ±0.005）：尾差提示。

        不想看到尾差提示时：--ignore T0001。
    """,
)


def _row_present(table: Table | None, key: str, side: Side | None) -> Row | None:
    return find_row(table, key, side)


# --------------------------------------------------------------------------- 公开01


def _c01(ctx: AuditContext, key: str, side: Side) -> Cell:
    return ctx.cell("01", key, AMOUNT, side)


@rule(
    code="T0101",
    family="table",
    severity="error",
    title="公开01表 本年收入合计 应等于各项收入之和",
    explanation="""
        公开01表收入部分：本年收入合计 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入
        + 国有资本经营预算财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入
        + 附属单位上缴收入 + 其他收入（空白按 0 计，“其中”行不重复相加）。

        例：一般公共预算财政拨款收入 2,619.78，其余为空，本年收入合计应为 2,619.78；
        印为 2,619.80 则相差 0.02，超出尾差允许范围 ±0.01，报错。
    """,
)
def income_total_01(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("01")
    if _row_present(table, "本年收入合计", INCOME) is None:
        return
    parts = [ctx.row_cell("01", r, AMOUNT) for r in side_items(table, INCOME, INCOME_01_TOTALS)]
    yield from check_sum(
        "T0101",
        _c01(ctx, "本年收入合计", INCOME),
        parts,
        "公开01表 本年收入合计 应等于各项收入之和",
    )


@rule(
    code="T0102",
    family="table",
    severity="error",
    title="公开01表 本年支出合计 应等于各类支出之和",
    explanation="""
        公开01表支出部分：本年支出合计 = 各功能分类“类”级支出（一般公共服务支出 …
        抗疫特别国债安排的支出）之和。

        例：社会保障和就业支出 177.01 + 卫生健康支出 2,342.01 + 住房保障支出 104.76
        = 2,623.78，本年支出合计应为 2,623.78。
    """,
)
def expense_total_01(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("01")
    if _row_present(table, "本年支出合计", EXPENSE) is None:
        return
    parts = [ctx.row_cell("01", r, AMOUNT) for r in side_items(table, EXPENSE, EXPENSE_TOTALS_01)]
    yield from check_sum(
        "T0102",
        _c01(ctx, "本年支出合计", EXPENSE),
        parts,
        "公开01表 本年支出合计 应等于各类支出之和",
    )


@rule(
    code="T0103",
    family="table",
    severity="error",
    title="公开01表 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    explanation="""
        公开01表收入部分的总计 = 本年收入合计 + 使用非财政拨款结余（含专用结余）
        + 年初结转和结余。

        例：本年收入合计 2,619.78，年初结转和结余 4.00，收入总计应为 2,623.78。
    """,
)
def income_grand_total_01(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("01")
    if _row_present(table, "总计", INCOME) is None:
        return
    parts = [_c01(ctx, k, INCOME) for k in ("本年收入合计", NON_FISCAL_SURPLUS, "年初结转和结余")]
    yield from check_sum(
        "T0103",
        _c01(ctx, "总计", INCOME),
        parts,
        "公开01表 收入总计 应等于本年收入合计、使用非财政拨款结余与年初结转和结余之和",
    )


@rule(
    code="T0104",
    family="table",
    severity="error",
    title="公开01表 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    explanation="""
        公开01表支出部分的总计 = 本年支出合计 + 结余分配 + 年末结转和结余。

        例：本年支出合计 2,623.78，结余分配、年末结转和结余为空，支出总计应为 2,623.78。
    """,
)
def expense_grand_total_01(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("01")
    if _row_present(table, "总计", EXPENSE) is None:
        return
    parts = [_c01(ctx, k, EXPENSE) for k in ("本年支出合计", "结余分配", "年末结转和结余")]
    yield from check_sum(
        "T0104",
        _c01(ctx, "总计", EXPENSE),
        parts,
        "公开01表 支出总计 应等于本年支出合计、结余分配与年末结转和结余之和",
    )


@rule(
    code="T0105",
    family="table",
    severity="error",
    title="公开01表 收入总计 应等于 支出总计",
    explanation="""
        收入支出决算总表两侧平衡：收入总计 = 支出总计。

        例：收入总计 2,623.78，支出总计也应为 2,623.78。
    """,
)
def balance_01(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("01")
    if _row_present(table, "总计", INCOME) is None or _row_present(table, "总计", EXPENSE) is None:
        return
    yield from check_equal(
        "T0105",
        _c01(ctx, "总计", EXPENSE),
        _c01(ctx, "总计", INCOME),
        "公开01表 支出总计 应等于收入总计",
    )


# --------------------------------------------------------------------------- 公开04

_EXPENSE_04_KEYS = tuple(r.key for r in EXPENSE_04_TOTALS)
_COLUMNS_04 = (TOTAL, *FUND_KINDS)


def _closing_cell(ctx: AuditContext, kind: str) -> Cell | None:
    """年末结转和结余 of one fund: the 年末 row's fund column, or its 其中 row."""
    table = ctx.table("04")
    row = find_row(table, CLOSING, EXPENSE)
    if row is not None and kind in row.values:
        return ctx.row_cell("04", row, kind)
    split = find_row(table, f"{CLOSING}/{kind}", EXPENSE)
    if split is not None:
        for column in (kind, TOTAL, AMOUNT):
            if column in split.values:
                return ctx.row_cell("04", split, column)
        return ctx.row_cell("04", split, kind)
    if row is not None:
        return ctx.row_cell("04", row, kind)
    return None


def _closing_for(ctx: AuditContext, column: str) -> Cell:
    """年末结转和结余 in one column of the expense side (合计 or a fund)."""
    if column != TOTAL:
        cell = _closing_cell(ctx, column)
        return cell if cell is not None else ctx.cell("04", CLOSING, column, EXPENSE)
    row = find_row(ctx.table("04"), CLOSING, EXPENSE)
    if row is not None and TOTAL not in row.values and AMOUNT in row.values:
        return ctx.row_cell("04", row, AMOUNT)
    return ctx.row_cell("04", row, TOTAL, key=CLOSING)


def _has_split(ctx: AuditContext, key: str, side: Side) -> bool:
    table = ctx.table("04")
    return any(find_row(table, f"{key}/{k}", side) is not None for k in FUND_KINDS)


@rule(
    code="T0401",
    family="table",
    severity="error",
    title="公开04表 支出各行 合计 应等于三类财政拨款之和",
    explanation="""
        公开04表支出部分每一行：合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款
        + 国有资本经营预算财政拨款。

        例：卫生健康支出 一般公共预算财政拨款 2,342.01，其余为空，合计应为 2,342.01。
    """,
)
def row_totals_04(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("04")
    if table is None:
        return
    for row in table.rows:
        if row.side == INCOME or "/" in row.key or not any(c in row.values for c in _COLUMNS_04):
            continue
        yield from check_sum(
            "T0401",
            ctx.row_cell("04", row, TOTAL),
            [ctx.row_cell("04", row, k) for k in FUND_KINDS],
            f"公开04表 {row.label or row.key} 合计 应等于三类财政拨款之和",
        )


@rule(
    code="T0402",
    family="table",
    severity="error",
    title="公开04表 本年收入合计 应等于三类财政拨款收入之和",
    explanation="""
        公开04表收入部分：本年收入合计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款
        + 国有资本经营预算财政拨款。

        例：一般公共预算财政拨款 2,619.78，其余为空，本年收入合计应为 2,619.78。
    """,
)
def income_total_04(ctx: AuditContext) -> Iterator[Finding]:
    if find_row(ctx.table("04"), "本年收入合计", INCOME) is None:
        return
    yield from check_sum(
        "T0402",
        ctx.cell("04", "本年收入合计", AMOUNT, INCOME),
        [ctx.cell("04", k, AMOUNT, INCOME) for k in FUND_KINDS],
        "公开04表 本年收入合计 应等于三类财政拨款收入之和",
    )


@rule(
    code="T0403",
    family="table",
    severity="error",
    title="公开04表 年初（年末）结转和结余 应等于其分项之和",
    explanation="""
        公开04表：年初财政拨款结转和结余 = 其下一般公共预算财政拨款、政府性基金预算财政拨款、
        国有资本经营预算财政拨款三行之和；年末结转和结余列有分项时同理。
        未印分项时不检查。

        例：年初结转和结余 4.00，其中一般公共预算财政拨款 4.00，其余为空：相符。
    """,
)
def carryover_split_04(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("04")
    if find_row(table, OPENING, INCOME) is not None and _has_split(ctx, OPENING, INCOME):
        yield from check_sum(
            "T0403",
            ctx.cell("04", OPENING, AMOUNT, INCOME),
            [ctx.cell("04", f"{OPENING}/{k}", AMOUNT, INCOME) for k in FUND_KINDS],
            "公开04表 年初财政拨款结转和结余 应等于其分项之和",
        )
    closing = find_row(table, CLOSING, EXPENSE)
    if closing is not None and _has_split(ctx, CLOSING, EXPENSE):
        column = TOTAL if TOTAL in closing.values else AMOUNT
        parts = [c for k in FUND_KINDS if (c := _closing_split(ctx, k)) is not None]
        yield from check_sum(
            "T0403",
            ctx.row_cell("04", closing, column),
            parts,
            "公开04表 年末财政拨款结转和结余 应等于其分项之和",
        )


def _closing_split(ctx: AuditContext, kind: str) -> Cell | None:
    split = find_row(ctx.table("04"), f"{CLOSING}/{kind}", EXPENSE)
    if split is None:
        return None
    for column in (kind, TOTAL, AMOUNT):
        if column in split.values:
            return ctx.row_cell("04", split, column)
    return ctx.row_cell("04", split, TOTAL)


@rule(
    code="T0404",
    family="table",
    severity="error",
    title="公开04表 各类财政拨款：本年收入 + 年初结转结余 = 本年支出 + 年末结转结余",
    explanation="""
        公开04表对每一类财政拨款（一般公共预算、政府性基金、国有资本经营）以及合计：
        本年收入 + 年初财政拨款结转和结余 = 本年支出合计 + 年末财政拨款结转和结余。
        年初（年末）结转和结余未分列到各类资金、且不为零时，只检查合计。

        例：一般公共预算财政拨款收入 2,619.78 + 年初 4.00 = 2,623.78，
        本年支出合计（一般公共预算财政拨款列）2,623.78 + 年末 0 = 2,623.78：相符。
    """,
)
def fund_balance_04(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("04")
    if (
        table is None
        or find_row(table, "本年支出合计", EXPENSE) is None
        or find_row(table, "本年收入合计", INCOME) is None
    ):
        return
    opening = ctx.cell("04", OPENING, AMOUNT, INCOME)
    opening_by_fund = (
        _has_split(ctx, OPENING, INCOME) or opening.num is None or (opening.num.value == 0)
    )
    closing_total = find_row(table, CLOSING, EXPENSE)
    closing_by_fund = (
        _has_split(ctx, CLOSING, EXPENSE)
        or closing_total is None
        or any(k in closing_total.values for k in FUND_KINDS)
        or all(v.value == 0 for v in closing_total.values.values())
    )
    yield from _balance(
        ctx.cell("04", "本年收入合计", AMOUNT, INCOME),
        opening,
        ctx.cell("04", "本年支出合计", TOTAL, EXPENSE),
        _closing_for(ctx, TOTAL),
        "合计",
    )
    if not (opening_by_fund and closing_by_fund):
        return
    for kind in FUND_KINDS:
        yield from _balance(
            ctx.cell("04", kind, AMOUNT, INCOME),
            ctx.cell("04", f"{OPENING}/{kind}", AMOUNT, INCOME),
            ctx.cell("04", "本年支出合计", kind, EXPENSE),
            _closing_for(ctx, kind),
            kind,
        )


def _balance(
    income: Cell, opening: Cell, expense: Cell, closing: Cell, name: str
) -> Iterator[Finding]:
    yield from check_sides(
        "T0404",
        [expense, closing],
        [income, opening],
        f"公开04表 {name}：本年支出 + 年末结转和结余 应等于本年收入 + 年初结转和结余",
    )


@rule(
    code="T0405",
    family="table",
    severity="error",
    title="公开04表 本年支出合计 应等于各类支出之和（各列）",
    explanation="""
        公开04表支出部分：本年支出合计 = 各功能分类“类”级支出之和，合计列与三类财政拨款列
        分别检查。

        例：一般公共预算财政拨款列 177.01 + 2,342.01 + 104.76 = 2,623.78，
        本年支出合计该列应为 2,623.78。
    """,
)
def expense_total_04(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("04")
    total = find_row(table, "本年支出合计", EXPENSE)
    if table is None or total is None:
        return
    classes = side_items(table, EXPENSE, _EXPENSE_04_KEYS)
    columns = [c for c in _COLUMNS_04 if c in total.values or any(c in r.values for r in classes)]
    for column in columns:
        yield from check_sum(
            "T0405",
            ctx.row_cell("04", total, column),
            [ctx.row_cell("04", r, column) for r in classes],
            f"公开04表 本年支出合计 [{column}] 应等于各类支出之和",
        )


@rule(
    code="T0406",
    family="table",
    severity="error",
    title="公开04表 总计：收入总计 = 本年收入合计 + 年初；支出总计 = 本年支出合计 + 年末；两侧相等",
    explanation="""
        公开04表：收入总计 = 本年收入合计 + 年初财政拨款结转和结余；
        支出总计（各列）= 本年支出合计 + 年末财政拨款结转和结余；收入总计 = 支出总计（合计列）。

        例：本年收入合计 2,619.78 + 年初 4.00 = 2,623.78 = 收入总计 = 支出总计。
    """,
)
def grand_totals_04(ctx: AuditContext) -> Iterator[Finding]:
    table = ctx.table("04")
    if table is None:
        return
    if find_row(table, "总计", INCOME) is not None:
        yield from check_sum(
            "T0406",
            ctx.cell("04", "总计", AMOUNT, INCOME),
            [
                ctx.cell("04", "本年收入合计", AMOUNT, INCOME),
                ctx.cell("04", OPENING, AMOUNT, INCOME),
            ],
            "公开04表 收入总计 应等于本年收入合计与年初结转和结余之和",
        )
    grand = find_row(table, "总计", EXPENSE)
    if grand is None:
        return
    spent = find_row(table, "本年支出合计", EXPENSE)
    for column in _COLUMNS_04:
        if column not in grand.values and (spent is None or column not in spent.values):
            continue
        yield from check_sum(
            "T0406",
            ctx.row_cell("04", grand, column),
            [ctx.cell("04", "本年支出合计", column, EXPENSE), _closing_for(ctx, column)],
            f"公开04表 支出总计 [{column}] 应等于本年支出合计与年末结转和结余之和",
        )
    if find_row(table, "总计", INCOME) is not None:
        yield from check_equal(
            "T0406",
            ctx.row_cell("04", grand, TOTAL),
            ctx.cell("04", "总计", AMOUNT, INCOME),
            "公开04表 支出总计 应等于收入总计",
        )


# --------------------------------------------------------------------------- 公开09


def _sangong_row(ctx: AuditContext) -> Row | None:
    table = ctx.table("09")
    if table is None:
        return None
    row = find_row(table, "三公经费")
    if row is None:
        row = next((r for r in table.rows if r.values), None)
    return row


@rule(
    code="T0901",
    family="table",
    severity="error",
    title="公开09表 三公经费合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
    explanation="""
        公开09表（财政拨款“三公”经费支出决算表）的预算数和决算数分别检查：
        合计 = 因公出国（境）费 + 公务用车购置及运行维护费（小计）+ 公务接待费。

        例：决算数 出国 0、车小计 1.53、接待 0.05，合计应为 1.58。
    """,
)
def sangong_total(ctx: AuditContext) -> Iterator[Finding]:
    row = _sangong_row(ctx)
    if row is None:
        return
    for block in ("预算数", "决算数"):
        yield from check_sum(
            "T0901",
            ctx.row_cell("09", row, f"{block}/合计"),
            [
                ctx.row_cell("09", row, f"{block}/{k}")
                for k in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
            ],
            f"公开09表 {block} 合计 应等于三项之和",
        )


@rule(
    code="T0902",
    family="table",
    severity="error",
    title="公开09表 公务用车购置及运行维护费 = 购置费 + 运行维护费",
    explanation="""
        公开09表预算数和决算数分别检查：公务用车购置及运行维护费（小计）
        = 公务用车购置费 + 公务用车运行维护费。

        例：预算数 购置费 0、运行维护费 5.76，小计应为 5.76。
    """,
)
def sangong_vehicle(ctx: AuditContext) -> Iterator[Finding]:
    row = _sangong_row(ctx)
    if row is None:
        return
    for block in ("预算数", "决算数"):
        yield from check_sum(
            "T0902",
            ctx.row_cell("09", row, f"{block}/公务用车购置及运行维护费"),
            [
                ctx.row_cell("09", row, f"{block}/{k}")
                for k in ("公务用车购置费", "公务用车运行维护费")
            ],
            f"公开09表 {block} 公务用车购置及运行维护费 应等于购置费与运行维护费之和",
        )
