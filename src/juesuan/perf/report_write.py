"""``juesuan perf report``: write the 绩效自评表 (XLSX, DOCX) and the draft 自评报告
(DOCX, Markdown) for every evaluation of a disclosure into one folder.

Everything is rendered in memory first; nothing is written when any output exists and
``force`` is not given, so a refused run leaves the folder untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from juesuan.errors import JuesuanError
from juesuan.model.disclosure import Disclosure
from juesuan.perf.profile import PerfProfile
from juesuan.perf.report_docx import render_report_docx, render_tables_docx
from juesuan.perf.report_table import SelfEvalTable, build_table
from juesuan.perf.report_text import PLACEHOLDER_RE, Report, build_report, render_markdown
from juesuan.perf.report_xlsx import render_tables_xlsx
from juesuan.perf.score import ScoredEvaluation, recompute

TABLE_XLSX = "绩效自评表.xlsx"
TABLE_DOCX = "绩效自评表.docx"
REPORT_DOCX = "绩效自评报告.docx"
REPORT_MD = "绩效自评报告.md"
OUTPUTS = (TABLE_XLSX, TABLE_DOCX, REPORT_DOCX, REPORT_MD)


@dataclass
class ReportResult:
    files: list[Path]
    scored: list[ScoredEvaluation]
    tables: list[SelfEvalTable]
    report: Report

    @property
    def mismatches(self) -> int:
        return sum(1 for t in self.tables for _, m in t.marks if m.kind == "mismatch")

    @property
    def filled(self) -> int:
        return sum(1 for t in self.tables for _, m in t.marks if m.kind == "filled")

    @property
    def placeholders(self) -> int:
        return len(PLACEHOLDER_RE.findall(self.report.text()))


def check_outputs(out_dir: Path, force: bool) -> list[Path]:
    if out_dir.exists() and not out_dir.is_dir():
        raise JuesuanError("输出位置已存在且不是文件夹", str(out_dir))
    paths = [out_dir / name for name in OUTPUTS]
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        names = "、".join(p.name for p in existing)
        raise JuesuanError(f"输出文件已存在：{names}。如需覆盖请加 --force。", str(out_dir))
    return paths


def write_perf_report(
    disclosure: Disclosure,
    out_dir: Path,
    profile: PerfProfile | None = None,
    force: bool = False,
) -> ReportResult:
    """Recompute every evaluation and write the four outputs into ``out_dir``."""
    if not disclosure.evaluations:
        raise JuesuanError(
            "文件中没有绩效自评表（evaluations 为空），无法生成自评表和自评报告；"
            "请先在工作簿的绩效自评表中填写，或给出含自评表的文件"
        )
    paths = check_outputs(out_dir, force)
    unit = disclosure.meta.amount_unit
    scored = [recompute(e, profile) for e in disclosure.evaluations]
    tables = [build_table(s, unit) for s in scored]
    report = build_report(scored, disclosure.meta.unit_name, unit)
    contents = {
        TABLE_XLSX: render_tables_xlsx(tables),
        TABLE_DOCX: render_tables_docx(tables),
        REPORT_DOCX: render_report_docx(report),
        REPORT_MD: render_markdown(report).encode("utf-8"),
    }
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for path in paths:
            path.write_bytes(contents[path.name])
    except OSError as exc:
        raise JuesuanError(f"无法写入输出文件：{exc.strerror or exc}", str(out_dir)) from exc
    return ReportResult(paths, scored, tables, report)
