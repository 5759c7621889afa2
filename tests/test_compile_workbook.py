"""Reading a filled template back: values, provenance, layout tolerance and every error."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import MergedCell
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.compile import load, read_workbook, write_template
from juesuan.compile.cells import cell_decimal, format_decimals
from juesuan.compile.layout import EXTRAS_SHEET, PERF_SHEET, PERF_SUMMARY_SHEET, TABLE_SHEETS
from juesuan.errors import JuesuanError, Problem
from juesuan.model import Disclosure

S01 = TABLE_SHEETS["01"]
S03 = TABLE_SHEETS["03"]
S04 = TABLE_SHEETS["04"]
S05 = TABLE_SHEETS["05"]
S06 = TABLE_SHEETS["06"]
S09 = TABLE_SHEETS["09"]

# 公开03 of seed 002 (code, name, 本年支出合计, 基本支出, 项目支出)
ROWS_03: list[tuple[str, str, str, str | None, str | None]] = [
    ("208", "社会保障和就业支出", "177.01", "177.01", None),
    ("20805", "行政事业单位养老支出", "177.01", "177.01", None),
    ("2080505", "机关事业单位基本养老保险缴费支出", "138.25", "138.25", None),
    ("210", "卫生健康支出", "2342.01", "1201.91", "1140.10"),
    ("21015", "医疗保障管理事务", "1687.24", "1147.14", "540.10"),
    ("2101501", "行政运行", "317.67", "317.67", None),
    ("221", "住房保障支出", "104.76", "104.76", None),
]


def find_row(ws: Worksheet, text: str, col: int = 1, start: int = 1) -> int:
    for r in range(start, ws.max_row + 1):
        value = ws.cell(r, col).value
        if isinstance(value, str) and value.strip() == text:
            return r
    raise AssertionError(f"{ws.title}: no row {text!r} in column {col}")


def insert_rows(ws: Worksheet, idx: int, amount: int) -> None:
    """Insert rows as Excel does: merged ranges below move too (openpyxl leaves them)."""
    ranges = [rng.coord for rng in ws.merged_cells.ranges]
    for coord in ranges:
        ws.unmerge_cells(coord)
    ws.insert_rows(idx, amount)
    for coord in ranges:
        rng = CellRange(coord)
        if rng.min_row >= idx:
            rng.shift(0, amount)
        ws.merge_cells(rng.coord)


def fill(wb: openpyxl.Workbook) -> None:
    """Fill the template with a small, consistent disclosure (seed 002's figures)."""
    info = wb["基本信息"]
    info.cell(find_row(info, "单位名称"), 2, "秦皇岛市医疗保障局")
    info.cell(find_row(info, "决算范围"), 2, "汇总")
    info.cell(find_row(info, "地区"), 2, "河北省秦皇岛市")
    info.cell(find_row(info, "预算代码"), 2, "450")

    profile = wb["部门概况"]
    r = find_row(profile, "【部门职责】") + 2
    profile.cell(r, 2, "拟订全市医疗保障政策。")
    profile.cell(r + 1, 2, "完成市委、市政府交办的其他任务。")
    r = find_row(profile, "【决算单位构成】") + 2
    profile.cell(r, 2, "秦皇岛市医疗保障局(本级)")
    profile.cell(r, 3, "行政单位")
    profile.cell(r, 4, "财政拨款")

    ws = wb[S01]
    ws.cell(find_row(ws, "一、一般公共预算财政拨款收入"), 3, 2619.78)
    ws.cell(find_row(ws, "本年收入合计"), 3, "2,619.78")
    ws.cell(find_row(ws, "年初结转和结余"), 3, 4)
    ws.cell(find_row(ws, "总计"), 3, Decimal("2623.78"))
    ws.cell(find_row(ws, "九、卫生健康支出", 4), 6, 2342.01)
    ws.cell(find_row(ws, "本年支出合计", 4), 6, 2623.78)

    ws = wb[S03]
    r = find_row(ws, "合计")
    ws.cell(r, 3, 2623.78)
    ws.cell(r, 4, 1483.68)
    ws.cell(r, 5, 1140.10)
    for i, (code, name, total, basic, project) in enumerate(ROWS_03, start=r + 1):
        ws.cell(i, 1, code)
        ws.cell(i, 2, name)
        ws.cell(i, 3, Decimal(total))
        if basic is not None:
            ws.cell(i, 4, Decimal(basic))
        if project is not None:
            ws.cell(i, 5, Decimal(project))

    ws = wb[S04]
    ws.cell(find_row(ws, "年初财政拨款结转和结余"), 3, 4.0)
    ws.cell(find_row(ws, "一般公共预算财政拨款", 1, find_row(ws, "年初财政拨款结转和结余")), 3, 4)
    r = find_row(ws, "八、社会保障和就业支出", 4)
    ws.cell(r, 6, 177.01)
    ws.cell(r, 7, 177.01)

    ws = wb[S06]
    ws.cell(find_row(ws, "30101"), 3, 395.73)
    ws.cell(find_row(ws, "人员经费合计"), 3, 1396.74)

    ws = wb[S09]
    r = find_row(ws, "“三公”经费")
    for col, value in ((2, 5.76), (4, 5.76), (6, 5.76), (7, 0.67), (8, 1.58), (10, 1.53)):
        ws.cell(r, col, value)

    ex = wb[EXTRAS_SHEET]
    r = find_row(ex, "total")
    ex.cell(r, 3, 2779.94)
    ex.cell(r, 6, "上级拨付医疗服务与保障能力提升资金减少")
    r = find_row(ex, "sangong.total")
    ex.cell(r, 3, 2.10)
    ex.cell(r, 5, 5.76)
    r = find_row(ex, "【功能分类科目预算】") + 2
    ex.cell(r, 1, "2101501")
    ex.cell(r, 2, "行政运行")
    ex.cell(r, 3, 300)
    ex.cell(r, 4, 317.67)
    ex.cell(r, 5, "人员增加")
    ex.cell(find_row(ex, "因公出国（境）团组数"), 2, 0)
    ex.cell(find_row(ex, "公务用车保有量（辆）"), 2, 3)
    ex.cell(find_row(ex, "机关运行经费（本年）"), 2, 86.94)
    ex.cell(find_row(ex, "政府采购支出总额"), 2, 12.5)
    ex.cell(find_row(ex, "小微企业占比的分母"), 2, "中小企业合同金额")
    ex.cell(find_row(ex, "车辆总数"), 2, 3)
    ex.cell(find_row(ex, "机要通信用车"), 2, 1)
    ex.cell(find_row(ex, "是否开展部门整体自评"), 2, "是")
    ex.cell(find_row(ex, "优"), 2, 2)

    pf = wb[PERF_SHEET]
    r = find_row(pf, "【项目信息】") + 2
    for col, value in enumerate(
        ["医保信息化建设", "项目", "市医疗保障局", "市医保中心", 2023, 10, 9.5, 95.5, "优"], 1
    ):
        pf.cell(r, col, value)
    r = find_row(pf, "【资金情况】") + 2
    for col, value in enumerate(["医保信息化建设", "年度资金总额", 100, 120, 114, 10, 95, 9.5], 1):
        pf.cell(r, col, value)
    r = find_row(pf, "【年度总体目标】") + 2
    for col, value in enumerate(["医保信息化建设", "建成平台", "已建成", 100], 1):
        pf.cell(r, col, value)
    r = find_row(pf, "【绩效指标】") + 2
    indicator = [
        "医保信息化建设",
        "产出指标",
        "数量指标",
        "接入机构数",
        None,
        20,
        None,
        "≥500",
        "家",
        "520",
        "完成",
        20,
    ]
    for col, value in enumerate(indicator, 1):
        if value is not None:
            pf.cell(r, col, value)
    pf.cell(r + 1, 1, "医保信息化建设")
    pf.cell(r + 1, 2, "满意度指标")
    pf.cell(r + 1, 4, "群众满意度")
    pf.cell(r + 1, 7, "≥")
    pf.cell(r + 1, 8, 0.9).number_format = "0%"
    pf.cell(r + 1, 10, "较好")

    sm = wb[PERF_SUMMARY_SHEET]
    for col, value in enumerate(["医保信息化建设", 120, 114, 95, 100, 90, 100, 95.5, "优"], 1):
        sm.cell(4, col, value)


@pytest.fixture(scope="module")
def template_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "模板.xlsx", 2023)


def filled(tmp_path: Path, template: Path, edit: Any = None, name: str = "filled.xlsx") -> Path:
    wb = openpyxl.load_workbook(template)
    fill(wb)
    if edit is not None:
        edit(wb)
    out = tmp_path / name
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def filled_path(tmp_path_factory: pytest.TempPathFactory, template_path: Path) -> Path:
    return filled(tmp_path_factory.mktemp("filled"), template_path)


@pytest.fixture(scope="module")
def disclosure(filled_path: Path) -> Disclosure:
    return read_workbook(filled_path)


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(JuesuanError) as info:
        read_workbook(path)
    return info.value.problems


# ------------------------------------------------------------------ values and provenance


def test_meta_and_profile(disclosure: Disclosure) -> None:
    meta = disclosure.meta
    assert (meta.unit_name, meta.fiscal_year, meta.scope) == ("秦皇岛市医疗保障局", 2023, "汇总")
    assert (meta.region, meta.budget_code, meta.template) == ("河北省秦皇岛市", "450", "national")
    assert (
        meta.source_file == "filled.xlsx" and meta.source_sha256 and len(meta.source_sha256) == 64
    )
    assert disclosure.profile.duties == [
        "拟订全市医疗保障政策。",
        "完成市委、市政府交办的其他任务。",
    ]
    unit = disclosure.profile.units[0]
    assert (unit.name, unit.nature, unit.funding_form) == (
        "秦皇岛市医疗保障局(本级)",
        "行政单位",
        "财政拨款",
    )


def test_table01_rows_keys_and_exact_values(disclosure: Disclosure) -> None:
    t = disclosure.tables["01"]
    income = t.find("一般公共预算财政拨款收入", "收入")
    assert income is not None
    assert income.printed_label == "一、一般公共预算财政拨款收入" and income.line_no == 1
    value = income.values["金额"]
    assert (
        value.value == Decimal("2619.78") and str(value.value) == "2619.78" and value.decimals == 2
    )
    assert value.prov is not None
    assert (value.prov.sheet, value.prov.cell, value.prov.table) == (S01, "C8", "01")
    assert (value.prov.row, value.prov.column, value.prov.file) == (
        "一般公共预算财政拨款收入",
        "金额",
        "filled.xlsx",
    )
    total = t.cell("本年收入合计", "金额", "收入")
    assert total is not None and total.value == Decimal("2619.78") and total.raw == "2,619.78"
    carried = t.cell("年初结转和结余", "金额", "收入")
    assert carried is not None and str(carried.value) == "4.00"  # int 4 shown as 4.00
    assert str(t.cell("总计", "金额", "收入").value) == "2623.78"  # type: ignore[union-attr]
    health = t.find("卫生健康支出", "支出")
    assert health is not None and health.code == "210" and health.line_no == 39
    assert health.values["金额"].value == Decimal("2342.01")
    assert t.find("总计", "支出") is not None
    assert len([r for r in t.rows if r.side == "支出"]) == 26 + 4
    assert "金额" not in t.find("外交支出", "支出").values  # type: ignore[union-attr]


def test_coded_table03(disclosure: Disclosure) -> None:
    t = disclosure.tables["03"]
    assert [r.key for r in t.rows] == ["合计", *(code for code, *_ in ROWS_03)]
    total = t.find("合计")
    assert total is not None and total.code is None
    assert str(total.values["项目支出"].value) == "1140.10"
    row = t.find("21015")
    assert row is not None and row.label == "医疗保障管理事务" and row.code == "21015"
    assert set(row.values) == {"本年支出合计", "基本支出", "项目支出"}
    basic = row.values["基本支出"]
    assert basic.value == Decimal("1147.14") and basic.prov is not None
    assert (basic.prov.cell, basic.prov.code, basic.prov.column) == ("D13", "21015", "基本支出")
    assert t.find("208").values.keys() == {"本年支出合计", "基本支出"}  # type: ignore[union-attr]
    assert t.headers["基本支出"] == "基本支出"
    assert t.printed_no == "公开03表" and t.unit == "万元" and t.title == "支出决算表"
    assert disclosure.tables["05"].headers["合计"] == "本年支出/合计"
    assert disclosure.tables["07"].rows[0].key == "合计" and disclosure.tables["07"].is_empty


def test_table04_split_rows(disclosure: Disclosure) -> None:
    t = disclosure.tables["04"]
    split = t.find("年初财政拨款结转和结余/一般公共预算财政拨款", "收入")
    assert split is not None and split.label == "一般公共预算财政拨款"
    assert str(split.values["金额"].value) == "4.00"
    assert t.find("一般公共预算财政拨款", "收入") is not None
    assert t.find("年末财政拨款结转和结余/国有资本经营预算财政拨款", "支出") is not None
    social = t.find("社会保障和就业支出", "支出")
    assert social is not None and social.code == "208"
    assert set(social.values) == {"合计", "一般公共预算财政拨款"}


def test_table06_and_09(disclosure: Disclosure) -> None:
    t06 = disclosure.tables["06"]
    assert t06.cell("30101", "决算数").value == Decimal("395.73")  # type: ignore[union-attr]
    assert t06.cell("人员经费合计", "决算数").value == Decimal("1396.74")  # type: ignore[union-attr]
    assert t06.find("301").label == "工资福利支出"  # type: ignore[union-attr]
    t09 = disclosure.tables["09"]
    row = t09.find("三公经费")
    assert row is not None and row.label == "“三公”经费"
    assert str(row.values["预算数/合计"].value) == "5.76"
    assert row.values["预算数/公务用车购置及运行维护费"].value == Decimal("5.76")
    assert row.values["决算数/公务用车购置及运行维护费"].value == Decimal("1.53")
    assert row.values["决算数/合计"].prov.cell == "H9"  # type: ignore[union-attr]
    assert "预算数/因公出国（境）费" not in row.values


def test_extras(disclosure: Disclosure) -> None:
    ex = disclosure.extras
    assert str(ex.prior["total"].value) == "2779.94"
    assert ex.reasons["total"] == "上级拨付医疗服务与保障能力提升资金减少"
    assert str(ex.prior["sangong.total"].value) == "2.10"
    assert ex.budget_final["sangong.total"].value == Decimal("5.76")
    assert str(ex.budget_initial["func:2101501"].value) == "300.00"
    assert ex.budget_final["func:2101501"].value == Decimal("317.67")
    assert ex.budget_reasons["func:2101501"] == "人员增加"
    assert ex.sangong_counts.abroad_groups == 0 and ex.sangong_counts.vehicles_held == 3
    assert ex.office_running is not None and str(ex.office_running.value) == "86.94"
    assert ex.procurement.total is not None and str(ex.procurement.total.value) == "12.50"
    assert ex.procurement.small_micro_denominator == "中小企业合同金额"
    assert ex.assets.vehicles_total == 3 and ex.assets.vehicles_by_category == {"机要通信用车": 1}
    assert ex.performance.department_evaluated is True
    assert ex.performance.grade_counts == {"优": 2}
    prov = ex.prior["total"].prov
    assert prov is not None and prov.sheet == EXTRAS_SHEET and prov.column == "上年决算数"


def test_evaluations(disclosure: Disclosure) -> None:
    (ev,) = disclosure.evaluations
    assert (ev.name, ev.kind, ev.department, ev.implementer, ev.year, ev.grade) == (
        "医保信息化建设",
        "project",
        "市医疗保障局",
        "市医保中心",
        2023,
        "优",
    )
    assert str(ev.total_score.value) == "95.50"  # type: ignore[union-attr]
    (line,) = ev.funding
    assert line.label == "年度资金总额" and str(line.executed.value) == "114.00"  # type: ignore[union-attr]
    assert ev.goals[0].target == "建成平台" and ev.goals[0].achieved == "已建成"
    first, second = ev.indicators
    assert (first.level1, first.level2, first.level3) == ("产出指标", "数量指标", "接入机构数")
    assert first.operator == "≥" and first.target_text == "≥500" and first.unit == "家"
    assert first.target is not None and first.target.value == Decimal(500)
    assert first.actual is not None and first.actual.value == Decimal(520)
    assert first.status == "完成" and str(first.score.value) == "20.00"  # type: ignore[union-attr]
    assert second.operator == "≥" and second.target is not None
    assert second.target.value == Decimal(90)  # 0.9 formatted as a percentage
    assert second.actual is None and second.actual_text == "较好"
    (row,) = disclosure.evaluation_summary
    assert row.name == "医保信息化建设" and row.grade == "优"
    assert set(row.category_rates) == {"产出指标", "效益指标", "满意度指标"}
    assert str(row.score.value) == "95.50"  # type: ignore[union-attr]


def test_round_trip_json(disclosure: Disclosure) -> None:
    again = Disclosure.model_validate_json(disclosure.model_dump_json())
    assert again == disclosure


def test_load_dispatches_xlsx_and_leaves_file_unchanged(filled_path: Path) -> None:
    before = hashlib.sha256(filled_path.read_bytes()).hexdigest()
    mtime = filled_path.stat().st_mtime_ns
    d = load(filled_path)
    assert d.meta.source_sha256 == before
    assert hashlib.sha256(filled_path.read_bytes()).hexdigest() == before
    assert filled_path.stat().st_mtime_ns == mtime


def test_blank_template_reads_with_only_unit_name(tmp_path: Path, template_path: Path) -> None:
    wb = openpyxl.load_workbook(template_path)
    wb["基本信息"]["B4"] = "某局"
    wb.save(tmp_path / "blank.xlsx")
    d = read_workbook(tmp_path / "blank.xlsx")
    assert all(t.is_empty for t in d.tables.values())
    assert d.evaluations == [] and d.extras.prior == {}
    assert len(d.tables["06"].rows) > 80  # the pre-filled economic list


# ------------------------------------------------------------------ layout tolerance


def test_inserted_rows_and_reordered_columns(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = wb[S03]
        insert_rows(ws, 9, 2)  # blank rows inside the data
        insert_rows(ws, 5, 1)  # a blank row above the header
        for r in range(1, ws.max_row + 1):  # swap 基本支出 (D) and 项目支出 (E)
            d, e = ws.cell(r, 4), ws.cell(r, 5)
            if not isinstance(d, MergedCell) and not isinstance(e, MergedCell):
                d.value, e.value = e.value, d.value
        ex = wb[EXTRAS_SHEET]
        insert_rows(ex, find_row(ex, "【政府采购】"), 3)

    d = read_workbook(filled(tmp_path, template_path, edit))
    t = d.tables["03"]
    assert [r.key for r in t.rows] == ["合计", *(code for code, *_ in ROWS_03)]
    row = t.find("21015")
    assert row is not None
    assert row.values["基本支出"].value == Decimal("1147.14")
    assert row.values["项目支出"].value == Decimal("540.10")
    assert row.values["基本支出"].prov.cell == "E16"  # type: ignore[union-attr]
    assert d.extras.procurement.total is not None


def test_economic_three_block_layout(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        del wb[S06]
        ws = wb.create_sheet(S06)
        ws.append(["一般公共预算财政拨款基本支出决算明细表"])
        ws.append(["公开06表"])
        ws.append(["人员经费", None, None, "公用经费"])
        ws.append(["科目代码", "科目名称", "决算数"] * 3)
        ws.append(
            [
                "301",
                "工资福利支出",
                "1,356.64",
                "302",
                "商品和服务支出",
                "83.43",
                "307",
                "债务利息及费用支出",
                None,
            ]
        )
        ws.append(
            ["30101", "基本工资", "395.73", "30201", "办公费", "15.14", "310", "资本性支出", "3.50"]
        )
        ws.append([None, None, None, "30299", "其他商品和服务支出", "1.62"])
        ws.append(
            ["人员经费合计", None, "1,396.74", "公用经费合计", None, None, None, None, "86.94"]
        )

    t = read_workbook(filled(tmp_path, template_path, edit)).tables["06"]
    assert [r.key for r in t.rows] == [
        "301",
        "30101",
        "302",
        "30201",
        "30299",
        "307",
        "310",
        "人员经费合计",
        "公用经费合计",
    ]
    assert t.cell("310", "决算数").prov.cell == "I6"  # type: ignore[union-attr]
    assert str(t.cell("公用经费合计", "决算数").value) == "86.94"  # type: ignore[union-attr]
    assert t.cell("307", "决算数") is None


def test_function_table_in_printed_layout_with_two_header_rows(
    tmp_path: Path, template_path: Path
) -> None:
    """As the tables are printed: 科目编码/科目名称 merged over two header rows, 本年支出 merged
    over 合计/基本支出/项目支出 on the second row, a 栏次 row, then the figures."""

    def edit(wb: openpyxl.Workbook) -> None:
        del wb[S05]
        ws = wb.create_sheet(S05)
        ws.append(["一般公共预算财政拨款支出决算表"])
        ws.append(["公开05表", None, None, None, "单位：万元"])
        ws.append(["科目编码", "科目名称", "本年支出"])
        ws.append([None, None, "合计", "基本支出", "项目支出"])
        ws.append([None, "栏次", "1", "2", "3"])
        ws.append([None, "合计", "2342.01", "1201.91", "1140.10"])
        ws.append(["210", "卫生健康支出", "2342.01", "1201.91", "1140.10"])
        ws.append(["21015", "医疗保障管理事务", "1687.24", "1147.14", "540.10"])
        for cells in ("A3:A4", "B3:B4", "C3:E3"):
            ws.merge_cells(cells)

    t = read_workbook(filled(tmp_path, template_path, edit)).tables["05"]
    assert [r.key for r in t.rows] == ["合计", "210", "21015"]
    assert str(t.cell("21015", "基本支出").value) == "1147.14"  # type: ignore[union-attr]
    assert str(t.cell("21015", "项目支出").value) == "540.10"  # type: ignore[union-attr]
    assert t.cell("210", "合计").prov.cell == "C7"  # type: ignore[union-attr]


def test_sheet_found_by_title_when_renamed(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        wb[S05].title = "一般公共预算财政拨款支出决算表"

    d = read_workbook(filled(tmp_path, template_path, edit))
    assert d.tables["05"].prov.sheet == "一般公共预算财政拨款支出决算表"  # type: ignore[union-attr]


# ------------------------------------------------------------------ errors


def test_many_problems_reported_at_once(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        wb["基本信息"]["B5"] = "二〇二三"
        wb["基本信息"]["B6"] = "全部"
        ws = wb[S03]
        ws["D14"] = "1,2O3.5"
        ws["A15"] = "210150"
        ws["C16"] = "abc"
        profile = wb["部门概况"]
        profile.cell(find_row(profile, "【决算单位构成】") + 2, 3, "事业单位")

    problems = problems_of(filled(tmp_path, template_path, edit))
    assert Problem(f"{S03}!D14", '不是数字: "1,2O3.5"') in problems
    assert Problem(f"{S03}!A15", '科目编码应为3、5或7位数字: "210150"') in problems
    assert Problem(f"{S03}!C16", '不是数字: "abc"') in problems
    assert Problem("基本信息!B5", '决算年度应为四位数字年份（如 2023）: "二〇二三"') in problems
    assert Problem("基本信息!B6", '取值应为 汇总、本级、单位: "全部"') in problems
    nature = [p for p in problems if p.location.startswith("部门概况!C")]
    assert nature and nature[0].message.startswith("取值应为 行政单位、参公事业单位")
    assert len(problems) == 6


def test_economic_code_length_and_duplicates(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = wb[S06]
        ws.cell(find_row(ws, "30102"), 1, "3010201")
        ws.cell(find_row(ws, "30103"), 1, "30101")
        ws = wb[S05]
        r = find_row(ws, "合计") + 1
        ws.cell(r, 1, "208")
        ws.cell(r, 2, "社会保障和就业支出")
        ws.cell(r + 1, 1, "208")
        ws.cell(r + 1, 2, "重复")
        ws.cell(r + 2, 2, "没有编码")
        ws.cell(r + 3, 3, 5)

    problems = problems_of(filled(tmp_path, template_path, edit))
    messages = {p.location: p.message for p in problems}
    assert messages[f"{S06}!A8"] == '科目编码应为3或5位数字: "3010201"'
    assert messages[f"{S06}!A9"] == '科目编码重复: "30101"（已出现在 A7）'
    assert messages[f"{S05}!A10"] == '科目编码重复: "208"（已出现在 A9）'
    assert messages[f"{S05}!A11"] == "缺少科目编码（科目名称“没有编码”）"
    assert messages[f"{S05}!A12"] == "这一行有数字，但没有科目编码和科目名称"


def test_missing_sheet_and_header(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        del wb[TABLE_SHEETS["08"]]
        ws = wb[S03]
        ws["D5"] = "基本经费"
        ws = wb[TABLE_SHEETS["02"]]
        ws["A6"] = "编码"

    problems = problems_of(filled(tmp_path, template_path, edit))
    assert Problem("filled.xlsx", f"缺少工作表“{TABLE_SHEETS['08']}”") in problems
    assert Problem(S03, "缺少表头“基本支出”") in problems
    assert Problem(TABLE_SHEETS["02"], "找不到表头“科目编码”") in problems


def test_missing_required_info(tmp_path: Path, template_path: Path) -> None:
    wb = openpyxl.load_workbook(template_path)
    wb["基本信息"]["B5"] = None
    path = tmp_path / "empty.xlsx"
    wb.save(path)
    assert problems_of(path) == [
        Problem("基本信息!B4", "缺少必填项“单位名称”"),
        Problem("基本信息!B5", "缺少必填项“决算年度”"),
    ]


def test_extras_and_perf_problems(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        ex = wb[EXTRAS_SHEET]
        r = find_row(ex, "total")
        ex.cell(r, 1, "totals")
        ex.cell(find_row(ex, "公务用车保有量（辆）"), 2, 2.5)
        ex.cell(find_row(ex, "小微企业占比的分母"), 2, "合同金额")
        pf = wb[PERF_SHEET]
        r = find_row(pf, "【绩效指标】") + 4
        pf.cell(r, 1, "不存在的项目")
        pf.cell(r, 2, "产出指标")
        pf.cell(r + 1, 1, "医保信息化建设")
        pf.cell(r + 1, 7, "约")

    problems = problems_of(filled(tmp_path, template_path, edit))
    found = {p.message for p in problems}
    assert '未知的事项键: "totals"' in found
    assert '应为整数: "2.5"' in found
    assert '取值应为 采购总额、中小企业合同金额: "合同金额"' in found
    assert "项目“不存在的项目”未在【项目信息】中登记" in found
    assert '取值应为 ≥、≤、=、>、<、文字描述: "约"' in found
    assert "缺少一级指标" in found


def test_uncalculated_formula(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        wb[S05]["C8"] = "=SUM(C9:C20)"

    problems = problems_of(filled(tmp_path, template_path, edit))
    assert problems == [
        Problem(f"{S05}!C8", "公式没有计算结果：请用 Excel 或 WPS 打开并保存后再读取")
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "文件不存在"),
        (b"not a zip file at all", "无法读取工作簿：文件已损坏，或不是 xlsx 格式"),
        (b"PK\x03\x04broken", "无法读取工作簿：文件已损坏，或不是 xlsx 格式"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "坏文件.xlsx"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(JuesuanError) as info:
        read_workbook(path)
    assert info.value.problems == [Problem("坏文件.xlsx", message)]


def test_error_does_not_modify_input(tmp_path: Path, template_path: Path) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        wb[S03]["D14"] = "x"

    path = filled(tmp_path, template_path, edit)
    before = path.read_bytes()
    with pytest.raises(JuesuanError):
        read_workbook(path)
    assert path.read_bytes() == before


# ------------------------------------------------------------------ exact numbers

amounts = st.decimals(
    min_value=Decimal("-99999999.99"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


@given(amounts)
def test_float_cells_read_back_exactly(value: Decimal) -> None:
    assert cell_decimal(float(value), "#,##0.00") == value
    assert str(cell_decimal(str(value), "#,##0.00")) == str(value)


def test_format_decimals() -> None:
    assert format_decimals("#,##0.00") == 2
    assert format_decimals("0.0%") == 1
    assert format_decimals("#,##0.00_);[Red](#,##0.00)") == 2
    assert format_decimals("General") is None and format_decimals("0") is None
    assert cell_decimal(5, "#,##0.00") == Decimal("5.00")
    assert str(cell_decimal(0.1 + 0.2, "#,##0.00")) == "0.30"
    assert str(cell_decimal(0.1234, "0.00%")) == "12.34"


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(amounts, min_size=6, max_size=6))
def test_workbook_amounts_exact(tmp_path: Path, template_path: Path, values: list[Decimal]) -> None:
    wb = openpyxl.load_workbook(template_path)
    wb["基本信息"]["B4"] = "某局"
    ws = wb[S03]
    r = find_row(ws, "合计")
    for col, value in enumerate(values, start=3):
        ws.cell(r, col, float(value))
    path = tmp_path / "h.xlsx"
    wb.save(path)
    row = read_workbook(path).tables["03"].find("合计")
    assert row is not None
    assert [row.values[k].value for k in row.values] == values
    assert all(row.values[k].decimals == 2 for k in row.values)
