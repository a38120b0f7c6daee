"""`jixiao check`: extract (or load) reports and run the deterministic checks over them.

Exit status gates a pipeline: 0 when no finding is at or above `--fail-on`, 1 otherwise, 2 when an
argument or an input file is bad (the other files are still checked and printed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from jixiao.checks import CheckConfig, all_rules, load_config, run_checks, select_rules
from jixiao.cli.app import app, console, plain, report_error, shown
from jixiao.cli.inputs import report_files
from jixiao.documents import LOADERS, load_document
from jixiao.errors import InputError, JixiaoError
from jixiao.extract import extract
from jixiao.model import Finding, Report, Severity
from jixiao.redaction import redact
from jixiao.store import Store


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def check_inputs(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Report files and `.json` reports named or found under folders (sorted), and problems with the paths."""
    return report_files(paths, {*LOADERS, ".json"})


def _source_text(report: Report, json_path: Path) -> str | None:
    """The matching text (simplified, same offsets as Document.text) of the report's source document, if it
    is still there and unchanged. Names are matched in simplified form, so the narrative rules read it too.

    A relative source path is tried from the working directory, then from the JSON file's folder and its
    parents (eval/gold/x.json names samples/x.txt relative to the repository).
    """
    source = Path(report.source.path)
    bases = [] if source.is_absolute() else list(json_path.resolve().parents)[:4]
    for candidate in (source, *(base / source for base in bases)):
        if candidate.is_file():
            try:
                document = load_document(candidate)
            except JixiaoError:
                return None
            return document.match_text if document.sha256 == report.source.sha256 else None
    return None


def load_for_check(path: Path) -> tuple[Report, str | None]:
    """A report and its document text: extracted with the default backend, or read from a `.json` report."""
    if path.suffix.lower() != ".json":
        document = load_document(path)
        return extract(document), document.match_text
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    try:
        report = Report.model_validate_json(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"])) or "(top level)"
        raise InputError(path, f"not a report JSON: {where}: {first['msg']}") from error
    return report, _source_text(report, path)


def _findings_table(path: Path, report: Report, findings: list[Finding]) -> Table:
    about = " ".join(str(x) for x in (report.region, report.year, report.fund) if x)
    table = Table(title=plain(f"{path}  {about}"), title_justify="left", show_lines=False)
    for column in ("severity", "rule", "finding", "figures", "expected", "found"):
        table.add_column(
            column,
            justify="right" if column in ("expected", "found") else "left",
            overflow="fold",
            no_wrap=column in ("severity", "rule"),
        )
    for finding in findings:
        style = STYLES[finding.severity]
        table.add_row(
            f"[{style}]{finding.severity.value}[/]",
            finding.rule,
            plain(finding.message_zh),  # messages quote the report: its text is shown, never read as markup
            plain("  ".join(f.text for f in finding.figures[:4]) + (" …" if len(finding.figures) > 4 else "")),
            "" if finding.expected is None else f"{finding.expected:g}",
            "" if finding.found is None else f"{finding.found:g}",
        )
    return table


def _counts(findings: list[Finding]) -> str:
    counts = [(sum(f.severity == s for f in findings), s.value) for s in reversed(Severity)]
    return ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for n, name in counts)


def _list_rules(output: OutputFormat) -> None:
    rules = all_rules()
    if output == OutputFormat.JSON:
        rows = [
            {
                "rule": r.id,
                "severity": r.severity.value,
                "needs_text": r.needs_text,
                "needs_previous": r.needs_previous,
                "doc": r.doc,
            }
            for r in rules
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="jixiao check rules", title_justify="left")
    for column in ("rule", "severity", "text", "states"):
        table.add_column(column)
    for r in rules:
        table.add_row(r.id, f"[{STYLES[r.severity]}]{r.severity.value}[/]", "yes" if r.needs_text else "", r.summary)
    console.print(table)


Checked = tuple[Path, Report, list[Finding]]


def _checked_files(
    paths: list[Path], skip: list[str] | None, config: CheckConfig
) -> tuple[Iterator[Checked], list[str]]:
    """Each report file or `.json` report checked as it is read; a bad one is reported and skipped."""
    files, problems = check_inputs(paths)
    for problem in problems:
        report_error(problem)

    def checked() -> Iterator[Checked]:
        for path in files:
            try:
                report, text = load_for_check(path)
            except JixiaoError as error:
                report_error(str(error))
                problems.append(str(error))
                continue
            except Exception as error:  # a bug on one odd file must not stop the others
                problem = f"{path}: internal error: {type(error).__name__}: {error}"
                report_error(problem)
                problems.append(problem)
                continue
            yield path, report, run_checks(report, text, skip=skip or (), config=config)

    return checked(), problems


def _checked_from_store(db: Path, skip: list[str] | None, config: CheckConfig) -> tuple[Iterator[Checked], list[str]]:
    """The reports of a store checked again, with the checks across years (`jixiao.series.check_stored`)."""
    from jixiao.series.refresh import check_stored

    if not db.is_file():
        report_error(f"{db}: no such store (run `jixiao run PATH --db {db}` first)")
        raise typer.Exit(2)
    try:
        with Store(db) as store:
            checked = check_stored(store, skip=skip or (), config=config)
    except JixiaoError as error:  # the store cannot be opened
        report_error(str(error))
        raise typer.Exit(2) from None
    return iter((Path(one.path), one.report, one.findings) for one in checked), []


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="report files, folders, or extracted .json reports")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="text tables or JSON")] = OutputFormat.TEXT,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help="exit 1 on a finding at or above this")] = (
        Severity.ERROR
    ),
    skip: Annotated[list[str] | None, typer.Option("--skip", help="rule id or family to switch off")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="TOML file of check thresholds")] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="print the rule catalogue and exit")] = False,
    db: Annotated[
        Path | None, typer.Option("--db", help="check the reports in this store, across years too (instead of PATHS)")
    ] = None,
) -> None:
    """Check the figures of every report under PATHS (or in a store) and print the findings (errors first)."""
    if list_rules:
        _list_rules(output)
        return
    if not paths and db is None:
        report_error("give at least one report file, folder or .json report, or --db (or --list-rules)")
        raise typer.Exit(2)
    try:
        config = load_config(config_file) if config_file else CheckConfig()
        select_rules(skip or ())
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    checked, problems = _checked_from_store(db, skip, config) if db else _checked_files(paths or [], skip, config)
    results: list[dict[str, Any]] = []
    worst = -1
    for path, report, findings in checked:
        worst = max([worst, *(f.severity.rank for f in findings)])
        results.append({"path": str(path), "report": report, "findings": findings})
        if output == OutputFormat.TEXT:
            if findings:
                console.print(_findings_table(path, report, findings))
            console.print(f"{shown(path)}: {_counts(findings)}", highlight=False, markup=False)
    if output == OutputFormat.JSON:
        document = {
            "reports": [
                {
                    "path": r["path"],
                    "region": r["report"].region,
                    "year": r["report"].year,
                    "fund": r["report"].fund,
                    "findings": [f.model_dump(mode="json") for f in r["findings"]],
                }
                for r in results
            ],
            "errors": [redact(problem) for problem in problems],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    if problems:
        raise typer.Exit(2)
    if worst >= fail_on.rank:
        raise typer.Exit(1)
