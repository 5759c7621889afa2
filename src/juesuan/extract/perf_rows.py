"""One indicator row of a 绩效自评表: by column position when the row is aligned with its
header, else by content (the exports shift cells, glue operators to values and lose cells).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from juesuan.extract.perf_cells import (
    STATUS_WORDS,
    Cell,
    Cells,
    cell,
    has_percent,
    is_level1,
    is_level2,
    is_number,
    looks_like_name,
    operator_of,
    split_op_prefix,
    split_weight_op,
    strip_label_prefix,
)

NAME_FIELDS = ("l1", "l2", "l3")


@dataclass
class IndicatorHeader:
    """Where the header puts each field (column index) and which fields the table has."""

    cols: dict[str, int]
    # Derived from ``cols`` once (a row is read against its header many times):
    by_col: dict[int, str] = field(init=False, repr=False, compare=False)  # column → field
    first: int = field(init=False, repr=False, compare=False)  # leftmost field column
    positional: bool = field(init=False, repr=False, compare=False)  # 三级指标, 分值, 得分
    weight_first: bool = field(init=False, repr=False, compare=False)  # 分值 before 指标值
    has_desc: bool = field(init=False, repr=False, compare=False)  # has("desc") …
    has_reason: bool = field(init=False, repr=False, compare=False)
    has_status: bool = field(init=False, repr=False, compare=False)
    has_dev: bool = field(init=False, repr=False, compare=False)
    has_score: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        cols = self.cols
        self.by_col = {v: k for k, v in cols.items()}
        self.first = min(cols.values(), default=0)
        self.positional = {"weight", "score", "l3"} <= cols.keys()
        w, t = cols.get("weight"), cols.get("target")
        self.weight_first = w is None or t is None or w < t
        self.has_desc = "desc" in cols
        self.has_reason = "reason" in cols
        self.has_status = "status" in cols
        self.has_dev = "dev" in cols
        self.has_score = "score" in cols

    def has(self, name: str) -> bool:
        return name in self.cols


_HEADER_WORDS: tuple[tuple[str, str], ...] = (
    ("一级指标", "l1"),
    ("二级指标", "l2"),
    ("三级指标", "l3"),
    ("指标说明", "desc"),
    ("偏差度", "dev"),
    ("原因", "reason"),
    ("实际", "actual"),
    ("完成值", "actual"),
    ("指标值", "target"),
    ("完成情况", "status"),
    ("分值", "weight"),
    ("权重", "weight"),
    ("得分", "score"),
)


HEADER_MARKS = frozenset({"一级指标", "三级指标"})  # a key of every indicator header


def indicator_header(cells: Cells, keys: list[str] | None = None) -> IndicatorHeader | None:
    """The header row of the indicator block (一级指标 … 得分), else None.  ``keys``: the
    cells' keys when the caller has them."""
    if keys is None:
        keys = [c.key for _, c in cells]
    if HEADER_MARKS.isdisjoint(keys):
        return None
    cols: dict[str, int] = {}
    for (index, _), k in zip(cells, keys, strict=True):
        for word, name in _HEADER_WORDS:
            if word in k:
                cols.setdefault(name, index)
                break
    return IndicatorHeader(cols)


@dataclass
class RawIndicator:
    """An indicator row as printed, before levels are carried down."""

    l1: str = ""
    l2: str = ""
    l3: str = ""
    desc: str = ""
    weight: str = ""
    operator: str | None = None
    target: str = ""
    unit: str | None = None
    actual: str = ""
    status: str | None = None
    score: str = ""
    dev: str = ""
    reason: str = ""
    dropped: list[str] = field(default_factory=list)  # category words that did not fit
    positional: bool = False


def parse_indicator_row(cells: Cells, header: IndicatorHeader) -> RawIndicator | None:
    """Read one indicator row; None when the row has no indicator content."""
    raw = _positional(cells, header)
    if raw is None:
        raw = _by_content(cells, header)
    if raw is None:
        return None
    _split_operators(raw)
    return raw


# --- by position --------------------------------------------------------------------
def _positional(cells: Cells, header: IndicatorHeader) -> RawIndicator | None:
    if not header.positional:
        return None
    by_col, first = header.by_col, header.first
    # Aligned first (a quick test): every cell under a field, but the row label before them.
    for index, c in cells:
        if index not in by_col and not (index < first and c.key == "绩效指标"):
            return None
    found: dict[str, str] = {}
    for index, c in cells:
        name = by_col.get(index)
        if name is None:
            continue
        text = c.text
        if name in NAME_FIELDS:
            text = strip_label_prefix(text)
            if not looks_like_name(text):
                return None
        elif name in ("weight", "score"):
            if not c.weight or c.percent:
                return None
        elif name == "dev":
            if not c.number:
                return None
        elif name == "status" and c.key not in STATUS_WORDS:
            return None
        found[name] = text
    if not (found.get("l3") or found.get("l2")) or not (found.get("weight") or found.get("score")):
        return None
    raw = RawIndicator(positional=True)
    for name, text in found.items():
        setattr(raw, name, text)
    return raw


# --- by content ---------------------------------------------------------------------
def _by_content(cells: Cells, header: IndicatorHeader) -> RawIndicator | None:
    texts = [c for _, c in cells if c.plain]  # a plain cell is its own content
    if len(texts) != len(cells):
        texts = [x for _, c in cells if (x := c if c.plain else _content(c)) is not None]
    if not texts:
        return None
    if header.weight_first:
        return _weight_first(texts, header)
    return _target_first(texts, header)


def _content(c: Cell) -> Cell | None:
    """A cell as content (the row label glued to it removed); None for a row label."""
    if c.section and not is_level1(c.text):
        return None
    text = strip_label_prefix(c.text)
    return c if text is c.text else cell(text)


def _weight_first(texts: list[Cell], header: IndicatorHeader) -> RawIndicator | None:
    """一级 二级 三级 [说明] 分值 [符号] 指标值 [单位] 实际值 [完成情况] 得分 [原因]."""
    w = 0
    for t in texts:
        if t.weight:
            break
        w += 1
    else:
        return None
    raw = RawIndicator(weight=t.text)
    _assign_names(raw, [t.text for t in texts[:w]], header.has_desc)
    rest = texts[w + 1 :]
    if header.has_reason and len(rest) >= 2 and not rest[-1].number and rest[-2].number:
        raw.reason = rest.pop().text
    if rest and rest[-1].number:
        raw.score = rest.pop().text
    if rest and rest[-1].key in STATUS_WORDS and header.has_status:
        raw.status = rest.pop().text
    if rest and rest[0].op is not None:
        raw.operator = rest.pop(0).op
    _target_actual(raw, rest)
    return raw


def _target_first(texts: list[Cell], header: IndicatorHeader) -> RawIndicator | None:
    """一级 二级 三级 指标值 实际值 分值 得分 [偏差度] [原因] (部门整体自评表)."""
    rest = list(texts)
    raw = RawIndicator()
    if len(rest) >= 2 and not rest[-1].number and rest[-2].number and header.has_reason:
        raw.reason = rest.pop().text
    if header.has_dev and rest and rest[-1].number and rest[-1].percent:
        raw.dev = rest.pop().text
    if rest and rest[-1].weight:
        raw.score = rest.pop().text
    if rest and rest[-1].weight:
        raw.weight = rest.pop().text
    if not raw.weight and not raw.score:
        return None
    if rest:
        raw.actual = rest.pop().text
    if rest:
        raw.target = rest.pop().text
    _assign_names(raw, [t.text for t in rest], False)
    return raw


def _assign_names(raw: RawIndicator, names: list[str], has_desc: bool) -> None:
    names = [n for n in names if n]
    if has_desc and names:
        if len(names) >= 4:
            raw.l1, raw.l2, raw.l3 = names[0], names[1], names[2]
            raw.desc = " ".join(names[3:])
            return
        if len(names) == 3:
            if is_level1(names[0]) and is_level2(names[1]):
                raw.l1, raw.l2, raw.l3 = names
            else:
                raw.l2, raw.l3, raw.desc = names
        elif len(names) == 2:
            if is_level2(names[0]):
                raw.l2, raw.l3 = names
            else:
                raw.l3, raw.desc = names
        else:
            raw.l3 = names[0]
        return
    # No 说明 column: names are right-aligned under 一级 / 二级 / 三级.
    if len(names) > 3:
        raw.dropped.extend(names[:-3])
        names = names[-3:]
    if len(names) == 2 and is_level1(names[0]):
        raw.l1, raw.l3 = names
        return
    slots = ["l1", "l2", "l3"][-len(names) :] if names else []
    for slot, name in zip(slots, names, strict=True):
        setattr(raw, slot, name)
    if raw.l1 and not is_level1(raw.l1) and is_level2(raw.l1):
        # A 二级 name in the 一级 column: a shifted row (the 一级 cell is merged above).
        raw.dropped.append(raw.l1)
        raw.l1 = ""


def _target_actual(raw: RawIndicator, tokens: list[Cell]) -> None:
    """Group ``值 | 单位`` cells and split what is left into target and actual."""
    grouped: list[str] = []
    unit: str | None = None
    for tok in tokens:
        text = tok.text
        if tok.number and " " in text:
            text = text.replace(" ", "")  # a wrapped number: "39.4 1" → "39.41"
            tok = cell(text)
        if tok.unit:
            if grouped and is_number(grouped[-1]) and not has_percent(grouped[-1]):
                grouped[-1] = f"{grouped[-1]} {text}"
                if unit is None and len(grouped) == 1:
                    unit = text
                continue
            if not grouped:
                unit = text  # a target printed as its unit only (value cell lost)
                continue
        grouped.append(text)
    if unit is not None:
        raw.unit = "%" if has_percent(unit) else unit
    if not grouped:
        return
    raw.actual = grouped[-1]
    before: list[str] = []
    for text in grouped[:-1]:
        if not before or before[-1] != text:
            before.append(text)
    raw.target = " ".join(before)


def _split_operators(raw: RawIndicator) -> None:
    """``10.00≥`` in the 分值 cell and ``≥95%`` in the 指标值 cell carry the operator."""
    if raw.weight:
        weight, op = split_weight_op(raw.weight)
        raw.weight = weight
        if op and raw.operator is None:
            raw.operator = op
    if raw.target:
        op2, rest = split_op_prefix(raw.target)
        if op2 is not None:
            raw.target = rest
            if raw.operator is None:
                raw.operator = op2
        elif operator_of(raw.target) == "文字描述":
            raw.operator, raw.target = "文字描述", ""
