"""Disclosure → Document: everything the renderers need, computed once."""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.publish.document import Document, Part, ProfileView, TableView, TocEntry
from juesuan.publish.fmt import cn_ordinal
from juesuan.publish.glossary import glossary_for
from juesuan.publish.layout import attachments, nine_tables, units_table
from juesuan.publish.narrative import compose


def document_title(d: Disclosure) -> str:
    return f"{d.meta.unit_name}{d.meta.fiscal_year}年度{d.meta.document_kind or '部门决算'}"


def _used_labels(tables: list[TableView]) -> list[str]:
    """Row labels of table rows that carry at least one figure."""
    out: list[str] = []
    for t in tables:
        for row in t.body:
            if any(c.kind == "num" and c.text for c in row):
                out.extend(c.text for c in row if c.kind == "label")
    return out


def build_document(d: Disclosure, *, charts: bool = True) -> Document:
    """The whole disclosure as a renderer-neutral :class:`Document`."""
    year = d.meta.fiscal_year
    result = compose(d)
    tables = nine_tables(d)
    parts = {
        "profile": Part("第一部分", "部门概况"),
        "tables": Part("第二部分", f"{year}年度部门决算表"),
        "narrative": Part("第三部分", f"{year}年度部门决算情况说明"),
        "glossary": Part("第四部分", "名词解释"),
    }
    if d.evaluations:
        parts["attachments"] = Part("第五部分", "附件")
    texts = [p for s in result.sections for p in (s.heading, *s.paragraphs)]
    doc = Document(
        title=document_title(d),
        unit_name=d.meta.unit_name,
        year=year,
        amount_unit=d.meta.amount_unit,
        parts=parts,
        toc=[],
        profile=ProfileView(
            duties=list(d.profile.duties),
            internal_departments=list(d.profile.internal_departments),
            units=units_table(d),
            staff_note=d.profile.staff_note,
        ),
        tables=tables,
        narrative=result.sections,
        glossary=glossary_for([*texts, *_used_labels(tables)]),
        attachments=attachments(d.evaluations, d.meta.amount_unit),
        missing=result.missing,
    )
    doc.toc = _toc(doc)
    if charts:
        from juesuan.publish.charts import make_charts

        doc.charts, warnings = make_charts(d)
        doc.warnings.extend(warnings)
    return doc


def _toc(doc: Document) -> list[TocEntry]:
    toc = [
        TocEntry(1, doc.parts["profile"].heading),
        TocEntry(2, "一、部门职责"),
        TocEntry(2, "二、机构设置"),
        TocEntry(1, doc.parts["tables"].heading),
    ]
    toc += [TocEntry(2, f"{cn_ordinal(i)}{t.title}") for i, t in enumerate(doc.tables, start=1)]
    toc.append(TocEntry(1, doc.parts["narrative"].heading))
    toc += [TocEntry(2, s.heading) for s in doc.narrative if s.level == 1]
    toc.append(TocEntry(1, doc.parts["glossary"].heading))
    if "attachments" in doc.parts:
        toc.append(TocEntry(1, doc.parts["attachments"].heading))
        toc += [TocEntry(2, f"{i}. {t.title}") for i, t in enumerate(doc.attachments, start=1)]
    return toc
