"""The plain-text / Markdown reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from juesuan.errors import JuesuanError
from juesuan.read import text as text_reader
from juesuan.read.text import layout_from_text, read_text


def write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_with_bom(tmp_path: Path) -> None:
    layout = read_text(write(tmp_path, "\ufeff收入决算表\n公开02表\n".encode()))
    assert [line.text for line in layout.lines] == ["收入决算表", "公开02表"]
    assert layout.format == "text"
    assert not layout.warnings


def test_gb18030_fallback(tmp_path: Path) -> None:
    layout = read_text(write(tmp_path, "部门：某某局\n金额单位：万元\n".encode("gb18030")))
    assert layout.lines[0].text == "部门：某某局"
    assert any("GB18030" in w for w in layout.warnings)


def test_utf16_with_bom(tmp_path: Path) -> None:
    layout = read_text(write(tmp_path, "合计\t1.00\n".encode("utf-16")))
    assert [c.text for c in layout.lines[0].cells] == ["合计", "1.00"]


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary\x00junk",
        bytes(range(128, 256)) * 40,
        b"PK\x03\x04" + bytes([0x80, 0xFF, 0x81, 0xFE]) * 500,
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 100,
    ],
)
def test_binary_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(JuesuanError) as err:
        read_text(write(tmp_path, data))
    assert "不是文本文件" in str(err.value)


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_reader, "MAX_BYTES", 10)
    with pytest.raises(JuesuanError) as err:
        read_text(write(tmp_path, "这是一个超过十个字节的文件".encode()))
    assert "文件过大" in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(JuesuanError) as err:
        read_text(tmp_path / "nope.txt")
    assert "无法读取文件" in str(err.value)


def test_decoration_stripped_line_numbers_kept() -> None:
    source = "\n".join(
        [
            "# 2024年度某局部门决算",  # 1
            "",  # 2
            "## **二、机构设置**",  # 3
            "- 一、部门职责",  # 4
            "[bookmark: _Toc15377204][bookmark: _Toc15396602] 第二部分 决算情况说明",  # 5
            "<b>总计</b>\t32\t2948.42\t<b>总计</b>",  # 6
            "<p>城乡居民医疗保险&nbsp;项目</p>",  # 7
            "---",  # 8
            "**4. 卫生健康支出（类）**年初预算为3.97万元",  # 9
            "       [image: ]",  # 10
        ]
    )
    layout = layout_from_text(source, "x.md")
    texts = {line.no: line.text for line in layout.lines}
    assert texts[1] == "2024年度某局部门决算"
    assert texts[3] == "二、机构设置"
    assert texts[4] == "一、部门职责"
    assert texts[5] == "第二部分 决算情况说明"
    assert [c.text for c in layout.lines[5].cells] == ["总计", "32", "2948.42", "总计"]
    assert texts[7] == "城乡居民医疗保险\xa0项目"
    assert texts[8] == ""
    assert texts[9] == "4. 卫生健康支出（类）年初预算为3.97万元"
    assert texts[10] == ""
    assert [line.no for line in layout.lines] == list(range(1, 11))


def test_tabs_keep_empty_cells() -> None:
    layout = layout_from_text("\t\t5.76\t\t5.76\t0.67\n合计\t\t\t\n", "t.txt")
    first, second = layout.lines
    assert [c.text for c in first.cells] == ["", "", "5.76", "", "5.76", "0.67"]
    assert first.is_row
    assert [c.text for c in second.cells] == ["合计", "", "", ""]
    assert second.is_row


def test_negative_dash_cell_not_taken_for_a_list() -> None:
    layout = layout_from_text("-\t1.00\n- 列表项\n", "t.txt")
    assert [c.text for c in layout.lines[0].cells] == ["-", "1.00"]
    assert layout.lines[1].text == "列表项"


def test_markdown_pipe_table() -> None:
    layout = layout_from_text("| 项目 | 金额 |\n|---|---|\n| 合计 | 1.00 |\n", "t.md")
    assert [c.text for c in layout.lines[0].cells] == ["项目", "金额"]
    assert layout.lines[1].cells == []
    assert [c.text for c in layout.lines[2].cells] == ["合计", "1.00"]


def test_crlf_and_form_feed_pages() -> None:
    layout = layout_from_text("第一页\r\n\f第二页\r\n第二页续\r\n", "p.txt")
    assert [(line.no, line.page, line.text) for line in layout.lines] == [
        (1, 1, "第一页"),
        (2, 2, "第二页"),
        (3, 2, "第二页续"),
    ]
    assert [p.number for p in layout.pages] == [1, 2]


def test_too_many_cells_is_plain_text() -> None:
    layout = layout_from_text("\t".join(["1.00"] * 2000) + "\n", "w.txt")
    assert len(layout.lines[0].cells) == 1
    assert layout.warnings


def test_bookmark_regex_is_linear() -> None:
    nasty = "[bookmark: " * 200_000
    layout = layout_from_text(nasty, "n.txt")
    assert layout.lines[0].text.startswith("[bookmark:")


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MIXED = st.text(
    alphabet=st.sampled_from(list("ab1.中文，：\t\n\r\f\x01\x02\x0b\x1f\x7f€\u3000 𝄞")), max_size=60
)


@given(_MIXED, st.sampled_from(["utf-8", "gb18030"]))
def test_control_bytes_are_the_texts_control_characters(text: str, encoding: str) -> None:
    # _check_controls counts control bytes of the file instead of control characters of
    # its text: the same number in both encodings.
    data = text.encode(encoding)
    assert len(data.translate(None, text_reader._NOT_CONTROL)) == len(_CONTROL_CHARS.findall(text))


def test_a_few_control_characters_are_kept_many_refused(tmp_path: Path) -> None:
    few = "部门：某某局\x01\n" + "收入支出决算表\n" * 20
    assert read_text(write(tmp_path, few.encode("gb18030"))).lines[0].text == "部门：某某局\x01"
    many = "合计\x02\x03\x04\n" * 20
    with pytest.raises(JuesuanError, match="控制字符"):
        read_text(write(tmp_path, many.encode("gb18030")))


@given(_MIXED)
def test_carriage_returns_read_line_by_line(text: str) -> None:
    # The reader handles CR for the whole text at once; line by line, a CR ending a line
    # goes and any other CR (and U+3000) is a space.
    raw = text.split("\n")
    lines = [(r[:-1] if r.endswith("\r") else r).replace("\r", " ") for r in raw]
    expected = layout_from_text("\n".join(lines).replace("\u3000", " "), "a.txt")
    got = layout_from_text(text, "a.txt")
    assert [(x.no, x.page, x.text, x.cells, x.filled) for x in got.lines] == [
        (x.no, x.page, x.text, x.cells, x.filled) for x in expected.lines
    ]
