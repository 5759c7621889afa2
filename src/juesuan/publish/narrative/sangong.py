"""Item 九: “三公”经费 (预算 vs 决算, vs 上年, shares, counts)."""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.values import sangong_budget
from juesuan.publish.narrative.base import NarrativeSection, Writer

ITEMS = (
    ("sangong.abroad", "因公出国（境）费"),
    ("sangong.vehicle", "公务用车购置及运行维护费"),
    ("sangong.reception", "公务接待费"),
)
ALL_KEYS = (
    "sangong.total",
    "sangong.abroad",
    "sangong.vehicle",
    "sangong.vehicle_purchase",
    "sangong.vehicle_operation",
    "sangong.reception",
)


def _budget(w: Writer, key: str) -> Decimal:
    n = sangong_budget(w.d, key)
    return n.value if n is not None else Decimal(0)


def sangong(w: Writer, heading: str) -> list[NarrativeSection]:
    w.section = heading
    quiet = all(w.value(k) == 0 and _budget(w, k) == 0 and not w.prior(k) for k in ALL_KEYS)
    if quiet:
        text = (
            f"{w.who}{w.year}年度没有安排一般公共预算财政拨款“三公”经费预算，"
            f"也没有发生“三公”经费支出，故公开09表无数据。"
        )
        return [NarrativeSection("sangong", heading, (text,))]
    return [
        NarrativeSection("sangong", heading, ()),
        _overall(w, "（一）“三公”经费财政拨款支出决算总体情况"),
        _detail(w, "（二）“三公”经费财政拨款支出决算具体情况"),
    ]


def _overall(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    total = w.value("sangong.total")
    budget = _budget(w, "sangong.total")
    text = (
        f"{w.who}{w.year}年度“三公”经费财政拨款支出预算为{w.amt(budget)}，"
        f"支出决算为{w.amt(total)}{w.completion(total, budget, initial=False)}。"
    )
    text += "".join(w.versus_prior("sangong.total", "“三公”经费支出"))
    parts = [
        f"{label}支出决算{w.amt(w.value(key))}{w.share(w.value(key), total, '“三公”经费支出')}"
        for key, label in ITEMS
    ]
    text += "其中：" + "；".join(parts) + "。"
    return NarrativeSection("sangong.overall", heading, (text,), level=2)


def _item(w: Writer, no: int, key: str, label: str) -> str:
    value = w.value(key)
    budget = _budget(w, key)
    text = (
        f"{no}. {label}预算为{w.amt(budget)}，支出决算为{w.amt(value)}"
        f"{w.completion(value, budget, initial=False)}。"
    )
    text += "".join(w.versus_prior(key, f"{label}支出", required=False))
    return text


def _detail(w: Writer, heading: str) -> NarrativeSection:
    w.section = heading
    c = w.d.extras.sangong_counts
    abroad = _item(w, 1, "sangong.abroad", "因公出国（境）费")
    if c.abroad_groups is not None:
        abroad += f"全年因公出国（境）团组{c.abroad_groups}个"
        abroad += f"，累计{c.abroad_people}人次。" if c.abroad_people is not None else "。"
    vehicle = _item(w, 2, "sangong.vehicle", "公务用车购置及运行维护费")
    purchase = w.value("sangong.vehicle_purchase")
    operation = w.value("sangong.vehicle_operation")
    vehicle += f"其中：公务用车购置费{w.amt(purchase)}"
    if c.vehicles_purchased is not None:
        vehicle += f"，本年购置车辆{c.vehicles_purchased}辆"
    vehicle += f"；公务用车运行维护费{w.amt(operation)}"
    if c.vehicles_held is not None:
        vehicle += f"，年末公务用车保有量{c.vehicles_held}辆"
    vehicle += "。"
    reception = _item(w, 3, "sangong.reception", "公务接待费")
    if c.reception_batches is not None:
        reception += f"全年国内公务接待{c.reception_batches}批次"
        reception += f"，{c.reception_people}人次。" if c.reception_people is not None else "。"
    return NarrativeSection("sangong.detail", heading, (abroad, vehicle, reception), level=2)
