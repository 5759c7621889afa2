"""绩效运行监控: 序时进度, execution lag and indicator progress."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from juesuan.model import Evaluation, FundingLine, Indicator, Num
from juesuan.perf.interval import round2
from juesuan.perf.monitor import monitor, schedule_share


def test_schedule_share() -> None:
    assert round2(schedule_share(date(2023, 7, 31)) * 100) == D("58.08")  # 212 / 365
    assert schedule_share(date(2023, 12, 31)) == 1
    assert round2(schedule_share(date(2023, 1, 1)) * 100) == D("0.27")  # 1 / 365
    assert round2(schedule_share(date(2024, 7, 31)) * 100) == D("58.20")  # 213 / 366 (leap)
    assert schedule_share(date(2024, 3, 1), year=2023) == 1  # after the fiscal year
    assert schedule_share(date(2022, 12, 1), year=2023) == 0


def _ev(executed: str, *indicators: Indicator) -> Evaluation:
    return Evaluation(
        name="监控项目",
        year=2023,
        funding=[FundingLine(annual_budget=Num.of("100.00"), executed=Num.of(executed))],
        indicators=list(indicators),
    )


def _ind(level3: str, op: str, target: str, actual: str) -> Indicator:
    return Indicator(
        level1="产出指标",
        level3=level3,
        weight=Num.of("10"),
        operator=op,
        target_text=target,
        actual_text=actual,
    )


def test_execution_lag_threshold() -> None:
    at = date(2023, 7, 31)  # 58.08 %
    assert not monitor(_ev("48.09"), at).execution_behind  # 9.99 points behind
    r = monitor(_ev("48.00"), at)  # 10.08 points behind
    assert r.execution_behind and "执行进度滞后" in r.alerts[0]
    assert not monitor(_ev("48.00"), at, threshold=D(15)).execution_behind


def test_indicator_progress() -> None:
    at = date(2023, 7, 31)
    r = monitor(
        _ev(
            "60.00",
            _ind("培训次数", "≥", "10 次", "3 次"),  # 30 % vs 58.08 % → behind
            _ind("检查户数", "≥", "100 户", "55 户"),  # 55 % vs 58.08 %: within 10 points
            _ind("项目成本", "≤", "20 万元", "25 万元"),  # already over the ceiling
            _ind("覆盖率", "≥", "95%", "80%"),  # a rate 15 points short → behind
            _ind("完成时限", "文字描述", "年底前", "进行中"),
        ),
        at,
    )
    status = {p.label: p.status for p in r.indicators}
    assert status == {
        "培训次数": "behind",
        "检查户数": "on_track",
        "项目成本": "exceeded",
        "覆盖率": "behind",
        "完成时限": "unknown",
    }
    assert len(r.alerts) == 3 and any("可能无法完成" in a for a in r.alerts)


def test_zero_budget_is_said_not_divided() -> None:
    ev = Evaluation(
        name="零预算",
        funding=[FundingLine(annual_budget=Num.of("0"), executed=Num.of("0"))],
    )
    r = monitor(ev, date(2023, 7, 31))
    assert r.execution_rate is None and "为 0" in r.alerts[0]
