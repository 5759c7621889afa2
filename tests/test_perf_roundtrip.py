"""绩效自评表 round trip: build each example, read the published file back, and get the
model's evaluations (funding by column, 预算执行率 row, grade, 评分规则) with no P findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from juesuan.extract import load_document
from juesuan.model.figure import Num
from juesuan.model.perf import Evaluation
from juesuan.perf.checks import check_evaluations
from juesuan.publish.build import build
from juesuan.source import load_any

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = ["qinhuangdao-city-2023", "wuzhi-county-2024"]
FUNDING = ("label", "initial_budget", "annual_budget", "executed", "weight", "rate", "score")
INDICATOR = ("level1", "level2", "level3", "weight", "operator", "target_text", "target")
INDICATOR_TAIL = ("actual_text", "actual", "score", "reason")


def _v(value: Any) -> Any:
    if isinstance(value, Num):
        return value.value.normalize()
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _summary(e: Evaluation) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "name": e.name,
        "department": e.department,
        "implementer": e.implementer,
        "year": e.year,
        "funding": [tuple(_v(getattr(f, k)) for k in FUNDING) for f in e.funding],
        "indicators": [
            tuple(_v(getattr(i, k)) for k in (*INDICATOR, *INDICATOR_TAIL)) for i in e.indicators
        ],
        "execution": (_v(e.execution_weight), _v(e.execution_score)),
        "total": _v(e.total_score),
        "grade": e.grade,
        "profile": e.profile,
    }


def _published(case: str, fmt: str, tmp_path: Path) -> tuple[list[Evaluation], Any]:
    source = load_any(EXAMPLES / case / "disclosure.yaml")
    build(source, tmp_path, [fmt])
    (path,) = tmp_path.glob(f"*.{fmt}")
    return source.evaluations, load_document(path)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("case", CASES)
def test_evaluations_round_trip(case: str, fmt: str, tmp_path: Path) -> None:
    want, parsed = _published(case, fmt, tmp_path)
    assert want, case
    assert [_summary(e) for e in parsed.evaluations] == [_summary(e) for e in want]


@pytest.mark.parametrize("case", CASES)
def test_published_example_has_no_perf_findings(case: str, tmp_path: Path) -> None:
    _, parsed = _published(case, "txt", tmp_path)
    findings = check_evaluations(parsed)
    bad = [f"{f.code} {f.message}" for f in findings if f.severity in ("error", "warning")]
    assert bad == []
    perf_notices = [n.message for n in parsed.notices if "自评" in n.message or "指标" in n.message]
    assert perf_notices == []


def test_execution_row_is_not_an_indicator(tmp_path: Path) -> None:
    _, parsed = _published("qinhuangdao-city-2023", "txt", tmp_path)
    (ev,) = parsed.evaluations
    assert all("预算执行率" not in i.level3 for i in ev.indicators)
    (main,) = ev.funding
    assert main.initial_budget is None  # the blank 年初预算数 cell keeps its column
    assert (_v(main.annual_budget), _v(main.rate), _v(main.score)) == (
        Decimal(80),
        Decimal("62.48"),
        Decimal("6.25"),
    )
