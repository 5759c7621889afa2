"""Standard layout of the nine tables: titles, column keys and printed headers, fixed rows.

The ids are the national ones (公开01–09) whatever number a document prints.  Column keys
are the canonical names used in the model, the audit rules and the ``facts`` format when a
table carries no printed header of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from juesuan.model.tables import Side, TableId


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # standard printed header path, levels joined with "/"


@dataclass(frozen=True)
class FixedRow:
    key: str
    label: str
    side: Side | None = None


@dataclass(frozen=True)
class TableSpec:
    id: TableId
    title: str
    title_variants: tuple[str, ...]
    columns: tuple[Column, ...]
    coded: str | None = None  # "function" / "economic" / None for fixed-label tables
    income_columns: tuple[Column, ...] = ()
    fixed_rows: tuple[FixedRow, ...] = field(default_factory=tuple)
    total_column: str | None = None
    part_columns: tuple[str, ...] = ()

    def column(self, key: str) -> Column | None:
        for col in (*self.columns, *self.income_columns):
            if col.key == key:
                return col
        return None

    def column_keys(self, side: Side | None = None) -> tuple[str, ...]:
        cols = self.income_columns if side == "收入" and self.income_columns else self.columns
        return tuple(c.key for c in cols)


def _cols(*names: str, group: str = "") -> tuple[Column, ...]:
    return tuple(Column(n, f"{group}/{n}" if group else n) for n in names)


INCOME_01 = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "国有资本经营预算财政拨款收入",
    "上级补助收入",
    "事业收入",
    "经营收入",
    "附属单位上缴收入",
    "其他收入",
)
INCOME_01_TOTALS = ("本年收入合计", "使用非财政拨款结余（含专用结余）", "年初结转和结余", "总计")
EXPENSE_TOTALS_01 = ("本年支出合计", "结余分配", "年末结转和结余", "总计")
FUND_KINDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")

INCOME_04: tuple[FixedRow, ...] = (
    *(FixedRow(k, k, "收入") for k in FUND_KINDS),
    FixedRow("本年收入合计", "本年收入合计", "收入"),
    FixedRow("年初财政拨款结转和结余", "年初财政拨款结转和结余", "收入"),
    *(FixedRow(f"年初财政拨款结转和结余/{k}", k, "收入") for k in FUND_KINDS),
    FixedRow("总计", "总计", "收入"),
)
EXPENSE_04_TOTALS: tuple[FixedRow, ...] = (
    FixedRow("本年支出合计", "本年支出合计", "支出"),
    FixedRow("年末财政拨款结转和结余", "年末财政拨款结转和结余", "支出"),
    *(FixedRow(f"年末财政拨款结转和结余/{k}", k, "支出") for k in FUND_KINDS),
    FixedRow("总计", "总计", "支出"),
)

SANGONG_ITEMS = (
    ("合计", "合计"),
    ("因公出国（境）费", "因公出国（境）费"),
    ("公务用车购置及运行维护费", "公务用车购置及运行维护费/小计"),
    ("公务用车购置费", "公务用车购置及运行维护费/公务用车购置费"),
    ("公务用车运行维护费", "公务用车购置及运行维护费/公务用车运行维护费"),
    ("公务接待费", "公务接待费"),
)


def _sangong_columns() -> tuple[Column, ...]:
    cols: list[Column] = []
    for block in ("预算数", "决算数"):
        for key, header in SANGONG_ITEMS:
            cols.append(Column(f"{block}/{key}", f"{block}/{header}"))
    return tuple(cols)


SPECS: dict[str, TableSpec] = {
    "01": TableSpec(
        "01",
        "收入支出决算总表",
        ("收入支出决算总表",),
        _cols("金额"),
        income_columns=_cols("金额"),
        fixed_rows=(
            *(FixedRow(k, k, "收入") for k in (*INCOME_01, *INCOME_01_TOTALS)),
            *(FixedRow(k, k, "支出") for k in EXPENSE_TOTALS_01),
        ),
    ),
    "02": TableSpec(
        "02",
        "收入决算表",
        ("收入决算表",),
        _cols("本年收入合计", "财政拨款收入", *INCOME_01[3:]),
        coded="function",
        total_column="本年收入合计",
        part_columns=("财政拨款收入", *INCOME_01[3:]),
    ),
    "03": TableSpec(
        "03",
        "支出决算表",
        ("支出决算表",),
        _cols(
            "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"
        ),
        coded="function",
        total_column="本年支出合计",
        part_columns=("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"),
    ),
    "04": TableSpec(
        "04",
        "财政拨款收入支出决算总表",
        ("财政拨款收入支出决算总表",),
        _cols("合计", *FUND_KINDS),
        income_columns=_cols("金额"),
        fixed_rows=(*INCOME_04, *EXPENSE_04_TOTALS),
        total_column="合计",
        part_columns=FUND_KINDS,
    ),
    "05": TableSpec(
        "05",
        "一般公共预算财政拨款支出决算表",
        ("一般公共预算财政拨款支出决算表",),
        _cols("合计", "基本支出", "项目支出", group="本年支出"),
        coded="function",
        total_column="合计",
        part_columns=("基本支出", "项目支出"),
    ),
    "06": TableSpec(
        "06",
        "一般公共预算财政拨款基本支出决算明细表",
        ("一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算表"),
        _cols("决算数"),
        coded="economic",
        fixed_rows=(
            FixedRow("人员经费合计", "人员经费合计"),
            FixedRow("公用经费合计", "公用经费合计"),
        ),
    ),
    "07": TableSpec(
        "07",
        "政府性基金预算财政拨款收入支出决算表",
        ("政府性基金预算财政拨款收入支出决算表",),
        (
            Column("年初结转和结余", "年初结转和结余"),
            Column("本年收入", "本年收入"),
            *_cols("小计", "基本支出", "项目支出", group="本年支出"),
            Column("年末结转和结余", "年末结转和结余"),
        ),
        coded="function",
        total_column="小计",
        part_columns=("基本支出", "项目支出"),
    ),
    "08": TableSpec(
        "08",
        "国有资本经营预算财政拨款支出决算表",
        ("国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"),
        _cols("合计", "基本支出", "项目支出", group="本年支出"),
        coded="function",
        total_column="合计",
        part_columns=("基本支出", "项目支出"),
    ),
    "09": TableSpec(
        "09",
        "财政拨款“三公”经费支出决算表",
        ("财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"),
        _sangong_columns(),
        fixed_rows=(FixedRow("三公经费", "“三公”经费"),),
    ),
}


def spec(table_id: str) -> TableSpec:
    return SPECS[table_id]
