"""Process settings for batch work: the garbage collector tuned for many short-lived objects;
which interpreter runs us (benchmarks print it: CPython builds differ by a quarter in speed).

Reading a document allocates tens of thousands of small objects (lines, cells, figures,
provenance) that die young and form no reference cycles.  With CPython's default
threshold the cyclic collector runs every 700 new container objects, about 70 times for
one seed document, and each run walks every young object: about 5 % of a parse.
:func:`tune_gc` moves everything loaded so far (modules, catalogs) out of the collector's
way and collects the young generation every 10,000 allocations instead.  Memory is not at
stake: cycles are still collected, a few thousand objects later.

The command line calls it once at start; a program that embeds juesuan may call it too.
"""

from __future__ import annotations

import gc
import platform
import sys
from pathlib import Path

GEN0_THRESHOLD = 10_000


def tune_gc() -> tuple[int, int, int]:
    """Freeze what is loaded and raise the young-generation threshold; returns the old
    thresholds (for :func:`gc.set_threshold`, to undo)."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(GEN0_THRESHOLD, old[0]), old[1], old[2])
    return old


def libpython_linked(maps: Path = Path("/proc/self/maps")) -> bool | None:
    """Whether this interpreter runs from a shared ``libpython`` (Linux); ``None`` elsewhere.

    A shared-library CPython (as pyenv builds it here) takes 15-30 % longer on a parse or an audit
    than a statically linked PGO/LTO build (Debian's ``/usr/bin/python3``)."""
    try:
        text = maps.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return "/libpython" in text


def interpreter() -> str:
    """One line naming the interpreter: implementation, version, path, how it is linked."""
    linked = libpython_linked()
    how = "" if linked is None else ("; shared libpython" if linked else "; static libpython")
    path = sys.executable
    real = str(Path(path).resolve())
    where = path if real == path else f"{path} -> {real}"
    return f"{platform.python_implementation()} {platform.python_version()} ({where}{how})"
