"""The XLSX finding list of ``juesuan check --format xlsx``, for reviewers to annotate.

Sheets:

* ``审核发现``: one row per finding — 序号, 文件, 规则编码, 严重程度, 类别, 说明, 位置, 表, 行,
  列, 应为, 实为, 计算 — and three empty columns for the reviewer: 复核意见, 处理状态 (a
  drop-down list 待核/属实/误报/已整改) and 复核人.  Autofilter, frozen header, wrapped text.
* ``汇总``: counts by file and severity, with the verdict (and the reason a file could not
  be audited).
* ``规则说明``: the rules that fired, with their titles and explanations.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from juesuan.audit.registry import FAMILY_ZH, LETTER_FAMILIES, get_rule
from juesuan.audit.render import DocumentResult, summarise
from juesuan.audit.report import SEVERITIES
from juesuan.model.finding import SEVERITY_ZH, Finding
from juesuan.model.spec import SPECS

CellValue = str | int | Decimal | None

FINDING_COLUMNS: tuple[tuple[str, int], ...] = (
    ("序号", 6),
    ("文件", 22),
    ("规则编码", 9),
    ("严重程度", 8),
    ("类别", 11),
    ("说明", 60),
    ("位置", 34),
    ("表", 10),
    ("行", 24),
    ("列", 18),
    ("应为", 14),
    ("实为", 14),
    ("计算", 40),
    ("复核意见", 30),
    ("处理状态", 10),
    ("复核人", 10),
)
STATUS_CHOICES = ("待核", "属实", "误报", "已整改")

HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
REVIEW_FILL = PatternFill("solid", fgColor="FFF8E1")
SEVERITY_FILL: dict[str, PatternFill] = {
    "error": PatternFill("solid", fgColor="F8C9C4"),
    "warning": PatternFill("solid", fgColor="FFE0B2"),
    "info": PatternFill("solid", fgColor="D6E6FA"),
}
THIN = Side(style="thin", color="B8BEC6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


def family_zh(code: str) -> str:
    rule = get_rule(code)
    if rule is not None:
        return rule.family_zh
    family = LETTER_FAMILIES.get(code[:1])
    return FAMILY_ZH.get(family, "") if family else ""


def table_name(table: str | None) -> str:
    if table is None:
        return ""
    return f"公开{table}表" if table in SPECS else table


def finding_row(number: int, file: str, f: Finding) -> list[CellValue]:
    loc = f.location
    return [
        number,
        file,
        f.code,
        SEVERITY_ZH[f.severity],
        family_zh(f.code),
        f.message,
        loc._replace(file=None).describe(),
        table_name(loc.table),
        " ".join(x for x in (loc.code, loc.row) if x),
        loc.column or "",
        f.expected or "",
        f.actual or "",
        f.computation or "",
        None,
        None,
        None,
    ]


def _header(ws: Worksheet, columns: Sequence[tuple[str, int]]) -> None:
    for c, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=c, value=name)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"


def _findings_sheet(ws: Worksheet, results: Sequence[DocumentResult]) -> int:
    _header(ws, FINDING_COLUMNS)
    number = 0
    for result in results:
        if result.report is None:
            continue
        for f in result.report.findings:
            number += 1
            r = number + 1
            for c, value in enumerate(finding_row(number, result.file, f), start=1):
                cell = ws.cell(row=r, column=c, value=value)
                cell.alignment = WRAP
                cell.border = BORDER
                if c >= 14:
                    cell.fill = REVIEW_FILL
            ws.cell(row=r, column=4).fill = SEVERITY_FILL[f.severity]
    last_col = get_column_letter(len(FINDING_COLUMNS))
    ws.auto_filter.ref = f"A1:{last_col}{max(number + 1, 2)}"
    status_col = get_column_letter(FINDING_COLUMNS.index(("处理状态", 10)) + 1)
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_CHOICES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="处理状态",
        error="请从列表中选择：" + "、".join(STATUS_CHOICES),
        promptTitle="处理状态",
        prompt="待核 / 属实 / 误报 / 已整改",
        showInputMessage=True,
    )
    validation.add(f"{status_col}2:{status_col}{max(number + 1, 2)}")
    ws.add_data_validation(validation)
    return number


def _summary_sheet(ws: Worksheet, results: Sequence[DocumentResult]) -> None:
    columns = (
        ("文件", 40),
        ("单位", 26),
        ("年度", 8),
        ("错误", 8),
        ("警告", 8),
        ("提示", 8),
        ("合计", 8),
        ("结论", 10),
        ("说明", 40),
    )
    _header(ws, columns)
    r = 1
    for result in results:
        r += 1
        if result.report is None:
            values: list[CellValue] = [result.file, "", None, None, None, None, None, "无法审核"]
            values.append(result.error or "")
        else:
            counts = [result.report.counts.get(s, 0) for s in SEVERITIES]
            verdict = "未通过" if result.failed else "通过"
            values = [result.file, result.unit or "", result.year, *counts, sum(counts), verdict]
            values.append(f"存在{SEVERITY_ZH[result.fail_on]}及以上的问题" if result.failed else "")
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.border = BORDER
            cell.alignment = WRAP
    summary = summarise(results)
    r += 1
    totals = [summary["counts"].get(s, 0) for s in SEVERITIES]
    row: list[CellValue] = [
        f"合计（{summary['documents']} 个文件）",
        "",
        None,
        *totals,
        sum(totals),
    ]
    row.append(f"{summary['failed']} 个未通过")
    row.append(f"{summary['unusable']} 个无法审核" if summary["unusable"] else "")
    for c, value in enumerate(row, start=1):
        cell = ws.cell(row=r, column=c, value=value)
        cell.font = BOLD
        cell.border = BORDER
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(r - 1, 2)}"


def _rules_sheet(ws: Worksheet, results: Sequence[DocumentResult]) -> None:
    columns = (
        ("规则编码", 10),
        ("类别", 12),
        ("严重程度", 9),
        ("标题", 40),
        ("说明", 90),
        ("触发次数", 9),
    )
    _header(ws, columns)
    fired: Counter[str] = Counter(
        f.code for r in results if r.report is not None for f in r.report.findings
    )
    for r, code in enumerate(sorted(fired), start=2):
        rule = get_rule(code)
        values: list[CellValue] = [
            code,
            family_zh(code),
            SEVERITY_ZH[rule.severity] if rule else "",
            rule.title if rule else "（未登记的规则）",
            rule.explanation if rule else "",
            fired[code],
        ]
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.alignment = WRAP
            cell.border = BORDER
    ws.auto_filter.ref = f"A1:F{max(len(fired) + 1, 2)}"


def build_workbook(results: Sequence[DocumentResult]) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "审核发现"
    _findings_sheet(ws, results)
    _summary_sheet(wb.create_sheet("汇总"), results)
    _rules_sheet(wb.create_sheet("规则说明"), results)
    wb.properties.title = "决算公开审核发现"
    wb.properties.creator = "juesuan"
    return wb


def render_xlsx(results: Sequence[DocumentResult]) -> bytes:
    """The workbook as bytes."""
    buffer = io.BytesIO()
    build_workbook(results).save(buffer)
    return buffer.getvalue()
