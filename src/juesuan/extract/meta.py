"""Document meta data: unit name, fiscal year, scope (汇总/本级), amount unit, template."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from juesuan.extract.norm import nfkc, norm
from juesuan.model.tables import Table, TableId
from juesuan.read.layout import Line

_UNIT_LINE = re.compile(
    r"^(?:部门\s*[（(]\s*单位\s*[)）]|部门名称|单位名称|部门|编制单位|预算单位)\s*[:：]\s*(.+)$"
)
_COVER = re.compile(r"(\d{4})\s*年度?\s*(.{2,40}?)\s*(?:部门|单位)\s*决\s*算")
_FILE_HEAD = re.compile(
    r"^(.{2,30}?(?:局|委员会|委|办公室|中心|院|厅|部|所|站|馆|会|政府))\s*文件$"
)
_ORG = re.compile(
    r"[\u4e00-\u9fff]{1,12}?(?:省|市|县|区|州|旗|盟)[\u4e00-\u9fff]{2,12}?(?:局|委员会|办公室|中心|院)"
)
_YEAR_OF = re.compile(r"(\d{4})\s*年度")
_YEAR = re.compile(r"(\d{4})\s*年")
_AMOUNT_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元)")
_BUDGET_CODE = re.compile(r"^预算代码\s*[:：]\s*(\S+)$")
_SCOPE_TAIL = re.compile(r"\s*[（(]\s*(汇总|本级)\s*[)）]\s*$")
MAX_META_LINE = 120


@dataclass
class MetaGuess:
    unit_name: str | None = None
    fiscal_year: int | None = None
    scope: str | None = None
    amount_unit: str | None = None
    budget_code: str | None = None
    template: str = "other"
    document_kind: str = "部门决算"


def guess_meta(lines: list[Line], tables: dict[TableId, Table]) -> MetaGuess:
    guess = MetaGuess()
    short = [(line, _single(line)) for line in lines]
    short = [(line, t) for line, t in short if t and len(t) <= MAX_META_LINE]
    folded = [nfkc(t) for _line, t in short]  # once: NFKC is the costly step here
    units: Counter[str] = Counter()
    scopes: Counter[str] = Counter()
    years: Counter[int] = Counter()
    amount: Counter[str] = Counter()
    for f in folded:
        t = f.strip()
        # Quick tests before each regex: the words every match holds.
        has_unit = "单位" in t
        m = _UNIT_LINE.match(t) if has_unit or "部门" in t else None
        if m:
            name = m.group(1).strip()
            tail = _SCOPE_TAIL.search(name)
            if tail:
                scopes[tail.group(1)] += 1
                name = name[: tail.start()].strip()
            if name and len(name) <= 40:
                units[name] += 1
        if "年度" in t:
            for y in _YEAR_OF.findall(t):
                years[int(y)] += 1
        u = _AMOUNT_UNIT.search(t) if has_unit else None
        if u:
            amount[u.group(1)] += 1
        b = _BUDGET_CODE.match(t) if t.startswith("预算代码") else None
        if b and guess.budget_code is None:
            guess.budget_code = b.group(1)
        if "本级决算" in t or "决算为本级" in t:
            scopes["本级"] += 1
        if "汇总决算" in t or "部门汇总" in t:
            scopes["汇总"] += 1
    if not units:
        for f in folded[:60]:
            t = f.strip()
            cover = _COVER.search(t) or _FILE_HEAD.match(t)
            if cover:
                units[cover.group(cover.lastindex or 1).strip()] += 1
                break
    if not units:
        for f in folded:
            units.update(_ORG.findall(f))
    if units:
        guess.unit_name = units.most_common(1)[0][0]
    if not years:
        for f in folded:
            years.update(int(y) for y in _YEAR.findall(f))
    plausible = [(y, n) for y, n in years.most_common() if 1990 <= y <= 2100]
    if plausible:
        guess.fiscal_year = plausible[0][0]
    if scopes:
        guess.scope = scopes.most_common(1)[0][0]
    if amount:
        guess.amount_unit = amount.most_common(1)[0][0]
    guess.template = _template(tables)
    if not tables and not any("决算" in norm(t) for _line, t in short[:80]):
        guess.document_kind = "绩效自评报告" if any("绩效" in t for _l, t in short[:40]) else "其他"
    return guess


def _template(tables: dict[TableId, Table]) -> str:
    if not tables:
        return "other"
    printed = {t.id: t.printed_no for t in tables.values() if t.printed_no}
    if printed and all(no == tid for tid, no in printed.items()):
        return "national"
    if printed.get("09") == "07":
        return "shanghai"
    return "national" if not printed else "other"


def _single(line: Line) -> str:
    cells = line.filled
    return cells[0] if len(cells) == 1 else ""
