"""``check_evaluations(disclosure) -> list[Finding]``: every P01xx check on a disclosure.

Each evaluation is recomputed under its profile (``--profile`` overrides; else the
evaluation's own ``profile``; else ``national``) and checked; then the summary rows
(项目自评汇总表) and the narrative's counts and averages are checked against them.
Rule codes, severities and explanations: :data:`juesuan.perf.rules.PERF_RULES`.
"""

from __future__ import annotations

from juesuan.model.disclosure import Disclosure
from juesuan.model.finding import Finding
from juesuan.model.perf import Evaluation
from juesuan.perf.evaluation_checks import check_evaluation_level
from juesuan.perf.indicator_checks import check_indicators
from juesuan.perf.profile import PerfProfile, load_profile
from juesuan.perf.rules import PERF_RULES
from juesuan.perf.score import ScoredEvaluation, recompute
from juesuan.perf.summary_checks import check_performance_summary, check_summary_rows

__all__ = ["PERF_RULES", "check_evaluation", "check_evaluations", "check_scored"]


def check_scored(scored: ScoredEvaluation) -> list[Finding]:
    """All evaluation- and indicator-level findings for one recomputed evaluation."""
    return [*check_evaluation_level(scored), *check_indicators(scored)]


def check_evaluation(evaluation: Evaluation, profile: PerfProfile | None = None) -> list[Finding]:
    return check_scored(recompute(evaluation, profile))


def check_evaluations(disclosure: Disclosure, profile: PerfProfile | None = None) -> list[Finding]:
    """Recompute and check every evaluation, the summary rows and the stated summary."""
    scored = [recompute(e, profile) for e in disclosure.evaluations]
    findings: list[Finding] = []
    for s in scored:
        findings.extend(check_scored(s))
    projects = [s for s in scored if s.evaluation.kind == "project"]
    summary_profile = profile or (projects[0].profile if projects else load_profile())
    findings.extend(check_summary_rows(disclosure.evaluation_summary, projects, summary_profile))
    findings.extend(check_performance_summary(disclosure, projects, summary_profile))
    return findings
