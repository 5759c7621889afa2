"""Performance self-evaluations (绩效自评): profiles, scoring, checks and monitoring.

- :func:`juesuan.perf.profile.load_profile`, :func:`~juesuan.perf.profile.list_profiles`
- :func:`juesuan.perf.score.recompute` → :class:`~juesuan.perf.score.ScoredEvaluation`
- :func:`juesuan.perf.checks.check_evaluations` → findings; rules in
  :data:`juesuan.perf.rules.PERF_RULES`
- :func:`juesuan.perf.monitor.monitor` → :class:`~juesuan.perf.monitor.MonitorResult`
"""

from juesuan.perf.checks import check_evaluation, check_evaluations
from juesuan.perf.monitor import MonitorResult, monitor
from juesuan.perf.profile import PerfProfile, list_profiles, load_profile
from juesuan.perf.rules import PERF_RULES
from juesuan.perf.score import ScoredEvaluation, recompute

__all__ = [
    "PERF_RULES",
    "MonitorResult",
    "PerfProfile",
    "ScoredEvaluation",
    "check_evaluation",
    "check_evaluations",
    "list_profiles",
    "load_profile",
    "monitor",
    "recompute",
]
