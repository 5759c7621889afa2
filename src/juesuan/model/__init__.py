"""The disclosure model (pydantic v2).  Money is Decimal; every figure may carry provenance."""

from juesuan.model.disclosure import Disclosure
from juesuan.model.extras import Assets, Extras, PerfSummary, Procurement, SanGongCounts
from juesuan.model.figure import Num, num_value
from juesuan.model.finding import Finding, Notice, Severity
from juesuan.model.meta import Meta, Profile, UnitInfo
from juesuan.model.narrative import Claim, Narrative, Section
from juesuan.model.perf import Evaluation, EvaluationSummaryRow, FundingLine, Goal, Indicator
from juesuan.model.provenance import Prov
from juesuan.model.tables import TABLE_IDS, Row, Table, TableId

__all__ = [
    "TABLE_IDS",
    "Assets",
    "Claim",
    "Disclosure",
    "Evaluation",
    "EvaluationSummaryRow",
    "Extras",
    "Finding",
    "FundingLine",
    "Goal",
    "Indicator",
    "Meta",
    "Narrative",
    "Notice",
    "Num",
    "PerfSummary",
    "Procurement",
    "Profile",
    "Prov",
    "Row",
    "SanGongCounts",
    "Section",
    "Severity",
    "Table",
    "TableId",
    "UnitInfo",
    "num_value",
]
