"""The report's own title: the first line that ends in report words (绩效自评报告, 绩效目标自评表…) and is not
site chrome. A post title followed by its 发布时间 gives way to the document's own title further down; a page's
list of forms, a numbered item and a sentence citing a document are no title. Failing a title line: the title
the opening announces (`现将…报告如下`), a headline (`…2021年度…实施情况`), or a file name (`….docx`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from jixiao.extract.rules.fund_names import subject_of
from jixiao.extract.rules.places import leading_places
from jixiao.vocabulary import REPORT_TITLE

CHROME = re.compile(
    r"由会员分享|请在.{0,40}搜索|\.(?:docx?|pdf|xlsx?|wps)|索引号|发布时间|发布日期|发布机构|当前位置|现在的位置"
    r"|所在的位置|欢迎来到|导语|浏览|字号|字体|分享到|打印|登录|注册|无障碍|适老化|版权|主办|小编|供大家参考|范文"
)
_META_LINE = re.compile(
    r"^\s*[•·]?\s*(?:发布时间|发布日期|时间|日期|来源|作者|浏览|字号|字体|编辑|发文机构|信息分类"
    r"|[\d.:\- ]{8,}$|\d{4}-\d{2}-\d{2})"
)
# what stands before a title on its line: `标题:`, `名  称: |`, a page number `1、`, spam up to `】`, `附件3`
_TITLE_PREFIX = re.compile(
    r"^\s*(?:.{0,30}?(?:标\s*题|名\s*称|概\s*述|关\s*键\s*词|词)\s*[:：]\s*\|?\s*|\d+、|.{0,40}?】|.{0,10}附件\s*\d*\s*[:：]?\s*"
    r"|\*+)"
)
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])")
_TITLE_TAIL = re.compile(r"(?:书)?\s*(?:[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）])?")
SENTENCE_MARKS = re.compile(r"[，。！？；,;《]")
_MAX_TITLE = 80
_MAX_LINES = 60
MAX_HEAD_LINE = 30  # a first title line carried over to the next (岳阳市2018年度部门整体支出 / 绩效评价自评报告)


@dataclass(frozen=True)
class TitleLine:
    title: str
    rest: str  # what the line prints after the title: `(残疾人事业发展补助资金)`
    index: int


def lines_of(text: str) -> list[str]:
    """The first lines that print something, stripped: a line of bars alone (the empty cells a table dump
    closes a row with, `|` / `| | |`) prints nothing."""
    printed = (stripped for line in text.splitlines() if (stripped := line.strip()) and stripped.strip(_BARS))
    return list(islice(printed, _MAX_LINES))


_BARS = "| \t\u3000"


def last_lines(text: str, count: int) -> list[str]:
    """The last `count` lines that are not blank, stripped, in order (read from the end only)."""
    found = list(islice((stripped for line in reversed(text.splitlines()) if (stripped := line.strip())), count))
    return found[::-1]


_MENU_ITEM = re.compile(r"^\s*[•·▪■◆]\s*\S{1,10}\s*$")  # `• 自评报告`: a site's category list, not a title


_CITING = re.compile(r"\s*(?:根据|按照|依据)《")


# `2021年度某助学金项目自评结果`: a results page titled by what it evaluated, the whole line
_RESULT_TITLE = re.compile(r"[^\s，,。；;：:|]{4,60}?(?:绩效)?(?:自评|评价)结果")
_LIST_NUMBER = re.compile(r"(\d{1,3})[.、．]?")
_LIST_HEADING = re.compile(r"^(?:清单|目录|一览表?|汇总表)")  # `某局本级项目绩效自评表清单`: a list of forms


def _list_number(lines: list[str], index: int) -> int | None:
    number = _LIST_NUMBER.fullmatch(lines[index]) if 0 <= index < len(lines) else None
    return int(number.group(1)) if number else None


def _numbered_item(lines: list[str], index: int) -> bool:
    """A line of a numbered list printed a cell per line (`7`, `水电费自评表`, `8`, `某补助资金自评表`): the
    number before it, and the list's next number after it or its previous one before the item before."""
    number = _list_number(lines, index - 1)
    if number is None:
        return False
    return _list_number(lines, index + 1) == number + 1 or _list_number(lines, index - 3) == number - 1


# `标题:某县…自评报告 索引号:… 发文机构:…`: a site's labelled fields squashed onto one line; the title field
# ends where the next field's label starts
_TITLE_FIELD = re.compile(r"^\s*(?:标\s*题|名\s*称)\s*[:：]")
_NEXT_FIELD = re.compile(r"\s+[\u4e00-\u9fff]{2,6}[:：]")


def _title_in(lines: list[str], index: int) -> TitleLine | None:
    line = lines[index]
    if (field := _TITLE_FIELD.match(line)) and (after := _NEXT_FIELD.search(line, field.end())):
        line = line[: after.start()]
    if CHROME.search(line) or _MENU_ITEM.match(line) or _numbered_item(lines, index):
        return None
    if _HEADING.match(line):  # `二、项目支出绩效自评表` is a section of the report, not its title
        return None
    if _CITING.match(line):  # `根据《…关于开展2024年度…绩效自评工作的通知》…`: a sentence citing a notice
        return None
    line = _TITLE_PREFIX.sub("", line, count=1).strip(" |")
    match = REPORT_TITLE.search(line) or _RESULT_TITLE.fullmatch(line)
    if match is None or match.end() > _MAX_TITLE or SENTENCE_MARKS.search(line[: match.end()]):
        return None
    if match.re is _RESULT_TITLE and subject_of(line) is None:
        return None  # `绩效自评结果` alone is a section's name; a title names what was evaluated
    tail = _TITLE_TAIL.match(line, match.end())
    end = tail.end() if tail else match.end()
    title, rest = line[:end].strip(), line[end:].strip(" |")
    if rest.startswith(("。", "，", ",")):  # `设立…区域绩效目标表。`, `现已完成…自评,意见…`: a sentence, not a title
        return None
    if _LIST_HEADING.match(rest):  # the heading of a page's list of its forms, not one form's title
        return None
    previous = lines[index - 1] if index else ""
    if _carries_over(previous, title):  # `绩效评价自评报告` under its first half
        title = previous + title
    return TitleLine(title=title, rest=rest, index=index)


def _carries_over(line: str, title: str) -> bool:
    """`line` is the first half of `title`: a short title-like line over a title that names nothing on its
    own (老年人助餐服务点项目 / 绩效自评报告), or one that starts with a place or a year over a title that
    names no place (枞阳县2023年度国家基本公共卫生 / 服务项目绩效评价自评报告)."""
    if not (0 < len(line) <= MAX_HEAD_LINE) or CHROME.search(line) or _META_LINE.match(line):
        return False
    if SENTENCE_MARKS.search(line) or re.search(r"[:：|]|绩效|^[一二三四五六七八九十]+、|^附件", line):
        return False
    if REPORT_TITLE.search(line):  # `某补助资金自评表` over `项目支出绩效自评表`: a title of its own
        return False
    if leading_places(title):
        return False
    names_nothing = subject_of(title) is None
    return names_nothing or bool(re.match(r"(?:19|20)\d{2}\s*年", line) or leading_places(line))


_CLUSTER_GAP = 4


def title_lines(lines: list[str]) -> list[TitleLine]:
    """The document's title as it is printed, last first: a page restates its post title (post title,
    来源, then the document's own title under it), so the first run of titles is one title, and the last of
    the run is the one the document itself prints."""
    run: list[TitleLine] = []
    for index in range(len(lines)):
        if run and index - run[-1].index > _CLUSTER_GAP:
            break  # no later title can join the run: the lines after it are not read
        if title := _title_in(lines, index):
            run.append(title)
    return run[::-1]


_ANNOUNCED = re.compile(r"现将(?P<title>[^，,。；;：:\n]{6,70}?(?:报告|自评表|评价表))(?:公[开布]如下|如下)")
"""`…现将2022年某县交通运输局…资金项目自评情况报告如下：`: a report with no title line names itself."""


def announced(lines: list[str]) -> list[TitleLine]:
    for index, line in enumerate(lines[:_CLUSTER_GAP]):
        if announced := _ANNOUNCED.search(line):
            return [TitleLine(title=announced["title"], rest="", index=index)]
    return []


_HEADLINE = re.compile(r"[^\s，,。；;：:|]{2,30}?(?:19|20)\d{2}\s*年度?[^\s，,。；;：:|]{2,30}?(?:实施|执行|绩效)情况")
"""`某管理区专项转移支付2023年度某补贴实施情况` opening a report: a title in other words."""


def headline(lines: list[str]) -> list[TitleLine]:
    if not lines or _HEADING.match(lines[0]) or CHROME.search(lines[0]) or _CITING.match(lines[0]):
        return []
    headline = _HEADLINE.match(lines[0])  # the line may run on into the first section's heading
    return [TitleLine(title=headline.group(0), rest="", index=0)] if headline else []


_FILE_NAME = re.compile(r"[《\s]*(?P<stem>[^\n《》]{4,80}?)\s*\.(?:docx?|pdf|wps)(?![A-Za-z])")
"""`某省某专项资金2021年度绩效自评报告.docx《…》由会员分享…`: a sharing site's page opens on the file's name."""


def file_name(lines: list[str]) -> list[TitleLine]:
    """The title of a sharing page that prints none of its own but gives the file's name as the page's title,
    twice (`X.docx《X.docx》由会员分享`): the name without its extension, when it ends in report words (a file
    named `附件2.docx` names none). A file name printed once is a download link's, no more the report's title
    than the form's own 项目名称 (`某局2021年度乡村道路项目自评表.pdf` over a form for 乡村道路建设养护项目)."""
    for index, line in enumerate(lines[:2]):
        named = _FILE_NAME.match(line)
        if named is None or line.find(named["stem"], named.end()) < 0:
            continue
        stem = named["stem"]
        words = REPORT_TITLE.search(stem)
        if words is not None and words.end() == len(stem) and not SENTENCE_MARKS.search(stem):
            return [TitleLine(title=stem, rest="", index=index)]
    return []


def title_of(text: str) -> str | None:
    found = title_lines(lines_of(text))
    return found[0].title if found else None
