"""Judge a qualitative indicator: does the actual text reach the target text?

The answer is a band name (达成 / 部分达成 / 未达成) or ``None`` when the text does not
say (then a person must judge).  The rules, in order:

1. the actual equals the target, or repeats it (``同比上年持续影响`` vs ``持续影响``) → 达成;
2. the actual states failure (未完成, 流标, 延期 …) → 未达成;
3. the actual states partial achievement (基本完成, 部分完成, 正在 …) → 部分达成;
4. both are words of an ordinal scale (高/中/低, 好/坏, 优/良/中/差; a target printed as
   the whole scale, e.g. ``高中低``, asks for the best level) → compare the levels;
5. the actual states success (已完成, 效果明显, 有效, 全面 …) → 达成;
6. otherwise unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.model.memo import text_cache
from juesuan.model.normal import nfkc

NEGATIVE = (
    "未完成", "未达到", "未达成", "未实现", "未开展", "未按", "未能", "未到位", "流标",
    "没有", "无法", "延期", "滞后", "推迟", "不到位", "不足", "不达标", "不合格", "不满意",
)  # fmt: skip
PARTIAL = (
    "部分完成",
    "基本完成",
    "部分达到",
    "基本达到",
    "部分实现",
    "基本实现",
    "正在",
    "推进中",
    "进行中",
)
POSITIVE = (
    "已完成", "完成", "达到", "达成", "实现", "显著", "明显", "有效", "持续", "全面", "良好",
    "提高", "提升", "按时", "及时", "满意", "正常", "保障", "规范", "合规", "健全", "公开",
    "真实", "完整", "相关", "科学", "合理", "稳定", "减轻", "按期", "到位", "覆盖",
)  # fmt: skip
# Ordinal scale words, best = 4.
LEVELS: dict[str, int] = {
    "优": 4, "优秀": 4, "高": 4, "好": 4, "很好": 4, "显著": 4,
    "良": 3, "良好": 3, "较好": 3, "较高": 3, "明显": 3,
    "中": 2, "一般": 2, "合格": 2, "中等": 2, "较低": 2,
    "差": 1, "低": 1, "坏": 1, "较差": 1, "不合格": 1,
}  # fmt: skip
_SCALE_TOKENS = sorted(LEVELS, key=len, reverse=True)


@dataclass(frozen=True)
class Judgement:
    band: str | None  # 达成 / 部分达成 / 未达成, or None when unknown
    reason: str


_PUNCT = re.compile(r"[\s,.;:，。；：、!！?？\"'“”‘’]+")


@text_cache(4096)
def _norm(text: str) -> str:
    text = nfkc(text or "")
    return _PUNCT.sub("", text)


def _scale_words(text: str) -> list[str] | None:
    """Split ``高中低`` into scale words; None if the text is not made only of them."""
    words: list[str] = []
    rest = text
    while rest:
        for token in _SCALE_TOKENS:
            if rest.startswith(token):
                words.append(token)
                rest = rest[len(token) :]
                break
        else:
            return None
    return words or None


@text_cache(4096)
def judge(target_text: str, actual_text: str) -> Judgement:
    """Judge an actual text against a target text (see the module docstring)."""
    target, actual = _norm(target_text), _norm(actual_text)
    if not actual:
        return Judgement(None, "实际完成值为空")
    if actual == target or (len(target) >= 2 and target in actual):
        return Judgement("达成", "实际完成值与目标值一致")
    for word in NEGATIVE:
        if word in actual:
            return Judgement("未达成", f"实际完成值含“{word}”")
    for word in PARTIAL:
        if word in actual:
            return Judgement("部分达成", f"实际完成值含“{word}”")
    scale = _scale_level(target, actual)
    if scale is not None:
        return scale
    for word in POSITIVE:
        if word in actual:
            return Judgement("达成", f"实际完成值含“{word}”")
    return Judgement(None, "无法从文字判断是否达成，需人工核对")


def _scale_level(target: str, actual: str) -> Judgement | None:
    actual_words = _scale_words(actual)
    if actual_words is None or len(actual_words) != 1:
        return None
    word = actual_words[0]
    got = LEVELS[word]
    target_words = _scale_words(target) if target else None
    if target_words and len(target_words) >= 2 and word in target_words:
        # The target lists the scale (高中低, 好坏): best → 达成, worst → 未达成, else 部分达成.
        ranked = sorted(set(target_words), key=lambda w: LEVELS[w], reverse=True)
        pos = ranked.index(word)
        if pos == 0:
            return Judgement("达成", f"等级“{word}”为目标所列最高一档")
        if pos == len(ranked) - 1:
            return Judgement("未达成", f"等级“{word}”为目标所列最低一档")
        return Judgement("部分达成", f"等级“{word}”为目标所列中间档")
    wanted = max(LEVELS[w] for w in target_words) if target_words else 4
    if got >= wanted:
        return Judgement("达成", f"等级“{actual_words[0]}”不低于目标")
    if got == wanted - 1:
        return Judgement("部分达成", f"等级“{actual_words[0]}”低于目标一档")
    return Judgement("未达成", f"等级“{actual_words[0]}”低于目标两档及以上")


@text_cache(1024)
def is_positive_status(status: str | None) -> bool:
    """A 完成情况 column that says 完成 (and not 未完成 / 部分完成)."""
    s = _norm(status or "")
    return "完成" in s and not any(w in s for w in ("未完成", "部分完成", "基本完成"))
