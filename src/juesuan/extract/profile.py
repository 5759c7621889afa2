"""部门概况: the consolidated units table (序号 | 单位名称 | 单位基本性质 | 经费形式)."""

from __future__ import annotations

from typing import get_args

from juesuan.extract.norm import norm
from juesuan.model.meta import FundingForm, UnitInfo, UnitNature
from juesuan.read.layout import Line

_NATURES = {norm(x): x for x in get_args(UnitNature)}
_FORMS = {norm(x): x for x in get_args(FundingForm)}


def find_units(lines: list[Line]) -> list[UnitInfo]:
    """Units listed under a header row holding 单位名称 and 单位基本性质 (first such table)."""
    units: list[UnitInfo] = []
    columns: dict[str, int] | None = None
    for line in lines:
        if not line.is_row:
            if columns is not None and units:
                break
            continue
        if columns is None and "质" not in line.text:
            # The header has a cell reading 单位基本性质; 质 is no other character's NFKC form,
            # and a line's text holds its cells' texts: a quick test before normalising.
            continue
        cells = [norm(c.text) for c in line.cells]
        if columns is None:
            if "单位名称" in cells and "单位基本性质" in cells:
                columns = {
                    "name": cells.index("单位名称"),
                    "nature": cells.index("单位基本性质"),
                    "form": cells.index("经费形式") if "经费形式" in cells else -1,
                }
            continue
        name = line.cells[columns["name"]].text.strip() if columns["name"] < len(cells) else ""
        if not name:
            continue
        nature = _NATURES.get(cells[columns["nature"]]) if columns["nature"] < len(cells) else None
        form_i = columns["form"]
        form = _FORMS.get(cells[form_i]) if 0 <= form_i < len(cells) else None
        units.append(UnitInfo(name=name, nature=nature, funding_form=form))
    return units
