"""Cell-level helpers for the 绩效自评表 parsers: cleaning, predicates and vocabularies.

The helpers are pure functions of a cell's text.  What the row parsers ask of a cell (its
key, whether it is a number, a weight, an operator, a unit …) is worked out once per text
into a :class:`Cell` (:func:`raw_cell`, :func:`cell`, one cache), since tables repeat their
labels, units and figures row after row and a new document's texts are mostly new; the
predicates below read it.  Cheap tests come before each regex or normalisation.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from unicodedata import is_normalized

from juesuan.extract.norm import clean_label
from juesuan.model.memo import text_cache
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.perf.profile import label_key
from juesuan.read.layout import Line

TABLE = "绩效自评"
_new_tuple = tuple.__new__

OPERATORS = {
    "≥": "≥",
    "≧": "≥",
    ">=": "≥",
    "≤": "≤",
    "≦": "≤",
    "<=": "≤",
    "=": "=",
    "＝": "=",
    ">": ">",
    "<": "<",
    "文字描述": "文字描述",
    "定性": "文字描述",
}
STATUS_WORDS = frozenset(
    {"完成", "未完成", "基本完成", "部分完成", "达成", "未达成", "部分达成", "基本达成", "已完成"}
)
# 一级 names that are never 二级 (成本指标 is both in some provinces and is left out).
LEVEL1_ONLY = frozenset(
    {
        "产出指标",
        "效益指标",
        "满意度指标",
        "投入管理指标",
        "资金管理指标",
        "过程指标",
        "决策指标",
        "产出",
        "效益",
        "满意度",
        "投入管理",
        "资金管理",
        "过程",
        "决策",
    }
)
# 二级 name → the 一级 it belongs to ("" when it could belong to more than one).
LEVEL2_PARENT = {
    "数量指标": "产出指标",
    "质量指标": "产出指标",
    "时效指标": "产出指标",
    "成本指标": "",
    "经济成本指标": "成本指标",
    "社会成本指标": "成本指标",
    "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标",
    "社会效益指标": "效益指标",
    "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标",
    "服务对象满意度指标": "满意度指标",
    "服务对象满意度": "满意度指标",
    "工作目标管理": "投入管理指标",
    "预算和财务管理": "投入管理指标",
    "绩效管理": "投入管理指标",
    "重点工作任务完成": "产出指标",
    "履职目标实现": "产出指标",
    "履职效益": "效益指标",
}
UNIT_WORDS = frozenset(
    {
        "%",
        "万元",
        "元",
        "万",
        "人",
        "人次",
        "户",
        "家",
        "个",
        "项",
        "次",
        "套",
        "组",
        "场",
        "台",
        "件",
        "天",
        "日",
        "月",
        "年",
        "所",
        "批",
        "份",
        "辆",
        "元/人",
        "小时",
        "分钟",
        "个工作日",
    }
)
_SECTION = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]")
_SECTION_START = frozenset("一二三四五六七八九十")
_SECTION_WORDS = frozenset({"绩效指标", "年度绩效指标"})
_POINTS_SUFFIX = re.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
_WEIGHT_OP = re.compile(r"^(.*\d)\s*(≥|≤|=|＝|≧|≦|>|<)$")
_WEIGHT_OP_END = frozenset("≥≤=＝≧≦><")  # the last character of every _WEIGHT_OP match
_OP_PREFIX = re.compile(r"^(≥|≤|=|＝|≧|≦|>=|<=|>|<)\s*(.*)$")
_OP_START = frozenset("≥≤=＝≧≦><")  # the first character of every _OP_PREFIX match
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Every character for which ``str.isdigit`` holds is in this class (\d, superscripts,
# circled digits, …; checked over all code points): a quick test before ``isdigit``.
_MAYBE_DIGIT = re.compile(
    r"[\d\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070-\u2089\u2460-\u24ff\u2776-\u2793"
    r"\U00010000-\U0010ffff]"
)


# A CJK ideograph other than 万 (U+4E07) and 元 (U+5143): NFKC keeps it, and no printed
# number has one (its only words are the unit suffixes 万元, 元, 万), so the text is no number.
_IDEOGRAPH = re.compile(r"[\u4e00-\u4e06\u4e08-\u5142\u5144-\u9fff]")
# A plain printed number, optionally with a unit suffix: parse_printed reads it as a number.
_PLAIN_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?(?: ?(?:%|万元|元|万))?")


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    # Printable text has no whitespace but the ASCII space, and no zero-width space: without
    # a space there is nothing to clean (the usual cell), else only the spaces are looked at.
    if text.isprintable():
        if " " not in text:
            return text
        t = clean_label(text)
        return _SPACES.sub(" ", t) if "  " in t else t
    t = clean_label(text.replace("\u3000", " "))
    return _SPACES.sub(" ", t).strip()


@text_cache(8192)
def clean(text: str) -> str:
    """A cell as it should be read: no spaces between CJK characters (wrapped text)."""
    return _clean(text)


def _key(text: str) -> str:
    # NFKC-normal printable text: NFKC leaves it as it is and its only whitespace is the
    # ASCII space.
    if text.isprintable() and is_normalized("NFKC", text):
        return text.replace(" ", "")
    return label_key(text)


def _has_digit(text: str) -> bool:
    return any(m.group().isdigit() for m in _MAYBE_DIGIT.finditer(text))


def _is_number(text: str) -> bool:
    # An ideograph first: most texts that are no number start with one.
    if not text or _IDEOGRAPH.search(text) or _MAYBE_DIGIT.search(text) is None:
        return False
    if _PLAIN_NUMBER.fullmatch(text):
        return True
    if not _has_digit(text):
        return False
    try:
        return parse_printed(text).is_number
    except NotANumberError:
        return False


class Cell(NamedTuple):
    """What the row parsers ask of a cell's cleaned text, worked out once (:func:`cell`)."""

    text: str
    key: str  # :func:`key`
    number: bool  # :func:`is_number`
    weight: bool  # :func:`is_weight`
    percent: bool  # :func:`has_percent`
    op: str | None  # :func:`operator_of`
    unit: bool  # :func:`is_unit_word`
    section: bool  # :func:`is_section_label`
    plain: bool  # neither a section label nor led by one (:func:`strip_label_prefix`)


def _new_cell(text: str) -> Cell:
    if text.isascii() and text.replace(".", "", 1).isdigit():
        # 10, 9.5, .5, 10. (a weight, a score, an amount): a number and a weight, nothing
        # else; its own key.  One distinct text in six of a 绩效自评表 (seed 002).
        return _new_tuple(Cell, (text, text, True, True, False, None, False, False, True))
    return _general_cell(text)


def _general_cell(text: str) -> Cell:
    k = _key(text)
    percent = "%" in text or "％" in text
    first = text[:1]
    if "\u4e00" <= first <= "\u9fff" and first != "万" and first != "元":
        # Led by an ideograph (a name, a description): no number, and no weight either (the
        # number split from a trailing operator would start with the same ideograph).
        number = weight = False
    else:
        number = _is_number(text)
        w = split_weight_op(text)[0]
        weight = (number and not percent) if w == text else (is_number(w) and not has_percent(w))
    section = (k[:1] in _SECTION_START and _SECTION.match(k) is not None) or k in _SECTION_WORDS
    unit = k in UNIT_WORDS or (k.startswith("%") and len(k) <= 2)
    plain = not section and not text.startswith(_LABEL_PREFIXES)
    # Cell(...) without the named tuple's keyword handling: a cell of every new text
    return _new_tuple(
        Cell, (text, k, number, weight, percent, OPERATORS.get(k), unit, section, plain)
    )


@text_cache(16384)
def raw_cell(text: str) -> Cell | None:
    """The :class:`Cell` of a printed cell's text; None when it is blank once cleaned."""
    t = _clean(text)
    return _new_cell(t) if t else None


def cell(text: str) -> Cell:
    """The :class:`Cell` of a text as it is (a cell's cleaned text, a part of one)."""
    c = raw_cell(text)  # one cache for both: a clean text is its own cleaned form
    if c is not None and c.text == text:
        return c
    return _new_cell(text)  # blank, or changed by cleaning (rare): not cached


def key(text: str) -> str:
    """Comparison form of a label: NFKC, no whitespace (:func:`label_key`)."""
    return cell(text).key


def line_key(text: str) -> str:
    """``key(clean(text))`` for a whole line's text, not cached (a line is read once)."""
    return _key(_clean(text))


Cells = list[tuple[int, Cell]]  # the non-empty cells of a line with their column index


def cells_of(line: Line) -> Cells:
    """The non-empty cells of a line with their column index, cleaned."""
    return [
        (i, c) for i, x in enumerate(line.cells) if x.text and (c := raw_cell(x.text)) is not None
    ]


def is_number(text: str) -> bool:
    """A cell that is a printed number (``5.0 0``, ``4万``, ``97.24%``), not a dash."""
    return cell(text).number


def is_dash(text: str) -> bool:
    """A dash (``-``, ``—``, ``/`` …): no ideograph, which NFKC would keep."""
    return _IDEOGRAPH.search(text) is None and _is_dash(text)


@text_cache(8192)
def _is_dash(text: str) -> bool:
    try:
        return parse_printed(text).kind == "dash"
    except NotANumberError:
        return False


def has_percent(text: str) -> bool:
    return "%" in text or "％" in text


def operator_of(text: str) -> str | None:
    # key(text) is _key(text) (a cell's key is that of its own text): no Cell is built for
    # a text only asked this, such as a target just put together from its cells
    return OPERATORS.get(_key(text))


def split_weight_op(text: str) -> tuple[str, str | None]:
    """``10.00≥`` → (``10.00``, ``≥``); a plain number → (text, None)."""
    if text.strip()[-1:] not in _WEIGHT_OP_END:  # no operator at the end: no match
        return text, None
    return _split_weight_op(text)


@text_cache(8192)
def _split_weight_op(text: str) -> tuple[str, str | None]:
    m = _WEIGHT_OP.match(text.strip())
    if m and is_number(m.group(1)):
        return m.group(1).strip(), OPERATORS.get(m.group(2), m.group(2))
    return text, None


def is_weight(text: str) -> bool:
    return cell(text).weight


def split_op_prefix(text: str) -> tuple[str | None, str]:
    """``≥95%`` → (``≥``, ``95%``)."""
    if text.strip()[:1] not in _OP_START:  # no operator in front: no match
        return None, text
    return _split_op_prefix(text)


@text_cache(8192)
def _split_op_prefix(text: str) -> tuple[str | None, str]:
    m = _OP_PREFIX.match(text.strip())
    if not m:
        return None, text
    return OPERATORS.get(m.group(1), m.group(1)), m.group(2).strip()


def is_section_label(text: str) -> bool:
    """``四、年度绩效指标完成情况`` / ``绩效指标``: a row label, not content."""
    return cell(text).section


_LABEL_PREFIXES = ("年度绩效指标", "绩效指标")


def strip_label_prefix(text: str) -> str:
    """``绩效指标 产出指标 (50分)`` → ``产出指标 (50分)`` (the row label glued to a cell)."""
    if text.startswith(_LABEL_PREFIXES):
        for prefix in _LABEL_PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                rest = text[len(prefix) :].strip()
                if rest.startswith(_LEVEL1_STARTS):
                    return rest
    return text


_LEVEL1_STARTS = ("产出", "效益", "满意度", "投入管理", "成本", "资金管理", "过程", "决策")
_SCALE_CHARS = frozenset("高中低优良差好坏一般较")


@text_cache(8192)
def is_scale(text: str) -> bool:
    """A qualitative scale printed where a name belongs: ``高中低``, ``好坏``, ``高中优良差``."""
    k = key(text)
    return len(k) >= 2 and set(k) <= _SCALE_CHARS


@text_cache(8192)
def category_word(text: str) -> str:
    """``产出指标 (50分)`` → ``产出指标``."""
    return key(_POINTS_SUFFIX.sub("", text))


@text_cache(8192)
def is_level1(text: str) -> bool:
    return category_word(text) in LEVEL1_ONLY


@text_cache(8192)
def is_level2(text: str) -> bool:
    return category_word(text) in LEVEL2_PARENT


@text_cache(8192)
def level1_canonical(text: str) -> str:
    """``产出指标 (50分)`` / ``产出`` → ``产出``: for comparing categories."""
    w = category_word(text)
    return w[:-2] if w.endswith("指标") else w


def is_unit_word(text: str) -> bool:
    return cell(text).unit


@text_cache(8192)
def looks_like_name(text: str) -> bool:
    """Text that could be an indicator name: not a number, operator or percentage."""
    k = key(text)
    if not k or is_number(k) or operator_of(k) is not None:
        return False
    return k[0] not in "≥≤=<>≧≦＝" and not k[0].isdigit()


@text_cache(8192)
def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
