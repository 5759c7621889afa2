"""``generate(rng, year)``: a realistic, internally consistent synthetic disclosure.

Amounts are drawn in 分 at the 项 level (功能分类) and at the 款 level (经济分类 of the
一般公共预算 基本支出); every other figure is summed from them and rounded once to 万元.
Codes and names come from the catalog for ``year``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from juesuan.catalog import Catalog, CatalogEntry, table01_expense_classes
from juesuan.catalog.builtin import table01_rows
from juesuan.errors import JuesuanError
from juesuan.model import Disclosure, Evaluation, Extras, Meta, Procurement, Profile, UnitInfo
from juesuan.model.figure import Num
from juesuan.synth import vocab
from juesuan.synth.money import CENTS_PER_WAN, cents_of_wan, dnum, pct, split, wan
from juesuan.synth.perfgen import evaluation
from juesuan.synth.tables import Leaf, coded_table, table01, table04, table06, table09

BASIC_SUFFIXES = ("01", "50")  # 行政运行, 事业运行
PERSONNEL_ITEMS: dict[str, tuple[str, ...]] = {
    # function 项 → economic 款 it is paid under (05 ↔ 06 pairs the audit expects)
    "2080501": ("30302",),
    "2080502": ("30302",),
    "2080505": ("30108",),
    "2080506": ("30109",),
    "2101101": ("30110",),
    "2101102": ("30110",),
    "2101103": ("30111",),
    "2210201": ("30113",),
}
WAGES = (("30101", 0.30), ("30102", 0.24), ("30103", 0.08), ("30107", 0.26), ("30112", 0.02))
WAGES_OPTIONAL = (("30199", 0.04), ("30305", 0.01), ("30309", 0.01))
PUBLIC_ITEMS = (
    ("30201", 0.18), ("30205", 0.03), ("30206", 0.06), ("30207", 0.05), ("30211", 0.07),
    ("30213", 0.06), ("30228", 0.12), ("30229", 0.10), ("30239", 0.15), ("30299", 0.08),
)  # fmt: skip
PUBLIC_OPTIONAL = (
    ("30202", 0.03), ("30215", 0.02), ("30216", 0.03), ("30226", 0.05), ("30227", 0.06),
    ("31002", 0.05),
)  # fmt: skip
FUND_KUAN = "21208"
FUND_ITEMS = ("2120803", "2120804", "2120814")
SIZES = {"县": (300, 3000), "区": (300, 4000), "市": (1000, 15000)}
SUPPORTED_YEARS = range(2020, 2026)


@cache
def catalog() -> Catalog:
    return Catalog.load_builtin()


def expense_classes(year: int) -> list[tuple[str, str]]:
    """The 类 printed in table 01 for ``year`` as (code, name), in printed order."""
    entries = table01_expense_classes(year, catalog())
    if not entries:
        found = [catalog().get(r.code, year, kind="function") for r in table01_rows()]
        entries = [e for e in found if e is not None]
    return [(e.code, e.name) for e in entries]


def _name(code: str, year: int) -> str:
    entry = catalog().get(code, year)
    if entry is None:
        raise LookupError(f"{code} not in catalog for {year}")
    return entry.name


def _children(code: str, year: int) -> list[CatalogEntry]:
    return catalog().children(code, year)


@dataclass
class Plan:
    """What a department looks like before its amounts are drawn."""

    place: str
    level: str
    bureau: vocab.BureauKind
    units: list[UnitInfo]
    basic: list[tuple[str, float]] = field(default_factory=list)  # (项, weight)
    project: list[str] = field(default_factory=list)
    fund: str | None = None


def _plan(rng: random.Random, year: int) -> Plan:
    place, level = rng.choice(vocab.PLACES)
    bureau = rng.choice(vocab.BUREAUS)
    dept = f"{place}{bureau.name}"
    n_units = rng.choices((1, 2, 3, 4), weights=(45, 30, 15, 10))[0]
    centres = rng.sample(bureau.centres, min(n_units - 1, len(bureau.centres)))
    units = [
        UnitInfo(
            name=f"{dept}（本级）" if centres else dept,
            nature="行政单位",
            funding_form="财政拨款",
        )
    ]
    for c in centres:
        units.append(
            UnitInfo(
                name=f"{place}{c}", nature=rng.choice(vocab.UNIT_NATURES), funding_form="财政拨款"
            )
        )
    plan = Plan(place, level, bureau, units)
    kids = {e.code[-2:]: e.code for e in _children(bureau.kuan, year)}
    plan.basic.append((kids["01"], 1.0))
    if len(units) > 1 and "50" in kids:
        plan.basic.append((kids["50"], 0.5 * (len(units) - 1)))
    others = [c for s, c in sorted(kids.items()) if s not in ("01", "03", "50")]
    plan.project += rng.sample(others, min(len(others), rng.randint(1, 3)))
    # personnel-type 项 (pensions, medical insurance, housing fund)
    plan.basic += [("2080505", 0.12), ("2101101", 0.05), ("2210201", 0.09)]
    if rng.random() < 0.7:
        plan.basic.append(("2080506", 0.05))
    if rng.random() < 0.5:
        plan.basic.append((rng.choice(("2080501", "2080502")), 0.04))
    if len(units) > 1:
        plan.basic.append(("2101102", 0.03))
    if rng.random() < 0.4:
        plan.basic.append(("2101103", 0.015))
    used = {c[:3] for c, _ in plan.basic} | {c[:3] for c in plan.project}
    target = rng.randint(3, 8)
    extra = [c for c in vocab.EXTRA_CLASSES if c not in used]
    rng.shuffle(extra)
    for cls in extra:
        if len(used) >= target:
            break
        kuans = [
            k
            for k in _children(cls, year)
            if _children(k.code, year)
            and not any(w in k.name for w in ("安排的支出", "基金", "债"))
        ]
        if not kuans:
            continue
        kuan = rng.choice(kuans)
        items = [
            e.code for e in _children(kuan.code, year) if e.code[-2:] not in ("01", "03", "50")
        ]
        if not items:
            continue
        plan.project += rng.sample(items, min(len(items), rng.randint(1, 2)))
        used.add(cls)
    if rng.random() < 0.12:
        plan.fund = rng.choice(FUND_ITEMS)
    return plan


def _leaves(rng: random.Random, plan: Plan) -> tuple[list[Leaf], int]:
    lo, hi = SIZES[plan.level]
    total = cents_of_wan(round(rng.uniform(lo, hi), 2), rng)
    basic_total = int(total * rng.uniform(0.3, 0.7))
    project_total = total - basic_total
    leaves: dict[str, Leaf] = {}
    for (code, _), amount in zip(
        plan.basic, split(basic_total, [w for _, w in plan.basic], rng), strict=True
    ):
        leaves.setdefault(code, Leaf(code)).fb += amount
    weights = [rng.random() + 0.2 for _ in plan.project]
    for code, amount in zip(plan.project, split(project_total, weights, rng, 0.0), strict=True):
        leaves.setdefault(code, Leaf(code)).fp += amount
    for leaf in leaves.values():  # no leaf below 0.50 万元
        if leaf.fb and leaf.fb < CENTS_PER_WAN // 2:
            leaf.fb += CENTS_PER_WAN // 2
        if leaf.fp and leaf.fp < CENTS_PER_WAN // 2:
            leaf.fp += CENTS_PER_WAN // 2
    if plan.fund:
        leaves[plan.fund] = Leaf(plan.fund, fund=int(total * rng.uniform(0.02, 0.15)) + 7_345)
    # some spending paid from 事业收入 / 其他收入
    if rng.random() < 0.3:
        kind = "biz" if len(plan.units) > 1 and rng.random() < 0.7 else "oth"
        candidates = [lf for lf in leaves.values() if lf.fp or lf.code.endswith("50")]
        for leaf in rng.sample(candidates, min(len(candidates), rng.randint(1, 2))):
            share = rng.uniform(0.05, 0.3)
            if leaf.code.endswith("50") and leaf.fb:
                moved = int(leaf.fb * share)
                leaf.fb -= moved
                leaf.nb += moved
            else:
                moved = int(leaf.fp * share)
                leaf.fp -= moved
                leaf.np += moved
            setattr(leaf, kind, getattr(leaf, kind) + moved)
    return sorted(leaves.values(), key=lambda lf: lf.code), total


def _carry(rng: random.Random, leaves: list[Leaf]) -> tuple[int, int]:
    projects = [lf for lf in leaves if lf.fp > 2 * CENTS_PER_WAN]
    carry_in = carry_out = 0
    if projects and rng.random() < 0.35:
        leaf = rng.choice(projects)
        leaf.ci = int(leaf.fp * rng.uniform(0.05, 0.4))
        carry_in = leaf.ci
    if projects and rng.random() < 0.3:
        leaf = rng.choice(projects)
        leaf.co = int(leaf.fp * rng.uniform(0.03, 0.3)) + 4_321
        carry_out = leaf.co
    return carry_in, carry_out


@dataclass
class SanGong:
    budget: dict[str, int]
    final: dict[str, int]
    counts: dict[str, int]

    @property
    def empty(self) -> bool:
        return not any(self.budget.values()) and not any(self.final.values())


def _sangong(rng: random.Random, total: int) -> SanGong:
    counts: dict[str, int] = {}
    if rng.random() < 0.15:
        zero = dict.fromkeys(("abroad", "purchase", "operation", "reception"), 0)
        counts = dict.fromkeys(
            ("abroad_groups", "abroad_people", "vehicles_purchased", "vehicles_held",
             "reception_batches", "reception_people"),
            0,
        )  # fmt: skip
        return SanGong(dict(zero), dict(zero), counts)
    final: dict[str, int] = {}
    if rng.random() < 0.1:
        final["abroad"] = cents_of_wan(round(rng.uniform(2, 8), 2), rng)
        counts["abroad_groups"] = rng.randint(1, 2)
        counts["abroad_people"] = counts["abroad_groups"] * rng.randint(1, 4)
    else:
        final["abroad"] = 0
        counts["abroad_groups"] = counts["abroad_people"] = 0
    held = (
        rng.choice((0, 1, 2, 2, 3, 4, 6)) if total > 500 * CENTS_PER_WAN else rng.choice((0, 1, 2))
    )
    counts["vehicles_held"] = held
    final["operation"] = sum(
        cents_of_wan(round(rng.uniform(0.6, 1.6), 2), rng) for _ in range(held)
    )
    if held and rng.random() < 0.15:
        counts["vehicles_purchased"] = 1
        final["purchase"] = cents_of_wan(round(rng.uniform(12, 22), 2), rng)
    else:
        counts["vehicles_purchased"] = 0
        final["purchase"] = 0
    if rng.random() < 0.75:
        final["reception"] = cents_of_wan(round(rng.uniform(0.1, 3.0), 2), rng)
        per_batch = rng.randint(800, 3000) * 100
        counts["reception_batches"] = max(1, final["reception"] // per_batch)
        counts["reception_people"] = counts["reception_batches"] * rng.randint(3, 8)
    else:
        final["reception"] = 0
        counts["reception_batches"] = counts["reception_people"] = 0
    budget: dict[str, int] = {}
    for k, v in final.items():
        if v:
            budget[k] = int(
                v * rng.choice((1.0, 1.0, rng.uniform(1.0, 1.5), rng.uniform(0.9, 1.0)))
            )
        else:
            budget[k] = cents_of_wan(round(rng.uniform(0.5, 3), 2)) if rng.random() < 0.15 else 0
    if counts["vehicles_purchased"] == 0 and budget.get("purchase"):
        budget["purchase"] = 0  # no purchase planned when none was made
    return SanGong(budget, final, counts)


def _econ(rng: random.Random, leaves: list[Leaf], sg: SanGong) -> dict[str, int]:
    """款-level 06 amounts summing exactly to Σ 一般公共预算 基本支出."""
    econ: dict[str, int] = {}
    rest = 0
    for leaf in leaves:
        if not leaf.fb:
            continue
        mapped = PERSONNEL_ITEMS.get(leaf.code)
        if mapped:
            econ[mapped[0]] = econ.get(mapped[0], 0) + leaf.fb
        else:
            rest += leaf.fb
    public = int(rest * rng.uniform(0.08, 0.22))
    wages = rest - public
    items = list(WAGES) + [x for x in WAGES_OPTIONAL if rng.random() < 0.4]
    for (code, _), v in zip(items, split(wages, [w for _, w in items], rng), strict=True):
        econ[code] = econ.get(code, 0) + v
    fixed: dict[str, int] = {}
    if sg.final.get("reception"):
        fixed["30217"] = int(sg.final["reception"] * rng.uniform(0.4, 1.0))
    if sg.final.get("operation"):
        fixed["30231"] = int(sg.final["operation"] * rng.uniform(0.5, 1.0))
    if sum(fixed.values()) > public // 2:
        fixed = {k: v * (public // 2) // max(sum(fixed.values()), 1) for k, v in fixed.items()}
    pub_items = list(PUBLIC_ITEMS) + [x for x in PUBLIC_OPTIONAL if rng.random() < 0.35]
    remaining = public - sum(fixed.values())
    for (code, _), v in zip(
        pub_items, split(remaining, [w for _, w in pub_items], rng), strict=True
    ):
        econ[code] = econ.get(code, 0) + v
    econ.update({k: v for k, v in fixed.items() if v})
    return {k: v for k, v in econ.items() if v}


def _grow(rng: random.Random, value: Decimal, lo: float = -0.25, hi: float = 0.25) -> Decimal:
    if rng.random() < 0.08:
        return value
    g = Decimal(str(round(rng.uniform(lo, hi), 4)))
    return max((value * (1 + g)).quantize(Decimal("0.01")), Decimal(0))


def generate(rng: random.Random, year: int = 2024) -> Disclosure:
    """A synthetic disclosure for ``year`` drawn from ``rng`` (deterministic for a seed)."""
    if year not in SUPPORTED_YEARS:
        raise JuesuanError(
            f"不支持的年度：{year}（支持 {SUPPORTED_YEARS.start}–{SUPPORTED_YEARS.stop - 1} 年）"
        )
    plan = _plan(rng, year)
    leaves, _total = _leaves(rng, plan)
    carry_in, carry_out = _carry(rng, leaves)
    classes = expense_classes(year)
    sg = _sangong(rng, sum(lf.expense for lf in leaves))
    econ = _econ(rng, leaves, sg)
    names: dict[str, str] = {}
    for leaf in leaves:
        for code in (leaf.code[:3], leaf.code[:5], leaf.code):
            names[code] = _name(code, year)
    econ_names = {c: _name(c, year) for code in econ for c in (code[:3], code)}
    t02 = coded_table(
        "02",
        leaves,
        {
            "本年收入合计": lambda lf: lf.income,
            "财政拨款收入": lambda lf: lf.fiscal_income,
            "事业收入": lambda lf: lf.biz,
            "其他收入": lambda lf: lf.oth,
        },
        names,
    )
    t03 = coded_table(
        "03",
        leaves,
        {
            "本年支出合计": lambda lf: lf.expense,
            "基本支出": lambda lf: lf.basic,
            "项目支出": lambda lf: lf.project,
        },
        names,
    )
    t05 = coded_table(
        "05",
        leaves,
        {"合计": lambda lf: lf.general, "基本支出": lambda lf: lf.fb, "项目支出": lambda lf: lf.fp},
        names,
    )
    t07 = coded_table(
        "07",
        leaves,
        {
            "本年收入": lambda lf: lf.fund,
            "小计": lambda lf: lf.fund,
            "项目支出": lambda lf: lf.fund,
        },
        names,
    )
    t08 = coded_table("08", [], {}, names)
    tables = {
        "01": table01(leaves, classes, carry_in, carry_out),
        "02": t02,
        "03": t03,
        "04": table04(leaves, classes, carry_in, carry_out),
        "05": t05,
        "06": table06(econ, econ_names),
        "07": t07,
        "08": t08,
        "09": table09(sg.budget, sg.final),
    }
    dept = f"{plan.place}{plan.bureau.name}"
    d = Disclosure(
        meta=Meta(
            unit_name=dept,
            fiscal_year=year,
            scope="汇总" if len(plan.units) > 1 else "本级",
            region=plan.place,
        ),
        profile=Profile(
            duties=list(plan.bureau.duties),
            internal_departments=[*vocab.COMMON_OFFICES[:2], *plan.bureau.offices],
            units=plan.units,
        ),
        tables=tables,
    )
    d.evaluations = _evaluations(rng, d, leaves, plan, year)
    d.extras = _extras(rng, d, leaves, sg, econ)
    return d


def _evaluations(
    rng: random.Random, d: Disclosure, leaves: list[Leaf], plan: Plan, year: int
) -> list[Evaluation]:
    projects = sorted((lf for lf in leaves if lf.fp >= CENTS_PER_WAN), key=lambda lf: -lf.fp)
    count = min(len(projects), rng.randint(1, 4))
    topics = rng.sample(plan.bureau.projects, min(count, len(plan.bureau.projects)))
    project_total = sum(wan(lf.fp) for lf in leaves)
    out: list[Evaluation] = []
    for full_rate in (False, True):
        out = []
        for leaf, topic in zip(projects, topics, strict=False):
            executed = wan(leaf.fp)
            out.append(
                evaluation(
                    rng,
                    f"{topic}项目",
                    d.meta.unit_name,
                    rng.choice(plan.units).name,
                    year,
                    executed,
                    executed,
                    plan.bureau.topic,
                    full_rate=full_rate,
                )
            )
        budgets = sum((e.funding[0].annual_budget.value for e in out if e.funding[0].annual_budget),
                      Decimal(0))  # fmt: skip
        if budgets <= project_total:
            break
    return out


def _extras(
    rng: random.Random, d: Disclosure, leaves: list[Leaf], sg: SanGong, econ: dict[str, int]
) -> Extras:
    from juesuan.model.values import current

    def now(key: str) -> Decimal:
        n = current(d, key)
        return n.value if n is not None else Decimal(0)

    prior: dict[str, Decimal] = {}
    for key in ("total", "fiscal.total", "fiscal.income", "fiscal.expense", "general.expense"):
        prior[key] = _grow(rng, now(key))
    if any(lf.fund for lf in leaves):
        prior["fund.expense"] = _grow(rng, now("fund.expense"))
    public = wan(sum(v for c, v in econ.items() if c[:3] not in ("301", "303")))
    office = (public * Decimal(str(round(rng.uniform(0.5, 0.95), 3)))).quantize(Decimal("0.01"))
    prior["office_running"] = _grow(rng, office)
    # 三公: prior items drawn, totals summed (so the prior is itself consistent)
    if not sg.empty or rng.random() < 0.5:
        items = {
            "sangong.abroad": wan(sg.final.get("abroad", 0)),
            "sangong.vehicle_purchase": wan(sg.final.get("purchase", 0)),
            "sangong.vehicle_operation": wan(sg.final.get("operation", 0)),
            "sangong.reception": wan(sg.final.get("reception", 0)),
        }
        p = {k: _grow(rng, v, -0.3, 0.3) for k, v in items.items()}
        if sg.empty:
            p = dict.fromkeys(items, Decimal("0.00"))
        if not sg.final.get("purchase") and rng.random() < 0.1:
            p["sangong.vehicle_purchase"] = Decimal("18.50")
        prior.update(p)
        prior["sangong.vehicle"] = p["sangong.vehicle_purchase"] + p["sangong.vehicle_operation"]
        prior["sangong.total"] = (
            p["sangong.abroad"] + prior["sangong.vehicle"] + p["sangong.reception"]
        )
    reasons: dict[str, str] = {}
    for key, value in prior.items():
        current_value = office if key == "office_running" else now(key)
        if value != current_value:
            pool = (
                vocab.SANGONG_REASONS
                if key.startswith("sangong.")
                else vocab.OFFICE_REASONS
                if key == "office_running"
                else vocab.GENERIC_CHANGE_REASONS
            )
            reasons[key] = rng.choice(pool)
    budget: dict[str, Decimal] = {}
    t05 = d.tables["05"]
    for row in t05.coded_rows():
        if row.code and len(row.code) == 7:
            actual = row.values["合计"].value if "合计" in row.values else Decimal(0)
            if row.values.get("项目支出") and rng.random() < 0.08:
                budget[f"func:{row.code}"] = Decimal("0.00")
            else:
                budget[f"func:{row.code}"] = _grow(rng, actual, -0.2, 0.1)
    general_budget = sum(budget.values(), Decimal(0))
    budget["general.expense"] = general_budget
    fund_now = now("fund.expense")
    fiscal_budget = general_budget + (_grow(rng, fund_now) if fund_now else Decimal(0))
    budget["fiscal.income"] = fiscal_budget
    budget["fiscal.expense"] = fiscal_budget
    budget_reasons: dict[str, str] = {}
    for key, value in budget.items():
        if value != now(key):
            budget_reasons[key] = rng.choice(vocab.GENERIC_BUDGET_REASONS)
    extras = Extras(
        prior={k: dnum(v) for k, v in prior.items()},
        budget_initial={k: dnum(v) for k, v in budget.items()},
        reasons=reasons,
        budget_reasons=budget_reasons,
        office_running=dnum(office),
    )
    extras.sangong_counts = extras.sangong_counts.model_validate(sg.counts)
    extras.procurement = _procurement(rng, now("expense.total"))
    held = sg.counts.get("vehicles_held", 0)
    total_vehicles = held + (rng.choice((0, 0, 1, 2)) if held else 0)
    cats: dict[str, int] = {}
    if total_vehicles:
        for _ in range(total_vehicles):
            c = rng.choice(vocab.VEHICLE_CATEGORIES)
            cats[c] = cats.get(c, 0) + 1
    extras.assets = extras.assets.model_validate(
        {
            "vehicles_total": total_vehicles,
            "vehicles_by_category": cats,
            "equipment_over_1m": rng.choice((0, 0, 0, 1, 2)),
        }
    )
    evals = d.evaluations
    funds = sum((e.funding[0].annual_budget.value for e in evals if e.funding[0].annual_budget),
                Decimal(0))  # fmt: skip
    grades: dict[str, int] = {}
    for e in evals:
        if e.grade:
            grades[e.grade] = grades.get(e.grade, 0) + 1
    share = pct(funds, now("general.project"))
    extras.performance = extras.performance.model_validate(
        {
            "projects_evaluated": len(evals),
            "funds_covered": str(funds.quantize(Decimal("0.01"))),
            "share_of_project_expense": str(share) if share is not None else None,
            "grade_counts": grades,
        }
    )
    return extras


def _procurement(rng: random.Random, expense: Decimal) -> Procurement:
    if rng.random() < 0.2 or expense == 0:
        zero = Num.of("0.00")
        return Procurement(
            total=zero, goods=zero, works=zero, services=zero, sme_amount=zero, sme_share=zero,
            small_micro_amount=zero, small_micro_share=zero,
        )  # fmt: skip
    total_c = int(expense * Decimal(str(rng.uniform(0.02, 0.25))) * CENTS_PER_WAN)
    weights = [rng.random() + 0.3, rng.random() if rng.random() < 0.3 else 0.0, rng.random() + 0.3]
    goods, works, services = (wan(x) for x in split(total_c, weights, rng, 0.0))
    total = goods + works + services
    sme = (total * Decimal(str(rng.uniform(0.5, 0.95)))).quantize(Decimal("0.01"))
    small = (sme * Decimal(str(rng.uniform(0.4, 0.9)))).quantize(Decimal("0.01"))
    denominator = rng.choice(("采购总额", "中小企业合同金额"))
    small_base = total if denominator == "采购总额" else sme
    return Procurement(
        total=dnum(total),
        goods=dnum(goods),
        works=dnum(works),
        services=dnum(services),
        sme_amount=dnum(sme),
        sme_share=Num.of(pct(sme, total) or Decimal("0.00")),
        small_micro_amount=dnum(small),
        small_micro_share=Num.of(pct(small, small_base) or Decimal("0.00")),
        small_micro_denominator=denominator,
    )
