"""Read invented text as the tool does (shared by the prose and table tests): normalise it, then run one reader."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import Document, load_document
from jixiao.documents.normalize import normalize
from jixiao.documents.tables import Table, find_tables
from jixiao.extract import extract
from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.header import Header, read_header
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import Figure, Funding, Report, SpendingItem


def read(raw: str) -> str:
    """The text the readers see: `raw` normalised."""
    text, _ = normalize(raw)
    return text


def tables_of(raw: str) -> list[Table]:
    """The tables found in `raw`."""
    text, origin = normalize(raw)
    return find_tables(text, origin)


def document(tmp_path: Path, raw: str, name: str = "r.txt") -> Document:
    """`raw` written to a file and loaded, as the command line would."""
    path = tmp_path / name
    path.write_text(raw, encoding="utf-8")
    return load_document(path)


def rules_report(tmp_path: Path, raw: str) -> Report:
    """The rules extraction of `raw` written to a file."""
    return extract(document(tmp_path, raw), "rules")


def header_of(raw: str) -> Header:
    """The title, region, fund and year read from `raw`."""
    return read_header(read(raw))


def funding_of(raw: str) -> tuple[Funding, list[SpendingItem]]:
    """The funding and spending items read from `raw`."""
    return extract_funding(read(raw))


def indicator_rows(raw: str, *fields: str) -> list[tuple[str | None, ...]]:
    """Each indicator read from `raw` as a tuple of the named fields, a figure given by its text."""
    return [tuple(_shown(getattr(i, field)) for field in fields) for i in extract_indicators(read(raw))]


def _shown(value: Figure | str | None) -> str | None:
    return value.text if isinstance(value, Figure) else value
