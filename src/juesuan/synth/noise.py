"""Noise that makes a clean TXT look like a real exported document, never changing a value.

Levels (each includes the previous ones):

0. none: the publisher's TXT as it is;
1. thousands separators dropped in some tables (others keep ``2,619.78``), tables split
   across "pages" with the title, meta and header lines repeated;
2. numbers wrapped inside cells (``3. 34``, ``5.0 0``), HTML tags (``<b>合计</b>``),
   Markdown headings (``# 收入决算表``, ``## **一、…**``), blank lines inside tables;
3. one table printed twice, full-width digits in some cells.
"""

from __future__ import annotations

import random
import re

from juesuan.synth.textdoc import TLine

_NUM = re.compile(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")
_BOLD_LABELS = ("合计", "总计", "本年收入合计", "本年支出合计", "人员经费合计")
_FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
MAX_LEVEL = 3


def apply(lines: list[TLine], level: int, rng: random.Random) -> list[TLine]:
    if level <= 0:
        return list(lines)
    out = _separators(lines, rng)
    out = _page_splits(out, rng)
    if level >= 2:
        out = _cells(out, rng, wrap=0.06)
        out = _markup(out, rng)
        out = _blank_rows(out, rng)
    if level >= 3:
        out = _duplicate_table(out, rng)
        out = _cells(out, rng, fullwidth=0.05)
    return out


def _map_cells(line: TLine, f: object) -> TLine:
    assert callable(f)
    return line.with_text("\t".join(f(c) for c in line.text.split("\t")))


def _separators(lines: list[TLine], rng: random.Random) -> list[TLine]:
    tables = sorted({t.table for t in lines if t.kind == "body" and t.table})
    plain = {t for t in tables if rng.random() < 0.5}
    return [
        _map_cells(t, lambda c: c.replace(",", "") if _NUM.match(c) else c)
        if t.kind == "body" and t.table in plain
        else t
        for t in lines
    ]


def _page_splits(lines: list[TLine], rng: random.Random) -> list[TLine]:
    out: list[TLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.kind != "title" or line.table is None:
            out.append(line)
            i += 1
            continue
        j = i
        while (
            j < len(lines)
            and lines[j].table == line.table
            and not (j > i and lines[j].kind == "title")
        ):
            j += 1
        block = lines[i:j]
        body = [k for k, t in enumerate(block) if t.kind == "body"]
        if len(body) >= 10 and rng.random() < 0.7:
            cut = body[rng.randint(3, len(body) - 3)]
            repeat = [
                TLine(t.text, t.kind, t.table, t.index, copy=True)
                for t in block
                if t.kind in ("title", "meta", "header")
            ]
            block = [*block[:cut], TLine(""), *repeat, *block[cut:]]
        out.extend(block)
        i = j
    return out


def _wrap(cell: str, rng: random.Random) -> str:
    if not _NUM.match(cell):
        return cell
    whole, _, frac = cell.partition(".")
    if rng.random() < 0.5:
        return f"{whole}. {frac}"  # 3. 34
    return f"{whole}.{frac[0]} {frac[1]}"  # 5.0 0


def _cells(
    lines: list[TLine], rng: random.Random, wrap: float = 0.0, fullwidth: float = 0.0
) -> list[TLine]:
    def one(c: str) -> str:
        if wrap and rng.random() < wrap:
            return _wrap(c, rng)
        if fullwidth and _NUM.match(c) and rng.random() < fullwidth:
            return c.translate(_FULL)
        return c

    return [_map_cells(t, one) if t.kind == "body" else t for t in lines]


def _markup(lines: list[TLine], rng: random.Random) -> list[TLine]:
    out: list[TLine] = []
    titles = rng.random() < 0.7
    headings = rng.random() < 0.7
    for t in lines:
        if t.kind == "title" and titles:
            out.append(t.with_text(f"# {t.text}"))
        elif t.kind == "heading" and headings:
            out.append(t.with_text(f"## **{t.text}**"))
        elif t.kind == "other" and t.text.startswith("第") and "部分" in t.text[:5] and headings:
            out.append(t.with_text(f"## {t.text}"))
        elif t.kind == "body" and rng.random() < 0.5:
            out.append(_map_cells(t, lambda c: f"<b>{c}</b>" if c.strip() in _BOLD_LABELS else c))
        else:
            out.append(t)
    return out


def _blank_rows(lines: list[TLine], rng: random.Random) -> list[TLine]:
    out: list[TLine] = []
    for k, t in enumerate(lines):
        out.append(t)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (
            t.kind == "body"
            and nxt is not None
            and nxt.kind == "body"
            and nxt.table == t.table
            and rng.random() < 0.04
        ):
            out.append(TLine(""))
    return out


def _duplicate_table(lines: list[TLine], rng: random.Random) -> list[TLine]:
    keys = [t.table for t in lines if t.kind == "title" and t.table in ("02", "03", "05")]
    if not keys:
        return lines
    key = rng.choice(keys)
    start = next(k for k, t in enumerate(lines) if t.kind == "title" and t.table == key)
    end = start
    while end < len(lines) and (lines[end].table == key or lines[end].text == ""):
        if end > start and lines[end].kind == "title" and not lines[end].copy:
            break
        end += 1
    copy = [TLine(t.text, t.kind, t.table, t.index, copy=True) for t in lines[start:end]]
    return [*lines[:end], TLine(""), *copy, *lines[end:]]
