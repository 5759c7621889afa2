"""``extract.context.trusted`` builds tables, rows, evaluations, indicators, funding lines and
claims without validation; a document read that way must equal the same document read with
validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from juesuan.extract import claims, load_document, perf_tables, rowkit, tables
from juesuan.extract.context import trusted
from juesuan.model import Claim, Prov, Row
from juesuan.model.perf import Indicator


def _validating(model: type[BaseModel], fields: dict[str, Any]) -> BaseModel:
    return model.model_validate(fields)


def test_documents_read_with_trusted_objects_equal_validated_ones(
    mixed_documents: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = mixed_documents
    fast = [load_document(p).model_dump_json() for p in docs]
    for module in (rowkit, perf_tables, claims, tables):
        monkeypatch.setattr(module, "trusted", _validating)
    slow = [load_document(p).model_dump_json() for p in docs]
    for path, a, b in zip(docs, fast, slow, strict=True):
        assert a == b, path.name
    assert any('"indicators":[{' in a for a in fast)  # indicators were built
    assert any('"claims":[{' in a for a in fast)


def test_trusted_fills_defaults_in_field_order_and_refuses_wrong_fields() -> None:
    row = trusted(Row, {"label": "合计", "key": "合计", "prov": Prov(file="a.txt")})
    assert row == Row(key="合计", label="合计", prov=Prov(file="a.txt"))
    assert list(row.__dict__) == list(Row.model_fields)
    other = trusted(Row, {"key": "x", "label": "x"})
    assert other.values == {} and other.values is not row.values  # a fresh default
    with pytest.raises(TypeError):
        trusted(Row, {"key": "x"})  # label is required
    with pytest.raises(TypeError):
        trusted(Claim, {"kind": "amount", "subjct": "total"})
    ind = trusted(Indicator, {"level1": "产出指标"})
    assert ind == Indicator(level1="产出指标")
