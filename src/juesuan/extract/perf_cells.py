"""Cell-level helpers for the 绩效自评表 parsers: cleaning, predicates and vocabularies.

The helpers are pure functions of a cell's text; the ones that normalise or match are
cached, since tables repeat their labels, units and figures row after row.
"""

from __future__ import annotations

import re

from juesuan.extract.norm import clean_label
from juesuan.model.memo import text_cache
from juesuan.model.numbers import NotANumberError, parse_printed
from juesuan.perf.profile import label_key
from juesuan.read.layout import Line

TABLE = "绩效自评"

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
_POINTS_SUFFIX = re.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
_WEIGHT_OP = re.compile(r"^(.*\d)\s*(≥|≤|=|＝|≧|≦|>|<)$")
_OP_PREFIX = re.compile(r"^(≥|≤|=|＝|≧|≦|>=|<=|>|<)\s*(.*)$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


_SPACES = re.compile(r"\s+")


@text_cache(8192)
def clean(text: str) -> str:
    """A cell as it should be read: no spaces between CJK characters (wrapped text)."""
    t = clean_label(text.replace("\u3000", " "))
    return _SPACES.sub(" ", t).strip()


def cells_of(line: Line) -> list[tuple[int, str]]:
    """The non-empty cells of a line with their column index, cleaned."""
    return [(i, t) for i, cell in enumerate(line.cells) if (t := clean(cell.text))]


key = label_key  # comparison form of a label: NFKC, no whitespace


@text_cache(8192)
def is_number(text: str) -> bool:
    """A cell that is a printed number (``5.0 0``, ``4万``, ``97.24%``), not a dash."""
    if not text or not any(c.isdigit() for c in text):
        return False
    try:
        return parse_printed(text).is_number
    except NotANumberError:
        return False


@text_cache(8192)
def is_dash(text: str) -> bool:
    try:
        return parse_printed(text).kind == "dash"
    except NotANumberError:
        return False


def has_percent(text: str) -> bool:
    return "%" in text or "％" in text


@text_cache(8192)
def operator_of(text: str) -> str | None:
    return OPERATORS.get(key(text))


@text_cache(8192)
def split_weight_op(text: str) -> tuple[str, str | None]:
    """``10.00≥`` → (``10.00``, ``≥``); a plain number → (text, None)."""
    m = _WEIGHT_OP.match(text.strip())
    if m and is_number(m.group(1)):
        return m.group(1).strip(), OPERATORS.get(m.group(2), m.group(2))
    return text, None


@text_cache(8192)
def is_weight(text: str) -> bool:
    w, _ = split_weight_op(text)
    return is_number(w) and not has_percent(w)


@text_cache(8192)
def split_op_prefix(text: str) -> tuple[str | None, str]:
    """``≥95%`` → (``≥``, ``95%``)."""
    m = _OP_PREFIX.match(text.strip())
    if not m:
        return None, text
    return OPERATORS.get(m.group(1), m.group(1)), m.group(2).strip()


@text_cache(8192)
def is_section_label(text: str) -> bool:
    """``四、年度绩效指标完成情况`` / ``绩效指标``: a row label, not content."""
    k = key(text)
    return bool(_SECTION.match(k)) or k in {"绩效指标", "年度绩效指标"}


@text_cache(8192)
def strip_label_prefix(text: str) -> str:
    """``绩效指标 产出指标 (50分)`` → ``产出指标 (50分)`` (the row label glued to a cell)."""
    for prefix in ("年度绩效指标", "绩效指标"):
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


@text_cache(8192)
def is_unit_word(text: str) -> bool:
    return key(text) in UNIT_WORDS or (key(text).startswith("%") and len(key(text)) <= 2)


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
