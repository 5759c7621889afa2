"""What the 绩效自评表 parsers ask of a cell, worked out once per text (``perf_cells``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from juesuan.extract.perf_cells import _general_cell, _key, _new_cell, cell, key, split_weight_op


@given(st.text(alphabet="0123456789.", min_size=1, max_size=10))
def test_plain_numbers_take_the_quick_path_to_the_same_cell(text: str) -> None:
    assert _new_cell(text) == _general_cell(text)


def test_what_a_cell_knows() -> None:
    weight = cell("10.00")
    assert weight.number and weight.weight and weight.key == "10.00" and weight.plain
    assert not weight.percent and weight.op is None and not weight.unit
    rate = cell("95%")
    assert rate.number and rate.percent and not rate.weight
    glued = cell("5.00≥")
    assert glued.weight and not glued.number and split_weight_op("5.00≥") == ("5.00", "≥")
    assert cell("≥").op == "≥" and cell("人次").unit
    label = cell("四、年度绩效指标完成情况")
    assert label.section and not label.plain and not label.number
    assert not cell("产出指标").number and cell("产出指标").plain


@given(st.text(alphabet="0123456789. ≥≤=%文字描述定性产出（）()\u3000\u200b\t", max_size=12))
def test_a_cells_key_is_the_key_of_its_text(text: str) -> None:
    assert key(text) == _key(text)  # operator_of relies on it
