"""The llm backend's command-line options (shared by every command that extracts) and its batch runner."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from jixiao.cli.app import errors, report_error
from jixiao.documents import Document, load_document
from jixiao.errors import JixiaoError
from jixiao.extract import get_extractor
from jixiao.model import Report
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


def run_llm_batch(
    files: list[Path], settings: Settings, write: Callable[[Path, Report], None], *, backend: str = "llm"
) -> tuple[list[tuple[str, Report]], int]:
    """Load, then extract concurrently (llm or hybrid); each report is written the moment it is done."""
    from jixiao.extract.llm import LlmExtractor

    documents: list[Document] = []
    paths: dict[int, Path] = {}
    failed = 0
    for path in files:
        try:
            document = load_document(path)
        except JixiaoError as error:
            report_error(str(error))
            failed += 1
        else:
            paths[id(document)] = path
            documents.append(document)
    done: list[tuple[str, Report]] = []
    if not documents:
        return done, failed
    with Progress(console=errors, transient=True, disable=len(documents) < 5) as progress:
        task = progress.add_task(f"extracting ({backend})", total=len(documents))

        def finished(document: Document, result: Report | JixiaoError) -> None:
            nonlocal failed
            path = paths[id(document)]
            if isinstance(result, JixiaoError):
                report_error(str(result))
                failed += 1
            else:
                write(path, result)
                done.append((path.name, result))
            progress.advance(task)

        try:
            extractor = get_extractor(backend, settings)
            assert isinstance(extractor, LlmExtractor)
            asyncio.run(extractor.aextract_many(documents, finished))
        except JixiaoError as error:  # the endpoint cannot be set up at all (no key, model file unusable)
            report_error(str(error))
            raise typer.Exit(2) from None
    order = {path.name: index for index, path in enumerate(files)}
    done.sort(key=lambda row: order.get(row[0], 0))
    return done, failed


__all__ = [
    "BaseUrlOption",
    "ConfigOption",
    "ModeOption",
    "ModelFileOption",
    "ModelOption",
    "NoCacheOption",
    "llm_settings",
    "run_llm_batch",
]
