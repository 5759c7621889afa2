"""Render synthetic disclosures (TXT with noise, DOCX, PDF), inject errors, write a corpus,
and score the audit against the ground truth."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from juesuan.errors import JuesuanError
from juesuan.model import Disclosure, Evaluation, Finding, Num
from juesuan.publish.assemble import build_document
from juesuan.publish.document import Document
from juesuan.synth import noise as noise_mod
from juesuan.synth.generate import generate
from juesuan.synth.inject import Injection, inject
from juesuan.synth.textdoc import TLine, join, line_of, tagged_lines

STYLES = ("txt", "docx", "pdf", "mixed")
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass
class SynthDoc:
    name: str  # file name without suffix
    style: str
    model: Disclosure  # the clean model
    injections: list[Injection]
    content: bytes
    lines: list[TLine] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"{self.name}.{self.style}"


def build(d: Disclosure) -> Document:
    return build_document(d, charts=False)


def pdf_available() -> bool:
    from juesuan.publish.render.pdf import weasyprint_available

    return weasyprint_available()


def styles_for(style: str, count: int) -> list[str]:
    """The style of each document: ``mixed`` cycles txt, docx, pdf (pdf only if available)."""
    if style not in STYLES:
        raise JuesuanError(f"不支持的样式：{style}（可选：{'、'.join(STYLES)}）")
    if style == "pdf" and not pdf_available():
        raise JuesuanError(
            "无法生成 PDF：WeasyPrint 不可用。请安装 weasyprint 与 pango，或改用 --style txt/docx。"
        )
    if style != "mixed":
        return [style] * count
    cycle = ["txt", "docx", "pdf"] if pdf_available() else ["txt", "docx"]
    return [cycle[i % len(cycle)] for i in range(count)]


def doc_rng(seed: int, index: int, purpose: str) -> random.Random:
    return random.Random(f"juesuan-synth:{seed}:{index}:{purpose}")


def make_document(
    seed: int,
    index: int,
    *,
    year: int = 2024,
    style: str = "txt",
    noise: int = 0,
    inject_errors: int = 0,
    kinds: list[str] | None = None,
) -> SynthDoc:
    """Document ``index`` of the corpus drawn from ``seed`` (byte-identical for equal args)."""
    model = generate(doc_rng(seed, index, "model"), year)
    model.meta.source_file = None
    doc, injections = inject(model, build, doc_rng(seed, index, "inject"), inject_errors, kinds)
    name = f"{index + 1:04d}_{model.meta.unit_name}"
    out = SynthDoc(name, style, model, injections, b"")
    if style == "txt":
        lines = noise_mod.apply(tagged_lines(doc), noise, doc_rng(seed, index, "noise"))
        for inj in injections:
            if inj.tag is not None:
                inj.line = line_of(lines, *inj.tag)
        out.lines = lines
        out.content = join(lines).encode("utf-8")
    elif style == "docx":
        from juesuan.publish.render.docx import render_docx

        out.content = normalise_zip(render_docx(doc))
    elif style == "pdf":
        from juesuan.publish.render.pdf import render_pdf

        out.content = render_pdf(doc)
    else:
        raise JuesuanError(f"不支持的样式：{style}")
    return out


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a DOCX with fixed member timestamps, so equal input gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return buf.getvalue()


def truth_record(doc: SynthDoc) -> dict[str, Any]:
    return {"file": doc.file, "injected": [i.to_json() for i in doc.injections]}


def model_json(d: Disclosure) -> str:
    return json.dumps(
        d.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False, indent=1
    )


def check_output_dir(out_dir: Path, force: bool) -> None:
    """Refuse a path that is a file, or a non-empty folder unless ``force``."""
    if out_dir.exists() and not out_dir.is_dir():
        raise JuesuanError("输出路径已存在且不是文件夹", str(out_dir))
    if out_dir.is_dir() and any(out_dir.iterdir()) and not force:
        raise JuesuanError("输出文件夹非空；如需写入请加 --force", str(out_dir))


def write_corpus(
    out_dir: Path,
    count: int,
    *,
    seed: int = 0,
    style: str = "txt",
    noise: int = 1,
    inject_errors: int = 0,
    year: int = 2024,
    force: bool = False,
    progress: Callable[[SynthDoc], None] | None = None,
) -> list[SynthDoc]:
    """Write ``count`` documents, ``truth.jsonl`` and ``models/<name>.json`` into ``out_dir``."""
    if not 0 <= noise <= noise_mod.MAX_LEVEL:
        raise JuesuanError(f"噪声等级应为 0–{noise_mod.MAX_LEVEL}，收到 {noise}")
    if inject_errors < 0:
        raise JuesuanError("注入错误数不能为负数")
    check_output_dir(out_dir, force)
    styles = styles_for(style, count)
    (out_dir / "models").mkdir(parents=True, exist_ok=True)
    docs: list[SynthDoc] = []
    with (out_dir / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for i, st in enumerate(styles):
            doc = make_document(
                seed, i, year=year, style=st, noise=noise, inject_errors=inject_errors
            )
            (out_dir / doc.file).write_bytes(doc.content)
            (out_dir / "models" / f"{doc.name}.json").write_text(
                model_json(doc.model) + "\n", encoding="utf-8"
            )
            truth.write(json.dumps(truth_record(doc), ensure_ascii=False) + "\n")
            docs.append(doc)
            if progress is not None:
                progress(doc)
    return docs


# -- scoring the audit -----------------------------------------------------------------------


@dataclass
class DocScore:
    file: str
    found: list[tuple[Injection, bool]]
    unexplained: list[Finding]


@dataclass
class Score:
    docs: list[DocScore]

    @property
    def injected(self) -> int:
        return sum(len(d.found) for d in self.docs)

    @property
    def detected(self) -> int:
        return sum(ok for d in self.docs for _, ok in d.found)

    @property
    def recall(self) -> float:
        return self.detected / self.injected if self.injected else 1.0

    @property
    def false_errors(self) -> int:
        return sum(len(d.unexplained) for d in self.docs)

    def missed(self) -> list[tuple[str, Injection]]:
        return [(d.file, i) for d in self.docs for i, ok in d.found if not ok]


def _at(f: Finding, inj: Injection) -> bool:
    """Whether finding ``f`` points at the injection's place."""
    provs = [f.location, *f.related]
    if inj.line is not None:
        return any(p.line == inj.line for p in provs)
    if inj.kind == "missing_table":
        return f.location.table in (None, inj.table) or f"公开{inj.table}表" in f.message
    if inj.row is not None:
        return any(p.row is not None and inj.row in p.row for p in provs) or inj.row in f.message
    return True


def score_document(doc: SynthDoc, findings: Iterable[Finding]) -> DocScore:
    findings = list(findings)
    found = [
        (inj, any(f.code in inj.codes and _at(f, inj) for f in findings)) for inj in doc.injections
    ]
    unexplained = [
        f
        for f in findings
        if f.severity == "error" and not any(i.explains(f.code) for i in doc.injections)
    ]
    return DocScore(doc.file, found, unexplained)


def audit_text(doc: SynthDoc, directory: Path) -> list[Finding]:
    """Parse the written document and audit it.  The TXT reader does not read the
    performance attachments, so the (possibly injected) evaluations are attached from the
    model the document was rendered from."""
    from juesuan.audit import run
    from juesuan.extract import load_document

    parsed = load_document(directory / doc.file)
    parsed.evaluations = _evaluations_of(doc)
    return run(parsed).findings


def _evaluations_of(doc: SynthDoc) -> list[Evaluation]:
    evs = [e.model_copy(deep=True) for e in doc.model.evaluations]
    for inj in doc.injections:
        for i, e in enumerate(evs):
            if e.name != inj.row:
                continue
            if inj.kind == "perf_total":
                evs[i] = e.model_copy(update={"total_score": Num.of(inj.injected)})
            elif inj.kind == "perf_grade":
                evs[i] = e.model_copy(update={"grade": inj.injected})
    return evs
