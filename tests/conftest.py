"""Shared fixtures: paths to the bundled samples and gold labels."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "eval" / "gold"
SEEDS = ["seed_erguna_2024", "seed_zalantun_2025"]


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the developer's keys or endpoints, and every test gets an empty LLM cache."""
    for name in list(os.environ):
        if name.startswith(("JIXIAO_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("JIXIAO_CACHE_DIR", str(tmp_path_factory.mktemp("llm-cache")))


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def gold_dir() -> Path:
    return GOLD
