"""`jixiao memo`: one .docx per stored report, opened again with python-docx — headings, the findings in order
with the sentences they quote, Chinese fonts and page numbers; an unread report is never called clean."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.cli import app
from jixiao.model import Finding, Severity
from jixiao.review.decisions import Action, DecisionDraft, DecisionLog, DismissReason, finding_key
from jixiao.review.memo import build_memo
from jixiao.review.memo_docx import render
from jixiao.series import SeriesTables, refresh_series
from jixiao.sinks import StoreSink
from jixiao.store import Store

runner = CliRunner()
SECTIONS = ["一、主要数据", "二、审核发现", "三、请更正或说明的事项"]


@pytest.fixture(scope="module")
def memos(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Document]]:
    root = tmp_path_factory.mktemp("memo")
    reports = root / "reports"
    shutil.copytree(SAMPLES / "series", reports)
    (reports / "liuxi_2024.txt").write_text(
        "柳溪旗2024年度就业补助资金绩效自评报告\n\n工作情况另行报送。\n", encoding="utf-8"
    )
    db = root / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), Job("rules", "rules", checker=run_checks))
    result = runner.invoke(app, ["memo", "--db", str(db), "--out", str(root / "memos")])
    assert result.exit_code == 0, result.output
    assert "wrote 7 memos" in result.output
    opened = {path.name: docx.Document(str(path)) for path in (root / "memos").glob("*.docx")}
    return db, opened


def memo_of(memos: tuple[Path, dict[str, Document]], start: str) -> Document:
    return next(document for name, document in memos[1].items() if name.startswith(start))


def headings(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def test_a_memo_has_its_header_and_sections_in_order(memos: tuple[Path, dict[str, Document]]) -> None:
    memo = memo_of(memos, "青岭县_2023年度")
    assert headings(memo, "Title") == ["关于青岭县2023年度中央就业补助资金绩效自评报告的审核意见"]
    assert headings(memo, "Heading 1") == SECTIONS
    header = [[cell.text for cell in row.cells] for row in memo.tables[0].rows]
    assert header == [["被审核单位（地区）", "青岭县"], ["资金名称", "中央就业补助资金"], ["评价年度", "2023年度"]]
    figures = dict((row.cells[0].text, row.cells[1].text) for row in memo.tables[1].rows)
    assert figures["全年预算数（万元）"] == "2,400.00" and figures["上年结转资金（万元）"] == "50.00"


def test_findings_are_numbered_in_the_stores_order_errors_first(memos: tuple[Path, dict[str, Document]]) -> None:
    db, _ = memos
    memo = memo_of(memos, "青岭县_2023年度")
    with Store(db) as store:
        result = next(r for r in store.results() if r.document.path.endswith("qingling_2023.txt"))
        across = SeriesTables(store.database).findings()[result.extraction_id]
    findings: list[Finding] = [*result.findings, *across]
    ranked = [f for f in sorted(findings, key=lambda f: -f.severity.rank) if f.severity.rank >= Severity.WARNING.rank]
    shown = headings(memo, "Heading 2")
    assert len(shown) == len(ranked) >= 5
    for number, (heading, finding) in enumerate(zip(shown, ranked, strict=True), 1):
        assert heading.startswith(f"（{'一二三四五六七八九十'[number - 1]}）")
        assert heading.endswith(finding.message_zh)
    requests = [p.text for p in memo.paragraphs if p.text[:2] in {f"{n}." for n in range(1, 10)}]
    assert len(requests) == len(ranked)


def test_a_finding_across_years_quotes_both_reports(memos: tuple[Path, dict[str, Document]]) -> None:
    texts = [p.text for p in memo_of(memos, "青岭县_2023年度").paragraphs]
    copied = next(i for i, text in enumerate(texts) if "享受社会保险补贴人数：实际完成值 4443人" in text)
    quotes = texts[copied + 1 : copied + 3]
    assert quotes[0] == "2022年报告原文：“4443人”"
    assert quotes[1].startswith("2023年报告原文：") and "享受社会保险补贴人数" in quotes[1] and "4443人" in quotes[1]


def test_expected_and_printed_stand_beside_the_quoted_sentence(memos: tuple[Path, dict[str, Document]]) -> None:
    texts = [p.text for p in memo_of(memos, "青岭县_2022年度").paragraphs]
    carry = next(i for i, text in enumerate(texts) if "未使用 150.00 万元" in text)
    block = texts[carry : carry + 6]
    assert any(text.startswith("2022年报告原文：") and "98.00" in text for text in block)
    assert "核查参照值（按规则）：150；报告所列：98.00" in block
    assert any("请核实“98.00”（核查参照值 150）" in text for text in texts)


def test_chinese_fonts_and_page_numbers_are_set(memos: tuple[Path, dict[str, Document]]) -> None:
    memo = memo_of(memos, "柳溪旗_2022年度")
    fonts = memo.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    heading_fonts = memo.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:eastAsia")) == "黑体"
    font_table = next(p for p in memo.part.package.iter_parts() if p.partname == "/word/fontTable.xml").blob
    assert "仿宋_GB2312".encode() in font_table and "宋体".encode() in font_table
    footer = memo.sections[0].footer.paragraphs[0]
    fields = [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"] and footer.text.startswith("第 ")


def test_an_honest_report_says_nothing_to_correct(memos: tuple[Path, dict[str, Document]]) -> None:
    texts = [p.text for p in memo_of(memos, "柳溪旗_2022年度").paragraphs]
    assert "经核查，报告未发现需更正的问题。" in texts
    assert headings(memo_of(memos, "柳溪旗_2022年度"), "Heading 2") == []


def test_a_report_with_nothing_read_is_never_called_clean(memos: tuple[Path, dict[str, Document]]) -> None:
    texts = "\n".join(p.text for p in memo_of(memos, "柳溪旗_2024年度").paragraphs)
    assert "未能从报告中读取到资金或指标数据" in texts
    assert "未发现" not in texts


def test_dismissed_findings_get_a_line_each(memos: tuple[Path, dict[str, Document]]) -> None:
    db, _ = memos
    with Store(db) as store:
        result = next(r for r in store.results() if r.document.path.endswith("qingling_2021.txt"))
    dismissed = [(result.findings[0], "指标值经批复调整")]
    document = render(build_memo(result, result.findings, dismissed))
    assert headings(document, "Heading 1")[-1] == "四、经复核不予采纳的发现"
    assert any("指标值经批复调整" in p.text for p in document.paragraphs)


def test_findings_dismissed_in_the_workbench_are_listed_apart_not_numbered(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    shutil.copytree(SAMPLES / "series", reports)
    db = tmp_path / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), Job("rules", "rules", checker=run_checks))
        refresh_series(store)
        result = next(r for r in store.results() if r.document.path.endswith("qingling_2023.txt"))
        copied = next(
            f for f in SeriesTables(store.database).findings()[result.extraction_id] if f.rule == "years.copied_actual"
        )
        draft = DecisionDraft(
            reviewer="王审核",
            document_sha256=result.document.sha256,
            document_path=result.document.path,
            extractor=result.extractor,
            action=Action.DISMISS,
            finding_key=finding_key(copied),
            rule=copied.rule,
            reason=DismissReason.REPORT_RIGHT,
            note="两年享受补贴的是同一批人",
        )
        DecisionLog(store.database).record([draft])
    assert runner.invoke(app, ["memo", "--db", str(db), "--out", str(tmp_path / "memos")]).exit_code == 0
    memo = docx.Document(str(next((tmp_path / "memos").glob("青岭县_2023年度*.docx"))))
    assert headings(memo, "Heading 1")[-1] == "四、经复核不予采纳的发现"
    assert not any("享受社会保险补贴人数" in heading for heading in headings(memo, "Heading 2"))
    lines = [p.text for p in memo.paragraphs if p.text.startswith("years.copied_actual：")]
    assert (
        len(lines) == 1 and "报告无误" in lines[0] and "两年享受补贴的是同一批人" in lines[0] and "王审核" in lines[0]
    )
