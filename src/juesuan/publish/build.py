"""Build every output format of one disclosure into a folder.

``build(d, out_dir)`` assembles the document once (narrative, tables, charts) and writes
DOCX, PDF, HTML, XLSX and TXT named after the document (``武陟县医疗保障局2024年度部门决算.docx``).
Existing files are never overwritten unless ``force``.  The audit gate (refuse on error
findings) is :func:`blocking_findings`; the CLI applies it before building.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from juesuan.errors import JuesuanError
from juesuan.model.disclosure import Disclosure
from juesuan.model.finding import Finding
from juesuan.publish.assemble import build_document
from juesuan.publish.document import Document
from juesuan.publish.narrative import Missing

FORMATS: tuple[str, ...] = ("docx", "pdf", "html", "xlsx", "txt")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class BuildResult:
    files: dict[str, Path] = field(default_factory=dict)
    missing: list[Missing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def parse_formats(text: str) -> tuple[str, ...]:
    """``all`` or a comma list (``docx,pdf``) → formats in canonical order."""
    words = {w.strip().lower() for w in text.replace("，", ",").split(",") if w.strip()}
    if not words or "all" in words:
        return FORMATS
    unknown = sorted(words - set(FORMATS))
    if unknown:
        raise JuesuanError(
            f"不支持的输出格式：{'、'.join(unknown)}；可选：all 或 {','.join(FORMATS)}"
        )
    return tuple(f for f in FORMATS if f in words)


def file_stem(doc: Document) -> str:
    return _UNSAFE.sub("_", doc.title).strip() or "部门决算"


def output_paths(doc: Document, out_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    stem = file_stem(doc)
    return {fmt: out_dir / f"{stem}.{fmt}" for fmt in formats}


def blocking_findings(d: Disclosure) -> list[Finding]:
    """Error findings of the full audit: the build refuses to publish while there are any."""
    from juesuan.audit import run

    return [f for f in run(d).findings if f.severity == "error"]


def _writers(template: str) -> dict[str, Callable[[Document, Path], None]]:
    def pdf(doc: Document, path: Path) -> None:
        from juesuan.publish.render.pdf import write_pdf

        write_pdf(doc, path, template)

    def html(doc: Document, path: Path) -> None:
        from juesuan.publish.render.html import write_html

        write_html(doc, path, template)

    def docx(doc: Document, path: Path) -> None:
        from juesuan.publish.render.docx import write_docx

        write_docx(doc, path)

    def xlsx(doc: Document, path: Path) -> None:
        from juesuan.publish.render.xlsx import write_xlsx

        write_xlsx(doc, path)

    def txt(doc: Document, path: Path) -> None:
        from juesuan.publish.render.txt import write_text

        write_text(doc, path)

    return {"docx": docx, "pdf": pdf, "html": html, "xlsx": xlsx, "txt": txt}


def build(
    d: Disclosure,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    *,
    template: str = "national",
    force: bool = False,
    parallel: bool = True,
) -> BuildResult:
    """Write the requested formats of ``d`` into ``out_dir``; see the module docstring."""
    wanted = tuple(formats)
    started = time.perf_counter()
    needs_charts = any(f in ("docx", "pdf", "html") for f in wanted)
    doc = build_document(d, charts=needs_charts)
    result = BuildResult(missing=list(doc.missing), warnings=list(doc.warnings))
    result.seconds["document"] = time.perf_counter() - started
    paths = output_paths(doc, out_dir, wanted)
    existing = [p for p in paths.values() if p.exists()]
    if existing and not force:
        names = "、".join(p.name for p in existing)
        raise JuesuanError(f"输出文件已存在：{names}。如需覆盖请加 --force。", str(out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    writers = _writers(template)
    background = _start_pdf(doc, paths, template) if parallel else None
    for fmt, path in paths.items():
        if background is not None and fmt == "pdf":
            continue
        t0 = time.perf_counter()
        writers[fmt](doc, path)
        result.seconds[fmt] = time.perf_counter() - t0
        result.files[fmt] = path
    if background is not None:
        pool, future = background
        t0 = time.perf_counter()
        try:
            result.seconds["pdf"] = future.result()
        finally:
            pool.shutdown()
        result.seconds["pdf-wait"] = time.perf_counter() - t0
    if "pdf" in paths:
        result.files["pdf"] = paths["pdf"]
        result.files = {f: result.files[f] for f in wanted}
    result.seconds["total"] = time.perf_counter() - started
    return result


def _pdf_job(doc: Document, path: Path, template: str) -> float:
    t0 = time.perf_counter()
    _writers(template)["pdf"](doc, path)
    return time.perf_counter() - t0


def _start_pdf(
    doc: Document, paths: dict[str, Path], template: str
) -> tuple[ProcessPoolExecutor, Future[float]] | None:
    """Render the PDF (the slowest format) in a forked process while the others are written."""
    if "pdf" not in paths or len(paths) == 1 or "fork" not in mp.get_all_start_methods():
        return None
    # Import WeasyPrint (~0.6 s) once here, so that the forked child inherits it; if it is
    # missing or broken, the child reports that as the PDF writer would.
    with contextlib.suppress(Exception):
        importlib.import_module("weasyprint")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"))
    return pool, pool.submit(_pdf_job, doc, paths["pdf"], template)
