"""Every audit rule: a passing and a failing case on small hand-built disclosures."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date

import pytest

from juesuan.audit import registry, run
from juesuan.audit.context import AuditContext
from juesuan.audit.testing import coded, find, row, sample_disclosure, set_value, table
from juesuan.catalog import Catalog
from juesuan.catalog.entry import Source, make_entry
from juesuan.model import Disclosure, Finding, Num, Prov
from juesuan.model.tables import Side, TableId

Mutation = Callable[[Disclosure], None]
G = "一般公共预算财政拨款"


def test_sample_is_clean() -> None:
    report = run(sample_disclosure())
    assert report.findings == []
    assert report.counts == {"error": 0, "warning": 0, "info": 0}
    assert len(report.rules_run) >= 50


# --------------------------------------------------------------------------- mutations


def _sv(tid: TableId, key: str, col: str, text: str | None, side: Side | None = None) -> Mutation:
    return lambda d: set_value(d, tid, key, col, text, side)


def _all(*ms: Mutation) -> Mutation:
    def apply(d: Disclosure) -> None:
        for m in ms:
            m(d)

    return apply


def _fund_table(tid: TableId, total_col: str, *, broken: bool) -> Mutation:
    cols = (total_col, "基本支出", "项目支出")

    def apply(d: Disclosure) -> None:
        last = "12.00" if broken else "10.00"
        rows = [
            row("合计", dict(zip(cols, ("10.00", "4.00", "6.00"), strict=True))),
            coded("212", "城乡社区支出", dict(zip(cols, ("10.00", "4.00", "6.00"), strict=True))),
            coded(
                "21208",
                "国有土地使用权出让收入安排的支出",
                dict(zip(cols, ("10.00", "4.00", "6.00"), strict=True)),
            ),
            coded(
                "2120801",
                "征地和拆迁补偿支出",
                dict(zip(cols, (last, "4.00", "6.00"), strict=True)),
            ),
        ]
        d.tables[tid] = table(tid, rows)

    return apply


def _tree_only(tid: TableId, total_col: str) -> Mutation:
    def apply(d: Disclosure) -> None:
        _fund_table(tid, total_col, broken=False)(d)
        target = find(d, tid, "2120801")
        target.values = {
            total_col: Num.of("11.00"),
            "基本支出": Num.of("5.00"),
            "项目支出": Num.of("6.00"),
        }

    return apply


def _duplicate_row(d: Disclosure) -> None:
    t = d.tables["03"]
    t.rows.append(t.rows[-1].model_copy())


def _drop(tid: TableId) -> Mutation:
    def apply(d: Disclosure) -> None:
        d.tables.pop(tid)

    return apply


def _no_note(d: Disclosure) -> None:
    d.tables["07"].notes = []


def _unit(d: Disclosure) -> None:
    d.tables["09"].unit = "元"


def _future_year(d: Disclosure) -> None:
    d.meta.fiscal_year = date.today().year


def _office(value: str) -> Mutation:
    def apply(d: Disclosure) -> None:
        d.extras.office_running = Num.of(value)

    return apply


FAILING: list[tuple[str, Mutation]] = [
    ("T0101", _sv("01", "本年收入合计", "金额", "2,619.88", "收入")),
    ("T0102", _sv("01", "本年支出合计", "金额", "2,623.88", "支出")),
    ("T0103", _sv("01", "总计", "金额", "2,623.88", "收入")),
    ("T0104", _sv("01", "总计", "金额", "2,623.88", "支出")),
    ("T0105", _all(_sv("01", "总计", "金额", "2,623.88", "支出"))),
    ("T0201", _sv("02", "2080501", "财政拨款收入", "15.83")),
    (
        "T0202",
        _all(
            _sv("02", "208", "本年收入合计", "177.10"), _sv("02", "208", "财政拨款收入", "177.10")
        ),
    ),
    ("T0301", _sv("03", "2101501", "基本支出", "317.77")),
    (
        "T0302",
        _all(_sv("03", "221", "本年支出合计", "104.86"), _sv("03", "221", "基本支出", "104.86")),
    ),
    ("T0401", _sv("04", "卫生健康支出", "合计", "2,342.11")),
    ("T0402", _sv("04", "本年收入合计", "金额", "2,619.88", "收入")),
    ("T0403", _sv("04", f"年初财政拨款结转和结余/{G}", "金额", "3.00", "收入")),
    ("T0404", _sv("04", G, "金额", "2,610.00", "收入")),
    (
        "T0405",
        _all(
            _sv("04", "本年支出合计", "合计", "2,623.88", "支出"),
            _sv("04", "本年支出合计", G, "2,623.88", "支出"),
        ),
    ),
    (
        "T0406",
        _all(
            _sv("04", "总计", "合计", "2,623.88", "支出"), _sv("04", "总计", G, "2,623.88", "支出")
        ),
    ),
    ("T0501", _sv("05", "2101501", "基本支出", "317.77")),
    ("T0502", _all(_sv("05", "221", "合计", "104.86"), _sv("05", "221", "基本支出", "104.86"))),
    ("T0601", _sv("06", "人员经费合计", "决算数", "1,396.84")),
    ("T0602", _sv("06", "公用经费合计", "决算数", "87.04")),
    ("T0603", _sv("06", "30101", "决算数", "395.83")),
    ("T0701", _fund_table("07", "小计", broken=True)),
    ("T0702", _tree_only("07", "小计")),
    ("T0801", _fund_table("08", "合计", broken=True)),
    ("T0802", _tree_only("08", "合计")),
    ("T0901", _sv("09", "三公经费", "决算数/合计", "1.68")),
    ("T0902", _sv("09", "三公经费", "预算数/公务用车购置及运行维护费", "5.86")),
    (
        "X0101",
        _all(
            _sv("02", "合计", "本年收入合计", "2,619.88"),
            _sv("02", "合计", "财政拨款收入", "2,619.88"),
        ),
    ),
    ("X0102", _sv("01", "事业收入", "金额", "5.00", "收入")),
    ("X0103", _sv("01", "本年支出合计", "金额", "2,623.88", "支出")),
    ("X0104", _sv("01", "卫生健康支出", "金额", "2,342.11", "支出")),
    ("X0201", _sv("04", G, "金额", "2,619.88", "收入")),
    (
        "X0202",
        _all(
            _sv("04", "卫生健康支出", "合计", "2,342.11"), _sv("04", "卫生健康支出", G, "2,342.11")
        ),
    ),
    ("X0203", _fund_table("07", "小计", broken=False)),
    ("X0204", _fund_table("08", "合计", broken=False)),
    ("X0301", _sv("06", "人员经费合计", "决算数", "1,396.84")),
    (
        "X0401",
        _all(_sv("05", "2101505", "合计", "231.98"), _sv("05", "2101505", "项目支出", "231.98")),
    ),
    ("X0402", _sv("06", "30111", "决算数", "6.67")),
    ("X0403", _sv("06", "30217", "决算数", "0.07")),
    ("X0404", _office("90.00")),
    ("F0101", _drop("08")),
    ("F0102", _no_note),
    ("F0103", _duplicate_row),
    ("F0104", _future_year),
    ("F0105", _unit),
]


@pytest.mark.parametrize(("code", "mutate"), FAILING, ids=[c for c, _ in FAILING])
def test_rule_fails(code: str, mutate: Mutation) -> None:
    d = sample_disclosure()
    mutate(d)
    found = run(d)
    assert code in found.codes(), [f"{f.code} {f.message}" for f in found.findings]
    # ... and nothing is reported for that code on the clean sample
    assert code not in run(sample_disclosure()).codes()


def test_every_rule_has_a_failing_test() -> None:
    tested = {c for c, _ in FAILING} | {"C0101", "C0102", "C0001", "F0001", "T0001", "X0001"}
    # document-level F rules are tested in tests/test_audit_document.py
    tested |= {"F0106", "F0107", "F0201", "F0202", "F0203", "F0204"}
    missing = [r.code for r in registry.all_rules() if r.code[0] in "TXFC" and r.code not in tested]
    assert missing == []


@pytest.mark.parametrize(
    ("code", "mutate"),
    [
        ("T0701", _fund_table("07", "小计", broken=False)),
        ("T0702", _fund_table("07", "小计", broken=False)),
        ("T0801", _fund_table("08", "合计", broken=False)),
        ("T0802", _fund_table("08", "合计", broken=False)),
        ("X0404", _office("80.00")),
        ("F0102", _drop("07")),
    ],
)
def test_rule_passes_on_consistent_data(code: str, mutate: Mutation) -> None:
    d = sample_disclosure()
    mutate(d)
    assert code not in run(d).codes()


# --------------------------------------------------------------------------- details


def test_finding_carries_location_related_and_computation() -> None:
    d = sample_disclosure()
    set_value(d, "02", "合计", "本年收入合计", "2,619.80")
    set_value(d, "02", "合计", "财政拨款收入", "2,619.80")
    report = run(d, select=["T0202"], ignore=[])
    assert report.findings == []  # 0.02 over three parts is within ±0.02: a 尾差 note only
    report = run(d, select=["T0001"])
    (note,) = [
        f for f in report.findings if "其下各类" in f.message and "[本年收入合计]" in f.message
    ]
    assert note.severity == "info"
    assert note.computation == "177.00 + 2,338.03 + 104.75 = 2,619.78 ≠ 2,619.80"
    assert note.expected == "2,619.78" and note.actual == "2,619.80"
    assert note.location == Prov(table="02", row="合计", column="本年收入合计")
    assert {p.code for p in note.related} == {"208", "210", "221"}


def test_error_finding_values() -> None:
    d = sample_disclosure()
    set_value(d, "09", "三公经费", "决算数/合计", "1.68")
    (f,) = [f for f in run(d, select=["T0901"]).findings]
    assert f.code == "T0901" and f.severity == "error"
    assert f.expected == "1.58" and f.actual == "1.68"
    assert f.computation == "1.53 + 0.05 = 1.58 ≠ 1.68"
    assert f.location.table == "09" and f.location.column == "决算数/合计"
    assert "超出四舍五入尾差允许范围 ±0.015" in f.message


def test_num_prov_is_used_as_location() -> None:
    d = sample_disclosure()
    r = find(d, "09", "三公经费")
    r.values["决算数/合计"] = Num.of("1.68", prov=Prov(file="a.txt", line=212))
    (f,) = run(d, select=["T0901"]).findings
    assert f.location.file == "a.txt" and f.location.line == 212
    assert f.location.table == "09"  # filled in from the row


def test_rounding_note_is_info_and_ignorable() -> None:
    d = sample_disclosure()
    set_value(d, "06", "公用经费合计", "决算数", "86.95")  # 83.44 + 3.50 = 86.94: ±0.015
    assert {f.code: f.severity for f in run(d).findings}.get("T0001") == "info"
    assert "T0001" not in run(d, ignore=["T0001"]).codes()


def test_findings_sorted_by_location() -> None:
    d = sample_disclosure()
    set_value(d, "09", "三公经费", "决算数/合计", "1.68")
    set_value(d, "02", "2080501", "财政拨款收入", "15.83")
    tables = [f.location.table for f in run(d).findings]
    assert tables == sorted(tables, key=lambda t: t or "~")


def test_01_classes_matched_by_name() -> None:
    d = sample_disclosure()
    for r in d.tables["01"].rows:
        r.code = None
    assert "X0104" not in run(d).codes()
    set_value(d, "01", "卫生健康支出", "金额", "2,342.11", "支出")
    assert "X0104" in run(d).codes()


def test_missing_03_class_in_01_is_reported() -> None:
    d = sample_disclosure()
    d.tables["01"].rows = [r for r in d.tables["01"].rows if r.code != "221"]
    messages = [f.message for f in run(d, select=["X0104"]).findings]
    assert any("221" in m for m in messages)


def test_05_below_03_is_never_an_error() -> None:
    d = sample_disclosure()
    set_value(d, "05", "2101505", "合计", "200.00")
    set_value(d, "05", "2101505", "项目支出", "200.00")
    assert "X0401" not in run(d).codes()


def test_pair_missing_economic_item_warns() -> None:
    d = sample_disclosure()
    set_value(d, "06", "30113", "决算数", None)
    found = [f for f in run(d, select=["X0402"]).findings]
    assert found and found[0].severity == "warning" and "30113" in found[0].message


def test_04_closing_split_and_unsplit_opening() -> None:
    d = sample_disclosure()
    # 年初 printed without its split: per-fund balance is not checked, the total still is.
    t = d.tables["04"]
    t.rows = [r for r in t.rows if not r.key.startswith("年初财政拨款结转和结余/")]
    assert run(d).findings == []
    set_value(d, "04", "年初财政拨款结转和结余", "金额", "5.00", "收入")
    assert "T0404" in run(d).codes()


def test_empty_tables_with_note_pass() -> None:
    d = sample_disclosure()
    assert "F0102" not in run(d).codes()
    d.tables["08"].notes = ["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"]
    assert "F0102" in run(d).codes()


def test_fiscal_year_missing() -> None:
    d = sample_disclosure()
    d.meta = d.meta.model_construct(**{**d.meta.__dict__, "fiscal_year": None})
    found = [f for f in run(d, select=["F0104"]).findings]
    assert found and found[0].severity == "error"


def test_required_tables_only_for_final_accounts() -> None:
    d = Disclosure.model_validate(
        {"meta": {"unit_name": "x", "fiscal_year": 2023, "document_kind": "绩效自评报告"}}
    )
    assert "F0101" not in run(d).codes()
    d.meta.document_kind = "部门决算"
    assert len([c for c in run(d).codes() if c == "F0101"]) == 9


# --------------------------------------------------------------------------- catalog


def _catalog(source: Source) -> Catalog:
    entries = [
        make_entry("2101501", "行政运行", 2019, None, source, ""),
        make_entry("30101", "基本工资", 2019, None, source, ""),
    ]
    return Catalog(entries)


def _only(d: Disclosure, code: str, label: str) -> None:
    for t in d.tables.values():
        t.rows = [r for r in t.rows if not r.code or r.code == code]
        for r in t.rows:
            if r.code == code:
                r.label = label


def test_catalog_name_mismatch_official_is_warning() -> None:
    d = sample_disclosure()
    _only(d, "2101501", "行政运营")
    found = run(d, select=["C"], catalog=_catalog("official")).findings
    assert [(f.code, f.severity) for f in found] == [("C0101", "warning")]
    assert found[0].expected == "行政运行" and found[0].actual == "行政运营"
    assert len(found[0].related) == 2  # printed in 03 and 05 as well


def test_catalog_mismatch_against_recalled_is_info_only() -> None:
    d = sample_disclosure()
    _only(d, "2101501", "行政运营")
    found = run(d, select=["C"], catalog=_catalog("recalled")).findings
    assert [(f.code, f.severity) for f in found] == [("C0101", "info")]


def test_catalog_pass_and_normalised_names() -> None:
    d = sample_disclosure()
    _only(d, "2101501", "行政 运行")
    assert run(d, select=["C"], catalog=_catalog("official")).findings == []


def test_catalog_unknown_code_is_warning() -> None:
    d = sample_disclosure()
    _only(d, "2101599", "其他医疗保障管理事务支出")
    found = run(d, select=["C"], catalog=_catalog("official")).findings
    assert {(f.code, f.severity) for f in found} == {("C0102", "warning")}


def test_builtin_catalog_knows_the_sample() -> None:
    assert [
        f for f in run(sample_disclosure(), select=["C"]).findings if f.severity != "info"
    ] == []


def test_catalog_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AuditContext, "catalog", property(lambda self: None))
    found = run(sample_disclosure(), select=["C"]).findings
    assert [(f.code, f.severity) for f in found] == [("C0001", "info")]


# --------------------------------------------------------------------------- engine


def test_crashing_rule_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(ctx: AuditContext) -> Iterator[Finding]:
        raise ZeroDivisionError("boom")

    original = registry.get_rule("T0101")
    assert original is not None
    monkeypatch.setitem(registry._REGISTRY, "T0101", dataclasses.replace(original, func=crash))
    found = run(sample_disclosure(), select=["T01"]).findings
    assert [f.code for f in found] == ["F0001"]
    assert "T0101" in found[0].message and "boom" in found[0].message
    with pytest.raises(ZeroDivisionError):
        run(sample_disclosure(), select=["T01"], raise_errors=True)


def test_select_and_ignore() -> None:
    d = sample_disclosure()
    set_value(d, "09", "三公经费", "决算数/合计", "1.68")
    set_value(d, "01", "事业收入", "金额", "5.00", "收入")
    everything = set(run(d).codes())
    assert {"T0901", "T0101", "X0102"} <= everything
    assert set(run(d, select=["T09"]).codes()) == {"T0901"}
    assert "T0901" not in run(d, ignore=["T09"]).codes()
    assert set(run(d, select=["table"], ignore=["T01"]).codes()) == {"T0901"}
    assert set(run(d, select=["T"], ignore=["T"]).codes()) == set()
    assert set(run(d, select=["T0101"], ignore=["T01"]).codes()) == {"T0101"}  # more specific wins
    assert set(run(d, select=["X"]).codes()) == {"X0102"}


def test_unknown_selector_is_refused() -> None:
    from juesuan.errors import JuesuanError

    with pytest.raises(JuesuanError):
        run(sample_disclosure(), select=["T99"])


def test_registry_rejects_bad_codes() -> None:
    with pytest.raises(ValueError):
        registry.rule(code="Q0101", family="table", severity="error", title="t", explanation="e")
    with pytest.raises(ValueError):
        registry.rule(code="X0999", family="table", severity="error", title="t", explanation="e")
    with pytest.raises(ValueError):
        registry.rule(code="T0101", family="table", severity="error", title="t", explanation="e")


def test_every_rule_is_documented() -> None:
    for r in registry.all_rules():
        assert r.title and r.explanation
        assert r.code[0] == registry.FAMILY_LETTERS[r.family]
        if not r.is_note and r.code[0] in "TX":
            assert "例" in r.explanation, r.code
