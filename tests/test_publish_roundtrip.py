"""Round trip: the generated TXT read back by the project's own reader and claim extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from juesuan.audit import run
from juesuan.extract.claim_names import NameIndex
from juesuan.extract.claims import extract_claims
from juesuan.model import Disclosure
from juesuan.publish.build import build
from juesuan.source import load_any

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*/disclosure.yaml"))


def _txt(d: Disclosure, tmp_path: Path) -> Path:
    result = build(d, tmp_path, ["txt"])
    return result.files["txt"]


def _narrative_lines(path: Path) -> list[tuple[int, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = max(i for i, t in enumerate(lines) if t.startswith("第三部分"))
    end = max(i for i, t in enumerate(lines) if t.startswith("第四部分"))
    return [(i + 1, lines[i]) for i in range(start + 1, end)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_narrative_claims_audit_clean(example: Path, tmp_path: Path) -> None:
    d = load_any(example)
    path = _txt(d, tmp_path)
    claims = extract_claims(
        _narrative_lines(path), NameIndex.from_disclosure(d), d.meta.fiscal_year, path.name
    )
    subjects = {c.subject for c in claims if c.subject}
    assert len(claims) > 60
    assert {"total", "expense.basic", "general.expense", "office_running", "perf.funds"} <= subjects
    assert any(s.startswith("func:2") and len(s) == 12 for s in subjects)
    checked = d.model_copy(deep=True)
    checked.narrative.claims = claims
    report = run(checked, select=["N"])
    errors = [f"{f.code} {f.message}" for f in report.findings if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.parent.name)
def test_tables_read_back_identically(example: Path, tmp_path: Path) -> None:
    d = load_any(example)
    back = load_any(_txt(d, tmp_path))
    assert back.meta.fiscal_year == d.meta.fiscal_year
    assert back.meta.unit_name == d.meta.unit_name
    for tid, table in d.tables.items():
        other = back.tables[tid]
        mine = {(r.key, r.side, k): v.value for r in table.rows for k, v in r.values.items()}
        theirs = {(r.key, r.side, k): v.value for r in other.rows for k, v in r.values.items()}
        assert mine == theirs, tid
