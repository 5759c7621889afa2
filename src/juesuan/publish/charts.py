"""Charts (matplotlib, Agg backend) as PNG, with a CJK font found through font_manager.

Figures are drawn from the same model values as the narrative; float is used only to place
bars and wedges, never for a printed figure (labels are formatted from the Decimals).  When
no CJK font is installed the charts are skipped with a warning rather than drawn in tofu.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from juesuan.model.disclosure import Disclosure
from juesuan.model.values import current
from juesuan.publish.document import Chart
from juesuan.publish.fmt import money, pct_text, percent

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Noto Serif CJK SC",
    "AR PL UMing CN",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
)
NO_FONT_WARNING = (
    "未找到中文字体（如 Debian 软件包 fonts-noto-cjk 或 fonts-wqy-microhei），"
    "已跳过图表，以免汉字显示为方块。"
)
COLOURS = ("#2f5d8a", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6", "#7f7f7f")
DPI = 130


@cache
def cjk_font_path() -> str | None:
    """Path of an installed CJK font matplotlib can use, or None."""
    from matplotlib import font_manager

    by_name: dict[str, str] = {}
    for entry in font_manager.fontManager.ttflist:
        regular = entry.weight in (400, "normal", "regular", "book") and entry.style == "normal"
        if regular or entry.name not in by_name:
            if regular and entry.name in by_name and by_name[entry.name].endswith("#regular"):
                continue
            by_name[entry.name] = entry.fname + ("#regular" if regular else "")
    by_name = {k: v.removesuffix("#regular") for k, v in by_name.items()}
    for family in CJK_FAMILIES:
        if family in by_name:
            return by_name[family]
    return None


def _v(d: Disclosure, key: str) -> Decimal:
    n = current(d, key)
    return n.value if n is not None else Decimal(0)


def _prior(d: Disclosure, key: str) -> Decimal | None:
    n = d.extras.prior.get(key)
    return n.value if n is not None else None


def make_charts(d: Disclosure) -> tuple[list[Chart], list[str]]:
    """All charts the data supports, and warnings (no CJK font)."""
    path = cjk_font_path()
    if path is None:
        return [], [NO_FONT_WARNING]
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager

    font = font_manager.FontProperties(fname=path)
    year = d.meta.fiscal_year
    unit = d.meta.amount_unit
    out: list[Chart] = []
    specs: list[tuple[str, str, str, Callable[[Any, Any], bool]]] = []

    total_prior = _prior(d, "total")
    if total_prior is not None:
        pairs = [("收、支总计", total_prior, _v(d, "total"))]
        specs.append(("total", "收支总计变动情况", "total", _bars(pairs, year, unit, font)))
    incomes = [
        (label, _v(d, key))
        for key, label in (
            ("income.fiscal", "财政拨款收入"),
            ("income.superior", "上级补助收入"),
            ("income.business", "事业收入"),
            ("income.operating", "经营收入"),
            ("income.affiliated", "附属单位上缴收入"),
            ("income.other", "其他收入"),
        )
    ]
    if sum(v for _, v in incomes) > 0:
        specs.append(("income", "收入结构", "income", _pie(incomes, unit, font)))
    parts = [("基本支出", _v(d, "expense.basic")), ("项目支出", _v(d, "expense.project"))]
    if sum(v for _, v in parts) > 0:
        specs.append(
            ("expense", "支出结构（基本支出与项目支出）", "expense", _pie(parts, unit, font))
        )
    fiscal_pairs = [
        (label, prior, _v(d, key))
        for key, label in (
            ("fiscal.income", "财政拨款本年收入"),
            ("fiscal.expense", "财政拨款本年支出"),
            ("fiscal.total", "财政拨款收、支总计"),
        )
        if (prior := _prior(d, key)) is not None
    ]
    if fiscal_pairs:
        specs.append(
            ("fiscal", "财政拨款收支变动情况", "fiscal", _bars(fiscal_pairs, year, unit, font))
        )
    t05 = d.tables.get("05")
    classes = [
        (r.label, r.values["合计"].value)
        for r in (t05.rows if t05 else [])
        if r.code and len(r.code) == 3 and "合计" in r.values and r.values["合计"].value
    ]
    if classes:
        specs.append(
            (
                "general",
                "一般公共预算财政拨款支出结构（按功能分类类级科目）",
                "general.structure",
                _hbars(classes, unit, font),
            )
        )
    sangong = [
        (label, _v(d, key))
        for key, label in (
            ("sangong.abroad", "因公出国（境）费"),
            ("sangong.vehicle", "公务用车购置及运行维护费"),
            ("sangong.reception", "公务接待费"),
        )
    ]
    if sum(v for _, v in sangong) > 0:
        specs.append(
            ("sangong", "“三公”经费支出结构", "sangong.overall", _pie(sangong, unit, font))
        )

    for key, title, section, draw in specs:
        out.append(_render(key, title, section, draw))
    return out, []


def _render(key: str, title: str, section: str, draw: Callable[[Any, Any], bool]) -> Chart:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, 3.4), dpi=DPI)
    ax = fig.add_subplot(1, 1, 1)
    draw(fig, ax)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.08)
    data = buf.getvalue()
    width, height = _png_size(data)
    return Chart(key, title, section, data, width, height)


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (IHDR)."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _bars(
    pairs: list[tuple[str, Decimal, Decimal]], year: int, unit: str, font: Any
) -> Callable[[Any, Any], bool]:
    def draw(fig: Any, ax: Any) -> bool:
        n = len(pairs)
        xs = list(range(n))
        width = 0.36
        prior = [float(p) for _, p, _ in pairs]
        now = [float(c) for _, _, c in pairs]
        b1 = ax.bar(
            [x - width / 2 for x in xs], prior, width, color=COLOURS[6], label=f"{year - 1}年度"
        )
        b2 = ax.bar([x + width / 2 for x in xs], now, width, color=COLOURS[0], label=f"{year}年度")
        for bars, values in ((b1, [p for _, p, _ in pairs]), (b2, [c for _, _, c in pairs])):
            for bar, value in zip(bars, values, strict=True):
                ax.annotate(
                    money(value),
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    fontproperties=font,
                )
        ax.set_xticks(xs)
        ax.set_xticklabels([label for label, _, _ in pairs], fontproperties=font, fontsize=9)
        ax.set_ylabel(unit, fontproperties=font, fontsize=8)
        small = font.copy()
        small.set_size(8)
        ax.legend(prop=small, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(y=0.15)
        ax.set_xlim(-0.9, n - 0.1)
        return True

    return draw


def _pie(items: list[tuple[str, Decimal]], unit: str, font: Any) -> Callable[[Any, Any], bool]:
    shown = [(label, v) for label, v in items if v > 0]
    total = sum((v for _, v in shown), Decimal(0))

    def draw(fig: Any, ax: Any) -> bool:
        wedges, _ = ax.pie(
            [float(v) for _, v in shown],
            colors=COLOURS[: len(shown)],
            startangle=90,
            counterclock=False,
            wedgeprops={"linewidth": 1, "edgecolor": "white"},
        )
        labels = []
        for label, v in shown:
            share = percent(v, total)
            labels.append(
                f"{label} {money(v)}{unit}（{pct_text(share) if share is not None else '—'}）"
            )
        small = font.copy()
        small.set_size(8)
        ax.legend(
            wedges, labels, prop=small, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False
        )
        ax.set_aspect("equal")
        return True

    return draw


def _hbars(items: list[tuple[str, Decimal]], unit: str, font: Any) -> Callable[[Any, Any], bool]:
    total = sum((v for _, v in items), Decimal(0))

    def draw(fig: Any, ax: Any) -> bool:
        ys = list(range(len(items)))[::-1]
        bars = ax.barh(ys, [float(v) for _, v in items], color=COLOURS[0], height=0.55)
        ax.set_yticks(ys)
        ax.set_yticklabels([label for label, _ in items], fontproperties=font, fontsize=8)
        for bar, (_, v) in zip(bars, items, strict=True):
            share = percent(v, total)
            ax.annotate(
                f" {money(v)}（{pct_text(share) if share is not None else '—'}）",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                va="center",
                fontsize=7,
                fontproperties=font,
            )
        ax.set_xlabel(unit, fontproperties=font, fontsize=8)
        ax.spines[["top", "right"]].set_visible(False)
        ax.margins(x=0.3)
        return True

    return draw
