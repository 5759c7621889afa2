"""Unicode normal forms for comparing printed text (full-width → half-width, no spaces).

``unicodedata.normalize("NFKC", …)`` costs about 17 µs on a line of Chinese text even when the
line is already normal, which it nearly always is; ``is_normalized`` answers that in 0.1 µs.
Every NFKC in juesuan goes through :func:`nfkc` for this reason.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Full-width ASCII (！…～) and the ideographic space: their NFKC forms are these characters.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def nfkc(text: str) -> str:
    """NFKC (full-width letters, digits and brackets to half-width), fast on usual text.

    Chinese text is rarely NFKC-normal only because of its full-width punctuation (，：（）);
    mapping those first by table leaves a string that is normal in almost every case.
    """
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    folded = text.translate(_FULLWIDTH)
    if unicodedata.is_normalized("NFKC", folded):
        return folded
    return unicodedata.normalize("NFKC", folded)


def compact(text: str) -> str:
    """NFKC without any whitespace: the form in which two printed labels are compared."""
    return _SPACE.sub("", nfkc(text))
