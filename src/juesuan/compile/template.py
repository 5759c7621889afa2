"""``write_template``: the blank workbook a finance officer fills in."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from juesuan.compile.layout import (
    DEPARTMENTS_SECTION,
    DUTIES_SECTION,
    FUNDING_FORMS,
    INFO_FIELDS,
    INFO_SHEET,
    INSTRUCTIONS_SHEET,
    ITEM_COLUMN,
    PROFILE_SHEET,
    SEQ_COLUMN,
    STAFF_SECTION,
    TABLE_SHEETS,
    UNIT_COLUMNS,
    UNIT_NATURES,
    UNITS_SECTION,
)
from juesuan.compile.template_extras import extras_sheet, perf_sheet, summary_sheet
from juesuan.compile.template_tables import write_table_sheets
from juesuan.compile.xlsxkit import (
    BOLD,
    LEFT,
    header_row,
    list_validation,
    range_ref,
    section_title,
    text_cells,
    title_block,
    widths,
)
from juesuan.errors import JuesuanError

INSTRUCTIONS: tuple[tuple[str, str], ...] = (
    (
        "用途",
        "本工作簿用于编制部门决算公开材料。填好后运行 juesuan parse 读取，或 juesuan audit 审核。",
    ),
    ("基本信息", "单位名称、决算年度（四位数字）、决算范围等。带下拉列表的格子请从列表中选择。"),
    (
        "部门概况",
        "部门职责、内设机构每行填写一条；决算单位构成逐个单位填写单位基本性质和经费形式。",
    ),
    (
        "公开01–公开09",
        "九张公开表，格式与公开样式一致。公开02/03/05/07/08按“类、款、项”逐行填写"
        "科目编码和科目名称；公开06已列出常用经济分类科目，只填决算数，缺少的科目可插入行。",
    ),
    (
        "补充数据",
        "情况说明需要、但决算表中没有的数字：上年决算数、年初预算数、“三公”经费数量、"
        "机关运行经费、政府采购、国有资产、预算绩效等。按【】中的栏目标题识别，请勿改动标题。",
    ),
    (
        "绩效自评表",
        "每个项目在【项目信息】登记一行，资金情况、年度总体目标、绩效指标各行都填写项目名称。",
    ),
    ("绩效汇总", "项目支出绩效自评汇总表，每个项目一行。"),
    ("金额单位", "金额一律以万元为单位，保留两位小数（如 2,619.78）。比例以 % 为单位。"),
    ("空白", "空白格子表示 0 或“无”，不必填 0。整张表无数据时保持空白即可（以空表公开）。"),
    (
        "科目编码",
        "科目编码按文本填写（功能分类类3位、款5位、项7位；经济分类类3位、款5位），"
        "不要带空格或名称。",
    ),
    (
        "合计与公式",
        "合计、小计可以用公式计算；请勿手工计算后把结果敲进格子。使用公式时，"
        "请用 Excel 或 WPS 保存后再读取（保存时才会写入公式的计算结果）。",
    ),
    (
        "插入行",
        "可以插入行，不要删除或改写表头、栏目标题和工作表名称（工作表名称以“公开01”等开头）。",
    ),
    (
        "核对",
        "读取时会逐格检查：非数字、编码位数不对、缺少表头等问题会一次全部列出，并给出单元格位置。",
    ),
)


def _instructions(wb: Workbook, year: int) -> None:
    ws = wb.active
    assert ws is not None
    ws.title = INSTRUCTIONS_SHEET
    title_block(ws, f"{year}年度部门决算公开编制模板 填写说明", 2, unit_line=False)
    header_row(ws, 3, ("事项", "说明"))
    for i, (item, text) in enumerate(INSTRUCTIONS, start=4):
        ws.cell(i, 1, item).font = BOLD
        ws.cell(i, 2, text).alignment = LEFT
    widths(ws, [16, 100])


def _info(wb: Workbook, year: int) -> None:
    ws = wb.create_sheet(INFO_SHEET)
    title_block(ws, "基本信息", 3, unit_line=False)
    header_row(ws, 3, ("项目", "内容", "说明"))
    for row, info in enumerate(INFO_FIELDS, start=4):
        ws.cell(row, 1, info.label).font = BOLD
        text_cells(ws, row, (2,))
        ws.cell(row, 3, info.note + ("（必填）" if info.required else ""))
        if info.choices:
            list_validation(ws, info.choices, f"B{row}")
        if info.field == "fiscal_year":
            ws.cell(row, 2, year).number_format = "0"
        elif info.field in ("scope", "amount_unit", "template"):
            ws.cell(row, 2, info.choices[1] if info.field == "scope" else info.choices[0])
    widths(ws, [16, 40, 40])


def _profile(wb: Workbook) -> None:
    ws = wb.create_sheet(PROFILE_SHEET)
    title_block(ws, "部门概况", 4, unit_line=False)
    row = 3
    for section, count in ((DUTIES_SECTION, 15), (DEPARTMENTS_SECTION, 15)):
        section_title(ws, row, section, 2, "每行填写一条，可插入行")
        header_row(ws, row + 1, (SEQ_COLUMN, ITEM_COLUMN))
        for i in range(count):
            ws.cell(row + 2 + i, 1, i + 1)
            text_cells(ws, row + 2 + i, (2,))
        row += count + 3
    section_title(ws, row, UNITS_SECTION, 4, "纳入决算汇编范围的独立核算单位")
    header_row(ws, row + 1, (SEQ_COLUMN, *UNIT_COLUMNS))
    first = row + 2
    for i in range(20):
        ws.cell(first + i, 1, i + 1)
        text_cells(ws, first + i, (2, 3, 4))
    list_validation(ws, UNIT_NATURES, range_ref(3, first, first + 19))
    list_validation(ws, FUNDING_FORMS, range_ref(4, first, first + 19))
    row = first + 21
    section_title(ws, row, STAFF_SECTION, 2, "可选：编制人数、实有人数等说明")
    header_row(ws, row + 1, (SEQ_COLUMN, ITEM_COLUMN))
    for i in range(3):
        text_cells(ws, row + 2 + i, (2,))
    widths(ws, [8, 80, 22, 28])


def write_template(path: Path | str, year: int, force: bool = False) -> Path:
    """Write the blank workbook for ``year``; refuse to overwrite unless ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise JuesuanError(f"文件已存在：{path}。如需覆盖请加 --force。", str(path))
    if not 1990 <= year <= 2100:
        raise JuesuanError(f"决算年度应在 1990–2100 之间：{year}")
    wb = Workbook()
    _instructions(wb, year)
    _info(wb, year)
    _profile(wb)
    write_table_sheets(wb, year)
    extras_sheet(wb, year)
    perf_sheet(wb, year)
    summary_sheet(wb, year)
    assert set(TABLE_SHEETS.values()) <= set(wb.sheetnames)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as exc:
        raise JuesuanError(f"无法写入文件：{exc.strerror or exc}", str(path)) from None
    return path
