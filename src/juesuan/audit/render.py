"""Audit output for people (rich text, Chinese) and machines (JSON).

JSON format (``version`` 1)::

    {
      "version": 1,
      "documents": [
        {
          "file": "path/as/given.yaml",
          "unit": "某某局", "year": 2023,           # when the file could be read
          "findings": [Finding.model_dump(mode="json"), ...],   # sorted by location
          "counts": {"error": 0, "warning": 0, "info": 0},
          "fail_on": "error",
          "failed": false,                         # a finding at or above fail_on
          "error": "..."                           # only when the file was unusable
        }
      ],
      "summary": {
        "documents": 1, "unusable": 0, "failed": 0,
        "counts": {"error": 0, "warning": 0, "info": 0}
      }
    }

A finding: ``code``, ``severity`` (error/warning/info), ``message`` (Chinese), ``location``
and ``related`` (provenance objects: file, page, line, sheet, cell, table, row, code,
column, span, text — absent fields are null), ``expected``, ``actual`` and
``computation`` (strings with the printed decimals, or null).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.markup import escape

from juesuan.audit.report import SEVERITIES, AuditReport, count
from juesuan.model.finding import SEVERITY_ZH, Finding, Severity
from juesuan.model.spec import SPECS

JSON_VERSION = 1
_STYLE: dict[str, str] = {"error": "bold red", "warning": "yellow", "info": "cyan"}


@dataclass
class DocumentResult:
    """One input file: its report, or the reason it could not be audited."""

    file: str
    report: AuditReport | None = None
    error: str | None = None
    unit: str | None = None
    year: int | None = None
    fail_on: Severity = "error"

    @property
    def failed(self) -> bool:
        return self.report is not None and self.report.fails(self.fail_on)


def counts_text(counts: dict[Severity, int]) -> str:
    return " · ".join(f"{SEVERITY_ZH[s]} {counts.get(s, 0)}" for s in SEVERITIES)


def _group_name(table: str | None) -> str:
    if table is None:
        return "整份文件"
    if table in SPECS:
        return f"公开{table}表 {SPECS[table].title}"
    return table


def _where(finding: Finding) -> str:
    return finding.location._replace(table=None, file=None).describe()


def render_text(results: Sequence[DocumentResult], console: Console) -> None:
    """Findings grouped by document and table, with counts by severity."""
    for result in results:
        title = result.file
        if result.unit or result.year:
            title += f"（{result.unit or ''} {result.year or ''}年度）".replace(" 年度", "年度")
        console.print(f"[bold]{escape(title)}[/bold]")
        if result.report is None:
            console.print(f"  [bold red]无法审核[/bold red]：{escape(result.error or '')}")
            console.print()
            continue
        findings = result.report.findings
        if not findings:
            console.print("  [green]未发现问题[/green]")
        groups: dict[str | None, list[Finding]] = {}
        for f in findings:
            groups.setdefault(f.location.table, []).append(f)
        for table, items in groups.items():
            console.print(
                f"  [bold]{escape(_group_name(table))}[/bold]（{counts_text(count(items))}）"
            )
            for f in items:
                style = _STYLE[f.severity]
                where = _where(f)
                console.print(
                    f"    [{style}]{SEVERITY_ZH[f.severity]}[/{style}] [bold]{f.code}[/bold] "
                    + (f"{escape(where)}：" if where else "")
                    + escape(f.message),
                    soft_wrap=True,
                )
                if f.computation:
                    console.print(f"        {escape(f.computation)}", soft_wrap=True)
        console.print(f"  合计：{counts_text(result.report.counts)}")
        console.print()
    if len(results) > 1:
        summary = summarise(results)
        console.print(
            f"[bold]汇总[/bold]：{summary['documents']} 个文件，"
            f"{summary['failed']} 个未通过，{summary['unusable']} 个无法审核；"
            f"{counts_text(summary['counts'])}"
        )


def summarise(results: Sequence[DocumentResult]) -> dict[str, Any]:
    totals: dict[Severity, int] = {s: 0 for s in SEVERITIES}
    for r in results:
        if r.report is not None:
            for s in SEVERITIES:
                totals[s] += r.report.counts.get(s, 0)
    return {
        "documents": len(results),
        "unusable": sum(1 for r in results if r.report is None),
        "failed": sum(1 for r in results if r.failed),
        "counts": totals,
    }


def to_json(results: Sequence[DocumentResult]) -> dict[str, Any]:
    """The JSON document described in the module docstring."""
    documents: list[dict[str, Any]] = []
    for r in results:
        doc: dict[str, Any] = {"file": r.file}
        if r.report is None:
            doc.update(
                findings=[],
                counts={s: 0 for s in SEVERITIES},
                fail_on=r.fail_on,
                failed=False,
                error=r.error,
            )
        else:
            doc.update(
                unit=r.unit,
                year=r.year,
                findings=[f.model_dump(mode="json") for f in r.report.findings],
                counts=dict(r.report.counts),
                fail_on=r.fail_on,
                failed=r.failed,
            )
        documents.append(doc)
    return {"version": JSON_VERSION, "documents": documents, "summary": summarise(results)}
