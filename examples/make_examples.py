"""Regenerate the bundled examples from their leaf figures.

The examples are internally consistent by construction: every total, 类 and 款 row, the
cross-table figures of 01/04 and the 06 footers are summed here from the 项-level and
款-level figures below.  Figures follow two real published disclosures (a county and a
city medical security bureau); all text is ours.  Run: ``python examples/make_examples.py``.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from juesuan.model import Disclosure, Evaluation, FundingLine, Indicator, Num, Row, Table
from juesuan.model.spec import FUND_KINDS, INCOME_01, SPECS

FUNC_NAMES = {
    "208": "社会保障和就业支出",
    "20805": "行政事业单位养老支出",
    "2080501": "行政单位离退休",
    "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出",
    "210": "卫生健康支出",
    "21001": "卫生健康管理事务",
    "2100101": "行政运行",
    "21011": "行政事业单位医疗",
    "2101101": "行政单位医疗",
    "2101102": "事业单位医疗",
    "2101103": "公务员医疗补助",
    "2101199": "其他行政事业单位医疗支出",
    "21013": "医疗救助",
    "2101301": "城乡医疗救助",
    "2101399": "其他医疗救助支出",
    "21015": "医疗保障管理事务",
    "2101501": "行政运行",
    "2101505": "医疗保障政策管理",
    "2101550": "事业运行",
    "2101599": "其他医疗保障管理事务支出",
    "221": "住房保障支出",
    "22102": "住房改革支出",
    "2210201": "住房公积金",
}
ECON_NAMES = {
    "301": "工资福利支出",
    "30101": "基本工资",
    "30102": "津贴补贴",
    "30103": "奖金",
    "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费",
    "30110": "职工基本医疗保险缴费",
    "30111": "公务员医疗补助缴费",
    "30112": "其他社会保障缴费",
    "30113": "住房公积金",
    "30199": "其他工资福利支出",
    "302": "商品和服务支出",
    "30201": "办公费",
    "30202": "印刷费",
    "30206": "电费",
    "30207": "邮电费",
    "30211": "差旅费",
    "30213": "维修（护）费",
    "30214": "租赁费",
    "30215": "会议费",
    "30216": "培训费",
    "30217": "公务接待费",
    "30227": "委托业务费",
    "30228": "工会经费",
    "30229": "福利费",
    "30231": "公务用车运行维护费",
    "30239": "其他交通费用",
    "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助",
    "30302": "退休费",
    "30309": "奖励金",
    "30399": "其他对个人和家庭的补助",
    "310": "资本性支出",
    "31002": "办公设备购置",
}
CLASSES_01 = [
    "一般公共服务支出",
    "外交支出",
    "国防支出",
    "公共安全支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "社会保障和就业支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "交通运输支出",
    "资源勘探工业信息等支出",
    "商业服务业等支出",
    "金融支出",
    "援助其他地区支出",
    "自然资源海洋气象等支出",
    "住房保障支出",
    "粮油物资储备支出",
    "国有资本经营预算支出",
    "灾害防治及应急管理支出",
    "其他支出",
    "债务还本支出",
    "债务付息支出",
    "抗疫特别国债安排的支出",
]
CLASS_CODES = {"社会保障和就业支出": "208", "卫生健康支出": "210", "住房保障支出": "221"}
D = Decimal


def n(v: Decimal | str) -> Num:
    return Num.of(D(v).quantize(D("0.01")))


def coded_rows(leaves: dict[str, dict[str, Decimal]], columns: list[str]) -> list[Row]:
    """Rows 合计, 类, 款, 项 summed from 项-level leaves."""
    sums: dict[str, dict[str, Decimal]] = {}
    for code, vals in leaves.items():
        for prefix in (code[:3], code[:5], code):
            acc = sums.setdefault(prefix, {})
            for k, v in vals.items():
                acc[k] = acc.get(k, D(0)) + v
    total: dict[str, Decimal] = {}
    for code in (c for c in sums if len(c) == 3):
        for k, v in sums[code].items():
            total[k] = total.get(k, D(0)) + v

    def vals(d: dict[str, Decimal]) -> dict[str, Num]:
        return {k: n(d[k]) for k in columns if d.get(k)}

    rows = [Row(key="合计", label="合计", values=vals(total))]
    for code in sorted(sums, key=lambda c: (c[:3], c[:5], len(c), c)):
        rows.append(Row(key=code, code=code, label=FUNC_NAMES[code], values=vals(sums[code])))
    return rows


def with_total(
    leaves: dict[str, dict[str, Decimal]], total_key: str
) -> dict[str, dict[str, Decimal]]:
    return {c: {total_key: sum(v.values(), D(0)), **v} for c, v in leaves.items()}


def build(
    unit: str,
    year: int,
    scope: str,
    income: dict[str, Decimal],
    expense: dict[str, tuple[str, str]],
    carry_in: Decimal,
    econ: dict[str, str],
    sangong_budget: dict[str, str],
    sangong_final: dict[str, str],
) -> Disclosure:
    exp_leaves = {c: {"基本支出": D(b), "项目支出": D(p)} for c, (b, p) in expense.items()}
    t03 = Table(
        id="03",
        title=SPECS["03"].title,
        rows=coded_rows(with_total(exp_leaves, "本年支出合计"), list(SPECS["03"].column_keys())),
    )
    t05 = Table(
        id="05",
        title=SPECS["05"].title,
        rows=coded_rows(with_total(exp_leaves, "合计"), ["合计", "基本支出", "项目支出"]),
    )
    inc_leaves = {c: {"本年收入合计": D(v), "财政拨款收入": D(v)} for c, v in income.items()}
    t02 = Table(
        id="02",
        title=SPECS["02"].title,
        rows=coded_rows(inc_leaves, list(SPECS["02"].column_keys())),
    )
    inc_total = t02.rows[0].values["本年收入合计"].value
    exp_total = t03.rows[0].values["本年支出合计"].value
    assert inc_total + carry_in == exp_total, (inc_total, carry_in, exp_total)
    class_amounts = {
        r.label: r.values["本年支出合计"].value for r in t03.rows if r.code and len(r.code) == 3
    }
    r01: list[Row] = []
    for label in INCOME_01:
        v = inc_total if label == "一般公共预算财政拨款收入" else None
        r01.append(Row(key=label, label=label, side="收入", values={"金额": n(v)} if v else {}))
    r01.append(
        Row(key="本年收入合计", label="本年收入合计", side="收入", values={"金额": n(inc_total)})
    )
    r01.append(
        Row(
            key="使用非财政拨款结余（含专用结余）",
            label="使用非财政拨款结余（含专用结余）",
            side="收入",
        )
    )
    r01.append(
        Row(
            key="年初结转和结余",
            label="年初结转和结余",
            side="收入",
            values={"金额": n(carry_in)} if carry_in else {},
        )
    )
    r01.append(Row(key="总计", label="总计", side="收入", values={"金额": n(inc_total + carry_in)}))
    for label in CLASSES_01:
        v = class_amounts.get(label)
        r01.append(
            Row(
                key=label,
                label=label,
                code=CLASS_CODES.get(label),
                side="支出",
                values={"金额": n(v)} if v else {},
            )
        )
    for label, v in (
        ("本年支出合计", exp_total),
        ("结余分配", None),
        ("年末结转和结余", None),
        ("总计", exp_total),
    ):
        r01.append(Row(key=label, label=label, side="支出", values={"金额": n(v)} if v else {}))
    t01 = Table(id="01", title=SPECS["01"].title, rows=r01)
    r04: list[Row] = [
        Row(
            key=k, label=k, side="收入", values={"金额": n(inc_total)} if k == FUND_KINDS[0] else {}
        )
        for k in FUND_KINDS
    ]
    r04.append(
        Row(key="本年收入合计", label="本年收入合计", side="收入", values={"金额": n(inc_total)})
    )
    cin = {"金额": n(carry_in)} if carry_in else {}
    r04.append(
        Row(key="年初财政拨款结转和结余", label="年初财政拨款结转和结余", side="收入", values=cin)
    )
    r04 += [
        Row(
            key=f"年初财政拨款结转和结余/{k}",
            label=k,
            side="收入",
            values=cin if k == FUND_KINDS[0] else {},
        )
        for k in FUND_KINDS
    ]
    r04.append(Row(key="总计", label="总计", side="收入", values={"金额": n(inc_total + carry_in)}))
    for label in CLASSES_01:
        v = class_amounts.get(label)
        r04.append(
            Row(
                key=label,
                label=label,
                code=CLASS_CODES.get(label),
                side="支出",
                values={"合计": n(v), "一般公共预算财政拨款": n(v)} if v else {},
            )
        )
    both = {"合计": n(exp_total), "一般公共预算财政拨款": n(exp_total)}
    r04.append(Row(key="本年支出合计", label="本年支出合计", side="支出", values=both))
    r04.append(Row(key="年末财政拨款结转和结余", label="年末财政拨款结转和结余", side="支出"))
    r04.append(Row(key="总计", label="总计", side="支出", values=both))
    t04 = Table(id="04", title=SPECS["04"].title, rows=r04)
    econ_rows: list[Row] = []
    cls_sum: dict[str, Decimal] = {}
    for code, v in econ.items():
        cls_sum[code[:3]] = cls_sum.get(code[:3], D(0)) + D(v)
    for cls in sorted(cls_sum):
        econ_rows.append(
            Row(key=cls, code=cls, label=ECON_NAMES[cls], values={"决算数": n(cls_sum[cls])})
        )
        econ_rows += [
            Row(key=c, code=c, label=ECON_NAMES[c], values={"决算数": n(v)})
            for c, v in econ.items()
            if c[:3] == cls
        ]
    personnel = cls_sum.get("301", D(0)) + cls_sum.get("303", D(0))
    public = sum((v for k, v in cls_sum.items() if k not in ("301", "303")), D(0))
    basic = t05.rows[0].values["基本支出"].value
    assert personnel + public == basic, (personnel, public, basic)
    econ_rows.append(Row(key="人员经费合计", label="人员经费合计", values={"决算数": n(personnel)}))
    econ_rows.append(Row(key="公用经费合计", label="公用经费合计", values={"决算数": n(public)}))
    t06 = Table(id="06", title=SPECS["06"].title, rows=econ_rows)
    empty_note = "本部门本年度无此项收支，按要求以空表列示。"
    t07 = Table(
        id="07", title=SPECS["07"].title, rows=[Row(key="合计", label="合计")], notes=[empty_note]
    )
    t08 = Table(
        id="08", title=SPECS["08"].title, rows=[Row(key="合计", label="合计")], notes=[empty_note]
    )
    sg: dict[str, Num] = {}
    for block, items in (("预算数", sangong_budget), ("决算数", sangong_final)):
        for k, v in items.items():
            if D(v):
                sg[f"{block}/{k}"] = n(v)
    t09 = Table(
        id="09",
        title=SPECS["09"].title,
        rows=[Row(key="三公经费", label="“三公”经费", values=sg)],
        notes=[] if sg else ["本部门本年度无财政拨款“三公”经费支出，本表无数据。"],
    )
    return Disclosure.model_validate(
        {
            "meta": {"unit_name": unit, "fiscal_year": year, "scope": scope},
            "tables": {t.id: t for t in (t01, t02, t03, t04, t05, t06, t07, t08, t09)},
        }
    )


def sangong(total: str, abroad: str, veh: str, buy: str, run: str, rec: str) -> dict[str, str]:
    return {
        "合计": total,
        "因公出国（境）费": abroad,
        "公务用车购置及运行维护费": veh,
        "公务用车购置费": buy,
        "公务用车运行维护费": run,
        "公务接待费": rec,
    }


def county() -> Disclosure:
    expense = {
        "2080502": ("7.12", "0"),
        "2080505": ("38.73", "0"),
        "2100101": ("7.89", "441.96"),
        "2101101": ("3.77", "0"),
        "2101102": ("14.93", "0"),
        "2101301": ("0", "1532.39"),
        "2101399": ("0", "207.65"),
        "2101501": ("77.70", "276.17"),
        "2101550": ("247.48", "4.13"),
        "2101599": ("0", "58.79"),
        "2210201": ("29.70", "0"),
    }
    income = {c: D(b) + D(p) for c, (b, p) in expense.items()}
    econ = {
        "30101": "176.32",
        "30102": "21.47",
        "30103": "46.52",
        "30107": "44.76",
        "30108": "38.73",
        "30110": "18.70",
        "30112": "1.66",
        "30113": "29.70",
        "30199": "7.89",
        "30201": "5.35",
        "30206": "5.67",
        "30211": "0.78",
        "30213": "0.26",
        "30228": "3.34",
        "30229": "8.43",
        "30239": "8.86",
        "30299": "1.76",
        "30302": "7.12",
    }
    zero = sangong("0", "0", "0", "0", "0", "0")
    d = build("武陟县医疗保障局", 2024, "本级", income, expense, D(0), econ, zero, zero)
    budget = {
        "2080502": "7.46",
        "2080505": "42.03",
        "2100101": "0.00",
        "2101101": "3.97",
        "2101102": "15.82",
        "2101301": "1787.51",
        "2101399": "0.00",
        "2101501": "69.24",
        "2101550": "270.21",
        "2101599": "419.86",
        "2210201": "31.52",
    }
    d.extras = d.extras.model_validate(
        {
            "prior": {
                "total": "2543.58",
                "income.total": "2543.58",
                "expense.total": "2543.58",
                "fiscal.total": "2543.58",
                "general.expense": "2543.58",
                "office_running": "53.31",
            },
            "budget_initial": {
                **{f"func:{c}": v for c, v in budget.items()},
                "general.expense": str(sum((D(v) for v in budget.values()), D(0))),
            },
            "reasons": {
                "total": "城乡医疗救助资助参保标准和城乡居民医保补助标准提高，在职人员工资调整。",
                "fiscal.total": "城乡医疗救助资助参保标准和城乡居民医保补助标准提高，在职人员工资调整。",
                "general.expense": "城乡医疗救助资助参保标准和城乡居民医保补助标准提高，在职人员工资调整。",
                "office_running": "两名职工退休，公用经费从严控制。",
            },
            "budget_reasons": {
                "func:2080502": "两名在职职工退休。",
                "func:2080505": "两名在职职工退休。",
                "func:2100101": "上级配套资金年中下达，年初未编预算。",
                "func:2101101": "两名在职职工退休。",
                "func:2101102": "两名在职职工退休。",
                "func:2101301": "年初预算按上年参保人数测算，实际资助人数减少。",
                "func:2101399": "上级配套资金年中下达，年初未编预算。",
                "func:2101501": "医疗救助上级配套资金列支本科目。",
                "func:2101550": "两名在职职工退休。",
                "func:2101599": "离休干部医药费改列其他科目。",
                "func:2210201": "两名在职职工退休。",
            },
            "office_running": "34.45",
            "sangong_counts": {
                "abroad_groups": 0,
                "abroad_people": 0,
                "vehicles_purchased": 0,
                "vehicles_held": 0,
                "reception_batches": 0,
                "reception_people": 0,
            },
            "procurement": {
                "total": "0.00",
                "goods": "0.00",
                "works": "0.00",
                "services": "0.00",
                "sme_amount": "0.00",
                "sme_share": "0.00",
                "small_micro_amount": "0.00",
                "small_micro_share": "0.00",
                "small_micro_denominator": "中小企业合同金额",
            },
            "assets": {"vehicles_total": 0, "equipment_over_1m": 0},
            "performance": {
                "projects_evaluated": 17,
                "funds_covered": "2521.09",
                "share_of_project_expense": "100.00",
                "department_evaluated": True,
                "department_score": "98.28",
                "grade_counts": {"优": 17},
            },
        }
    )
    d.profile = d.profile.model_validate(
        {
            "duties": [
                "拟订全县医疗保障制度、政策和标准并组织实施",
                "监督管理医疗保障基金",
                "组织实施医疗救助",
            ],
            "internal_departments": ["办公室（党的建设办公室）", "基金监管股", "政策法规股"],
            "units": [
                {"name": "武陟县医疗保障局", "nature": "行政单位", "funding_form": "财政拨款"}
            ],
        }
    )
    d.evaluations = [
        Evaluation(
            name="提前下达2024年省级财政医疗救助补助资金",
            department="武陟县医疗保障局",
            implementer="武陟县医疗保障局",
            year=2024,
            profile="henan",
            funding=[
                FundingLine(
                    label="年度资金总额",
                    initial_budget=n("118"),
                    annual_budget=n("118"),
                    executed=n("118"),
                    weight=n("10"),
                    rate=n("100.00"),
                    score=n("10"),
                )
            ],
            indicators=[
                Indicator(
                    level1="产出指标",
                    level2="数量指标",
                    level3="资助参保人数",
                    weight=n("15"),
                    operator="≥",
                    target_text="3000人",
                    target=n("3000"),
                    unit="人",
                    actual_text="3286人",
                    actual=n("3286"),
                    status="完成",
                    score=n("15"),
                ),
                Indicator(
                    level1="产出指标",
                    level2="质量指标",
                    level3="救助对象覆盖率",
                    weight=n("15"),
                    operator="≥",
                    target_text="95%",
                    target=n("95"),
                    unit="%",
                    actual_text="98%",
                    actual=n("98"),
                    status="完成",
                    score=n("15"),
                ),
                Indicator(
                    level1="资金管理",
                    level2="资金管理",
                    level3="资金拨付及时率",
                    weight=n("20"),
                    operator="≥",
                    target_text="100%",
                    target=n("100"),
                    unit="%",
                    actual_text="95%",
                    actual=n("95"),
                    status="未完成",
                    score=n("19"),
                    reason="个别批次资金拨付滞后。",
                ),
                Indicator(
                    level1="成本指标",
                    level2="经济成本指标",
                    level3="人均资助标准",
                    weight=n("10"),
                    operator="≤",
                    target_text="380元",
                    target=n("380"),
                    unit="元",
                    actual_text="380元",
                    actual=n("380"),
                    status="完成",
                    score=n("10"),
                ),
                Indicator(
                    level1="效益指标",
                    level2="社会效益指标",
                    level3="困难群众医疗负担减轻",
                    weight=n("25"),
                    operator="文字描述",
                    target_text="明显减轻",
                    actual_text="明显减轻",
                    status="完成",
                    score=n("25"),
                ),
                Indicator(
                    level1="满意度指标",
                    level2="服务对象满意度指标",
                    level3="救助对象满意度",
                    weight=n("5"),
                    operator="≥",
                    target_text="90%",
                    target=n("90"),
                    unit="%",
                    actual_text="95%",
                    actual=n("95"),
                    status="完成",
                    score=n("5"),
                ),
            ],
            execution_weight=n("10"),
            execution_score=n("10"),
            total_score=n("99"),
            grade="优",
        )
    ]
    return d


CITY_BUDGET = {
    "2080501": "15.80",
    "2080502": "23.00",
    "2080505": "140.00",
    "2101101": "14.00",
    "2101102": "38.00",
    "2101103": "4.00",
    "2101199": "500.00",
    "2101399": "100.00",
    "2101501": "320.00",
    "2101505": "0.00",
    "2101550": "830.00",
    "2101599": "135.00",
    "2210201": "106.08",
}
CITY_BUDGET_REASONS = {
    "2080501": "离休人员减少。",
    "2080502": "退休人员费用按实际发生支付。",
    "2080505": "人员调动，缴费基数变化。",
    "2101101": "人员调动，缴费基数变化。",
    "2101102": "人员调动，缴费基数变化。",
    "2101103": "人员调动，缴费基数变化。",
    "2101501": "人员调动，人员经费减少。",
    "2101505": "年中收到上级下达的医疗服务与保障能力提升资金。",
    "2101550": "人员调动，人员经费减少。",
    "2101599": "年中追加医保经办审计等专项经费。",
    "2210201": "人员调动，缴费基数变化。",
}


def city() -> Disclosure:
    expense = {
        "2080501": ("15.73", "0"),
        "2080502": ("23.03", "0"),
        "2080505": ("138.25", "0"),
        "2101101": ("13.50", "0"),
        "2101102": ("37.50", "0"),
        "2101103": ("3.77", "0"),
        "2101199": ("0", "500.00"),
        "2101399": ("0", "100.00"),
        "2101501": ("317.67", "0"),
        "2101505": ("0", "221.98"),
        "2101550": ("829.47", "0"),
        "2101599": ("0", "318.12"),
        "2210201": ("104.76", "0"),
    }
    income = {
        "2080501": D("15.73"),
        "2080502": D("23.03"),
        "2080505": D("138.24"),
        "2101101": D("13.50"),
        "2101102": D("37.50"),
        "2101103": D("3.77"),
        "2101199": D("500.00"),
        "2101399": D("100.00"),
        "2101501": D("317.67"),
        "2101505": D("218.00"),
        "2101550": D("829.47"),
        "2101599": D("318.12"),
        "2210201": D("104.75"),
    }
    econ = {
        "30101": "395.73",
        "30102": "194.38",
        "30103": "89.59",
        "30107": "370.33",
        "30108": "137.85",
        "30110": "48.56",
        "30111": "3.77",
        "30112": "9.88",
        "30113": "104.76",
        "30199": "1.79",
        "30201": "15.14",
        "30202": "1.02",
        "30207": "13.98",
        "30211": "4.15",
        "30214": "0.37",
        "30215": "1.01",
        "30216": "1.13",
        "30217": "0.05",
        "30227": "3.34",
        "30228": "14.20",
        "30229": "8.74",
        "30231": "1.53",
        "30239": "17.16",
        "30299": "1.62",
        "30302": "38.24",
        "30309": "0.89",
        "30399": "0.97",
        "31002": "3.50",
    }
    d = build(
        "秦皇岛市医疗保障局",
        2023,
        "汇总",
        income,
        expense,
        D("4.00"),
        econ,
        sangong("6.43", "0", "5.76", "0", "5.76", "0.67"),
        sangong("1.58", "0", "1.53", "0", "1.53", "0.05"),
    )
    d.extras = d.extras.model_validate(
        {
            "prior": {
                "total": "2779.94",
                "fiscal.income": "2761.27",
                "fiscal.expense": "2775.93",
                "general.income": "2761.27",
                "general.expense": "2775.93",
                "sangong.total": "1.81",
                "sangong.abroad": "0.00",
                "sangong.vehicle": "1.35",
                "sangong.vehicle_purchase": "0.00",
                "sangong.vehicle_operation": "1.35",
                "sangong.reception": "0.46",
                "office_running": "48.56",
            },
            "budget_initial": {
                "fiscal.income": "2225.88",
                "fiscal.expense": "2225.88",
                "general.income": "2225.88",
                "general.expense": "2225.88",
                **{f"func:{c}": v for c, v in CITY_BUDGET.items()},
            },
            "reasons": {
                "total": "上级下达的医疗服务与保障能力提升资金减少。",
                "fiscal.income": "上级下达的医疗服务与保障能力提升资金减少。",
                "general.expense": "人员调动，人员支出减少；上级专项资金减少。",
                "sangong.vehicle": "公务用车车龄较长，维修费用增加。",
                "sangong.reception": "严格控制接待范围，接待次数减少。",
                "fiscal.expense": "人员调动，人员支出减少。",
                "sangong.total": "公务接待减少；公务用车车龄较长，维修费用增加。",
                "office_running": "按要求压减一般性支出。",
            },
            "budget_reasons": {
                "fiscal.income": "年中收到上级下达的医疗服务与保障能力提升资金。",
                "fiscal.expense": "年中收到上级下达的医疗服务与保障能力提升资金。",
                "general.expense": "年中收到上级下达的医疗服务与保障能力提升资金。",
                **{f"func:{c}": r for c, r in CITY_BUDGET_REASONS.items()},
            },
            "office_running": "46.22",
            "sangong_counts": {
                "abroad_groups": 0,
                "abroad_people": 0,
                "vehicles_purchased": 0,
                "vehicles_held": 2,
                "reception_batches": 1,
                "reception_people": 5,
                "foreign_reception_batches": 0,
            },
            "procurement": {
                "total": "2517.07",
                "goods": "105.68",
                "works": "0.00",
                "services": "2411.39",
                "sme_amount": "0.18",
                "sme_share": "0.01",
                "small_micro_amount": "0.18",
                "small_micro_share": "0.01",
                "small_micro_denominator": "采购总额",
            },
            "assets": {
                "vehicles_total": 2,
                "vehicles_by_category": {"机要通信用车": 1, "应急保障用车": 1},
                "equipment_over_1m": 0,
            },
            "performance": {
                "projects_evaluated": 8,
                "funds_covered": "1140.10",
                "share_of_project_expense": "100.00",
                "grade_counts": {"优": 8},
            },
        }
    )
    d.profile = d.profile.model_validate(
        {
            "duties": [
                "拟订全市医疗保障政策、规划和标准",
                "建立健全医疗保障基金安全防控机制",
                "负责医疗保障经办管理和公共服务体系建设",
            ],
            "units": [
                {
                    "name": "秦皇岛市医疗保障局（本级）",
                    "nature": "行政单位",
                    "funding_form": "财政拨款",
                },
                {
                    "name": "秦皇岛市医疗保险基金管理中心",
                    "nature": "财政补助事业单位",
                    "funding_form": "财政拨款",
                },
            ],
        }
    )
    d.evaluations = [
        Evaluation(
            name="医保运行保障及审计",
            department="秦皇岛市医疗保障局",
            implementer="秦皇岛市医疗保险基金管理中心",
            year=2023,
            profile="national",
            funding=[
                FundingLine(
                    label="年度资金总额",
                    annual_budget=n("80"),
                    executed=n("49.98"),
                    weight=n("10"),
                    rate=n("62.48"),
                    score=n("6.25"),
                )
            ],
            indicators=[
                Indicator(
                    level1="产出指标",
                    level2="数量指标",
                    level3="委托第三方审计次数",
                    weight=n("20"),
                    operator="≥",
                    target_text="2次",
                    target=n("2"),
                    unit="次",
                    actual_text="2次",
                    actual=n("2"),
                    status="完成",
                    score=n("20"),
                ),
                Indicator(
                    level1="产出指标",
                    level2="质量指标",
                    level3="参保人数覆盖率",
                    weight=n("15"),
                    operator="≥",
                    target_text="95%",
                    target=n("95"),
                    unit="%",
                    actual_text="95%",
                    actual=n("95"),
                    status="完成",
                    score=n("15"),
                ),
                Indicator(
                    level1="产出指标",
                    level2="成本指标",
                    level3="项目支出金额",
                    weight=n("15"),
                    operator="≤",
                    target_text="80万元",
                    target=n("80"),
                    unit="万元",
                    actual_text="49.98万元",
                    actual=n("49.98"),
                    status="完成",
                    score=n("15"),
                ),
                Indicator(
                    level1="效益指标",
                    level2="社会效益指标",
                    level3="医疗保险经办工作正常运行",
                    weight=n("30"),
                    operator="文字描述",
                    target_text="基本保障",
                    actual_text="基本保障",
                    status="完成",
                    score=n("30"),
                ),
                Indicator(
                    level1="满意度指标",
                    level2="服务对象满意度指标",
                    level3="参保人员满意度",
                    weight=n("10"),
                    operator="≥",
                    target_text="90%",
                    target=n("90"),
                    unit="%",
                    actual_text="95%",
                    actual=n("95"),
                    status="完成",
                    score=n("10"),
                ),
            ],
            execution_weight=n("10"),
            execution_score=n("6.25"),
            total_score=n("96.25"),
            grade="优",
        )
    ]
    return d


def write(d: Disclosure, path: Path) -> None:
    data: Any = d.model_dump(mode="json", exclude_defaults=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# 由 examples/make_examples.py 生成；数字内部一致。可直接编辑，或改脚本后重新生成。\n"
    path.write_text(
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120),
        encoding="utf-8",
    )


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    write(county(), root / "wuzhi-county-2024" / "disclosure.yaml")
    write(city(), root / "qinhuangdao-city-2023" / "disclosure.yaml")
    print("examples written to", root)
