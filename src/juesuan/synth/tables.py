"""The nine tables summed from 项-level leaves (amounts in 分, printed in 万元).

Every total, 类 and 款 row is the sum of the leaves in 分, rounded once to 万元: rows and
their parts are rounded independently, so 尾差 appear exactly as in real documents.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from juesuan.model.figure import Num
from juesuan.model.spec import FUND_KINDS, INCOME_01, SPECS
from juesuan.model.tables import Row, Table
from juesuan.synth.money import num

EMPTY_NOTE = "本部门本年度无此项收支，按要求以空表列示。"
SANGONG_EMPTY_NOTE = "本部门本年度无财政拨款“三公”经费支出，本表无数据。"


@dataclass
class Leaf:
    """One 功能分类 项 of the department, amounts in 分."""

    code: str
    fb: int = 0  # 一般公共预算财政拨款 基本支出
    fp: int = 0  # 一般公共预算财政拨款 项目支出
    nb: int = 0  # non-fiscal 基本支出 (paid from 事业收入/其他收入)
    np: int = 0  # non-fiscal 项目支出
    fund: int = 0  # 政府性基金预算财政拨款 项目支出
    ci: int = 0  # 年初财政拨款结转 used on this 项 (一般公共预算)
    co: int = 0  # 年末财政拨款结转 left on this 项 (一般公共预算)
    biz: int = 0  # 事业收入
    oth: int = 0  # 其他收入

    @property
    def general(self) -> int:
        return self.fb + self.fp

    @property
    def basic(self) -> int:
        return self.fb + self.nb

    @property
    def project(self) -> int:
        return self.fp + self.np + self.fund

    @property
    def expense(self) -> int:
        return self.basic + self.project

    @property
    def fiscal_income(self) -> int:
        return self.general - self.ci + self.co + self.fund

    @property
    def income(self) -> int:
        return self.fiscal_income + self.biz + self.oth


Columns = Mapping[str, Callable[[Leaf], int]]


def _sums(leaves: list[Leaf], columns: Columns) -> dict[str, dict[str, int]]:
    sums: dict[str, dict[str, int]] = {}
    for leaf in leaves:
        vals = {k: f(leaf) for k, f in columns.items()}
        if not any(vals.values()):
            continue
        for key in ("合计", leaf.code[:3], leaf.code[:5], leaf.code):
            acc = sums.setdefault(key, dict.fromkeys(columns, 0))
            for k, v in vals.items():
                acc[k] += v
    return sums


def _values(cents: Mapping[str, int]) -> dict[str, Num]:
    return {k: num(v) for k, v in cents.items() if v}


def coded_table(
    table_id: str, leaves: list[Leaf], columns: Columns, names: Mapping[str, str]
) -> Table:
    """A 功能分类 table (02/03/05/07/08): 合计, then 类/款/项 rows in code order."""
    sums = _sums(leaves, columns)
    rows = [Row(key="合计", label="合计", values=_values(sums.get("合计", {})))]
    for code in sorted((c for c in sums if c != "合计"), key=lambda c: (c[:3], c[:5], len(c), c)):
        rows.append(Row(key=code, code=code, label=names[code], values=_values(sums[code])))
    spec = SPECS[table_id]
    notes = [] if len(rows) > 1 else [EMPTY_NOTE]
    return Table(id=table_id, title=spec.title, unit="万元", rows=rows, notes=notes)


def table01(
    leaves: list[Leaf],
    classes: list[tuple[str, str]],
    carry_in: int,
    carry_out: int,
) -> Table:
    income = {
        "一般公共预算财政拨款收入": sum(lf.general - lf.ci + lf.co for lf in leaves),
        "政府性基金预算财政拨款收入": sum(lf.fund for lf in leaves),
        "国有资本经营预算财政拨款收入": 0,
        "上级补助收入": 0,
        "事业收入": sum(lf.biz for lf in leaves),
        "经营收入": 0,
        "附属单位上缴收入": 0,
        "其他收入": sum(lf.oth for lf in leaves),
    }
    inc_total = sum(income.values())
    exp_total = sum(lf.expense for lf in leaves)
    rows: list[Row] = []
    for label in INCOME_01:
        rows.append(_fixed(label, "收入", income[label]))
    rows.append(_fixed("本年收入合计", "收入", inc_total))
    rows.append(_fixed("使用非财政拨款结余（含专用结余）", "收入", 0))
    rows.append(_fixed("年初结转和结余", "收入", carry_in))
    rows.append(_fixed("总计", "收入", inc_total + carry_in))
    by_class = _by_class(leaves, lambda lf: lf.expense)
    for code, name in classes:
        rows.append(
            Row(
                key=name,
                label=name,
                code=code,
                side="支出",
                values=_values({"金额": by_class.get(code, 0)}),
            )
        )
    rows.append(_fixed("本年支出合计", "支出", exp_total))
    rows.append(_fixed("结余分配", "支出", 0))
    rows.append(_fixed("年末结转和结余", "支出", carry_out))
    rows.append(_fixed("总计", "支出", exp_total + carry_out))
    return Table(id="01", title=SPECS["01"].title, unit="万元", rows=rows)


def table04(
    leaves: list[Leaf],
    classes: list[tuple[str, str]],
    carry_in: int,
    carry_out: int,
) -> Table:
    general_in = sum(lf.general - lf.ci + lf.co for lf in leaves)
    fund_in = sum(lf.fund for lf in leaves)
    rows: list[Row] = [
        _fixed(FUND_KINDS[0], "收入", general_in, "金额"),
        _fixed(FUND_KINDS[1], "收入", fund_in, "金额"),
        _fixed(FUND_KINDS[2], "收入", 0, "金额"),
        _fixed("本年收入合计", "收入", general_in + fund_in, "金额"),
        _fixed("年初财政拨款结转和结余", "收入", carry_in, "金额"),
    ]
    for k, v in zip(FUND_KINDS, (carry_in, 0, 0), strict=True):
        rows.append(
            Row(
                key=f"年初财政拨款结转和结余/{k}",
                label=k,
                side="收入",
                values=_values({"金额": v}),
            )
        )
    rows.append(_fixed("总计", "收入", general_in + fund_in + carry_in, "金额"))
    gen = _by_class(leaves, lambda lf: lf.general)
    fund = _by_class(leaves, lambda lf: lf.fund)
    for code, name in classes:
        g, f = gen.get(code, 0), fund.get(code, 0)
        rows.append(
            Row(
                key=name,
                label=name,
                code=code,
                side="支出",
                values=_values({"合计": g + f, FUND_KINDS[0]: g, FUND_KINDS[1]: f}),
            )
        )
    g_total = sum(lf.general for lf in leaves)
    f_total = sum(lf.fund for lf in leaves)
    both = {"合计": g_total + f_total, FUND_KINDS[0]: g_total, FUND_KINDS[1]: f_total}
    rows.append(Row(key="本年支出合计", label="本年支出合计", side="支出", values=_values(both)))
    out = {"合计": carry_out, FUND_KINDS[0]: carry_out}
    rows.append(
        Row(
            key="年末财政拨款结转和结余",
            label="年末财政拨款结转和结余",
            side="支出",
            values=_values(out),
        )
    )
    for k in FUND_KINDS:
        v = carry_out if k == FUND_KINDS[0] else 0
        rows.append(
            Row(
                key=f"年末财政拨款结转和结余/{k}",
                label=k,
                side="支出",
                values=_values({"合计": v, k: v}),
            )
        )
    grand = {
        "合计": g_total + f_total + carry_out,
        FUND_KINDS[0]: g_total + carry_out,
        FUND_KINDS[1]: f_total,
    }
    rows.append(Row(key="总计", label="总计", side="支出", values=_values(grand)))
    return Table(id="04", title=SPECS["04"].title, unit="万元", rows=rows)


def table06(econ: Mapping[str, int], names: Mapping[str, str]) -> Table:
    """06 from 款-level amounts: 类 rows summed, footers 人员经费合计 / 公用经费合计."""
    by_class: dict[str, int] = {}
    for code, v in econ.items():
        by_class[code[:3]] = by_class.get(code[:3], 0) + v
    rows: list[Row] = []
    for cls in sorted(by_class):
        rows.append(
            Row(key=cls, code=cls, label=names[cls], values=_values({"决算数": by_class[cls]}))
        )
        for code in sorted(c for c in econ if c[:3] == cls and econ[c]):
            rows.append(
                Row(key=code, code=code, label=names[code], values=_values({"决算数": econ[code]}))
            )
    personnel = sum(v for c, v in by_class.items() if c in ("301", "303"))
    public = sum(v for c, v in by_class.items() if c not in ("301", "303"))
    rows.append(
        Row(key="人员经费合计", label="人员经费合计", values=_values({"决算数": personnel}))
    )
    rows.append(Row(key="公用经费合计", label="公用经费合计", values=_values({"决算数": public})))
    return Table(id="06", title=SPECS["06"].title, unit="万元", rows=rows)


def table09(budget: Mapping[str, int], final: Mapping[str, int]) -> Table:
    """09 from the four leaf items (出国, 购置, 运行维护, 接待) of 预算数 and 决算数."""
    values: dict[str, int] = {}
    for block, items in (("预算数", budget), ("决算数", final)):
        abroad = items.get("abroad", 0)
        buy = items.get("purchase", 0)
        run = items.get("operation", 0)
        rec = items.get("reception", 0)
        values.update(
            {
                f"{block}/合计": abroad + buy + run + rec,
                f"{block}/因公出国（境）费": abroad,
                f"{block}/公务用车购置及运行维护费": buy + run,
                f"{block}/公务用车购置费": buy,
                f"{block}/公务用车运行维护费": run,
                f"{block}/公务接待费": rec,
            }
        )
    vals = _values(values)
    notes = [] if vals else [SANGONG_EMPTY_NOTE]
    return Table(
        id="09",
        title=SPECS["09"].title,
        unit="万元",
        rows=[Row(key="三公经费", label="“三公”经费", values=vals)],
        notes=notes,
    )


def _by_class(leaves: list[Leaf], f: Callable[[Leaf], int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for lf in leaves:
        out[lf.code[:3]] = out.get(lf.code[:3], 0) + f(lf)
    return out


def _fixed(label: str, side: str, cents: int, column: str = "金额") -> Row:
    return Row(key=label, label=label, side=side, values=_values({column: cents}))
