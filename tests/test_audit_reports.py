"""``juesuan check --format html|xlsx``: the review page and the annotatable finding list."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from juesuan.audit import run
from juesuan.audit.render_html import page_names
from juesuan.audit.render_xlsx import FINDING_COLUMNS, STATUS_CHOICES
from juesuan.audit.testing import find, sample_disclosure, set_value
from juesuan.cli.app import app
from juesuan.compile.yamlio import dump_data
from juesuan.errors import JuesuanError
from juesuan.model import Disclosure
from juesuan.source import load_any

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_002 = SEEDS / "002_930f75fc3326c2a1.txt"
ODD_LABEL = "社会保障<和>就业支出 & “测试”"


def write(path: Path, d: Disclosure) -> Path:
    path.write_text(dump_data(d.model_dump(mode="json", exclude_defaults=True)), encoding="utf-8")
    return path


def bad_disclosure() -> Disclosure:
    d = sample_disclosure()
    set_value(d, "09", "三公经费", "决算数/合计", "1.68")
    set_value(d, "03", "208", "本年支出合计", "178.01")
    find(d, "03", "208").label = ODD_LABEL
    return d


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    return write(tmp_path / "bad.yaml", bad_disclosure())


def invoke(*args: str | Path) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output, result.exception


def anchors(page: str) -> tuple[set[str], list[str]]:
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    links = re.findall(r'href="#([^"]*)"', page)
    return ids, links


def expected_messages(path: Path) -> list[str]:
    code, out, _ = invoke("check", path, "--format", "json")
    assert code == 1
    return [f["message"] for f in json.loads(out)["documents"][0]["findings"]]


# --------------------------------------------------------------------------- HTML


def test_html_workbook_view(bad: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, _ = invoke("check", bad, "--format", "html", "-o", out)
    assert code == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    messages = expected_messages(bad)
    assert any("<" in m for m in messages), "the fixture should produce a message with '<'"
    for message in messages:
        assert html.escape(message, quote=True) in page
    assert "社会保障<和>" not in page  # never unescaped
    assert "社会保障&lt;和&gt;就业支出 &amp; “测试”" in page
    ids, links = anchors(page)
    assert links and all(link in ids for link in links)
    for n in range(1, len(messages) + 1):
        assert f'id="f{n}"' in page
    # the offending cells of the nine tables are highlighted and link back to findings
    assert re.search(r'<td class="v hit-error" id="t09-r0-c\d+"[^>]*>1\.68<sup>', page)
    assert re.search(r'<td class="v hit-error" id="t03-r\d+-c\d+"[^>]*>178\.01', page)
    assert "rel-error" in page  # related cells in a lighter colour
    # header: unit, year, file, counts by severity; no external resources
    assert "2023年度" in page and str(bad) in page
    assert 'class="badge sev-error">错误 ' in page
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "src=" not in page


def test_html_refuses_overwrite(bad: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("keep", encoding="utf-8")
    code, _, exc = invoke("check", bad, "--format", "html", "-o", out)
    assert isinstance(exc, JuesuanError) and "--force" in str(exc)
    assert out.read_text(encoding="utf-8") == "keep"
    code, _, _ = invoke("check", bad, "--format", "html", "-o", out, "--force")
    assert code == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_several_files(bad: Path, tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", sample_disclosure())
    out = tmp_path / "pages"
    code, _, _ = invoke("check", bad, good, "--format", "html", "-o", out)
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["bad.html", "good.html", "index.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="bad.html"' in index and 'href="good.html"' in index
    assert "未通过" in index and "通过" in index
    good_page = (out / "good.html").read_text(encoding="utf-8")
    assert "未发现问题" in good_page and 'href="index.html"' in good_page
    code, _, exc = invoke("check", bad, good, "--format", "html", "-o", out)
    assert isinstance(exc, JuesuanError)


def test_html_several_files_need_a_folder(bad: Path, tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", sample_disclosure())
    _, _, exc = invoke("check", bad, good, "--format", "html")
    assert isinstance(exc, JuesuanError) and "-o" in str(exc)


def test_page_names_are_distinct() -> None:
    names = page_names(["a/x.txt", "b/x.txt", "c/d.yaml", "c/d.xlsx", "index.txt", "y.pdf"])
    assert len(set(names)) == len(names)
    assert "index.html" not in names
    assert names[-1] == "y.html"


@pytest.mark.skipif(not SEED_002.exists(), reason="shared seeds not available")
def test_html_document_view(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    code, _, _ = invoke("check", SEED_002, "--format", "html", "-o", out)
    assert code == 1
    page = out.read_text(encoding="utf-8")
    report = run(load_any(SEED_002))
    for f in report.findings:
        assert html.escape(f.message, quote=True) in page
    ids, links = anchors(page)
    assert all(link in ids for link in links)
    # every line has an anchor with its number; lines with findings are highlighted
    assert 'id="L1"' in page and 'id="L600"' in page
    lines_with_findings = {f.location.line for f in report.findings if f.location.line}
    for line in lines_with_findings:
        assert re.search(rf'<div class="ln-row marked sev-\w+" id="L{line}"', page)
        assert f'href="#L{line}"' in page
    assert re.search(r'<div class="ln-row marked sev-error" id="L397"', page)
    assert "<mark class=" in page  # narrative spans


# --------------------------------------------------------------------------- XLSX


def test_xlsx_finding_list(bad: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.xlsx"
    good = write(tmp_path / "good.yaml", sample_disclosure())
    code, _, _ = invoke("check", bad, good, "--format", "xlsx", "-o", out)
    assert code == 1
    wb = load_workbook(out)
    assert wb.sheetnames == ["审核发现", "汇总", "规则说明"]
    ws = wb["审核发现"]
    header = [c.value for c in ws[1]]
    assert header == [name for name, _ in FINDING_COLUMNS]
    for name in ("序号", "文件", "规则编码", "严重程度", "类别", "说明", "位置", "复核意见"):
        assert name in header
    messages = expected_messages(bad)
    assert ws.max_row == len(messages) + 1
    col = {name: i for i, name in enumerate(header)}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[col["说明"]] for r in rows] == messages
    assert [r[col["序号"]] for r in rows] == list(range(1, len(messages) + 1))
    assert all(r[col["处理状态"]] is None and r[col["复核意见"]] is None for r in rows)
    assert {r[col["严重程度"]] for r in rows} <= {"错误", "警告", "提示"}
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:P{len(messages) + 1}"
    validations = ws.data_validations.dataValidation
    assert len(validations) == 1
    assert validations[0].formula1 == '"' + ",".join(STATUS_CHOICES) + '"'
    assert str(validations[0].sqref) == f"O2:O{len(messages) + 1}"
    summary = list(wb["汇总"].iter_rows(values_only=True))
    assert summary[1][0] == str(bad) and summary[1][7] == "未通过"
    assert summary[2][0] == str(good) and summary[2][7] == "通过"
    fired = {r[0] for r in wb["规则说明"].iter_rows(min_row=2, values_only=True)}
    assert fired == {r[col["规则编码"]] for r in rows}


def test_xlsx_needs_an_output_file(bad: Path) -> None:
    _, _, exc = invoke("check", bad, "--format", "xlsx")
    assert isinstance(exc, JuesuanError) and "-o" in str(exc)


def test_xlsx_refuses_overwrite(bad: Path, tmp_path: Path) -> None:
    out = tmp_path / "findings.xlsx"
    out.write_bytes(b"keep")
    _, _, exc = invoke("check", bad, "--format", "xlsx", "-o", out)
    assert isinstance(exc, JuesuanError)
    assert out.read_bytes() == b"keep"
    code, _, _ = invoke("check", bad, "--format", "xlsx", "-o", out, "--force")
    assert code == 1
    assert load_workbook(out).sheetnames[0] == "审核发现"
