"""Build small disclosures by hand, for rule tests (ours and those of later rule families).

``sample_disclosure()`` is a complete national disclosure (nine tables) built from the
figures of a real 2023 disclosure (seed 002), adjusted so that every identity holds
exactly: every rule passes on it without a single finding.  Tests change one cell with
:func:`set_value` and expect one rule to fire::

    d = sample_disclosure()
    set_value(d, "02", "208", "本年收入合计", "177.02")
    assert "T0202" in run(d).codes()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.meta import Meta
from juesuan.model.spec import FUND_KINDS, INCOME_01
from juesuan.model.tables import Row, Side, Table, TableId

Values = Mapping[str, str | None]


def num(text: str) -> Num:
    return Num.of(text)


def row(
    key: str,
    values: Values | None = None,
    *,
    side: Side | None = None,
    label: str | None = None,
    code: str | None = None,
) -> Row:
    """A row; ``values`` maps column keys to printed text (``None`` or "" = blank)."""
    cells = {k: num(v) for k, v in (values or {}).items() if v}
    return Row(key=key, label=label or key, code=code, side=side, values=cells)


def coded(code: str, label: str, values: Values) -> Row:
    return row(code, values, label=label, code=code)


def coded_rows(columns: Iterable[str], data: Iterable[tuple[str, str, Iterable[str]]]) -> list[Row]:
    """Rows from (code, name, printed values in column order); a code "" is the 合计 row."""
    cols = list(columns)
    rows: list[Row] = []
    for code, name, printed in data:
        values = dict(zip(cols, printed, strict=True))
        rows.append(coded(code, name, values) if code else row(name, values))
    return rows


def table(table_id: TableId, rows: list[Row], notes: Iterable[str] = ()) -> Table:
    return Table(id=table_id, rows=rows, notes=list(notes), unit="万元")


def disclosure(tables: Iterable[Table], year: int = 2023, **meta: object) -> Disclosure:
    return Disclosure(
        meta=Meta(unit_name="测试医疗保障局", fiscal_year=year, **meta),
        tables={t.id: t for t in tables},
    )


def find(d: Disclosure, table_id: TableId, key: str, side: Side | None = None) -> Row:
    found = d.tables[table_id].find(key, side)
    if found is None:
        raise KeyError(f"{table_id}:{key}")
    return found


def set_value(
    d: Disclosure,
    table_id: TableId,
    key: str,
    column: str,
    text: str | None,
    side: Side | None = None,
) -> None:
    """Change (or blank, with ``None``) one cell in place."""
    target = find(d, table_id, key, side)
    if text:
        target.values[column] = num(text)
    else:
        target.values.pop(column, None)


# --------------------------------------------------------------------------- the sample

_FUNC_02 = [
    ("", "合计", "2,619.78"),
    ("208", "社会保障和就业支出", "177.00"),
    ("20805", "行政事业单位养老支出", "177.00"),
    ("2080501", "行政单位离退休", "15.73"),
    ("2080502", "事业单位离退休", "23.03"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "138.24"),
    ("210", "卫生健康支出", "2,338.03"),
    ("21011", "行政事业单位医疗", "554.77"),
    ("2101101", "行政单位医疗", "13.50"),
    ("2101102", "事业单位医疗", "37.50"),
    ("2101103", "公务员医疗补助", "3.77"),
    ("2101199", "其他行政事业单位医疗支出", "500.00"),
    ("21013", "医疗救助", "100.00"),
    ("2101399", "其他医疗救助支出", "100.00"),
    ("21015", "医疗保障管理事务", "1,683.26"),
    ("2101501", "行政运行", "317.67"),
    ("2101505", "医疗保障政策管理", "218.00"),
    ("2101550", "事业运行", "829.47"),
    ("2101599", "其他医疗保障管理事务支出", "318.12"),
    ("221", "住房保障支出", "104.75"),
    ("22102", "住房改革支出", "104.75"),
    ("2210201", "住房公积金", "104.75"),
]

# code, name, 合计, 基本支出, 项目支出
_FUNC_03 = [
    ("", "合计", "2,623.78", "1,483.68", "1,140.10"),
    ("208", "社会保障和就业支出", "177.01", "177.01", ""),
    ("20805", "行政事业单位养老支出", "177.01", "177.01", ""),
    ("2080501", "行政单位离退休", "15.73", "15.73", ""),
    ("2080502", "事业单位离退休", "23.03", "23.03", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "138.25", "138.25", ""),
    ("210", "卫生健康支出", "2,342.01", "1,201.91", "1,140.10"),
    ("21011", "行政事业单位医疗", "554.77", "54.77", "500.00"),
    ("2101101", "行政单位医疗", "13.50", "13.50", ""),
    ("2101102", "事业单位医疗", "37.50", "37.50", ""),
    ("2101103", "公务员医疗补助", "3.77", "3.77", ""),
    ("2101199", "其他行政事业单位医疗支出", "500.00", "", "500.00"),
    ("21013", "医疗救助", "100.00", "", "100.00"),
    ("2101399", "其他医疗救助支出", "100.00", "", "100.00"),
    ("21015", "医疗保障管理事务", "1,687.24", "1,147.14", "540.10"),
    ("2101501", "行政运行", "317.67", "317.67", ""),
    ("2101505", "医疗保障政策管理", "221.98", "", "221.98"),
    ("2101550", "事业运行", "829.47", "829.47", ""),
    ("2101599", "其他医疗保障管理事务支出", "318.12", "", "318.12"),
    ("221", "住房保障支出", "104.76", "104.76", ""),
    ("22102", "住房改革支出", "104.76", "104.76", ""),
    ("2210201", "住房公积金", "104.76", "104.76", ""),
]

_ECON_06 = [
    ("301", "工资福利支出", "1,356.64"),
    ("30101", "基本工资", "395.73"),
    ("30102", "津贴补贴", "194.38"),
    ("30103", "奖金", "89.59"),
    ("30107", "绩效工资", "370.33"),
    ("30108", "机关事业单位基本养老保险缴费", "137.85"),
    ("30110", "职工基本医疗保险缴费", "48.56"),
    ("30111", "公务员医疗补助缴费", "3.77"),
    ("30112", "其他社会保障缴费", "9.88"),
    ("30113", "住房公积金", "104.76"),
    ("30199", "其他工资福利支出", "1.79"),
    ("303", "对个人和家庭的补助", "40.10"),
    ("30302", "退休费", "38.24"),
    ("30309", "奖励金", "0.89"),
    ("30399", "其他对个人和家庭的补助", "0.97"),
    ("302", "商品和服务支出", "83.44"),
    ("30201", "办公费", "15.14"),
    ("30202", "印刷费", "1.02"),
    ("30207", "邮电费", "13.98"),
    ("30211", "差旅费", "4.15"),
    ("30214", "租赁费", "0.37"),
    ("30215", "会议费", "1.01"),
    ("30216", "培训费", "1.13"),
    ("30217", "公务接待费", "0.05"),
    ("30227", "委托业务费", "3.34"),
    ("30228", "工会经费", "14.20"),
    ("30229", "福利费", "8.74"),
    ("30231", "公务用车运行维护费", "1.53"),
    ("30239", "其他交通费用", "17.16"),
    ("30299", "其他商品和服务支出", "1.62"),
    ("307", "债务利息及费用支出", ""),
    ("310", "资本性支出", "3.50"),
    ("31002", "办公设备购置", "3.50"),
    ("312", "对企业补助", ""),
    ("399", "其他支出", ""),
]

_CLASSES = [("208", "社会保障和就业支出"), ("210", "卫生健康支出"), ("221", "住房保障支出")]
_CLASS_AMOUNTS = {"208": "177.01", "210": "2,342.01", "221": "104.76"}


def _table01() -> Table:
    income = [row(k, {"金额": None}, side="收入") for k in INCOME_01]
    income[0] = row(INCOME_01[0], {"金额": "2,619.78"}, side="收入")
    income += [
        row("本年收入合计", {"金额": "2,619.78"}, side="收入"),
        row("使用非财政拨款结余（含专用结余）", {}, side="收入"),
        row("年初结转和结余", {"金额": "4.00"}, side="收入"),
        row("总计", {"金额": "2,623.78"}, side="收入"),
    ]
    expense = [
        row(name, {"金额": _CLASS_AMOUNTS[code]}, side="支出", code=code) for code, name in _CLASSES
    ]
    expense.insert(0, row("一般公共服务支出", {}, side="支出", code="201"))
    expense += [
        row("本年支出合计", {"金额": "2,623.78"}, side="支出"),
        row("结余分配", {}, side="支出"),
        row("年末结转和结余", {}, side="支出"),
        row("总计", {"金额": "2,623.78"}, side="支出"),
    ]
    return table("01", income + expense)


def _table04() -> Table:
    general = FUND_KINDS[0]
    opening = "年初财政拨款结转和结余"
    income = [
        row(general, {"金额": "2,619.78"}, side="收入"),
        row(FUND_KINDS[1], {}, side="收入"),
        row(FUND_KINDS[2], {}, side="收入"),
        row("本年收入合计", {"金额": "2,619.78"}, side="收入"),
        row(opening, {"金额": "4.00"}, side="收入"),
        row(f"{opening}/{general}", {"金额": "4.00"}, side="收入", label=general),
        row(f"{opening}/{FUND_KINDS[1]}", {}, side="收入", label=FUND_KINDS[1]),
        row(f"{opening}/{FUND_KINDS[2]}", {}, side="收入", label=FUND_KINDS[2]),
        row("总计", {"金额": "2,623.78"}, side="收入"),
    ]
    expense = [
        row(name, {"合计": _CLASS_AMOUNTS[code], general: _CLASS_AMOUNTS[code]}, side="支出")
        for code, name in _CLASSES
    ]
    expense += [
        row("本年支出合计", {"合计": "2,623.78", general: "2,623.78"}, side="支出"),
        row("年末财政拨款结转和结余", {}, side="支出"),
        row("总计", {"合计": "2,623.78", general: "2,623.78"}, side="支出"),
    ]
    return table("04", income + expense)


def sample_disclosure() -> Disclosure:
    """A complete, exactly consistent national disclosure (see the module docstring)."""
    t02 = coded_rows(("本年收入合计", "财政拨款收入"), [(c, n, (v, v)) for c, n, v in _FUNC_02])
    t03 = coded_rows(
        ("本年支出合计", "基本支出", "项目支出"), [(c, n, (a, b, p)) for c, n, a, b, p in _FUNC_03]
    )
    t05 = coded_rows(
        ("合计", "基本支出", "项目支出"), [(c, n, (a, b, p)) for c, n, a, b, p in _FUNC_03]
    )
    t06 = [coded(c, n, {"决算数": v}) for c, n, v in _ECON_06]
    t06 += [row("人员经费合计", {"决算数": "1,396.74"}), row("公用经费合计", {"决算数": "86.94"})]
    sangong = {
        "预算数/合计": "6.43",
        "预算数/公务用车购置及运行维护费": "5.76",
        "预算数/公务用车运行维护费": "5.76",
        "预算数/公务接待费": "0.67",
        "决算数/合计": "1.58",
        "决算数/公务用车购置及运行维护费": "1.53",
        "决算数/公务用车运行维护费": "1.53",
        "决算数/公务接待费": "0.05",
    }
    return disclosure(
        [
            _table01(),
            table("02", t02),
            table("03", t03),
            _table04(),
            table("05", t05),
            table("06", t06),
            table(
                "07",
                [row("合计", {})],
                ["本部门本年度无政府性基金预算财政拨款收支，按要求以空表列示。"],
            ),
            table("08", [row("合计", {})], ["本部门本年度无相关支出情况，按要求以空表列示。"]),
            table("09", [row("三公经费", sangong, label="“三公”经费")]),
        ]
    )
