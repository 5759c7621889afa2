"""Benchmark (not a test): build one disclosure in every format and print the timings.

    .venv/bin/python bench/bench_build.py [INPUT] [--repeat N]

Target: ≤ 3 s per disclosure for all formats in a warm process.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "examples" / "wuzhi-county-2024" / "disclosure.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from juesuan.publish.build import build
    from juesuan.source import load_any

    d = load_any(args.input)
    print(f"imports + load: {time.perf_counter() - t0:.2f} s")
    for i in range(args.repeat):
        out = Path(tempfile.mkdtemp(prefix="juesuan-bench-"))
        try:
            result = build(d, out, force=True)
        finally:
            shutil.rmtree(out, ignore_errors=True)
        parts = "  ".join(f"{k} {v:.2f}" for k, v in result.seconds.items() if k != "total")
        label = "cold" if i == 0 else "warm"
        print(f"run {i + 1} ({label}): total {result.seconds['total']:.2f} s   [{parts}]")


if __name__ == "__main__":
    main()
