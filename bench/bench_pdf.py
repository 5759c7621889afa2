"""Benchmark: juesuan's PDF parse (read_pdf + extract_pdf) vs raw pypdfium2 extraction.

Not a test.  For each sample PDF, times in the same run

* raw:   pypdfium2 text page + full text + every character's box (``get_text_range`` and
         ``get_charbox`` for each character), page by page;
* read:  ``juesuan.read.pdf.read_pdf`` (characters, rules, grouping into lines/cells);
* parse: ``read_pdf`` + ``juesuan.extract.pdf_tables.extract_pdf`` (the whole parse),

best of N repetitions, and prints ms/page and the ratio parse/raw (target: ≤ 3).

    .venv/bin/python bench/bench_pdf.py [PDF ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from juesuan.extract.pdf_tables import extract_pdf
from juesuan.read.pdf import read_pdf
from juesuan.runtime import interpreter

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def raw_extract(path: Path) -> int:
    """What pypdfium2 alone does: every page's text and every character's box."""
    doc = pdfium.PdfDocument(str(path))
    total = 0
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            n = textpage.count_chars()
            boxes = [textpage.get_charbox(j) for j in range(n)]
            total += len(text) + len(boxes)
            textpage.close()
            page.close()
    finally:
        doc.close()
    return total


def best_interleaved(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best time of each function, runs interleaved so that machine noise hits all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, acc in zip(fns, times, strict=True):
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return [min(acc) for acc in times]


def _parse(path: Path) -> object:
    return extract_pdf(read_pdf(path))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    pdfs = args.pdfs or sorted(SAMPLES.glob("*.pdf"))
    if not pdfs:
        print("没有找到PDF样本", file=sys.stderr)
        return 1
    print(f"interpreter: {interpreter()}")
    head = ("file", "pages", "raw ms/p", "read ms/p", "parse ms/p", "ratio")
    print(f"{head[0]:40} {head[1]:>5} {head[2]:>9} {head[3]:>10} {head[4]:>11} {head[5]:>6}")
    worst = 0.0
    for path in pdfs:
        with pdfium.PdfDocument(str(path)) as doc:
            pages = len(doc)
        raw_extract(path)  # warm caches
        fns: list[Callable[[], object]] = [
            partial(raw_extract, path),
            partial(read_pdf, path),
            partial(_parse, path),
        ]
        t_raw, t_read, t_parse = best_interleaved(fns, args.repeat)
        ratio = t_parse / t_raw
        worst = max(worst, ratio)
        print(
            f"{path.name:40} {pages:5d} {1000 * t_raw / pages:9.2f} {1000 * t_read / pages:10.2f} "
            f"{1000 * t_parse / pages:11.2f} {ratio:6.2f}"
        )
    print(f"worst ratio parse/raw: {worst:.2f} (target ≤ 3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
