"""Wrappers around the report: site chrome, document-sharing chrome, Word metadata, romanisation.

Published reports reach us pulled out of government web pages (索引号, 发布机构, 字体 大 中 小, 浏览次数,
打印本页, 关闭窗口), document-sharing sites (下载, 收藏, 举报, 分享到, 还剩 5 页未读), and Word files
saved as web pages, whose hidden XML leaks as text (`Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN
X-NONE`, author names and ISO timestamps, `/* Style Definitions */ table.MsoNormalTable {…}`).

These passes run inside normalization, so the wrapper text leaves `Document.text` while the offset map
still leads every remaining char back to the file (`Document.raw_text` keeps everything). Stripping there
rather than exposing a "body starts here" offset is deliberate: chrome also sits after the report and
between pages, every backend (rules and LLM) gets the same clean text, and the year of a 发文日期 line can
no longer be taken for the fiscal year. Each pattern is anchored on wording a report body never uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from jixiao.documents.page_width import TONED

Replacement = Callable[[re.Match[str]], str]


def _drop(match: re.Match[str]) -> str:
    return ""


# A line that starts with a metadata label ("索引号：…", "来源：… 发布时间：… 浏览次数：…").
_LABELS = (
    "索引号|发布机构|发文机关|发布日期|发文日期|成文日期|发布时间|更新时间|信息来源|来源|浏览次数|访问次数|阅读次数|"
    "点击数|点击量|浏览量|责任编辑|编辑|主题分类|体裁分类|主题词|公开方式|公开范围|公开时限|有效性|文档格式|文档大小|"
    "文档页数|上传时间|上传者|贡献者|页数|字数|作者|创建时间|创建者|修改时间|最后修改时间|上次修改者|"
    "当前位置|您的位置|您当前的位置|所在位置"
)
_LABEL_LINE = re.compile(rf"^[ \t\u3000【\[]*(?:{_LABELS})[ \t\u3000]*[:：][^\n]{{0,160}}(?:\n|$)", re.MULTILINE)

# Page furniture of PDFs and printed pages: "- 3 -", "第 3 页 共 12 页" alone on a line (a bare number is
# left alone: in a one-cell-per-line table it is a value)
_PAGE_NUMBER = re.compile(
    r"^[ \t\u3000]*(?:[-—–][ \t]*\d{1,4}[ \t]*[-—–]|第[ \t]*\d{1,4}[ \t]*页(?:[ \t，,/]*共[ \t]*\d{1,4}[ \t]*页)?"
    r"|\d{1,4}[ \t]*/[ \t]*共?[ \t]*\d{1,4}[ \t]*页)[ \t\u3000]*(?:\n|$)",
    re.MULTILINE,
)

# A breadcrumb: 首页 > 政务公开 > 财政信息
_BREADCRUMB = re.compile(r"^[ \t\u3000]*首页[ \t]*(?:>|›|»|＞|/)[^\n]{0,100}(?:\n|$)", re.MULTILINE)

# Chrome that can sit inside a line: font-size switch, print and close buttons in brackets.
_INLINE_CHROME = re.compile(
    r"[【\[]?[ \t]*字体[ \t]*[:：]?[ \t]*[【\[]?[ \t]*大[ \t]*中[ \t]*小[ \t]*[】\]]?[ \t]*[】\]]?"
    r"|[【\[][ \t]*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|加入收藏)[ \t]*[】\]]"
    r"|(?:打印本页|关闭窗口|扫一扫在手机打开当前页)"
)

# A line made only of sharing-site buttons and link words.
_BUTTONS = (
    "下载文档|免费下载|立即下载|下载|收藏|举报|分享到|分享|微信|微博|新浪微博|QQ空间|QQ好友|打印|关闭|返回顶部|返回|"
    "上一篇|下一篇|相关链接|相关文档|相关阅读|点赞|评论|VIP|会员|原创|举报该文档|文档简介|文档介绍"
)
_BUTTON_LINE = re.compile(rf"^[ \t\u3000]*(?:(?:{_BUTTONS})[ \t\u3000|｜·•/:：、]*)+(?:\n|$)", re.MULTILINE)
_SHARING_LINE = re.compile(
    r"^[^\n]{0,20}(?:还剩[ \t]*\d+[ \t]*页未读|继续阅读|阅读了该文档的用户还阅读了|已阅读到文档的结尾"
    r"|本文档由[^\n]{0,30}上传|文档贡献者|\d+[ \t]*(?:人已下载|次下载|人阅读))[^\n]{0,40}(?:\n|$)",
    re.MULTILINE,
)

# Word's hidden XML rendered as text: a run of ASCII tokens carrying a tell-tale marker.
_OFFICE_TOKEN = r"(?:[A-Za-z0-9][A-Za-z0-9_.:+\-]*|磅|微软用户|微软中国)"
# the run ends at a space or line end, so "X-NONE 2024年…" keeps its year
_OFFICE_RUN = re.compile(rf"(?<![A-Za-z0-9_.])(?:{_OFFICE_TOKEN}[ \t]+){{2,}}{_OFFICE_TOKEN}(?=[ \t\n]|$)")
_OFFICE_MARKER = re.compile(r"(?i)false\s+false|X-NONE|MicrosoftInternetExplorer4|\d{4}-\d\d-\d\dT\d\d:\d\d")
_OFFICE_STYLE = re.compile(
    r"/\*[ \t]*Style Definitions[ \t]*\*/[^{]{0,80}\{[^}]*\}|\b(?:table|p|span|div)\.Mso\w+[ \t]*\{[^}]*\}", re.DOTALL
)


# Cues decide cheaply whether a pass can match at all; each finds a part of every match of its pass. One that
# starts with a rare literal lets the regex engine skip ahead, where a leading \d or (?i) tries every position
# (these two cost a millisecond per report before).
_OFFICE_CUE = re.compile(r"[Ff][Aa][Ll][Ss][Ee]\s|X-NONE|MicrosoftInternetExplorer4|T\d\d:\d\d")
_PAGE_NUMBER_CUE = re.compile(r"[-—–][ \t]*\d|第[ \t]*\d|/[ \t]*共?[ \t]*\d")


# The author's name a converter prints before that run (`张某 abcd123456 1 2018-03-11T02:14:07Z …`): a short
# Chinese name opening a line, then ASCII tokens up to a timestamp or `False False`.
_OFFICE_AUTHOR = re.compile(
    r"^[ \t]*[\u4e00-\u9fff]{2,4}[ \t]+(?=(?:[A-Za-z0-9_.:+\-]+[ \t]+){0,8}?"
    r"(?:\d{4}-\d\d-\d\dT\d\d:\d\d|[Ff]alse[ \t]+[Ff]alse))",
    re.MULTILINE,
)


def _office_run(match: re.Match[str]) -> str:
    return "" if _OFFICE_MARKER.search(match.group(0)) else match.group(0)


# Romanisation injected by converters: pinyin with tone marks glued to Chinese ("就業jiùyè"), or a toneless
# run of two or more pinyin syllables between two Chinese chars ("資金zijin補助").
_TONED = TONED
_HAN = r"\u4e00-\u9fff"
_TONED_WORD = rf"[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*(?:[ \t'][a-zü{_TONED}]+)*"
_TONED_PINYIN = re.compile(  # in brackets whatever follows (`項(xiàng)Fl`, an OCR'd cell); bare, before a CJK char,
    rf"(?<=[{_HAN}])[ \t]?(?:[(（]{_TONED_WORD}[)）]|[(（]?{_TONED_WORD}[)）]?"  # a space, a figure or a quote
    rf"(?=[{_HAN}\s，。；,;、：:(（)）|≥≤<>=\d%“”‘’《》【】「」]|$))"  # `上報(bào)100%`
)
_BARE_PINYIN = re.compile(rf"(?<=[{_HAN}])[a-z]{{4,}}(?=[{_HAN}])")

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s",
             "y", "w", "")  # fmt: skip
_FINALS = ("iang", "iong", "uang", "ang", "eng", "ing", "ong", "ian", "iao", "uai", "uan", "ai", "ei", "ao", "ou", "an",
           "en", "er", "ia", "ie", "in", "iu", "ua", "uo", "ui", "un", "ue", "a", "o", "e", "i", "u", "v")  # fmt: skip


@cache
def _syllables() -> frozenset[str]:
    return frozenset(initial + final for initial in _INITIALS for final in _FINALS if initial + final)


def _is_pinyin(word: str) -> bool:
    """Whether `word` splits into two or more pinyin syllables (so "app" or "excel" never do)."""
    syllables = _syllables()
    reachable = {0: 0}  # end offset -> fewest syllables to get there
    for start in range(len(word)):
        if start not in reachable:
            continue
        for size in range(1, 7):
            if word[start : start + size] in syllables:
                end = start + size
                reachable[end] = min(reachable.get(end, 99), reachable[start] + 1)
    return reachable.get(len(word), 0) >= 2


def _bare_pinyin(match: re.Match[str]) -> str:
    return "" if _is_pinyin(match.group(0)) else match.group(0)


# Document-sharing sites number the pages of the text they dump: `1、` opens the first page's line and `\n2、`,
# `\n3、` break the text wherever a page ended, inside a cell or a word (`音响、\n2、灯光、道具`). Only in such an
# excerpt, and only a page number that follows a long page line, is dropped with its line break (and the blank
# line some sites print between the pages: `…实现科学管\n\n2、理`).
_SHARED_PAGE = re.compile(r"\n(?:[ \t]*\n)?(?P<page>[2-9]|[1-9]\d)、(?=\S)")
_SHARED_EXCERPT = re.compile(r"由会员(?:上传)?分享|珍藏版\)|珍藏版）|下载本文档|下載本文檔")
_MIN_PAGE_LINE = 200


def _shared_page(match: re.Match[str]) -> str:
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    long_page = match.start() - line_start >= _MIN_PAGE_LINE
    return "" if long_page and _SHARED_EXCERPT.search(text, 0, 400) else match.group(0)


Cue = re.Pattern[str] | None
# Each pass has a cheap cue that must occur for the pass to find anything: most reports carry no
# wrapper at all, and scanning for the full patterns cost more than the rest of normalization.
WRAPPER_PASSES: list[tuple[re.Pattern[str], Replacement, Cue]] = [
    (_OFFICE_STYLE, _drop, re.compile(r"Style Definitions|\.Mso")),
    (_OFFICE_AUTHOR, _drop, _OFFICE_CUE),
    (_OFFICE_RUN, _office_run, _OFFICE_CUE),
    (_INLINE_CHROME, _drop, re.compile(r"字体|打印|关闭|返回顶部|收藏本页|加入收藏|扫一扫")),
    (_LABEL_LINE, _drop, re.compile(rf"(?:{_LABELS})[ \t\u3000]*[:：]")),
    (_BREADCRUMB, _drop, re.compile(r"首页")),
    (_PAGE_NUMBER, _drop, _PAGE_NUMBER_CUE),
    # glosses before a shared page's line is measured
    (_TONED_PINYIN, _drop, re.compile(rf"[{_TONED}]")),
    (_BARE_PINYIN, _bare_pinyin, re.compile(rf"[{_HAN}][a-z]{{4}}")),
    (_SHARED_PAGE, _shared_page, _SHARED_EXCERPT),
    (_BUTTON_LINE, _drop, re.compile(rf"^[ \t\u3000]*(?:{_BUTTONS})", re.MULTILINE)),
    (_SHARING_LINE, _drop, re.compile(r"还剩|继续阅读|阅读了|已阅读|本文档由|贡献者|下载|阅读")),
]
