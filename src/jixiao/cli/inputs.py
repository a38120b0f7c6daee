"""Expanding the PATH arguments of a command into report files."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

import typer

from jixiao.cli.app import report_error
from jixiao.documents import LOADERS


def report_files(paths: Iterable[Path], suffixes: Collection[str] = LOADERS) -> tuple[list[Path], list[str]]:
    """Files named directly, plus files with these suffixes found under named folders (sorted); and problems."""
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
            if not found:
                problems.append(f"{path}: no report files (supported: {', '.join(sorted(suffixes))})")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    return files, problems


def gather_files(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """`report_files`, with each problem reported on stderr; a usage error (exit 2) when nothing is left."""
    files, problems = report_files(paths)
    for problem in problems:
        report_error(problem)
    if not files:
        raise typer.Exit(2)
    return files, problems


def output_name(path: Path, sha256: str, used: set[str]) -> str:
    """`<stem>.json`, disambiguated by content hash when two inputs share a stem."""
    name = f"{path.stem}.json"
    if name in used:
        name = f"{path.stem}-{sha256[:8]}.json"
    used.add(name)
    return name
