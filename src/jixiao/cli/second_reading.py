"""`jixiao check --llm`: the second reader's findings beside the rule checks, one model call per report."""

from __future__ import annotations

import asyncio
from pathlib import Path

from jixiao.cli.app import errors
from jixiao.documents import load_document
from jixiao.errors import JixiaoError
from jixiao.model import Finding, Report
from jixiao.settings import Settings


class SecondReading:
    """Built once per command: the reader, and a client per report (an async client belongs to one loop)."""

    def __init__(self, settings: Settings) -> None:
        from jixiao.extract.llm.extractor import default_client_factory
        from jixiao.second_reader import SecondReader

        self.reader = SecondReader(settings)
        self.client_factory = default_client_factory(settings)

    def __call__(self, path: Path, report: Report) -> list[Finding]:
        source = path if path.suffix.lower() != ".json" else Path(report.source.path)
        try:
            document = load_document(source)
        except JixiaoError as error:
            errors.print(f"note: {path}: second reader skipped ({error})", markup=False, highlight=False)
            return []
        if document.sha256 != report.source.sha256:
            errors.print(f"note: {path}: second reader skipped (the source text changed)", highlight=False)
            return []
        try:
            reading = asyncio.run(self.reader.read(report, document, self.client_factory()))
        except JixiaoError as error:  # one report's failure never costs the others their findings
            errors.print(f"error: {path}: second reader failed: {error}", markup=False, highlight=False)
            return []
        if reading.dropped:
            errors.print(
                f"note: {path}: second reader: {reading.dropped} note(s) dropped (quote not in the text, "
                "or not about the item it named)",
                highlight=False,
            )
        return reading.findings


__all__ = ["SecondReading"]
