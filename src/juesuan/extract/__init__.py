"""Turn a :class:`~juesuan.read.layout.Layout` into the :class:`~juesuan.model.Disclosure`."""

from juesuan.extract.document import extract, load_document, read_layout

__all__ = ["extract", "load_document", "read_layout"]
