"""Performance attachments: one 项目支出绩效自评表 per evaluation (8 columns).

The table carries the evaluation's scoring profile in a 评分规则 row (a built-in profile by
its title), so that a reader can check it under the same rules.
"""

from __future__ import annotations

from juesuan.model.figure import Num
from juesuan.model.perf import Evaluation
from juesuan.perf.profile import list_profiles
from juesuan.publish.document import Cell, TableView
from juesuan.publish.layout.cells import head, label

NCOLS = 8


def _n(n: Num | None) -> Cell:
    return Cell("" if n is None else str(n.value), "num", value=None if n is None else n.value)


def _row(*cells: Cell) -> list[Cell]:
    used = sum(c.colspan for c in cells)
    if used < NCOLS:
        last = cells[-1]
        cells = (
            *cells[:-1],
            Cell(
                last.text, last.kind, last.colspan + NCOLS - used, value=last.value, bold=last.bold
            ),
        )
    return list(cells)


def profile_text(profile: str) -> str:
    """The printed 评分规则: a built-in profile's title, else the profile as given."""
    for p in list_profiles():
        if profile == p.name or profile in p.aliases:
            return p.title
    return profile


def evaluation_table(e: Evaluation, no: int, unit: str) -> TableView:
    kind = "部门整体支出绩效自评表" if e.kind == "department" else "项目支出绩效自评表"
    year = f"{e.year}年度" if e.year else ""
    view = TableView(
        key=f"perf-{no}",
        title=f"{year}{kind}",
        unit_line=f"{'项目' if e.kind == 'project' else '部门'}名称：{e.name}",
    )
    view.amount_unit = unit
    body: list[list[Cell]] = [
        _row(head("项目名称" if e.kind == "project" else "部门名称"), label(e.name, colspan=7)),
        _row(
            head("主管部门"),
            label(e.department or "", colspan=3),
            head("实施单位"),
            label(e.implementer or "", colspan=3),
        ),
    ]
    if e.profile:
        body.append(_row(head("评分规则"), label(profile_text(e.profile), colspan=7)))
    body.append(
        _row(
            head("资金情况"),
            head("年初预算数"),
            head("全年预算数"),
            head("全年执行数"),
            head("分值"),
            head("执行率（%）"),
            head("得分"),
        )
    )
    for f in e.funding:
        body.append(
            _row(
                label(f.label),
                _n(f.initial_budget),
                _n(f.annual_budget),
                _n(f.executed),
                _n(f.weight),
                _n(f.rate),
                _n(f.score),
            )
        )
    if e.goals:
        body.append(_row(head("年度总体目标", colspan=4), head("实际完成情况", colspan=4)))
        for g in e.goals:
            body.append(_row(label(g.target, colspan=4), label(g.achieved, colspan=4)))
    body.append(
        _row(
            head("一级指标"),
            head("二级指标"),
            head("三级指标"),
            head("分值"),
            head("年度指标值"),
            head("实际完成值"),
            head("得分"),
            head("偏差原因及改进措施"),
        )
    )
    for i in e.indicators:
        target = i.target_text or ("" if i.target is None else str(i.target.value))
        if i.operator and i.operator != "文字描述" and not target.startswith(i.operator):
            target = f"{i.operator}{target}"
        body.append(
            [
                label(i.level1),
                label(i.level2),
                label(i.level3),
                _n(i.weight),
                label(target),
                label(i.actual_text),
                _n(i.score),
                label(i.reason or ""),
            ]
        )
    if e.execution_score is not None:
        body.append(
            _row(
                head("预算执行率得分", colspan=3),
                _n(e.execution_weight),
                label(""),
                label(""),
                _n(e.execution_score),
                label(""),
            )
        )
    body.append(
        _row(
            head("总分", colspan=3),
            _n(e.total_score),
            head("评价等级"),
            label(e.grade or "", colspan=3),
        )
    )
    if e.problems:
        body.append(_row(head("存在问题及整改措施"), label(e.problems, colspan=7)))
    view.body = body
    view.widths = [12, 12, 18, 8, 14, 14, 8, 20]
    return view


def attachments(evaluations: list[Evaluation], unit: str) -> list[TableView]:
    return [evaluation_table(e, i, unit) for i, e in enumerate(evaluations, start=1)]
