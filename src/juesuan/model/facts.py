"""The ``facts`` format: one numeric fact per line (JSON Lines), a public interface.

Each fact::

    {"file": path, "table": "01".."09" or a section id, "side": "收入"|"支出"|null,
     "code": 科目编码 or null, "row": row label as printed without whitespace,
     "column": column header as printed without whitespace (levels joined with "/"),
     "value": decimal string, "raw": text as printed, "unit": "万元"|"元"|"%"|...,
     "line": int|null, "page": int|null}

Figures outside the nine tables use these section ids as ``table``: ``上年数``,
``年初预算``, ``全年预算`` (``code`` = subject key, ``row`` = its Chinese name),
``机关运行经费``, ``三公``, ``政府采购``, ``国有资产``, ``预算绩效``, and ``绩效自评``
(``row`` = project name / indicator).  Blank cells emit no fact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from juesuan.model.disclosure import Disclosure
from juesuan.model.figure import Num
from juesuan.model.spec import SPECS
from juesuan.model.subjects import subject_name
from juesuan.model.tables import Table

_WS = re.compile(r"\s+")


def _clean(text: str | None) -> str | None:
    return _WS.sub("", text) if text is not None else None


def _fact(
    file: str | None,
    table: str,
    side: str | None,
    code: str | None,
    row: str | None,
    column: str | None,
    num: Num,
    unit: str | None,
) -> dict[str, Any]:
    prov = num.prov
    return {
        "file": file,
        "table": table,
        "side": side,
        "code": code,
        "row": _clean(row),
        "column": _clean(column),
        "value": str(num.value),
        "raw": num.raw if num.raw is not None else str(num.value),
        "unit": unit,
        "line": prov.line if prov else None,
        "page": prov.page if prov else None,
    }


def _table_facts(d: Disclosure, t: Table) -> Iterator[dict[str, Any]]:
    s = SPECS[t.id]
    unit = t.unit or d.meta.amount_unit
    for row in t.rows:
        for key, num in row.values.items():
            col = s.column(key)
            header = t.headers.get(key) or (col.header if col else key)
            side = row.side if t.id in ("01", "04") else None
            if side is not None:  # both sides share column keys; keep each side's own header
                other = "支出" if side == "收入" else "收入"
                if header.startswith(f"{other}/"):
                    header = f"{side}/{header[len(other) + 1 :]}"
            yield _fact(
                d.meta.source_file,
                t.id,
                side,
                row.code,
                row.printed_label or row.label,
                header,
                num,
                unit,
            )


def iter_facts(d: Disclosure) -> Iterator[dict[str, Any]]:
    """All numeric facts of a disclosure, tables first, in document order."""
    file = d.meta.source_file
    unit = d.meta.amount_unit
    for tid in sorted(d.tables):
        yield from _table_facts(d, d.tables[tid])
    e = d.extras
    for section, mapping, column in (
        ("上年数", e.prior, "上年决算数"),
        ("年初预算", e.budget_initial, "年初预算数"),
        ("全年预算", e.budget_final, "全年预算数"),
    ):
        for key, num in mapping.items():
            yield _fact(file, section, None, key, subject_name(key), column, num, unit)
    if e.office_running is not None:
        yield _fact(
            file, "机关运行经费", None, None, "机关运行经费", "本年", e.office_running, unit
        )
    for section, model in (
        ("三公", e.sangong_counts),
        ("政府采购", e.procurement),
        ("国有资产", e.assets),
        ("预算绩效", e.performance),
    ):
        for name, field in type(model).model_fields.items():
            value = getattr(model, name)
            title = field.title or name
            if isinstance(value, Num):
                u = "%" if "%" in title else unit
                yield _fact(file, section, None, name, title, title, value, u)
            elif isinstance(value, int) and not isinstance(value, bool):
                yield _fact(file, section, None, name, title, title, Num.of(value), "个")
            elif isinstance(value, dict):
                for k, v in value.items():
                    if isinstance(v, int) and not isinstance(v, bool):
                        yield _fact(file, section, None, name, k, title, Num.of(v), "个")
    for ev in d.evaluations:
        for line in ev.funding:
            for fname in ("initial_budget", "annual_budget", "executed", "weight", "rate", "score"):
                v = getattr(line, fname)
                if v is not None:
                    title = type(line).model_fields[fname].title or fname
                    yield _fact(
                        file,
                        "绩效自评",
                        None,
                        None,
                        f"{ev.name}/{line.label}",
                        title,
                        v,
                        "%" if fname == "rate" else None,
                    )
        for ind in ev.indicators:
            for fname in ("weight", "target", "actual", "score"):
                v = getattr(ind, fname)
                if v is not None:
                    title = type(ind).model_fields[fname].title or fname
                    yield _fact(
                        file,
                        "绩效自评",
                        None,
                        None,
                        f"{ev.name}/{ind.level3}",
                        title,
                        v,
                        ind.unit if fname in ("target", "actual") else "分",
                    )
        if ev.total_score is not None:
            yield _fact(file, "绩效自评", None, None, ev.name, "总分", ev.total_score, "分")


def facts_jsonl(d: Disclosure) -> str:
    return "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in iter_facts(d))
