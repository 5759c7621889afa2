"""DOCX input: paragraphs and tables (with merged cells) through the same extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from juesuan.errors import JuesuanError  # noqa: E402
from juesuan.extract import load_document  # noqa: E402
from juesuan.read.docx import read_docx  # noqa: E402


def _make(path: Path) -> None:
    document = docx.Document()
    for text in ("第二部分 2023年度部门决算表", "一般公共预算财政拨款支出决算表", "公开05表"):
        document.add_paragraph(text)
    document.add_paragraph("部门（单位）：测试局（汇总）")
    document.add_paragraph("金额单位：万元")
    rows = [
        ["项目", "", "本年支出", "", ""],
        ["科目代码", "科目名称", "合计", "基本支出", "项目支出"],
        ["栏次", "", "1", "2", "3"],
        ["合计", "", "1,010.00", "606.00", "404.00"],
        ["210", "卫生健康支出", "1,010.00", "606.00", "404.00"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 2).merge(table.cell(0, 4))
    document.add_paragraph("注：本表反映部门本年度一般公共预算财政拨款支出情况。")
    vertical = document.add_table(rows=2, cols=2)
    vertical.cell(0, 0).text = "上"
    vertical.cell(0, 1).text = "右"
    vertical.cell(0, 0).merge(vertical.cell(1, 0))
    document.add_paragraph("第三部分 2023年度部门决算情况说明")
    document.save(str(path))


def test_docx_table_with_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "d.docx"
    _make(path)
    layout = read_docx(path)
    rows = [line for line in layout.lines if line.table_index == 0]
    assert [c.text for c in rows[0].cells] == ["项目", "", "本年支出", "", ""]
    second = [line for line in layout.lines if line.table_index == 1]
    assert [c.text for c in second[1].cells] == ["", ""]
    d = load_document(path)
    t05 = d.tables["05"]
    assert t05.headers["合计"] == "本年支出/合计"
    total = t05.cell("210", "基本支出")
    assert total is not None and str(total.value) == "606.00"
    assert total.prov is not None and total.prov.line == rows[-1].no
    assert d.meta.unit_name == "测试局" and d.meta.scope == "汇总"
    assert t05.notes


def test_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(b"plain text, not a zip")
    with pytest.raises(JuesuanError) as err:
        load_document(path)
    assert "DOCX" in str(err.value)


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    import tracemalloc
    import zipfile

    from juesuan.errors import JuesuanError
    from juesuan.read.docx import read_docx

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        chunk = b"<w:p/>" * (1024 * 1024)  # 6 MB of highly compressible XML
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(60):  # ~360 MB unpacked
                f.write(chunk)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        read_docx(bomb)
    except JuesuanError as exc:
        assert "压缩炸弹" in str(exc)
    else:
        raise AssertionError("zip bomb was read")
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024
