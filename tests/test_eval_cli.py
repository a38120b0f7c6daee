"""`jixiao eval` and `jixiao label` on a small gold folder built from the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pytest import MonkeyPatch
from typer.testing import CliRunner

from conftest import GOLD, SAMPLES
from jixiao.cli import app
from jixiao.evaluation import load_run

runner = CliRunner()
SEED = "seed_erguna_2024"


def _gold_dir(tmp_path: Path, *, wrong_budget: bool = False, reviewed: bool = True) -> Path:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    data = json.loads((GOLD / f"{SEED}.json").read_text(encoding="utf-8"))
    if wrong_budget:
        data["funding"]["budget"]["total"]["value"] = 1435.98
    data["gold"]["reviewed"] = reviewed
    (gold_dir / f"{SEED}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return gold_dir


def _eval(gold_dir: Path, results: Path, *extra: str) -> tuple[int, str]:
    args = ["eval", "--gold-dir", str(gold_dir), "--samples-dir", str(SAMPLES), "--results-dir", str(results)]
    result = runner.invoke(app, [*args, *extra])
    return result.exit_code, result.output


def test_eval_prints_the_table_and_writes_a_result(tmp_path: Path) -> None:
    code, output = _eval(_gold_dir(tmp_path), tmp_path / "results")
    assert code == 0, output
    assert "backend: rules" in output and SEED in output and "indicator target" in output
    [written] = (tmp_path / "results").glob("*-rules-own.json")
    run = load_run(written)
    assert run.backend == "rules" and run.timestamp and run.schema_version
    assert run.overall.facts.f1 == 1.0
    assert [s.stem for s in run.samples] == [SEED]


def test_min_f1_fails_the_run_below_the_bar(tmp_path: Path) -> None:
    code, output = _eval(_gold_dir(tmp_path, wrong_budget=True), tmp_path / "results", "--min-f1", "0.999", "-d")
    assert code == 1
    assert "below --min-f1" in output
    assert "funding.budget.total: gold '1435.89万元 [1435.98 万元]' · output '1435.89万元'" in output


def test_thresholds_file_gates_the_run(tmp_path: Path) -> None:
    limits = tmp_path / "thresholds.toml"
    limits.write_text('[rules]\n"family.funding totals" = 0.9\n', encoding="utf-8")
    code, output = _eval(_gold_dir(tmp_path, wrong_budget=True), tmp_path / "r", "--thresholds", str(limits))
    assert code == 1
    assert "family.funding totals" in output and "below the threshold" in output


def test_unreviewed_gold_is_left_out_with_a_note(tmp_path: Path) -> None:
    code, output = _eval(_gold_dir(tmp_path, reviewed=False), tmp_path / "results")
    assert code == 2
    assert "not reviewed" in output


def test_compare_shows_the_change_between_two_runs(tmp_path: Path) -> None:
    _eval(_gold_dir(tmp_path), tmp_path / "a")
    shutil.rmtree(tmp_path / "gold")
    _eval(_gold_dir(tmp_path, wrong_budget=True), tmp_path / "b")
    [a], [b] = (tmp_path / "a").glob("*.json"), (tmp_path / "b").glob("*.json")
    result = runner.invoke(app, ["eval", "--compare", str(a), str(b)])
    assert result.exit_code == 0, result.output
    assert "family.funding totals" in result.output
    assert "-0.400" in result.output  # funding totals: 4 of 4 agree before, 3 of 5 after
    assert "scored different samples" not in result.output


def test_compare_rejects_a_file_that_is_not_a_result(tmp_path: Path) -> None:
    bogus = tmp_path / "x.json"
    bogus.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--compare", str(bogus), str(bogus)])
    assert result.exit_code == 2
    assert "not an eval result file" in result.output


def test_label_writes_an_unreviewed_draft_without_spans(tmp_path: Path) -> None:
    result = runner.invoke(app, ["label", str(SAMPLES / f"{SEED}.txt"), "--gold-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / f"{SEED}.json").read_text(encoding="utf-8")
    draft = json.loads(text)
    assert draft["gold"]["reviewed"] is False
    assert draft["indicators"] and '"span"' not in text and '"found_by"' not in text
    again = runner.invoke(app, ["label", str(SAMPLES / f"{SEED}.txt"), "--gold-dir", str(tmp_path)])
    assert again.exit_code == 1 and "--force" in again.output
    forced = runner.invoke(app, ["label", str(SAMPLES / f"{SEED}.txt"), "--gold-dir", str(tmp_path), "--force"])
    assert forced.exit_code == 0


def test_label_never_overwrites_a_reviewed_gold_file(tmp_path: Path) -> None:
    gold_dir = _gold_dir(tmp_path)
    before = (gold_dir / f"{SEED}.json").read_text(encoding="utf-8")
    args = ["label", str(SAMPLES / f"{SEED}.txt"), "--gold-dir", str(gold_dir), "--force"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "already reviewed" in result.output
    assert (gold_dir / f"{SEED}.json").read_text(encoding="utf-8") == before


def test_eval_runs_the_llm_backend_and_labels_replayed_numbers(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    from jixiao.extract.llm import extractor as llm_extractor
    from llm_fakes import ScriptedClient
    from test_llm_extractor import ZALANTUN_DRAFT

    client = ScriptedClient().enqueue(ZALANTUN_DRAFT)
    monkeypatch.setattr(llm_extractor, "default_client_factory", lambda settings: lambda: client)
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    shutil.copy(GOLD / "seed_zalantun_2025.json", gold_dir)
    code, output = _eval(gold_dir, tmp_path / "results", "--backend", "llm", "--model", "m1", "--replayed")
    assert code == 0, output
    assert "backend: llm · model: m1 · replayed (cassettes, not model accuracy)" in output
    [written] = (tmp_path / "results").glob("*-llm-own.json")
    run = load_run(written)
    assert (run.backend, run.model, run.replayed) == ("llm", "m1", True)
    assert run.prompt_version
    assert len(client.requests) == 1


def test_the_rules_backend_takes_no_model(tmp_path: Path) -> None:
    code, output = _eval(_gold_dir(tmp_path), tmp_path / "results", "--model", "m1")
    assert code == 2
    assert "the rules backend takes no --model" in output


def test_an_unreadable_gold_file_is_noted_and_the_rest_is_scored(tmp_path: Path) -> None:
    gold_dir = _gold_dir(tmp_path)
    (gold_dir / "broken.json").write_text("{not json", encoding="utf-8")
    code, output = _eval(gold_dir, tmp_path / "results")
    assert code == 0, output
    assert "broken.json: cannot read gold JSON" in output
    assert SEED in output


def test_suggested_thresholds_sit_a_little_below_the_run(tmp_path: Path) -> None:
    code, output = _eval(_gold_dir(tmp_path, wrong_budget=True), tmp_path / "r", "--suggest-thresholds")
    assert code == 0, output
    assert "[rules]" in output
    assert '"family.funding totals" = 0.58  # measured 0.600' in output
    assert '"facts.recall" = 0.97  # measured 0.993' in output


def _real_set(tmp_path: Path, *, with_text: bool) -> Path:
    """A project folder whose real set is one seed, its text kept outside (JIXIAO_REAL_DIR)."""
    project = tmp_path / "project"
    shutil.copytree(_gold_dir(tmp_path), project / "eval" / "real" / "gold")
    texts = tmp_path / "real-texts"
    texts.mkdir()
    if with_text:
        shutil.copy(SAMPLES / f"{SEED}.txt", texts / f"{SEED}.txt")
    return project


def test_the_real_set_is_scored_apart_from_the_texts_outside_the_project(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    project = _real_set(tmp_path, with_text=True)
    monkeypatch.chdir(project)
    monkeypatch.setenv("JIXIAO_REAL_DIR", str(tmp_path / "real-texts"))
    result = runner.invoke(app, ["eval", "--suite", "real", "--results-dir", str(tmp_path / "results")])
    assert result.exit_code == 0, result.output
    assert "real published documents nobody here wrote" in result.output
    [written] = (tmp_path / "results").glob("*-rules-real.json")
    assert load_run(written).suite == "real"


def test_a_real_gold_whose_text_is_absent_is_left_out_with_a_note(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.chdir(_real_set(tmp_path, with_text=False))
    monkeypatch.setenv("JIXIAO_REAL_DIR", str(tmp_path / "real-texts"))
    result = runner.invoke(app, ["eval", "--suite", "real", "--results-dir", str(tmp_path / "results")])
    assert result.exit_code == 2
    assert f"no sample named {SEED}" in result.output


def test_a_real_gold_whose_text_changed_is_left_out(tmp_path: Path, monkeypatch: MonkeyPatch) -> None:
    project = _real_set(tmp_path, with_text=True)
    with (tmp_path / "real-texts" / f"{SEED}.txt").open("a", encoding="utf-8") as text:
        text.write("\n附：修改后的一行\n")
    monkeypatch.chdir(project)
    monkeypatch.setenv("JIXIAO_REAL_DIR", str(tmp_path / "real-texts"))
    result = runner.invoke(app, ["eval", "--suite", "real", "--results-dir", str(tmp_path / "results")])
    assert result.exit_code == 2
    assert "changed since it was labelled" in result.output
