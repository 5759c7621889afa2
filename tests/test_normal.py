"""The fast NFKC must give exactly what unicodedata gives, on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from juesuan.extract import claim_names, pdf_vocab
from juesuan.extract.norm import norm
from juesuan.model.normal import compact, nfkc

# Full-width forms, CJK, combining marks that compose with a preceding (folded) letter.
_POOL = "，：（）１２３ａｂＡ　。、“”％．－一二三财政局e\u0301\u0300\u00e9\uff21\u2460\u3231 \t"


@settings(max_examples=500)
@given(st.text())
def test_nfkc_equals_unicodedata_on_any_text(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=500)
@given(st.text(alphabet=_POOL))
def test_nfkc_equals_unicodedata_on_chinese_like_text(text: str) -> None:
    assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_examples() -> None:
    assert (
        nfkc("一般公共服务（类）支出：１，２３４．５６万元") == "一般公共服务(类)支出:1,234.56万元"
    )
    assert nfkc("ａ\u0301") == "á"
    assert compact(" 行政 运行\u3000（项） ") == "行政运行(项)"


_QUOTES = "“”\"'‘’「」『』"
_NORM_POOL = _POOL + _QUOTES + "\u200b\ufeff\u00a0\u2003\n（）(),:"


def _norm_by_definition(text: str) -> str:
    """norm's definition: NFKC without zero-width characters, no whitespace, no quotes."""
    t = unicodedata.normalize("NFKC", text).replace("\u200b", "").replace("\ufeff", "")
    return "".join(c for c in t if not c.isspace() and c not in _QUOTES)


@settings(max_examples=500)
@given(st.one_of(st.text(alphabet=_NORM_POOL), st.text()))
def test_comparison_forms_follow_their_definitions(text: str) -> None:
    assert norm(text) == _norm_by_definition(text)
    assert norm(text * 9) == _norm_by_definition(text * 9)  # past the cached short form
    kept = "".join(c for c in text if not c.isspace() and c not in _QUOTES)
    for half, full in (("(", "（"), (")", "）"), (":", "："), (",", "，")):
        kept = kept.replace(half, full)
    assert pdf_vocab.key(text) == kept  # no NFKC there: PDF text keeps its full-width forms
    brackets = str.maketrans({"（": "(", "）": ")", " ": "", "\u3000": ""})
    assert claim_names.norm(text + "x") == claim_names.norm(text.translate(brackets) + "x")
