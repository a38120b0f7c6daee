"""The documents not read, as rows for every export: files that failed, then reports in which nothing was found."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from jixiao.review.tables import Row, failure_row, unread_row
from jixiao.store import StoredFailure, StoredResult


class Unread:
    """The rows of the documents not read: failures first, then reports in which nothing was found (collected
    while the results stream past, so the results are read once)."""

    def __init__(self, failures: Sequence[StoredFailure]) -> None:
        self.rows: list[Row] = [failure_row(failure) for failure in failures]

    def watch(self, results: Iterable[StoredResult]) -> Iterator[StoredResult]:
        for result in results:
            row = unread_row(result)
            if row is not None:
                self.rows.append(row)
            yield result
