"""`jixiao check`: extract (or load) reports and run the deterministic checks over them.

Exit status gates a pipeline: 0 when no finding is at or above `--fail-on` and every file was read, 1 when a
finding is or a file could not be read (the other files are still checked and printed), 2 on a usage error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from jixiao.checks import CheckConfig, load_config, select_rules
from jixiao.cli.app import command, console, escaped, report_error
from jixiao.cli.checked import Checked, checked_files, checked_in_store
from jixiao.cli.findings_view import OutputFormat, counts, findings_table, list_rules
from jixiao.cli.options import Chosen
from jixiao.cli.progress import status_label, status_line
from jixiao.errors import ConfigError
from jixiao.model import ReadingStatus, Severity
from jixiao.redaction import redact


def _second_reading(chosen: Chosen, done: list[Checked]) -> list[Checked]:
    """Each report's findings with the second reader's (`jixiao check --llm`) sorted in."""
    from jixiao.checks.engine import sort_findings
    from jixiao.cli.second_reading import SecondReading

    if not chosen.settings.configured:
        raise ConfigError("--llm needs a model: --backend hybrid (or llm) with --model-file or --base-url, or JIXIAO_*")
    second = SecondReading(chosen.settings)
    return [one._replace(findings=sort_findings([*one.findings, *second(Path(one.path), one.report)])) for one in done]


@command(backend=True, without=("config",), kept="nothing: check writes no files; run it again")
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
    db: Annotated[
        str | None, typer.Option("--db", help="check the reports in this store, across years too (instead of PATHS)")
    ] = None,
    llm: Annotated[
        bool, typer.Option("--llm", help="add the second reader's findings (a model; source llm, at most warning)")
    ] = False,
) -> None:
    """Check the figures of every report under PATHS (or in a store) and print the findings (errors first)."""
    if list_rules_only:
        list_rules(output == OutputFormat.JSON)
        return
    if not paths and db is None:
        report_error("give at least one report file, folder or .json report, or --db (or --list-rules)")
        raise typer.Exit(2)
    config = load_config(config_file) if config_file else CheckConfig()
    select_rules(skip or ())  # an unknown rule is a usage error before any file is read
    skips = tuple(skip or ())
    done, problems, tally = (
        checked_in_store(db, skips, config) if db else checked_files(chosen, paths or [], skips, config)
    )
    if llm:
        done = _second_reading(chosen, done)
    if output == OutputFormat.JSON:
        rows = [{"path": one.path, "status": one.status.value, "region": one.report.region, "year": one.report.year,
                 "fund": one.report.fund, "findings": [f.model_dump(mode="json") for f in one.findings]}
                for one in done]  # fmt: skip
        errors = [redact(problem) for problem in problems]
        typer.echo(json.dumps({"reports": rows, "errors": errors}, ensure_ascii=False, indent=2))
    else:
        for one in done:
            if one.findings:
                console.print(findings_table(Path(one.path), one.report, one.findings))
            # an empty or cut-off report is never shown as a clean one
            shown = "" if one.status is ReadingStatus.READ else f"{status_label(one.status)}; "
            console.print(f"{escaped(one.path)}: {shown}{counts(one.findings)}", highlight=False, markup=False)
        every = [f for one in done for f in one.findings]
        source = "stored reports" if db else f"backend: {chosen.title}"
        console.print(
            f"checked {len(done)} reports ({source}): {counts(every)}; {tally.failed} could not be read", markup=False
        )
        console.print(status_line(tally) or "", highlight=False)
    worst = max((f.severity.rank for one in done for f in one.findings), default=-1)
    if problems or worst >= fail_on.rank:
        raise typer.Exit(1)
