"""Run the registered rules over a disclosure."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from juesuan.audit.config import AuditConfig, make_selector, normalise_selectors, validate_selectors
from juesuan.audit.context import AuditContext
from juesuan.audit.registry import INTERNAL_ERROR_CODE, all_rules, load_errors
from juesuan.audit.report import AuditReport
from juesuan.model.disclosure import Disclosure
from juesuan.model.finding import Finding
from juesuan.model.provenance import Prov

if TYPE_CHECKING:
    from juesuan.catalog import Catalog


def run(
    disclosure: Disclosure,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    config: AuditConfig | None = None,
    *,
    catalog: Catalog | None = None,
    raise_errors: bool = False,
) -> AuditReport:
    """Audit one disclosure.

    ``select``/``ignore`` take codes, prefixes (``"T"``, ``"X01"``) or family names and
    apply on top of ``config`` (``select`` replaces the configured selection, ``ignore``
    adds to it).  A rule that crashes is reported as ``F0001`` unless ``raise_errors``.
    ``catalog`` overrides the classification catalog (default: built-in plus the user's).
    """
    cfg = (config or AuditConfig()).merged(
        select=normalise_selectors(select) if select is not None else None,
        ignore=normalise_selectors(ignore) if ignore is not None else None,
    )
    if cfg.select is not None:
        validate_selectors(cfg.select)
    validate_selectors(cfg.ignore)
    enabled = make_selector(cfg.select, cfg.ignore)
    ctx = AuditContext(disclosure, cfg, catalog_override=catalog)
    findings: list[Finding] = []
    ran: list[str] = []
    for module, error in load_errors():
        if raise_errors:
            raise RuntimeError(f"rule module {module} failed to import: {error}")
        findings.append(
            Finding(
                code=INTERNAL_ERROR_CODE,
                severity="error",
                message=f"规则模块 {module} 无法加载（juesuan 的缺陷，请报告）：{error}",
                location=Prov(file=disclosure.meta.source_file),
            )
        )
    for rule in all_rules():
        if rule.func is None:
            continue
        if not (enabled(rule.code) or any(enabled(c) for c in rule.emits)):
            continue
        ran.append(rule.code)
        try:
            produced = list(rule.func(ctx))
        except Exception as exc:
            if raise_errors:
                raise
            produced = [
                Finding(
                    code=INTERNAL_ERROR_CODE,
                    severity="error",
                    message=f"规则 {rule.code} 执行出错（juesuan 的缺陷，请报告）："
                    f"{type(exc).__name__}: {exc}",
                    location=Prov(file=disclosure.meta.source_file),
                )
            ]
        for finding in produced:
            if finding.code == INTERNAL_ERROR_CODE or enabled(finding.code):
                findings.append(finding)
    return AuditReport.build(findings, ran)
