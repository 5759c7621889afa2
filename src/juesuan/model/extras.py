"""Figures the narrative needs that the nine tables lack (上年数, 年初预算, 三公 counts ...)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from juesuan.model.figure import Num
from juesuan.model.subjects import is_subject


def _check_keys(value: dict[str, object]) -> dict[str, object]:
    unknown = [k for k in value if not is_subject(k)]
    if unknown:
        raise ValueError(f"未知的科目/事项键: {', '.join(unknown)}（见 juesuan.model.subjects）")
    return value


class SanGongCounts(BaseModel):
    """三公 quantities that are counts, not money."""

    model_config = ConfigDict(extra="forbid")

    abroad_groups: int | None = Field(None, title="因公出国（境）团组数")
    abroad_people: int | None = Field(None, title="因公出国（境）人次")
    vehicles_purchased: int | None = Field(None, title="公务用车购置数量（辆）")
    vehicles_held: int | None = Field(None, title="公务用车保有量（辆）")
    reception_batches: int | None = Field(None, title="国内公务接待批次")
    reception_people: int | None = Field(None, title="国内公务接待人次")
    foreign_reception_batches: int | None = Field(None, title="外宾接待批次")
    foreign_reception_people: int | None = Field(None, title="外宾接待人次")
    foreign_reception_amount: Num | None = Field(None, title="外宾接待支出")
    domestic_reception_amount: Num | None = Field(None, title="国内公务接待支出")


class Procurement(BaseModel):
    """政府采购支出情况."""

    model_config = ConfigDict(extra="forbid")

    total: Num | None = Field(None, title="政府采购支出总额")
    goods: Num | None = Field(None, title="货物")
    works: Num | None = Field(None, title="工程")
    services: Num | None = Field(None, title="服务")
    sme_amount: Num | None = Field(None, title="授予中小企业合同金额")
    sme_share: Num | None = Field(None, title="授予中小企业合同金额占比（%）")
    small_micro_amount: Num | None = Field(None, title="其中授予小微企业合同金额")
    small_micro_share: Num | None = Field(None, title="授予小微企业合同金额占比（%）")
    small_micro_denominator: Literal["采购总额", "中小企业合同金额"] = Field(
        "采购总额", title="小微企业占比的分母"
    )


class Assets(BaseModel):
    """国有资产占有使用情况."""

    model_config = ConfigDict(extra="forbid")

    vehicles_total: int | None = Field(None, title="车辆总数")
    vehicles_by_category: dict[str, int] = Field(default_factory=dict, title="车辆分类数")
    equipment_over_1m: int | None = Field(None, title="单价100万元以上设备（台套）")
    special_equipment_over_1m: int | None = Field(None, title="单价100万元以上专用设备（台套）")


class PerfSummary(BaseModel):
    """预算绩效管理情况 summary as stated in the narrative."""

    model_config = ConfigDict(extra="forbid")

    projects_evaluated: int | None = Field(None, title="开展绩效自评的项目数")
    funds_covered: Num | None = Field(None, title="自评涉及资金")
    share_of_project_expense: Num | None = Field(None, title="占项目支出比例（%）")
    department_evaluated: bool | None = Field(None, title="是否开展部门整体自评")
    department_score: Num | None = Field(None, title="部门整体自评得分")
    grade_counts: dict[str, int] = Field(default_factory=dict, title="各等级项目数")
    average_score: Num | None = Field(None, title="平均得分")


class Extras(BaseModel):
    """Everything the narrative compares that is not in the nine tables.

    ``prior``, ``budget_initial`` and ``budget_final`` map subject keys (see
    ``juesuan.model.subjects``) to figures; ``reasons`` and ``budget_reasons`` map subject
    keys to the free-text 原因 the narrative must give for a change.
    """

    model_config = ConfigDict(extra="forbid")

    prior: dict[str, Num] = Field(default_factory=dict, title="上年决算数")
    budget_initial: dict[str, Num] = Field(default_factory=dict, title="年初预算数")
    budget_final: dict[str, Num] = Field(default_factory=dict, title="全年（调整）预算数")
    reasons: dict[str, str] = Field(default_factory=dict, title="与上年相比变动原因")
    budget_reasons: dict[str, str] = Field(default_factory=dict, title="决算与预算差异原因")
    office_running: Num | None = Field(None, title="机关运行经费（本年）")
    sangong_counts: SanGongCounts = Field(default_factory=SanGongCounts)
    procurement: Procurement = Field(default_factory=Procurement)
    assets: Assets = Field(default_factory=Assets)
    performance: PerfSummary = Field(default_factory=PerfSummary)

    _v1 = field_validator("prior", "budget_initial", "budget_final")(_check_keys)
    _v2 = field_validator("reasons", "budget_reasons")(_check_keys)
