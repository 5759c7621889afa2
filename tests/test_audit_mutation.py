"""Mutation property: a consistent disclosure has no errors; change any one figure → a finding there.

The bundled examples are consistent by construction.  Changing any single table cell must
produce a finding whose location or related locations point at the changed cell: an error
when the change exceeds what rounding can explain, and for a change of 0.02 at least a
尾差 note.  (A 0.02 change in one of the ten 款 of a 类 in 公开06 is *within* the rounding
bound of that sum, ±0.055, and no sound rule can call it an error; where the cell also
takes part in a two-figure identity, e.g. 05 ↔ 04 or 06 ↔ 05, it is an error.)
Changing a narrative amount by 0.02 (a rate by 0.10 points) is always an error on
its line.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from juesuan.audit import run
from juesuan.extract.claim_names import NameIndex
from juesuan.extract.claims import extract_claims
from juesuan.model import Disclosure, Num, Prov

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*/disclosure.yaml"))


def _load(path: Path) -> Disclosure:
    d = Disclosure.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    for t in d.tables.values():  # give every cell its own provenance, as a parsed document has
        for r in t.rows:
            for col, num in list(r.values.items()):
                r.values[col] = num.with_prov(Prov(table=t.id, row=r.key, code=r.code, column=col))
    return d


def _cells(d: Disclosure) -> list[tuple[str, int, str]]:
    return [
        (tid, i, col)
        for tid, t in sorted(d.tables.items())
        for i, r in enumerate(t.rows)
        for col in sorted(r.values)
    ]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_examples_have_no_errors_or_warnings(path: Path) -> None:
    report = run(_load(path))
    assert [f for f in report.findings if f.severity != "info"] == []


def _points_at(prov: Prov, tid: str, key: str, col: str) -> bool:
    return prov.table == tid and prov.row == key and prov.column == col


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_changed_cell_is_an_error_pointing_at_it(path: Path, data: st.DataObject) -> None:
    d = _load(path)
    tid, i, col = data.draw(st.sampled_from(_cells(d)))
    delta = data.draw(
        st.sampled_from([Decimal("0.02"), Decimal("-0.02"), Decimal("0.50"), Decimal("-13.00")])
    )
    row = d.tables[tid].rows[i]  # type: ignore[index]
    old = row.values[col]
    row.values[col] = Num(value=old.value + delta, decimals=2, prov=old.prov)
    findings = run(d).findings
    wanted = ("error",) if abs(delta) >= Decimal("0.5") else ("error", "warning", "info")
    hits = [
        f
        for f in findings
        if f.severity in wanted
        and (
            _points_at(f.location, tid, row.key, col)
            or any(_points_at(p, tid, row.key, col) for p in f.related)
        )
    ]
    assert hits, (tid, row.key, col, delta, [f.message for f in findings])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_every_cell_changed_by_0_02_is_an_error_or_a_provable_rounding_case(path: Path) -> None:
    """Exhaustive, not sampled: every cell of every table, +0.02 and −0.02.

    Each change must give a finding that points at the cell, and an error unless the cell's
    only identity is a sum whose rounding bound is at least 0.02: a 款 of 公开06 whose 类 has
    n 款 (bound 0.005 × (n + 1); n ≥ 3).  Measured on the two examples: 692 of 780 changes
    are errors, the other 88 are such 款 and get a 尾差 note.
    """
    d = _load(path)
    t06 = d.tables["06"]
    kuan_count = {
        cls.code: sum(1 for r in t06.rows if r.code and len(r.code) == 5 and r.code[:3] == cls.code)
        for cls in t06.rows
        if cls.code and len(cls.code) == 3
    }
    notes_only: list[tuple[str, str, str]] = []
    for tid, i, col in _cells(d):
        row = d.tables[tid].rows[i]  # type: ignore[index]
        old = row.values[col]
        for delta in (Decimal("0.02"), Decimal("-0.02")):
            row.values[col] = Num(value=old.value + delta, decimals=2, prov=old.prov)
            hits = [
                f
                for f in run(d).findings
                if _points_at(f.location, tid, row.key, col)
                or any(_points_at(p, tid, row.key, col) for p in f.related)
            ]
            assert hits, (tid, row.key, col, delta)
            if not any(f.severity == "error" for f in hits):
                notes_only.append((tid, row.code or row.key, col))
        row.values[col] = old
    for tid, code, col in notes_only:
        assert tid == "06" and len(code) == 5, (tid, code, col)
        assert Decimal("0.005") * (kuan_count[code[:3]] + 1) >= Decimal("0.02"), code
    assert len(notes_only) < len(_cells(d)) // 2


def test_two_figure_identities_catch_0_02() -> None:
    """Cells in a two-figure cross-table identity: 0.02 is always an error."""
    d = _load(EXAMPLES[0])
    row = d.tables["05"].find("合计")  # type: ignore[index]
    assert row is not None
    old = row.values["基本支出"]
    row.values["基本支出"] = Num(value=old.value + Decimal("0.02"), decimals=2, prov=old.prov)
    errors = [f for f in run(d).findings if f.severity == "error"]
    assert any(f.code == "X0301" for f in errors)


NARRATIVE = [
    "一、收入支出决算总体情况说明",
    "本年度收、支总计 {total} 万元。",
    "三、支出决算情况说明",
    "本年支出合计 {expense} 万元，其中：基本支出 {basic} 万元，占 {basic_share}%；项目支出 {project} 万元，占 {project_share}%。",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "一般公共预算财政拨款基本支出 {basic} 万元，其中：人员经费 {personnel} 万元，公用经费 {public} 万元。",
    "十、机关运行经费支出说明",
    "机关运行经费支出 {office} 万元，比上年减少 {office_change} 万元，下降 {office_rate}%。",
]


def _narrative_values(d: Disclosure) -> dict[str, Decimal]:
    from juesuan.model.values import current

    def v(key: str) -> Decimal:
        n = current(d, key)
        assert n is not None
        return n.value

    expense, basic, project = v("expense.total"), v("expense.basic"), v("expense.project")
    office, prior = v("office_running"), d.extras.prior["office_running"].value
    q = Decimal("0.01")
    return {
        "total": v("total"),
        "expense": expense,
        "basic": basic,
        "project": project,
        "basic_share": (basic / expense * 100).quantize(q),
        "project_share": (project / expense * 100).quantize(q),
        "personnel": v("personnel"),
        "public": v("public"),
        "office": office,
        "office_change": prior - office,
        "office_rate": ((prior - office) / prior * 100).quantize(q),
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_changed_narrative_figure_is_an_error_on_its_line(
    path: Path, data: st.DataObject
) -> None:
    d = _load(path)
    values = _narrative_values(d)
    if values["office_change"] <= 0:
        pytest.skip("example has no decrease of 机关运行经费")
    lines = [line.format(**{k: str(v) for k, v in values.items()}) for line in NARRATIVE]
    names = NameIndex.from_disclosure(d)
    d.narrative.claims = extract_claims(
        list(enumerate(lines, 1)), names, d.meta.fiscal_year, "n.txt"
    )
    assert [f for f in run(d, select=["N"]).findings if f.severity != "info"] == []
    key = data.draw(st.sampled_from(sorted(values)))
    # An amount is compared with one table cell: 0.02 is always outside rounding.  A rate
    # derives from two rounded amounts, which pin it down only to about ±0.02 points, so
    # rates are changed by 0.10 points or more.
    small = Decimal("0.10") if key.endswith(("share", "rate")) else Decimal("0.02")
    delta = data.draw(st.sampled_from([small, -small, Decimal("1.00")]))
    changed = {k: (v + delta if k == key else v) for k, v in values.items()}
    lines = [line.format(**{k: str(v) for k, v in changed.items()}) for line in NARRATIVE]
    target_lines = {n for n, line in enumerate(NARRATIVE, 1) if "{" + key + "}" in line}
    d.narrative.claims = extract_claims(
        list(enumerate(lines, 1)), names, d.meta.fiscal_year, "n.txt"
    )
    errors = [f for f in run(d, select=["N"]).findings if f.severity == "error"]
    assert any(f.location.line in target_lines for f in errors), (
        key,
        delta,
        [f.message for f in errors],
    )
