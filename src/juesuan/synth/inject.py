"""A catalogue of realistic errors, each with the rule codes the audit should raise.

Table and narrative errors are made in the renderer-neutral :class:`Document` (so every
output style carries them); performance errors in the model's evaluations.  Each injection
records where it is (table, row, column; the text line once the TXT is laid out) and the
original and injected text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from juesuan.extract.claim_names import NameIndex
from juesuan.extract.claims import extract_claims
from juesuan.extract.norm import strip_numbering
from juesuan.model import Claim, Disclosure, Num
from juesuan.model.spec import SPECS
from juesuan.perf.profile import load_profile
from juesuan.publish.document import Cell, Document
from juesuan.publish.fmt import money
from juesuan.synth.generate import catalog
from juesuan.synth.perfgen import PROFILE
from juesuan.synth.textdoc import para_index

_TABLE_SUBJECT = re.compile(
    r"^(total|income\.|expense\.|fiscal\.|general\.|fund\.|capital\.|personnel$|public$"
    r"|sangong\.(total|abroad|vehicle|vehicle_purchase|vehicle_operation|reception)$"
    r"|func:|econ:)"
)


@dataclass
class Injection:
    kind: str
    codes: list[str]
    table: str | None = None
    row: str | None = None
    column: str | None = None
    line: int | None = None
    original: str = ""
    injected: str = ""
    also: list[str] = field(default_factory=list)  # codes/prefixes of expected side effects
    tag: tuple[str, str | None, int | None] | None = None  # TLine tag, resolved to ``line``

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "codes": self.codes,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "line": self.line,
            "original": self.original,
            "injected": self.injected,
            "also": self.also,
        }

    def explains(self, code: str) -> bool:
        return code in self.codes or any(code.startswith(p) for p in self.also)


@dataclass
class Target:
    """What injection works on: the clean model, its document and the narrative claims."""

    d: Disclosure
    doc: Document
    rng: random.Random
    touched: set[str] = field(default_factory=set)  # narrative paragraphs / cells already edited

    def narrative_lines(self) -> list[tuple[int, str, int]]:
        """(pseudo line number, text, packed paragraph index) of every paragraph."""
        out: list[tuple[int, str, int]] = []
        no = 0
        for s_no, section in enumerate(self.doc.narrative):
            no += 1
            out.append((no, section.heading, para_index(s_no, 999)))
            for p_no, para in enumerate(section.paragraphs):
                no += 1
                out.append((no, para, para_index(s_no, p_no)))
        return out

    def claims(self) -> tuple[list[Claim], dict[int, tuple[str, int]]]:
        lines = self.narrative_lines()
        by_no = {no: (text, idx) for no, text, idx in lines}
        claims = extract_claims(
            [(no, text) for no, text, _ in lines],
            NameIndex.from_disclosure(self.d),
            self.d.meta.fiscal_year,
        )
        return claims, by_no

    def edit_paragraph(self, index: int, new_text: str) -> None:
        s_no, p_no = divmod(index, 1000)
        section = self.doc.narrative[s_no]
        paras = list(section.paragraphs)
        paras[p_no] = new_text
        self.doc.narrative[s_no] = replace(section, paragraphs=tuple(paras))


Injector = Callable[[Target], Injection | None]


# -- narrative ------------------------------------------------------------------------------


def _pick_claim(
    t: Target, ok: Callable[[Claim, list[Claim]], bool]
) -> tuple[Claim, str, int] | None:
    claims, by_no = t.claims()
    candidates = []
    for c in claims:
        if c.prov is None or c.prov.line is None or c.prov.span is None:
            continue
        text, idx = by_no[c.prov.line]
        if idx % 1000 == 999 or f"p{idx}" in t.touched or _depends_on_touched(t, c):
            continue
        if ok(c, claims):
            candidates.append((c, text, idx))
    return t.rng.choice(candidates) if candidates else None


_SUBJECT_TABLES = (("sangong.", "09"), ("personnel", "06"), ("public", "06"), ("econ:", "06"),
                   ("fund.", "07"))  # fmt: skip


def _tables_of(c: Claim) -> set[str]:
    keys = [k for k in (c.subject, c.base) if k]
    return {table for k in keys for prefix, table in _SUBJECT_TABLES if k.startswith(prefix)}


def _depends_on_touched(t: Target, c: Claim) -> bool:
    return any(f"table:{key}" in t.touched for key in _tables_of(c))


def _same_sentence(c: Claim, claims: list[Claim], kind: str) -> Claim | None:
    for o in claims:
        if o.kind == kind and o.subject == c.subject and o.sentence == c.sentence and o is not c:
            return o
    return None


def _narrative(
    t: Target,
    kind: str,
    codes: list[str],
    ok: Callable[[Claim, list[Claim]], bool],
    change: Callable[[Claim, str], str | None],
    also: tuple[str, ...] = (),
) -> Injection | None:
    picked = _pick_claim(t, ok)
    if picked is None:
        return None
    claim, text, idx = picked
    assert claim.prov is not None and claim.prov.span is not None
    a, b = claim.prov.span
    new = change(claim, text[a:b])
    if new is None:
        return None
    start, old = a, text[a:b]
    if kind == "narr_direction":  # the new text covers the word before the rate
        start, old = a - 2, text[a - 2 : b]
    t.edit_paragraph(idx, text[:start] + new + text[b:])
    t.touched.add(f"p{idx}")
    t.touched |= {f"narr:{key}" for key in _tables_of(claim)}
    return Injection(
        kind=kind,
        codes=codes,
        table="情况说明",
        row=claim.subject,
        column=claim.kind,
        original=old,
        injected=new,
        also=list(also),
        tag=("para", None, idx),
    )


def _shift_amount(t: Target, value: Decimal) -> Decimal:
    delta = max(
        Decimal("0.50"), (value * Decimal(str(t.rng.uniform(0.03, 0.2)))).quantize(Decimal("0.01"))
    )
    if value - delta >= 0 and t.rng.random() < 0.5:
        return value - delta
    return value + delta


def _shift_rate(t: Target, value: Decimal) -> Decimal:
    delta = Decimal(str(round(t.rng.uniform(1.0, 9.0), 2)))
    if value - delta >= 0 and t.rng.random() < 0.5:
        return value - delta
    return value + delta


def narr_amount(t: Target) -> Injection | None:
    def ok(c: Claim, _: list[Claim]) -> bool:
        return (
            c.kind == "amount"
            and c.unit == "万元"
            and c.value is not None
            and bool(c.subject and _TABLE_SUBJECT.match(c.subject))
            and not c.carried
            and f"v:{c.value.value}" not in t.touched
        )

    def change(c: Claim, old: str) -> str | None:
        assert c.value is not None
        return f"{money(_shift_amount(t, c.value.value))}万元"

    return _narrative(t, "narr_amount", ["N0101"], ok, change, ("N0701",))


def narr_share(t: Target) -> Injection | None:
    def ok(c: Claim, _: list[Claim]) -> bool:
        return (
            c.kind == "share" and c.base is not None and c.value is not None and c.value.value > 0
        )

    def change(c: Claim, old: str) -> str | None:
        assert c.value is not None
        return f"{_shift_rate(t, c.value.value):.2f}%"

    return _narrative(t, "narr_share", ["N0201"], ok, change)


def _growth_ok(c: Claim, claims: list[Claim]) -> bool:
    amount = _same_sentence(c, claims, "change_amount")
    return (
        c.kind == "change_rate"
        and c.versus == "prior"
        and c.value is not None
        and c.value.value > 0
        and c.direction in ("增加", "减少")
        and amount is not None
        and amount.value is not None
    )


def narr_growth(t: Target) -> Injection | None:
    def change(c: Claim, old: str) -> str | None:
        assert c.value is not None
        return f"{_shift_rate(t, c.value.value):.2f}%"

    return _narrative(t, "narr_growth", ["N0301"], _growth_ok, change)


def narr_direction(t: Target) -> Injection | None:
    flips = {"增长": "下降", "下降": "增长"}
    picked_word: dict[str, str] = {}

    def change(c: Claim, old: str) -> str | None:
        word = picked_word.get("w")
        return f"{flips[word]}{old}" if word else None

    def ok(c: Claim, claims: list[Claim]) -> bool:
        return _growth_ok(c, claims) and c.direction_word in flips

    picked = _pick_claim(t, ok)
    if picked is None:
        return None
    claim = picked[0]
    picked_word["w"] = claim.direction_word or ""

    def only(c: Claim, claims: list[Claim]) -> bool:
        return c is claim or (
            c.kind == claim.kind and c.prov == claim.prov and c.subject == claim.subject
        )

    return _narrative(t, "narr_direction", ["N0302"], only, change, ("N0301",))


def narr_completion(t: Target) -> Injection | None:
    def ok(c: Claim, claims: list[Claim]) -> bool:
        budget = _same_sentence(c, claims, "budget_amount")
        return (
            c.kind == "completion_rate"
            and c.value is not None
            and budget is not None
            and budget.value is not None
            and budget.value.value > 0
        )

    def change(c: Claim, old: str) -> str | None:
        assert c.value is not None
        return f"{_shift_rate(t, c.value.value):.2f}%"

    return _narrative(t, "narr_completion", ["N0401"], ok, change)


def narr_year(t: Target) -> Injection | None:
    year = t.d.meta.fiscal_year

    def ok(c: Claim, _: list[Claim]) -> bool:
        return c.kind == "comparison_year" and c.year == year - 1

    def change(c: Claim, old: str) -> str | None:
        return old.replace(str(year - 1), str(year - t.rng.choice((2, 3))), 1)

    return _narrative(t, "narr_year", ["N0601"], ok, change)


def narr_unit(t: Target) -> Injection | None:
    def ok(c: Claim, claims: list[Claim]) -> bool:
        if c.kind not in ("amount", "change_amount") or c.unit != "万元" or c.value is None:
            return False
        assert c.value is not None
        return any(
            o is not c and o.kind == c.kind and o.unit == "万元" and o.value is not None
            and o.value.value == c.value.value
            for o in claims
        )  # fmt: skip

    def change(c: Claim, old: str) -> str | None:
        assert c.value is not None
        t.touched.add(f"v:{c.value.value}")  # its twins must keep their value
        return old.replace("万元", "元") if old.endswith("万元") else None

    return _narrative(t, "narr_unit", ["N0501"], ok, change)


# -- tables ---------------------------------------------------------------------------------


def _view(t: Target, key: str) -> Any:
    return next((v for v in t.doc.tables if v.key == key), None)


def _set_cell(row: list[Cell], i: int, text: str) -> str:
    old = row[i].text
    row[i] = replace(row[i], text=text, value=None)
    return old


def table_cell(t: Target) -> Injection | None:
    """A 项 (02/03) or 款 (06) cell changed by at least 0.5: the row or tree sums break."""
    choices: list[tuple[str, int, int, str, str]] = []  # table, body row, cell, row code, column
    for key in ("02", "03"):
        view = _view(t, key)
        if view is None:
            continue
        cols = [c.key for c in SPECS[key].columns]
        for r, row in enumerate(view.body[1:], start=1):
            code = row[0].text
            if len(code) != 7:
                continue
            for ci, col in enumerate(cols):
                if row[2 + ci].text and f"{key}:{code}" not in t.touched:
                    choices.append((key, r, 2 + ci, code, col))
    view06 = _view(t, "06")
    if view06 is not None:
        for r, row in enumerate(view06.body[:-1]):
            for b in range(0, len(row) - 2, 3):
                code = row[b].text
                if len(code) == 5 and row[b + 2].text:
                    choices.append(("06", r, b + 2, code, "决算数"))
    if not choices:
        return None
    key, r, ci, code, col = t.rng.choice(choices)
    row = _view(t, key).body[r]
    value = Decimal(row[ci].text.replace(",", ""))
    new = money(_shift_amount(t, value))
    old = _set_cell(row, ci, new)
    t.touched |= {f"{key}:{code}", f"table:{key}"}
    codes = {"02": ["T0201", "T0202"], "03": ["T0301", "T0302"], "06": ["T0603", "T0601", "T0602"]}
    return Injection(
        kind="table_cell",
        codes=codes[key],
        table=key,
        row=code,
        column=col,
        original=old,
        injected=new,
        also=["T", "X"],
        tag=("body", key, r),
    )


def class_cell(t: Target) -> Injection | None:
    """A 类 amount of table 01 that no longer matches table 03 (and the 01 total)."""
    view = _view(t, "01")
    if view is None or "01" in t.touched:
        return None
    rows = [(r, row) for r, row in enumerate(view.body) if row[5].text and "、" in row[3].text]
    if not rows:
        return None
    r, row = t.rng.choice(rows)
    value = Decimal(row[5].text.replace(",", ""))
    new = money(_shift_amount(t, value))
    old = _set_cell(row, 5, new)
    t.touched.add("01")
    label = strip_numbering(row[3].text)
    return Injection(
        kind="class_cell",
        codes=["X0104", "T0102"],
        table="01",
        row=label,
        column="金额",
        original=old,
        injected=new,
        also=["T", "X"],
        tag=("body", "01", r),
    )


def sangong_blank(t: Target) -> Injection | None:
    view = _view(t, "09")
    if view is None or not view.body or not view.body[0][6].text or "narr:09" in t.touched:
        return None
    row = view.body[0]
    old = _set_cell(row, 6, "")
    t.touched.add("table:09")
    return Injection(
        kind="sangong_blank",
        codes=["T0901"],
        table="09",
        row="三公经费",
        column="决算数/合计",
        original=old,
        injected="",
        also=["N", "X"],
        tag=("body", "09", 0),
    )


def code_name(t: Target) -> Injection | None:
    """A 项 printed with the name of a sibling 项 (a wrong code–name pair)."""
    year = t.d.meta.fiscal_year
    choices = []
    for key in ("02", "03"):  # not 05: the narrative's 科目 names are read from it
        view = _view(t, key)
        if view is None:
            continue
        for r, row in enumerate(view.body[1:], start=1):
            code = row[0].text
            if len(code) != 7:
                continue
            siblings = [
                e.name
                for e in catalog().children(code[:5], year)
                if e.code != code and e.name != row[1].text
            ]
            if siblings:
                choices.append((key, r, code, siblings))
    if not choices:
        return None
    key, r, code, siblings = t.rng.choice(choices)
    row = _view(t, key).body[r]
    new = t.rng.choice(siblings)
    old = _set_cell(row, 1, new)
    t.touched.add(f"table:{key}")
    return Injection(
        kind="code_name",
        codes=["C0101"],
        table=key,
        row=code,
        column="科目名称",
        original=old,
        injected=new,
        also=["C", "N09"],
        tag=("body", key, r),
    )


def missing_table(t: Target) -> Injection | None:
    keys = [
        v.key
        for v in t.doc.tables
        if v.key in ("06", "07", "08", "09")
        and f"table:{v.key}" not in t.touched
        and f"narr:{v.key}" not in t.touched
    ]
    if not keys or any(k.startswith("missing") for k in t.touched):
        return None
    key = t.rng.choice(keys)
    t.doc.tables = [v for v in t.doc.tables if v.key != key]
    t.touched |= {f"missing{key}", f"table:{key}"}
    return Injection(
        kind="missing_table",
        codes=["F0101"],
        table=key,
        original=SPECS[key].title,
        injected="",
        also=["X", "N", "T", "F"],
    )


# -- performance (model level) ----------------------------------------------------------------


def perf_total(t: Target) -> Injection | None:
    evs = [i for i, e in enumerate(t.d.evaluations) if e.total_score is not None]
    evs = [i for i in evs if f"ev{i}" not in t.touched]
    if not evs:
        return None
    i = t.rng.choice(evs)
    ev = t.d.evaluations[i]
    assert ev.total_score is not None
    old = ev.total_score.value
    delta = Decimal(str(round(t.rng.uniform(1.0, 6.0), 2)))
    new = old - delta if old + delta > 100 or t.rng.random() < 0.5 else old + delta
    t.d.evaluations[i] = ev.model_copy(update={"total_score": Num.of(new)})
    t.touched.add(f"ev{i}")
    return Injection(
        kind="perf_total",
        codes=["P0101"],
        table="绩效自评",
        row=ev.name,
        column="总分",
        original=str(old),
        injected=str(new),
        also=["P"],
    )


def perf_grade(t: Target) -> Injection | None:
    evs = [i for i, e in enumerate(t.d.evaluations) if e.grade and f"ev{i}" not in t.touched]
    if not evs:
        return None
    i = t.rng.choice(evs)
    ev = t.d.evaluations[i]
    names = [g.name for g in load_profile(PROFILE).grades if g.name != ev.grade]
    new = t.rng.choice(names)
    t.d.evaluations[i] = ev.model_copy(update={"grade": new})
    t.touched.add(f"ev{i}")
    return Injection(
        kind="perf_grade",
        codes=["P0112"],
        table="绩效自评",
        row=ev.name,
        column="评价等级",
        original=ev.grade or "",
        injected=new,
        also=["P"],
    )


CATALOGUE: dict[str, Injector] = {
    "table_cell": table_cell,
    "class_cell": class_cell,
    "sangong_blank": sangong_blank,
    "code_name": code_name,
    "missing_table": missing_table,
    "narr_amount": narr_amount,
    "narr_share": narr_share,
    "narr_growth": narr_growth,
    "narr_direction": narr_direction,
    "narr_completion": narr_completion,
    "narr_year": narr_year,
    "narr_unit": narr_unit,
    "perf_total": perf_total,
    "perf_grade": perf_grade,
}
MODEL_LEVEL = ("perf_total", "perf_grade")


def inject(
    d: Disclosure,
    build: Callable[[Disclosure], Document],
    rng: random.Random,
    count: int,
    kinds: list[str] | None = None,
) -> tuple[Document, list[Injection]]:
    """Build the document of ``d`` with up to ``count`` injected errors of distinct kinds.

    Performance errors are made in ``d`` (a copy) before the document is built; table and
    narrative errors in the document afterwards.
    """
    order = list(kinds or CATALOGUE)
    rng.shuffle(order)
    d = d.model_copy(deep=True)
    t = Target(d, Document.__new__(Document), rng)
    out: list[Injection] = []
    reserved: list[str] = []
    for kind in order:
        if len(out) + len(reserved) >= count:
            break
        if kind in MODEL_LEVEL:
            made = CATALOGUE[kind](t)
            if made is not None:
                out.append(made)
        else:
            reserved.append(kind)
    t.doc = build(d)
    rest = [k for k in order if k not in MODEL_LEVEL and k not in reserved]
    for kind in [*reserved, *rest]:
        if len(out) >= count:
            break
        made = CATALOGUE[kind](t)
        if made is not None:
            out.append(made)
    return t.doc, out
