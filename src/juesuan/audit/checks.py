"""Turn identities over cells into findings: sums, equalities and soft inequalities.

Every finding points at the first cell of the left-hand side (the total, by convention the
figure that is "wrong"), lists the other figures of the identity in ``related``, and
carries expected and actual values with the printed decimals and the computation, e.g.
``177.00 + 2,338.03 + 104.75 = 2,619.78 ≠ 2,619.80``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from juesuan.audit.context import Cell
from juesuan.audit.registry import rounding_code
from juesuan.audit.tolerance import compare_le, compare_sides
from juesuan.model.finding import Finding, Severity


def fmt(value: Decimal, decimals: int) -> str:
    """A Decimal as printed in the tables: thousands separators and ``decimals`` places."""
    return f"{value:,.{max(decimals, 0)}f}"


def fmt_bound(bound: Decimal, decimals: int) -> str:
    """The rounding bound: one more decimal than printed when needed (0.015), else not (0.01)."""
    text = fmt(bound, decimals + 1)
    return text[:-1] if text.endswith("0") and decimals > 0 else text


def fmt_cell(cell: Cell) -> str:
    if cell.num is None:
        return "（空）"
    return fmt(cell.num.value, cell.num.decimals)


def decimals_of(cells: Sequence[Cell], default: int = 0) -> int:
    present = [c.num.decimals for c in cells if c.num is not None]
    return max(present) if present else default


def terms(cells: Sequence[Cell], decimals: int) -> str:
    """``a + b − c`` over the printed (non-blank) cells; ``0`` when all are blank."""
    shown = [(c, c.num) for c in cells if c.num is not None]
    if not shown:
        return fmt(Decimal(0), decimals)
    text = ""
    for i, (_, num) in enumerate(shown):
        body = fmt(abs(num.value), num.decimals)
        if i == 0:
            text = f"-{body}" if num.value < 0 else body
        else:
            text += f" − {body}" if num.value < 0 else f" + {body}"
    return text


def _side(cells: Sequence[Cell], total: Decimal, decimals: int) -> tuple[str, str]:
    """(shown value, expression) of one side of an identity."""
    value = fmt(total, decimals_of(cells, decimals))
    if len(cells) == 1:
        return fmt_cell(cells[0]), fmt_cell(cells[0])
    if sum(1 for c in cells if c.present) <= 1:
        return value, value
    return value, f"{terms(cells, decimals)} = {value}"


def check_sides(
    code: str,
    left: Sequence[Cell],
    right: Sequence[Cell],
    what: str,
    *,
    severity: Severity = "error",
) -> Iterator[Finding]:
    """``Σ left = Σ right``: nothing when exact, a 尾差 note within rounding, else a finding.

    ``what`` names the identity in Chinese, e.g. ``公开02表 合计 [本年收入合计] 应等于各类
    科目之和``.  ``actual`` is the left side, ``expected`` the right side.
    """
    result = compare_sides([c.num for c in left], [c.num for c in right])
    if result.outcome == "exact":
        return
    decimals = decimals_of([*left, *right])
    actual, left_expr = _side(left, result.total, decimals)
    expected, right_expr = _side(right, result.parts_sum, decimals)
    if len(left) == 1 and len(right) > 1:
        computation = f"{right_expr} ≠ {actual}"
    else:
        computation = f"{left_expr} ≠ {right_expr}"
    diff = fmt(result.difference, decimals)
    bound = fmt_bound(result.bound, decimals)
    related = [c.prov for c in (*left[1:], *right) if c.present or len(right) == 1]
    if result.outcome == "rounding":
        yield Finding(
            code=rounding_code(code),
            severity="info",
            message=f"{what}：相差 {diff}，在四舍五入尾差允许范围 ±{bound} 内（尾差，见 {code}）",
            location=left[0].prov,
            related=related,
            expected=expected,
            actual=actual,
            computation=computation,
        )
        return
    yield Finding(
        code=code,
        severity=severity,
        message=f"{what}：相差 {diff}，超出四舍五入尾差允许范围 ±{bound}",
        location=left[0].prov,
        related=related,
        expected=expected,
        actual=actual,
        computation=computation,
    )


def check_sum(
    code: str, total: Cell, parts: Sequence[Cell], what: str, *, severity: Severity = "error"
) -> Iterator[Finding]:
    """``total = Σ parts`` (missing parts are exact zeros)."""
    yield from check_sides(code, [total], parts, what, severity=severity)


def check_equal(
    code: str, left: Cell, right: Cell, what: str, *, severity: Severity = "error"
) -> Iterator[Finding]:
    """``left = right``; the finding points at ``left``."""
    yield from check_sides(code, [left], [right], what, severity=severity)


def check_le(
    code: str,
    small: Sequence[Cell],
    large: Sequence[Cell],
    what: str,
    *,
    severity: Severity = "warning",
) -> Iterator[Finding]:
    """``Σ small ≤ Σ large``; reported only when no values within rounding satisfy it."""
    if compare_le([c.num for c in small], [c.num for c in large]) != "violated":
        return
    decimals = decimals_of([*small, *large])
    s_sum = sum((c.num.value for c in small if c.num is not None), Decimal(0))
    l_sum = sum((c.num.value for c in large if c.num is not None), Decimal(0))
    actual, left_expr = _side(small, s_sum, decimals)
    expected, right_expr = _side(large, l_sum, decimals)
    yield Finding(
        code=code,
        severity=severity,
        message=f"{what}：{actual} 超过 {expected}，多出 {fmt(s_sum - l_sum, decimals)}",
        location=small[0].prov,
        related=[c.prov for c in (*small[1:], *large) if c.present or len(large) == 1],
        expected=f"≤ {expected}",
        actual=actual,
        computation=f"{left_expr} > {right_expr}",
    )
