"""Self-contained HTML (inline CSS, charts as base64 PNG) from Jinja2 templates."""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from juesuan.errors import JuesuanError
from juesuan.publish.document import Document
from juesuan.publish.fmt import cn_number
from juesuan.publish.narrative import PLACEHOLDERS

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Screen: the reader's own fonts.  Print (WeasyPrint): the Debian faces, fonts-noto-cjk first,
# then fonts-wqy-microhei / fonts-arphic-uming as fallbacks.  WeasyPrint subsets fonts with
# HarfBuzz (Debian: libharfbuzz-subset0) in well under a second; without it, it falls back to
# fontTools, which takes tens of seconds on the CFF outlines of the Noto CJK faces.
SCREEN_FONTS = {
    "serif": '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif',
    "sans": '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", sans-serif',
}
PRINT_FONTS = {
    "serif": '"Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Micro Hei", serif',
    "sans": '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "AR PL UMing CN", sans-serif',
}


def templates() -> list[str]:
    return sorted(p.name for p in TEMPLATES.iterdir() if (p / "document.html.j2").is_file())


@cache
def _environment(template: str) -> Environment:
    folder = TEMPLATES / template
    if not (folder / "document.html.j2").is_file():
        raise JuesuanError(f"没有名为“{template}”的发布模板；可用：{'、'.join(templates())}")
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals["cn"] = cn_number
    env.globals["b64"] = lambda data: base64.b64encode(data).decode("ascii")
    env.globals["mark"] = _mark
    return env


def _mark(text: str) -> Markup:
    """Escape a paragraph and highlight the placeholders that still need filling in."""
    out = escape(text)
    for ph in PLACEHOLDERS:
        out = Markup(out.replace(ph, Markup(f'<span class="placeholder">{ph}</span>')))
    return out


def render_html(
    doc: Document, template: str = "national", *, charts: bool = True, for_print: bool = False
) -> str:
    env = _environment(template)
    css = (TEMPLATES / template / "style.css").read_text(encoding="utf-8")
    view = doc if charts else _without_charts(doc)
    fonts = {k: Markup(v) for k, v in (PRINT_FONTS if for_print else SCREEN_FONTS).items()}
    return env.get_template("document.html.j2").render(doc=view, css=Markup(css), fonts=fonts)


def _without_charts(doc: Document) -> Document:
    from dataclasses import replace

    return replace(doc, charts=[])


def write_html(doc: Document, path: Path, template: str = "national") -> None:
    path.write_text(render_html(doc, template), encoding="utf-8")
