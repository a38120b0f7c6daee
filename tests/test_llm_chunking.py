"""Splitting long documents on section boundaries, and merging the parts' drafts."""

from __future__ import annotations

from conftest import SAMPLES
from jixiao.documents import load_document
from jixiao.extract.llm.chunking import merge_drafts, sections, split_document
from jixiao.extract.llm.schema import ReportDraft


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


def test_merge_keeps_first_values_and_drops_repeats() -> None:
    a = ReportDraft.model_validate(
        {"region": "某旗", "indicators": [{"name": "新增就业", "target": {"text": "≥300人"}}], "spending": []}
    )
    b = ReportDraft.model_validate(
        {
            "region": "别处",
            "year": 2024,
            "indicators": [{"name": "新增就业", "target": {"text": "≥300人"}}, {"name": "满意度"}],
            "funding": {"budget": {"total": {"text": "120万元"}}},
        }
    )
    merged = merge_drafts([a, b])
    assert (merged.region, merged.year) == ("某旗", 2024)
    assert [i.name for i in merged.indicators] == ["新增就业", "满意度"]
    assert merged.funding.budget.total is not None and merged.funding.budget.total.text == "120万元"
