"""PDF from the HTML with WeasyPrint (A4; landscape pages for wide tables)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from juesuan.errors import JuesuanError
from juesuan.publish.document import Document
from juesuan.publish.render.html import render_html


def weasyprint_available() -> bool:
    try:
        return importlib.util.find_spec("weasyprint") is not None
    except (ImportError, ValueError):
        return False


def render_pdf(doc: Document, template: str = "national") -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:  # OSError: pango missing
        raise JuesuanError(
            f"无法生成 PDF：WeasyPrint 不可用（{exc}）。"
            "请安装 weasyprint 与 pango（Debian：libpango-1.0-0）。"
        ) from exc
    html = render_html(doc, template, for_print=True)
    data = HTML(string=html, base_url=".").write_pdf(hinting=True)
    if not isinstance(data, bytes):  # pragma: no cover - write_pdf without target returns bytes
        raise JuesuanError("WeasyPrint 未返回 PDF 数据")
    return data


def write_pdf(doc: Document, path: Path, template: str = "national") -> None:
    path.write_bytes(render_pdf(doc, template))
