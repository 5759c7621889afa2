"""Items 十–十二: 机关运行经费, 政府采购, 国有资产占用."""

from __future__ import annotations

from decimal import Decimal

from juesuan.publish.fmt import pct_text, percent
from juesuan.publish.narrative.base import DATA_PLACEHOLDER, NarrativeSection, Writer


def office(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    if w.d.extras.office_running is None:
        w.note_missing("office_running", "本年数")
        text = f"{w.who}{w.year}年度机关运行经费支出{DATA_PLACEHOLDER}。"
        return NarrativeSection("office", heading, (text,))
    value = w.value("office_running")
    text = f"{w.who}{w.year}年度机关运行经费支出{w.amt(value)}"
    prior = w.prior("office_running")
    if prior is None:
        text += "。" + "".join(w.versus_prior("office_running", "机关运行经费支出"))
    elif prior == value:
        text += f"，与{w.prior_year}年度决算相比持平。"
    else:
        diff = value - prior
        word, rate_word = ("增加", "增长") if diff > 0 else ("减少", "下降")
        text += f"，比{w.prior_year}年度{word}{w.amt(abs(diff))}"
        rate = percent(abs(diff), prior)
        text += f"，{rate_word}{pct_text(rate)}。" if rate is not None else "。"
        text += f"主要原因是：{w.reason('office_running')}。"
    return NarrativeSection("office", heading, (text,))


def procurement(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    p = w.d.extras.procurement
    if p.total is None:
        w.note_missing("procurement.total", "数据")
        text = f"{w.who}{w.year}年度政府采购支出情况：{DATA_PLACEHOLDER}。"
        return NarrativeSection("procurement", heading, (text,))
    total = p.total.value
    text = f"{w.who}{w.year}年度政府采购支出总额{w.amt(total)}"
    if total == 0:
        return NarrativeSection("procurement", heading, (text + "，本年度未发生政府采购支出。",))
    text += (
        f"，其中：政府采购货物支出{w.amt(_v(p.goods))}、政府采购工程支出{w.amt(_v(p.works))}、"
        f"政府采购服务支出{w.amt(_v(p.services))}。"
    )
    sme = _v(p.sme_amount)
    small = _v(p.small_micro_amount)
    text += f"授予中小企业合同金额{w.amt(sme)}{w.share(sme, total, '政府采购支出总额')}；"
    if p.small_micro_denominator == "中小企业合同金额":
        share = w.share(small, sme, "授予中小企业合同金额")
    else:
        share = w.share(small, total, "政府采购支出总额")
    text += f"其中，授予小微企业合同金额{w.amt(small)}{share}。"
    return NarrativeSection("procurement", heading, (text,))


def _v(n: object) -> Decimal:
    value = getattr(n, "value", None)
    return value if isinstance(value, Decimal) else Decimal(0)


def assets(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    a = w.d.extras.assets
    if a.vehicles_total is None and a.equipment_over_1m is None:
        w.note_missing("vehicles.total", "数据")
        text = f"截至{w.year}年12月31日的国有资产占用情况：{DATA_PLACEHOLDER}。"
        return NarrativeSection("assets", heading, (text,))
    parts = []
    if a.vehicles_total is not None:
        parts.append(f"截至{w.year}年12月31日，{w.who}共有车辆{a.vehicles_total}辆。")
        cats = [f"{name}{n}辆" for name, n in a.vehicles_by_category.items() if n]
        if cats:
            parts.append("其中：" + "；".join(cats) + "。")
    if a.equipment_over_1m is not None:
        text = f"单位价值100万元以上设备（不含车辆）{a.equipment_over_1m}台（套）"
        if a.special_equipment_over_1m is not None:
            text += f"，其中专用设备{a.special_equipment_over_1m}台（套）"
        parts.append(text + "。")
    return NarrativeSection("assets", heading, ("".join(parts),))
