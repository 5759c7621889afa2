"""Benchmark: parsing the seed TXT documents and auditing them, against a raw baseline.

Not a test.  For each seed, best of N repetitions, each repetition as a new document meets
the pipeline: every text cache emptied (``juesuan.model.memo``), then

* raw:    read the file, decode it and split it into lines (the floor for any text parser);
* parse:  ``juesuan.extract.load_document`` (reader, sections, nine tables, claims);
* audit:  ``juesuan.audit.run`` on the model just parsed (every registered rule);
* e2e:    parse + audit of that repetition;
* warm:   parse again with the caches full (the same file twice: an upper bound on what
          caching can give, not a figure for new documents);
* gc700:  the cold parse again with CPython's default collector threshold (700).  The
          other columns run with the collector as the command line sets it
          (``juesuan.runtime.tune_gc``: young objects collected every 10,000 allocations);

prints milliseconds and the ratio parse/raw.  Targets: each seed parsed in ≤ 20 ms, an
audit in ≤ 10 ms.  The bundled examples are audited from their YAML the same way.

    .venv/bin/python bench/bench_text_audit.py [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from juesuan.audit import run
from juesuan.extract import load_document
from juesuan.model.disclosure import Disclosure
from juesuan.model.memo import clear_text_caches
from juesuan.runtime import interpreter, tune_gc
from juesuan.source import load_any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DEFAULT_GC = TUNED_GC = gc.get_threshold()


def raw(path: Path) -> int:
    return len(path.read_bytes().decode("utf-8", errors="replace").splitlines())


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def measure(path: Path, load: Callable[[Path], Disclosure], repeat: int) -> dict[str, float]:
    """Best time of each step over ``repeat`` cold repetitions (and the warm re-parse)."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        gc.set_threshold(*DEFAULT_GC)
        clear_text_caches()
        gc700 = timed(lambda: load(path))[0]
        gc.set_threshold(*TUNED_GC)
        clear_text_caches()
        step = {"raw": timed(lambda: raw(path))[0], "gc700": gc700}
        step["parse"], model = timed(lambda: load(path))
        assert isinstance(model, Disclosure)
        step["audit"], _ = timed(partial(run, model))
        step["e2e"] = step["parse"] + step["audit"]
        step["warm"], _ = timed(lambda: load(path))
        for key, value in step.items():
            best[key] = min(best.get(key, value), value)
    return best


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print("没有找到 ../shared/seeds", file=sys.stderr)
        return 1
    run(load_document(seeds[0]))  # warm up imports, catalog and rule registry
    global DEFAULT_GC, TUNED_GC
    DEFAULT_GC = tune_gc()  # as the command line does
    TUNED_GC = gc.get_threshold()
    print(f"interpreter: {interpreter()}")
    print(
        f"{'seed':28} {'raw ms':>7} {'parse ms':>9} {'ratio':>6} {'audit ms':>9} "
        f"{'e2e ms':>7} {'warm ms':>8} {'gc700 ms':>8} {'findings':>8}"
    )
    for path in seeds:
        t = measure(path, load_document, args.repeat)
        n = len(run(load_document(path)).findings)
        print(
            f"{path.name:28} {1000 * t['raw']:7.2f} {1000 * t['parse']:9.2f} "
            f"{t['parse'] / t['raw']:6.1f} {1000 * t['audit']:9.2f} {1000 * t['e2e']:7.2f} "
            f"{1000 * t['warm']:8.2f} {1000 * t['gc700']:8.2f} {n:8d}"
        )
    for example in sorted((ROOT / "examples").glob("*/disclosure.yaml")):
        t = measure(example, load_any, args.repeat)
        print(
            f"example {example.parent.name:20} load {1000 * t['parse']:6.2f} ms, "
            f"audit {1000 * t['audit']:6.2f} ms (target ≤ 10 ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
