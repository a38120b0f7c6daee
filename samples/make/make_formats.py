"""Write the format samples (.docx, .xlsx, .html, .pdf) and their gold labels from forms.py.

Run by hand from the repository root after changing forms.py: `python samples/make/make_formats.py`.
The generated files are committed; CI never regenerates them. Needs python-docx, openpyxl, fpdf2,
xlwt (for the .xls), fontTools (with fpdf2) and a CJK font for the PDFs (Debian: fonts-wqy-microhei).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import docx
import opencc
import openpyxl
from docx.enum.table import WD_TABLE_ALIGNMENT
from fontTools.ttLib import TTCollection
from fpdf import FPDF
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).parent))
from forms import COLUMNS, FORMS, Form, grid, placed

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLD = ROOT / "eval" / "gold"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
REGIONS = {"chengxi": "澄溪县", "luyuan": "鹿原县", "liuting": "柳汀县", "lanchuan": "岚川市", "qinghe": "青禾县",
           "yunxiu": "云岫县", "weitang": "苇塘县", "shanyu": "杉屿县", "dipu": "荻浦县"}  # fmt: skip
_T2S = opencc.OpenCC("t2s")


# ---------------------------------------------------------------- writers


def write_docx(form: Form, path: Path) -> None:
    document = docx.Document()
    if form.narrative:
        document.add_heading(form.title, level=1)
        for paragraph in form.narrative:
            document.add_paragraph(paragraph)
    rows = grid(form)
    table = document.add_table(rows=len(rows), cols=COLUMNS)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, c, cell in placed(rows):
        target = table.cell(r, c)
        if cell.colspan > 1 or cell.rowspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text
    document.add_paragraph("填报单位（盖章）：" + form.unit)
    document.save(path)


_PLAIN_NUMBER = re.compile(r"-?[\d,]+(?:\.(\d+))?")
_PERCENT = re.compile(r"(\d+(?:\.(\d+))?)%")


def _sheet_value(text: str) -> tuple[Any, str | None]:
    """A figure as a spreadsheet stores it (number + format); text stays text."""
    if _PLAIN_NUMBER.fullmatch(text) and text.strip("-"):
        decimals = len(_PLAIN_NUMBER.fullmatch(text).group(1) or "")  # type: ignore[union-attr]
        grouping = "#,##0" if "," in text else "0"
        return float(text.replace(",", "")), grouping + ("." + "0" * decimals if decimals else "")
    if match := _PERCENT.fullmatch(text):
        decimals = len(match.group(2) or "")
        return float(match.group(1)) / 100, "0" + ("." + "0" * decimals if decimals else "") + "%"
    return text, None


def _fill_sheet(sheet: Any, rows: list[Any]) -> None:
    for r, c, cell in placed(rows):
        value, number_format = _sheet_value(cell.text)
        target = sheet.cell(row=r + 1, column=c + 1, value=value if cell.text else None)
        if isinstance(value, str) and value.startswith("="):
            target.data_type = "s"  # "=100%" is a target, not a formula
        if number_format:
            target.number_format = number_format
        target.alignment = Alignment(wrap_text=True, vertical="center")
        if cell.colspan > 1 or cell.rowspan > 1:
            sheet.merge_cells(
                start_row=r + 1, start_column=c + 1, end_row=r + cell.rowspan, end_column=c + cell.colspan
            )
    for column in range(1, COLUMNS + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14


def write_xlsx(form: Form, path: Path) -> None:
    workbook = openpyxl.Workbook()
    rows = grid(form)
    if form.stem.endswith("lanchuan_2021"):  # funding and indicators on two sheets, a hidden lookup sheet
        split = 4 + len(form.money)
        first = workbook.active
        first.title = "资金情况"
        _fill_sheet(first, rows[:split])
        _fill_sheet(workbook.create_sheet("绩效指标"), rows[split:])
        hidden = workbook.create_sheet("参数")
        hidden["A1"], hidden["B1"] = "等级下限", 90
        hidden.sheet_state = "hidden"
    else:
        sheet = workbook.active
        sheet.title = "自评表"
        _fill_sheet(sheet, rows)
    workbook.save(path)


def write_xls(form: Form, path: Path) -> None:
    """A legacy .xls (BIFF8) through xlwt: numbers stored as numbers with their formats, merges kept."""
    import xlwt  # only this writer needs it

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    styles: dict[str | None, Any] = {}
    for r, c, cell in placed(grid(form)):
        value, number_format = _sheet_value(cell.text)
        if number_format not in styles:
            styles[number_format] = xlwt.easyxf(num_format_str=number_format or "General")
        style = styles[number_format]
        if cell.colspan > 1 or cell.rowspan > 1:
            sheet.write_merge(r, r + cell.rowspan - 1, c, c + cell.colspan - 1, value, style)
        elif cell.text:
            sheet.write(r, c, value, style)
    book.save(str(path))


def _html_table(form: Form) -> str:
    lines = ['<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" width="100%">']
    for row in grid(form):
        cells = []
        for cell in row:
            span = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            text = cell.text.replace("&", "&amp;").replace("<", "&lt;")
            cells.append(f'<td{span} valign="middle"><p align="center"><span>{text or "&nbsp;"}</span></p></td>')
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


_GOV_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_{place}人民政府</title><style>body{{font-size:14px}} .nav a{{color:#333}}</style>
<script type="text/javascript">var _hmt = _hmt || []; function printme(){{window.print();}}</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<table width="1000" align="center"><tr><td>
<div class="info">索引号：11150000MB1234567X/2024-00318</div>
<div class="info">发布机构：{place}财政局 &nbsp; 发文日期：2024-04-12</div>
<div class="tool">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 浏览次数：<span id="hits">1376</span></div>
<h1>{title}</h1>
{narrative}
{table}
<div class="sign"><p align="right">{place}人力资源和社会保障局</p></div>
<div class="tool"><a href="javascript:printme()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</td></tr></table><script>document.getElementById("hits").innerText = "1377";</script></body></html>
"""

_SHARED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title} - 文档分享</title>
<style>.btn{{display:inline-block}}</style></head>
<body><div class="bar"><span class="btn">下载</span> <span class="btn">收藏</span> <span class="btn">举报</span>
<span class="btn">分享到：</span></div>
<div class="meta">文档格式：.doc &nbsp; 文档大小：86KB &nbsp; 文档页数：6页</div>
<div class="doc">
<p>Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE MicrosoftInternetExplorer4</p>
<p>/* Style Definitions */ table.MsoNormalTable {{mso-style-name:普通表格; mso-tstyle-rowband-size:0;
mso-padding-alt:0cm 5.4pt 0cm 5.4pt; font-size:10.5pt; font-family:"Times New Roman";}}</p>
<h2>{title}</h2>
{narrative}
{table}
</div>
<div class="end">还剩 3 页未读，继续阅读</div>
<div class="rel">阅读了该文档的用户还阅读了这些文档</div>
</body></html>
"""


def write_html(form: Form, path: Path) -> None:
    place = form.department.removesuffix("人力资源和社会保障局")
    narrative = "\n".join(f"<p>{paragraph}</p>" for paragraph in form.narrative)
    if form.stem.endswith("yunxiu_2022"):
        title = "雲岫縣2022年度就業補助資金績效自評報告"
        # a converter injected pinyin into one word, as seen in published copies
        narrative = narrative.replace("就業補助資金由", "就業jiùyè補助資金由", 1)
        page = _SHARED_PAGE.format(title=title, narrative=narrative, table=_html_table(form))
        path.write_bytes(page.encode("utf-8"))
    else:
        page = _GOV_PAGE.format(title=form.title, place=place, narrative=narrative, table=_html_table(form))
        path.write_bytes(page.encode("gb18030"))


def _pdf_font() -> Path:
    target = Path("/tmp/jixiao-wqy-microhei.ttf")
    if not target.exists():
        TTCollection(str(CJK_FONT)).fonts[0].save(str(target))
    return target


def write_pdf(form: Form, path: Path) -> None:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2025, 1, 6, tzinfo=__import__("datetime").UTC))
    pdf.add_font("cjk", fname=str(_pdf_font()))
    pdf.add_page()
    if form.narrative:
        pdf.set_font("cjk", size=14)
        pdf.cell(0, 10, form.title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=10.5)
        for paragraph in form.narrative:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font("cjk", size=7)
    widths = (12, 14, 18, 28, 18, 18, 11, 11, 40)
    with pdf.table(col_widths=widths, text_align="CENTER", first_row_as_headings=False, line_height=4.5) as table:
        for row in grid(form):
            out = table.row()
            for cell in row:
                out.cell(cell.text, colspan=cell.colspan, rowspan=cell.rowspan)
    pdf.output(str(path))


WRITERS = {"docx": write_docx, "xlsx": write_xlsx, "xls": write_xls, "html": write_html, "pdf": write_pdf}


# ---------------------------------------------------------------- gold


def figure(text: str, *, money: bool = False) -> dict[str, Any] | None:
    """The gold figure for a printed cell, labelled by the rules a reader applies (not the project's parser)."""
    if not text:
        return None
    op = text[0] if text[0] in "≥≤=<>" else None
    body = text[1:] if op else text
    if re.fullmatch(r"\d+月(?:底|末)?前", body):  # a deadline, not a count of months
        return {"text": text, "value": None, "unit": None, "op": op, "kind": "date"}
    match = re.fullmatch(r"([\d,]+(?:\.\d+)?)(.*)", body)
    if match is None:
        return {"text": text, "value": None, "unit": None, "op": op, "kind": "text"}
    unit = match.group(2) or None
    value = float(match.group(1).replace(",", ""))
    if money:
        unit = "万元"
    return {"text": text, "value": value, "unit": unit, "op": op, "kind": "percent" if unit == "%" else "number"}


def simplified(text: str) -> str:
    return _T2S.convert(text)


def gold(form: Form, path: Path, fmt: str) -> dict[str, Any]:
    total, parts = form.money[0], form.money[1:]

    def line(column: str) -> dict[str, Any]:
        return {
            "total": figure(getattr(total, column), money=True),
            "by_source": [
                {"source": part.source, "name": simplified(re.sub(r"^其中[:：]", "", part.label)),
                 "amount": figure(getattr(part, column), money=True)}
                for part in parts
            ],
        }  # fmt: skip

    place = form.stem.split("_")[2]
    notes = (
        f"Format sample written by us (invented figures), {fmt}: the 绩效目标自评表 as a real table. Figures chosen "
        "by hand in samples/make/forms.py (sums, rates and scores worked out and checked); this JSON is written "
        "from them by samples/make/make_formats.py and was read through. Conventions: budget = 全年预算数(A), "
        "executed = 全年执行数(B), money cells carry no unit and are 万元 by the block header; 年初预算数 is not "
        "in the model; part rows leave 执行率/分值/得分 empty; program = 项目名称; completion null (no column); "
        "total_score = 总分 row's 得分; grade = 自评等级."
    )
    if "yunxiu" in form.stem:
        notes += (
            " Traditional characters: figure texts are as printed; names, title, region, fund and reasons are "
            "given in simplified characters (what the extractor matches on). Wrappers (sharing-site buttons, "
            "Word XML junk, injected pinyin) are not part of the report."
        )
    return {
        "gold": {"reviewed": True, "labelled_by": "hand", "notes": notes},
        "schema_version": "1.0",
        "source": {"path": f"samples/{path.name}", "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                   "format": fmt},
        "extractor": {"backend": "rules", "model": None, "prompt_version": None, "usage": None},
        "title": form.title,
        "region": REGIONS[place],
        "fund": simplified(form.fund),
        "year": int(form.stem[-4:]),
        "funding": {
            "budget": line("budget"),
            "allocated": {"total": None, "by_source": []},
            "executed": line("executed"),
            "execution_rate": figure(total.rate),
            "execution_weight": figure(total.weight),
            "execution_score": figure(total.score),
        },
        "spending": [],
        "indicators": [
            {
                "program": simplified(form.fund),
                "level1": simplified(ind.level1),
                "level2": simplified(ind.level2),
                "name": simplified(ind.name),
                "target": figure(ind.target),
                "actual": figure(ind.actual),
                "completion": None,
                "weight": figure(ind.weight),
                "score": figure(ind.score),
                "deviation_reason": simplified(ind.reason) or None,
                "breakdown": [],
            }
            for ind in form.indicators
        ],
        "total_score": figure(form.total),
        "grade": figure(form.grade) if form.grade else None,
        "truncated": False,
        "notes": [],
    }  # fmt: skip


def main() -> None:
    for stem, form in FORMS.items():
        fmt = stem.split("_")[1]
        path = SAMPLES / f"{stem}.{fmt}"
        WRITERS[fmt](form, path)
        data = gold(form, path, fmt)
        (GOLD / f"{stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes) and its gold")


if __name__ == "__main__":
    main()
