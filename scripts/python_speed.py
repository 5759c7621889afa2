"""Time a short pure-Python workload shaped like juesuan's parsing (small objects, string
methods, a regex, dict look-ups, calls); prints the best of seven runs in seconds.

Run by scripts/pick_python.sh with each candidate interpreter: CPython builds differ by
15-35 % on such code (a shared-library build without PGO against a static PGO/LTO one),
which no version number or build flag reliably tells.  Standard library only.
"""

import re
import time

_NUMBER = re.compile(r"(\d+)\.(\d+)")


class _Cell:
    __slots__ = ("no", "page", "text")

    def __init__(self, text: str, no: int, page: int | None = None) -> None:
        self.text = text
        self.no = no
        self.page = page


def _key(text: str) -> str:
    return text.replace(" ", "").strip()


def _parse(line: str, no: int) -> tuple[list[_Cell], dict[str, tuple[int, int] | None]]:
    cells = [_Cell(_key(p), no) for p in line.split("\t") if p]
    out: dict[str, tuple[int, int] | None] = {}
    for c in cells:
        m = _NUMBER.match(c.text)
        if m is not None:
            out[c.text] = (int(m.group(1)), len(m.group(2)))
        elif c.text.startswith(("合计", "小计")):
            out[c.text] = None
    return cells, out


_LINES = [f"合计\t1234.56\t 7.8 \t项目名称\t{i}.25" for i in range(2000)]


def _work() -> int:
    n = 0
    for no, line in enumerate(_LINES):
        cells, out = _parse(line, no)
        n += len(cells) + len(out)
    return n


def main() -> None:
    best = float("inf")
    for _ in range(7):
        t0 = time.perf_counter()
        _work()
        best = min(best, time.perf_counter() - t0)
    print(f"{best:.6f}")


if __name__ == "__main__":
    main()
