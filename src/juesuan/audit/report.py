"""The result of an audit: findings sorted by location, counted by severity."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from juesuan.model.finding import SEVERITY_RANK, Finding, Severity
from juesuan.model.provenance import Prov
from juesuan.model.tables import TABLE_IDS

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def _order(value: object) -> tuple[int, object]:
    return (1, "") if value is None else (0, value)


def location_key(prov: Prov) -> tuple[object, ...]:
    """Sort by file, table (公开01 … 09, then other sections), page, line, code, column."""
    table = prov.table
    ids: tuple[str, ...] = TABLE_IDS
    table_rank = ids.index(table) if table in ids else len(ids)
    return (
        prov.file or "",
        0 if table is not None else 1,
        table_rank,
        table or "",
        _order(prov.page),
        _order(prov.line),
        prov.code or "",
        prov.row or "",
        prov.column or "",
        prov.span or (0, 0),
    )


def finding_key(finding: Finding) -> tuple[object, ...]:
    return (*location_key(finding.location), -SEVERITY_RANK[finding.severity], finding.code)


def count(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts: dict[Severity, int] = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return counts


class AuditReport(BaseModel):
    """Findings of one disclosure, sorted by location, with counts by severity."""

    model_config = ConfigDict(extra="forbid")

    findings: list[Finding] = Field(default_factory=list)
    counts: dict[Severity, int] = Field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    rules_run: list[str] = Field(default_factory=list)

    @classmethod
    def build(cls, findings: Iterable[Finding], rules_run: Iterable[str] = ()) -> AuditReport:
        ordered = sorted(findings, key=finding_key)
        return cls(findings=ordered, counts=count(ordered), rules_run=list(rules_run))

    def at_or_above(self, severity: Severity) -> list[Finding]:
        rank = SEVERITY_RANK[severity]
        return [f for f in self.findings if SEVERITY_RANK[f.severity] >= rank]

    def fails(self, fail_on: Severity = "error") -> bool:
        """Whether any finding is at or above ``fail_on`` (the CLI then exits with 1)."""
        return bool(self.at_or_above(fail_on))

    def codes(self) -> list[str]:
        return [f.code for f in self.findings]
