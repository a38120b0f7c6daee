"""The rules backend reproduces the hand-labelled gold of both seed reports, figure by figure."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from conftest import GOLD, SAMPLES, SEEDS
from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.model import figures_of

FIGURE_FIELDS = ("text", "value", "unit", "op", "kind")


def _figure(figure: dict[str, Any] | None) -> tuple[Any, ...] | None:
    return None if figure is None else tuple(figure[field] for field in FIGURE_FIELDS)


def _indicator(indicator: dict[str, Any]) -> dict[str, Any]:
    return {
        "program": indicator["program"],
        "level1": indicator["level1"],
        "level2": indicator["level2"],
        "name": re.sub(r"\s+", "", indicator["name"]),
        "target": _figure(indicator["target"]),
        "actual": _figure(indicator["actual"]),
        "completion": _figure(indicator["completion"]),
        "has_reason": bool(indicator["deviation_reason"]),
        "breakdown": [(part["name"], _figure(part["figure"])) for part in indicator["breakdown"]],
    }


def _funding_line(line: dict[str, Any]) -> dict[str, Any]:
    return {
        "total": _figure(line["total"]),
        "by_source": [(row["source"], row["name"], _figure(row["amount"])) for row in line["by_source"]],
    }


def _load(seed: str) -> tuple[dict[str, Any], dict[str, Any]]:
    gold = json.loads((GOLD / f"{seed}.json").read_text(encoding="utf-8"))
    report = extract(load_document(SAMPLES / f"{seed}.txt"), "rules")
    return gold, report.model_dump(mode="json")


@pytest.mark.parametrize("seed", SEEDS)
def test_header_matches_gold(seed: str) -> None:
    gold, got = _load(seed)
    for field in ("title", "region", "fund", "year"):
        assert got[field] == gold[field], field


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("line", ["budget", "allocated", "executed"])
def test_funding_matches_gold(seed: str, line: str) -> None:
    gold, got = _load(seed)
    assert _funding_line(got["funding"][line]) == _funding_line(gold["funding"][line])


@pytest.mark.parametrize("seed", SEEDS)
def test_execution_rate_and_spending_match_gold(seed: str) -> None:
    gold, got = _load(seed)
    assert _figure(got["funding"]["execution_rate"]) == _figure(gold["funding"]["execution_rate"])
    spending = [(s["category"], _figure(s["amount"]), _figure(s["share"])) for s in got["spending"]]
    assert spending == [(s["category"], _figure(s["amount"]), _figure(s["share"])) for s in gold["spending"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_every_indicator_matches_gold(seed: str) -> None:
    gold, got = _load(seed)
    expected = [_indicator(i) for i in gold["indicators"]]
    found = [_indicator(i) for i in got["indicators"]]
    for index, (want, have) in enumerate(zip(expected, found, strict=False)):
        assert have == want, f"indicator {index}: {want['name']}"
    assert len(found) == len(expected)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_span_points_at_its_text(seed: str) -> None:
    document = load_document(SAMPLES / f"{seed}.txt")
    figures = [figure for _, figure in figures_of(extract(document, "rules"))]
    assert len(figures) > 50
    for figure in figures:
        assert figure.span is not None
        assert document.text[figure.span.start : figure.span.end] == figure.text
        assert figure.found_by
