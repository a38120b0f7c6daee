"""Pairing the repeated items of an extracted report with those of its gold.

Indicators are matched by program + name, normalized (width, spaces and punctuation folded) and then
fuzzily (rapidfuzz ratio), so `社会保险补贴人数` in the output still meets `享受社会保险补贴人数` in the gold and a
small wording difference costs nothing, while `资金发放准确率` and `资金下达准确率` stay two indicators. Funding
rows are paired by source level (central, provincial …) in order; spending rows by category, like names.

Every item gets a key that names it in fact paths: the gold's key for a matched output item, a key of its
own for an unmatched one. Keys are readable: `就业补助资金/享受社会保险补贴人数`, `central`, `社会保险补贴`; a
repeated key gets `#2`, `#3`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from jixiao.documents.traditional import simplified
from jixiao.model import Report

MATCH_THRESHOLD = 80.0
"""Least rapidfuzz ratio (0–100) at which two normalized names are the same item.

80 joins 城镇新增就业人数 / 城镇新增就业 (86) and 政策知晓率真 / 政策知晓率 (95) but keeps 资金发放准确率 and
资金下达准确率 (71) apart."""

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def normalize_label(text: str | None) -> str:
    """Fold width, case and script (traditional → simplified), drop spaces and punctuation.

    Only for comparing names, never for figures: a report in traditional characters names its
    indicators 就業…, which is the same indicator as 就业….
    """
    if not text:
        return ""
    return _NOISE.sub("", simplified(unicodedata.normalize("NFKC", text))).lower()


@dataclass(frozen=True)
class Label:
    """What identifies one repeated item: its group (indicator program), its name, a tie-break hint."""

    name: str
    group: str | None = None
    hint: str | None = None


@dataclass
class ItemKeys:
    """Keys of a report's repeated items, aligned with the lists they name."""

    indicators: list[str] = field(default_factory=list)
    spending: list[str] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)


def _unique(key: str, used: set[str]) -> str:
    candidate, count = key, 1
    while candidate in used:
        count += 1
        candidate = f"{key}#{count}"
    used.add(candidate)
    return candidate


def indicator_label(program: str | None, name: str, level2: str | None = None) -> Label:
    return Label(name=name, group=program, hint=level2)


def _indicator_key(label: Label) -> str:
    group = re.sub(r"\s+", "", label.group or "") or "-"
    name = re.sub(r"\s+", "", label.name)
    return f"{group}/{name}"


def _spending_key(label: Label) -> str:
    return re.sub(r"\s+", "", label.name)


def _own_keys(labels: list[Label], key_of: Callable[[Label], str]) -> list[str]:
    used: set[str] = set()
    return [_unique(key_of(label), used) for label in labels]


def pair_labels(gold: list[Label], output: list[Label], threshold: float = MATCH_THRESHOLD) -> dict[int, int]:
    """Output index -> gold index, one to one; exact normalized matches first, then the closest names.

    Ties (the same indicator name under two programs or two second-level headings) go to the pair whose
    group and hint agree and which stand nearest in list order.
    """
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for gi, want in enumerate(gold):
        for oi, have in enumerate(output):
            name_score = fuzz.ratio(normalize_label(want.name), normalize_label(have.name))
            if name_score < threshold:
                continue
            if want.group and have.group:
                group_score = fuzz.ratio(normalize_label(want.group), normalize_label(have.group))
                if group_score < threshold:
                    continue
            else:
                group_score = 50.0 if want.group or have.group else 100.0
            hint_agrees = normalize_label(want.hint) == normalize_label(have.hint)
            rank = (-name_score, -group_score, 0.0 if hint_agrees else 1.0, float(abs(gi - oi)))
            candidates.append((rank, gi, oi))
    candidates.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, oi in candidates:
        if oi in pairs or gi in taken:
            continue
        pairs[oi] = gi
        taken.add(gi)
    return pairs


def _keys_for_output(gold_keys: list[str], pairs: dict[int, int], own: list[str]) -> list[str]:
    used = set(gold_keys)
    keys: list[str] = []
    for oi, own_key in enumerate(own):
        if oi in pairs:
            keys.append(gold_keys[pairs[oi]])
        else:
            keys.append(_unique(own_key.split("#")[0], used))
    return keys


def _indicator_labels(report: Report) -> list[Label]:
    return [indicator_label(i.program, i.name, i.level2) for i in report.indicators]


def _spending_labels(report: Report) -> list[Label]:
    return [Label(name=item.category) for item in report.spending]


def _source_keys(report: Report) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for line in ("initial", "budget", "allocated", "executed"):
        used: set[str] = set()
        rows = getattr(report.funding, line).by_source
        keys[line] = [_unique(str(row.source), used) for row in rows]
    return keys


def own_keys(report: Report) -> ItemKeys:
    """Keys of a report on its own (a gold report, or any report not compared with one)."""
    return ItemKeys(
        indicators=_own_keys(_indicator_labels(report), _indicator_key),
        spending=_own_keys(_spending_labels(report), _spending_key),
        sources=_source_keys(report),
    )


def matched_keys(output: Report, gold: Report, gold_keys: ItemKeys) -> ItemKeys:
    """Keys of an output report, borrowing the gold's key for every item matched to a gold item."""
    indicator_pairs = pair_labels(_indicator_labels(gold), _indicator_labels(output))
    spending_pairs = pair_labels(_spending_labels(gold), _spending_labels(output))
    mine = own_keys(output)
    return ItemKeys(
        indicators=_keys_for_output(gold_keys.indicators, indicator_pairs, mine.indicators),
        spending=_keys_for_output(gold_keys.spending, spending_pairs, mine.spending),
        sources=mine.sources,
    )
