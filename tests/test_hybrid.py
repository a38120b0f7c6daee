"""The hybrid backend: rules first, the model only for the passages rules left unread, merged without overwriting.

Coverage is built by hand here (the rules backend fills `coverage.unread` itself once issue 11 lands), and the
model is a function of what it is shown (llm_fakes.FunctionClient), so each test states the passage and the
answer it would give.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jixiao.checks import run_checks
from jixiao.documents import Document
from jixiao.errors import ConfigError, ExtractionError
from jixiao.extract import get_extractor, resolve_backend
from jixiao.extract.hybrid import HybridExtractor, unread_passages
from jixiao.extract.hybrid.evidence import UNNAMED_SENTENCE
from jixiao.extract.hybrid.merge import TAKEN, unfit
from jixiao.extract.llm.grounding import NOT_IN_TEXT, UNNAMED
from jixiao.extract.rules import extract_rules
from jixiao.model import Coverage, Figure, Grounding, Kind, Report, Span, figures_of
from jixiao.settings import load_settings
from llm_fakes import FunctionClient, ScriptedClient, user_text

TEXT = (
    "某县2024年度就业补助资金绩效自评报告\n"
    "全县筹集就业补助资金150.00万元，全年支出140.00万元，执行率为93.33%。\n"
    "城镇新增就业人数指标值为≥200人，实际完成210人。\n"
    "技能培训方面，全年组织培训共计402人次，比计划的380人次多出不少。\n"
    "经核实，城镇新增就业人数实际为201人。\n"
)
TRAINING = "技能培训方面，全年组织培训共计402人次，比计划的380人次多出不少。"
RECHECK = "经核实，城镇新增就业人数实际为201人。"


def document(text: str = TEXT) -> Document:
    return Document.from_text(text, path="h.txt", format="txt", sha256="h")


def span_of(doc: Document, passage: str) -> Span:
    start = doc.text.index(passage)
    return Span(start=start, end=start + len(passage))


def rules_with(*passages: str, measured: bool = True) -> Callable[[Document], Report]:
    """The rules backend, with coverage saying the given passages were left unread (or with none)."""

    def read(doc: Document) -> Report:
        report = extract_rules(doc)
        unread = [span_of(doc, p) for p in passages if p in doc.text]
        report.coverage = Coverage(figures=9, read=5, unread=unread) if measured else None
        return report

    return read


def answer_training(messages: list[dict[str, str]]) -> dict[str, Any]:
    shown = user_text(messages)
    answer: dict[str, Any] = {"indicators": []}
    if "402人次" in shown:
        answer["indicators"].append({"name": "技能培训", "target": {"text": "380人次"}, "actual": {"text": "402人次"}})
    if "201人" in shown:
        answer["indicators"].append({"name": "城镇新增就业人数", "actual": {"text": "201人"}})
    return answer


def hybrid(
    client: FunctionClient | ScriptedClient, rules: Callable[[Document], Report], tmp_path: Path
) -> HybridExtractor:
    settings = load_settings(cache_dir=tmp_path / "cache", api_key="sk-test")
    return HybridExtractor(settings, client_factory=lambda: client, rules=rules)


def test_auto_picks_hybrid_when_a_model_is_configured() -> None:
    assert resolve_backend("auto", load_settings(base_url="http://127.0.0.1:9/v1")) == "hybrid"
    assert resolve_backend("auto", load_settings()) == "rules"
    assert isinstance(get_extractor("hybrid", load_settings(api_key="sk-test")), HybridExtractor)


def test_nothing_unread_means_no_call(tmp_path: Path) -> None:
    client = FunctionClient(answer_training)
    report = hybrid(client, rules_with(), tmp_path)(document())
    assert client.requests == []
    assert report.extractor.backend == "hybrid" and report.extractor.usage is not None
    assert report.extractor.usage.calls == 0
    assert report.indicators == extract_rules(document()).indicators
    assert any("no model call" in note for note in report.notes)


def test_unmeasured_coverage_sends_nothing_and_says_so(tmp_path: Path) -> None:
    client = FunctionClient(answer_training)
    report = hybrid(client, rules_with(measured=False), tmp_path)(document())
    assert client.requests == []
    assert any("measured no coverage" in note for note in report.notes)


def test_only_the_unread_passages_are_sent_with_the_facts_already_read(tmp_path: Path) -> None:
    client = FunctionClient(answer_training)
    hybrid(client, rules_with(TRAINING, RECHECK), tmp_path)(document())
    [messages] = client.requests  # both passages in one call
    shown = user_text(messages)
    assert TRAINING in shown and RECHECK in shown
    assert "全县筹集就业补助资金" not in shown  # what rules read is not sent again…
    context = messages[-1]["content"].split("<document>")[0]
    assert "150.00万元" in context and "城镇新增就业人数（≥200人/210人）" in context  # …but given as context


def test_the_model_fills_what_rules_left_and_each_figure_says_who_found_it(tmp_path: Path) -> None:
    doc = document()
    report = hybrid(FunctionClient(answer_training), rules_with(TRAINING), tmp_path)(doc)
    training = next(i for i in report.indicators if i.name == "技能培训")
    assert training.actual is not None and training.actual.found_by == "llm"
    assert training.actual.span == Span(start=doc.text.index("402人次"), end=doc.text.index("402人次") + 5)
    assert training.actual.grounding is Grounding.EXACT
    rules_figures = {path: figure for path, figure in figures_of(extract_rules(doc))}
    for path, figure in figures_of(report):
        assert figure.found_by == "llm" or rules_figures[path] == figure
    assert report.coverage is not None and report.coverage.unread == []  # the passage has been read now


def test_a_contradicting_reading_keeps_the_rules_figure_and_raises_a_disagreement(tmp_path: Path) -> None:
    report = hybrid(FunctionClient(answer_training), rules_with(RECHECK), tmp_path)(document())
    jobs = next(i for i in report.indicators if i.name == "城镇新增就业人数")
    assert jobs.actual is not None and jobs.actual.text == "210人"  # rules kept
    [disagreement] = report.disagreements
    assert (disagreement.path, disagreement.kept.text, disagreement.other.text) == (
        "indicators[0].actual",
        "210人",
        "201人",
    )
    [finding] = [f for f in run_checks(report, document().match_text) if f.rule == "extraction.disagreement"]
    assert finding.source == "llm" and finding.severity.value == "warning"
    assert [ref.text for ref in finding.figures] == ["210人", "201人"]
    assert all(ref.span is not None for ref in finding.figures)


def test_a_figure_printed_only_outside_the_passages_is_a_candidate(tmp_path: Path) -> None:
    def answer(messages: list[dict[str, str]]) -> dict[str, Any]:
        # 93.33% is in the document, but not in the passage the model was shown
        training = {"name": "技能培训", "target": {"text": "380人次"}, "actual": {"text": "402人次"}}
        return {"indicators": [{**training, "completion": {"text": "93.33%"}}]}

    report = hybrid(FunctionClient(answer), rules_with(TRAINING), tmp_path)(document())
    training = next(i for i in report.indicators if i.name == "技能培训")
    assert training.completion is None
    assert [(c.path, c.figure.text, c.reason) for c in report.candidates] == [
        ("indicators[技能培训].completion", "93.33%", NOT_IN_TEXT)
    ]
    assert any(f.rule == "extraction.candidates" for f in run_checks(report, None))


def test_hybrid_never_loses_a_rules_fact(tmp_path: Path) -> None:
    """Whatever the model says, every figure rules read is still there, unchanged."""

    def wild(messages: list[dict[str, str]]) -> dict[str, Any]:
        return {
            "funding": {"budget": {"total": {"text": "380人次"}}, "execution_rate": {"text": "402人次"}},
            "indicators": [{"name": "城镇新增就业人数", "target": {"text": "380人次"}, "actual": {"text": "201人"}}],
        }

    doc = document()
    report = hybrid(FunctionClient(wild), rules_with(TRAINING, RECHECK), tmp_path)(doc)
    for path, figure in figures_of(extract_rules(doc)):
        assert dict(figures_of(report))[path] == figure
    assert [d.path for d in report.disagreements] == ["indicators[0].actual"]  # 201人 of a sentence naming it
    assert [(c.path, c.reason) for c in report.candidates] == [
        ("funding.budget.total", "not an amount of money"),  # 人次 can be no budget and no rate: not disputed
        ("funding.execution_rate", "not a percentage"),
        ("indicators[0].target", UNNAMED_SENTENCE),  # 380人次 is the training's, in a sentence not naming it
    ]


def test_a_model_figure_that_cannot_be_its_fields_is_only_a_candidate() -> None:
    year = Figure(text="2003年", value=2003, unit="年", kind=Kind.NUMBER)
    money = Figure(text="3000万元", value=3000, unit="万元", kind=Kind.NUMBER)
    assert unfit("funding.budget.total", year) == "not an amount of money"
    assert unfit("funding.budget.total", money) is None
    assert unfit("indicators[0].score", money) == "not points on a 100-point scale"
    assert unfit("indicators[0].completion", money) == "not a percentage"
    assert unfit("indicators[0].actual", year) is None  # a target or an actual may be anything printed


TABLE = (
    "某镇2023年度示范项目绩效目标自评表\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
    "产出指标 | 数量指标 | 补助种植面积 | 31.5亩 | 31.5亩 | 20 | 20\n"
    "产出指标 | 质量指标 | 验收合格率 | ≥95% | 98% | 20 | 19\n"
)


def test_unread_table_rows_are_sent_as_rows_under_their_column_names() -> None:
    doc = document(TABLE)
    row = "产出指标 | 质量指标 | 验收合格率 | ≥95% | 98% | 20 | 19"
    [passage] = unread_passages(doc, [span_of(doc, row)])
    assert passage.table
    header, line = passage.text.splitlines()
    assert header.startswith("表格列：一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值")
    assert line.split(" | ")[2:5] == ["验收合格率", "≥95%", "98%"]


@pytest.mark.parametrize("backend", ["hybrid", "llm"])
def test_the_cli_runs_the_model_backends(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from jixiao.cli import app
    from jixiao.extract.llm import extractor as llm_extractor

    client = FunctionClient(answer_training)
    monkeypatch.setattr(llm_extractor, "default_client_factory", lambda settings: lambda: client)
    source = tmp_path / "h.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["extract", str(source), "--out", str(tmp_path / "out"), "--backend", backend, "--base-url", "http://x/v1"]
    )
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / "out" / "h.json").read_text(encoding="utf-8"))
    assert written["extractor"]["backend"] == backend
    assert f"backend: {backend}, model gpt-4o-mini" in result.output


def test_a_batch_rules_read_entirely_never_starts_a_model(tmp_path: Path) -> None:
    def no_model() -> FunctionClient:
        raise AssertionError("the model was started")

    settings = load_settings(cache_dir=tmp_path, model_file=tmp_path / "never-loaded.gguf")
    extractor = HybridExtractor(settings, client_factory=no_model, rules=rules_with())
    report = extractor(document())
    assert report.extractor.model == "never-loaded.gguf" and report.extractor.usage is not None
    assert report.extractor.usage.calls == 0


def test_passages_are_packed_into_as_few_calls_as_fit() -> None:
    from jixiao.extract.hybrid.passages import Passage, batches

    passages = [Passage(0, 10, "甲" * 300), Passage(20, 30, "乙" * 300), Passage(40, 50, "丙" * 300)]
    assert [len(group) for group in batches(passages, 650)] == [2, 1]
    assert [len(group) for group in batches(passages, 30_000)] == [3]


def test_candidates_and_disagreements_are_not_walked_as_figures_of_the_report(tmp_path: Path) -> None:
    report = hybrid(FunctionClient(answer_training), rules_with(RECHECK), tmp_path)(document())
    assert report.disagreements
    assert all(not path.startswith(("candidates", "disagreements")) for path, _ in figures_of(report))


def test_an_indicator_the_passages_do_not_name_fills_nothing(tmp_path: Path) -> None:
    """Recorded from the 0.5B model: the passage's 402人次 filed under an indicator of the context."""

    def answer(messages: list[dict[str, str]]) -> dict[str, Any]:
        return {"indicators": [{"name": "城镇新增就业人数（≥200人/210人）", "actual": {"text": "402人次"}}]}

    report = hybrid(FunctionClient(answer), rules_with(TRAINING), tmp_path)(document())
    assert [i.name for i in report.indicators] == ["城镇新增就业人数"]
    [candidate] = report.candidates
    assert (candidate.figure.text, candidate.reason) == ("402人次", UNNAMED)
    assert candidate.figure.span is not None  # it is printed; what is wrong is where the model filed it


def test_a_printed_figure_fills_one_field_only(tmp_path: Path) -> None:
    def answer(messages: list[dict[str, str]]) -> dict[str, Any]:
        # 402人次 is the training's actual; the model also hands it in as a new row's actual
        return {
            "indicators": [
                {"name": "技能培训", "target": {"text": "380人次"}, "actual": {"text": "402人次"}},
                {"name": "组织培训", "actual": {"text": "402人次"}},
            ]
        }

    report = hybrid(FunctionClient(answer), rules_with(TRAINING), tmp_path)(document())
    assert next(i for i in report.indicators if i.name == "技能培训").actual.text == "402人次"
    assert "组织培训" not in [i.name for i in report.indicators]  # its only figure was refused
    assert [(c.figure.text, c.reason) for c in report.candidates] == [("402人次", TAKEN)]


def test_unread_rows_are_rendered_from_the_rules_pass_tables_not_a_second_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jixiao.extract.hybrid import extractor as hybrid_extractor
    from jixiao.extract.hybrid import passages
    from jixiao.extract.rules import read_rules

    doc = document(TABLE)
    row = "产出指标 | 质量指标 | 验收合格率 | ≥95% | 98% | 20 | 19"

    def rules_leaving_a_row(document: Document) -> tuple[Report, list[Any]]:
        report, tables = read_rules(document)
        report.coverage = Coverage(figures=8, read=4, unread=[span_of(document, row)])
        return report, tables

    def no_second_reading(*args: Any) -> None:
        raise AssertionError("the tables were read a second time")

    monkeypatch.setattr(hybrid_extractor, "read_rules", rules_leaving_a_row)
    monkeypatch.setattr(passages, "find_tables", no_second_reading)
    client = FunctionClient(lambda messages: {"indicators": []})
    settings = load_settings(cache_dir=tmp_path / "cache", api_key="sk-test")
    HybridExtractor(settings, client_factory=lambda: client)(doc)
    [messages] = client.requests
    shown = user_text(messages)
    assert "表格列：一级指标 | 二级指标 | 三级指标" in shown and "验收合格率" in shown


def test_an_answer_that_never_validates_leaves_the_rules_reading_standing(tmp_path: Path) -> None:
    failure = ExtractionError("h.txt", "model output did not validate after 3 attempt(s)", attempts=3)
    client = ScriptedClient().enqueue(failure)
    report = hybrid(client, rules_with(TRAINING), tmp_path)(document())
    assert len(client.requests) == 1
    rules = rules_with(TRAINING)(document())
    assert report.indicators == rules.indicators and report.funding == rules.funding
    assert report.coverage is not None and report.coverage.unread == [span_of(document(), TRAINING)]
    assert report.extractor.usage is not None and report.extractor.usage.calls == 3
    assert any("no usable answer" in note and "did not validate" in note for note in report.notes)


def test_an_endpoint_that_fails_as_a_whole_still_stops_the_report(tmp_path: Path) -> None:
    client = ScriptedClient().enqueue(ConfigError("cannot connect to the endpoint"))
    with pytest.raises(ConfigError):
        hybrid(client, rules_with(TRAINING), tmp_path)(document())
