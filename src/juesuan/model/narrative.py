"""The narrative (情况说明) as parsed: sections and the claims they make."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from juesuan.model.figure import Num
from juesuan.model.provenance import Prov

ClaimKind = Literal[
    "amount",  # 本年 amount of the subject
    "prior_amount",  # 上年 amount
    "budget_amount",  # 年初/全年预算
    "share",  # share of ``base`` (%)
    "change_amount",  # 增减额 vs 上年 (or vs budget when ``versus`` = "budget")
    "change_rate",  # 增减率 (%)
    "completion_rate",  # 完成预算的 x%
    "count",  # 个/辆/人次/批次
    "score",  # 绩效得分
    "comparison_year",  # a year the text compares with (与2022年相比): value is the year
    "placeholder",  # template text left in place (下降（增长）, XX): subject_text is the text
]
Direction = Literal["增加", "减少", "持平"]


class Claim(BaseModel):
    """One figure or direction word the narrative states about a subject."""

    model_config = ConfigDict(extra="forbid")

    kind: ClaimKind
    subject: str | None = Field(
        None, description="subject key (juesuan.model.subjects), if resolved"
    )
    subject_text: str = Field("", description="the subject as printed")
    value: Num | None = None
    unit: str | None = None
    direction: Direction | None = None
    direction_word: str | None = None
    versus: Literal["prior", "budget_initial", "budget_final"] | None = None
    base: str | None = Field(None, description="denominator subject for shares")
    year: int | None = None
    sentence: int | None = Field(None, description="index of the sentence the claim is in")
    carried: bool = Field(False, description="subject carried over from an earlier sentence")
    prov: Prov | None = None


class Section(BaseModel):
    """A heading and its text, with line numbers in the source.

    In a paged source (PDF) line numbers count on the page: ``page`` is the heading's page
    and ``page_end`` the page of ``line_end``.
    """

    model_config = ConfigDict(extra="forbid")

    kind: Literal["封面", "标题", "概况", "决算表", "情况说明", "名词解释", "附件", "其他"] = "其他"
    heading: str
    number: str | None = None
    level: int = 1
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    page_end: int | None = None
    text: str = ""


class Narrative(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sections: list[Section] = Field(default_factory=list)
    titles: list[Section] = Field(
        default_factory=list,
        description="title lines that name a year or the document kind (cover, annex titles)",
    )
    unit_mentions: list[Prov] = Field(
        default_factory=list, description="where the unit's name is printed (prov.text = name)"
    )
    claims: list[Claim] = Field(default_factory=list)
    glossary: dict[str, str] = Field(default_factory=dict)
