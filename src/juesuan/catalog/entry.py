"""The catalog entry model and code helpers (level, parent, kind from a code)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Kind = Literal["function", "economic"]
Level = Literal["类", "款", "项"]
Source = Literal["official", "observed", "recalled"]

KINDS: tuple[Kind, ...] = ("function", "economic")
SOURCES: tuple[Source, ...] = ("official", "observed", "recalled")
SOURCE_RANK: dict[Source, int] = {"official": 3, "observed": 2, "recalled": 1}
SOURCE_LABELS: dict[Source, str] = {
    "official": "官方科目文本",
    "observed": "已公开表格所见",
    "recalled": "维护者记忆（未核实）",
}
KIND_LABELS: dict[Kind, str] = {"function": "支出功能分类", "economic": "部门预算支出经济分类"}

_LEVEL_BY_LENGTH: dict[int, Level] = {3: "类", 5: "款", 7: "项"}
_LENGTHS: dict[Kind, tuple[int, ...]] = {"function": (3, 5, 7), "economic": (3, 5)}
_FIRST_DIGIT: dict[Kind, str] = {"function": "2", "economic": "3"}


class CatalogEntry(BaseModel):
    """One version of one classification code."""

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    level: Level
    parent: str | None
    valid_from: int
    valid_to: int | None
    source: Source
    note: str = ""
    kind: Kind

    def valid_in(self, year: int) -> bool:
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)

    def overlaps(self, other: CatalogEntry) -> bool:
        end = self.valid_to if self.valid_to is not None else 10**6
        other_end = other.valid_to if other.valid_to is not None else 10**6
        return self.valid_from <= other_end and other.valid_from <= end

    @property
    def years_label(self) -> str:
        """Validity in Chinese: 2019年起 / 2023–2024年 / 2024年."""
        if self.valid_to is None:
            return f"{self.valid_from}年起"
        if self.valid_to == self.valid_from:
            return f"{self.valid_from}年"
        return f"{self.valid_from}–{self.valid_to}年"


def kind_of_code(code: str) -> Kind | None:
    """The classification a code belongs to, or None if it fits neither."""
    if not code.isascii() or not code.isdigit():
        return None
    for kind in KINDS:
        if len(code) in _LENGTHS[kind] and code.startswith(_FIRST_DIGIT[kind]):
            return kind
    return None


def level_of_code(code: str) -> Level:
    return _LEVEL_BY_LENGTH[len(code)]


def parent_of_code(code: str) -> str | None:
    return code[:-2] if len(code) > 3 else None


def code_problem(code: str, kind: Kind | None = None) -> str | None:
    """A Chinese description of what is wrong with a code, or None if it is well formed."""
    if not code.isascii() or not code.isdigit():
        return f"科目编码“{code}”不是数字"
    found = kind_of_code(code)
    if found is None:
        return (
            f"科目编码“{code}”的位数或首位数字不对：支出功能分类为2开头的3/5/7位，"
            "经济分类为3开头的3/5位"
        )
    if kind is not None and found != kind:
        return f"科目编码“{code}”属于{KIND_LABELS[found]}，不是{KIND_LABELS[kind]}"
    return None


def make_entry(
    code: str,
    name: str,
    valid_from: int,
    valid_to: int | None,
    source: Source,
    note: str = "",
) -> CatalogEntry:
    """Build an entry for a well-formed code, deriving level, parent and kind."""
    kind = kind_of_code(code)
    if kind is None:
        raise ValueError(f"malformed code {code!r}")
    return CatalogEntry(
        code=code,
        name=name,
        level=level_of_code(code),
        parent=parent_of_code(code),
        valid_from=valid_from,
        valid_to=valid_to,
        source=source,
        note=note,
        kind=kind,
    )
