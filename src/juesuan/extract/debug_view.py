"""``juesuan parse --debug-layout``: an HTML page showing what the recogniser saw.

Every layout line with its number (PDF: page and line on the page) and its cells as boxes
(PDF cells placed by their x positions); the lines of each recognised table coloured per
table id, its title line labelled and its header lines marked; under each line the model
values read from it — (row key, column key, value), found through the ``Num.prov`` line
numbers of the extracted model — with the cells they came from outlined, and numeric cells
inside a table that no value came from dashed in red.  Reader warnings and extraction
notices are listed at the top.  The page is self-contained (inline CSS, no script).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.normal import compact
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.model.provenance import Prov
from juesuan.model.spec import SPECS
from juesuan.model.tables import TABLE_IDS, Row, Table
from juesuan.read.layout import Cell, Layout, Line

TABLE_COLOURS: dict[str, str] = {
    "01": "#fde2e2",
    "02": "#fff1c9",
    "03": "#dff5d8",
    "04": "#d8eefa",
    "05": "#e8defa",
    "06": "#fbdcef",
    "07": "#d9f3ef",
    "08": "#f3e6d6",
    "09": "#e3e8f5",
}
BORDER_COLOURS: dict[str, str] = {
    "01": "#d9534f",
    "02": "#d4a017",
    "03": "#3c9a2e",
    "04": "#2a7fbf",
    "05": "#7a4fc9",
    "06": "#c2408f",
    "07": "#1f9a8a",
    "08": "#9a6a2f",
    "09": "#52607f",
}
SCALE = 1.3  # CSS pixels per PDF point


def e(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _norm(text: str | None) -> str:
    return compact(text or "")


def anchor(page: int | None, no: int) -> str:
    return f"p{page}-L{no}" if page is not None else f"L{no}"


def _pos(prov: Prov | None) -> tuple[int | None, int] | None:
    if prov is None or prov.line is None:
        return None
    return (prov.page, prov.line)


@dataclass
class _Value:
    table: Table
    row: Row
    column: str
    num: Num


@dataclass
class _TableSpan:
    table: Table
    start: int
    end: int
    first_row: int | None
    title_index: int | None


@dataclass
class _LineInfo:
    tables: list[str] = field(default_factory=list)
    title_of: str | None = None
    header_of: str | None = None
    values: list[_Value] = field(default_factory=list)
    rows: list[tuple[Table, Row]] = field(default_factory=list)


def _is_amount(text: str) -> bool:
    """An amount as tables print it (decimals or thousands separators), not a 科目 code."""
    stripped = text.strip()
    if not stripped or not any(ch.isdigit() for ch in stripped):
        return False
    try:
        printed = parse_printed(stripped)
    except NotANumberError:
        return False
    return printed.is_number and (printed.decimals > 0 or "," in stripped)


def _analyse(layout: Layout, d: Disclosure | None) -> tuple[list[_LineInfo], list[_TableSpan]]:
    index = {(ln.page, ln.no): i for i, ln in enumerate(layout.lines)}
    infos = [_LineInfo() for _ in layout.lines]
    spans: list[_TableSpan] = []
    if d is None:
        return infos, spans
    for tid in TABLE_IDS:
        table = d.tables.get(tid)
        if table is None:
            continue
        places: list[int] = []
        row_places: list[int] = []
        for row in table.rows:
            at = index.get(_pos(row.prov) or (None, -1))
            if at is not None:
                row_places.append(at)
                infos[at].rows.append((table, row))
            for key, num in row.values.items():
                at = index.get(_pos(num.prov) or (None, -1))
                if at is not None:
                    row_places.append(at)
                    infos[at].values.append(_Value(table, row, key, num))
        title_at = index.get(_pos(table.prov) or (None, -1))
        if title_at is not None:
            places.append(title_at)
            infos[title_at].title_of = tid
        places += row_places
        if not places:
            continue
        start, end = min(places), max(places)
        first_row = min(row_places) if row_places else None
        spans.append(_TableSpan(table, start, end, first_row, title_at))
        for i in range(start, end + 1):
            infos[i].tables.append(tid)
        if first_row is not None:
            header_from = (title_at + 1) if title_at is not None else start
            for i in range(header_from, first_row):
                if layout.lines[i].text.strip():
                    infos[i].header_of = tid
    return infos, spans


_CSS = """
*{box-sizing:border-box}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:13px;
 margin:0;background:#f6f7f9;color:#222}
header{background:#fff;border-bottom:1px solid #d0d4da;padding:.6rem 1rem}
h1{font-size:1.15rem;margin:.1rem 0 .4rem}
.meta{color:#555}
.legend{display:flex;flex-wrap:wrap;gap:.3rem .6rem;margin:.4rem 0}
.legend a{display:inline-block;padding:.1rem .5rem;border-radius:3px;border:1px solid;color:#222;
 text-decoration:none}
.notices{margin:.3rem 0;padding-left:1.2rem;color:#8a4b00}
.error{color:#b71c1c;font-weight:600}
main{padding:.5rem 1rem 3rem}
.page-head{background:#dfe3e9;font-weight:700;padding:.2rem .5rem;margin:1rem 0 .3rem;
 border-radius:3px}
.ln{display:grid;grid-template-columns:6.5em 1fr;gap:.5em;padding:1px 0 1px .3em;
 border-left:5px solid transparent}
.ln .no{color:#888;font-family:Consolas,monospace;font-size:.85em;text-align:right;
 padding-top:.2em}
.ln:target{outline:2px solid #333}
.cells{display:flex;flex-wrap:wrap;gap:3px}
.pos{position:relative;height:1.7em;background:repeating-linear-gradient(90deg,#fff 0,#fff 64px,
 #f3f4f6 64px,#f3f4f6 65px);border:1px dotted #ccd}
.pos .cell{position:absolute;top:1px;height:calc(1.7em - 2px);overflow:hidden;
 white-space:nowrap}
.cell{border:1px solid #b9bfc8;background:#fff;padding:0 .3em;border-radius:2px;
 min-width:1em;min-height:1.4em}
.cell.blank{border-style:dashed;background:transparent}
.cell.used{outline:2px solid #2e7d32;outline-offset:-1px;background:#eaf7e9}
.cell.unused{border:2px dashed #c62828;background:#fff4f3}
.para{white-space:pre-wrap;word-break:break-all}
.tag{display:inline-block;font-size:.78em;border-radius:3px;padding:0 .35em;margin-right:.3em;
 color:#fff;vertical-align:1px}
.tag.hdr{background:#555}
.vals{grid-column:2;display:flex;flex-wrap:wrap;gap:2px 4px;margin:1px 0 3px}
.val{font-size:.8em;background:#fff;border:1px solid #9ccc9a;border-radius:3px;padding:0 .3em;
 font-family:Consolas,"SFMono-Regular",monospace}
.val.row{border-color:#bbb;color:#666}
.summary{border-collapse:collapse;background:#fff;margin:.4rem 0}
.summary td,.summary th{border:1px solid #d0d4da;padding:.15rem .5rem}
.summary th{background:#eef0f3}
"""


def _cells_html(line: Line, page_width: float | None, used: dict[str, str], numeric: bool) -> str:
    positioned = page_width is not None and all(
        c.x0 is not None and c.x1 is not None for c in line.cells
    )
    boxes: list[str] = []
    for cell in line.cells:
        boxes.append(_cell_html(cell, positioned, used, numeric))
    if positioned and page_width is not None:
        return f'<div class="pos" style="width:{page_width * SCALE:.0f}px">{"".join(boxes)}</div>'
    return f'<div class="cells">{"".join(boxes)}</div>'


def _cell_html(cell: Cell, positioned: bool, used: dict[str, str], numeric: bool) -> str:
    classes = ["cell"]
    key = _norm(cell.text)
    title = cell.text
    if not cell.text.strip():
        classes.append("blank")
    elif key in used:
        classes.append("used")
        title = f"{cell.text} → {used[key]}"
    elif numeric and _is_amount(cell.text):
        classes.append("unused")
        title = f"{cell.text}（表内数字，未读入模型）"
    style = ""
    if positioned and cell.x0 is not None and cell.x1 is not None:
        left = cell.x0 * SCALE
        width = max((cell.x1 - cell.x0) * SCALE, 8)
        style = f' style="left:{left:.0f}px;width:{width:.0f}px"'
        title += f"（x {cell.x0:.1f}–{cell.x1:.1f}）"
    return f'<span class="{" ".join(classes)}"{style} title="{e(title)}">{e(cell.text)}</span>'


def _value_label(v: _Value) -> str:
    side = f"{v.row.side}/" if v.row.side else ""
    raw = v.num.raw if v.num.raw is not None else str(v.num.value)
    return f"[{v.table.id}] ({side}{v.row.key}, {v.column}, {raw})"


def render_debug_layout(
    layout: Layout, disclosure: Disclosure | None, error: str | None = None
) -> str:
    """The debug page of one document layout and (when extraction worked) its model."""
    infos, spans = _analyse(layout, disclosure)
    widths = {p.number: p.width for p in layout.pages}
    name = Path(layout.file).name
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>版面识别：{e(name)}</title><style>{_CSS}</style></head><body><header>",
        f"<h1>版面识别调试：{e(name)}</h1>",
        f'<div class="meta">格式：{e(layout.format)}　行数：{len(layout.lines)}'
        + (f"　页数：{len(layout.pages)}" if layout.pages else "")
        + "</div>",
    ]
    if disclosure is not None:
        m = disclosure.meta
        unit = m.unit_name or "（未识别单位）"
        parts.append(
            f'<div class="meta">识别结果：{e(unit)}　{m.fiscal_year}年度　模板：{e(m.template)}　'
            f"金额单位：{e(m.amount_unit)}　公开表 {len(disclosure.tables)} 张</div>"
        )
    if error:
        parts.append(f'<p class="error">提取失败：{e(error)}</p>')
    notices = list(layout.warnings)
    if disclosure is not None:
        for n in disclosure.notices:
            where_ = n.location.describe() if n.location is not None else ""
            notices.append(f"{n.message}（{where_}）" if where_ else n.message)
    if notices:
        parts.append(f'<div>读取提示 {len(notices)} 条：</div><ul class="notices">')
        parts += [f"<li>{e(text)}</li>" for text in notices]
        parts.append("</ul>")
    else:
        parts.append('<div class="meta">读取提示：无</div>')
    parts.append(_summary_html(layout, spans))
    parts.append(
        '<div class="meta">图例：<span class="cell used">读入模型的数字</span> '
        '<span class="cell unused">表内未读入的数字</span> '
        '<span class="cell blank">空单元格</span> '
        '<span class="tag hdr">表头</span>；绿色小框为从该行读入的值（行、列、数值）。</div>'
    )
    parts.append("</header><main>")
    page: int | None = None
    for line, info in zip(layout.lines, infos, strict=True):
        if line.page is not None and line.page != page:
            page = line.page
            parts.append(f'<div class="page-head" id="p{page}">第 {page} 页</div>')
        parts.append(_line_html(line, info, widths.get(line.page or 0)))
    parts.append("</main></body></html>\n")
    return "".join(parts)


def _summary_html(layout: Layout, spans: Sequence[_TableSpan]) -> str:
    if not spans:
        return '<p class="error">没有识别出公开表。</p>'
    rows = []
    for span in spans:
        t = span.table
        tid = t.id
        first = layout.lines[span.start]
        last = layout.lines[span.end]
        values = sum(len(r.values) for r in t.rows)
        where_ = f"{_line_label(first)} – {_line_label(last)}"
        rows.append(
            f'<tr><td style="background:{TABLE_COLOURS[tid]}">'
            f'<a href="#{anchor(first.page, first.no)}">公开{tid}表</a></td>'
            f"<td>{e(t.title or SPECS[tid].title)}</td><td>{e(t.printed_no or '')}</td>"
            f"<td>{e(where_)}</td><td>{len(t.rows)}</td><td>{values}</td>"
            f"<td>{e('、'.join(t.headers.values()))}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("表", "标题", "印作", "位置", "行数", "数值", "表头（印刷）")
    )
    return f'<table class="summary"><tr>{head}</tr>{"".join(rows)}</table>'


def _line_label(line: Line) -> str:
    return f"第{line.page}页第{line.no}行" if line.page is not None else f"第{line.no}行"


def _line_html(line: Line, info: _LineInfo, page_width: float | None) -> str:
    tid = info.tables[0] if info.tables else None
    style = ""
    if tid is not None:
        style = f' style="background:{TABLE_COLOURS[tid]};border-left-color:{BORDER_COLOURS[tid]}"'
    tags = ""
    if info.title_of is not None:
        t = info.title_of
        title = SPECS[t].title
        tags += (
            f'<span class="tag" style="background:{BORDER_COLOURS[t]}">公开{t}表 {e(title)}</span>'
        )
    if info.header_of is not None:
        tags += '<span class="tag hdr">表头</span>'
    used: dict[str, str] = {}
    for v in info.values:
        raw = v.num.raw if v.num.raw is not None else str(v.num.value)
        used.setdefault(_norm(raw), _value_label(v))
    if line.is_row:
        body = _cells_html(line, page_width, used, numeric=tid is not None)
    else:
        body = f'<div class="para">{e(line.text)}</div>'
    label = f"{line.page}-{line.no}" if line.page is not None else str(line.no)
    chips = [f'<span class="val">{e(_value_label(v))}</span>' for v in info.values]
    with_values = {id(v.row) for v in info.values}
    chips += [
        f'<span class="val row">[{t.id}] 行 {e(r.key)}（无数值）</span>'
        for t, r in info.rows
        if id(r) not in with_values
    ]
    vals = f'<div class="vals">{"".join(chips)}</div>' if chips else ""
    ident = anchor(line.page, line.no)
    return (
        f'<div class="ln" id="{ident}"{style}><a class="no" href="#{ident}">{label}</a>'
        f"<div>{tags}{body}</div>{vals}</div>"
    )
