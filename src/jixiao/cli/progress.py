"""The progress bar every multi-file command shows on stderr, and the one line per file that failed."""

from __future__ import annotations

from types import TracebackType

from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from jixiao.batch import Failed, Outcome, Tally
from jixiao.cli.app import errors, escaped, report_error
from jixiao.model import STATUS_ZH, ReadingStatus

STATUS_EN = {
    ReadingStatus.READ: "read",
    ReadingStatus.PARTLY: "partly read",
    ReadingStatus.TRUNCATED: "truncated",
    ReadingStatus.NOTHING: "nothing found",
    ReadingStatus.FAILED: "failed",
}


def status_label(status: ReadingStatus) -> str:
    """`未找到数据 nothing found`: how a console line names a reading status."""
    return f"{STATUS_ZH[status]} {STATUS_EN[status]}"


def status_line(tally: Tally) -> str | None:
    """`reading status: 已读取 read 40 · 未找到数据 nothing found 2 · …` for the files of this run."""
    if not tally.statuses:
        return None
    parts = [f"{status_label(status)} {tally.statuses[status]}" for status in STATUS_EN if tally.statuses[status]]
    return "reading status: " + " · ".join(parts)


class RateColumn(ProgressColumn):
    """Reports per second, the figure a user watches on a long batch."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f}/s" if speed else "–/s", style="progress.data.speed")


class BatchProgress:
    """Callbacks for `run_batch`: a live bar with done/failed/flagged counts; each failure on its own line.

    The bar is drawn only on a terminal: in a log or a pipe it would be noise between the lines that matter.
    """

    def __init__(self, description: str) -> None:
        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(
                "[green]done {task.fields[done]}[/] [red]failed {task.fields[failed]}[/] "
                "[yellow]flagged {task.fields[flagged]}[/]"
            ),
            RateColumn(),
            TimeElapsedColumn(),
            console=errors,
            transient=False,
            disable=not errors.is_terminal,
        )
        description = escape(escaped(description))  # it names the model, which the user typed
        self.task = self.progress.add_task(description, total=None, done=0, failed=0, flagged=0)

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.progress.stop()

    def on_start(self, todo: int, skipped: int) -> None:
        self.progress.update(self.task, total=todo)
        if not todo:
            self.progress.update(self.task, visible=False)

    def on_outcome(self, outcome: Outcome, tally: Tally) -> None:
        if isinstance(outcome, Failed):
            report_error(f"{outcome.path}: {outcome.reason}")
        self.progress.update(self.task, advance=1, done=tally.done, failed=tally.failed, flagged=tally.flagged)
