"""Layout → :class:`Disclosure`, and ``load_document`` choosing the reader by file type."""

from __future__ import annotations

import hashlib
from pathlib import Path

from juesuan.errors import JuesuanError
from juesuan.extract.blocks import find_blocks
from juesuan.extract.context import Context
from juesuan.extract.meta import guess_meta
from juesuan.extract.narrative_claims import attach_claims
from juesuan.extract.pdf_national import pdf_sections, pdf_titles_and_mentions, prose_lines
from juesuan.extract.pdf_tables import claims_layout, extract_pdf
from juesuan.extract.perf_tables import extract_evaluations
from juesuan.extract.profile import find_units
from juesuan.extract.sections import find_glossary, find_sections, find_toc
from juesuan.extract.tables import build_tables
from juesuan.extract.titles_scan import scan_titles, scan_unit_mentions
from juesuan.model.disclosure import Disclosure
from juesuan.model.meta import Meta, Profile
from juesuan.model.narrative import Narrative
from juesuan.model.provenance import Prov
from juesuan.read.docx import read_docx
from juesuan.read.layout import Layout
from juesuan.read.text import read_text

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")


def extract(layout: Layout) -> Disclosure:
    """Everything juesuan can read from a layout: meta, the nine tables, sections, glossary.

    Raises :class:`JuesuanError` only when the layout holds no usable text (nothing to
    identify the year); everything else not understood becomes a notice.  A PDF layout
    goes to :func:`juesuan.extract.pdf_tables.extract_pdf` (tables); its sections and
    glossary are read from its prose (:func:`juesuan.extract.pdf_national.pdf_sections`:
    wrapped lines joined, page furniture and table rows left out).
    """
    if layout.format == "pdf":
        disclosure = extract_pdf(layout)
        prose = prose_lines(layout)
        narrative = disclosure.narrative
        narrative.sections, narrative.glossary = pdf_sections(layout, prose)
        narrative.titles, narrative.unit_mentions = pdf_titles_and_mentions(
            prose, Path(layout.file).name, disclosure.meta.unit_name
        )
        return disclosure
    file = Path(layout.file).name
    ctx = Context(file)
    for warning in layout.warnings:
        ctx.notice(warning, Prov(file=file))
    lines = layout.lines
    if not any(line.text.strip() for line in lines):
        raise JuesuanError("文件没有文字内容（空文件，或是扫描图片需要 OCR）", layout.file)
    toc = find_toc(lines)
    blocks, orphans = find_blocks(lines, toc)
    tables = build_tables(blocks, orphans, ctx)
    sections = find_sections(lines, toc)
    glossary = find_glossary(lines, sections)
    guess = guess_meta(lines, tables)
    if guess.fiscal_year is None:
        raise JuesuanError("无法识别决算年度：文件中没有“XXXX年度”字样", layout.file)
    if not guess.unit_name:
        ctx.notice("无法识别部门（单位）名称", Prov(file=file))
    for table in tables.values():
        if table.unit is None:
            table.unit = "元" if guess.amount_unit == "元" else "万元"
    meta = Meta(
        unit_name=guess.unit_name or "",
        fiscal_year=guess.fiscal_year,
        scope=guess.scope or "本级",
        amount_unit=guess.amount_unit or "万元",
        template=guess.template,
        budget_code=guess.budget_code,
        document_kind=guess.document_kind,
        source_file=layout.file,
    )
    evaluations, summary = extract_evaluations(lines, ctx, unit_name=meta.unit_name)
    titles = scan_titles(lines, file)
    mentions = scan_unit_mentions(lines, file, meta.unit_name)
    return Disclosure(
        meta=meta,
        profile=Profile(units=find_units(lines)),
        tables=tables,
        narrative=Narrative(
            sections=sections, glossary=glossary, titles=titles, unit_mentions=mentions
        ),
        evaluations=evaluations,
        evaluation_summary=summary,
        notices=ctx.notices,
    )


def read_layout(path: Path) -> Layout:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text(path)
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        # imported here: pypdfium2 loads a native library (~30 ms), not needed for text
        from juesuan.read.pdf import read_pdf

        return read_pdf(path)
    raise JuesuanError(
        f"不支持的文件类型「{suffix or '无扩展名'}」：支持 .txt .md .docx .pdf", str(path)
    )


def load_document(path: str | Path) -> Disclosure:
    """Read a published disclosure (TXT/Markdown, DOCX, PDF) into a :class:`Disclosure`."""
    p = Path(path)
    if not p.is_file():
        raise JuesuanError("文件不存在或不是普通文件", str(p))
    layout = read_layout(p)
    disclosure = extract(layout)
    disclosure.meta.source_file = str(p)
    if layout.format == "pdf":
        layout = claims_layout(layout)
    attach_claims(layout, disclosure)
    disclosure.meta.source_sha256 = _sha256(p)
    return disclosure


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
