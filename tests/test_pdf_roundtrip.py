"""Round trip through PDF: the national-template PDF we publish reads back like its TXT.

The TXT export is the reference (it round-trips exactly, see ``test_publish_roundtrip``);
the PDF of the same build must give the same table facts, an audit without table or
cross-table errors, and the same narrative claims.
"""

from __future__ import annotations

from collections import Counter

from juesuan.audit import run
from juesuan.model import Disclosure
from juesuan.model.facts import iter_facts


def _table_facts(d: Disclosure) -> Counter[tuple[str | None, ...]]:
    out: Counter[tuple[str | None, ...]] = Counter()
    for fact in iter_facts(d):
        if fact["table"] not in d.tables:
            continue
        column = (fact["column"] or "").split("/")[-1]
        out[(fact["table"], fact["side"], fact["code"] or fact["row"], column, fact["value"])] += 1
    return out


def _claims(d: Disclosure) -> Counter[tuple[str, str | None, str | None]]:
    return Counter(
        (c.kind, c.subject, str(c.value.value) if c.value is not None else None)
        for c in d.narrative.claims
    )


def test_pdf_table_facts_equal_txt(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, txt = pair
    assert pdf.meta.template == "national"
    assert sorted(pdf.tables) == sorted(txt.tables)
    mine, reference = _table_facts(pdf), _table_facts(txt)
    assert sum(reference.values()) > 150
    assert mine - reference == Counter(), "PDF 多出的数"
    assert reference - mine == Counter(), "PDF 缺少的数"


def test_pdf_meta_equals_txt(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, txt = pair
    assert pdf.meta.unit_name == txt.meta.unit_name
    assert pdf.meta.fiscal_year == txt.meta.fiscal_year
    assert pdf.meta.scope == txt.meta.scope
    assert pdf.meta.amount_unit == txt.meta.amount_unit
    assert pdf.profile == txt.profile


def test_pdf_facts_keep_pages(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, _ = pair
    for table in pdf.tables.values():
        for row in table.rows:
            for num in row.values.values():
                assert num.prov is not None and num.prov.page is not None
                assert num.prov.line is not None and num.prov.line < 80  # line on its page


def test_pdf_audit_has_no_table_errors(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, _ = pair
    report = run(pdf)
    errors = [
        f"{f.code} {f.message}"
        for f in report.findings
        if f.severity == "error" and f.code.startswith(("T", "X"))
    ]
    assert errors == []


def test_pdf_narrative_claims_equal_txt(pair: tuple[Disclosure, Disclosure]) -> None:
    pdf, txt = pair
    mine, reference = _claims(pdf), _claims(txt)
    assert sum(reference.values()) > 60
    assert mine - reference == Counter(), "PDF 多出的说明数"
    assert reference - mine == Counter(), "PDF 缺少的说明数"
