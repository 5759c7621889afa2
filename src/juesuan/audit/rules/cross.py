"""X rules: figures that must agree across tables (hard) or stay in order (soft)."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.audit.checks import check_equal, check_le, check_sum, terms
from juesuan.audit.context import AuditContext, Cell
from juesuan.audit.lookup import find_row, norm, rows_by_code, side_items, total_row
from juesuan.audit.registry import note, rule
from juesuan.model.finding import Finding
from juesuan.model.spec import EXPENSE_04_TOTALS, EXPENSE_TOTALS_01, FUND_KINDS, INCOME_01
from juesuan.model.tables import Row, TableId

AMOUNT = "金额"

note(
    code="X0001",
    family="cross",
    severity="info",
    title="表间尾差：两表数字仅在四舍五入范围内一致",
    explanation="""
        两张表应相等的数字（或一张表的数与另一张表几个数之和）不完全相等，但差额不超过
        各数舍入半径之和（XBRL Calculations 1.1 的 round-to-nearest 规则），属于尾差，
        只作提示。

        例：公开05表 基本支出 1,483.68，公开06表 人员经费合计 1,396.74 + 公用经费合计 86.94
        = 1,483.68：一致；若公用经费合计印为 86.93，相差 0.01，在允许范围 ±0.015 内：尾差提示。

        不想看到尾差提示时：--ignore X0001。
    """,
)


def _total(ctx: AuditContext, table_id: TableId, column: str) -> Cell | None:
    table = ctx.table(table_id)
    row = total_row(table)
    if row is None:
        return None
    return ctx.row_cell(table_id, row, column)


def _classes(ctx: AuditContext, table_id: TableId, exclude: tuple[str, ...]) -> dict[str, Row]:
    """类 rows of the expense side of 公开01/04 by their 3-digit code (found by code or name)."""
    out: dict[str, Row] = {}
    for row in side_items(ctx.table(table_id), "支出", exclude):
        code = ctx.class_code(row)
        if code is not None and code not in out:
            out[code] = row
    return out


def _match_by_name(row: Row, classes: dict[str, Row]) -> str | None:
    wanted = norm(row.label or row.key).removesuffix("支出")
    for code, other in classes.items():
        if norm(other.label or other.key).removesuffix("支出") == wanted:
            return code
    return None


def _class_pairs(
    ctx: AuditContext, summary_id: TableId, exclude: tuple[str, ...], detail_id: TableId
) -> Iterator[tuple[str, Row | None, Row | None]]:
    """Pairs (code, 类 row of 01/04, 3-digit row of the detail table), either may be None."""
    summary = ctx.table(summary_id)
    detail = {c: r for c, r in rows_by_code(ctx.table(detail_id)).items() if len(c) == 3}
    rows = side_items(summary, "支出", exclude)
    if not rows:
        return
    matched: dict[str, Row] = {}
    unmatched: list[Row] = []
    for row in rows:
        code = ctx.class_code(row) or _match_by_name(row, detail)
        if code is None:
            unmatched.append(row)
        elif code not in matched:
            matched[code] = row
    for code in sorted(set(matched) | set(detail)):
        yield code, matched.get(code), detail.get(code)
    for row in unmatched:
        if row.values:
            yield row.key, row, None


# --------------------------------------------------------------------------- 01 ↔ 02/03


@rule(
    code="X0101",
    family="cross",
    severity="error",
    title="公开01表 本年收入合计 应等于公开02表 合计",
    explanation="""
        收入支出决算总表的本年收入合计，应等于收入决算表合计行的本年收入合计。

        例：公开01表 本年收入合计 2,619.78，公开02表 合计 [本年收入合计] 也应为 2,619.78。
    """,
)
def income_01_02(ctx: AuditContext) -> Iterator[Finding]:
    other = _total(ctx, "02", "本年收入合计")
    if other is None or find_row(ctx.table("01"), "本年收入合计", "收入") is None:
        return
    yield from check_equal(
        "X0101",
        ctx.cell("01", "本年收入合计", AMOUNT, "收入"),
        other,
        "公开01表 本年收入合计 应等于公开02表 合计",
    )


@rule(
    code="X0102",
    family="cross",
    severity="error",
    title="公开01表 各项收入 应等于公开02表 合计行各列",
    explanation="""
        公开02表合计行的各列与公开01表收入各行一一对应：财政拨款收入 = 一般公共预算、
        政府性基金预算、国有资本经营预算三项财政拨款收入之和；上级补助收入、事业收入、
        经营收入、附属单位上缴收入、其他收入各自相等。

        例：公开01表 一般公共预算财政拨款收入 2,619.78（另两项为空），
        公开02表 合计 [财政拨款收入] 应为 2,619.78。
    """,
)
def income_sources_01_02(ctx: AuditContext) -> Iterator[Finding]:
    table02 = ctx.table("02")
    row02 = total_row(table02)
    if ctx.table("01") is None or row02 is None:
        return
    fiscal = [ctx.cell("01", k, AMOUNT, "收入") for k in INCOME_01[:3]]
    yield from check_sum(
        "X0102",
        ctx.row_cell("02", row02, "财政拨款收入"),
        fiscal,
        "公开02表 合计 [财政拨款收入] 应等于公开01表三项财政拨款收入之和",
    )
    for key in INCOME_01[3:]:
        yield from check_equal(
            "X0102",
            ctx.row_cell("02", row02, key),
            ctx.cell("01", key, AMOUNT, "收入"),
            f"公开02表 合计 [{key}] 应等于公开01表 {key}",
        )


@rule(
    code="X0103",
    family="cross",
    severity="error",
    title="公开01表 本年支出合计 应等于公开03表 合计",
    explanation="""
        收入支出决算总表的本年支出合计，应等于支出决算表合计行的本年支出合计。

        例：公开01表 本年支出合计 2,623.78，公开03表 合计 [本年支出合计] 也应为 2,623.78。
    """,
)
def expense_01_03(ctx: AuditContext) -> Iterator[Finding]:
    other = _total(ctx, "03", "本年支出合计")
    if other is None or find_row(ctx.table("01"), "本年支出合计", "支出") is None:
        return
    yield from check_equal(
        "X0103",
        ctx.cell("01", "本年支出合计", AMOUNT, "支出"),
        other,
        "公开01表 本年支出合计 应等于公开03表 合计",
    )


@rule(
    code="X0104",
    family="cross",
    severity="error",
    title="公开01表 各类支出 应等于公开03表 对应类",
    explanation="""
        公开01表支出部分每一“类”，应等于公开03表同一类（3位科目编码）的本年支出合计。
        公开01表只印类名时按名称（对照科目目录）对应到编码。

        例：公开01表 卫生健康支出 2,342.01，公开03表 210 卫生健康支出 [本年支出合计]
        也应为 2,342.01；公开03表有 221 住房保障支出 104.76 而公开01表该类为空，则报错。
    """,
)
def classes_01_03(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.table("03") is None:
        return
    for code, row01, row03 in _class_pairs(ctx, "01", EXPENSE_TOTALS_01, "03"):
        left = ctx.row_cell("01", row01, AMOUNT, key=code)
        right = ctx.row_cell("03", row03, "本年支出合计", key=code)
        name = (row01.label or row01.key) if row01 is not None else code
        yield from check_equal("X0104", left, right, f"公开01表 {name} 应等于公开03表 {code} 类")


# --------------------------------------------------------------------------- 04 ↔ 01/05/07/08


@rule(
    code="X0201",
    family="cross",
    severity="error",
    title="公开04表 各项财政拨款收入 应等于公开01表 对应收入",
    explanation="""
        公开04表收入部分的一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算
        财政拨款，应分别等于公开01表的三项财政拨款收入。

        例：公开01表 一般公共预算财政拨款收入 2,619.78，公开04表 一般公共预算财政拨款
        也应为 2,619.78。
    """,
)
def income_04_01(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.table("04") is None or ctx.table("01") is None:
        return
    for kind, key01 in zip(FUND_KINDS, INCOME_01[:3], strict=True):
        if find_row(ctx.table("04"), kind, "收入") is None:
            continue
        yield from check_equal(
            "X0201",
            ctx.cell("04", kind, AMOUNT, "收入"),
            ctx.cell("01", key01, AMOUNT, "收入"),
            f"公开04表 {kind} 应等于公开01表 {key01}",
        )


_EXP04 = tuple(r.key for r in EXPENSE_04_TOTALS)
_FUND_DETAIL: tuple[tuple[str, TableId, str], ...] = (
    (FUND_KINDS[0], "05", "合计"),
    (FUND_KINDS[1], "07", "小计"),
    (FUND_KINDS[2], "08", "合计"),
)


def _fund_column(
    ctx: AuditContext, code: str, kind: str, detail_id: TableId, column: str
) -> Iterator[Finding]:
    table04 = ctx.table("04")
    detail = ctx.table(detail_id)
    if table04 is None or detail is None:
        return
    spent = find_row(table04, "本年支出合计", "支出")
    detail_total = total_row(detail)
    if spent is not None and detail_total is not None:
        yield from check_equal(
            code,
            ctx.row_cell("04", spent, kind),
            ctx.row_cell(detail_id, detail_total, column),
            f"公开04表 本年支出合计 [{kind}] 应等于公开{detail_id}表 合计",
        )
    for cls, row04, row_d in _class_pairs(ctx, "04", _EXP04, detail_id):
        left = ctx.row_cell("04", row04, kind, key=cls)
        right = ctx.row_cell(detail_id, row_d, column, key=cls)
        if left.num is None and right.num is None:
            continue
        yield from check_equal(
            code,
            left,
            right,
            f"公开04表 {row04.label if row04 else cls} [{kind}] 应等于公开{detail_id}表 {cls} 类",
        )


@rule(
    code="X0202",
    family="cross",
    severity="error",
    title="公开04表 一般公共预算财政拨款列 应等于公开05表（合计及各类）",
    explanation="""
        公开04表支出部分的一般公共预算财政拨款列，本年支出合计及每一类，应等于公开05表
        （一般公共预算财政拨款支出决算表）合计行及对应类的合计。

        例：公开04表 卫生健康支出 [一般公共预算财政拨款] 2,342.01，公开05表 210 卫生健康支出
        [合计] 也应为 2,342.01。
    """,
)
def general_04_05(ctx: AuditContext) -> Iterator[Finding]:
    yield from _fund_column(ctx, "X0202", FUND_KINDS[0], "05", "合计")


@rule(
    code="X0203",
    family="cross",
    severity="error",
    title="公开04表 政府性基金预算财政拨款列 应等于公开07表 本年支出小计",
    explanation="""
        公开04表支出部分的政府性基金预算财政拨款列，本年支出合计及每一类，应等于公开07表
        本年支出小计（合计行及对应类）。两表都为空时相符。

        例：公开04表 城乡社区支出 [政府性基金预算财政拨款] 50.00，公开07表 212 类
        [本年支出/小计] 也应为 50.00。
    """,
)
def fund_04_07(ctx: AuditContext) -> Iterator[Finding]:
    yield from _fund_column(ctx, "X0203", FUND_KINDS[1], "07", "小计")


@rule(
    code="X0204",
    family="cross",
    severity="error",
    title="公开04表 国有资本经营预算财政拨款列 应等于公开08表",
    explanation="""
        公开04表支出部分的国有资本经营预算财政拨款列，本年支出合计及每一类，应等于公开08表
        合计（合计行及对应类）。两表都为空时相符。

        例：公开04表 本年支出合计 [国有资本经营预算财政拨款] 为空，公开08表 合计也应为空或 0。
    """,
)
def capital_04_08(ctx: AuditContext) -> Iterator[Finding]:
    yield from _fund_column(ctx, "X0204", FUND_KINDS[2], "08", "合计")


# --------------------------------------------------------------------------- 05 ↔ 06


@rule(
    code="X0301",
    family="cross",
    severity="error",
    title="公开05表 基本支出 应等于公开06表 人员经费合计 + 公用经费合计",
    explanation="""
        一般公共预算财政拨款基本支出在公开05表（按功能分类）与公开06表（按经济分类）
        两个口径下总额相同：公开05表 合计 [基本支出] = 公开06表 人员经费合计 + 公用经费合计。

        例：公开05表 基本支出 1,483.68，公开06表 1,396.74 + 86.94 = 1,483.68：相符。
    """,
)
def basic_05_06(ctx: AuditContext) -> Iterator[Finding]:
    table06 = ctx.table("06")
    basic = _total(ctx, "05", "基本支出")
    if basic is None or table06 is None:
        return
    if find_row(table06, "人员经费合计") is None and find_row(table06, "公用经费合计") is None:
        return
    yield from check_sum(
        "X0301",
        basic,
        [ctx.cell("06", "人员经费合计", "决算数"), ctx.cell("06", "公用经费合计", "决算数")],
        "公开05表 合计 [基本支出] 应等于公开06表 人员经费合计与公用经费合计之和",
    )


# --------------------------------------------------------------------------- soft checks

_COLUMNS_05_03 = (("合计", "本年支出合计"), ("基本支出", "基本支出"), ("项目支出", "项目支出"))


@rule(
    code="X0401",
    family="cross",
    severity="warning",
    title="公开05表 各科目 不应超过公开03表 同一科目",
    explanation="""
        公开05表只含一般公共预算财政拨款，公开03表含全部资金来源，所以同一科目、同一列
        （合计/基本支出/项目支出）公开05表的数不应大于公开03表（超出四舍五入范围才提示）。
        公开05表小于公开03表是正常的（如汇总了事业单位的事业收入安排的支出），从不报错。

        例：公开05表 2101505 [项目支出] 221.98，公开03表同科目 [项目支出] 只有 200.00：警告。
    """,
)
def general_within_total(ctx: AuditContext) -> Iterator[Finding]:
    table05, table03 = ctx.table("05"), ctx.table("03")
    if table05 is None or table03 is None:
        return
    coded03 = rows_by_code(table03)
    pairs: list[tuple[str, Row, Row | None]] = []
    total05, total03 = total_row(table05), total_row(table03)
    if total05 is not None:
        pairs.append(("合计", total05, total03))
    pairs += [(c, r, coded03.get(c)) for c, r in rows_by_code(table05).items()]
    for code, row05, row03 in pairs:
        for col05, col03 in _COLUMNS_05_03:
            small = ctx.row_cell("05", row05, col05)
            if small.num is None:
                continue
            yield from check_le(
                "X0401",
                [small],
                [ctx.row_cell("03", row03, col03, key=code)],
                f"公开05表 {_name(row05)} [{col05}] 超过公开03表同一科目",
            )


def _name(row: Row) -> str:
    return " ".join(x for x in (row.code, row.label or row.key) if x)


# function code(s) in 05 (基本支出) ↔ economic code(s) in 06, and whether the economic item
# must be present whenever the function item is.
_PAIRS: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    (("2210201",), ("30113",), True),
    (("2080505",), ("30108",), True),
    (("2080506",), ("30109",), True),
    (("2101101", "2101102"), ("30110",), True),
    (("2101103",), ("30111",), True),
    (("2080501", "2080502"), ("30301", "30302"), False),
)


@rule(
    code="X0402",
    family="cross",
    severity="warning",
    title="功能分类与经济分类对应科目明显不符（住房公积金、养老保险、职业年金、医疗保险、离退休）",
    explanation="""
        一些功能分类“项”与经济分类“款”描述同一笔钱，比较公开05表的基本支出与公开06表：
        2210201 住房公积金 ↔ 30113 住房公积金；2080505 机关事业单位基本养老保险缴费支出 ↔
        30108；2080506 机关事业单位职业年金缴费支出 ↔ 30109；2101101 行政单位医疗 +
        2101102 事业单位医疗 ↔ 30110 职工基本医疗保险缴费；2101103 公务员医疗补助 ↔ 30111；
        2080501 行政单位离退休 + 2080502 事业单位离退休 ↔ 30301 离休费 + 30302 退休费。

        两者合理地会有差异（同一经济科目可列在行政运行等其他功能科目下，离退休功能科目还含
        其他经济科目），所以只在明显不符时警告：经济分类金额超过对应功能分类基本支出
        （超出四舍五入范围），或功能分类有基本支出而对应经济科目为空（离退休除外）。

        例：公开05表 2210201 [基本支出] 104.76，公开06表 30113 为空：警告。
    """,
)
def function_economic_pairs(ctx: AuditContext) -> Iterator[Finding]:
    table05, table06 = ctx.table("05"), ctx.table("06")
    if table05 is None or table06 is None:
        return
    coded05, coded06 = rows_by_code(table05), rows_by_code(table06)
    for func_codes, econ_codes, required in _PAIRS:
        func = [ctx.row_cell("05", coded05.get(c), "基本支出", key=c) for c in func_codes]
        econ = [ctx.row_cell("06", coded06.get(c), "决算数", key=c) for c in econ_codes]
        func_names = "+".join(func_codes)
        econ_names = "+".join(econ_codes)
        if any(c.present for c in econ):
            yield from check_le(
                "X0402",
                econ,
                func,
                f"公开06表 {econ_names} 超过公开05表 {func_names} 的基本支出",
            )
        elif required and any(c.num is not None and c.num.value > 0 for c in func):
            yield Finding(
                code="X0402",
                severity="warning",
                message=f"公开05表 {func_names} 有基本支出，但公开06表对应的经济科目 "
                f"{econ_names} 为空",
                location=econ[0].prov,
                related=[c.prov for c in func if c.present],
                expected="> 0",
                actual="（空）",
                computation=f"{func_names} [基本支出] = {terms(func, 2)}；{econ_names} 为空",
            )


_SANGONG_CODES: tuple[tuple[str, str], ...] = (
    ("30212", "因公出国（境）费"),
    ("30217", "公务接待费"),
    ("30231", "公务用车运行维护费"),
    ("31013", "公务用车购置费"),
)


@rule(
    code="X0403",
    family="cross",
    severity="warning",
    title="公开06表 三公相关经济科目 不应超过公开09表 决算数",
    explanation="""
        公开06表只含一般公共预算财政拨款的基本支出，公开09表三公经费决算数含全部财政拨款
        （基本支出和项目支出），所以：30212 因公出国（境）费用 ≤ 因公出国（境）费；
        30217 公务接待费 ≤ 公务接待费；30231 公务用车运行维护费 ≤ 公务用车运行维护费；
        31013 公务用车购置 ≤ 公务用车购置费（均为公开09表决算数）。

        例：公开06表 30217 公务接待费 0.05，公开09表 决算数 公务接待费 0.05：相符；
        若公开09表为 0.03：警告。
    """,
)
def sangong_06_09(ctx: AuditContext) -> Iterator[Finding]:
    table06, table09 = ctx.table("06"), ctx.table("09")
    if table06 is None or table09 is None:
        return
    row09 = find_row(table09, "三公经费") or next((r for r in table09.rows if r.values), None)
    coded06 = rows_by_code(table06)
    for code, item in _SANGONG_CODES:
        small = ctx.row_cell("06", coded06.get(code), "决算数", key=code)
        if small.num is None:
            continue
        yield from check_le(
            "X0403",
            [small],
            [ctx.row_cell("09", row09, f"决算数/{item}", key="三公经费")],
            f"公开06表 {code} 超过公开09表 决算数 {item}",
        )


@rule(
    code="X0404",
    family="cross",
    severity="warning",
    title="机关运行经费 不应超过公开06表 公用经费合计",
    explanation="""
        机关运行经费是行政单位（含参公事业单位）一般公共预算财政拨款基本支出中的公用经费，
        是公开06表公用经费合计的一部分，不应超过它。

        例：机关运行经费 90.00，公开06表 公用经费合计 86.94：警告。
    """,
)
def office_running(ctx: AuditContext) -> Iterator[Finding]:
    figure = ctx.disclosure.extras.office_running
    table06 = ctx.table("06")
    if figure is None or table06 is None or find_row(table06, "公用经费合计") is None:
        return
    from juesuan.model.provenance import Prov

    prov = figure.prov or Prov(table="机关运行经费", row="机关运行经费")
    cell = Cell.fixed("机关运行经费", "", figure, prov, "机关运行经费")
    yield from check_le(
        "X0404",
        [cell],
        [ctx.cell("06", "公用经费合计", "决算数")],
        "机关运行经费 超过公开06表 公用经费合计",
    )
