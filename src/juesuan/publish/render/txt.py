"""Plain-text export, laid out like the published text files (tables tab-separated)."""

from __future__ import annotations

from pathlib import Path

from juesuan.publish.document import Document, TableView, matrix
from juesuan.publish.fmt import cn_ordinal, cn_paren


def table_lines(t: TableView, numbered_title: str | None = None) -> list[str]:
    lines = [numbered_title or t.title]
    for extra in (t.number, t.unit_line, t.year_line):
        if extra:
            lines.append(extra)
    if t.number:
        lines.append(f"金额单位：{t.amount_unit}")
    ncols = t.ncols
    for row in matrix(t.header, ncols) + matrix(t.body, ncols):
        lines.append(_row_line(row))
    if t.notes:
        if len(t.notes) == 1:
            lines.append(f"注：{t.notes[0]}")
        else:
            lines.append(f"注：1. {t.notes[0]}")
            lines += [f"{i}. {n}" for i, n in enumerate(t.notes[1:], start=2)]
    return lines


def _row_line(row: list[str]) -> str:
    """Cells joined by tabs, trailing empty ones left out, but always at least one tab: a row
    with one filled cell (合计 of an empty table) is still a table row when read back."""
    line = "\t".join(row).rstrip("\t")
    return line if "\t" in line or len(row) < 2 else line + "\t"


def render_text(doc: Document) -> str:
    out: list[str] = [doc.unit_name, f"{doc.year}年度部门决算", ""]
    out += ["目 录", ""]
    for e in doc.toc:
        out.append(e.text if e.level == 1 else f"- {e.text}")
    out.append("")
    out += [doc.parts["profile"].heading, "", "一、部门职责"]
    out += [f"{cn_paren(i)}{duty}" for i, duty in enumerate(doc.profile.duties, start=1)]
    out += ["", "二、机构设置"]
    if doc.profile.internal_departments:
        depts = "、".join(doc.profile.internal_departments)
        out.append(f"{doc.unit_name}内设机构{len(doc.profile.internal_departments)}个：{depts}。")
    if doc.profile.units is not None:
        out.append(
            f"纳入{doc.year}年度部门决算编制范围的单位共{len(doc.profile.units.body)}个，具体如下："
        )
        out += table_lines(doc.profile.units)[1:]
    if doc.profile.staff_note:
        out.append(doc.profile.staff_note)
    out += ["", doc.parts["tables"].heading, ""]
    for t in doc.tables:
        out += [*table_lines(t), ""]
    out += [doc.parts["narrative"].heading, ""]
    for s in doc.narrative:
        out.append(s.heading)
        out += list(s.paragraphs)
        out.append("")
    out += [doc.parts["glossary"].heading, ""]
    out += [f"{cn_ordinal(i)}{term}：{text}" for i, (term, text) in enumerate(doc.glossary, 1)]
    if doc.attachments:
        out += ["", doc.parts["attachments"].heading, ""]
        for t in doc.attachments:
            out += [*table_lines(t), ""]
    return "\n".join(out).rstrip() + "\n"


def write_text(doc: Document, path: Path) -> None:
    path.write_text(render_text(doc), encoding="utf-8")
