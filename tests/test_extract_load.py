"""``load_document`` dispatches by suffix; PDF goes through the positioned-table extractor."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from juesuan.extract import load_document

SAMPLE = Path(__file__).parents[1] / ".." / "shared" / "samples" / "shanghai-template-2024.pdf"


def test_pdf_dispatch_adds_sections() -> None:
    if not SAMPLE.is_file():
        pytest.skip("PDF sample not available")
    for module in ("juesuan.read.pdf", "juesuan.extract.pdf_tables"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} not installed")
    d = load_document(SAMPLE)
    assert d.tables
    assert d.narrative.sections
    assert d.meta.source_sha256 is not None and len(d.meta.source_sha256) == 64


def test_markdown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "a.markdown"
    path.write_text("# 2023年度某局部门决算\n\n## 第一部分 部门概况\n", encoding="utf-8")
    d = load_document(path)
    assert d.meta.fiscal_year == 2023
    assert d.narrative.sections[0].kind == "概况"
