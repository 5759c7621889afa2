"""The 资金情况 block of a 绩效自评表: header order, labelled or positional values.

A data row is read by column position when it lines up with its header (same label column,
every value under a field header, a percentage only under 执行率), keeping the empty cells
(a blank 年初预算数 must not shift the numbers after it); otherwise by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from juesuan.extract.perf_cells import Cells, has_percent, is_dash, is_number, key
from juesuan.model.memo import text_cache

FIELDS = ("initial", "annual", "arrived", "executed", "weight", "rate", "score")
STANDARD = ("annual", "executed", "weight", "rate", "score")

_FIELD_WORDS: tuple[tuple[str, str], ...] = (
    ("年初预算", "initial"),
    ("执行率", "rate"),
    ("执行进度", "rate"),
    ("到位", "arrived"),
    ("执行数", "executed"),
    ("资金执行情况", "executed"),
    ("预算安排情况", "annual"),
    ("全年预算数", "annual"),
    ("预算数", "annual"),
    ("分值", "weight"),
    ("得分", "score"),
)
_ROW_LABEL = re.compile(
    r"(年度资金总额|资金总额|预算总额|^预算数$|其中|财政拨款|财政资金|^其他|资金来源"
    r"|政府预算资金|财政专户|单位资金|上级补助|^[（(]\d+[)）])"
)
MAX_LABEL = 24


@text_cache(8192)
def field_of(text: str) -> str | None:
    """The funding field a header cell names (``全年预算数(A)`` → ``annual``)."""
    k = key(text)
    if len(k) > 16:
        return None
    for word, name in _FIELD_WORDS:
        if word in k:
            return name
    return None


@text_cache(8192)
def is_row_label(text: str) -> bool:
    k = key(text)
    return len(k) <= MAX_LABEL and bool(_ROW_LABEL.search(k))


def label_text(text: str) -> str:
    t = text.strip().rstrip(":：").strip()
    return "年度资金总额" if key(t) in ("预算数", "年度资金总额") else t


@dataclass
class FundingRow:
    label: str
    values: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class FundingHeader:
    """A funding header row: the field each column names and the column of the row labels."""

    columns: dict[int, str]
    label_col: int | None


def header_order(cells: Cells) -> list[str] | None:
    """The field order a funding header row gives, when it names at least two fields."""
    order: list[str] = []
    for _, c in cells:
        f = field_of(c.text)
        if f is not None and f not in order:
            order.append(f)
    return order if len(order) >= 2 else None


def header_layout(cells: Cells) -> FundingHeader | None:
    """Where a funding header row puts each field (column index), when it names two or more;
    the label column is the last non-field cell before the first field."""
    columns: dict[int, str] = {}
    label_col: int | None = None
    for index, c in cells:
        f = field_of(c.text)
        if f is None:
            if not columns:
                label_col = index
            continue
        if f in columns.values():
            return None  # a field named twice: not a plain one-row header
        columns[index] = f
    return FundingHeader(columns, label_col) if len(columns) >= 2 else None


def parse_funding_row(
    cells: Cells,
    order: list[str] | None,
    header: FundingHeader | None = None,
) -> tuple[FundingRow | None, list[str] | None]:
    """A funding data row and, when the row also names its fields, the order it implies."""
    texts = [c.text for _, c in cells]
    start = next((i for i, t in enumerate(texts) if is_row_label(t)), None)
    if start is None:
        return None, None
    label = texts[start]
    rest = texts[start + 1 :]
    row = FundingRow(label_text(label))
    standard = list(order) if order else list(STANDARD)
    labelled = any(field_of(t) is not None for t in rest) or field_of(label) is not None
    if labelled:
        implied = _labelled(row, label, rest, standard)
        return (row if row.values else None), implied
    value_cells = [(i, c.text) for i, c in cells[start + 1 :] if c.number or is_dash(c.text)]
    if not value_cells:
        return None, None
    if header is not None and _positional(row, cells[start][0], value_cells, header):
        return row, None
    _assign(row, [t for _, t in value_cells], standard)
    return row, None


def _positional(
    row: FundingRow, label_col: int, values: list[tuple[int, str]], header: FundingHeader
) -> bool:
    """Values by the header column they stand under; False when the row is not aligned."""
    if header.label_col is None or label_col != header.label_col:
        return False
    mapped: dict[str, str] = {}
    for index, text in values:
        name = header.columns.get(index)
        if name is None or (has_percent(text) and name != "rate"):
            return False
        mapped[name] = text
    for name, text in mapped.items():
        if not is_dash(text):
            row.values[name] = text
    return True


def _labelled(row: FundingRow, label: str, rest: list[str], standard: list[str]) -> list[str]:
    """``预算数 | 186 | 到位数 | 135 | 执行数 | 135 | 72.96``: labels name the next value."""
    pending: str | None = field_of(label)
    used: list[str] = []
    for text in rest:
        f = field_of(text)
        if f is not None and not (is_number(text) or is_dash(text)):
            pending = f
            continue
        if not (is_number(text) or is_dash(text)):
            continue
        target = pending
        if target is None or target in used:
            target = next((s for s in standard if s not in used and s not in row.values), None)
        if target is None:
            row.notes.append(f"多出的数值「{text}」无法对应栏目，已忽略")
            continue
        used.append(target)
        if not is_dash(text):
            row.values[target] = text
        pending = None
    return used


def _assign(row: FundingRow, values: list[str], order: list[str]) -> None:
    if len(values) == len(order):
        fields = order
    else:
        pct = next((i for i, v in enumerate(values) if has_percent(v)), None)
        if pct is not None:
            prefix = [f for f in ("initial", "annual", "executed", "weight") if f in order]
            if len(prefix) < pct:
                prefix = ["initial", "annual", "executed", "weight"]
            before = prefix[len(prefix) - pct :] if pct else []
            after = ["score"][: len(values) - pct - 1]
            fields = [*before, "rate", *after]
            if len(values) - pct - 1 > 1:
                row.notes.append("执行率之后的数值多于一个，只取得分")
        else:
            fields = order[: len(values)]
            if len(values) > len(order):
                row.notes.append(
                    f"资金行的数值个数（{len(values)}）多于表头栏目数（{len(order)}），多出的已忽略"
                )
    for name, text in zip(fields, values, strict=False):
        if not is_dash(text):
            row.values[name] = text
