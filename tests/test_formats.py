"""Every structured format renders to the same `a | b | c` rows, keeps cell coordinates, and fails clearly."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import docx
import openpyxl
import pytest
from fpdf import FPDF
from PIL import Image

from conftest import GOLD, SAMPLES
from jixiao.documents import Document, load_document
from jixiao.documents import grid as grid_module
from jixiao.documents import pdf as pdf_module
from jixiao.documents import xlsx as xlsx_module
from jixiao.errors import InputError

FORMAT_SAMPLES = sorted(p.name for p in SAMPLES.glob("fmt_*") if p.is_file())


def _cells(document: Document) -> list[list[str]]:
    return [[document.text[c.start : c.end] for c in row] for table in document.tables for row in table.rows]


# ------------------------------------------------------------------ the samples: one convention for all formats


@pytest.mark.parametrize("name", FORMAT_SAMPLES)
def test_sample_renders_the_funding_row_as_one_line_of_cells(name: str) -> None:
    gold = json.loads((GOLD / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    document = load_document(SAMPLES / name)
    funding = gold["funding"]
    row = next(line for line in document.text.splitlines() if "资金总额" in line or "資金總額" in line)
    cells = row.split(" | ")
    assert funding["budget"]["total"]["text"] in cells
    assert funding["executed"]["total"]["text"] in cells
    assert funding["execution_rate"]["text"] in cells
    assert len(cells) == 7  # label, 年初预算数, A, B and the three columns of rate, weight and score


@pytest.mark.parametrize("name", FORMAT_SAMPLES)
def test_sample_indicator_rows_carry_merged_levels_down(name: str) -> None:
    """Each indicator is one 9-cell row: 绩效指标, 一级 and 二级 (merged in the file) stand in every row."""
    gold = json.loads((GOLD / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    document = load_document(SAMPLES / name)
    rows = [r for r in _cells(document) if len(r) == 9 and r[0] == "绩效指标" and r[1] != "一级指标"]
    expected = [
        [ind["target"]["text"], ind["actual"]["text"], ind["weight"]["text"], ind["score"]["text"]]
        for ind in gold["indicators"]
    ]
    assert [row[4:8] for row in rows] == expected
    simplified_levels = [document.match_text[c.start : c.end] for t in document.tables for r in t.rows for c in r]
    for indicator in gold["indicators"]:
        assert indicator["level1"] in simplified_levels and indicator["level2"] in simplified_levels


@pytest.mark.parametrize("name", FORMAT_SAMPLES)
def test_table_cells_point_at_their_text(name: str) -> None:
    document = load_document(SAMPLES / name)
    assert document.tables
    for table in document.tables:
        for row in table.rows:
            line_start = document.text.rfind("\n", 0, row[0].start) + 1
            line_end = document.text.find("\n", row[-1].end)
            cells = [document.text[c.start : c.end] for c in row]
            # trailing empty cells lose their last space to normalization ("a | b |"), nothing else moves
            assert " | ".join(cells).rstrip() == document.text[line_start:line_end]
            assert [c.column for c in row] == sorted({c.column for c in row})


@pytest.mark.parametrize("name", FORMAT_SAMPLES)
def test_gold_labels_the_committed_sample(name: str) -> None:
    """Regenerating a sample without its gold (samples/make/make_formats.py writes both) is caught here."""
    gold = json.loads((GOLD / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
    assert gold["source"]["sha256"] == hashlib.sha256((SAMPLES / name).read_bytes()).hexdigest()
    assert gold["gold"]["reviewed"] is True


def test_header_of_every_sample_is_read() -> None:
    from jixiao.extract import extract

    for name in FORMAT_SAMPLES:
        gold = json.loads((GOLD / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
        report = extract(load_document(SAMPLES / name))
        assert (report.title, report.region, report.fund, report.year) == (
            gold["title"],
            gold["region"],
            gold["fund"],
            gold["year"],
        ), name


# ------------------------------------------------------------------ xlsx


def _xlsx(tmp_path: Path, build: object, name: str = "book.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    build(workbook)  # type: ignore[operator]
    path = tmp_path / name
    workbook.save(path)
    return path


def test_xlsx_numbers_print_through_their_format(tmp_path: Path) -> None:
    def build(workbook: openpyxl.Workbook) -> None:
        sheet = workbook.active
        sheet.append(["年度资金总额", 820, 790.52, 0.9640, 36620, 10])
        for column, number_format in zip("BCDE", ["0.00", "0.00", "0.00%", "#,##0.00"], strict=True):
            sheet[f"{column}1"].number_format = number_format

    document = load_document(_xlsx(tmp_path, build))
    assert document.text.splitlines() == ["年度资金总额 | 820.00 | 790.52 | 96.40% | 36,620.00 | 10"]
    assert document.format == "xlsx"


def test_xlsx_merged_cells_print_once_across_and_repeat_down(tmp_path: Path) -> None:
    def build(workbook: openpyxl.Workbook) -> None:
        sheet = workbook.active
        sheet["A1"], sheet["D1"] = "资金投入情况", "得分"
        sheet.merge_cells("A1:C1")
        sheet["A2"], sheet["B2"], sheet["C2"], sheet["D2"] = "产出指标", "数量指标", "100", "100"
        sheet["B3"], sheet["C3"], sheet["D3"] = "质量指标", "100", "100"
        sheet.merge_cells("A2:A3")

    document = load_document(_xlsx(tmp_path, build))
    assert document.text.splitlines() == [
        "资金投入情况 | 得分",
        "产出指标 | 数量指标 | 100 | 100",
        "产出指标 | 质量指标 | 100 | 100",
    ]
    assert [[c.column for c in row] for row in document.tables[0].rows] == [[0, 3], [0, 1, 2, 3], [0, 1, 2, 3]]


def test_xlsx_reads_every_visible_sheet_and_notes_hidden_ones(tmp_path: Path) -> None:
    def build(workbook: openpyxl.Workbook) -> None:
        workbook.active["B2"] = "第一张表"
        workbook.create_sheet("指标")["C5"] = "第二张表"
        hidden = workbook.create_sheet("参数")
        hidden["A1"] = "隐藏的内容"
        hidden.sheet_state = "hidden"

    document = load_document(_xlsx(tmp_path, build))
    assert document.text.splitlines() == ["第一张表", "第二张表"]  # empty rows and columns are dropped
    assert [table.name for table in document.tables] == ["sheet Sheet", "sheet 指标"]
    assert document.notes == ("hidden sheet '参数' not read",)


def test_xlsx_with_a_stray_cell_far_away_stays_small(tmp_path: Path) -> None:
    def build(workbook: openpyxl.Workbook) -> None:
        workbook.active["A1"], workbook.active["B1"] = "执行率", "95%"
        workbook.active["XFD1048576"] = "尾"

    lines = load_document(_xlsx(tmp_path, build)).text.splitlines()
    assert lines == ["执行率 | 95% |", " |  | 尾"]


def test_xlsx_with_too_many_cells_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_module, "MAX_CELLS", 50)
    monkeypatch.setattr(grid_module, "MAX_CELLS", 50)

    def build(workbook: openpyxl.Workbook) -> None:
        for row in range(20):
            workbook.active.append([f"项目{row}", row, row * 2, row * 3])

    with pytest.raises(InputError, match=r"book\.xlsx: too many filled cells"):
        load_document(_xlsx(tmp_path, build))


def test_xlsx_that_unpacks_too_large_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_module, "MAX_UNZIPPED", 1000)
    path = _xlsx(tmp_path, lambda workbook: workbook.active.append(["年度资金总额", 820]))
    with pytest.raises(InputError, match="workbook too large"):
        load_document(path)


def test_spreadsheet_content_is_routed_whatever_the_extension(tmp_path: Path) -> None:
    xlsx_as_xls = tmp_path / "renamed.xls"
    xlsx_as_xls.write_bytes(_xlsx(tmp_path, lambda workbook: workbook.active.append(["执行率", 0.5])).read_bytes())
    assert load_document(xlsx_as_xls).text.strip() == "执行率 | 0.5"
    html_as_xls = tmp_path / "export.xls"
    html_as_xls.write_text("<html><body><table><tr><td>执行率</td><td>95%</td></tr></table></body></html>", "utf-8")
    assert load_document(html_as_xls).text.strip() == "执行率 | 95%"


def test_word_file_saved_as_web_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "webpage.doc"
    path.write_text(
        "<html><body><p>执行率95%。</p><table><tr><td>年度资金总额</td><td>820.00</td></tr></table>", "utf-8"
    )
    assert load_document(path).text.splitlines() == ["执行率95%。", "年度资金总额 | 820.00"]


def test_xls_sample_prints_numbers_and_merges_like_xlsx() -> None:
    document = load_document(SAMPLES / "fmt_xls_dipu_2019.xls")
    lines = document.text.splitlines()
    assert document.format == "xls"
    assert "年度资金总额 | 450.00 | 480.00 | 466.56 | 97.20% | 10 | 9.72" in lines
    assert "绩效指标 | 产出指标 | 质量指标 | 补贴资金发放准确率 | 100% | 100% | 20 | 20 |" in lines


# ------------------------------------------------------------------ html


PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<style>p {{ color: red }}</style><script>var hits = 1;</script></head><body>
<table width="100%"><tr><td><h1>青禾县2023年度就业补助资金
绩效自评报告</h1><p>全年支出<b>2301.75</b>万元，执行率<span>93.25</span>%。</p>
<table border="1"><tr><th>一级指标</th><th>二级指标</th><th colspan="2">指标值</th></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>≥800人</td><td>812人</td></tr>
<tr><td>质量指标</td><td>≥95%</td><td>97%</td></tr></table>
<noscript>请启用脚本</noscript></td></tr></table></body></html>"""

PAGE_LINES = [
    "青禾县2023年度就业补助资金绩效自评报告",
    "全年支出2301.75万元，执行率93.25%。",
    "一级指标 | 二级指标 | 指标值",
    "产出指标 | 数量指标 | ≥800人 | 812人",
    "产出指标 | 质量指标 | ≥95% | 97%",
]


@pytest.mark.parametrize(("charset", "encoding"), [("gb2312", "gb18030"), ("utf-8", "utf-8"), ("gbk", "gbk")])
def test_html_charset_from_meta_and_tables_cell_by_cell(tmp_path: Path, charset: str, encoding: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(encoding))
    document = load_document(path)
    assert document.text.splitlines() == PAGE_LINES
    assert [[c.column for c in row] for row in document.tables[0].rows] == [[0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3]]


def test_html_whose_meta_charset_lies_is_decoded_by_detection(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(charset="utf-8").encode("gb18030"))
    assert load_document(path).text.splitlines() == PAGE_LINES


def test_html_nested_thousands_deep_is_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 3000 + "执行率95%。" + "<font>" * 3000 + "全年支出100万元。", "utf-8")
    assert load_document(path).text.strip() == "执行率95%。全年支出100万元。"


def test_truncated_html_keeps_what_arrived(tmp_path: Path) -> None:
    data = (SAMPLES / "fmt_html_qinghe_2023.html").read_bytes()
    path = tmp_path / "half.html"
    path.write_bytes(data[: len(data) // 2])
    text = load_document(path).text
    full = load_document(SAMPLES / "fmt_html_qinghe_2023.html").text
    assert text.splitlines()[0] == full.splitlines()[0]
    assert len(text) < len(full)


# ------------------------------------------------------------------ pdf


def _pdf(build: object) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    build(pdf)  # type: ignore[operator]
    return bytes(pdf.output())


def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(lambda pdf: pdf.image(Image.new("RGB", (400, 300), "white"), x=10, y=10, w=150)))
    with pytest.raises(InputError, match=r"scan\.pdf: no text layer.*OCR"):
        load_document(path)


def test_encrypted_pdf_says_it_needs_a_password(tmp_path: Path) -> None:
    def build(pdf: FPDF) -> None:
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, "Performance self-evaluation 2024: budget 820.00, executed 790.52")
        pdf.set_encryption(owner_password="owner", user_password="secret")

    path = tmp_path / "locked.pdf"
    path.write_bytes(_pdf(build))
    with pytest.raises(InputError, match=r"locked\.pdf: encrypted PDF"):
        load_document(path)


def test_pdf_over_the_page_cap_fails_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 0)
    with pytest.raises(InputError, match=r"too many pages \(1 > 0\)"):
        load_document(SAMPLES / "fmt_pdf_shanyu_2020.pdf")


def test_pdf_text_layer_and_tables_in_reading_order() -> None:
    lines = load_document(SAMPLES / "fmt_pdf_weitang_2024.pdf").text.splitlines()
    assert lines[0] == "苇塘县2024年度就业补助资金绩效自评报告"
    title_row = lines.index("苇塘县2024年度就业补助资金绩效自评表")
    assert lines.index("二、绩效自评情况") < title_row < lines.index("总分 | 100 | 98.06 |")


# ------------------------------------------------------------------ docx


def test_docx_keeps_neighbouring_cells_that_hold_the_same_figure(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=4)
    for column, text in enumerate(["其中：中央财政资金", "500.00", "500.00", "100%"]):
        table.cell(0, column).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "same.docx"
    path.write_bytes(buffer.getvalue())
    assert load_document(path).text.strip() == "其中：中央财政资金 | 500.00 | 500.00 | 100%"


# ------------------------------------------------------------------ bad input, every format


def _half(name: str) -> bytes:
    data = (SAMPLES / name).read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.xlsx", b"", "empty file"),
        ("empty.xls", b"", "empty file"),
        ("empty.html", b"", "empty file"),
        ("empty.pdf", b"", "empty file"),
        ("image.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a readable .xlsx: the file is binary data"),
        ("image.xls", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a readable .xls: the file is binary data"),
        ("image.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a PDF: the file is binary data"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
        ("word.pdf", b"PK\x03\x04" + bytes(200), "not a PDF: the file is a ZIP archive"),
        ("pdf.html", b"%PDF-1.4\n" + bytes(200), "not an HTML page: the file is a PDF"),
        ("blank.html", b"<html><body><script>var a;</script></body></html>", "no text"),
        ("half.xlsx", _half("fmt_xlsx_liuting_2024.xlsx"), "not a readable .xlsx (corrupt or truncated)"),
        ("half.xls", _half("fmt_xls_dipu_2019.xls"), "not a readable .xls (corrupt or truncated)"),
        ("half.pdf", _half("fmt_pdf_shanyu_2020.pdf"), "truncated or damaged PDF"),
        ("broken.pdf", b"%PDF-1.4\ngarbage without objects\n%%EOF\n", "not a readable PDF"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "legacy Word .doc files cannot be read directly"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "a legacy Word .doc file, not .docx"),
    ],
)
def test_bad_input_names_the_file_and_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert name in str(caught.value)
    assert reason in str(caught.value)


@pytest.mark.parametrize(
    ("name", "sample", "program"),
    [("half.xls", "fmt_xls_dipu_2019.xls", "Excel"), ("half.xlsx", "fmt_xlsx_liuting_2024.xlsx", "Excel")],
)
def test_a_damaged_file_gets_a_plain_reason_before_the_library_text(
    tmp_path: Path, name: str, sample: str, program: str
) -> None:
    path = tmp_path / name
    path.write_bytes(_half(sample))
    with pytest.raises(InputError) as caught:
        load_document(path)
    reason = caught.value.reason
    assert f"damaged or was cut off when copied; open it in {program} and save it again" in reason
    plain, library = reason.split("(library: ", 1)
    assert library.endswith(")") and "marker" not in plain and "zip" not in plain.lower()
