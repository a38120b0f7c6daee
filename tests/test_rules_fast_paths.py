"""The rules backend's cheaper scans find exactly what the plain scans they replace find.

Each fast path (coverage's counting sentences, the indicator reader's second-level headings) is compared
with the straightforward scan it stands for, on every own sample text and on random texts built from the
pieces those scans turn on (sentence marks, digits, units, line breaks, numbering, level words).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract.rules import coverage, indicators

SAMPLES = sorted((Path(__file__).parent.parent / "samples").glob("*.txt"))
TEXTS = [load_document(path).text for path in SAMPLES]  # as the reader gets them (some are in GBK)
_SENTENCE = re.compile(r"[^。；;\n]+")  # coverage's sentences, visited one by one before the fast path


class _Region:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _plain_counting(text: str, regions: list[_Region]) -> list[tuple[int, int]]:
    spans = coverage._Spans((region.start, region.end) for region in regions)
    found = (sentence.span() for sentence in _SENTENCE.finditer(text))
    return [span for span in found if not spans.overlaps(span) and coverage._MAY_COUNT.search(text, *span)]


def _fast_counting(text: str, regions: list[_Region]) -> list[tuple[int, int]]:
    spans = coverage._Spans((region.start, region.end) for region in regions)
    found = coverage._counting_sentences(text, spans)
    return [span for span in found if not spans.overlaps(span) and coverage._MAY_COUNT.search(text, *span)]


def _random_texts(pieces: list[str], count: int, seed: int) -> list[str]:
    chooser = random.Random(seed)
    return ["".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 30))) for _ in range(count)]


def test_samples_are_there() -> None:
    assert len(TEXTS) > 40


def test_counting_sentences_are_the_sentences_the_plain_scan_counts() -> None:
    chooser = random.Random(7)
    texts = list(TEXTS)
    texts += _random_texts(["1", "2", " ", "\n", "。", "；", ";", "万元", "%", "人", "a", "，", "\t"], 20000, 11)
    counted = 0
    for text in texts:
        regions: list[_Region] = []
        for _ in range(chooser.randint(0, 3)):  # tables: empty, short and long, overlapping or not
            start = chooser.randint(0, len(text))
            regions.append(_Region(start, min(len(text), start + chooser.choice([0, 1, 4, 40, 400]))))
        plain = _plain_counting(text, regions)
        assert _fast_counting(text, regions) == plain, (text[:80], [(r.start, r.end) for r in regions])
        counted += len(plain)
    assert counted > 1000  # the comparison saw many sentences that count


def test_second_level_headings_are_the_pattern_s_matches() -> None:
    def found(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(match.span(), match.groupdict()) for match in matches]

    texts = list(TEXTS)
    pieces = ["\n", " ", "\t", "1、", "(2)", "（三）", "②", "经济效益", "数量", "指标", "指标值", "目标", "。", "："]
    texts += _random_texts([*pieces, "产出", "质量", "（10分）", "x", "满意度", "可持续影响", "分析"], 20000, 13)
    headings = 0
    for text in texts:
        plain = list(indicators._LEVEL2_HEADING.finditer(text))
        assert found(indicators._level2_headings(text)) == found(plain), text[:80]
        headings += len(plain)
    assert headings > 500
