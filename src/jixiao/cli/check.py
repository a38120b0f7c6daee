"""`jixiao check`: extract (or load) reports and run the deterministic checks over them.

Exit status gates a pipeline: 0 when no finding is at or above `--fail-on`, 1 otherwise, 2 when an
argument or an input file is bad (the other files are still checked and printed).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from jixiao.checks import CheckConfig, all_rules, load_config, run_checks, select_rules
from jixiao.checks.engine import sort_findings
from jixiao.cli.app import app, console, report_error
from jixiao.cli.inputs import report_files
from jixiao.cli.llm_options import BaseUrlOption, ModelFileOption, ModelOption, NoCacheOption, llm_settings
from jixiao.documents import LOADERS, load_document
from jixiao.errors import ConfigError, InputError, JixiaoError
from jixiao.extract import extract
from jixiao.model import Finding, Report, Severity


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
    table = Table(title=f"{path}  {about}", title_justify="left", show_lines=False)
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
            finding.message_zh,
            "  ".join(f.text for f in finding.figures[:4]) + (" …" if len(finding.figures) > 4 else ""),
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
        rows = [{"rule": r.id, "severity": r.severity.value, "needs_text": r.needs_text, "doc": r.doc} for r in rules]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="jixiao check rules", title_justify="left")
    for column in ("rule", "severity", "text", "states"):
        table.add_column(column)
    for r in rules:
        table.add_row(r.id, f"[{STYLES[r.severity]}]{r.severity.value}[/]", "yes" if r.needs_text else "", r.summary)
    console.print(table)


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
    llm: Annotated[
        bool, typer.Option("--llm", help="add the second reader's findings (a model; source llm, at most warning)")
    ] = False,
    model: ModelOption = None,
    base_url: BaseUrlOption = None,
    model_file: ModelFileOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Check the figures of every report under PATHS and print the findings (errors first)."""
    if list_rules:
        _list_rules(output)
        return
    if not paths:
        report_error("give at least one report file, folder or .json report (or --list-rules)")
        raise typer.Exit(2)
    try:
        config = load_config(config_file) if config_file else CheckConfig()
        select_rules(skip or ())
        second = None
        if llm:
            from jixiao.cli.second_reading import SecondReading

            settings = llm_settings(
                model=model, base_url=base_url, mode=None, model_file=model_file, config=None, no_cache=no_cache
            )
            if not settings.configured:
                raise ConfigError("--llm needs a model: --model-file, --base-url or JIXIAO_API_KEY")
            second = SecondReading(settings)
    except JixiaoError as error:
        report_error(str(error))
        raise typer.Exit(2) from None
    files, problems = check_inputs(paths)
    for problem in problems:
        report_error(problem)
    results: list[dict[str, Any]] = []
    worst = -1
    for path in files:
        try:
            report, text = load_for_check(path)
        except JixiaoError as error:
            report_error(str(error))
            problems.append(str(error))
            continue
        findings = run_checks(report, text, skip=skip or (), config=config)
        if second is not None:
            try:
                findings = sort_findings([*findings, *second(path, report)])
            except JixiaoError as error:
                report_error(f"{path}: second reader failed: {error}")
        worst = max([worst, *(f.severity.rank for f in findings)])
        results.append({"path": str(path), "report": report, "findings": findings})
        if output == OutputFormat.TEXT:
            if findings:
                console.print(_findings_table(path, report, findings))
            console.print(f"{path}: {_counts(findings)}", highlight=False)
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
            "errors": problems,
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    if problems:
        raise typer.Exit(2)
    if worst >= fail_on.rank:
        raise typer.Exit(1)
