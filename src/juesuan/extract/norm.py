"""Text normalisation shared by the extractors: compare labels the way a reader would."""

from __future__ import annotations

import re

from juesuan.model.memo import text_cache
from juesuan.model.numbers import normalise_text

_SPACE = re.compile(r"\s+")
nfkc = normalise_text  # NFKC without zero-width characters, as the extractors call it
# Whitespace and quotation marks, which a comparison form leaves out.  One regex pass
# (str.translate with a deletion table costs about 80 ns a character on Chinese text).
_DROP = re.compile("[\\s“”\"'‘’「」『』]+")
_NUMBERING = re.compile(
    r"^(?:[（(]\s*[一二三四五六七八九十百零〇\d]+\s*[)）]|[一二三四五六七八九十百零〇]+\s*[、.．]"
    r"|\d+\s*[、.．](?!\d))\s*"
)
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_CODE_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\d\s.].*)$")


def norm(text: str) -> str:
    """Comparison form: NFKC, no whitespace, no quotation marks."""
    if len(text) <= 64:
        return _norm_short(text)
    return _DROP.sub("", nfkc(text))


@text_cache(16384)
def _norm_short(text: str) -> str:
    return _DROP.sub("", nfkc(text))


def strip_numbering(text: str) -> str:
    """``一、一般公共服务支出`` → ``一般公共服务支出``; ``（三）`` / ``3.`` / ``9、`` likewise."""
    return _NUMBERING.sub("", text.strip(), count=1).strip()


def is_code(text: str) -> bool:
    """A 3/5/7-digit classification code."""
    return bool(_CODE.match(norm(text)))


def split_code_name(text: str) -> tuple[str, str] | None:
    """``2080501 行政单位离退休`` printed in one cell → (code, name)."""
    m = _CODE_NAME.match(nfkc(text).strip())
    if not m:
        return None
    return m.group(1), m.group(2).strip()


def clean_label(text: str) -> str:
    """A printed label as it should be shown: single spaces removed between CJK characters."""
    t = text.replace("\u200b", "").strip()
    if " " not in t and t.isprintable():  # whitespace is either a space or not printable
        return t
    return _CJK_GAP.sub("", t) if _SPACE.search(t) else t
