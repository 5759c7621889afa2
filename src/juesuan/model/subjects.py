"""Subjects: the named quantities the narrative talks about (收支总计, 三公, 机关运行经费 ...).

A subject key names one quantity across years and sources: its 本年 value comes from the
tables (or the extra figures), its 上年 value from ``Extras.prior``, its 年初预算 from
``Extras.budget_initial``.  Keys of coded 科目 are ``func:<code>`` (一般公共预算财政拨款支出
by 功能分类, table 05 合计) and ``econ:<code>`` (table 06).
"""

from __future__ import annotations

import re

SUBJECTS: dict[str, str] = {
    "total": "收、支总计",
    "income.total": "本年收入合计",
    "income.fiscal": "财政拨款收入",
    "income.general": "一般公共预算财政拨款收入",
    "income.fund": "政府性基金预算财政拨款收入",
    "income.capital": "国有资本经营预算财政拨款收入",
    "income.superior": "上级补助收入",
    "income.business": "事业收入",
    "income.operating": "经营收入",
    "income.affiliated": "附属单位上缴收入",
    "income.other": "其他收入",
    "expense.total": "本年支出合计",
    "expense.basic": "基本支出",
    "expense.project": "项目支出",
    "expense.upper": "上缴上级支出",
    "expense.operating": "经营支出",
    "expense.subsidiary": "对附属单位补助支出",
    "fiscal.total": "财政拨款收、支总计",
    "fiscal.income": "财政拨款本年收入",
    "fiscal.expense": "财政拨款本年支出",
    "general.income": "一般公共预算财政拨款本年收入",
    "general.expense": "一般公共预算财政拨款支出",
    "general.basic": "一般公共预算财政拨款基本支出",
    "general.project": "一般公共预算财政拨款项目支出",
    "fund.income": "政府性基金预算财政拨款本年收入",
    "fund.expense": "政府性基金预算财政拨款支出",
    "capital.income": "国有资本经营预算财政拨款本年收入",
    "capital.expense": "国有资本经营预算财政拨款支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "sangong.total": "“三公”经费",
    "sangong.abroad": "因公出国（境）费",
    "sangong.vehicle": "公务用车购置及运行维护费",
    "sangong.vehicle_purchase": "公务用车购置费",
    "sangong.vehicle_operation": "公务用车运行维护费",
    "sangong.reception": "公务接待费",
    "sangong.reception_domestic": "国内公务接待费",
    "sangong.reception_foreign": "外宾接待费",
    "office_running": "机关运行经费",
    "procurement.total": "政府采购支出总额",
    "procurement.goods": "政府采购货物支出",
    "procurement.works": "政府采购工程支出",
    "procurement.services": "政府采购服务支出",
    "procurement.sme": "授予中小企业合同金额",
    "procurement.small_micro": "授予小微企业合同金额",
    "vehicles.total": "车辆总数",
    "perf.funds": "绩效自评覆盖资金",
}

_CODED = re.compile(r"^(func|econ):(\d{3}|\d{5}|\d{7})$")


def is_subject(key: str) -> bool:
    return key in SUBJECTS or bool(_CODED.match(key))


def subject_name(key: str) -> str:
    if key in SUBJECTS:
        return SUBJECTS[key]
    m = _CODED.match(key)
    if m:
        kind = "功能分类" if m.group(1) == "func" else "经济分类"
        return f"{kind}科目{m.group(2)}"
    raise KeyError(key)
