"""From review to measurement: reviewed documents become gold the eval scores; exports carry the states."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.evaluation.from_review import RulePrecision, rule_precision
from jixiao.review.decisions import Action, Decision, DismissReason
from review_fixtures import build_store
from workbench_client import client, edit_form, entry, post

runner = CliRunner()


def review_all(browser: TestClient, db: Path) -> None:
    """Every finding of both documents decided: dismissed, corrected (edit, selection), confirmed."""
    page = browser.get(entry(browser, "funding.sources_sum", "kaiyang_2024.txt").href).text
    post(browser, page, "dismiss-form", reason="misread", note="县级配套100万元在第三部分")
    page = browser.get(entry(browser, "indicators.completion", "kaiyang_2024.txt").href).text
    post(browser, page, "confirm-form", note="520÷500 = 104%，报告写成110%")
    href = entry(browser, "funding.sources_sum", "xiling_2023.txt").href
    page = browser.get(href).text
    browser.post(href.split("?")[0] + "/correct", data={**edit_form(page, "funding.budget.total"), "text": "900万元"})
    page = browser.get(entry(browser, "indicators.missing_value", "xiling_2023.txt").href).text
    text = (db.parent / "docs" / "xiling_2023.txt").read_text(encoding="utf-8")
    start = text.index("65%")
    post(browser, page, "add-form", path="indicators[0].actual", start=str(start), end=str(start + 3))


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    db = build_store(tmp_path)
    review_all(client(db), db)
    return db


def test_completely_reviewed_documents_become_gold_with_the_corrections(reviewed: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    result = runner.invoke(app, ["label", "--from-review", "--db", str(reviewed), "--gold-dir", str(gold)])
    assert result.exit_code == 0, result.output
    xiling = json.loads((gold / "xiling_2023.json").read_text(encoding="utf-8"))
    assert xiling["gold"]["reviewed"] is True and xiling["gold"]["labelled_by"] == "alice"
    assert xiling["funding"]["budget"]["total"]["text"] == "900万元"
    assert xiling["indicators"][0]["actual"]["text"] == "65%"
    assert json.loads((gold / "xiling_2023.findings.json").read_text(encoding="utf-8")) == []
    expected = json.loads((gold / "kaiyang_2024.findings.json").read_text(encoding="utf-8"))
    assert [(e["rule"], e["path"]) for e in expected] == [
        ("indicators.completion", "indicators[-/城镇新增就业人数].completion")
    ]


def test_a_document_with_open_findings_is_not_written_as_gold(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    browser = client(db)
    page = browser.get(entry(browser, "indicators.completion", "kaiyang_2024.txt").href).text
    post(browser, page, "confirm-form")
    gold = tmp_path / "gold"
    result = runner.invoke(app, ["label", "--from-review", "--db", str(db), "--gold-dir", str(gold)])
    assert result.exit_code == 1
    assert "kaiyang_2024.txt: 1 findings still open" in result.output
    assert not gold.exists()


def test_a_persons_gold_file_is_never_overwritten(reviewed: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    hand = gold / "kaiyang_2024.json"
    hand.write_text(json.dumps({"gold": {"reviewed": True, "labelled_by": "hand", "notes": ""}}), encoding="utf-8")
    result = runner.invoke(app, ["label", "--from-review", "--db", str(reviewed), "--gold-dir", str(gold)])
    assert "written by a person; not overwriting it" in result.output
    assert json.loads(hand.read_text(encoding="utf-8"))["gold"]["labelled_by"] == "hand"
    again = runner.invoke(app, ["label", "--from-review", "--db", str(reviewed), "--gold-dir", str(gold)])
    assert again.exit_code == 0 and "xiling_2023.json" in again.output  # its own earlier output is rewritten


def test_the_eval_scores_the_gold_and_reports_each_rules_precision(reviewed: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    runner.invoke(app, ["label", "--from-review", "--db", str(reviewed), "--gold-dir", str(gold)])
    results = tmp_path / "results"
    result = runner.invoke(
        app,
        ["eval", "--gold-dir", str(gold), "--samples-dir", str(tmp_path / "docs"), "--results-dir", str(results),
         "--db", str(reviewed)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    run = json.loads(next(results.glob("*.json")).read_text(encoding="utf-8"))
    assert sorted(s["stem"] for s in run["samples"]) == ["kaiyang_2024", "xiling_2023"]
    assert run["overall"]["facts"]["f1"] == 1.0  # the rules backend reads both right; only the store's copy misread
    assert run["findings"]["expected"] == 1 and run["findings"]["expected_met"] == 1
    review = {row["rule"]: row for row in run["review"]}
    assert review["indicators.completion"]["precision"] == 1.0
    assert review["funding.sources_sum"]["confirmed"] == 0 and review["funding.sources_sum"]["misread"] == 1
    assert review["funding.sources_sum"]["corrected"] == 1
    assert "of which misread" in result.output and "indicators.completion" in result.output


def _decision(rule: str, action: Action, reason: DismissReason | None = None, key: str = "k") -> Decision:
    return Decision(
        id=0, created_at=0, reviewer="a", document_sha256="s", document_path="p", extractor="rules",
        action=action, finding_key=f"{rule}@{key}", rule=rule, reason=reason,
    )  # fmt: skip


def test_precision_counts_the_latest_decision_on_each_finding_with_misreadings_apart() -> None:
    rows = rule_precision(
        [
            _decision("scoring.total", Action.CONFIRM, key="a"),
            _decision("scoring.total", Action.DISMISS, DismissReason.REPORT_RIGHT, key="b"),
            _decision("scoring.total", Action.DISMISS, DismissReason.MISREAD, key="c"),
            _decision("scoring.total", Action.CONFIRM, key="d"),
            _decision("scoring.total", Action.REOPEN, key="d"),  # taken back: not counted
            _decision("scoring.total", Action.DISMISS, DismissReason.REPORT_RIGHT, key="e"),
            _decision("scoring.total", Action.CONFIRM, key="e"),  # changed its mind: the latest counts
        ]
    )
    assert rows == [RulePrecision(rule="scoring.total", confirmed=2, dismissed=2, misread=1)]
    assert rows[0].precision == 0.5 and rows[0].precision_on_right_readings == 2 / 3


def test_exports_carry_review_states_and_corrected_values_beside_the_extracted(reviewed: Path, tmp_path: Path) -> None:
    for target in ("out.xlsx", "out.csv", "out.jsonl"):
        result = runner.invoke(app, ["export", "--db", str(reviewed), "--to", str(tmp_path / target)])
        assert result.exit_code == 0, result.output
    with (tmp_path / "out_findings.csv").open(encoding="utf-8-sig") as handle:
        findings = list(csv.DictReader(handle))
    states = {
        (Path(row["文件"]).name, row["规则"]): (row["复核状态"], row["复核人"], row["排除理由"]) for row in findings
    }
    assert states[("kaiyang_2024.txt", "funding.sources_sum")] == ("已排除", "alice", "工具读错了（抽取有误）")
    assert states[("kaiyang_2024.txt", "indicators.completion")] == ("已确认", "alice", "")
    assert states[("xiling_2023.txt", "funding.execution_rate")][0] == "已更正"
    assert states[("kaiyang_2024.txt", "funding.execution_rate")] == ("", "", "")  # info: not reviewed
    funding = load_workbook(tmp_path / "out.xlsx", read_only=True)["资金来源"]
    header = [cell.value for cell in funding[1]]
    rows = [
        dict(zip(header, row, strict=False))  # read-only sheets leave trailing empty cells out
        for row in funding.iter_rows(min_row=2, values_only=True)
    ]
    budget = next(
        r for r in rows if r["文件"].endswith("xiling_2023.txt") and r["环节"] == "预算" and r["来源层级"] == "合计"
    )
    assert (budget["金额（万元）"], budget["更正金额（万元）"], budget["更正原文"]) == (1000, 900, "900万元")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    xiling = next(line for line in lines if line["path"].endswith("xiling_2023.txt"))
    assert xiling["report"]["indicators"][0]["actual"] is None
    assert xiling["review"]["corrected_report"]["indicators"][0]["actual"]["text"] == "65%"
    assert {f["state"] for f in xiling["review"]["findings"]} == {"corrected"}


def test_a_reviewers_note_is_never_a_live_formula_in_a_spreadsheet(tmp_path: Path) -> None:
    db = build_store(tmp_path)
    browser = client(db)
    page = browser.get(entry(browser, "indicators.completion", "kaiyang_2024.txt").href).text
    post(browser, page, "dismiss-form", reason="other", note='=HYPERLINK("http://evil.example","看这里")')
    for target in ("out.xlsx", "out.csv"):
        assert runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / target)]).exit_code == 0
    with (tmp_path / "out_findings.csv").open(encoding="utf-8-sig") as handle:
        notes = {row["复核说明"] for row in csv.DictReader(handle)}
    assert '\'=HYPERLINK("http://evil.example","看这里")' in notes
    sheet = load_workbook(tmp_path / "out.xlsx")["核查发现"]
    cells = [
        cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]
    assert cells and all(cell.data_type == "s" and cell.value.startswith("'") for cell in cells)
