"""Review memos as Word documents (python-docx): one .docx per stored report, in the form a reviewer sends back.

Chinese official documents set body text in 仿宋_GB2312 and headings in 黑体; Word picks a font for Chinese
from the East Asian slot of a run's fonts (`w:eastAsia`), which python-docx's `font.name` does not set, so it
is set here on every style used. The font table names 仿宋 as 仿宋_GB2312's alternative and 宋体 stands in for
table text, so a machine without the GB2312 font still shows a Song-type face. The footer numbers the
pages (第 X 页 共 Y 页) with Word fields, filled in when the document is opened.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle
from lxml import etree

from jixiao.output_folder import OutputFolder
from jixiao.review.memo import (
    Dismissals,
    Memo,
    MemoFinding,
    build_memo,
    number_text,
    reviewer_dismissals,
    severity_zh,
)
from jixiao.series import with_findings_across_years
from jixiao.store import Store

BODY_FONT = "仿宋_GB2312"
BODY_FALLBACK = "宋体"
HEADING_FONT = "黑体"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_NUMERALS = "一二三四五六七八九十"


def set_fonts(style: ParagraphStyle, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    """Latin and East Asian fonts of a style (python-docx sets only the Latin slots)."""
    style.font.name = LATIN_FONT
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    properties = style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme"):  # a theme font would override ours
        fonts.attrib.pop(qn(theme), None)


def _font_table_alternative(document: Document, name: str, alternative: str) -> None:
    """Name a stand-in for a font in the document's font table (仿宋_GB2312 → 宋体), with the GB2312 charset,
    so Word substitutes a Chinese Song-type face where the font is missing rather than a Latin one.

    python-docx has no font-table API: the part is plain XML, rewritten here.
    """
    part = next((p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    font = OxmlElement("w:font")
    font.set(qn("w:name"), name)
    for tag, value in (("w:altName", alternative), ("w:charset", "86"), ("w:family", "modern"), ("w:pitch", "fixed")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        font.append(child)
    root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _styles(document: Document) -> None:
    styles = document.styles
    set_fonts(styles["Normal"], BODY_FONT, size=14)  # 四号, the size of official correspondence
    set_fonts(styles["Title"], HEADING_FONT, size=20, bold=False)
    set_fonts(styles["Heading 1"], HEADING_FONT, size=16, bold=False)
    set_fonts(styles["Heading 2"], BODY_FONT, size=14, bold=True)
    set_fonts(styles["Table Grid"], TABLE_FONT, size=11)  # type: ignore[arg-type]
    for name in ("Title", "Heading 1", "Heading 2"):
        styles[name].font.color.rgb = None


def _page_numbers(document: Document) -> None:
    """第 X 页 共 Y 页, centred in the footer of every page."""
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页"):
        if piece in ("PAGE", "NUMPAGES"):
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), piece)
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            footer._p.append(field)
        else:
            footer.add_run(piece)


def _numbered(number: int) -> str:
    if number <= 10:
        return f"（{_NUMERALS[number - 1]}）"
    return f"（{number}）"


def _finding(document: Document, item: MemoFinding) -> None:
    document.add_heading(f"{_numbered(item.number)}【{severity_zh(item.severity)}】{item.message}", level=2)
    for quote in item.quotes:
        where = f"{quote.year}年报告" if quote.year else "报告"
        document.add_paragraph(f"{where}原文：“{quote.text}”")
    if item.expected is not None:
        document.add_paragraph(f"核查参照值（按规则）：{number_text(item.expected)}；报告所列：{item.printed or '—'}")
    document.add_paragraph(f"规则：{item.rule}").runs[0].font.size = Pt(10.5)


def _header(document: Document, memo: Memo) -> None:
    document.add_heading(memo.title, level=0)
    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    for label, value in (("被审核单位（地区）", memo.unit), ("资金名称", memo.fund), ("评价年度", memo.year)):
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    document.add_paragraph(f"来源文件：{memo.source}")
    if memo.status_note:
        note = document.add_paragraph(memo.status_note)
        note.runs[0].bold = True
    document.add_paragraph(memo.conclusion)


def render(memo: Memo) -> Document:
    document = new_document()
    _styles(document)
    _font_table_alternative(document, BODY_FONT, BODY_FALLBACK)
    _page_numbers(document)
    _header(document, memo)
    document.add_heading("一、主要数据", level=1)
    if memo.figures:
        table = document.add_table(rows=1, cols=2)
        table.style = document.styles["Table Grid"]
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "项目", "报告所列"
        for label, printed in memo.figures:
            row = table.add_row().cells
            row[0].text, row[1].text = label, printed
    else:
        document.add_paragraph("未读取到资金或指标数据。")
    document.add_heading("二、审核发现", level=1)
    if not memo.findings:
        document.add_paragraph(memo.conclusion)
    for item in memo.findings:
        _finding(document, item)
    if memo.notes:
        document.add_heading("其他提示", level=2)
        for item in memo.notes:
            document.add_paragraph(f"{item.number}. {item.message}")
    document.add_heading("三、请更正或说明的事项", level=1)
    if memo.findings:
        for item in memo.findings:
            document.add_paragraph(f"{item.number}. {item.request}")
    else:
        document.add_paragraph("无。" if memo.status_note is None else "请补充可读取的报告文本后重新审核。")
    if memo.dismissed:
        document.add_heading("四、经复核不予采纳的发现", level=1)
        for finding, reason in memo.dismissed:
            document.add_paragraph(f"{finding.rule}：{finding.message_zh}（理由：{reason}）")
    signature = document.add_paragraph("审核人：__________    审核日期：____年__月__日")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


def memo_name(memo: Memo, extraction_id: int) -> str:
    stem = _UNSAFE.sub("_", f"{memo.unit}_{memo.year}_{memo.fund}").strip("_")
    return f"{stem}_{extraction_id}.docx"


def write_memos(
    store: Store,
    out: Path,
    *,
    extractor: str | None = None,
    dismissals: Dismissals | None = None,
) -> list[Path]:
    """One memo per stored report, with its findings and those across years; returns the files written.

    `dismissals` gives the findings a reviewer dismissed; by default the review workbench's decisions in the
    store. Each becomes a line of section 四 instead of a numbered finding.
    """
    folder = OutputFolder.claim(out)  # never writes over a file of the user's (see OutputFolder)
    written: list[Path] = []
    dismissals = dismissals or reviewer_dismissals(store.database)
    for result in with_findings_across_years(store, store.results(extractor)):
        dismissed = dismissals(result)
        memo = build_memo(result, result.findings, dismissed)
        path = folder.path(memo_name(memo, result.extraction_id))
        render(memo).save(str(path))
        written.append(path)
    return written
