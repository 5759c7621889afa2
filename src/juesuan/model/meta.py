"""Document meta data and 部门概况."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Template = Literal["national", "shanghai", "other"]
Scope = Literal["汇总", "本级", "单位"]
UnitNature = Literal["行政单位", "参公事业单位", "财政补助事业单位", "经费自理事业单位", "其他"]
FundingForm = Literal[
    "财政拨款", "财政性资金基本保证", "财政性资金定额或定项补助", "财政性资金零补助", "其他"
]


class Meta(BaseModel):
    """Who published what, for which year, in which unit and template."""

    model_config = ConfigDict(extra="forbid")

    unit_name: str = Field(..., title="部门（单位）名称")
    fiscal_year: int = Field(..., ge=1990, le=2100, title="决算年度")
    scope: Scope = Field("本级", title="决算范围（汇总/本级/单位）")
    amount_unit: Literal["万元", "元"] = Field("万元", title="金额单位")
    template: Template = Field("national", title="模板（national 公开01–09 / shanghai / other）")
    region: str | None = Field(None, title="地区（省/市/县）")
    budget_code: str | None = Field(None, title="预算代码")
    document_kind: str = Field("部门决算", title="文件类型")
    source_file: str | None = Field(None, title="来源文件")
    source_sha256: str | None = Field(None, title="来源文件 SHA-256")


class UnitInfo(BaseModel):
    """One unit consolidated in the accounts (决算单位构成)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(..., title="单位名称")
    nature: UnitNature | None = Field(None, title="单位基本性质")
    funding_form: FundingForm | None = Field(None, title="经费形式")


class Profile(BaseModel):
    """部门概况: duties, internal structure and consolidated units."""

    model_config = ConfigDict(extra="forbid")

    duties: list[str] = Field(default_factory=list, title="部门职责")
    internal_departments: list[str] = Field(default_factory=list, title="内设机构")
    units: list[UnitInfo] = Field(default_factory=list, title="决算单位构成")
    staff_note: str | None = Field(None, title="人员情况")
