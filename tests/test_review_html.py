"""The review pages: segments rebuild the text exactly, figures and findings are marked, report text is escaped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.batch import Job, run_batch
from jixiao.cli import app
from jixiao.documents import load_document
from jixiao.extract import extract_rules
from jixiao.model import FigureRef, Finding, Report, Severity
from jixiao.review.highlight import figures_of, segments, sentence_around
from jixiao.sinks import StoreSink
from jixiao.store import Store

runner = CliRunner()


def flag_last_indicator(report: Report, text: str) -> list[Finding]:
    """Flag the last indicator's actual value: it sits at the end of the document, far below the fold."""
    actual = next(item.actual for item in reversed(report.indicators) if item.actual and item.actual.span)
    return [
        Finding(
            rule="test.last_actual",
            severity=Severity.ERROR,
            message_zh="最后一项实际完成值",
            message_en="last actual value",
            figures=[FigureRef(path="indicators[-1].actual", text=actual.text, span=actual.span)],
        ),
        Finding(rule="test.no_place", severity=Severity.INFO, message_zh="无位置", message_en="no place"),
    ]


def build_review(tmp_path: Path, extra: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed_zalantun_2025.txt", folder / "zalantun.txt")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(folder.iterdir()), Job("rules", "rules", checker=flag_last_indicator))
    result = runner.invoke(app, ["review", "--db", str(db), "--out", str(tmp_path / "review")])
    assert result.exit_code == 0, result.output
    return tmp_path / "review"


@pytest.fixture(scope="module")
def zalantun() -> tuple[str, Report]:
    document = load_document(SAMPLES / "seed_zalantun_2025.txt")
    return document.text, extract_rules(document)


def test_segments_join_back_to_the_exact_text(zalantun: tuple[str, Report]) -> None:
    text, report = zalantun
    pieces = segments(text, report, flag_last_indicator(report, text))
    assert "".join(piece.text for piece in pieces) == text


def test_every_grounded_figure_is_marked_with_its_path(zalantun: tuple[str, Report]) -> None:
    text, report = zalantun
    pieces = segments(text, report, [])
    marked = {path for piece in pieces for path in piece.figure_paths}
    grounded = {path for path, figure in figures_of(report) if figure.span is not None}
    assert grounded and marked == grounded
    budget = next(piece for piece in pieces if "funding.budget.total" in piece.figure_paths)
    assert budget.text == report.funding.budget.total.text  # type: ignore[union-attr]


def test_flagged_figure_and_its_sentence_carry_the_finding_id(zalantun: tuple[str, Report]) -> None:
    text, report = zalantun
    findings = flag_last_indicator(report, text)
    pieces = segments(text, report, findings)
    flagged = [piece for piece in pieces if "f1" in piece.flagged_by]
    assert "".join(piece.text for piece in flagged) == findings[0].figures[0].text
    sentence = "".join(piece.text for piece in pieces if "f1" in piece.sentence_of)
    assert findings[0].figures[0].text in sentence and len(sentence) > len(findings[0].figures[0].text)


def test_sentence_stops_at_chinese_full_stops() -> None:
    text = "第一句。预算执行率为90%，较上年提高。第三句"
    start = text.index("90%")
    left, right = sentence_around(text, start, start + 3)
    assert text[left:right] == "预算执行率为90%，较上年提高。"


def test_index_sorts_by_worst_finding_and_lists_failures(tmp_path: Path) -> None:
    review = build_review(tmp_path, {"empty.txt": " \n"})
    index = (review / "index.html").read_text(encoding="utf-8")
    assert "empty.txt" in index and "no text in the document" in index
    assert index.index('data-worst="error"') < index.index("</tbody>")
    assert len(list((review / "reports").glob("*.html"))) == 1


def test_report_text_is_escaped(tmp_path: Path) -> None:
    hostile = (SAMPLES / "seed_zalantun_2025.txt").read_text(encoding="utf-8") + "\n附注：<script>alert(1)</script>"
    review = build_review(tmp_path, {"hostile.txt": hostile})
    pages = [page.read_text(encoding="utf-8") for page in (review / "reports").glob("*.html")]
    page = next(page for page in pages if "附注" in page)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_pages_need_no_network(tmp_path: Path) -> None:
    review = build_review(tmp_path)
    for page in [review / "index.html", *(review / "reports").glob("*.html")]:
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html


def doubt_the_budget(report: Report, text: str | None) -> list[Finding]:
    """Stands in for the honest-flags checks: an `extraction.*` finding that doubts how a figure was read."""
    budget = report.funding.budget.total
    assert budget is not None
    ref = FigureRef(path="funding.budget.total", text=budget.text, span=budget.span)
    return [
        Finding(
            rule="extraction.suspect",
            severity=Severity.WARNING,
            message_zh="预算数读数可疑",
            message_en="budget reading doubtful",
            figures=[ref],
        )
    ]


def test_figures_doubted_by_an_extraction_check_are_marked_on_the_page_and_in_the_export(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed_zalantun_2025.txt", folder / "zalantun.txt")
    db = tmp_path / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(folder.iterdir()), Job("rules", "rules", checker=doubt_the_budget))
    assert runner.invoke(app, ["review", "--db", str(db), "--out", str(tmp_path / "r")]).exit_code == 0
    page = next((tmp_path / "r" / "reports").glob("*.html")).read_text(encoding="utf-8")
    facts = page[page.index('id="facts"') : page.index("</div>", page.index('id="facts"'))]
    assert '<span class="suspect">预算数：3877.67万元<span class="suspect-tag">存疑</span></span>' in facts
    assert facts.count("存疑") == 1  # only the doubted figure
    assert runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "r.xlsx")]).exit_code == 0
    workbook = load_workbook(tmp_path / "r.xlsx")
    header = [cell.value for cell in workbook["报告"][1]]
    row = next(workbook["报告"].iter_rows(min_row=2, values_only=True))
    assert row[header.index("存疑（抽取待核）")] == "预算数合计"
    funding = workbook["资金来源"]
    funding_header = [cell.value for cell in funding[1]]
    marked = [r for r in funding.iter_rows(min_row=2, values_only=True) if r[funding_header.index("存疑（抽取待核）")]]
    assert [(r[funding_header.index("环节")], r[funding_header.index("来源层级")]) for r in marked] == [
        ("预算", "合计")
    ]
