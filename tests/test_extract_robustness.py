"""The extractor never crashes: it returns a Disclosure with notices or a JuesuanError."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan.errors import JuesuanError
from juesuan.extract import extract, load_document
from juesuan.model import Disclosure
from juesuan.read.text import layout_from_text

SEEDS = Path(__file__).parents[1] / ".." / "shared" / "seeds"
SEED_NAMES = (
    "001_d73751aaba95274a.txt",
    "002_930f75fc3326c2a1.txt",
    "003_1c2740dd0732688e.txt",
    "004_fe270c263743eea8.txt",
)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def load_or_error(path: Path) -> Disclosure | JuesuanError:
    try:
        return load_document(path)
    except JuesuanError as err:
        assert _has_chinese(str(err)), str(err)
        return err


def seed_bytes(name: str) -> bytes:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed {name} not available")
    return path.read_bytes()


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(JuesuanError) as err:
        load_document(path)
    assert "没有文字内容" in str(err.value)


def test_whitespace_only(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text("\n  \n\t\t\n", encoding="utf-8")
    assert isinstance(load_or_error(path), JuesuanError)


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 64)
    result = load_or_error(path)
    assert isinstance(result, JuesuanError)
    assert "不是文本文件" in str(result)


@pytest.mark.parametrize("suffix", [".xlsx", ".doc", ""])
def test_unsupported_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"file{suffix}"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(JuesuanError) as err:
        load_document(path)
    assert "不支持" in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(JuesuanError):
        load_document(tmp_path / "none.txt")


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize("fraction", [0.02, 0.1, 0.25, 0.33, 0.5, 0.61, 0.77, 0.9, 0.999])
def test_truncated_seeds(tmp_path: Path, name: str, fraction: float) -> None:
    data = seed_bytes(name)
    cut = data[: int(len(data) * fraction)]
    path = tmp_path / name
    path.write_bytes(cut)  # may end inside a UTF-8 sequence
    result = load_or_error(path)
    if isinstance(result, Disclosure):
        for table in result.tables.values():
            for row in table.rows:
                assert row.prov is not None


@pytest.mark.parametrize("name", SEED_NAMES[1:3])
def test_seed_with_lines_dropped(tmp_path: Path, name: str) -> None:
    lines = seed_bytes(name).decode("utf-8").split("\n")
    path = tmp_path / name
    path.write_text("\n".join(lines[::2]), encoding="utf-8")
    assert isinstance(load_or_error(path), Disclosure | JuesuanError)


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    body = "第一部分 2023年度部门决算\n收入决算表\n公开02表\n" + "合计" * 5_000_000 + "\n"
    path.write_text(body, encoding="utf-8")
    result = load_or_error(path)
    assert isinstance(result, Disclosure)
    assert result.meta.fiscal_year == 2023


def test_ten_megabyte_table_row(tmp_path: Path) -> None:
    data = seed_bytes(SEED_NAMES[1]).decode("utf-8")
    lines = data.split("\n")
    lines.insert(160, "\t".join(["1.00"] * 2_000_000))
    path = tmp_path / "wide.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = load_or_error(path)
    assert isinstance(result, Disclosure)
    assert "02" in result.tables


def test_duplicate_table_reported_once(tmp_path: Path) -> None:
    data = seed_bytes(SEED_NAMES[1]).decode("utf-8").split("\n")
    table_02 = data[140:177]  # 收入决算表 … its note (lines 141-177)
    doubled = [*data[:177], "", *table_02, *data[177:]]
    path = tmp_path / "dup.txt"
    path.write_text("\n".join(doubled), encoding="utf-8")
    d = load_document(path)
    notes = [n.message for n in d.notices if "公开02表重复出现" in n.message]
    assert len(notes) == 1
    assert d.tables["02"].cell("合计", "本年收入合计") is not None
    assert len(d.tables["02"].rows) == 22


def test_different_copy_reported(tmp_path: Path) -> None:
    data = seed_bytes(SEED_NAMES[1]).decode("utf-8").split("\n")
    table_02 = [line.replace("2,619.78", "2,619.87") for line in data[140:177]]
    doubled = [*data[:177], "", *table_02, *data[177:]]
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(doubled), encoding="utf-8")
    d = load_document(path)
    assert any("内容不同" in n.message for n in d.notices)
    total = d.tables["02"].cell("合计", "本年收入合计")
    assert total is not None and str(total.value) == "2619.78"


_WORDS = [
    "合计",
    "总计",
    "收入",
    "支出",
    "项目",
    "行次",
    "金额",
    "栏次",
    "科目代码",
    "科目名称",
    "公开01表",
    "公开09表",
    "收入支出决算总表",
    "支出决算表",
    "财政拨款“三公”经费支出决算表",
    "预算数",
    "决算数",
    "小计",
    "人员经费合计",
    "第一部分",
    "名词解释",
    "2023年度",
    "注：",
    "部门：某局",
    "208",
    "20805",
    "2080501",
    "一般公共预算财政拨款",
    "年初结转和结余",
    "目录",
]
_ALPHABET = st.sampled_from([*"\t\n 0123456789.,-一二三四五六七八九十、（）()：:", *_WORDS])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=400).map("".join))
def test_random_table_soup_never_crashes(text: str) -> None:
    layout = layout_from_text(text, "soup.txt")
    try:
        result = extract(layout)
    except JuesuanError as err:
        assert _has_chinese(str(err))
        return
    assert isinstance(result, Disclosure)
