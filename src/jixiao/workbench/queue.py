"""The queue: every warning and error finding across the store, worst first, with filters and state counts.

Built per request from the store and the decisions (a store of thousands of reports reads in a second or
two); documents with corrections are reloaded with their text and rechecked, the others use the findings the
batch stored.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlencode

from jixiao.model import ReadingStatus, Severity, reading_status
from jixiao.review.decisions import Decision, DecisionLog
from jixiao.review.states import Checker, DocumentReview, ReviewItem, State, has_corrections, review_document
from jixiao.store import Store, StoredResult

PAGE_SIZE = 200


@dataclass(frozen=True)
class QueueRow:
    extraction_id: int
    path: str
    region: str | None
    fund: str | None
    year: int | None
    status: ReadingStatus
    key: str
    rule: str
    severity: Severity
    message_zh: str
    state: State
    reviewer: str | None
    position: int  # where the finding's first figure stands in the text (-1: none)

    @property
    def sort_key(self) -> tuple[int, str, int, int, str]:
        return (-self.severity.rank, self.path, self.extraction_id, self.position, self.key)


@dataclass(frozen=True)
class QueueFilter:
    """What the reviewer narrowed the queue to; empty strings mean "any"."""

    rule: str = ""
    severity: str = ""
    region: str = ""
    fund: str = ""
    year: str = ""
    state: str = ""

    @classmethod
    def of(cls, params: dict[str, str]) -> QueueFilter:
        return cls(**{f.name: params.get(f.name, "").strip() for f in fields(cls)})

    def matches(self, row: QueueRow, *, ignore_state: bool = False) -> bool:
        wanted = {
            "rule": row.rule,
            "severity": row.severity.value,
            "region": row.region or "",
            "fund": row.fund or "",
            "year": str(row.year or ""),
            "state": row.state.value,
        }
        return all(
            not getattr(self, name) or (name == "state" and ignore_state) or getattr(self, name) == value
            for name, value in wanted.items()
        )

    def query(self, **changes: str) -> str:
        """The filter (with `changes`) as a query string, carried from the queue to each item and back."""
        changed = replace(self, **changes)
        return urlencode({f.name: getattr(changed, f.name) for f in fields(changed) if getattr(changed, f.name)})


@dataclass
class Queue:
    rows: list[QueueRow] = field(default_factory=list)  # every reviewable finding, in queue order
    stale: list[Decision] = field(default_factory=list)  # decisions on document versions no longer stored

    def filtered(self, wanted: QueueFilter) -> list[QueueRow]:
        return [row for row in self.rows if wanted.matches(row)]

    def state_counts(self, wanted: QueueFilter) -> dict[State, int]:
        counts = Counter(row.state for row in self.rows if wanted.matches(row, ignore_state=True))
        return {state: counts.get(state, 0) for state in State}

    def options(self, name: str) -> list[str]:
        """The values a filter can take, from the rows themselves."""
        values = {
            str(getattr(row, name).value if name in ("severity", "state") else getattr(row, name) or "")
            for row in self.rows
        }
        return sorted(value for value in values if value)

    def neighbours(self, extraction_id: int, key: str, wanted: QueueFilter) -> tuple[QueueRow | None, QueueRow | None]:
        """The items before and after this one in the filtered queue order (it need not match the filter)."""
        here = next((row for row in self.rows if row.extraction_id == extraction_id and row.key == key), None)
        if here is None:
            return None, None
        previous = [row for row in self.rows if row.sort_key < here.sort_key and wanted.matches(row)]
        following = [row for row in self.rows if row.sort_key > here.sort_key and wanted.matches(row)]
        return (previous[-1] if previous else None), (following[0] if following else None)


def review_of(store: Store, result: StoredResult, decisions: list[Decision], checker: Checker) -> DocumentReview:
    """A stored document's review; its text is read only when corrections mean the checks must rerun."""
    if has_corrections(decisions) and not result.document.text:
        result = store.result(result.extraction_id) or result
    return review_document(result, decisions, checker)


def _rows(review: DocumentReview) -> Iterator[QueueRow]:
    report, result = review.report, review.result
    status = reading_status(report)
    for item in review.items:
        yield _row(result, report.region, report.fund, report.year, status, item)


def _row(
    result: StoredResult,
    region: str | None,
    fund: str | None,
    year: int | None,
    status: ReadingStatus,
    item: ReviewItem,
) -> QueueRow:
    spans = [ref.span.start for ref in item.finding.figures if ref.span is not None]
    return QueueRow(
        extraction_id=result.extraction_id,
        path=result.document.path,
        region=region,
        fund=fund,
        year=year,
        status=status,
        key=item.key,
        rule=item.finding.rule,
        severity=item.finding.severity,
        message_zh=item.finding.message_zh,
        state=item.state,
        reviewer=item.decision.reviewer if item.decision else None,
        position=min(spans, default=-1),
    )


class QueueBuilder:
    """Builds the queue, keeping each document's rows while neither its extraction nor its decisions change.

    A store's reports are parsed once per server; later queues read only the store's index of extractions and
    the decisions, and recheck just the documents whose decisions moved.
    """

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self._rows: dict[tuple[int, str, str, int, int], list[QueueRow]] = {}
        self._lock = threading.Lock()

    @property
    def documents(self) -> int:
        """Documents whose rows are kept (0 until a queue was built)."""
        return len(self._rows)

    def build(self, store: Store, log: DecisionLog) -> Queue:
        decided = log.by_document()
        queue = Queue()
        kept: dict[tuple[int, str, str, int, int], list[QueueRow]] = {}
        identities: set[tuple[str, str]] = set()
        for entry in store.extraction_index():
            identity = (entry.sha256, entry.extractor)
            identities.add(identity)
            decisions = decided.get(identity, [])
            key = (
                entry.extraction_id,
                entry.sha256,
                entry.extractor,
                entry.run_id,
                max((d.id for d in decisions), default=0),
            )
            rows = self._rows.get(key)
            if rows is None:
                result = store.result(entry.extraction_id, with_text=has_corrections(decisions))
                if result is None:  # dropped by a batch running meanwhile
                    continue
                rows = list(_rows(review_document(result, decisions, self.checker)))
            kept[key] = rows
            queue.rows.extend(rows)
        with self._lock:
            self._rows = kept
        queue.rows.sort(key=lambda row: row.sort_key)
        queue.stale = [
            decision for identity, group in decided.items() if identity not in identities for decision in group
        ]
        return queue
