from __future__ import annotations

import gc
import platform
import sys
from pathlib import Path

from juesuan.runtime import GEN0_THRESHOLD, interpreter, libpython_linked, tune_gc


def test_tune_gc_raises_the_young_threshold_and_keeps_the_older_ones() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 7, 9)
        assert tune_gc() == (700, 7, 9)
        assert gc.get_threshold() == (GEN0_THRESHOLD, 7, 9)
        assert gc.get_freeze_count() > 0
        assert tune_gc() == (GEN0_THRESHOLD, 7, 9)  # twice: no change
        assert gc.get_threshold() == (GEN0_THRESHOLD, 7, 9)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_libpython_linked_reads_the_process_memory_map(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.write_text(
        "7f00-7f01 r-xp 0 08:01 1 /root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0\n"
    )
    static = tmp_path / "static"
    static.write_text("5600-5601 r-xp 0 08:01 2 /usr/bin/python3.11\n")
    assert libpython_linked(shared) is True
    assert libpython_linked(static) is False
    assert libpython_linked(tmp_path / "absent") is None


def test_interpreter_names_version_and_path() -> None:
    line = interpreter()
    assert line.startswith(f"{platform.python_implementation()} {platform.python_version()} (")
    assert sys.executable in line
