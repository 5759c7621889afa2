"""Readers: turn a file of any format into the format-neutral :class:`Layout`."""

from juesuan.read.layout import Cell, Layout, Line, PageInfo
from juesuan.read.text import read_text

__all__ = ["Cell", "Layout", "Line", "PageInfo", "read_text"]
