"""Build :class:`Finding` objects for the P01xx rules, always with a location."""

from __future__ import annotations

from juesuan.model.figure import Num
from juesuan.model.finding import Finding, Severity
from juesuan.model.perf import Evaluation, EvaluationSummaryRow
from juesuan.model.provenance import Prov
from juesuan.perf.indicator import IndicatorResult
from juesuan.perf.rules import PERF_RULES

TABLE = "绩效自评"


def eval_prov(evaluation: Evaluation, num: Num | None = None) -> Prov:
    if num is not None and num.prov is not None:
        return num.prov
    if evaluation.prov is not None:
        return evaluation.prov
    return Prov(table=TABLE, row=evaluation.name)


def indicator_prov(evaluation: Evaluation, r: IndicatorResult, num: Num | None = None) -> Prov:
    if num is not None and num.prov is not None:
        return num.prov
    if r.indicator.prov is not None:
        return r.indicator.prov
    base = evaluation.prov
    row = f"{evaluation.name} / {r.label}"
    if base is not None:
        return base._replace(row=row)
    return Prov(table=TABLE, row=row)


def summary_prov(row: EvaluationSummaryRow, num: Num | None = None) -> Prov:
    if num is not None and num.prov is not None:
        return num.prov
    return row.prov or Prov(table="项目自评汇总表", row=row.name)


def finding(
    code: str,
    message: str,
    location: Prov,
    *,
    expected: str | None = None,
    actual: str | None = None,
    computation: str | None = None,
    severity: Severity | None = None,
    related: list[Prov] | None = None,
) -> Finding:
    """A finding of rule ``code``; ``severity`` defaults to the rule's."""
    return Finding(
        code=code,
        severity=severity or PERF_RULES[code][0],
        message=message,
        location=location,
        related=related or [],
        expected=expected,
        actual=actual,
        computation=computation,
    )
