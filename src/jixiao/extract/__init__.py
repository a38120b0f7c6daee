"""Extraction: one function per backend, each turning a Document into a Report.

`rules` is deterministic and offline; `llm` (the whole document through a model) and `hybrid` (rules, then
the model only for the passages rules left unread) need settings (an endpoint or a local model file);
`auto` picks hybrid when the settings configure one, else rules. Backend resolution lives in
`resolve_backend` alone. The model backends are imported only when used, so the rules path never loads
openai or instructor.
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


def extract_llm(document: Document) -> Report:
    """The llm backend with settings from the environment (and JIXIAO_CONFIG)."""
    return _llm_extractor(load_settings())(document)


def extract_hybrid(document: Document) -> Report:
    """The hybrid backend with settings from the environment (and JIXIAO_CONFIG)."""
    return _model_extractor("hybrid", load_settings())(document)


BACKENDS: dict[str, Extractor] = {"rules": extract_rules, "llm": extract_llm, "hybrid": extract_hybrid}
BACKEND_CHOICES = (*BACKENDS, AUTO)
MODEL_BACKENDS = frozenset({"llm", "hybrid"})  # backends that ask a model: they need settings


def _llm_extractor(settings: Settings) -> Extractor:
    return _model_extractor("llm", settings)


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
    return BACKENDS[name]


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
