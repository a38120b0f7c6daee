"""The PATH arguments of a command, expanded into report files with every problem and skipped file said."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

import typer

from jixiao.cli.app import errors, report_error
from jixiao.documents import LOADERS
from jixiao.inputs import Inputs, report_files


def gather_files(paths: Iterable[Path], suffixes: Collection[str] = LOADERS) -> Inputs:
    """`report_files`, each problem on stderr and a count of skipped files; a usage error (exit 2) when no file
    is left to read."""
    found = report_files(paths, suffixes)
    for problem in found.problems:
        report_error(problem)
    skipped = found.skipped_line()
    if skipped is not None:
        errors.print(f"note: {skipped}", markup=False, highlight=False)
    if not found.files:
        raise typer.Exit(2)
    return found
