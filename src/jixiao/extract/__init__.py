"""Extraction: one function per backend, each turning a Document into a Report.

`rules` is deterministic and offline, and the default of every command and function: an API key lying in the
environment never switches a command to a model service. `llm` (the whole document through a model) and
`hybrid` (rules, then the model only for the passages rules left unread) need settings (an endpoint or a
local model file); `auto` picks hybrid when the settings configure one, else rules. Which backend runs is
decided in one place, `resolve_backend`. The model backends are imported only when used, so the rules path
never loads openai or instructor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.documents import Document, load_document
from jixiao.errors import ConfigError
from jixiao.extract.rules import extract_rules
from jixiao.model import Report
from jixiao.settings import Settings, load_settings

Extractor = Callable[[Document], Report]

DEFAULT_BACKEND = "rules"
AUTO = "auto"
BACKENDS = ("rules", "llm", "hybrid")
BACKEND_CHOICES = (*BACKENDS, AUTO)
MODEL_BACKENDS = frozenset({"llm", "hybrid"})  # backends that ask a model: they need settings


def _model_extractor(backend: str, settings: Settings) -> Extractor:
    if backend == "hybrid":
        from jixiao.extract.hybrid import HybridExtractor

        return HybridExtractor(settings)
    from jixiao.extract.llm import LlmExtractor

    return LlmExtractor(settings)


def resolve_backend(backend: str, settings: Settings | None = None) -> str:
    """The backend that will actually run: `auto` becomes hybrid when an endpoint or a model file is
    configured (rules still read what they can; the model only fills what they could not), else rules."""
    if backend == AUTO:
        return "hybrid" if (settings or load_settings()).configured else "rules"
    if backend not in BACKENDS:
        raise ConfigError(f"unknown backend '{backend}' (choose from: {', '.join(BACKEND_CHOICES)})")
    return backend


def get_extractor(backend: str = DEFAULT_BACKEND, settings: Settings | None = None) -> Extractor:
    name = resolve_backend(backend, settings)
    if name in MODEL_BACKENDS:
        return _model_extractor(name, settings or load_settings())
    return extract_rules


def extract(document: Document, backend: str = DEFAULT_BACKEND, settings: Settings | None = None) -> Report:
    return get_extractor(backend, settings)(document)


def extract_file(path: str | Path, backend: str = DEFAULT_BACKEND, settings: Settings | None = None) -> Report:
    """Load and extract one file; raises InputError for unreadable input."""
    return extract(load_document(path), backend, settings)


__all__ = [
    "AUTO",
    "BACKENDS",
    "BACKEND_CHOICES",
    "DEFAULT_BACKEND",
    "MODEL_BACKENDS",
    "Extractor",
    "extract",
    "extract_file",
    "get_extractor",
    "resolve_backend",
]
