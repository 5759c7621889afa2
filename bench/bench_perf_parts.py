"""Benchmark: the performance-evaluation (绩效自评) parts of parsing and auditing, per seed.

Not a test.  For each seed, in the same run and best of N interleaved repetitions:

* raw:      read the file, decode it and split it into lines (the floor for any text parser);
* evals:    ``juesuan.extract.perf_tables.extract_evaluations`` on the read lines
            (regions, 自评表 rows, summary tables, the prose score list);
* recomp:   ``juesuan.perf.score.recompute`` of every evaluation;
* P rule:   ``juesuan.perf.checks.check_evaluations`` on the parsed model (recompute,
            evaluation/indicator checks, summary rows and the narrative's summary);

prints milliseconds and the ratio to ``raw``.  Targets on seed 002: evals ≤ 5 ms, P ≤ 2 ms.
Every text cache (``juesuan.model.memo``) is emptied before each timed run, as for a new
document; ``--warm`` keeps them (the same file parsed again).

    .venv/bin/python bench/bench_perf_parts.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from juesuan.extract import load_document
from juesuan.extract.context import Context
from juesuan.extract.perf_tables import extract_evaluations
from juesuan.model.disclosure import Disclosure
from juesuan.model.memo import clear_text_caches
from juesuan.perf.checks import check_evaluations
from juesuan.perf.score import recompute
from juesuan.read.layout import Line
from juesuan.read.text import read_text
from juesuan.runtime import interpreter

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def raw(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8", errors="replace").splitlines())


def evals(lines: list[Line], name: str, unit: str) -> int:
    found, summary = extract_evaluations(lines, Context(name), unit_name=unit)
    return len(found) + len(summary)


def recomputed(model: Disclosure) -> int:
    return len([recompute(e) for e in model.evaluations])


def p_rule(model: Disclosure) -> int:
    return len(check_evaluations(model))


def best(fns: list[Callable[[], object]], repeat: int, cold: bool = True) -> list[float]:
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, acc in zip(fns, times, strict=True):
            if cold:
                clear_text_caches()
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return [min(acc) for acc in times]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--warm", action="store_true", help="keep the text caches between runs")
    args = ap.parse_args(argv)
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print("没有找到 ../shared/seeds", file=sys.stderr)
        return 1
    print(f"interpreter: {interpreter()}")
    print(
        f"{'seed':28} {'raw ms':>7} {'evals ms':>9} {'ratio':>6} {'recomp ms':>10} "
        f"{'P ms':>7} {'ratio':>6} {'evals':>5} {'P findings':>10}"
    )
    for path in seeds:
        model = load_document(path)
        lines = read_text(path).lines
        unit = model.meta.unit_name
        t_raw, t_evals, t_recomp, t_p = best(
            [
                partial(raw, path),
                partial(evals, lines, path.name, unit),
                partial(recomputed, model),
                partial(p_rule, model),
            ],
            args.repeat,
            cold=not args.warm,
        )
        print(
            f"{path.name:28} {1000 * t_raw:7.2f} {1000 * t_evals:9.2f} {t_evals / t_raw:6.1f} "
            f"{1000 * t_recomp:10.2f} {1000 * t_p:7.2f} {t_p / t_raw:6.1f} "
            f"{len(model.evaluations):5d} {p_rule(model):10d}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
