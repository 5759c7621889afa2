"""``juesuan parse --format xlsx`` and ``juesuan parse --debug-layout``."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from juesuan.cli.app import app
from juesuan.errors import JuesuanError
from juesuan.model.facts import iter_facts
from juesuan.model.spec import SPECS
from juesuan.model.tables import TABLE_IDS
from juesuan.source import load_any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*/disclosure.yaml"))
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_002 = SEEDS / "002_930f75fc3326c2a1.txt"


def invoke(*args: str | Path) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output, result.exception


def _numbers(ws: Worksheet) -> Counter[Decimal]:
    found: Counter[Decimal] = Counter()
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, (int, float, Decimal)) and not isinstance(cell.value, bool):
                assert cell.number_format == "#,##0.00"
                found[Decimal(str(cell.value))] += 1
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_parse_xlsx_tables_and_facts(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables.xlsx"
    code, _, exc = invoke("parse", example, "--format", "xlsx", "-o", out)
    assert code == 0, exc
    d = load_any(example)
    wb = load_workbook(out)
    assert wb.sheetnames == [f"公开{t}表" for t in TABLE_IDS] + ["事实"]
    for tid in TABLE_IDS:
        ws = wb[f"公开{tid}表"]
        table = d.tables[tid]
        assert ws["A1"].value == f"公开{tid}表 {table.title or SPECS[tid].title}"
        meta_line = str(ws["A2"].value)
        assert "单位：" in meta_line and f"{d.meta.fiscal_year}年度" in meta_line
        expected = Counter(n.value for r in table.rows for n in r.values.values())
        assert _numbers(ws) == expected
        if SPECS[tid].coded:
            codes = {
                str(c.value): c
                for row in ws.iter_rows(min_col=1, max_col=1)
                for c in row
                if c.value
            }
            for r in table.coded_rows():
                assert r.code in codes
                assert codes[r.code].data_type == "s"  # 科目编码 as text
    # a few cells in their exact place
    ws = wb["公开03表"]
    total = d.tables["03"].cell("合计", "本年支出合计")
    assert total is not None
    header_row = next(
        r for r in ws.iter_rows(min_row=3, max_row=6) if any(c.value == "本年支出合计" for c in r)
    )
    col = next(i for i, c in enumerate(header_row) if c.value == "本年支出合计")
    body = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "合计")
    assert Decimal(str(body[col].value)) == total.value
    ws01 = wb["公开01表"]
    assert [c.value for c in ws01[3]][:3] == ["收入", None, "支出"]
    facts = wb["事实"]
    n_facts = sum(1 for _ in iter_facts(d))
    assert facts.max_row == n_facts + 1
    assert [c.value for c in facts[1]][:7] == ["文件", "表", "收支", "科目编码", "行", "列", "数值"]
    values = [Decimal(str(c.value)) for c in next(facts.iter_cols(min_col=7, max_col=7))[1:]]
    assert values == [Decimal(f["value"]) for f in iter_facts(d)]


def test_parse_xlsx_needs_an_output_file() -> None:
    _, _, exc = invoke("parse", EXAMPLES[0], "--format", "xlsx")
    assert isinstance(exc, JuesuanError) and "-o" in str(exc)


def test_parse_xlsx_refuses_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    out.write_bytes(b"keep")
    _, _, exc = invoke("parse", EXAMPLES[0], "--format", "xlsx", "-o", out)
    assert isinstance(exc, JuesuanError) and "--force" in str(exc)
    assert out.read_bytes() == b"keep"
    code, _, _ = invoke("parse", EXAMPLES[0], "--format", "xlsx", "-o", out, "--force")
    assert code == 0 and "事实" in load_workbook(out).sheetnames


def test_recovered_xlsx_read_back_says_how_to_get_an_editable_workbook(tmp_path: Path) -> None:
    out = tmp_path / "tables.xlsx"
    assert invoke("parse", EXAMPLES[0], "--format", "xlsx", "-o", out)[0] == 0
    before = out.read_bytes()
    _, _, exc = invoke("parse", out)
    assert isinstance(exc, JuesuanError)
    assert "还原表" in str(exc) and "juesuan template --from" in str(exc)
    assert out.read_bytes() == before
    # what it advises works: the example made into an editable workbook reads back
    editable = tmp_path / "editable.xlsx"
    code, _, exc = invoke("template", "--from", EXAMPLES[0], "-o", editable)
    assert code == 0, exc

    def figures(path: Path) -> list[tuple[str, str, Decimal]]:
        rows = load_any(path).tables["05"].rows
        return [(r.key, k, n.value) for r in rows for k, n in r.values.items()]

    assert figures(editable) == figures(EXAMPLES[0]) != []


def test_debug_layout_refuses_models(tmp_path: Path) -> None:
    _, _, exc = invoke("parse", "--debug-layout", EXAMPLES[0], "-o", tmp_path / "x.html")
    assert isinstance(exc, JuesuanError)
    assert not (tmp_path / "x.html").exists()


def test_debug_layout_text(tmp_path: Path) -> None:
    source = tmp_path / "mini.txt"
    source.write_text(
        "某某局2023年度部门决算\n\n收入支出决算总表\n公开01表\n金额单位：万元\n"
        "项目\t金额\t项目\t金额\n一般公共预算财政拨款收入\t1.00\t一般公共服务支出\t1.00\n"
        "比较：1 < 2 & 3 > 2\n",
        encoding="utf-8",
    )
    out = tmp_path / "page.html"
    code, _, exc = invoke("parse", "--debug-layout", source, "-o", out)
    assert code == 0, exc
    page = out.read_text(encoding="utf-8")
    assert 'id="L1"' in page and 'id="L8"' in page
    assert "比较：1 &lt; 2 &amp; 3 &gt; 2" in page and "1 < 2" not in page


@pytest.mark.skipif(not SEED_002.exists(), reason="shared seeds not available")
def test_debug_layout_seed(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    code, _, exc = invoke("parse", "--debug-layout", SEED_002, "-o", out)
    assert code == 0, exc
    page = out.read_text(encoding="utf-8")
    d = load_any(SEED_002)
    for tid, table in d.tables.items():
        assert f"公开{tid}表" in page
        assert (table.title or SPECS[tid].title) in page
        assert table.prov is not None and table.prov.line is not None
        assert f'id="L{table.prov.line}"' in page
    assert re.search(r'<a class="no" href="#L313">313</a>', page)
    assert "表头" in page
    # a recognised value with its row and column keys, and its cell outlined
    assert "[06] (301, 决算数, 1,356.64)" in page
    assert re.search(r'class="cell used"[^>]*>1,356\.64<', page)
