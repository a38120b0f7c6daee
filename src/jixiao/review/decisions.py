"""Review decisions: an append-only table of what reviewers decided about findings and figures.

A decision is data, never an edit: who, when, what (confirm, dismiss, correct, reopen), why, the document's
SHA-256 and the figure's path. Nothing is updated or deleted (triggers refuse it, on SQLite and PostgreSQL
alike; see jixiao/migrations), so the history of a
finding is its rows in order, and its state is its latest row. The table lives in the store's file beside the
batch tables but references none of them: `jixiao run` drops a changed document's extractions, never its
decisions, which then show as stale because no stored document has their SHA-256 any more.

Two reviewers may decide the same item at once. Each form carries the id of the latest decision its page
showed; `DecisionLog.record` compares that id with the table inside one write transaction and refuses with
`DecisionConflict` (naming the decision that won) when another decision got there first.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from enum import StrEnum

from pydantic import BaseModel, Field
from sqlalchemy import Connection, text

from jixiao.database import Database
from jixiao.errors import JixiaoError
from jixiao.model import Figure, Finding

_COLUMNS = (
    "id, created_at, reviewer, document_sha256, document_path, extractor, action, finding_key, rule, "
    "figure_path, reason, note, correction"
)


class Action(StrEnum):
    CONFIRM = "confirm"  # a real problem in the report
    DISMISS = "dismiss"  # a false alarm, with a reason
    CORRECT = "correct"  # the extraction was wrong: a figure edited, removed or added
    REOPEN = "reopen"  # back to open (a decision taken back, itself recorded)


class DismissReason(StrEnum):
    """Why a finding is a false alarm. `misread` (the tool's fault) is kept apart from `report_right`
    (the rule's fault): issue 18 asks the eval to report the two separately."""

    REPORT_RIGHT = "report_right"
    MISREAD = "misread"
    ROUNDING = "rounding"
    NOT_APPLICABLE = "not_applicable"
    OTHER = "other"


DISMISS_REASONS_ZH = {
    DismissReason.REPORT_RIGHT: "报告无误（规则误报）",
    DismissReason.MISREAD: "工具读错了（抽取有误）",
    DismissReason.ROUNDING: "四舍五入或口径差异，可以接受",
    DismissReason.NOT_APPLICABLE: "规则不适用于这份报告",
    DismissReason.OTHER: "其他（请写明）",
}


class CorrectionKind(StrEnum):
    EDIT = "edit"  # the figure at the path, changed
    REMOVE = "remove"  # the slot should be empty (nothing printed there, or not this figure)
    ADD = "add"  # a figure the tool missed, from text selected in the document


class Correction(BaseModel):
    """What a correction did to one figure slot; `before` is what the extraction had, to notice drift."""

    kind: CorrectionKind
    before: Figure | None = None
    after: Figure | None = None


class DecisionDraft(BaseModel):
    """A decision as a reviewer submits it, before it has an id and a time."""

    reviewer: str = Field(min_length=1, max_length=200)
    document_sha256: str
    document_path: str
    extractor: str
    action: Action
    finding_key: str | None = None
    rule: str | None = None
    figure_path: str | None = None
    reason: DismissReason | None = None
    note: str = Field(default="", max_length=4000)
    correction: Correction | None = None


class Decision(DecisionDraft):
    id: int
    created_at: float


class DecisionConflict(JixiaoError):
    """Another reviewer decided first; `winner` is the decision the losing form did not see."""

    def __init__(self, winner: Decision) -> None:
        super().__init__(
            f"{winner.reviewer} recorded '{winner.action.value}' on this item first (decision {winner.id})"
        )
        self.winner = winner


def finding_key(finding: Finding) -> str:
    """A finding's identity across runs: its rule and the paths of the figures it names.

    List ids change when a batch re-runs; the rule and paths do not while the document and extractor stay.
    """
    return f"{finding.rule}@{','.join(sorted(ref.path for ref in finding.figures))}"


_NAMES = tuple(name.strip() for name in _COLUMNS.split(","))


def _decision(row: tuple[object, ...]) -> Decision:
    data = dict(zip(_NAMES, row, strict=True))
    data["note"] = data["note"] or ""
    correction = data.pop("correction")
    data["correction"] = Correction.model_validate_json(str(correction)) if correction else None
    return Decision.model_validate(data)


class DecisionLog:
    """The decisions table of a store (`Store.database`; the table is made by the store's migrations)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def record(
        self,
        drafts: Sequence[DecisionDraft],
        *,
        seen_item: int | None = None,
        seen_corrections: int | None = None,
    ) -> list[Decision]:
        """Append `drafts` in one transaction, unless the item or the document moved on since the page was seen.

        `seen_item` is the latest decision id on the drafts' finding the reviewer's page showed (0 for none);
        `seen_corrections` the latest correction id on the document. None skips that comparison.
        """
        if not drafts:
            return []
        first = drafts[0]
        # One write transaction around check-then-insert: SQLite's BEGIN IMMEDIATE takes the write lock first;
        # on PostgreSQL a transaction-scoped advisory lock per document does the same, so two reviewers'
        # decisions never interleave: the second waits, then sees the first's row.
        with self.database.write() as db:
            if self.database.dialect == "postgresql":
                db.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": first.document_sha256})
            if seen_item is not None and first.finding_key is not None:
                self._refuse_if_newer(
                    db, first.document_sha256, first.extractor, seen_item, "finding_key = :value", first.finding_key
                )
            if seen_corrections is not None:
                self._refuse_if_newer(
                    db,
                    first.document_sha256,
                    first.extractor,
                    seen_corrections,
                    "action = :value",
                    Action.CORRECT.value,
                )
            now = time.time()
            ids = [self._insert(db, draft, now) for draft in drafts]
        return [Decision(id=id_, created_at=now, **draft.model_dump()) for id_, draft in zip(ids, drafts, strict=True)]

    def _refuse_if_newer(
        self, db: Connection, sha256: str, extractor: str, seen: int, condition: str, value: str
    ) -> None:
        row = db.execute(
            text(
                f"SELECT {_COLUMNS} FROM review_decisions WHERE document_sha256 = :sha AND extractor = :extractor "
                f"AND {condition} ORDER BY id DESC LIMIT 1"
            ),
            {"sha": sha256, "extractor": extractor, "value": value},
        ).first()
        if row is not None and int(row[0]) > seen:
            raise DecisionConflict(_decision(tuple(row)))

    @staticmethod
    def _insert(db: Connection, draft: DecisionDraft, now: float) -> int:
        names = _NAMES[1:]
        inserted = db.execute(
            text(
                f"INSERT INTO review_decisions ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)}) "
                "RETURNING id"
            ),
            {
                "created_at": now,
                "reviewer": draft.reviewer,
                "document_sha256": draft.document_sha256,
                "document_path": draft.document_path,
                "extractor": draft.extractor,
                "action": draft.action.value,
                "finding_key": draft.finding_key,
                "rule": draft.rule,
                "figure_path": draft.figure_path,
                "reason": draft.reason.value if draft.reason else None,
                "note": draft.note,
                "correction": draft.correction.model_dump_json() if draft.correction else None,
            },
        )
        return int(inserted.scalar_one())

    def for_document(self, sha256: str, extractor: str) -> list[Decision]:
        rows = self.database.rows(
            f"SELECT {_COLUMNS} FROM review_decisions WHERE document_sha256 = :sha AND extractor = :extractor "
            "ORDER BY id",
            sha=sha256,
            extractor=extractor,
        )
        return [_decision(tuple(row)) for row in rows]

    def all(self) -> list[Decision]:
        """Every decision in the order they were made (a store holds thousands, not millions)."""
        return [
            _decision(tuple(row)) for row in self.database.rows(f"SELECT {_COLUMNS} FROM review_decisions ORDER BY id")
        ]

    def by_document(self) -> dict[tuple[str, str], list[Decision]]:
        """Decisions grouped by (document SHA-256, extractor), each group in order."""
        grouped: dict[tuple[str, str], list[Decision]] = {}
        for decision in self.all():
            grouped.setdefault((decision.document_sha256, decision.extractor), []).append(decision)
        return grouped
