"""N rules: every figure, share, change, rate and direction word of the narrative.

Claims come from ``Disclosure.narrative.claims`` (extracted from a published document) and
are compared with the tables through ``juesuan.model.values`` and with the extra figures
(上年数, 年初预算).  Where the tables are absent (a document whose tables were images), the
narrative is checked against itself: a printed rate against the printed amounts it
derives from.  All comparisons use interval arithmetic on the printed precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from juesuan.audit.checks import fmt
from juesuan.audit.context import AuditContext
from juesuan.audit.registry import note, rule
from juesuan.audit.tolerance import compare_equal, interval, rate_holds
from juesuan.model import Claim, Finding, Num, Prov, Severity
from juesuan.model.subjects import SUBJECTS, subject_name
from juesuan.model.values import current, sangong_budget


def _name(claim: Claim) -> str:
    key = claim.subject or ""
    if key in SUBJECTS or key.startswith(("func:", "econ:")):
        if claim.subject_text:
            return claim.subject_text
        return subject_name(key)
    return claim.subject_text or key


def _show(n: Num | None) -> str:
    return "（空）" if n is None else fmt(n.value, n.decimals)


def _loc(claim: Claim, ctx: AuditContext) -> Prov:
    return claim.prov or ctx.document_prov()


def _money(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.unit in (None, "万元") and c.value is not None]


def _claims(ctx: AuditContext, *kinds: str) -> list[Claim]:
    return [
        c
        for c in ctx.disclosure.narrative.claims
        if c.kind in kinds
        and c.subject
        and c.subject != "func:?"
        and not c.subject.startswith("count:")
    ]


def _same_sentence(ctx: AuditContext, claim: Claim, kind: str) -> Claim | None:
    """The claim of ``kind`` about the same subject in the same sentence (the nearest before)."""
    found: Claim | None = None
    for other in ctx.disclosure.narrative.claims:
        if other is claim:
            break
        if (
            other.kind == kind
            and other.subject == claim.subject
            and other.sentence == claim.sentence
        ):
            found = other
    if found is None:
        for other in ctx.disclosure.narrative.claims:
            if (
                other.kind == kind
                and other.subject == claim.subject
                and other.sentence == claim.sentence
            ):
                return other
    return found


def _table_value(ctx: AuditContext, key: str) -> Num | None:
    if not ctx.disclosure.tables:
        return None
    return current(ctx.disclosure, key)


def _stated(ctx: AuditContext, key: str) -> Num | None:
    """The amount the narrative itself states for ``key`` (its first amount claim)."""
    for c in ctx.disclosure.narrative.claims:
        if (
            c.kind == "amount"
            and c.subject == key
            and c.unit in (None, "万元")
            and c.value is not None
        ):
            return c.value
    return None


def _amount_of(ctx: AuditContext, key: str) -> Num | None:
    return _table_value(ctx, key) or _stated(ctx, key)


def _differs(
    ctx: AuditContext, code: str, claim: Claim, other: Num, what: str, where: str
) -> Iterator[Finding]:
    """A finding when a stated amount differs from its counterpart beyond rounding."""
    assert claim.value is not None
    if compare_equal(claim.value, other).outcome != "mismatch":
        return
    yield Finding(
        code=code,
        severity="error",
        message=(
            f"说明中“{_name(claim)}”{what}为 {_show(claim.value)} 万元，"
            f"{where}为 {_show(other)} 万元"
        ),
        location=_loc(claim, ctx),
        related=[other.prov] if other.prov else [],
        expected=_show(other),
        actual=_show(claim.value),
        computation=f"{_show(claim.value)} ≠ {_show(other)}",
    )


@rule(
    code="N0101",
    family="narrative",
    severity="error",
    title="情况说明中的金额与表格不一致",
    explanation="""
        情况说明里每个金额都应等于它所说的表格数字（按打印精度比较：说明印 1140.1、表里
        印 1,140.10 视为一致）。事项由说明中的名称识别（收支总计、基本支出、某功能科目、
        “三公”各项、人员经费……），取数规则见 juesuan.model.values。

        例：说明“公务接待费支出决算 0.00 万元”，公开09表决算数 公务接待费 0.05 → 错误。
    """,
)
def amounts_match_tables(ctx: AuditContext) -> Iterator[Finding]:
    for claim in _money(_claims(ctx, "amount")):
        assert claim.subject is not None and claim.value is not None
        table = _table_value(ctx, claim.subject)
        if table is None:
            continue
        yield from _differs(ctx, "N0101", claim, table, "", "表中")


@rule(
    code="N0102",
    family="narrative",
    severity="error",
    title="情况说明中的预算数与预算数据不一致",
    explanation="""
        说明中的年初预算数、预算数应等于编制数据中的年初预算（补充数据）或公开09表的
        预算数（“三公”经费）。

        例：说明“‘三公’经费支出预算为 6.43 万元”，公开09表预算数合计为空 → 错误。
    """,
)
def budgets_match(ctx: AuditContext) -> Iterator[Finding]:
    d = ctx.disclosure
    for claim in _money(_claims(ctx, "budget_amount")):
        assert claim.subject is not None and claim.value is not None
        if claim.subject.startswith("sangong.") and "09" in d.tables:
            expected = sangong_budget(d, claim.subject)
        elif claim.versus == "budget_initial":
            expected = d.extras.budget_initial.get(claim.subject)
        else:
            expected = d.extras.budget_final.get(claim.subject)
        if expected is None:
            continue
        yield from _differs(ctx, "N0102", claim, expected, "预算数", "预算数据")


@rule(
    code="N0201",
    family="narrative",
    severity="error",
    title="占比与金额不符",
    explanation="""
        “占 x%”应等于该项金额除以所占的总额（按两者的打印精度求区间，再与打印的百分比
        区间比较）。金额优先取表格数，没有表格时取说明自己写的金额。

        例：基本支出 1,483.68 万元、本年支出合计 2,623.78 万元，说明“占 56.5%”：
        1483.68 / 2623.78 = 56.55% → 56.5% 在舍入范围内，一致；若印“占 58.5%”→ 错误。
    """,
)
def shares_match(ctx: AuditContext) -> Iterator[Finding]:
    for claim in _claims(ctx, "share"):
        assert claim.subject is not None and claim.value is not None
        if claim.base is None:
            continue
        part = _same_sentence(ctx, claim, "amount")
        part_value = _table_value(ctx, claim.subject) or (part.value if part else None)
        base = _amount_of(ctx, claim.base)
        if part_value is None or base is None or base.value == 0:
            continue
        yield from _rate_differs(
            ctx,
            "N0201",
            claim,
            part_value,
            base,
            f"“{_name(claim)}”占比印为 {claim.value.value}%，按金额计算应为 "
            f"{{exact}}%（{_show(part_value)} ÷ {_show(base)}）",
        )


def _rate_differs(
    ctx: AuditContext,
    code: str,
    claim: Claim,
    num: Num,
    den: Num,
    message: str,
) -> Iterator[Finding]:
    """A finding when a printed percentage is not ``num / den`` within rounding.

    ``message`` holds the literal placeholder ``{exact}`` for the computed percentage.
    """
    assert claim.value is not None
    if rate_holds(claim.value, num, den):
        return
    exact = num.value / den.value * 100
    yield Finding(
        code=code,
        severity=_rate_severity(claim.value, exact),
        message=message.replace("{exact}", f"{exact:.2f}"),
        location=_loc(claim, ctx),
        related=[p for p in (num.prov, den.prov) if p],
        expected=f"{exact:.2f}%",
        actual=f"{claim.value.value}%",
        computation=f"{_show(num)} ÷ {_show(den)} × 100 = {exact:.4f}%",
    )


def _rate_severity(printed: Num, exact: Decimal) -> Severity:
    """One unit off in the last printed decimal (truncated instead of rounded, or nudged so
    that the shares add up to 100%) is a warning; anything larger is an error."""
    unit = Decimal(1).scaleb(-printed.decimals)
    return "warning" if abs(exact - printed.value) <= unit + printed.half_ulp else "error"


def _prior(ctx: AuditContext, claim: Claim) -> Num | None:
    assert claim.subject is not None
    return ctx.disclosure.extras.prior.get(claim.subject)


@rule(
    code="N0301",
    family="narrative",
    severity="error",
    title="增减额、增减率与本年数、上年数不符",
    explanation="""
        与上年相比的增减额应等于本年数减上年数，增减率应等于增减额除以上年数（打印精度
        内）。已知上年数（编制数据的补充数据）时与之比较；不知道上年数时（已公开文件），
        用说明自己的本年数和增减额推出上年数，检查增减率是否与之相符。

        例：收支总计 959.14 万元，减少 1196.88 万元，下降 55.51%：
        1196.88 ÷ (959.14 + 1196.88) = 55.51% → 一致。
    """,
)
def changes_match(ctx: AuditContext) -> Iterator[Finding]:
    for claim in _claims(ctx, "change_amount", "change_rate"):
        if claim.value is None or claim.versus != "prior" or claim.unit == "元":
            continue
        assert claim.subject is not None
        now = _amount_of(ctx, claim.subject)
        prior = _prior(ctx, claim)
        sign = Decimal(-1) if claim.direction == "减少" else Decimal(1)
        if claim.kind == "change_amount":
            if now is None or prior is None:
                continue
            expected = now.value - prior.value
            if (
                abs(expected - sign * claim.value.value)
                > now.half_ulp + prior.half_ulp + claim.value.half_ulp
            ):
                yield Finding(
                    code="N0301",
                    severity="error",
                    message=(
                        f"“{_name(claim)}”与上年相比{claim.direction_word or ''} "
                        f"{_show(claim.value)} 万元，按本年 {_show(now)} 与上年 {_show(prior)} "
                        f"计算应为 {fmt(expected, 2)} 万元"
                    ),
                    location=_loc(claim, ctx),
                    related=[p for p in (now.prov, prior.prov) if p],
                    expected=fmt(expected, 2),
                    actual=fmt(sign * claim.value.value, claim.value.decimals),
                    computation=f"{_show(now)} − {_show(prior)} = {fmt(expected, 2)}",
                )
            continue
        # change_rate
        change = _same_sentence(ctx, claim, "change_amount")
        if prior is not None and now is not None:
            diff = interval(now) - interval(prior)
            base: Num | None = prior
            how = f"({_show(now)} − {_show(prior)}) ÷ {_show(prior)}"
        elif (
            change is not None
            and change.value is not None
            and now is not None
            and change.unit != "元"
        ):
            csign = Decimal(-1) if change.direction == "减少" else Decimal(1)
            base_val = now.value - csign * change.value.value
            base = Num(value=base_val, decimals=max(now.decimals, change.value.decimals))
            diff = interval(change.value).scale(csign)
            op = "+" if csign < 0 else "−"
            minus = "−" if csign < 0 else ""
            how = f"{minus}{_show(change.value)} ÷ ({_show(now)} {op} {_show(change.value)})"
        else:
            continue
        if base is None or base.value == 0:
            continue
        signed_rate = Num(value=sign * claim.value.value, decimals=claim.value.decimals)
        if not rate_holds(signed_rate, diff, base):
            exact = diff.mid / base.value * 100
            yield Finding(
                code="N0301",
                severity="error",
                message=(
                    f"“{_name(claim)}”{claim.direction_word or ''} {claim.value.value}%，"
                    f"按金额计算应为 {exact:.2f}%"
                ),
                location=_loc(claim, ctx),
                expected=f"{exact:.2f}%",
                actual=f"{signed_rate.value}%",
                computation=f"{how} × 100 = {exact:.4f}%",
            )


@rule(
    code="N0302",
    family="narrative",
    severity="error",
    title="方向词（增加/减少/持平）与数字不符",
    explanation="""
        同一句里对同一事项的增减额和增减率方向应一致；已知上年数或预算数时，方向词
        必须与本年数减上年数（或决算数减预算数）的符号一致；“持平”要求两数相等。

        例：“较上年减少 0.23 万元，提高 17.0%”：减少与提高矛盾 → 错误。
        例：决算 1.53 万元、预算 5.76 万元，说明“大于预算”→ 错误。
    """,
)
def directions_match(ctx: AuditContext) -> Iterator[Finding]:
    d = ctx.disclosure
    seen: set[tuple[int | None, str | None]] = set()
    for claim in _claims(ctx, "change_amount", "change_rate"):
        if claim.direction is None:
            continue
        # 1. amount vs rate in the same sentence
        if claim.kind == "change_rate" and claim.direction != "持平":
            amount = _same_sentence(ctx, claim, "change_amount")
            if (
                amount is not None
                and amount.direction not in (None, "持平")
                and amount.versus == claim.versus
                and amount.direction != claim.direction
                and (claim.sentence, claim.subject) not in seen
            ):
                seen.add((claim.sentence, claim.subject))
                yield Finding(
                    code="N0302",
                    severity="error",
                    message=(
                        f"“{_name(claim)}”同一句中增减额说“{amount.direction_word}”，"
                        f"增减率却说“{claim.direction_word}”"
                    ),
                    location=_loc(claim, ctx),
                    related=[amount.prov] if amount.prov else [],
                    expected=amount.direction,
                    actual=claim.direction,
                    computation=(
                        f"{amount.direction_word} {_show(amount.value)} 与 "
                        f"{claim.direction_word} {claim.value}"
                    ),
                )
                continue
        # 2. against the known numbers
        assert claim.subject is not None
        now = _amount_of(ctx, claim.subject)
        if claim.versus == "prior":
            other = d.extras.prior.get(claim.subject)
            what = "上年"
        elif claim.subject.startswith("sangong.") and "09" in d.tables:
            other = sangong_budget(d, claim.subject)
            what = "预算"
        else:
            other = (
                d.extras.budget_initial
                if claim.versus == "budget_initial"
                else d.extras.budget_final
            ).get(claim.subject)
            what = "预算"
        if now is None or other is None:
            continue
        cmp = compare_equal(now, other)
        if now.value == other.value:
            actual_dir = "持平"
        else:  # within rounding, either this direction or 持平 is a fair description
            actual_dir = "增加" if now.value > other.value else "减少"
        if claim.direction == actual_dir or (
            claim.direction == "持平" and cmp.outcome != "mismatch"
        ):
            continue
        yield Finding(
            code="N0302",
            severity="error",
            message=(
                f"“{_name(claim)}”说“{claim.direction_word}”，但本年 {_show(now)} 与{what} "
                f"{_show(other)} 相比为{actual_dir}"
            ),
            location=_loc(claim, ctx),
            related=[p for p in (now.prov, other.prov) if p],
            expected=actual_dir,
            actual=claim.direction,
            computation=f"{_show(now)} − {_show(other)} = {fmt(now.value - other.value, 2)}",
        )


@rule(
    code="N0401",
    family="narrative",
    severity="error",
    title="完成预算的百分比与决算数、预算数不符",
    emits=("N0402",),
    explanation="""
        “完成（年初）预算的 x%”应等于决算数除以预算数。预算数取同一句里写的预算数，
        没有时取编制数据的预算或公开09表的预算数；决算数优先取表格数。

        例：年初预算 69.24 万元，支出决算 353.87 万元，印“完成 511.08%”：
        353.87 ÷ 69.24 = 511.08% → 一致。
    """,
)
def completion_rates(ctx: AuditContext) -> Iterator[Finding]:
    d = ctx.disclosure
    for claim in _claims(ctx, "completion_rate"):
        assert claim.subject is not None and claim.value is not None
        budget_claim = _same_sentence(ctx, claim, "budget_amount")
        budget = budget_claim.value if budget_claim else None
        if budget is None:
            if claim.subject.startswith("sangong.") and "09" in d.tables:
                budget = sangong_budget(d, claim.subject)
            else:
                store = (
                    d.extras.budget_initial
                    if claim.versus == "budget_initial"
                    else d.extras.budget_final
                )
                budget = store.get(claim.subject)
        amount_claim = _same_sentence(ctx, claim, "amount")
        amount = _table_value(ctx, claim.subject) or (amount_claim.value if amount_claim else None)
        if budget is None or amount is None:
            continue
        if budget.value == 0:
            yield Finding(
                code="N0402",
                severity="warning",
                message=f"“{_name(claim)}”预算数为 0，不应写“完成预算的 {claim.value.value}%”",
                location=_loc(claim, ctx),
                expected="不写完成率",
                actual=f"{claim.value.value}%",
                computation=f"{_show(amount)} ÷ 0",
            )
            continue
        yield from _rate_differs(
            ctx,
            "N0401",
            claim,
            amount,
            budget,
            f"“{_name(claim)}”完成预算 {claim.value.value}%，按决算 {_show(amount)} ÷ "
            f"预算 {_show(budget)} 应为 {{exact}}%",
        )


note(
    code="N0402",
    family="narrative",
    severity="warning",
    title="预算数为 0 却写了完成率",
    explanation="""
        预算数为 0 时完成率没有意义，说明应写“年初未安排预算”之类，而不是“完成预算 0%”
        或“100%”。

        例：“因公出国（境）经费支出 0 万元，完成预算 0%”，而预算数为 0 → 警告。
    """,
)


@rule(
    code="N0403",
    family="narrative",
    severity="error",
    title="分项年初预算之和与说明中的年初预算总数不符",
    explanation="""
        “一般公共预算财政拨款支出决算具体情况”逐项列出每个功能科目的年初预算，它们之和
        应等于同一部分开头写的年初预算总数。

        例：总述“年初预算为 2948.42 万元”，11 个科目的年初预算相加为 2,647.62 万元 → 错误。
    """,
)
def itemised_budgets_sum(ctx: AuditContext) -> Iterator[Finding]:
    claims = ctx.disclosure.narrative.claims
    totals = [
        c
        for c in claims
        if c.kind == "budget_amount" and c.subject == "general.expense" and c.value
    ]
    items = [
        c
        for c in claims
        if c.kind == "budget_amount"
        and c.subject
        and c.subject.startswith("func:")
        and (len(c.subject) == 12 or c.subject == "func:?")
        and c.value is not None
    ]
    if not totals or len(items) < 2:
        return
    total = totals[0]
    assert total.value is not None
    seen: dict[str, Claim] = {}
    for c in items:  # one budget per 项 (an unresolved name counts once per sentence)
        key = c.subject if c.subject != "func:?" else f"?{c.sentence}"
        seen.setdefault(key or "", c)
    parts = [c.value for c in seen.values() if c.value is not None]
    s = sum((p.value for p in parts), Decimal(0))
    bound = total.value.half_ulp + sum((p.half_ulp for p in parts), Decimal(0))
    if abs(s - total.value.value) > bound:
        yield Finding(
            code="N0403",
            severity="error",
            message=(
                f"说明中年初预算总数为 {_show(total.value)} 万元，而逐项列出的 {len(parts)} 个科目"
                f"年初预算合计 {fmt(s, 2)} 万元"
            ),
            location=_loc(total, ctx),
            related=[c.prov for c in seen.values() if c.prov],
            expected=fmt(s, 2),
            actual=_show(total.value),
            computation=" + ".join(_show(p) for p in parts) + f" = {fmt(s, 2)}",
        )


@rule(
    code="N0501",
    family="narrative",
    severity="error",
    title="金额单位写错（应为万元）",
    explanation="""
        全文金额单位为万元时，说明中以“元”为单位写出的增减额或金额，如果与同一事项以
        万元表示的数字相同，几乎可以肯定是漏写了“万”字。

        例：“比年初预算增加 397.9 元”，下一段同一事项写“增加 397.9 万元”→ 错误。
    """,
)
def unit_slips(ctx: AuditContext) -> Iterator[Finding]:
    if ctx.disclosure.meta.amount_unit != "万元":
        return
    claims = ctx.disclosure.narrative.claims
    for claim in claims:
        if (
            claim.unit != "元"
            or claim.value is None
            or claim.kind not in ("amount", "change_amount")
        ):
            continue
        twins = [
            c
            for c in claims
            if c.unit == "万元"
            and c.value is not None
            and c.kind == claim.kind
            and c.value.value == claim.value.value
        ]
        if twins:
            yield Finding(
                code="N0501",
                severity="error",
                message=(
                    f"“{_name(claim)}”写作 {claim.value.value} 元，同一数字在别处为 "
                    f"{claim.value.value} 万元，单位应为万元"
                ),
                location=_loc(claim, ctx),
                related=[c.prov for c in twins if c.prov],
                expected=f"{claim.value.value} 万元",
                actual=f"{claim.value.value} 元",
            )


@rule(
    code="N0601",
    family="narrative",
    severity="error",
    title="对比年份不是上一年度",
    explanation="""
        决算说明与上年对比时，对比的年份应为决算年度的上一年。

        例：2023 年度决算中写“财政拨款收支与 2021 年度决算对比情况”→ 错误（应为 2022 年度）。
    """,
)
def comparison_years(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.year
    if year is None:
        return
    for claim in ctx.disclosure.narrative.claims:
        if claim.kind != "comparison_year" or claim.year is None:
            continue
        if claim.year != year - 1:
            yield Finding(
                code="N0601",
                severity="error",
                message=f"{year} 年度决算与上年对比，却写成与 {claim.year} 年对比",
                location=_loc(claim, ctx),
                expected=str(year - 1),
                actual=str(claim.year),
            )


@rule(
    code="N0701",
    family="narrative",
    severity="warning",
    title="同一数字在说明中前后不一致",
    explanation="""
        同一事项的本年金额在说明中多处出现时应完全相同（按打印精度）。

        例：前文“支出合计 2623.78 万元”，后文“本年支出合计 2632.78 万元”→ 警告。
    """,
)
def repeated_amounts(ctx: AuditContext) -> Iterator[Finding]:
    by_subject: dict[str, list[Claim]] = defaultdict(list)
    for claim in _money(_claims(ctx, "amount")):
        if not claim.carried:  # named in its own sentence, not carried over
            by_subject[claim.subject or ""].append(claim)
    for claims in by_subject.values():
        first = claims[0]
        assert first.value is not None
        for other in claims[1:]:
            assert other.value is not None
            if compare_equal(first.value, other.value).outcome == "mismatch":
                yield Finding(
                    code="N0701",
                    severity="warning",
                    message=(
                        f"“{_name(other)}”此处为 {_show(other.value)} 万元，"
                        f"前文为 {_show(first.value)} 万元"
                    ),
                    location=_loc(other, ctx),
                    related=[first.prov] if first.prov else [],
                    expected=_show(first.value),
                    actual=_show(other.value),
                )
                break


_COUNT_FIELDS = {
    "count:sangong.abroad_groups": "abroad_groups",
    "count:sangong.abroad_people": "abroad_people",
    "count:sangong.vehicles_purchased": "vehicles_purchased",
    "count:sangong.vehicles_held": "vehicles_held",
    "count:sangong.reception_batches": "reception_batches",
    "count:sangong.reception_people": "reception_people",
}


@rule(
    code="N0801",
    family="narrative",
    severity="error",
    title="“三公”数量、车辆数与数据不符",
    explanation="""
        说明中的出国团组数和人数、公务用车购置数和保有量、公务接待批次和人次、车辆总数
        应等于编制数据（补充数据）中的数字；与上年相比“持平”的车辆数应与上年相同。

        例：数据中公务用车保有量 2 辆，说明写“保有量 3 辆”→ 错误。
    """,
)
def counts_match(ctx: AuditContext) -> Iterator[Finding]:
    e = ctx.disclosure.extras
    for claim in ctx.disclosure.narrative.claims:
        if claim.kind != "count" or claim.value is None or claim.subject is None:
            continue
        field = _COUNT_FIELDS.get(claim.subject)
        expected: int | None
        if field is not None:
            expected = getattr(e.sangong_counts, field)
        elif claim.subject == "count:vehicles.total":
            expected = e.assets.vehicles_total
        elif claim.subject == "count:perf.projects":
            expected = e.performance.projects_evaluated
        else:
            continue
        if expected is not None and Decimal(expected) != claim.value.value:
            yield Finding(
                code="N0801",
                severity="error",
                message=f"说明中数量为 {claim.value.value}{claim.unit or ''}，数据中为 {expected}",
                location=_loc(claim, ctx),
                expected=str(expected),
                actual=str(claim.value.value),
            )


@rule(
    code="N0602",
    family="narrative",
    severity="warning",
    title="模板占位文字未删除",
    explanation="""
        说明中留有模板里的占位或二选一文字，如“下降（增长）”、“XX”、“【请填写】”。

        例：“决算数比上年度减少 0.15 万元，下降（增长）27.78%”→ 警告：应删去不适用的词。
    """,
)
def placeholders(ctx: AuditContext) -> Iterator[Finding]:
    by_line: dict[tuple[int | None, int | None], list[Claim]] = {}
    for claim in ctx.disclosure.narrative.claims:
        if claim.kind == "placeholder":
            where = (claim.prov.page, claim.prov.line) if claim.prov else (None, None)
            by_line.setdefault(where, []).append(claim)
    for claims in by_line.values():  # one finding per line, listing its placeholders
        texts = "、".join(dict.fromkeys(f"“{c.subject_text}”" for c in claims))
        yield Finding(
            code="N0602",
            severity="warning",
            message=f"说明中留有模板占位文字{texts}",
            location=_loc(claims[0], ctx),
            related=[c.prov for c in claims[1:] if c.prov],
            actual=texts,
        )


@rule(
    code="N0901",
    family="narrative",
    severity="warning",
    title="说明中的科目名称对不上",
    explanation="""
        “XX（类）XX（款）XX（项）”的名称应能在本文件的表格或当年科目目录中找到对应的
        功能分类科目；找不到时多半是款、项名称写错。

        例：“住房保障支出（类）住房保障支出（款）住房公积金（项）”：221 下的款应为
        “住房改革支出” → 警告。
    """,
)
def unresolved_paths(ctx: AuditContext) -> Iterator[Finding]:
    seen: set[str] = set()
    for claim in ctx.disclosure.narrative.claims:
        if claim.subject == "func:?" and claim.subject_text and claim.subject_text not in seen:
            seen.add(claim.subject_text)
            yield Finding(
                code="N0901",
                severity="warning",
                message=f"说明中的科目“{claim.subject_text}”在表格和科目目录中找不到对应编码",
                location=_loc(claim, ctx),
                actual=claim.subject_text,
            )
