"""Splitting long documents on section boundaries, and merging the parts' drafts."""

from __future__ import annotations

from itertools import pairwise

from conftest import SAMPLES
from jixiao.documents import Document, load_document
from jixiao.extract.llm.chunking import chunk_windows, merge_reports, sections, split_document
from jixiao.extract.llm.grounding import to_report
from jixiao.extract.llm.schema import ReportDraft
from jixiao.model import ExtractorInfo, Report


def test_a_normal_report_is_one_chunk() -> None:
    text = load_document(SAMPLES / "seed_zalantun_2025.txt").text
    assert split_document(text, 30_000) == [text]


def test_chunks_fit_start_at_headings_and_lose_nothing() -> None:
    text = load_document(SAMPLES / "seed_zalantun_2025.txt").text
    chunks = split_document(text, 3000)
    assert len(chunks) > 1
    assert "".join(chunks) == text
    assert all(len(chunk) <= 3000 for chunk in chunks)
    heads = [chunk.lstrip()[:2] for chunk in chunks[1:]]
    assert sum(head[0] in "一二三四五六七八九十（(0123456789" for head in heads) >= len(heads) - 1


def test_sections_join_back_to_the_text() -> None:
    text = "标题\n一、概况\n正文\n（一）资金\n123万元\n二、指标\n完成\n"
    assert "".join(sections(text)) == text
    assert [s.splitlines()[0] for s in sections(text)] == ["标题", "一、概况", "（一）资金", "二、指标"]


def test_an_oversized_line_is_cut_hard() -> None:
    chunks = split_document("甲" * 2500, 1000)
    assert [len(c) for c in chunks] == [1000, 1000, 500]


def _grounded(answer: dict[str, object], text: str) -> Report:
    doc = Document.from_text(text, path="m.txt", format="txt", sha256="0")
    return to_report(ReportDraft.model_validate(answer), doc, ExtractorInfo(backend="llm"))


def test_merge_keeps_first_values_and_drops_repeats() -> None:
    text = "某旗 别处 2024 新增就业≥300人 满意度≥90% 筹集120万元"
    a = _grounded({"region": "某旗", "indicators": [{"name": "新增就业", "target": {"text": "≥300人"}}]}, text)
    b = _grounded(
        {
            "region": "别处",
            "year": 2024,
            "indicators": [
                {"name": "新增就业", "target": {"text": "≥300人"}},
                {"name": "满意度", "target": {"text": "≥90%"}},
            ],
            "funding": {"budget": {"total": {"text": "120万元"}}},
        },
        text,
    )
    merged = merge_reports([a, b])
    assert (merged.region, merged.year) == ("某旗", 2024)
    assert [i.name for i in merged.indicators] == ["新增就业", "满意度"]
    assert merged.funding.budget.total is not None and merged.funding.budget.total.text == "120万元"


def test_chunk_windows_cover_the_text_in_order() -> None:
    text = "一、概况\n" + "甲" * 900 + "\n二、资金\n" + "乙" * 900 + "\n"
    windows = chunk_windows(text, 1000)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(windows))
    assert ["".join(text[s:e]) for s, e in windows] == split_document(text, 1000)
