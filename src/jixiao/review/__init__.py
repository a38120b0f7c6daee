"""Review: exports of a batch store (XLSX, CSV, JSONL, Parquet) and the static HTML review pages."""

from jixiao.review.export import FORMATS, export

__all__ = ["FORMATS", "export"]
