"""P rules: performance self-evaluations, scored and checked by ``juesuan.perf``.

The codes, severities and explanations live with the scoring engine
(``juesuan.perf.rules.PERF_RULES``); this module registers them in the audit engine.  One
rule function (P0101) runs every check, and the other codes are registered as codes it
emits, so ``--select P0105`` or ``--ignore P0107`` work as for any rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.audit.context import AuditContext
from juesuan.audit.registry import note, rule
from juesuan.model.finding import Finding
from juesuan.perf.checks import check_evaluations
from juesuan.perf.rules import PERF_RULES

_MAIN = "P0101"

for _code, (_severity, _title, _explanation) in sorted(PERF_RULES.items()):
    if _code != _MAIN:
        note(
            code=_code,
            family="performance",
            severity=_severity,
            title=_title,
            explanation=_explanation,
        )

_severity, _title, _explanation = PERF_RULES[_MAIN]


@rule(
    code=_MAIN,
    family="performance",
    severity=_severity,
    title=_title,
    explanation=_explanation,
    emits=tuple(c for c in sorted(PERF_RULES) if c != _MAIN),
)
def performance(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.disclosure.evaluations or ctx.disclosure.evaluation_summary:
        yield from check_evaluations(ctx.disclosure)
