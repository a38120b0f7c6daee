"""jixiao: extract and check Chinese budget-performance self-evaluation reports (绩效自评报告)."""

from jixiao.checks import run_checks
from jixiao.documents import Document, load_document
from jixiao.extract import extract, extract_file
from jixiao.model import Figure, Finding, Indicator, Report

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Figure",
    "Finding",
    "Indicator",
    "Report",
    "extract",
    "extract_file",
    "load_document",
    "run_checks",
]
