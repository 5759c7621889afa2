"""Performance self-evaluations (绩效自评): project and department level."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from juesuan.model.figure import Num
from juesuan.model.provenance import Prov

Operator = Literal["≥", "≤", "=", ">", "<", "文字描述"]


class FundingLine(BaseModel):
    """One line of the 资金情况 block (年度资金总额 / 其中财政拨款 / 其他资金)."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field("年度资金总额", title="资金来源")
    initial_budget: Num | None = Field(None, title="年初预算数")
    annual_budget: Num | None = Field(None, title="全年预算数（A）")
    executed: Num | None = Field(None, title="全年执行数（B）")
    weight: Num | None = Field(None, title="分值")
    rate: Num | None = Field(None, title="执行率（%）")
    score: Num | None = Field(None, title="得分")
    prov: Prov | None = None


class Goal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target: str = Field("", title="年度预期目标")
    achieved: str = Field("", title="实际完成情况")
    completion_rate: Num | None = Field(None, title="完成率（%）")


class Indicator(BaseModel):
    """One 三级 indicator with its target, actual and score."""

    model_config = ConfigDict(extra="forbid")

    level1: str = Field(..., title="一级指标")
    level2: str = Field("", title="二级指标")
    level3: str = Field("", title="三级指标")
    description: str | None = Field(None, title="指标说明")
    weight: Num | None = Field(None, title="分值")
    operator: Operator | None = Field(None, title="符号")
    target_text: str = Field("", title="年度指标值（原文）")
    target: Num | None = Field(None, title="年度指标值（数值）")
    unit: str | None = Field(None, title="计量单位")
    actual_text: str = Field("", title="实际完成值（原文）")
    actual: Num | None = Field(None, title="实际完成值（数值）")
    status: str | None = Field(None, title="完成情况（完成/未完成）")
    score: Num | None = Field(None, title="得分")
    deviation: Num | None = Field(None, title="偏差度（%）")
    reason: str | None = Field(None, title="偏差原因及改进措施")
    prov: Prov | None = None


class Evaluation(BaseModel):
    """A 项目支出绩效自评表 (kind=project) or 部门整体支出绩效自评表 (kind=department)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["project", "department"] = "project"
    name: str = Field(..., title="项目名称/部门名称")
    department: str | None = Field(None, title="主管部门")
    implementer: str | None = Field(None, title="实施单位")
    year: int | None = Field(None, title="年度")
    funding: list[FundingLine] = Field(default_factory=list, title="资金情况")
    goals: list[Goal] = Field(default_factory=list, title="年度总体目标")
    indicators: list[Indicator] = Field(default_factory=list, title="绩效指标")
    execution_weight: Num | None = Field(None, title="预算执行率分值")
    execution_score: Num | None = Field(None, title="预算执行率得分")
    total_score: Num | None = Field(None, title="总分（自评得分）")
    grade: str | None = Field(None, title="评价等级")
    profile: str | None = Field(None, title="评分规则")
    problems: str | None = Field(None, title="存在问题及整改措施")
    prov: Prov | None = None


class EvaluationSummaryRow(BaseModel):
    """One row of a 项目自评汇总表 or of a narrative's project score list."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., title="项目名称")
    annual_budget: Num | None = Field(None, title="全年预算数")
    executed: Num | None = Field(None, title="全年执行数")
    rate: Num | None = Field(None, title="预算执行率（%）")
    category_rates: dict[str, Num] = Field(default_factory=dict, title="各类指标得分率（%）")
    score: Num | None = Field(None, title="自评得分")
    grade: str | None = Field(None, title="评价结果")
    prov: Prov | None = None
