"""The llm options of `jixiao eval`, until it registers through `jixiao.cli.app.command(backend=True)` like the
other commands (jixiao.cli.options)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.settings import Settings, load_settings

ModelOption = Annotated[str | None, typer.Option("--model", help="LLM model name (JIXIAO_MODEL)")]
BaseUrlOption = Annotated[str | None, typer.Option("--base-url", help="OpenAI-compatible endpoint (JIXIAO_BASE_URL)")]
ModeOption = Annotated[
    str | None, typer.Option("--mode", help="instructor mode: tools, json, md_json, json_schema (JIXIAO_MODE)")
]
ModelFileOption = Annotated[
    Path | None,
    typer.Option("--model-file", help="local GGUF model served by llama.cpp (JIXIAO_MODEL_FILE; jixiao[local])"),
]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML settings file (JIXIAO_CONFIG)")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="ask the model again even for unchanged reports")]


def llm_settings(
    *,
    model: str | None,
    base_url: str | None,
    mode: str | None,
    model_file: Path | None,
    config: Path | None,
    no_cache: bool,
) -> Settings:
    """Command-line values win over the environment and the config file; unset options leave them be."""
    return load_settings(
        model=model,
        base_url=base_url,
        mode=mode,
        model_file=model_file,
        config_file=config,
        cache=False if no_cache else None,
    )


__all__ = [
    "BaseUrlOption",
    "ConfigOption",
    "ModeOption",
    "ModelFileOption",
    "ModelOption",
    "NoCacheOption",
    "llm_settings",
]
