"""绩效自评表 parsing: the seeds against hand-read fixtures, the P findings on the parsed
seeds, small synthetic tables, and robustness against truncated copies and junk."""

from __future__ import annotations

import contextlib
import random
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from juesuan.errors import JuesuanError
from juesuan.extract.context import Context
from juesuan.extract.document import extract, load_document
from juesuan.extract.perf_tables import extract_evaluations
from juesuan.model import Disclosure, Evaluation, Finding, Num
from juesuan.perf.checks import PERF_RULES, check_evaluations
from juesuan.read.text import layout_from_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED002 = SEEDS / "002_930f75fc3326c2a1.txt"
SEED003 = SEEDS / "003_1c2740dd0732688e.txt"
SEED004 = SEEDS / "004_fe270c263743eea8.txt"

needs_seeds = pytest.mark.skipif(not SEED002.is_file(), reason="seed documents not available")


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    return data


def v(n: Num | None) -> str | None:
    return None if n is None else str(n.value)


def same(n: Num | None, expected: str | None) -> bool:
    if expected is None:
        return n is None
    return n is not None and n.value == Decimal(expected)


def label(ind: Any) -> str:
    return str(ind.level3 or ind.level2 or ind.level1)


def codes(findings: list[Finding]) -> Counter[str]:
    return Counter(f.code for f in findings)


_CACHE: dict[Path, Disclosure] = {}


def load(path: Path) -> Disclosure:
    if path not in _CACHE:
        _CACHE[path] = load_document(path)
    return _CACHE[path]


def messages(d: Disclosure) -> list[str]:
    return [n.message for n in d.notices]


# --- seed 002 ---------------------------------------------------------------------------
@needs_seeds
def test_seed002_projects_match_fixture() -> None:
    d = load(SEED002)
    fx = fixture("perf_002.yaml")
    assert [e.name for e in d.evaluations] == [p["name"] for p in fx["projects"]]
    for ev, p in zip(d.evaluations, fx["projects"], strict=True):
        assert ev.kind == "project" and ev.year == 2023
        assert ev.prov is not None and ev.prov.line == p["line"] and ev.prov.table == "绩效自评"
        main = ev.funding[0]
        assert main.label == "年度资金总额"
        assert same(main.annual_budget, p["annual_budget"]), ev.name
        assert same(main.executed, p["executed"]), ev.name
        assert same(main.rate, p["rate"]), ev.name
        assert same(ev.execution_weight, p["execution_weight"]), ev.name
        assert same(ev.execution_score, p["execution_score"]), ev.name
        assert same(ev.total_score, p["total"]), ev.name
        got = [(label(i), v(i.weight), v(i.score)) for i in ev.indicators]
        want = [
            (n, str(Decimal(w)), None if s is None else str(Decimal(s)))
            for n, w, s in p["indicators"]
        ]
        assert got == want, ev.name
        for ind in ev.indicators:
            assert ind.prov is not None and ind.prov.line is not None
            assert ind.prov.row == label(ind) and ind.prov.table == "绩效自评"


@needs_seeds
def test_seed002_summary_list() -> None:
    d = load(SEED002)
    want = [(n, str(Decimal(s)), g) for n, s, g in fixture("perf_002.yaml")["summary"]]
    got = [(r.name, v(r.score), r.grade) for r in d.evaluation_summary]
    assert got == want
    assert [r.prov.line for r in d.evaluation_summary if r.prov] == list(range(768, 776))


@needs_seeds
def test_seed002_cells_recovered() -> None:
    d = load(SEED002)
    first = d.evaluations[0]
    # merged 一级 cells are carried down; a shifted 效益 row keeps its 一级 and 二级.
    assert [i.level1 for i in first.indicators] == ["产出指标"] * 8 + ["效益指标"] * 2 + [
        "满意度指标"
    ]
    knowledge = first.indicators[8]
    assert (knowledge.level2, knowledge.operator, knowledge.target_text) == (
        "经济效益指标",
        "≥",
        "90%",
    )
    assert knowledge.actual is not None and knowledge.actual.value == Decimal("0.9")
    assert knowledge.unit == "%" and knowledge.status == "完成"
    assert first.indicators[9].level2 == "可持续影响指标"
    assert first.indicators[0].description == "反映医保经办系统练兵比武活动开展情况"
    # "10.00≥": operator split from the weight; 值 and 单位 cells joined.
    audit = d.evaluations[7]
    income = audit.indicators[0]
    assert (income.operator, v(income.weight), income.target_text, income.unit) == (
        "≥",
        "10.00",
        "560000 万元",
        "万元",
    )
    assert v(income.target) == "560000" and v(income.actual) == "677442"
    lost = audit.indicators[7]  # "3.00= | | % | 0": target value missing
    assert (lost.operator, lost.target, lost.unit, v(lost.actual)) == ("=", None, "%", "0")
    # wrapped numbers "5.0 0", "39.4 1", "100.895 681"
    ahead = d.evaluations[2]
    assert ahead.indicators[0].weight is not None and ahead.indicators[0].weight.raw == "5.0 0"
    assert v(ahead.indicators[15].target) == "39.41"
    assert ahead.funding[0].annual_budget is not None
    assert ahead.funding[0].annual_budget.raw == "100.895 681"
    assert [g.target for g in audit.goals][-1].startswith("完成医保资金的收缴")


@needs_seeds
def test_seed002_notices() -> None:
    msgs = messages(load(SEED002))
    assert "第553行 指标得分缺失" in msgs
    assert any("第628行的自评表与第594行" in m and "重复" in m for m in msgs)
    assert not any("不一致（疑似OCR" in m for m in msgs)  # "…本级" is the unit itself


@needs_seeds
def test_seed002_findings() -> None:
    d = load(SEED002)
    findings = check_evaluations(d)
    assert all(f.code in PERF_RULES for f in findings)
    c = codes(findings)
    # 稽核 ≥ 3000 家, actual 1692 家, marked 完成 with full marks: error, formula 2.82.
    audit = [f for f in findings if f.code == "P0105" and "稽核" in f.message]
    assert len(audit) == 1 and audit[0].severity == "error" and audit[0].expected == "2.82"
    assert audit[0].location.line == 748
    # 补助的人数 ≥ 1000 人, actual 116 人: error, 2.32.
    relief = [f for f in findings if f.code == "P0105" and "补助的人数" in f.message]
    assert [(f.severity, f.expected) for f in relief] == [("error", "2.32")]
    # the lost 知晓率 score is inferred from the total: no P0101 anywhere.
    assert any("反推" in f.message for f in findings if f.code == "P0100")
    assert c["P0101"] == 0 and c["P0102"] == 0 and c["P0113"] == 0
    # ≤ 5 项 with a text actual, full marks: unverifiable.
    assert any(f.code == "P0106" and f.location.line == 545 for f in findings)
    # three "= 1000 %" rate targets.
    assert c["P0108"] == 3


# --- seed 003 ---------------------------------------------------------------------------
@needs_seeds
def test_seed003_department_matches_fixture() -> None:
    d = load(SEED003)
    fx = fixture("perf_003.yaml")["department"]
    [ev] = [e for e in d.evaluations if e.kind == "department"]
    assert ev.name == fx["name"] and ev.prov is not None and ev.prov.line == fx["line"]
    assert same(ev.total_score, fx["total"])
    assert ev.profile == "henan"  # the document is Henan's (豫财, 河南省)
    assert len(ev.funding) == len(fx["funding"])
    for line, want in zip(ev.funding, fx["funding"], strict=True):
        assert line.label == want["label"]
        for key in ("initial_budget", "annual_budget", "executed", "weight", "rate", "score"):
            assert same(getattr(line, key), want.get(key)), (line.label, key)
    got = [(label(i), v(i.weight), v(i.score), v(i.deviation)) for i in ev.indicators]
    want_inds = [
        (n, str(Decimal(w)), str(Decimal(s)), str(Decimal(dv))) for n, w, s, dv in fx["indicators"]
    ]
    assert got == want_inds
    adj = next(i for i in ev.indicators if i.level3 == "预算调整率")
    assert (adj.operator, adj.target_text, v(adj.target), adj.unit) == ("≤", "20%", "20", "%")
    assert adj.reason and adj.reason.startswith("2023年度城乡居民基本医疗保险上解资金")
    assert {i.level1 for i in ev.indicators} >= {"投入管理指标", "产出指标", "效益指标"}
    assert len(ev.goals) == 5 and ev.goals[0].achieved == "已完成"


@needs_seeds
def test_seed003_summary_rows() -> None:
    d = load(SEED003)
    fx = fixture("perf_003.yaml")
    rows = {r.name: r for r in d.evaluation_summary}
    for want in fx["summary_table"]:
        row = rows[want["name"]]
        for key in ("annual_budget", "executed", "rate", "score"):
            assert same(getattr(row, key), want[key]), (row.name, key)
        assert {k: str(n.value) for k, n in row.category_rates.items()} == {
            k: str(Decimal(x)) for k, x in want["category_rates"].items()
        }
    prose = fx["prose"]
    assert len(d.evaluation_summary) == prose["count"]
    assert sorted(r.name for r in d.evaluation_summary if r.grade == "良") == sorted(prose["good"])
    for name, score in prose["scores"].items():
        assert same(rows[name].score, score)
    for name, rates in prose["rates"].items():
        for cat, rate in rates.items():
            assert same(rows[name].category_rates[cat], rate)
    msgs = messages(d)
    # the single-project report (line 701) says 100 where the list (line 753) says 99.
    assert any("2024 年城乡居民医疗保险" in m and "100" in m and "99" in m for m in msgs)


@needs_seeds
def test_seed003_findings() -> None:
    d = load(SEED003)
    findings = check_evaluations(d)
    p0102 = [f for f in findings if f.code == "P0102"]
    assert len(p0102) == 1 and p0102[0].expected == "9.72" and p0102[0].actual == "10"
    assert p0102[0].location.line == 607
    c = codes(findings)
    assert c["P0101"] == 0 and c["P0113"] == 0 and c["P0114"] == 0
    assert c["P0110"] == 0 and c["P0111"] == 0  # Henan department weights add up


# --- seed 004 ---------------------------------------------------------------------------
@needs_seeds
def test_seed004_tables_match_fixture() -> None:
    d = load(SEED004)
    fx = fixture("perf_004.yaml")
    assert d.meta.unit_name == fx["unit_name"]
    assert [e.name for e in d.evaluations] == [t["name"] for t in fx["tables"]]
    for ev, t in zip(d.evaluations, fx["tables"], strict=True):
        assert ev.prov is not None and ev.prov.line == t["line"]
        assert ev.department == t["department"], ev.name
        main = ev.funding[0]
        for key, want in t["funding"].items():
            assert same(getattr(main, key), want), (ev.name, key)
        assert same(ev.total_score, t["total"]), ev.name
        got = [(label(i), v(i.weight), v(i.score)) for i in ev.indicators]
        want_inds = [
            (n, None if w is None else str(Decimal(w)), None if s is None else str(Decimal(s)))
            for n, w, s in t["indicators"]
        ]
        assert got == want_inds, ev.name


@needs_seeds
def test_seed004_notices() -> None:
    d = load(SEED004)
    msgs = messages(d)
    garbled = [m for m in msgs if "主管部门名称与文件单位名称不一致（疑似OCR或录入错误）" in m]
    assert len(garbled) == 3
    for name in fixture("perf_004.yaml")["garbled_departments"]:
        assert any(name in m for m in garbled)
    assert "第175行 指标分值缺失" in msgs
    assert any("没有指标得分栏" in m for m in msgs)
    # a carried 一级 that does not fit the printed 二级 is corrected and said so.
    assert any(m.startswith("第177行") and "效益指标" in m for m in msgs)


@needs_seeds
def test_seed004_findings() -> None:
    d = load(SEED004)
    findings = check_evaluations(d)
    p0109 = [f for f in findings if f.code == "P0109"]
    assert len(p0109) == 6 and all(f.expected == "10" and f.actual == "90" for f in p0109)
    first = [f for f in findings if f.location.line is not None and 61 <= f.location.line <= 77]
    c = codes(first)
    assert c["P0101"] == 1 and c["P0102"] == 1 and c["P0111"] == 1 and c["P0110"] == 2
    two = [f for f in first if f.code == "P0107" and "两定机构数" in f.message]
    assert len(two) == 1 and two[0].severity == "error" and two[0].expected == "29.00"


@needs_seeds
def test_cli_perf_score_and_check() -> None:
    from typer.testing import CliRunner

    from juesuan.cli.app import app

    score = CliRunner().invoke(app, ["perf", "score", str(SEED002)])
    assert "医疗运行保障及审计" in score.output and "6.2475" in score.output
    check = CliRunner().invoke(app, ["check", str(SEED004), "--select", "P"])
    assert "P0109" in check.output and "两定机构数" in check.output


# --- synthetic tables -------------------------------------------------------------------
SYNTHETIC = "\n".join(
    [
        "测试县医疗保障局2023年度部门决算",
        "2023 年度项目支出绩效自评表",
        "项目名称\t测试项目\t主管部门\t测式县医疗保障局\t实施单位\t测试县医疗保障局",
        "资金情况\t\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "\t年度资金总额\t1,000.00\t900.00\t10\t90.00%\t9",
        "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t得分",
        "产出指标\t数量指标\t培训人次\t5.0 0≥\t100 人\t120 人\t50",
        "\t\t检查次数\t20\t≥10次\t8次",
        "\t社会效益指标\t群众知晓率\t30\t≥90%\t0.95\t30",
        "满意度指标\t服务对象满意度指标\t满意度\t10\t≥90%\t95%\t10",
        "总分\t\t\t\t\t\t99",
    ]
)


def synthetic() -> tuple[list[Evaluation], Context]:
    layout = layout_from_text(SYNTHETIC, "t.txt")
    ctx = Context("t.txt")
    evs, _ = extract_evaluations(layout.lines, ctx, unit_name="测试县医疗保障局")
    return evs, ctx


def test_synthetic_table() -> None:
    [ev], ctx = synthetic()
    assert ev.name == "测试项目" and ev.year == 2023 and ev.implementer == "测试县医疗保障局"
    assert v(ev.funding[0].annual_budget) == "1000.00" and v(ev.funding[0].rate) == "90.00"
    assert v(ev.execution_weight) == "10" and v(ev.execution_score) == "9"
    a, b, c, d = ev.indicators
    assert (a.operator, v(a.weight), v(a.target), a.unit, v(a.actual)) == (
        "≥",
        "5.00",
        "100",
        "人",
        "120",
    )
    assert (b.level1, b.level2, b.operator, v(b.target), b.score) == (
        "产出指标",
        "数量指标",
        "≥",
        "10",
        None,
    )
    assert (c.level1, c.level2) == ("效益指标", "社会效益指标")  # 一级 inferred from 二级
    assert d.level1 == "满意度指标" and v(ev.total_score) == "99"
    msgs = [n.message for n in ctx.notices]
    assert "第8行 指标得分缺失" in msgs
    assert any("测式县医疗保障局" in m and "疑似OCR" in m for m in msgs)
    for n in ctx.notices:
        assert n.location is not None and n.location.file == "t.txt"


def _duplicate_notices(text: str) -> list[str]:
    ctx = Context("t.txt")
    extract_evaluations(layout_from_text(text, "t.txt").lines, ctx)
    return [n.message for n in ctx.notices if "疑为重复" in n.message]


def test_a_table_printed_twice_is_reported_once() -> None:
    table = SYNTHETIC.split("\n")[1:]
    twice = "\n".join([*SYNTHETIC.split("\n"), "", *table])
    assert _duplicate_notices(twice) == [
        "第13行的自评表与第2行的「测试项目」内容完全相同，疑为重复"
    ]
    # the same figure printed with more decimals is the same content
    padded = twice[: twice.rindex("99")] + "99.00"
    assert len(_duplicate_notices(padded)) == 1
    # a score that differs is another table
    changed = twice[: twice.rindex("99")] + "98"
    assert _duplicate_notices(changed) == []


def test_no_tables_no_evaluations() -> None:
    layout = layout_from_text("某局2023年度部门决算\n正文一段。\n", "x.txt")
    ctx = Context("x.txt")
    assert extract_evaluations(layout.lines, ctx) == ([], [])
    assert ctx.notices == []


# --- robustness -------------------------------------------------------------------------
def _only_juesuan_errors(text: str, name: str = "t.txt", *, whole: bool = True) -> None:
    """The perf parser never raises; the whole extraction raises only JuesuanError."""
    layout = layout_from_text(text, name)
    ctx = Context(name)
    extract_evaluations(layout.lines, ctx, unit_name="湟源县医疗保障局")
    if whole:
        with contextlib.suppress(JuesuanError):
            extract(layout_from_text(text, name))


@needs_seeds
@pytest.mark.parametrize("seed", [SEED002, SEED003, SEED004])
def test_truncated_seeds_do_not_raise(seed: Path) -> None:
    lines = seed.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if "自评表" in line)
    for n, cut in enumerate(range(start, len(lines), 2)):
        head = "\n".join(lines[:cut])
        _only_juesuan_errors(head, whole=n % 10 == 0)
        # the table cut mid-row, too
        _only_juesuan_errors(head + "\n" + lines[cut][: len(lines[cut]) // 2], whole=False)


@needs_seeds
def test_shuffled_and_dropped_cells_do_not_raise() -> None:
    rng = random.Random(20240601)
    text = SEED002.read_text(encoding="utf-8").split("\n")[530:780]
    for _ in range(40):
        out = []
        for line in text:
            cells = line.split("\t")
            if len(cells) > 1 and rng.random() < 0.3:
                del cells[rng.randrange(len(cells))]
            if len(cells) > 2 and rng.random() < 0.2:
                rng.shuffle(cells)
            out.append("\t".join(cells))
        _only_juesuan_errors("\n".join(out), whole=False)


def test_junk_does_not_raise() -> None:
    rng = random.Random(7)
    alphabet = "绩效自评表项目名称一级指标三级指标分值得分总分≥≤=%万元0123456789.\t\n -—（）"
    for _ in range(200):
        junk = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
        _only_juesuan_errors("2023年度\n绩效自评表\n" + junk)
        _only_juesuan_errors(junk)
