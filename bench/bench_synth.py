"""Benchmark: synthetic corpus generation (TXT) and parse + audit of the generated corpus.

Not a test.  Generates N documents (model, narrative, TXT rendering, noise, injected
errors) into a temporary folder, then parses and audits each of them; prints documents per
second for both stages and the audit's recall and false errors on the corpus.

    .venv/bin/python bench/bench_synth.py [-n 50] [--noise 1] [--inject-errors 2] [--seed 0]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from juesuan.synth.corpus import Score, audit_text, score_document, write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=50)
    ap.add_argument("--noise", type=int, default=1)
    ap.add_argument("--inject-errors", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_corpus(out / "warm", 1, seed=args.seed)  # imports, catalog, fonts
        t0 = time.perf_counter()
        docs = write_corpus(
            out / "corpus",
            args.n,
            seed=args.seed,
            noise=args.noise,
            inject_errors=args.inject_errors,
        )
        gen = time.perf_counter() - t0
        t0 = time.perf_counter()
        scores = [score_document(d, audit_text(d, out / "corpus")) for d in docs]
        audit = time.perf_counter() - t0
    score = Score(scores)
    print(f"documents: {args.n} (txt, noise {args.noise}, {args.inject_errors} errors each)")
    for label, seconds in (("generate+render+write", gen), ("parse+audit", audit)):
        rate, each = args.n / seconds, seconds * 1000 / args.n
        print(f"{label:22} {rate:8.1f} documents/s ({each:.1f} ms each)")
    print(
        f"audit recall {score.recall:.3f} ({score.detected}/{score.injected}), "
        f"error findings not explained by an injection: {score.false_errors}"
    )


if __name__ == "__main__":
    main()
