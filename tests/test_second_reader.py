"""The second reader: numbered items from the report, the model's notes turned into quoted llm findings."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from jixiao.documents import Document
from jixiao.extract.llm.prompts import load_prompt
from jixiao.extract.rules import extract_rules
from jixiao.model import Report, Severity
from jixiao.second_reader import RULE_IDS, ReaderAnswer, SecondReader, reader_items
from jixiao.settings import load_settings
from llm_fakes import FunctionClient, user_text

TEXT = (
    "某县2024年度就业补助资金绩效自评报告\n"
    "城镇新增就业人数指标值为≥200人，实际完成180人，偏差原因：认真贯彻落实上级要求。\n"
    "创业能力指标值为有效提升，实际完成明显提升。\n"
    "综上，各项绩效目标全面完成。\n"
)


def document() -> Document:
    return Document.from_text(TEXT, path="r.txt", format="txt", sha256="r")


def report_of(doc: Document) -> Report:
    report = extract_rules(doc)
    report.indicators[0].deviation_reason = "认真贯彻落实上级要求"  # as a 自评表's reason column gives it
    return report


def read(answer: Any, tmp_path: Path) -> tuple[Any, FunctionClient]:
    doc = document()
    report = report_of(doc)
    client = FunctionClient(answer)
    reader = SecondReader(load_settings(cache_dir=tmp_path, api_key="sk-test"))
    return asyncio.run(reader.read(report, doc, client)), client


def test_the_items_are_the_indicators_and_the_success_claims() -> None:
    doc = document()
    items = reader_items(report_of(doc), doc.match_text)
    texts = [item.text for item in items]
    assert any("城镇新增就业人数" in t and "偏差原因：认真贯彻落实上级要求" in t for t in texts)
    assert texts[-1] == "表述：综上，各项绩效目标全面完成"
    missed = next(item for item in items if "城镇新增就业人数" in item.text)
    assert missed.missed and not missed.text_pair


def test_notes_become_quoted_llm_findings_never_above_warning(tmp_path: Path) -> None:
    def answer(messages: list[dict[str, str]]) -> dict[str, Any]:
        shown = user_text(messages)
        jobs = next(line for line in shown.splitlines() if "城镇新增就业人数" in line)
        claim = next(line for line in shown.splitlines() if "全面完成" in line)
        number = lambda line: int(line[1 : line.index("]")])  # noqa: E731
        return {
            "notes": [
                {"kind": "reason_unexplained", "item": number(jobs), "quote": "认真贯彻落实上级要求", "why": "套话"},
                {
                    "kind": "claim_contradicted",
                    "item": number(claim),
                    "quote": "各项绩效目标全面完成",
                    "why": "180<200",
                },
            ]
        }

    reading, client = read(answer, tmp_path)
    assert len(client.requests) == 1
    assert [f.rule for f in reading.findings] == ["llm.reason_unexplained", "llm.claim_contradicted"]
    for finding in reading.findings:
        assert finding.source == "llm" and finding.severity.rank <= Severity.WARNING.rank
        quote = next(ref for ref in finding.figures if ref.path == "text")
        assert quote.span is not None and TEXT[quote.span.start : quote.span.end] == quote.text
    assert reading.findings[0].figures[0].path.endswith(".actual")


def test_a_note_whose_quote_is_not_in_the_text_or_that_misnames_its_item_is_dropped(tmp_path: Path) -> None:
    def answer(messages: list[dict[str, str]]) -> dict[str, Any]:
        return {
            "notes": [
                {"kind": "reason_unexplained", "item": 1, "quote": "原文没有的话", "why": "编造"},
                {"kind": "claim_contradicted", "item": 1, "quote": "城镇新增就业人数", "why": "条目1不是表述"},
            ]
        }

    reading, _ = read(answer, tmp_path)
    assert reading.findings == [] and reading.dropped == 2


def test_the_rule_ids_are_the_second_readers() -> None:
    assert RULE_IDS == ("llm.category", "llm.claim_contradicted", "llm.reason_unexplained", "llm.text_target")


def test_the_worked_example_quotes_its_own_items() -> None:
    prompt = load_prompt("second_reader")
    answer = ReaderAnswer.model_validate(json.loads(prompt.example_output))
    assert {note.kind for note in answer.notes} >= {"reason_unexplained", "category", "claim_contradicted"}
    for note in answer.notes:
        assert note.quote in prompt.example_text


def test_check_llm_adds_the_second_readers_findings(tmp_path: Path, monkeypatch: Any) -> None:
    from typer.testing import CliRunner

    from jixiao.cli import app
    from jixiao.extract.llm import extractor as llm_extractor

    def answer(messages: list[dict[str, str]]) -> dict[str, Any]:
        claim = next(line for line in user_text(messages).splitlines() if "全面完成" in line)
        number = int(claim[1 : claim.index("]")])
        return {"notes": [{"kind": "claim_contradicted", "item": number, "quote": "各项绩效目标全面完成", "why": "x"}]}

    client = FunctionClient(answer)
    monkeypatch.setattr(llm_extractor, "default_client_factory", lambda settings: lambda: client)
    monkeypatch.setenv("JIXIAO_BASE_URL", "http://127.0.0.1:9/v1")
    source = tmp_path / "r.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(source), "--llm", "--format", "json"])
    assert len(client.requests) == 1, result.output
    findings = json.loads(result.output)["reports"][0]["findings"]
    [llm] = [f for f in findings if f["source"] == "llm"]
    assert (llm["rule"], llm["severity"]) == ("llm.claim_contradicted", "warning")
