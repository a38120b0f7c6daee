"""`jixiao extract --backend llm|auto` end to end with a scripted model (no HTTP)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.cli import app
from jixiao.documents import load_document
from jixiao.extract import extract, get_extractor, resolve_backend
from jixiao.extract.llm import extractor as llm_extractor
from jixiao.model import Report
from jixiao.settings import load_settings
from llm_fakes import ScriptedClient
from test_llm_extractor import ZALANTUN_DRAFT

runner = CliRunner()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """The two seed reports alone (samples/ also holds other formats, which would need more scripted answers)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in SAMPLES.glob("seed_*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> ScriptedClient:
    client = ScriptedClient()
    monkeypatch.setattr(llm_extractor, "default_client_factory", lambda settings: lambda: client)
    return client


def test_extract_with_llm_writes_valid_reports(tmp_path: Path, scripted: ScriptedClient, seeds: Path) -> None:
    scripted.enqueue(ZALANTUN_DRAFT, ZALANTUN_DRAFT)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(seeds), "--backend", "llm", "--out", str(out), "--model", "m1"])
    assert result.exit_code == 0, result.output
    assert "backend: llm, model m1" in result.output
    written = sorted(out.glob("*.json"))
    assert len(written) == 2
    for path in written:
        report = Report.model_validate_json(path.read_text(encoding="utf-8"))
        assert report.extractor.backend == "llm"


def test_a_key_in_the_environment_does_not_switch_the_default_backend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-key")
    for command in (["extract", str(seeds), "--out", str(tmp_path / "out")], ["check", str(seeds)]):
        result = runner.invoke(app, command)
        assert "(backend: rules)" in result.output, result.output
        assert result.exit_code in (0, 1)  # check exits 1 on the 额尔古纳 error finding


def test_auto_runs_hybrid_when_configured_and_says_so(
    tmp_path: Path, scripted: ScriptedClient, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    monkeypatch.setenv("JIXIAO_API_KEY", "sk-test-not-a-key")
    scripted.enqueue(ZALANTUN_DRAFT, ZALANTUN_DRAFT)
    result = runner.invoke(app, ["extract", str(seeds), "--backend", "auto", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "backend: hybrid, model gpt-4o-mini (auto: LLM endpoint configured)" in result.output
    assert "sk-test-not-a-key" not in result.output
    assert "sk-test-not-a-key" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.json"))


def test_auto_falls_back_to_rules_and_says_why(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "--backend", "auto", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "backend: rules (auto: no LLM endpoint configured)" in result.output


def test_llm_options_with_the_rules_backend_are_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(SAMPLES), "--db", str(tmp_path / "j.db"), "--base-url", "http://x/v1"])
    assert result.exit_code == 2
    assert "takes no --model, --base-url or --model-file (add --backend hybrid or llm)" in result.output


def test_llm_without_endpoint_is_one_clear_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SAMPLES), "--backend", "llm", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "error: the llm backend needs an endpoint" in result.output
    assert "Traceback" not in result.output


def test_bad_file_and_failing_report_do_not_stop_the_llm_batch(tmp_path: Path, scripted: ScriptedClient) -> None:
    from jixiao.errors import ExtractionError

    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(SAMPLES / "seed_erguna_2024.txt", batch / "a.txt")
    (batch / "b_empty.txt").write_bytes(b"")
    shutil.copy(SAMPLES / "seed_zalantun_2025.txt", batch / "c.txt")
    scripted.enqueue(ExtractionError("x", "model output did not validate after 3 attempt(s)"), ZALANTUN_DRAFT)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["extract", str(batch), "--backend", "llm", "--base-url", "http://127.0.0.1:1/v1", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "b_empty.txt: empty file" in result.output
    assert "did not validate" in result.output
    assert len(list(out.glob("*.json"))) == 1


def test_library_registry_keeps_rules_default_and_resolves_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = load_document(SAMPLES / "seed_erguna_2024.txt")
    assert extract(doc).extractor.backend == "rules"
    assert extract(doc, "rules").extractor.backend == "rules"
    assert resolve_backend("auto", load_settings()) == "rules"
    assert resolve_backend("auto", load_settings(base_url="http://127.0.0.1:11434/v1")) == "hybrid"
    assert type(get_extractor("llm", load_settings(api_key="k"))).__name__ == "LlmExtractor"


def test_an_unreachable_endpoint_stops_the_batch_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    monkeypatch.setenv("JIXIAO_TRANSPORT_RETRIES", "0")
    monkeypatch.setenv("JIXIAO_API_KEY", "sk-test-not-a-key")
    for name in ("c", "d", "e"):
        shutil.copy(SAMPLES / "seed_erguna_2024.txt", seeds / f"{name}.txt")
    url = "http://127.0.0.1:9/v1"  # the discard port: nothing listens there
    result = runner.invoke(
        app, ["extract", str(seeds), "--backend", "llm", "--base-url", url, "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    assert f"cannot connect to {url}" in errors[0] and "--backend rules" in errors[0]
    assert not list(tmp_path.glob("*.json"))
