"""Rebuilding tables from flattened text (LAYOUTS.md T1–T5): located cells under recognised columns."""

from jixiao.documents.tables.find import OCR_NOTE, find_tables
from jixiao.documents.tables.levels import LEVEL1_OF, is_level1, is_level2
from jixiao.documents.tables.table import Cell, Kind, Role, Row, Table

__all__ = ["LEVEL1_OF", "OCR_NOTE", "Cell", "Kind", "Role", "Row", "Table", "find_tables", "is_level1", "is_level2"]
