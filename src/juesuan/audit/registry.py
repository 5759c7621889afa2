"""The rule registry: every audit rule is a small function registered with ``@rule``.

A rule takes an :class:`~juesuan.audit.context.AuditContext` and yields
:class:`~juesuan.model.Finding` objects::

    @rule(code="T0101", family="table", severity="error",
          title="公开01表本年收入合计应等于各项收入之和",
          explanation="……（中文说明，附示例）")
    def income_total(ctx: AuditContext) -> Iterable[Finding]:
        ...

Codes are stable once published: one letter for the family followed by four digits.

====  ===========  ==========================================
字母   family       含义
====  ===========  ==========================================
T     table        表内勾稽（一张表内的算术关系）
X     cross        表间勾稽（不同表之间的一致性）
N     narrative    情况说明与表格、数字之间的一致性
F     form         完整性与格式
C     catalog      科目编码与名称（对照科目目录）
P     performance  绩效自评
====  ===========  ==========================================

A rule's ``severity`` is the most severe level it reports; a rule may report less severe
findings (the catalog rule reports a mismatch against a recalled entry as info).  Codes
that rules emit on their own behalf (``T0001``/``X0001`` 尾差 notes, ``F0001`` rule
failures, ``C0001`` catalog unavailable) are registered with :func:`note` so that
``juesuan rule CODE`` can explain them and users can select or ignore them.

Rule modules live in ``juesuan.audit.rules``; every module there is imported by
:func:`load_builtin_rules`, so a new family is added by dropping a module in that package.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from juesuan.model.finding import Finding, Severity

if TYPE_CHECKING:
    from juesuan.audit.context import AuditContext

Family = Literal["table", "cross", "narrative", "form", "catalog", "performance"]

FAMILY_LETTERS: dict[str, str] = {
    "table": "T",
    "cross": "X",
    "narrative": "N",
    "form": "F",
    "catalog": "C",
    "performance": "P",
}
LETTER_FAMILIES: dict[str, str] = {v: k for k, v in FAMILY_LETTERS.items()}
FAMILY_ZH: dict[str, str] = {
    "table": "表内勾稽",
    "cross": "表间勾稽",
    "narrative": "情况说明",
    "form": "完整性与格式",
    "catalog": "科目目录",
    "performance": "绩效自评",
}

RuleFunc = Callable[["AuditContext"], Iterable[Finding]]

_CODE = re.compile(r"^[TXNFCP]\d{4}$")
_SEVERITIES = ("error", "warning", "info")

INTERNAL_ERROR_CODE = "F0001"


@dataclass(frozen=True)
class Rule:
    """A registered rule (or a note code emitted by other rules when ``func`` is None)."""

    code: str
    family: Family
    severity: Severity
    title: str
    explanation: str
    func: RuleFunc | None = None
    emits: tuple[str, ...] = ()

    @property
    def letter(self) -> str:
        return self.code[0]

    @property
    def family_zh(self) -> str:
        return FAMILY_ZH[self.family]

    @property
    def is_note(self) -> bool:
        return self.func is None


_REGISTRY: dict[str, Rule] = {}
_LOAD_ERRORS: list[tuple[str, str]] = []
_loaded = False


def _check(code: str, family: str, severity: str, title: str, explanation: str) -> None:
    if not _CODE.match(code):
        raise ValueError(f"rule code {code!r} must be a family letter and four digits")
    if family not in FAMILY_LETTERS:
        raise ValueError(f"unknown rule family {family!r}")
    if FAMILY_LETTERS[family] != code[0]:
        raise ValueError(f"rule {code} does not start with {FAMILY_LETTERS[family]!r} ({family})")
    if severity not in _SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")
    if not title.strip() or not explanation.strip():
        raise ValueError(f"rule {code} needs a title and an explanation")
    if code in _REGISTRY:
        raise ValueError(f"rule code {code} is registered twice")


def rounding_code(code: str) -> str:
    """The code of the 尾差 note that goes with a rule (``T0101`` → ``T0001``)."""
    return f"{code[0]}0001"


def rule(
    *,
    code: str,
    family: Family,
    severity: Severity,
    title: str,
    explanation: str,
    emits: Iterable[str] = (),
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under a stable code.

    ``emits`` lists other codes the rule may report besides its own (its family's 尾差
    note is added automatically for the T and X families).
    """
    _check(code, family, severity, title, explanation)
    extra = tuple(emits)
    if code[0] in ("T", "X"):
        extra = (*extra, rounding_code(code))

    def decorate(func: RuleFunc) -> RuleFunc:
        _REGISTRY[code] = Rule(
            code, family, severity, title, _dedent(explanation), func, tuple(dict.fromkeys(extra))
        )
        return func

    return decorate


def note(*, code: str, family: Family, severity: Severity, title: str, explanation: str) -> None:
    """Register a code that rules report on their own behalf (no function of its own)."""
    _check(code, family, severity, title, explanation)
    _REGISTRY[code] = Rule(code, family, severity, title, _dedent(explanation))


def load_builtin_rules() -> None:
    """Import every module of ``juesuan.audit.rules`` (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    package = importlib.import_module("juesuan.audit.rules")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        name = f"{package.__name__}.{info.name}"
        try:
            importlib.import_module(name)
        except Exception as exc:  # one broken rule module must not disable the others
            _LOAD_ERRORS.append((name, f"{type(exc).__name__}: {exc}"))


def load_errors() -> list[tuple[str, str]]:
    """Rule modules that failed to import: (module, error).  The engine reports them."""
    load_builtin_rules()
    return list(_LOAD_ERRORS)


def all_rules() -> list[Rule]:
    """Every registered rule and note code, sorted by code."""
    load_builtin_rules()
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def get_rule(code: str) -> Rule | None:
    load_builtin_rules()
    return _REGISTRY.get(code.strip().upper())


def known_codes() -> list[str]:
    load_builtin_rules()
    return sorted(_REGISTRY)


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip()
