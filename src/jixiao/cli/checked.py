"""What `jixiao check` checks: report files through the one batch engine, or the reports of a store."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NamedTuple

from jixiao.batch import Failed, Tally, run_batch
from jixiao.checks import CheckConfig, run_checks
from jixiao.cli.inputs import gather_files
from jixiao.cli.options import Chosen
from jixiao.cli.progress import BatchProgress
from jixiao.cli.store_option import require_store
from jixiao.documents import LOADERS
from jixiao.inputs import REPORT_SUFFIX
from jixiao.model import Finding, ReadingStatus, Report, reading_status
from jixiao.sinks import Collector
from jixiao.store import Store


class Checked(NamedTuple):
    path: str
    report: Report
    findings: list[Finding]
    status: ReadingStatus


def checked_files(chosen: Chosen, paths: list[Path], skip: tuple[str, ...], config: CheckConfig) -> tuple[
    list[Checked], list[str], Tally]:  # fmt: skip
    """Every report file (or `.json` report) under PATHS through the batch engine, in the order given."""
    inputs = gather_files(paths, {*LOADERS, REPORT_SUFFIX})
    collector = Collector()
    with BatchProgress(f"jixiao check ({chosen.key})") as progress:
        tally = run_batch(
            collector,
            inputs.files,
            chosen.job(partial(run_checks, skip=skip, config=config)),
            concurrency=chosen.settings.max_concurrency,
            extractor=chosen.extractor,
            limits=chosen.limits,
            on_start=progress.on_start,
            on_outcome=progress.on_outcome,
        )
    done = [Checked(o.path, o.report, o.findings, o.status) for o in collector.in_order() if not isinstance(o, Failed)]
    return done, [*inputs.problems, *(f"{f.path}: {f.reason}" for f in tally.failures)], tally


def checked_in_store(db: str, skip: tuple[str, ...], config: CheckConfig) -> tuple[list[Checked], list[str], Tally]:
    """The reports of a store checked again, with the checks across years (`jixiao.series.check_stored`)."""
    from jixiao.series.refresh import check_stored

    require_store(db)
    with Store(db) as store:
        found = check_stored(store, skip=skip, config=config)
    done = [Checked(one.path, one.report, one.findings, reading_status(one.report)) for one in found]
    tally = Tally(done=len(done))
    tally.statuses.update(one.status for one in done)
    return done, [], tally
