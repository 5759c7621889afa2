"""The fast NFKC must give exactly what unicodedata gives, on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

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
