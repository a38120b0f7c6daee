"""The typer application and the console helpers every command shares."""

from __future__ import annotations

import sys

import typer
from rich.console import Console

app = typer.Typer(
    name="jixiao",
    help="绩效自评报告抽取与核查 — extract and check budget-performance self-evaluation reports.",
    no_args_is_help=True,
    add_completion=False,
)
# Tables stay readable when output is piped or captured (rich would assume 80 columns).
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True, soft_wrap=True)


def report_error(message: str) -> None:
    """One clear line on stderr; markup off so paths with brackets print as they are."""
    errors.print(f"error: {message}", markup=False, highlight=False)
