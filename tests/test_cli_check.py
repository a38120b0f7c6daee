"""`jixiao check`: exit status gates a pipeline; bad files are named and the rest still get checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import GOLD, SAMPLES
from jixiao.cli import app

runner = CliRunner()


def _json(stdout: str) -> dict:
    return json.loads(stdout)


def test_check_samples_prints_tables_and_fails_on_the_error() -> None:
    result = runner.invoke(app, ["check", str(SAMPLES)])
    assert result.exit_code == 1, result.output  # 白水旗's total row of 0 over 90 is an error
    assert "funding.sources_sum" in result.output
    assert "seed_zalantun_2025.txt: 0 errors, 2 warnings, 6 info" in result.output


def test_fail_on_levels() -> None:
    zalantun = str(SAMPLES / "seed_zalantun_2025.txt")
    assert runner.invoke(app, ["check", zalantun]).exit_code == 0  # warnings only
    assert runner.invoke(app, ["check", zalantun, "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["check", zalantun, "--fail-on", "info"]).exit_code == 1


def test_skip_a_rule_changes_the_exit_status() -> None:
    erguna = str(SAMPLES / "seed_erguna_2024.txt")
    result = runner.invoke(app, ["check", erguna, "--skip", "indicators.count_value", "--format", "json"])
    assert result.exit_code == 0
    rules = {f["rule"] for f in _json(result.stdout)["reports"][0]["findings"]}
    assert "indicators.count_value" not in rules and "funding.executed_within_budget" in rules


def test_json_output_carries_figures_with_spans() -> None:
    result = runner.invoke(app, ["check", str(SAMPLES / "seed_zalantun_2025.txt"), "--format", "json"])
    report = _json(result.stdout)["reports"][0]
    share = next(f for f in report["findings"] if f["rule"] == "spending.share")
    assert share["severity"] == "warning" and share["found"] == 24.27
    assert share["figures"][0]["path"] == "spending[5].share" and share["figures"][0]["span"]["end"] > 0
    assert report["region"] == "扎兰屯市" and report["year"] == 2025


def test_check_extracted_json_reuses_the_source_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(SAMPLES), "--out", str(out)]).exit_code == 0
    result = runner.invoke(app, ["check", str(out / "seed_zalantun_2025.json"), "--format", "json"])
    rules = {f["rule"] for f in _json(result.stdout)["reports"][0]["findings"]}
    assert "narrative.claims_all_met" in rules and "engine.no_text" not in rules


def test_check_json_whose_source_is_gone_runs_without_narrative(tmp_path: Path) -> None:
    data = json.loads((GOLD / "seed_zalantun_2025.json").read_text(encoding="utf-8"))
    data["source"]["path"] = str(tmp_path / "moved-away.txt")
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    rules = {f["rule"] for f in _json(result.stdout)["reports"][0]["findings"]}
    assert "engine.no_text" in rules and "spending.share" in rules


def test_bad_files_are_named_and_the_others_still_checked(tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "seed_zalantun_2025.txt", tmp_path / "a_good.txt")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_broken.json").write_text('{"source": 1}', encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 1  # one convention for every command: a file that cannot be read exits 1
    assert "b_empty.txt: empty file" in result.output
    assert "c_broken.json: not a report JSON" in result.output
    document = _json(result.stdout)
    assert [Path(r["path"]).name for r in document["reports"]] == ["a_good.txt"]
    assert len(document["errors"]) == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check"]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path / "nope.txt")]).exit_code == 2
    unknown = runner.invoke(app, ["check", str(SAMPLES), "--skip", "no.such_rule"])
    assert unknown.exit_code == 2 and "no.such_rule" in unknown.output
    bad_config = tmp_path / "c.toml"
    bad_config.write_text("k = [", encoding="utf-8")
    result = runner.invoke(app, ["check", str(SAMPLES), "--config", str(bad_config)])
    assert result.exit_code == 2 and "c.toml" in result.output


def test_config_file_changes_a_threshold(tmp_path: Path) -> None:
    config = tmp_path / "checks.toml"
    config.write_text("execution_explain_below = 99.9\n", encoding="utf-8")
    zalantun = str(SAMPLES / "seed_zalantun_2025.txt")
    default = runner.invoke(app, ["check", zalantun, "--format", "json"])
    assert "narrative.low_execution_unexplained" not in {
        f["rule"] for f in _json(default.stdout)["reports"][0]["findings"]
    }
    result = runner.invoke(app, ["check", zalantun, "--config", str(config), "--format", "json"])
    rules = {f["rule"] for f in _json(result.stdout)["reports"][0]["findings"]}
    assert "narrative.low_execution_unexplained" in rules  # 99.57 % < 99.9 %, and 扎兰屯 gives no cause


def test_list_rules() -> None:
    result = runner.invoke(app, ["check", "--list-rules", "--format", "json"])
    assert result.exit_code == 0
    ids = [r["rule"] for r in json.loads(result.stdout)]
    assert "funding.sources_sum" in ids and "scoring.grade" in ids


def test_relative_source_path_is_found_from_the_json_location(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # gold names samples/… relative to the repository, not to here
    result = runner.invoke(app, ["check", str(GOLD / "seed_zalantun_2025.json"), "--format", "json"])
    rules = {f["rule"] for f in _json(result.stdout)["reports"][0]["findings"]}
    assert "narrative.claims_all_met" in rules and "engine.no_text" not in rules


def test_check_ends_with_a_total_line_naming_the_backend() -> None:
    result = runner.invoke(app, ["check", *(str(p) for p in sorted(SAMPLES.glob("seed_*.txt")))])
    total = next(line for line in result.stdout.splitlines() if line.startswith("checked "))
    assert total.startswith("checked 2 reports (backend: rules): 0 errors, ")
    assert total.endswith("; 0 could not be read")
    assert result.stdout.strip().splitlines()[-1] == "reading status: 已读取 read 2"


def test_a_report_with_nothing_found_is_never_shown_as_clean(tmp_path: Path) -> None:
    (tmp_path / "notice.txt").write_text(
        "关于做好财政资金管理工作的通知\n\n请各单位认真做好有关工作。\n" * 3, encoding="utf-8"
    )
    result = runner.invoke(app, ["check", str(tmp_path / "notice.txt")])
    assert "notice.txt: 未找到数据 nothing found; 0 errors, 0 warnings, 0 info" in result.stdout
    as_json = runner.invoke(app, ["check", str(tmp_path / "notice.txt"), "--format", "json"])
    assert _json(as_json.stdout)["reports"][0]["status"] == "nothing"
