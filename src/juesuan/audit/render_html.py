"""The HTML review report of ``juesuan check --format html``: one self-contained page.

A page has a header (unit, year, source file, counts by severity), the findings grouped by
table/section, and a view of the document in which the places that carry findings are
highlighted (colour by severity) with links both ways:

* text, DOCX and PDF sources: the document's lines with their numbers (PDF: page headings),
  one anchor per line (``id="L123"``, PDF ``id="p3-L12"``);
* workbook and YAML/JSON sources: the nine tables rendered from the model in their
  standard layout (:mod:`juesuan.audit.report_tables`), the offending cells highlighted and
  the related cells in a lighter colour (anchors ``id="t03-r5-c2"``).

Each finding has ``id="f<n>"`` (n = 序号, 1-based).  Everything is escaped; the page uses no
external resource (inline CSS and a few lines of JavaScript for the severity filters).
Several documents give one page each plus ``index.html`` (:func:`render_index`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from juesuan import __version__
from juesuan.audit.registry import get_rule
from juesuan.audit.render import DocumentResult, summarise
from juesuan.audit.report import SEVERITIES, count
from juesuan.audit.report_tables import (
    GridCell,
    TableGrid,
    build_grid,
    locate,
    row_matches,
)
from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.finding import SEVERITY_RANK, SEVERITY_ZH, Finding, Severity
from juesuan.model.normal import compact
from juesuan.model.provenance import Prov
from juesuan.model.spec import SPECS
from juesuan.model.tables import TABLE_IDS, Row, Table
from juesuan.read.layout import Layout, Line

MAX_RELATED_LINKS = 24


@dataclass
class HtmlDocument:
    """One audited file with what the page needs: its model and (documents) its layout."""

    result: DocumentResult
    disclosure: Disclosure | None = None
    layout: Layout | None = None


def e(text: object) -> str:
    """Escape for HTML text and attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def line_anchor(page: int | None, line: int) -> str:
    return f"p{page}-L{line}" if page is not None else f"L{line}"


def group_name(table: str | None) -> str:
    if table is None:
        return "整份文件"
    if table in SPECS:
        return f"公开{table}表 {SPECS[table].title}"
    return table


def _group_key(f: Finding) -> str | None:
    """The table, else 情况说明 for narrative findings, else None (the whole document)."""
    if f.location.table is not None:
        return f.location.table
    return "情况说明" if f.code.startswith("N") else None


def where(prov: Prov) -> str:
    return prov._replace(table=None, file=None).describe()


def _norm(text: str | None) -> str:
    return compact(text or "")


def _worse(a: Severity | None, b: Severity) -> Severity:
    return b if a is None or SEVERITY_RANK[b] > SEVERITY_RANK[a] else a


@dataclass
class _Mark:
    """What a line or a cell carries: findings at it (primary) and findings citing it."""

    severity: Severity | None = None
    related: Severity | None = None
    primary_items: list[int] = field(default_factory=list)
    related_items: list[int] = field(default_factory=list)
    spans: list[tuple[int, int, Severity]] = field(default_factory=list)
    cells: dict[str, Severity] = field(default_factory=dict)
    rel_cells: dict[str, Severity] = field(default_factory=dict)

    def add(self, index: int, severity: Severity, primary: bool) -> None:
        if primary:
            self.severity = _worse(self.severity, severity)
            if index not in self.primary_items:
                self.primary_items.append(index)
        else:
            self.related = _worse(self.related, severity)
            if index not in self.related_items and index not in self.primary_items:
                self.related_items.append(index)

    def css(self) -> str:
        if self.severity is not None:
            return f" marked sev-{self.severity}"
        if self.related is not None:
            return f" marked rel-{self.related}"
        return ""


# --------------------------------------------------------------------------- page shell

_CSS = """
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",
 "WenQuanYi Micro Hei",sans-serif;font-size:14px;color:#222;background:#f5f6f8;
 display:flex;flex-direction:column;height:100vh}
a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
header.top{background:#fff;border-bottom:1px solid #d9dce1;padding:.6rem 1rem}
header.top h1{font-size:1.25rem;margin:.1rem 0 .4rem}
.meta{display:flex;flex-wrap:wrap;gap:.3rem 1.4rem;margin:0;color:#444}
.meta div{display:flex;gap:.3rem}.meta dt{color:#777}.meta dd{margin:0;font-weight:600}
.counts{margin:.5rem 0 .2rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.badge{display:inline-block;border-radius:3px;padding:0 .45em;font-size:.85em;
 line-height:1.6;white-space:nowrap;font-weight:600;color:#fff}
.badge.sev-error{background:#c62828}.badge.sev-warning{background:#c77700}
.badge.sev-info{background:#1565c0}.badge.ok{background:#2e7d32}.badge.bad{background:#6d1b1b}
.counts .badge{font-size:.95em;padding:.1em .7em}
.verdict{font-weight:600}.verdict.fail{color:#c62828}.verdict.pass{color:#2e7d32}
.tools{display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin-top:.3rem;color:#555;font-size:.9em}
.tools label{cursor:pointer;user-select:none}
main.split{flex:1;min-height:0;display:grid;grid-template-columns:minmax(340px,40%) 1fr}
main.split>section{overflow:auto;padding:.5rem 1rem 3rem}
#findings{background:#fff;border-right:1px solid #d9dce1}
h2{font-size:1.05rem;margin:.6rem 0}
h3.group{font-size:.95rem;margin:1rem 0 .3rem;padding:.2rem .4rem;background:#eef0f3;
 border-radius:3px}
h3.group .cnt{font-weight:normal;color:#666;font-size:.9em}
ol.findings{list-style:none;margin:0;padding:0}
li.finding{border-left:4px solid #999;padding:.35rem .5rem .45rem;margin:.35rem 0;
 background:#fafbfc;border-radius:0 3px 3px 0}
li.finding.sev-error{border-color:#c62828}li.finding.sev-warning{border-color:#c77700}
li.finding.sev-info{border-color:#1565c0}
li.finding:target{outline:2px solid #333;background:#fffde7}
.f-head{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:baseline}
.f-no{color:#888;font-size:.85em}
.f-code{font-family:Consolas,"SFMono-Regular",monospace;font-weight:700}
.f-where{color:#555;font-size:.9em}
.f-msg{margin:.2rem 0}
.f-ea{display:flex;flex-wrap:wrap;gap:.1rem 1.2rem;font-size:.9em;color:#333;margin:.15rem 0}
.f-ea b{font-weight:normal;color:#777}
.f-comp{font-family:Consolas,"SFMono-Regular",monospace;font-size:.85em;background:#f0f1f3;
 padding:.15rem .35rem;border-radius:3px;white-space:pre-wrap;word-break:break-all}
.f-rel{font-size:.85em;color:#666;margin-top:.2rem}
.f-rel a{margin-right:.5em}
.f-none{color:#999;font-size:.85em}
.empty-note{color:#2e7d32;font-weight:600}
#document{background:#fdfdfd}
.page-head{position:sticky;top:-.5rem;background:#e3e6eb;font-weight:700;padding:.2rem .5rem;
 margin:1rem 0 .2rem;border-radius:3px;z-index:1}
.ln-row{display:grid;grid-template-columns:4.2em 1fr;gap:0 .6em;padding:1px 0;
 border-left:4px solid transparent;scroll-margin-top:3rem}
.ln-row .no{color:#999;text-align:right;font-family:Consolas,monospace;font-size:.85em;
 padding-top:.15em}
.ln-row .tx{white-space:pre-wrap;word-break:break-all;min-height:1.2em}
.ln-row .notes{grid-column:2;display:flex;flex-direction:column;gap:1px;margin:.15rem 0 .3rem}
.note{font-size:.85em;padding:.05rem .4rem;border-radius:3px;color:#222}
.note.rel{color:#666;background:#f1f2f4}
.ln-row:target{outline:2px solid #333;outline-offset:-1px}
.cell{display:inline-block;border:1px solid #cfd3da;border-radius:2px;padding:0 .35em;
 margin:0 .2em .1em 0;min-width:1.2em;min-height:1.3em;vertical-align:top;background:#fff}
.cell.blank{border-style:dashed;background:transparent}
.sev-error.marked,.note.sev-error{background:#fdecea}.sev-error.marked{border-left-color:#c62828}
.sev-warning.marked,.note.sev-warning{background:#fff3e0}
.sev-warning.marked{border-left-color:#c77700}
.sev-info.marked,.note.sev-info{background:#e8f1fc}.sev-info.marked{border-left-color:#1565c0}
.rel-error.marked{background:#fff7f6;border-left-color:#f1a9a0}
.rel-warning.marked{background:#fffaf2;border-left-color:#f3c98b}
.rel-info.marked{background:#f5f9fe;border-left-color:#9cc1ec}
mark{padding:0 1px;border-radius:2px;color:inherit}
mark.sev-error,.cell.hit-error,td.hit-error{background:#f7b9b2}
mark.sev-warning,.cell.hit-warning,td.hit-warning{background:#ffd89b}
mark.sev-info,.cell.hit-info,td.hit-info{background:#bcd7f5}
.cell.hit-error,.cell.hit-warning,.cell.hit-info{border-color:#555;font-weight:600}
.cell.rel-error,td.rel-error{background:#fde3df}.cell.rel-warning,td.rel-warning{background:#fff0d6}
.cell.rel-info,td.rel-info{background:#e6f0fb}
.only-marked .ln-row:not(.marked),.only-marked .page-head{display:none}
.hide-error li.finding.sev-error,.hide-warning li.finding.sev-warning,
.hide-info li.finding.sev-info{display:none}
section.tbl{margin:1rem 0 2rem}
section.tbl h3{font-size:1rem;margin:.2rem 0}
.tbl-meta{color:#666;font-size:.85em;margin-bottom:.3rem}
table.grid{border-collapse:collapse;background:#fff;font-size:.88em}
table.grid th,table.grid td{border:1px solid #c9cdd4;padding:.15rem .4rem;vertical-align:top}
table.grid th{background:#eef0f3;font-weight:600;text-align:center}
table.grid td.v{text-align:right;font-family:Consolas,"SFMono-Regular",monospace;
 white-space:nowrap}
table.grid td.c{font-family:Consolas,monospace;white-space:nowrap}
table.grid td:target{outline:3px solid #333;outline-offset:-2px}
table.grid td sup a{font-size:.75em;margin-left:.15em}
.i1{padding-left:1.4em!important}.i2{padding-left:2.6em!important}
.tbl-notes{font-size:.85em;color:#555;margin:.3rem 0}
details.notices{margin-top:.4rem;font-size:.9em}
table.index{border-collapse:collapse;background:#fff;margin:1rem}
table.index th,table.index td{border:1px solid #c9cdd4;padding:.3rem .6rem}
table.index th{background:#eef0f3}
table.index td.n{text-align:right}
footer{color:#888;font-size:.8em;padding:.3rem 1rem;background:#fff;border-top:1px solid #d9dce1}
@media (max-width:900px){body{display:block;height:auto}main.split{display:block}
 main.split>section{overflow:visible}}
@media print{body{display:block;height:auto}main.split{display:block}
 main.split>section{overflow:visible}.tools{display:none}}
"""

_JS = """
(function(){
  document.querySelectorAll('input[data-hide]').forEach(function(box){
    box.addEventListener('change', function(){
      document.body.classList.toggle('hide-' + box.dataset.hide, !box.checked);
    });
  });
  var only = document.getElementById('only-marked');
  if (only) { only.addEventListener('change', function(){
    document.body.classList.toggle('only-marked', only.checked);
  }); }
})();
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{_JS}</script>\n</body>\n</html>\n"
    )


def _footer() -> str:
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        f"<footer>由 juesuan {e(__version__)} 于 {e(stamp)} 生成。审核发现仅供复核参考，"
        "请以原文与相关规定为准。</footer>"
    )


def _counts_html(counts: dict[Severity, int]) -> str:
    return " ".join(
        f'<span class="badge sev-{s}">{SEVERITY_ZH[s]} {counts.get(s, 0)}</span>'
        for s in SEVERITIES
    )


def _title_of(result: DocumentResult) -> str:
    parts = [p for p in (result.unit, f"{result.year}年度" if result.year else None) if p]
    return " ".join(parts) or Path(result.file).name


# --------------------------------------------------------------------------- one document


class _Targets:
    """Where each finding and each related location points in the page."""

    def __init__(self, doc: HtmlDocument) -> None:
        self.doc = doc
        d = doc.disclosure
        self.grids: dict[str, TableGrid] = {}
        self.line_marks: dict[str, _Mark] = {}
        self.cell_marks: dict[tuple[str, int, int], _Mark] = {}
        self.anchors: set[str] = set()
        self.table_anchor: dict[str, str] = {}
        self.nums_at: dict[tuple[int | None, int], list[tuple[Table, Row, str, Num]]] = {}
        if doc.layout is not None:
            self.anchors = {line_anchor(ln.page, ln.no) for ln in doc.layout.lines}
            if d is not None:
                self._index_nums(d)
                for tid, table in d.tables.items():
                    if table.prov is not None and table.prov.line is not None:
                        anchor = line_anchor(table.prov.page, table.prov.line)
                        if anchor in self.anchors:
                            self.table_anchor[tid] = anchor
        elif d is not None:
            for tid in TABLE_IDS:
                present = d.tables.get(tid)
                if present is not None:
                    self.grids[tid] = build_grid(present)
                    self.table_anchor[tid] = f"t{tid}"

    def _index_nums(self, d: Disclosure) -> None:
        for table in d.tables.values():
            for row in table.rows:
                for key, num in row.values.items():
                    if num.prov is not None and num.prov.line is not None:
                        where_ = (num.prov.page, num.prov.line)
                        self.nums_at.setdefault(where_, []).append((table, row, key, num))

    def _cell_texts(self, prov: Prov) -> list[str]:
        """Printed texts of the figures a location names on its line (for cell marks)."""
        if prov.line is None:
            return []
        found: list[str] = []
        for _table, row, key, num in self.nums_at.get((prov.page, prov.line), []):
            if prov.table is not None and _table.id != prov.table:
                continue
            if (prov.code or prov.row) and not row_matches(row, prov):
                continue
            if prov.column is not None and _norm(prov.column) not in {
                _norm(key),
                _norm(num.prov.column if num.prov else None),
            }:
                continue
            found.append(_norm(num.raw if num.raw is not None else str(num.value)))
        return found

    def mark(self, index: int, finding: Finding, prov: Prov, primary: bool) -> str | None:
        """Record a location of a finding; the anchor it can link to (or None)."""
        sev = finding.severity
        if self.doc.layout is not None:
            if prov.line is None:
                return self.table_anchor.get(prov.table or "") if primary else None
            anchor = line_anchor(prov.page, prov.line)
            if anchor not in self.anchors:
                return None
            mark = self.line_marks.setdefault(anchor, _Mark())
            mark.add(index, sev, primary)
            if primary and prov.span is not None:
                mark.spans.append((prov.span[0], prov.span[1], sev))
            cells = mark.cells if primary else mark.rel_cells
            for text in self._cell_texts(prov):
                cells[text] = _worse(cells.get(text), sev)
            return anchor
        grid = self.grids.get(prov.table or "")
        if grid is None:
            return None
        spots = locate(grid, prov)
        for r, c in spots:
            self.cell_marks.setdefault((grid.table.id, r, c), _Mark()).add(index, sev, primary)
        if spots:
            r, c = spots[0]
            return f"t{grid.table.id}-r{r}-c{c}"
        return self.table_anchor.get(grid.table.id) if primary else None


def render_document(doc: HtmlDocument, index_href: str | None = None) -> str:
    """The review page of one audited file."""
    result = doc.result
    title = f"审核报告：{_title_of(result)}"
    head = _header(doc, index_href)
    if result.report is None:
        body = (
            f'{head}<main class="split"><section id="findings"><h2>无法审核</h2>'
            f'<p class="verdict fail">{e(result.error)}</p></section>'
            '<section id="document"></section></main>' + _footer()
        )
        return _page(title, body)
    findings = result.report.findings
    targets = _Targets(doc)
    links: list[str | None] = []
    related_links: list[list[tuple[Prov, str | None]]] = []
    for i, f in enumerate(findings, start=1):
        links.append(targets.mark(i, f, f.location, True))
        related_links.append([(p, targets.mark(i, f, p, False)) for p in f.related])
    listing = _findings_html(findings, links, related_links)
    if doc.layout is not None:
        view = _layout_html(doc.layout, targets, findings)
    elif doc.disclosure is not None:
        view = _grids_html(doc.disclosure, targets, findings)
    else:
        view = '<p class="f-none">没有可显示的原文。</p>'
    body = (
        f'{head}<main class="split">'
        f'<section id="findings" aria-label="审核发现">{listing}</section>'
        f'<section id="document" aria-label="原文">{view}</section></main>{_footer()}'
    )
    return _page(title, body)


def _header(doc: HtmlDocument, index_href: str | None) -> str:
    result = doc.result
    rows = [
        ("单位", result.unit or "（未识别）"),
        ("年度", f"{result.year}年度" if result.year else "（未识别）"),
        ("来源文件", result.file),
    ]
    d = doc.disclosure
    if d is not None:
        rows.append(("金额单位", d.meta.amount_unit))
    if result.report is not None:
        rows.append(("已运行规则", f"{len(result.report.rules_run)} 条"))
    meta = "".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in rows)
    back = f'<a href="{e(index_href)}">← 返回汇总</a> ' if index_href else ""
    parts = [
        '<header class="top">',
        f"<h1>{back}决算公开审核报告</h1>",
        f'<dl class="meta">{meta}</dl>',
    ]
    if result.report is not None:
        counts = result.report.counts
        total = sum(counts.values())
        if result.failed:
            verdict = (
                f'<span class="verdict fail">未通过（存在{SEVERITY_ZH[result.fail_on]}'
                "及以上的问题）</span>"
            )
        else:
            verdict = '<span class="verdict pass">通过</span>'
        parts.append(
            f'<div class="counts">共 {total} 条审核发现：{_counts_html(counts)} {verdict}</div>'
        )
        boxes = "".join(
            f'<label><input type="checkbox" data-hide="{s}" checked> 显示{SEVERITY_ZH[s]}</label>'
            for s in SEVERITIES
        )
        only = (
            '<label><input type="checkbox" id="only-marked"> 原文只显示有标记的行</label>'
            if doc.layout is not None
            else ""
        )
        parts.append(f'<div class="tools">{boxes}{only}</div>')
    if d is not None and d.notices:
        items = "".join(
            f"<li>{e(n.message)}"
            + (f"（{e(where(n.location))}）" if n.location and where(n.location) else "")
            + "</li>"
            for n in d.notices
        )
        parts.append(
            f'<details class="notices"><summary>读取提示 {len(d.notices)} 条</summary>'
            f"<ul>{items}</ul></details>"
        )
    parts.append("</header>")
    return "".join(parts)


def _findings_html(
    findings: Sequence[Finding],
    links: Sequence[str | None],
    related: Sequence[Sequence[tuple[Prov, str | None]]],
) -> str:
    if not findings:
        return '<h2>审核发现</h2><p class="empty-note">未发现问题。</p>'
    groups: dict[str | None, list[int]] = {}
    for i, f in enumerate(findings):
        groups.setdefault(_group_key(f), []).append(i)
    out = ["<h2>审核发现</h2>"]
    for table, indexes in groups.items():
        items = [findings[i] for i in indexes]
        counts = count(items)
        cnt = " · ".join(f"{SEVERITY_ZH[s]} {counts[s]}" for s in SEVERITIES if counts[s])
        out.append(
            f'<h3 class="group">{e(group_name(table))} <span class="cnt">（{e(cnt)}）</span></h3>'
        )
        out.append('<ol class="findings">')
        for i in indexes:
            out.append(_finding_html(i + 1, findings[i], links[i], related[i]))
        out.append("</ol>")
    return "".join(out)


def _finding_html(
    number: int, f: Finding, link: str | None, related: Sequence[tuple[Prov, str | None]]
) -> str:
    rule = get_rule(f.code)
    rule_title = rule.title if rule is not None else ""
    loc = where(f.location) or "整份文件"
    if link is not None:
        loc_html = f'<a class="f-where" href="#{e(link)}" title="在原文中查看">{e(loc)}</a>'
    else:
        loc_html = f'<span class="f-where">{e(loc)}</span> <span class="f-none">（无法定位）</span>'
    parts = [
        f'<li class="finding sev-{f.severity}" id="f{number}" data-sev="{f.severity}">',
        '<div class="f-head">',
        f'<span class="f-no">#{number}</span>',
        f'<span class="badge sev-{f.severity}">{SEVERITY_ZH[f.severity]}</span>',
        f'<span class="f-code" title="{e(rule_title)}">{e(f.code)}</span>',
        loc_html,
        "</div>",
        f'<div class="f-msg">{e(f.message)}</div>',
    ]
    if f.expected is not None or f.actual is not None:
        parts.append(
            '<div class="f-ea">'
            + (f"<span><b>应为</b> {e(f.expected)}</span>" if f.expected is not None else "")
            + (f"<span><b>实为</b> {e(f.actual)}</span>" if f.actual is not None else "")
            + "</div>"
        )
    if f.computation:
        parts.append(f'<div class="f-comp">{e(f.computation)}</div>')
    if related:
        shown = []
        for prov, anchor in related[:MAX_RELATED_LINKS]:
            text = where(prov) or group_name(prov.table)
            shown.append(
                f'<a href="#{e(anchor)}">{e(text)}</a>' if anchor else f"<span>{e(text)}</span>"
            )
        more = f"等 {len(related)} 处" if len(related) > MAX_RELATED_LINKS else ""
        parts.append(f'<div class="f-rel">相关：{"".join(shown)}{more}</div>')
    parts.append("</li>")
    return "".join(parts)


def _note_links(mark: _Mark, findings: Sequence[Finding]) -> str:
    notes: list[str] = []
    for i in mark.primary_items:
        f = findings[i - 1]
        notes.append(
            f'<a class="note sev-{f.severity}" href="#f{i}">#{i} {SEVERITY_ZH[f.severity]} '
            f"{e(f.code)}：{e(f.message)}</a>"
        )
    for i in mark.related_items:
        f = findings[i - 1]
        notes.append(f'<a class="note rel" href="#f{i}">#{i} {e(f.code)}（相关数字）</a>')
    return f'<div class="notes">{"".join(notes)}</div>' if notes else ""


def _tooltip(mark: _Mark, findings: Sequence[Finding]) -> str:
    lines = [f"#{i} {findings[i - 1].code}：{findings[i - 1].message}" for i in mark.primary_items]
    lines += [f"#{i} {findings[i - 1].code}（相关数字）" for i in mark.related_items]
    return "\n".join(lines)


def _marked_text(text: str, spans: Iterable[tuple[int, int, Severity]]) -> str:
    """The text with the given character spans wrapped in ``<mark>`` (worst severity wins)."""
    levels: list[Severity | None] = [None] * len(text)
    for start, end, sev in spans:
        for k in range(max(start, 0), min(end, len(text))):
            levels[k] = _worse(levels[k], sev)
    out: list[str] = []
    k = 0
    while k < len(text):
        level = levels[k]
        j = k
        while j < len(text) and levels[j] == level:
            j += 1
        chunk = e(text[k:j])
        out.append(f'<mark class="sev-{level}">{chunk}</mark>' if level else chunk)
        k = j
    return "".join(out)


def _line_html(line: Line, mark: _Mark | None, findings: Sequence[Finding]) -> str:
    anchor = line_anchor(line.page, line.no)
    css = mark.css() if mark is not None else ""
    if line.is_row:
        cells = []
        for cell in line.cells:
            key = _norm(cell.text)
            extra = ""
            if mark is not None and key:
                if key in mark.cells:
                    extra = f" hit-{mark.cells[key]}"
                elif key in mark.rel_cells:
                    extra = f" rel-{mark.rel_cells[key]}"
            blank = "" if cell.text.strip() else " blank"
            cells.append(f'<span class="cell{blank}{extra}">{e(cell.text)}</span>')
        content = "".join(cells)
    else:
        content = _marked_text(line.text, mark.spans if mark is not None else ())
    title = f' title="{e(_tooltip(mark, findings))}"' if mark is not None else ""
    notes = _note_links(mark, findings) if mark is not None else ""
    return (
        f'<div class="ln-row{css}" id="{anchor}"{title}>'
        f'<a class="no" href="#{anchor}">{line.no}</a><div class="tx">{content}</div>{notes}</div>'
    )


def _layout_html(layout: Layout, targets: _Targets, findings: Sequence[Finding]) -> str:
    out = [f"<h2>原文（{e(Path(layout.file).name)}，共 {len(layout.lines)} 行）</h2>"]
    pages = {p.number: p for p in layout.pages}
    page: int | None = None
    for line in layout.lines:
        if line.page is not None and line.page != page:
            page = line.page
            info = pages.get(page)
            note = ""
            if info is not None and info.needs_ocr:
                note = "（本页为图片，需要 OCR，未能读取文字）"
            elif info is not None and info.note:
                note = f"（{e(info.note)}）"
            out.append(f'<div class="page-head" id="p{page}">第 {page} 页{note}</div>')
        out.append(
            _line_html(line, targets.line_marks.get(line_anchor(line.page, line.no)), findings)
        )
    return "".join(out)


def _grids_html(d: Disclosure, targets: _Targets, findings: Sequence[Finding]) -> str:
    out = [f"<h2>公开表（{e(Path(d.meta.source_file or '').name)}，按标准格式显示）</h2>"]
    if not targets.grids:
        out.append('<p class="f-none">文件中没有公开表。</p>')
    for grid in targets.grids.values():
        out.append(_grid_html(grid, targets, findings, d.meta.amount_unit))
    return "".join(out)


def _grid_html(
    grid: TableGrid, targets: _Targets, findings: Sequence[Finding], amount_unit: str
) -> str:
    tid = grid.table.id
    table = grid.table
    info = [f"金额单位：{table.unit or amount_unit}"]
    if table.prov is not None and table.prov.sheet:
        info.append(f"工作表：{table.prov.sheet}")
    out = [
        f'<section class="tbl" id="t{tid}"><h3>公开{tid}表 {e(grid.title)}</h3>',
        f'<div class="tbl-meta">{e("　".join(info))}</div>',
        '<table class="grid"><thead>',
    ]
    depth = grid.header_depth
    heads = grid.header_cells()
    for level in range(depth):
        cells = "".join(
            f'<th rowspan="{h.rowspan}" colspan="{h.colspan}">{e(h.text)}</th>'
            for h in heads
            if h.row == level
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</thead><tbody>")
    for r, line in enumerate(grid.body):
        tds = [
            _td(tid, r, c, cell, targets.cell_marks.get((tid, r, c)), findings)
            for c, cell in enumerate(line)
        ]
        out.append(f"<tr>{''.join(tds)}</tr>")
    out.append("</tbody></table>")
    if table.notes:
        out.append("".join(f'<p class="tbl-notes">{e(n)}</p>' for n in table.notes))
    out.append("</section>")
    return "".join(out)


def _td(
    tid: str, r: int, c: int, cell: GridCell, mark: _Mark | None, findings: Sequence[Finding]
) -> str:
    classes = {"value": "v", "code": "c", "label": "", "empty": ""}[cell.kind].split()
    if cell.kind == "label" and cell.indent:
        classes.append(f"i{min(cell.indent, 2)}")
    attrs = ""
    sup = ""
    if mark is not None:
        if mark.severity is not None:
            classes.append(f"hit-{mark.severity}")
        elif mark.related is not None:
            classes.append(f"rel-{mark.related}")
        attrs = f' id="t{tid}-r{r}-c{c}" title="{e(_tooltip(mark, findings))}"'
        links = "".join(f'<a href="#f{i}">#{i}</a>' for i in mark.primary_items)
        sup = f"<sup>{links}</sup>" if links else ""
    elif cell.num is not None and cell.num.raw:
        attrs = f' title="原文：{e(cell.num.raw)}"'
    cls = f' class="{" ".join(classes)}"' if classes else ""
    return f"<td{cls}{attrs}>{e(cell.text)}{sup}</td>"


# --------------------------------------------------------------------------- several files


def page_names(files: Sequence[str]) -> list[str]:
    """One distinct HTML file name per input file (never ``index.html``).

    The file's stem; where stems repeat, the folder name is put in front, and where that
    still repeats, the extension is added (``wuzhi-county-2024-disclosure-yaml.html``).
    """
    paths = [Path(f) for f in files]
    levels = [
        [_safe(p.stem) for p in paths],
        [_safe(f"{p.parent.name}-{p.stem}" if p.parent.name else p.stem) for p in paths],
        [
            _safe(f"{p.parent.name}-{p.stem}-{p.suffix.lstrip('.')}" if p.parent.name else p.name)
            for p in paths
        ],
    ]
    names: list[str] = []
    used = {"index"}
    for i in range(len(paths)):
        name = levels[0][i]
        for level in levels:
            name = level[i]
            if level.count(name) == 1 and name not in used:
                break
        base, n = name, 2
        while name in used:
            name = f"{base}-{n}"
            n += 1
        used.add(name)
        names.append(f"{name}.html")
    return names


def _safe(name: str) -> str:
    cleaned = re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._")
    return cleaned or "document"


def render_index(docs: Sequence[HtmlDocument], hrefs: Sequence[str | None]) -> str:
    """The summary page of several documents, linking to their pages."""
    results = [d.result for d in docs]
    summary = summarise(results)
    rows = []
    for n, (doc, href) in enumerate(zip(docs, hrefs, strict=True), start=1):
        r = doc.result
        if r.report is None:
            verdict = '<span class="badge bad">无法审核</span>'
            counts = ["", "", ""]
        else:
            verdict = (
                '<span class="badge sev-error">未通过</span>'
                if r.failed
                else '<span class="badge ok">通过</span>'
            )
            counts = [str(r.report.counts.get(s, 0)) for s in SEVERITIES]
        name = f'<a href="{e(href)}">{e(r.file)}</a>' if href else e(r.file)
        detail = f"<br><small>{e(r.error)}</small>" if r.error else ""
        rows.append(
            f'<tr><td class="n">{n}</td><td>{name}{detail}</td><td>{e(r.unit or "")}</td>'
            f"<td>{e(r.year or '')}</td>"
            + "".join(f'<td class="n">{c}</td>' for c in counts)
            + f"<td>{verdict}</td></tr>"
        )
    head = "".join(
        f"<th>{h}</th>" for h in ("序号", "文件", "单位", "年度", "错误", "警告", "提示", "结论")
    )
    body = (
        '<header class="top"><h1>决算公开审核汇总</h1>'
        f'<div class="counts">{summary["documents"]} 个文件，{summary["failed"]} 个未通过，'
        f"{summary['unusable']} 个无法审核；合计 {_counts_html(summary['counts'])}</div></header>"
        f'<main style="overflow:auto"><table class="index"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></main>{_footer()}"
    )
    return _page("决算公开审核汇总", body)
