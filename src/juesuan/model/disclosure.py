"""The disclosure: one department's (or unit's) published final accounts for one year."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from juesuan.model.extras import Extras
from juesuan.model.finding import Notice
from juesuan.model.meta import Meta, Profile
from juesuan.model.narrative import Narrative
from juesuan.model.perf import Evaluation, EvaluationSummaryRow
from juesuan.model.tables import Table, TableId


class Disclosure(BaseModel):
    """Everything juesuan knows of one disclosure, from a workbook or a parsed document."""

    model_config = ConfigDict(extra="forbid")

    meta: Meta
    profile: Profile = Field(default_factory=Profile)
    tables: dict[TableId, Table] = Field(default_factory=dict)
    extras: Extras = Field(default_factory=Extras)
    narrative: Narrative = Field(default_factory=Narrative)
    evaluations: list[Evaluation] = Field(default_factory=list)
    evaluation_summary: list[EvaluationSummaryRow] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)

    def table(self, table_id: TableId) -> Table | None:
        return self.tables.get(table_id)
