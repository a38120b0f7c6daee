"""Prompts are data: each renders, and its worked example quotes its own text verbatim."""

from __future__ import annotations

import json

import pytest

from jixiao.documents import Document
from jixiao.extract.llm.grounding import to_report
from jixiao.extract.llm.prompts import load_prompt, prompt_ids
from jixiao.extract.llm.schema import RESPONSE_MODELS
from jixiao.model import ExtractorInfo, Grounding, figures_of

PROMPTS = prompt_ids()
EXTRACTION_PROMPTS = [p for p in PROMPTS if load_prompt(p).response in RESPONSE_MODELS]


def test_there_is_a_prompt() -> None:
    assert "extract_report" in PROMPTS


@pytest.mark.parametrize("prompt_id", PROMPTS)
def test_prompt_renders_with_document_inside_the_delimiters(prompt_id: str) -> None:
    prompt = load_prompt(prompt_id)
    system, user = prompt.messages("报告正文：筹集资金100万元。", chunk_number=2, chunk_count=3)
    assert system["role"] == "system" and "<document>" in system["content"]
    assert (
        user["content"].index("<document>")
        < user["content"].index("筹集资金100万元")
        < user["content"].index("</document>")
    )
    assert "第 2/3 部分" in user["content"] or "chunk_count" not in prompt.user
    assert prompt.tag == f"{prompt.id}@{prompt.version}"


@pytest.mark.parametrize("prompt_id", EXTRACTION_PROMPTS)
def test_worked_example_figures_occur_verbatim_in_its_text(prompt_id: str) -> None:
    prompt = load_prompt(prompt_id)
    draft = RESPONSE_MODELS[prompt.response].model_validate(json.loads(prompt.example_output))
    example = Document.from_text(prompt.example_text, path="example", format="txt", sha256="0")
    report = to_report(draft, example, ExtractorInfo(backend="llm"))
    figures = [figure for _, figure in figures_of(report)]
    assert len(figures) >= 5
    assert [f.text for f in figures if f.grounding is not Grounding.EXACT] == []
    for figure in figures:  # the example's own value agrees with what its text says
        assert figure.text in prompt.example_text
