"""The audit engine: rules with stable codes over the disclosure model.

Public API::

    from juesuan.audit import run
    report = run(disclosure, select=["T", "X"], ignore=["T0001"])
    report.findings, report.counts, report.fails("error")

Rules are small functions registered with :func:`rule` (see :mod:`juesuan.audit.registry`);
sum identities use interval arithmetic on the printed precision
(:mod:`juesuan.audit.tolerance`).
"""

from juesuan.audit.config import AuditConfig, discover_config, load_config
from juesuan.audit.context import AuditContext, Cell
from juesuan.audit.engine import run
from juesuan.audit.registry import (
    FAMILY_LETTERS,
    FAMILY_ZH,
    Rule,
    all_rules,
    get_rule,
    note,
    rule,
)
from juesuan.audit.report import AuditReport
from juesuan.audit.tolerance import (
    Comparison,
    Interval,
    compare_equal,
    compare_le,
    compare_sides,
    compare_sum,
    interval,
    rate_holds,
    ratio_interval,
)

__all__ = [
    "FAMILY_LETTERS",
    "FAMILY_ZH",
    "AuditConfig",
    "AuditContext",
    "AuditReport",
    "Cell",
    "Comparison",
    "Interval",
    "Rule",
    "all_rules",
    "compare_equal",
    "compare_le",
    "compare_sides",
    "compare_sum",
    "discover_config",
    "get_rule",
    "interval",
    "load_config",
    "note",
    "rate_holds",
    "ratio_interval",
    "rule",
    "run",
]
