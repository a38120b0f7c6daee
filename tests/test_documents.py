"""Loading reports: encodings are detected, docx keeps reading order, bad input fails clearly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from jixiao.documents import load_document
from jixiao.errors import InputError

SENTENCE = "2025年全市就业补助资金支出３８６１．１４万元，执行率为99.57%。"
NORMALIZED = "2025年全市就业补助资金支出3861.14万元，执行率为99.57%。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"report-{encoding}.txt"
    path.write_bytes(("就业补助资金绩效自评报告\n" + SENTENCE * 3).encode(encoding))
    document = load_document(path)
    assert NORMALIZED in document.text
    assert document.format == "txt"
    assert len(document.sha256) == 64


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("# 标题\n" + SENTENCE, encoding="utf-8")
    assert NORMALIZED in load_document(path).text


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("扎兰屯市就业补助资金绩效自评报告")
    table = document.add_table(rows=2, cols=3)
    for column, text in enumerate(["项目", "全年预算数(A)", "全年执行数(B)"]):
        table.cell(0, column).text = text
    for column, text in enumerate(["年度资金总额", "820.00", "790.52"]):
        table.cell(1, column).text = text
    document.add_paragraph("以上为资金情况。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_docx_bytes())
    lines = load_document(path).text.splitlines()
    assert lines == [
        "扎兰屯市就业补助资金绩效自评报告",
        "项目 | 全年预算数(A) | 全年执行数(B)",
        "年度资金总额 | 820.00 | 790.52",
        "以上为资金情况。",
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t", "no text"),
        ("binary.txt", bytes(range(256)) * 8, "binary file"),
        ("corrupt.docx", b"PK\x03\x04 this is not a zip", "not a readable .docx"),
        ("notzip.docx", "一份报告".encode(), "not a readable .docx"),
        ("report.xyz", "一份报告".encode(), "unsupported format"),
    ],
)
def test_bad_input_names_the_file_and_the_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert name in str(caught.value)
    assert reason in str(caught.value)


def test_truncated_docx_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "truncated.docx"
    data = _docx_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"truncated\.docx: not a readable \.docx"):
        load_document(path)


def test_docx_without_document_part_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a word file")
    with pytest.raises(InputError, match=r"hollow\.docx"):
        load_document(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "absent.txt")


def test_huge_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao.documents import document

    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("报告" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match=r"huge\.txt: file too large"):
        load_document(path)
