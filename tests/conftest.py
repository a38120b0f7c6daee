"""Shared fixtures: paths to the bundled samples and gold labels."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "eval" / "gold"
SEEDS = ["seed_erguna_2024", "seed_zalantun_2025"]


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def gold_dir() -> Path:
    return GOLD
