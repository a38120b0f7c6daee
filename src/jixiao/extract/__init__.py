"""Extraction: one function per backend, each turning a Document into a Report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.documents import Document, load_document
from jixiao.errors import ConfigError
from jixiao.extract.rules import extract_rules
from jixiao.model import Report

Extractor = Callable[[Document], Report]

BACKENDS: dict[str, Extractor] = {"rules": extract_rules}
DEFAULT_BACKEND = "rules"


def get_extractor(backend: str = DEFAULT_BACKEND) -> Extractor:
    try:
        return BACKENDS[backend]
    except KeyError:
        raise ConfigError(f"unknown backend '{backend}' (choose from: {', '.join(BACKENDS)})") from None


def extract(document: Document, backend: str = DEFAULT_BACKEND) -> Report:
    return get_extractor(backend)(document)


def extract_file(path: str | Path, backend: str = DEFAULT_BACKEND) -> Report:
    """Load and extract one file; raises InputError for unreadable input."""
    return extract(load_document(path), backend)


__all__ = ["BACKENDS", "DEFAULT_BACKEND", "Extractor", "extract", "extract_file", "get_extractor"]
