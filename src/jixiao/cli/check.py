"""`jixiao check`: extract (or load) reports and run the deterministic checks over them.

Exit status gates a pipeline: 0 when no finding is at or above `--fail-on` and every file was read, 1 when a
finding is or a file could not be read (the other files are still checked and printed), 2 on a usage error.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from jixiao.batch import Failed, run_batch
from jixiao.checks import CheckConfig, load_config, run_checks, select_rules
from jixiao.cli.app import command, console, report_error
from jixiao.cli.findings_view import counts, findings_table, list_rules
from jixiao.cli.inputs import gather_files
from jixiao.cli.options import Chosen
from jixiao.cli.progress import BatchProgress, status_label, status_line
from jixiao.documents import LOADERS
from jixiao.inputs import REPORT_SUFFIX
from jixiao.model import ReadingStatus, Severity
from jixiao.sinks import Collector


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


@command(backend=True, without=("config",))
def check(
    chosen: Chosen,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="report files, folders, or extracted .json reports")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="text tables or JSON")] = OutputFormat.TEXT,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help="exit 1 on a finding at or above this")] = (
        Severity.ERROR
    ),
    skip: Annotated[list[str] | None, typer.Option("--skip", help="rule id or family to switch off")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="TOML file of check thresholds")] = None,
    list_rules_only: Annotated[bool, typer.Option("--list-rules", help="print the rule catalogue and exit")] = False,
) -> None:
    """Check the figures of every report under PATHS and print the findings (errors first)."""
    if list_rules_only:
        list_rules(output == OutputFormat.JSON)
        return
    if not paths:
        report_error("give at least one report file, folder or .json report (or --list-rules)")
        raise typer.Exit(2)
    config = load_config(config_file) if config_file else CheckConfig()
    select_rules(skip or ())  # an unknown rule is a usage error before any file is read
    inputs = gather_files(paths, {*LOADERS, REPORT_SUFFIX})
    collector = Collector()
    checker = partial(run_checks, skip=tuple(skip or ()), config=config)
    with BatchProgress(f"jixiao check ({chosen.key})") as progress:
        tally = run_batch(
            collector,
            inputs.files,
            chosen.job(checker),
            concurrency=chosen.settings.max_concurrency,
            extractor=chosen.extractor,
            on_start=progress.on_start,
            on_outcome=progress.on_outcome,
        )
    results = [o for o in collector.in_order() if not isinstance(o, Failed)]
    problems = [*inputs.problems, *(f"{f.path}: {f.reason}" for f in tally.failures)]
    findings = {result.path: result.findings for result in results}
    if output == OutputFormat.JSON:
        rows = []
        for result in results:
            report = result.report
            found = [f.model_dump(mode="json") for f in findings[result.path]]
            rows.append({"path": result.path, "status": result.status.value, "region": report.region,
                         "year": report.year, "fund": report.fund, "findings": found})  # fmt: skip
        typer.echo(json.dumps({"reports": rows, "errors": problems}, ensure_ascii=False, indent=2))
    else:
        for result in results:
            if findings[result.path]:
                console.print(findings_table(Path(result.path), result.report, findings[result.path]))
            # an empty or cut-off report is never shown as a clean one
            shown = "" if result.status is ReadingStatus.READ else f"{status_label(result.status)}; "
            console.print(f"{result.path}: {shown}{counts(findings[result.path])}", highlight=False)
        every = [f for found in findings.values() for f in found]
        console.print(
            f"checked {len(results)} reports (backend: {chosen.title}): {counts(every)}; "
            f"{tally.failed} could not be read",
            highlight=False,
        )
        console.print(status_line(tally) or "", highlight=False)
    worst = max((f.severity.rank for found in findings.values() for f in found), default=-1)
    if problems or worst >= fail_on.rank:
        raise typer.Exit(1)
