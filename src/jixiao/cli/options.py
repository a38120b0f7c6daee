"""The options every extracting command shares (--backend and the llm settings), turned once into a `Chosen`.

Every command has the same `--backend` choices and the same default, `rules`: only the user switches to a
model service, never a key lying in the environment. `jixiao.cli.app.command(backend=True)` adds these
options to a command and hands it the `Chosen`.
"""

from __future__ import annotations

from dataclasses import dataclass
from inspect import Parameter
from pathlib import Path
from typing import Annotated, Any

import typer

from jixiao.batch import Checker, Job
from jixiao.errors import ConfigError
from jixiao.extract import (
    AUTO,
    BACKEND_CHOICES,
    DEFAULT_BACKEND,
    MODEL_BACKENDS,
    Extractor,
    get_extractor,
    resolve_backend,
)
from jixiao.isolation import Limits
from jixiao.settings import Settings, load_settings
from jixiao.store import extractor_key

_OPTIONS: dict[str, tuple[Any, Any, str, str]] = {  # name -> (type, default, flag, help)
    "backend": (
        str,
        DEFAULT_BACKEND,
        "--backend",
        f"extractor: {', '.join(BACKEND_CHOICES)} (auto: hybrid when a model is configured)",
    ),
    "model": (str | None, None, "--model", "LLM model name (JIXIAO_MODEL)"),
    "base_url": (str | None, None, "--base-url", "OpenAI-compatible endpoint (JIXIAO_BASE_URL)"),
    "mode": (str | None, None, "--mode", "instructor mode: tools, json, md_json, json_schema (JIXIAO_MODE)"),
    "model_file": (Path | None, None, "--model-file", "local GGUF model served by llama.cpp (JIXIAO_MODEL_FILE)"),
    "config": (Path | None, None, "--config", "TOML settings file (JIXIAO_CONFIG)"),
    "no_cache": (bool, False, "--no-cache", "ask the model again even for unchanged reports"),
}
PARAMETERS = [
    Parameter(name, Parameter.KEYWORD_ONLY, default=default, annotation=Annotated[kind, typer.Option(flag, help=text)])
    for name, (kind, default, flag, text) in _OPTIONS.items()
]


@dataclass(frozen=True)
class Chosen:
    """The backend a command runs, decided once: its settings, its extractor and the key results go under."""

    requested: str
    backend: str  # resolved: never `auto`
    settings: Settings
    extractor: Extractor | None  # None: the rules backend, which each worker process builds for itself
    key: str

    def job(self, checker: Checker | None = None) -> Job:
        return Job(backend=self.backend, extractor=self.key, checker=checker)

    @property
    def limits(self) -> Limits:
        """What one file may cost its worker (JIXIAO_FILE_MEMORY_MB, JIXIAO_FILE_TIMEOUT)."""
        return Limits(memory_mb=self.settings.file_memory_mb, seconds=self.settings.file_timeout)

    @property
    def title(self) -> str:
        """The backend as every summary line names it, and why, when `auto` chose it."""
        model = self.backend in MODEL_BACKENDS
        title = f"{self.backend}, model {self.settings.model_label}" if model else self.backend
        if self.requested == AUTO:
            title += " (auto: LLM endpoint configured)" if model else " (auto: no LLM endpoint configured)"
        return title


def choose(options: dict[str, Any]) -> Chosen:
    """Settings from the command line (over the environment and config file), then the backend they give.
    An option the command does not take counts as not given."""
    options = {name: options.get(name, default) for name, (_, default, _, _) in _OPTIONS.items()}
    settings = load_settings(
        model=options["model"],
        base_url=options["base_url"],
        mode=options["mode"],
        model_file=options["model_file"],
        config_file=options["config"],
        cache=False if options["no_cache"] else None,
    )
    backend = resolve_backend(options["backend"], settings)
    if backend == "rules":
        if options["model"] or options["base_url"] or options["model_file"]:
            raise ConfigError(
                "the rules backend takes no --model, --base-url or --model-file (add --backend hybrid or llm)"
            )
        return Chosen(options["backend"], backend, settings, None, backend)
    extractor = get_extractor(backend, settings)
    prompt = getattr(extractor, "prompt", None)
    key = extractor_key(backend, settings.model_label, prompt.tag if prompt is not None else None)
    return Chosen(options["backend"], backend, settings, extractor, key)


__all__ = ["PARAMETERS", "Chosen", "choose"]
