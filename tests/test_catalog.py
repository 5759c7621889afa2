"""Classification catalogs: look-ups, name matching, import, CLI, and data integrity."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from typer.testing import CliRunner

from juesuan.catalog import Catalog, CatalogEntry, normalise_name, table01_expense_classes
from juesuan.catalog.builtin import BUILTIN_FILES, builtin_entries, table01_rows
from juesuan.catalog.entry import make_entry
from juesuan.catalog.userdir import merge_entries
from juesuan.cli.catalog_cmd import catalog_app
from juesuan.errors import JuesuanError

TABLE01_NAMES = [
    "一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
    "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出",
    "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出",
    "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出",
    "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出",
    "其他支出", "债务还本支出", "债务付息支出", "抗疫特别国债安排的支出",
]  # fmt: skip


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own, empty JUESUAN_HOME (never the developer's real one)."""
    path = tmp_path / "home"
    monkeypatch.setenv("JUESUAN_HOME", str(path))
    return path


@pytest.fixture
def builtin() -> Catalog:
    return Catalog.load_builtin()


# -- look-ups -------------------------------------------------------------------------------


def test_function_item_lookup(builtin: Catalog) -> None:
    entry = builtin.get("2101501")
    assert entry is not None
    assert (entry.name, entry.parent, entry.level) == ("行政运行", "21015", "项")
    assert entry.kind == "function"
    assert [e.code for e in builtin.path("2101501")] == ["210", "21015", "2101501"]


def test_economic_lookup(builtin: Catalog) -> None:
    entry = builtin.get("30113", 2024)
    assert entry is not None
    assert (entry.name, entry.level, entry.parent) == ("住房公积金", "款", "301")
    assert entry.kind == "economic"
    assert entry.source == "observed"


def test_kind_is_inferred_from_the_code(builtin: Catalog) -> None:
    assert builtin.get("210", kind="function") is not None
    assert builtin.get("210", kind="economic") is None
    assert builtin.get("301", kind="economic") is not None
    assert builtin.get("2101501x") is None
    assert builtin.get("4010101") is None


@pytest.mark.parametrize("name", ["卫生健康支出", "卫生健康", " 卫生 健康支出 "])
def test_function_class_by_name(builtin: Catalog, name: str) -> None:
    entry = builtin.function_class_by_name(name, 2024)
    assert entry is not None and entry.code == "210"


def test_function_class_by_name_respects_renames(builtin: Catalog) -> None:
    old = builtin.function_class_by_name("文化体育与传媒支出", 2018)
    assert old is not None and old.code == "207"
    assert builtin.function_class_by_name("文化体育与传媒支出", 2024) is None
    assert builtin.function_class_by_name("不存在的类", 2024) is None


def test_validity_by_year(builtin: Catalog) -> None:
    assert builtin.get("234", 2019) is None
    assert builtin.get("234", 2020) is not None
    old, new = builtin.get("207", 2018), builtin.get("207", 2024)
    assert old is not None and old.name == "文化体育与传媒支出"
    assert new is not None and new.name == "文化旅游体育与传媒支出"
    poverty = builtin.get("21305", 2020)
    assert poverty is not None and poverty.name == "扶贫"


def test_stronger_source_wins_for_its_years(builtin: Catalog) -> None:
    in_2024, in_2021 = builtin.get("2101501", 2024), builtin.get("2101501", 2021)
    assert in_2024 is not None and in_2024.source == "observed"
    assert in_2021 is not None and in_2021.source == "recalled"
    versions = builtin.entries_for("2101501")
    assert {v.source for v in versions} == {"observed", "recalled"}
    assert [v.valid_from for v in versions] == sorted(v.valid_from for v in versions)


def test_children(builtin: Catalog) -> None:
    codes = [e.code for e in builtin.children("21015", 2024)]
    assert codes[:3] == ["2101501", "2101502", "2101503"]
    assert {"2101505", "2101550", "2101599"} <= set(codes)
    assert all(len(c) == 7 for c in codes)


# -- name matching --------------------------------------------------------------------------


def test_name_matches_exact(builtin: Catalog) -> None:
    result = builtin.name_matches("2101501", "行政运行", 2024)
    assert result.status == "exact" and result.matches
    assert result.source == "observed"


@pytest.mark.parametrize(
    ("code", "printed"),
    [
        ("30212", "因公出国(境)费用"),  # half-width brackets
        ("30213", "维修(护)费"),
        ("2101501", "行政 运行"),
        ("208", "社会保障和就业"),  # 类 printed without 支出 in table 01
        ("210", "卫生健康"),
    ],
)
def test_name_matches_normalised(builtin: Catalog, code: str, printed: str) -> None:
    result = builtin.name_matches(code, printed, 2024)
    assert result.status == "normalised", result.message
    assert result.matches


def test_trailing_zhichu_is_only_ignored_for_classes(builtin: Catalog) -> None:
    result = builtin.name_matches("2101599", "其他医疗保障管理事务", 2024)
    assert result.status == "mismatch"


def test_name_mismatch_backed_by_observation_is_conclusive(builtin: Catalog) -> None:
    result = builtin.name_matches("2101501", "一般行政管理事务", 2024)
    assert result.status == "mismatch"
    assert result.source == "observed" and result.conclusive_mismatch
    assert result.entry is not None and result.entry.name == "行政运行"
    assert "行政运行" in result.message


def test_name_mismatch_on_recalled_entry_is_not_conclusive(builtin: Catalog) -> None:
    result = builtin.name_matches("2010101", "人大会议", 2021)
    assert result.status == "mismatch"
    assert result.source == "recalled"
    assert not result.conclusive_mismatch
    assert "未核实" in result.message


def test_name_matches_unknown_code(builtin: Catalog) -> None:
    result = builtin.name_matches("2999999", "随便什么", 2024)
    assert result.status == "unknown" and result.entry is None and result.source is None
    assert builtin.name_matches("234", "抗疫特别国债安排的支出", 2019).status == "unknown"


@given(st.text(max_size=30))
def test_normalise_name_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once
    assert not any(ch.isspace() for ch in once)


# -- search ---------------------------------------------------------------------------------


def test_search_by_name(builtin: Catalog) -> None:
    codes = [e.code for e in builtin.search("医疗保障")]
    assert {"21015", "2101505", "2101599"} <= set(codes)
    assert codes == sorted(codes)


def test_search_by_code_prefix(builtin: Catalog) -> None:
    found = builtin.search("21015", 2024)
    assert found and all(e.code.startswith("21015") for e in found)
    assert found[0].code == "21015"


def test_search_by_year(builtin: Catalog) -> None:
    assert builtin.search("抗疫", 2019) == []
    assert [e.code for e in builtin.search("抗疫", 2021)] == ["234", "23402"]
    assert [e.code for e in builtin.search("公积金", 2024, kind="economic")] == ["30113"]


# -- table 01 -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_table01_classes_in_printed_order(year: int) -> None:
    entries = table01_expense_classes(year)
    assert [e.name for e in entries] == TABLE01_NAMES
    assert all(e.level == "类" and e.kind == "function" for e in entries)
    assert entries[0].code == "201" and entries[-1].code == "234"


def test_table01_outside_known_years_is_empty() -> None:
    assert table01_expense_classes(2018) == []


# -- import ---------------------------------------------------------------------------------


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_import_csv_overrides_recalled_entry_for_its_year(tmp_path: Path, home: Path) -> None:
    source = _write_csv(
        tmp_path / "功能分类2025.csv",
        [
            ["科目编码", "科目名称"],
            ["210", "卫生健康支出"],
            ["21015", "医疗保障管理事务"],
            ["2101501", "行政运行"],
            ["", "合计"],
            ["2013899", "其他市场监督管理事务支出"],
        ],
    )
    before = source.read_bytes()
    catalog = Catalog.load()
    assert catalog.import_file(source, "function", 2025) == 4
    assert source.read_bytes() == before
    stored = home / "catalog" / "function.csv"
    assert stored.is_file() and catalog.user_file("function") == stored

    entry = catalog.get("2013899", 2025)
    assert entry is not None
    assert (entry.name, entry.source) == ("其他市场监督管理事务支出", "official")
    older = catalog.get("2013899", 2024)
    assert older is not None and older.source == "recalled"
    # a fresh catalog sees the user file too
    fresh = Catalog.load().get("2101501", 2025)
    assert fresh is not None and fresh.source == "official"
    assert Catalog.load_builtin().get("2013899", 2025) == older


def test_import_merges_into_existing_user_file(tmp_path: Path, home: Path) -> None:
    catalog = Catalog.load()
    first = _write_csv(tmp_path / "a.csv", [["code", "name"], ["2101501", "行政运行"]])
    second = _write_csv(tmp_path / "b.csv", [["code", "name"], ["2101502", "一般行政管理事务"]])
    catalog.import_file(first, "function", 2025)
    catalog.import_file(second, "function", 2025)
    catalog.import_file(first, "function", 2026)
    text = (home / "catalog" / "function.csv").read_text(encoding="utf-8")
    assert "2101501,行政运行,项,21015,2025,2026,official" in text
    assert "2101502,一般行政管理事务,项,21015,2025,2025,official" in text


def test_import_gb18030_csv_without_header(tmp_path: Path) -> None:
    source = _write_csv(
        tmp_path / "eco.csv", [["30113", "住房公积金"], ["30114", "医疗费"]], "gb18030"
    )
    catalog = Catalog.load()
    assert catalog.import_file(source, "economic", 2025) == 2
    entry = catalog.get("30114", 2025)
    assert entry is not None and entry.source == "official" and entry.kind == "economic"


def test_import_xlsx_finds_columns_by_header(tmp_path: Path, home: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["2025年部门预算支出经济分类科目"])
    sheet.append(["序号", "编码", "名称", "说明"])
    sheet.append([1, 301, "工资福利支出", ""])
    sheet.append([2, 30101, "基本工资", ""])
    sheet.append([3, 30102.0, "津贴补贴", ""])
    path = tmp_path / "经济分类.xlsx"
    workbook.save(path)
    catalog = Catalog.load()
    assert catalog.import_file(path, "economic", 2025, source="observed") == 3
    entry = catalog.get("30102", 2025)
    assert entry is not None
    assert (entry.name, entry.parent, entry.source) == ("津贴补贴", "301", "observed")
    assert (home / "catalog" / "economic_dept.csv").is_file()


def test_import_missing_file(tmp_path: Path) -> None:
    with pytest.raises(JuesuanError) as info:
        Catalog.load().import_file(tmp_path / "没有.csv", "function", 2025)
    assert info.value.problems[0].location == "没有.csv"
    assert "不存在" in info.value.problems[0].message


def test_import_xlsx_collects_every_bad_code_with_cell_location(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["说明", "科目编码", "科目名称"])
    for code in ["201", "20101", "2010101", "2010102", "2010103"]:
        sheet.append(["", code, "某科目"])
    sheet.append(["", "20I01", "错字"])  # row 7
    sheet.append(["", "2010104", ""])  # row 8
    sheet.append(["", "30101", "基本工资"])  # row 9: economic code in a function file
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    with pytest.raises(JuesuanError) as info:
        Catalog.load().import_file(path, "function", 2025)
    locations = [p.location for p in info.value.problems]
    assert locations == ["bad.xlsx!B7", "bad.xlsx!C8", "bad.xlsx!B9"]
    assert "不是数字" in info.value.problems[0].message
    assert "名称为空" in info.value.problems[1].message
    assert "经济分类" in info.value.problems[2].message
    assert str(info.value).startswith("bad.xlsx!B7: ")


def test_import_csv_bad_code_located_by_line(tmp_path: Path, home: Path) -> None:
    source = _write_csv(tmp_path / "bad.csv", [["编码", "名称"], ["201", "一"], ["2O1", "二"]])
    with pytest.raises(JuesuanError) as info:
        Catalog.load().import_file(source, "function", 2025)
    assert [p.location for p in info.value.problems] == ["bad.csv:第3行"]
    assert not (home / "catalog" / "function.csv").exists()


def test_import_without_code_column(tmp_path: Path) -> None:
    source = _write_csv(tmp_path / "nocode.csv", [["科目名称", "金额"], ["行政运行", "1"]])
    with pytest.raises(JuesuanError) as info:
        Catalog.load().import_file(source, "function", 2025)
    assert info.value.problems[0].location == "nocode.csv:第1行"
    assert "编码列" in info.value.problems[0].message


def test_import_rejects_bad_year_and_unknown_type(tmp_path: Path) -> None:
    source = _write_csv(tmp_path / "ok.csv", [["201", "一般公共服务支出"]])
    with pytest.raises(JuesuanError, match="年度"):
        Catalog.load().import_file(source, "function", 25)
    other = tmp_path / "x.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(JuesuanError, match="不支持"):
        Catalog.load().import_file(other, "function", 2025)


def test_learn_stores_observed_pairs(home: Path) -> None:
    catalog = Catalog.load()
    assert catalog.learn([("2101501", "行政运行", 2025), ("30113", "住房公积金", 2025)]) == 2
    entry = catalog.get("2101501", 2025)
    assert entry is not None and entry.source == "observed" and entry.valid_to == 2025
    assert (home / "catalog" / "economic_dept.csv").is_file()
    with pytest.raises(JuesuanError) as info:
        catalog.learn([("21O15", "医疗保障管理事务", 2025), ("210", "", 2025)])
    assert len(info.value.problems) == 2


def test_merge_entries_cuts_and_joins_ranges() -> None:
    wide = make_entry("2101501", "行政运行", 2019, None, "official")
    renamed = make_entry("2101501", "新名称", 2022, 2022, "official")
    merged = merge_entries([wide], [renamed])
    assert [(e.name, e.valid_from, e.valid_to) for e in merged] == [
        ("新名称", 2022, 2022),
        ("行政运行", 2019, 2021),
        ("行政运行", 2023, None),
    ]
    rejoined = merge_entries(merged, [make_entry("2101501", "行政运行", 2022, 2022, "official")])
    assert [(e.name, e.valid_from, e.valid_to) for e in rejoined] == [("行政运行", 2019, None)]


# -- CLI ------------------------------------------------------------------------------------


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    app.add_typer(catalog_app, name="catalog")
    return app


def test_cli_show_text(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["catalog", "show", "2101501"])
    assert result.exit_code == 0, result.output
    assert "行政运行" in result.output
    assert "210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行" in result.output
    assert "项" in result.output and "已公开表格所见" in result.output
    result = CliRunner().invoke(cli, ["catalog", "show", "30113"])
    assert result.exit_code == 0 and "住房公积金" in result.output


def test_cli_show_json_and_unknown(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["catalog", "show", "30113", "--year", "2024", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["name"] == "住房公积金" and data["kind"] == "economic"
    assert set(data) == set(CatalogEntry.model_fields)
    missing = CliRunner().invoke(cli, ["catalog", "show", "2999999"])
    assert missing.exit_code == 1
    assert "未找到" in missing.output


def test_cli_search(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["catalog", "search", "医疗保障", "--year", "2024"])
    assert result.exit_code == 0 and "21015" in result.output
    result = CliRunner().invoke(
        cli, ["catalog", "search", "20805", "--format", "json", "--limit", "2"]
    )
    data = json.loads(result.output)
    assert [e["code"] for e in data] == ["20805", "2080501"]
    none = CliRunner().invoke(cli, ["catalog", "search", "不存在的名称"])
    assert none.exit_code == 0 and "没有找到" in none.output


def test_cli_import(cli: typer.Typer, tmp_path: Path, home: Path) -> None:
    source = _write_csv(tmp_path / "f.csv", [["科目编码", "科目名称"], ["2101501", "行政运行"]])
    args = ["catalog", "import", str(source), "--kind", "function", "--year", "2025"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "已导入 1 个" in result.output and str(home / "catalog") in result.output
    bad = _write_csv(tmp_path / "bad.csv", [["编码", "名称"], ["abc", "x"]])
    args = ["catalog", "import", str(bad), "--kind", "function", "--year", "2025"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "错误：bad.csv:第2行" in result.output


# -- data integrity -------------------------------------------------------------------------


def _raw_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("juesuan.catalog").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_data_rows_are_well_formed(name: str) -> None:
    expected_kind = "function" if name == "function.csv" else "economic"
    rows = _raw_rows(name)
    assert rows
    for row in rows:
        assert row["name"].strip() == row["name"] and row["name"], row
        assert row["source"] in ("official", "observed", "recalled"), row
        assert row["level"] == {3: "类", 5: "款", 7: "项"}[len(row["code"])], row
        assert row["parent"] == (row["code"][:-2] if len(row["code"]) > 3 else ""), row
    assert all(e.kind == expected_kind for e in builtin_entries(name))


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_data_has_no_duplicate_versions(name: str) -> None:
    keys = [(e.code, e.valid_from) for e in builtin_entries(name)]
    assert len(keys) == len(set(keys))
    by_code_source: dict[tuple[str, str], list[CatalogEntry]] = defaultdict(list)
    for entry in builtin_entries(name):
        by_code_source[(entry.code, entry.source)].append(entry)
    for versions in by_code_source.values():
        for i, a in enumerate(versions):
            assert not any(a.overlaps(b) for b in versions[i + 1 :]), a


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_data_parents_exist_when_children_start(name: str) -> None:
    catalog = Catalog(builtin_entries(name))
    for entry in builtin_entries(name):
        if entry.parent is not None:
            assert catalog.get(entry.parent, entry.valid_from) is not None, entry


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_data_observed_entries_agree_with_recalled_ones(name: str) -> None:
    entries = builtin_entries(name)
    recalled = [e for e in entries if e.source == "recalled"]
    for observed in (e for e in entries if e.source == "observed"):
        same = [r for r in recalled if r.code == observed.code and r.overlaps(observed)]
        assert same and all(r.name == observed.name for r in same), observed


def test_data_table01_rows_resolve(builtin: Catalog) -> None:
    rows = table01_rows()
    assert [r.position for r in rows] == list(range(1, 27))
    assert [r.name for r in rows] == TABLE01_NAMES
    for row in rows:
        for year in range(row.valid_from, (row.valid_to or row.valid_from) + 1):
            entry = builtin.get(row.code, year, kind="function")
            assert entry is not None and entry.level == "类", row
            assert entry.name == row.name, row
            by_name = builtin.function_class_by_name(row.name, year)
            assert by_name is not None and by_name.code == row.code


def test_data_observed_counts() -> None:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for name in BUILTIN_FILES:
        for entry in builtin_entries(name):
            counts[(name, entry.source)] += 1
    assert counts[("function.csv", "observed")] == 25
    assert counts[("economic_dept.csv", "observed")] == 87
    assert counts[("function.csv", "official")] == counts[("economic_dept.csv", "official")] == 0
