from __future__ import annotations

import gc

from juesuan.runtime import GEN0_THRESHOLD, tune_gc


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
