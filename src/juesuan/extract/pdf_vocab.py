"""Vocabulary of the nine tables as printed in PDFs: titles, header terms, row labels.

Everything is matched on a *key*: the printed text without whitespace or quotes, with
full-width brackets, so "财政拨款“三公”经费支出决算表" and "财政拨款"三公"经费支出决算表"
are the same title.  Tables are identified by their titles, never by the printed number.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from juesuan.model.spec import FUND_KINDS, INCOME_01, SPECS
from juesuan.model.tables import Side, TableId

_DROP = re.compile("[\\s“”\"'‘’「」『』]+")  # whitespace and quotation marks

_CN_NUM = "一二三四五六七八九十"
NUMBERING_RE = re.compile(
    r"^(?:[（(]["
    + _CN_NUM
    + r"]+[)）][、.．]?|["
    + _CN_NUM
    + r"]+[、.．]|\d{1,2}[、．]|[（(]\d{1,2}[)）]"
    r"|表[" + _CN_NUM + r"\d]+[、.．:：]?|公开\d{2}表?[、.．:：]?|附表\d+[、.．:：]?)"
)
_TITLE_NUMBER_RE = re.compile(r"^([" + _CN_NUM + r"]+|\d{1,2})[、.．]")


def key(text: str) -> str:
    """Matching key of printed text (no whitespace or quotes, full-width brackets)."""
    # str.replace per character, not str.translate (slow on Chinese text)
    t = _DROP.sub("", text)
    return t.replace("(", "（").replace(")", "）").replace(":", "：").replace(",", "，")


def strip_numbering(text: str) -> str:
    """``一、一般公共服务支出`` → ``一般公共服务支出`` (keeps text that is only a number)."""
    stripped = NUMBERING_RE.sub("", text, count=1)
    return stripped if stripped else text


# ---------------------------------------------------------------------------- titles

_EXTRA_TITLES: dict[TableId, tuple[str, ...]] = {
    "06": ("一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出决算明细表"),
    "07": ("政府性基金预算财政拨款收入支出决算表", "政府性基金预算财政拨款支出决算表"),
    "08": ("国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"),
}


@lru_cache(maxsize=1)
def title_keys() -> dict[str, TableId]:
    out: dict[str, TableId] = {}
    for tid, spec in SPECS.items():
        for title in (spec.title, *spec.title_variants, *_EXTRA_TITLES.get(tid, ())):  # type: ignore[call-overload]
            out[key(title)] = tid  # type: ignore[assignment]
    return out


def match_title(text: str) -> tuple[TableId, str | None] | None:
    """The national id of a table title (and its printed number), or ``None``."""
    k = key(text)
    titles = title_keys()
    if k in titles:
        return titles[k], None
    m = _TITLE_NUMBER_RE.match(k)
    if m and k[m.end() :] in titles:
        return titles[k[m.end() :]], m.group(1)
    rest = strip_numbering(k)
    if rest != k and rest in titles:
        return titles[rest], None
    return None


# ---------------------------------------------------------------------------- headers

LABEL_TERMS = frozenset(
    key(t)
    for t in (
        "项目",
        "科目名称",
        "科目编码",
        "功能分类科目编码",
        "支出功能分类科目编码",
        "经济分类科目编码",
        "部门预算支出经济分类科目编码",
        "功能分类",
        "支出功能分类",
        "经济分类",
        "类",
        "款",
        "项",
        "行次",
        "栏次",
    )
)
SIDE_TERMS: dict[str, Side] = {"收入": "收入", "支出": "支出"}

_SANGONG_ITEMS: tuple[tuple[str, str], ...] = (
    ("公务用车购置费", "公务用车购置费"),
    ("公务用车运行维护费", "公务用车运行维护费"),
    ("公务用车运行费", "公务用车运行维护费"),
    ("小计", "公务用车购置及运行维护费"),
    ("公务用车购置及运行维护费", "公务用车购置及运行维护费"),
    ("公务用车购置及运行费", "公务用车购置及运行维护费"),
    ("因公出国（境）费", "因公出国（境）费"),
    ("因公出国（境）费用", "因公出国（境）费"),
    ("公务接待费", "公务接待费"),
    ("合计", "合计"),
)

VALUE_TERMS = frozenset(
    key(t)
    for t in (
        "决算数",
        "预算数",
        "金额",
        "合计",
        "小计",
        "本年收入合计",
        "财政拨款收入",
        *INCOME_01[3:],
        "本年支出合计",
        "基本支出",
        "项目支出",
        "上缴上级支出",
        "经营支出",
        "对附属单位补助支出",
        *FUND_KINDS,
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "年初结转和结余",
        "本年收入",
        "本年支出",
        "年末结转和结余",
        "财政拨款“三公”经费",
        "一般公共预算财政拨款“三公”经费",
        "“三公”经费",
        *(t for t, _ in _SANGONG_ITEMS),
    )
)


def is_label_header(text: str) -> bool:
    return key(text) in LABEL_TERMS


def is_value_header(text: str) -> bool:
    return key(text) in VALUE_TERMS


def column_key(table_id: TableId, side: Side | None, path: list[str]) -> str | None:
    """Map a printed header path (top-down, as printed) to the spec's column key."""
    keys = [key(p) for p in path]
    if not keys:
        return None
    leaf = keys[-1]
    if table_id == "01" or (table_id == "04" and side == "收入"):
        return "金额" if leaf in ("决算数", "金额") else None
    if table_id == "04":
        if leaf == "合计":
            return "合计"
        for kind in FUND_KINDS:
            if leaf.startswith(kind[:4]):
                return kind
        return None
    if table_id == "02":
        if leaf in ("合计", "本年收入合计"):
            return "本年收入合计"
        return leaf if leaf in ("财政拨款收入", *INCOME_01[3:]) else None
    if table_id == "03":
        if leaf in ("合计", "本年支出合计"):
            return "本年支出合计"
        cols = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
        return leaf if leaf in cols else None
    if table_id in ("05", "08"):
        if leaf in ("合计", "小计", "本年支出"):
            return "合计"
        if leaf in ("基本支出", "项目支出"):
            return leaf
        if leaf in ("年初结转和结余", "本年收入", "年末结转和结余"):  # Shanghai's 07-like 08
            return leaf
        return None
    if table_id == "06":
        return "决算数" if leaf in ("决算数", "金额") else None
    if table_id == "07":
        if leaf in ("合计", "小计", "本年支出"):
            return "小计"
        if leaf in ("基本支出", "项目支出", "年初结转和结余", "本年收入", "年末结转和结余"):
            return leaf
        return None
    if table_id == "09":
        if leaf not in ("预算数", "决算数"):
            return None
        for term, item in _SANGONG_ITEMS:
            if key(term) in keys[:-1]:
                return f"{leaf}/{item}"
        return None
    return None


# ---------------------------------------------------------------------------- rows

_FIXED_SYNONYMS: dict[str, str] = {
    key("使用非财政拨款结余"): "使用非财政拨款结余（含专用结余）",
    key("使用非财政拨款结余（含专用结余）"): "使用非财政拨款结余（含专用结余）",
    key("年初财政拨款结转和结余"): "年初财政拨款结转和结余",
    key("年末财政拨款结转和结余"): "年末财政拨款结转和结余",
}


@lru_cache(maxsize=1)
def expense_classes() -> dict[str, str]:
    """类-level 功能分类 names → code, from the catalog (fallback: none)."""
    out: dict[str, str] = {}
    try:
        ref = resources.files("juesuan.catalog").joinpath("data/table01_expense_classes.csv")
        with ref.open("r", encoding="utf-8") as fh:
            for rec in csv.DictReader(fh):
                if rec.get("code") and rec.get("name"):
                    out[key(rec["name"])] = rec["code"]
    except (FileNotFoundError, ModuleNotFoundError, OSError):  # pragma: no cover
        pass
    return out


def fixed_row_key(table_id: TableId, side: Side | None, label: str) -> str | None:
    """Canonical key of a fixed (uncoded) row label of 01/04/06, or ``None``."""
    k = key(strip_numbering(key(label)))
    k = _FIXED_SYNONYMS.get(k, k)
    spec = SPECS[table_id]
    for row in spec.fixed_rows:
        if row.side not in (None, side):
            continue
        if key(row.key) == k or key(row.label) == k:
            return row.key
    if table_id == "04" and side == "收入" and k == key("年初结转和结余"):
        return "年初财政拨款结转和结余"
    if table_id == "04" and side == "支出" and k == key("年末结转和结余"):
        return "年末财政拨款结转和结余"
    if table_id == "06":
        if k in ("人员经费", "人员经费合计"):
            return "人员经费合计"
        if k in ("公用经费", "公用经费合计"):
            return "公用经费合计"
    return None


def fund_kind(label: str) -> str | None:
    k = key(strip_numbering(key(label)))
    for kind in FUND_KINDS:
        if k == key(kind):
            return kind
    return None
