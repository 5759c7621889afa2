"""Benchmark: parsing the seed TXT documents and auditing them, against a raw baseline.

Not a test.  For each seed (and each bundled example for the audit), in the same run:

* raw:    read the file, decode it and split it into lines (the floor for any text parser);
* parse:  ``juesuan.extract.load_document`` (reader, sections, nine tables, claims), cold:
          every text cache emptied before each run (``juesuan.model.memo``), as for a new
          document; "warm" is the same file parsed again with the caches full;
* audit:  ``juesuan.audit.run`` on the parsed model (every registered rule);
* e2e:    parse + audit,

best of N interleaved repetitions; prints milliseconds and the ratios parse/raw.  Targets:
each seed parsed in ≤ 20 ms, an audit in ≤ 10 ms.

    .venv/bin/python bench/bench_text_audit.py [--repeat N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from juesuan.audit import run
from juesuan.extract import load_document
from juesuan.model.memo import clear_text_caches
from juesuan.source import load_any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def raw(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8", errors="replace").splitlines())


def best(fns: list[Callable[[], object]], repeat: int, cold: tuple[bool, ...] = ()) -> list[float]:
    """Best of ``repeat`` interleaved runs; ``cold[i]`` empties the text caches before fn i."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for i, (fn, acc) in enumerate(zip(fns, times, strict=True)):
            if i < len(cold) and cold[i]:
                clear_text_caches()
            t0 = time.perf_counter()
            fn()
            acc.append(time.perf_counter() - t0)
    return [min(acc) for acc in times]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print("没有找到 ../shared/seeds", file=sys.stderr)
        return 1
    run(load_document(seeds[0]))  # warm up imports and rule registry
    print(
        f"{'seed':28} {'raw ms':>7} {'parse ms':>9} {'ratio':>6} {'warm ms':>8} {'audit ms':>9} "
        f"{'e2e ms':>7} {'findings':>8}"
    )
    for path in seeds:
        model = load_document(path)
        t_raw, t_parse, t_warm, t_audit = best(
            [
                partial(raw, path),
                partial(load_document, path),
                partial(load_document, path),
                partial(run, model),
            ],
            args.repeat,
            cold=(False, True, False, False),
        )
        n = len(run(model).findings)
        print(
            f"{path.name:28} {1000 * t_raw:7.2f} {1000 * t_parse:9.2f} {t_parse / t_raw:6.1f} "
            f"{1000 * t_warm:8.2f} {1000 * t_audit:9.2f} {1000 * (t_parse + t_audit):7.2f} {n:8d}"
        )
    for example in sorted((ROOT / "examples").glob("*/disclosure.yaml")):
        model = load_any(example)
        (t_audit,) = best([partial(run, model)], args.repeat)
        print(f"audit {example.parent.name:22} {1000 * t_audit:7.2f} ms (target ≤ 10 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
