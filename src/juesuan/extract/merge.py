"""Tables split across pages, and tables printed twice.

A fragment continues the previous block of the same table when it follows it directly,
the previous block has no notes yet (notes close a table), its header repeats the first
one's (or is absent) and its rows are new.  Otherwise a second block of the same table is a
copy, compared after parsing: the first copy is kept and the copy is reported.
"""

from __future__ import annotations

import re

from juesuan.extract.blocks import Block
from juesuan.extract.norm import norm

_FIGURE = re.compile(r"^[-+(]?\d[\d,]*\.\s*\d+\)?$")


def _signature(block: Block) -> set[tuple[str, ...]]:
    """Row identities without their figures (labels, codes and 行次 only)."""
    out: set[tuple[str, ...]] = set()
    for line in block.data_rows:
        sig = tuple(n for n in (norm(c) for c in line.filled) if not _FIGURE.match(n))
        if sig:
            out.add(sig)
    return out


def _header_text(block: Block) -> list[tuple[str, ...]]:
    return [tuple(norm(c.text) for c in line.cells if c.text.strip()) for line in block.header_rows]


def merge_fragments(blocks: list[Block]) -> tuple[list[Block], list[tuple[Block, Block]]]:
    """Blocks with continuations merged in, and (first, copy) pairs of repeated tables."""
    kept: list[Block] = []
    copies: list[tuple[Block, Block]] = []
    latest: dict[str, Block] = {}
    for block in blocks:
        if block.table_id is None:
            continue
        prev = latest.get(block.table_id)
        if prev is None:
            kept.append(block)
            latest[block.table_id] = block
            block.fragments.append(block.first_line)
            continue
        adjacent = kept[-1] is prev
        same_header = not block.header_rows or _header_text(block) == _header_text(prev)
        if (
            adjacent
            and not prev.notes
            and same_header
            and not (_signature(prev) & _signature(block))
        ):
            prev.rows.extend(block.rows)
            prev.data_rows.extend(block.data_rows)
            prev.notes = block.notes
            prev.fragments.append(block.first_line)
            continue
        copies.append((prev, block))
    return kept, copies
