"""Header rows → one printed path per column, and printed paths → the spec's column keys.

Merged header cells are exported as one text followed by empty cells; an empty cell in an
upper header row continues the text on its left (inside the same parent group), an empty
cell in the last header row means the header above spans down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from juesuan.extract.norm import clean_label, norm
from juesuan.model.spec import Column
from juesuan.read.layout import Line

LABEL_WORDS = frozenset(
    {"项目", "科目代码", "科目名称", "科目编码", "功能分类科目编码", "行次", "栏次", "代码", "名称"}
)
SIDE_WORDS = frozenset({"收入", "支出"})
_TOTAL_ALIASES = frozenset({"合计", "小计"})


@dataclass(frozen=True)
class ColumnPath:
    index: int
    printed: tuple[str, ...]  # printed header texts, top to bottom

    @property
    def key_path(self) -> tuple[str, ...]:
        return tuple(norm(p) for p in self.printed)

    @property
    def leaf(self) -> str:
        return norm(self.printed[-1]) if self.printed else ""

    @property
    def printed_path(self) -> str:
        return "/".join(self.printed)


def column_paths(header_rows: Sequence[Line], width: int) -> list[ColumnPath]:
    paths: list[list[str]] = [[] for _ in range(width)]
    for r, row in enumerate(header_rows):
        texts = [clean_label(c.text) for c in row.cells[:width]]
        texts += [""] * (width - len(texts))
        texts = ["" if norm(t).isdigit() else t for t in texts]
        last = r == len(header_rows) - 1
        prev_text: str | None = None
        prev_parent: tuple[str, ...] | None = None
        for c in range(width):
            parent = tuple(paths[c])
            t = texts[c]
            if t:
                paths[c].append(t)
                prev_text, prev_parent = t, parent
            elif not last and prev_text is not None and parent == prev_parent:
                paths[c].append(prev_text)
            else:
                prev_text = None
    return [ColumnPath(i, tuple(p)) for i, p in enumerate(paths)]


def find_column(paths: Sequence[ColumnPath], *leaves: str) -> int | None:
    wanted = {norm(x) for x in leaves}
    for p in paths:
        if p.leaf in wanted:
            return p.index
    return None


def _value_path(path: ColumnPath) -> tuple[str, ...]:
    return tuple(p for p in path.key_path if p not in LABEL_WORDS and p not in SIDE_WORDS)


def map_columns(
    paths: Sequence[ColumnPath], spec_columns: Sequence[Column]
) -> tuple[dict[int, Column], list[ColumnPath]]:
    """Assign each value column to a spec column by its printed header path.

    The printed leaf must equal the spec leaf (合计 and 小计 count as the same word); a spec
    column whose group (e.g. 预算数) is missing from a printed path that has groups is
    rejected; the candidate matching most groups wins.  Returns the mapping and the
    columns whose header matched nothing.
    """
    specs = [(col, tuple(norm(x) for x in col.header.split("/"))) for col in spec_columns]
    used: set[str] = set()
    mapping: dict[int, Column] = {}
    unknown: list[ColumnPath] = []
    for path in paths:
        vp = _value_path(path)
        if not vp:
            continue
        leaf, parents = vp[-1], set(vp[:-1])
        best: tuple[int, int, int] | None = None
        chosen: Column | None = None
        for order, (col, sp) in enumerate(specs):
            s_leaf, s_parents = sp[-1], sp[:-1]
            exact = s_leaf == leaf
            if not exact and not (leaf in _TOTAL_ALIASES and s_leaf in _TOTAL_ALIASES):
                continue
            if parents and any(p not in parents for p in s_parents):
                continue
            score = (len(s_parents), int(exact), -order - (1000 if col.key in used else 0))
            if best is None or score > best:
                best, chosen = score, col
        if chosen is None or chosen.key in used:
            unknown.append(path)
            continue
        used.add(chosen.key)
        mapping[path.index] = chosen
    return mapping, unknown
