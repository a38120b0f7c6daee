"""Title, region, fund and fiscal year: what the report says about itself, read from its own lines only.

Where each comes from, most trusted first:
- title: the first line that ends in report words (绩效自评报告, 绩效目标自评表…) and is not site chrome
  (a post title followed by its 发布时间 gives way to the document's own title further down);
- fund: what the title names once place, unit, year and report words are gone, else the form's 项目名称 /
  转移支付(项目)名称 (several different ones: a department's many projects, so none), else a bracketed name
  printed after the title (`(教育专项工作经费)`);
- region: the place of the 实施单位 / 资金使用单位 / 部门 (DOMAIN: the unit that spends the money), else the
  title's places, else the 主管部门's, else the place printed before the fund's name in the body, else the
  publishing unit (发布机构, 来源) and the signature, else the place the opening calls itself by (own_place);
  always the most specific place, in its shortest form;
- year: the form's 评价年度, else the title's year (none when it spans years), else the form's `(2021年度)`,
  else the body's most frequent `20xx年度`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.form_fields import FieldKind, FormField, form_fields, values_of
from jixiao.extract.rules.fund_names import (
    bracketed_subject,
    fund_in_body,
    named_subject,
    subject_of,
    whole_unit_title,
)
from jixiao.extract.rules.own_place import (
    bracketed_own_place,
    centre_given_place,
    level_government_place,
    notice_issuer_place,
    opening_unit_place,
    own_province,
    year_led_place,
)
from jixiao.extract.rules.places import (
    branch_of,
    is_province,
    leading_places,
    most_specific,
    shortest_form,
    usual_spelling,
    without_pinyin,
)
from jixiao.extract.rules.report_title import (
    CHROME,
    MAX_HEAD_LINE,
    SENTENCE_MARKS,
    TitleLine,
    announced,
    file_name,
    headline,
    last_lines,
    lines_of,
    title_lines,
)
from jixiao.extract.rules.report_year import read_year
from jixiao.vocabulary import ORGAN_SUFFIXES


@dataclass(frozen=True)
class Header:
    title: str | None
    region: str | None
    fund: str | None
    year: int | None


# ---- fund -----------------------------------------------------------------------------------------------


def _fund(fields: list[FormField], titles: list[TitleLine], lines: list[str]) -> str | None:
    units = values_of(fields, FieldKind.UNIT) + values_of(fields, FieldKind.ADMIN)
    names = {
        subject for value in values_of(fields, FieldKind.NAME) if (subject := named_subject(_after_unit(value, units)))
    }
    if found := next((subject for title in titles if (subject := subject_of(title.title))), None):
        # `疾控中心重大传染病防控经费转移支付区域(项目)` in the title, `重大传染病防控经费` in the 名称 field: the
        # title wraps the form's name in template words (a title that only adds words before it, `中央就业补助资金`
        # over `就业补助资金`, keeps its own)
        # (or calls it a project by its stem: `禁毒项目` in the title, `禁毒经费` in the field; a page that prints
        # the title again as a 名称 field names no other fund by it)
        others = names - {found}
        bare = found.removesuffix("项目")
        stem = bare if bare != found and len(bare) > 1 else None
        inside = [
            name for name in others
            if (name in found and not found.endswith(name)) or (stem is not None and name.startswith(stem))
        ]  # fmt: skip
        return inside[0] if len(others) == 1 and inside else found
    if len(names) > 1:  # a department's several projects under a title that names none: no one fund
        return None
    if names:
        return names.pop()
    if not titles:
        return _quoted_fund(lines) or _bracketed_line(lines) or _evaluated_fund(lines)
    following = lines[titles[0].index + 1] if titles[0].index + 1 < len(lines) else ""
    # a post title restated by the page: the bracket may follow either copy
    bracketed = (subject for title in titles if (subject := bracketed_subject(title.rest)))
    named = next(bracketed, None) or bracketed_subject(following) or _quoted_fund(lines) or _evaluated_fund(lines)
    return named or next((whole for title in titles if (whole := whole_unit_title(title.title, lines))), None)


def _after_unit(name: str, units: list[str]) -> str:
    """`某市某局某口岸分局某业务支出项目` under 实施单位 `某市某局某口岸分局`: the project's name after the unit's own
    (a unit's name holds words no place reader drops); a firm's or a co-op's name is part of its project's."""
    offices = [unit.strip() for unit in units if unit.strip().endswith(tuple(ORGAN_SUFFIXES))]  # not a co-op's
    prefix = max((unit for unit in offices if name.startswith(unit)), key=len, default="")
    return name[len(prefix) :] if prefix and len(name) - len(prefix) >= _MIN_AFTER_UNIT else name


_MIN_AFTER_UNIT = 4
_HEAD_LINES = 8
_QUOTED = re.compile(r"关于\s*[“\"]([^”\"\n]{4,40})[”\"]")
_BRACKET_LINE = re.compile(r"[（(][^()（）]{4,40}[)）]")


def _quoted_fund(lines: list[str]) -> str | None:
    """`某县人社局关于“2022年中央财政就业补助资金”管理使用情况`: a head line about a quoted fund."""
    for line in lines[:_HEAD_LINES]:
        if not SENTENCE_MARKS.search(line) and (quoted := _QUOTED.search(line)):
            return subject_of(quoted.group(1))
    return None


_TEMPLATE_HEADING = re.compile(
    r"^[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]?\s*(?:中央|省级?|市级?|县级?)?(?:分配)?下达(?P<fund>[^，。；,;：:\n]{4,40}?)"
    r"(?:(?:预算)?和(?:区域)?绩效目标(?:的)?情况|(?<=资金|经费|补助|补贴)预算情况)"
)  # `(一)中央下达某某资金预算情况`: the template's heading without its 绩效目标, the money named


def _template_heading(lines: list[str]) -> str | None:
    """`(一)下达某某转移支付预算和绩效目标情况`, `(一)中央下达某省某资金预算和区域绩效目标情况`: the section the
    transfer-payment self-evaluation template opens with names the fund, in a report printed without its title
    (the template's own `中央下达转移支付预算…` names none)."""
    for line in lines[:_HEAD_LINES]:
        if heading := _TEMPLATE_HEADING.match(line):
            return subject_of(heading["fund"])
    return None


_EVALUATED = re.compile(
    r"对\s*(?:(?:19|20)\d{2}\s*年度?)?(?P<fund>[^，。；,;：:\n]{4,40}?)(?:的?绩效目标实施情况|的?绩效情况)?"
    r"(?:全面|认真|统一|集中|及时)?(?:开展|进行)了?(?:绩效)?自评"  # `对…项目支出全面开展自评`: the adverb is no name
)


def _evaluated_fund(lines: list[str]) -> str | None:
    """`…街道对2025年某某转移支付资金绩效目标实施情况开展自评`: the report's opening sentence names what it
    evaluates, when no title does."""
    for line in lines[:_HEAD_LINES]:
        if evaluated := _EVALUATED.search(line):
            named = evaluated["fund"].rsplit("的", 1)[-1]  # `中央对地方转移支付的某监管补助资金`
            return None if _NOT_ONE_FUND.search(named) else subject_of(named)
    return None


_NOT_ONE_FUND = re.compile(r"[和及、与]|该|本|所有|全部|情况|效果|整体")  # several funds, or words about one


def _bracketed_line(lines: list[str]) -> str | None:
    """`(某检查站租金项目)` alone on a line under a page's metadata, the report printing no title."""
    for line in lines[:_HEAD_LINES]:
        if _BRACKET_LINE.fullmatch(line):
            return bracketed_subject(line)
    return None


# ---- region ---------------------------------------------------------------------------------------------

# `来源：某县林草局`, a metadata table's `发布机构 | 某县林草局 |` (or `发文单位: | 某市某局 |`, a colon and a cell bar)
_META_UNIT = re.compile(r"(?:发布机构|发文机构|发布单位|发文单位|来源)(?:\s*[:：|│])*\s*([\u4e00-\u9fff]{3,30})")
_SIGNATURE_LINES = 5
_BEFORE_NAME = 12


def _field_place(fields: list[FormField], kind: FieldKind) -> str | None:
    return next((place for value in values_of(fields, kind) if (place := most_specific(value))), None)


_PLACE_BOUNDARY = "年度在对按照于由将向达《"
_WINDOW_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?$")
_MONEY_TAIL = re.compile(r"(?:专项|补助|转移支付|资金|经费|补贴|项目|支出)+$")
_MIN_PROBE = 4
_LEVEL_HEAD = re.compile(r"^(?:省|市|州|县|区|旗)(?!级)(?=[\u4e00-\u9fff]{4})")  # `市科技专项资金`: 某某市 in the body
_MASKS = "*＊×X"  # `下达**河县`: a masked name, not 河县
_CENTRE_GIVES = ("中央下达", "财政部下达")  # `中央下达某自治区某资金`: the province's own report


def _probe(name: str) -> str:
    """What of the fund's name the body repeats: its first eight chars, of the name without its money words
    (`农村危房改造转移支付` is printed as `某区农村危房改造专项资金`, `某补贴支出` as `某补贴资金`) or the
    level word it opens on (a 项目名称 `市科技创新专项资金` is printed as `某某市科技创新专项资金`)."""
    core = _MONEY_TAIL.sub("", _LEVEL_HEAD.sub("", name))
    return (core if len(core) >= _MIN_PROBE else name)[:8]


def _place_before(text: str, name: str, *, province: bool = False) -> str | None:
    """The place printed right before the fund's name in the body (`2021年青禾市妇女儿童健康…工程`,
    `按照东丽区东丽湖新建光辉路…`, `下达某市2021年某某资金`): a place below province level (a province only when
    asked, and only as the one the centre gives the money to: a province's own report), or None."""
    probe = _probe(name)
    at = text.find(probe)
    while at >= 0:
        if at and text[at - 1] in "(（" and (opening := _full_name_place(text, at - 1)):
            return opening
        window = _WINDOW_YEAR.sub("", text[max(0, at - _BEFORE_NAME) : at])
        for start in reversed(range(len(window))):  # the nearest place: `下达达州市` is 达州市
            before = window[start - 1] if start else ""
            if ("\u4e00" <= before <= "\u9fff" and before not in _PLACE_BOUNDARY) or before in _MASKS:
                continue
            places = leading_places(window[start:])
            if not places or "".join(places) != window[start:]:
                continue
            if not is_province(places[-1]) or (province and window[:start].endswith(_CENTRE_GIVES)):
                return places[-1]
        at = text.find(probe, at + 1)
    return None


# `…的某区某某建设项目(某工程)`: a project's full name before the bracket that holds its short name
_FULL_NAME = re.compile(r"[\u4e00-\u9fff]{6,40}?(?:项目|工程)$")


def _full_name_place(text: str, bracket: int) -> str | None:
    """The place a project's full name opens with, when the fund's short name is bracketed right after it
    (`用于某事的天津市某区某某联网应用项目(某工程)`): below province level, at a word's boundary."""
    begin = max(0, bracket - _FULL_NAME_REACH)
    window = text[begin:bracket]
    for start in range(len(window)):
        before = text[begin + start - 1] if begin + start else ""
        if "\u4e00" <= before <= "\u9fff" and before not in _PLACE_BOUNDARY + "的":
            continue
        places = leading_places(window[start:])
        rest = window[start + len("".join(places)) :]
        if places and not is_province(places[-1]) and _FULL_NAME.fullmatch(rest):
            return places[-1]
    return None


_FULL_NAME_REACH = 48


def _region(
    text: str, lines: list[str], fields: list[FormField], titles: list[str], fund: str | None, raw: str
) -> str | None:
    place = _field_place(fields, FieldKind.UNIT)
    heads = titles + [line for line in lines if line.startswith("附件")]
    place = place or next((found for head in heads if (found := most_specific(_head_of(head)))), None)
    place = place or _field_place(fields, FieldKind.ADMIN)
    if fund and (place is None or is_province(place) or place in ("北京市", "天津市", "上海市", "重庆市")):
        place = _place_before(text, fund) or place
    place = place or _publisher_place(text) or (_publisher_place(raw) if raw is not text else None)
    place = place or _signature_place(text)
    place = place or (_place_before(text, fund, province=True) if fund else None)
    place = place or next(
        (found for unit in _EVALUATING_UNIT.findall(text[:_OPENING]) if (found := most_specific(unit))), None
    )
    place = place or _cover_issuer_place(lines)
    place = place or own_province(lines[0] if lines else "") or bracketed_own_place(text[:_OPENING])
    place = place or level_government_place(text[:_OPENING], fund) or opening_unit_place(text[:_OPENING])
    place = place or notice_issuer_place(text[:_OPENING]) or year_led_place(text)
    place = place or centre_given_place(text[:_OPENING])
    if place:
        place = _below_branch(place, values_of(fields, FieldKind.UNIT) + [_head_of(head) for head in heads])
    return shortest_form(usual_spelling(place, text), text) if place else None


def _below_branch(place: str, units: list[str]) -> str | None:
    """`place`, unless it is the place of the office a unit is a branch of: then the branch's own, or None."""
    branch = next((office for unit in units if (office := branch_of(unit))), None)
    return branch[1] if branch is not None and branch[0] == place else place


# `…有关规定,某省住房和城乡建设厅、财政厅组织开展了2024年度…绩效自评工作`: the unit that evaluates, in
# the opening paragraph of a report that names no place elsewhere
_EVALUATING_UNIT = re.compile(
    r"([\u4e00-\u9fff]{4,30}?(?:厅|局|委员会|中心))(?:、[\u4e00-\u9fff]{2,10})*(?:认真)?组织开展了?"
)
_OPENING = 600


# a cover page's `某市财政局制`: the finance bureau that issued the form to the units of its own government
_COVER_ISSUER = re.compile(r"^([\u4e00-\u9fff]{2,20}?财政(?:局|厅))(?:印)?制$")
_COVER_LINES = 12


def _cover_issuer_place(lines: list[str]) -> str | None:
    """The place of the finance bureau a cover says made the form (`某市财政局制`), a report that names its
    own unit nowhere else: the unit reports to the finance of its own government."""
    for line in lines[:_COVER_LINES]:
        if (issuer := _COVER_ISSUER.match(line.strip())) and (place := most_specific(issuer.group(1))):
            return place
    return None


def _publisher_place(text: str) -> str | None:
    """The place of the unit that published the report (`来源：安居区市场监管局`); normalisation drops such a
    site line from the text as chrome, so the raw text is read for it too."""
    if "来源" not in text and "发布" not in text and "发文" not in text:
        return None
    return next((found for unit in _META_UNIT.findall(text) if (found := most_specific(unit))), None)


def _head_of(line: str) -> str:
    """A title or 附件 line from its first place: `附件：额尔古纳市…`, `2018年南京市…`, `(直达资金)天津市…`,
    `附件1:《2019年度某省某会…自评表》.docx`."""
    line = re.sub(r"^(?:附件\s*\d*\s*[:：]?|关于|《|\s)+", "", without_pinyin(line))  # `附件1:《某省某会…表》`
    line = re.sub(r"^(?:(?:19|20)\d{2}\s*年度?|[（(][^()（）]{1,10}[)）])+", "", line)
    return line


def _signature_place(text: str) -> str | None:
    for line in last_lines(text, _SIGNATURE_LINES):
        if len(line) > MAX_HEAD_LINE or CHROME.search(line) or line.rstrip().endswith("。"):
            continue  # a sentence closing the text (`部分乡镇复核不及时。`) is no signature
        if place := most_specific(line):
            return place
    return None


# ---- the header as a whole ------------------------------------------------------------------------------


# a page of model essays (`某某绩效评价报告(精选10篇)`, then `某某绩效评价报告 篇1`): its titles are the site's topic,
# not the report's own name for its fund
_COLLECTION = re.compile(
    r"[（(]精选[\d一二三四五六七八九十]{1,3}篇[)）]|^[^\n]{4,60}\s篇\s*[\d一二三四五六七八九十]{1,2}\s*$", re.M
)
_COLLECTION_HEAD = 1500


def _body_names_fund(titles: list[TitleLine], fields: list[FormField]) -> bool:
    """The body is where the fund is named: no title and no form, or a transfer payment's title that names the
    template only (`某中心中央对地方专项转移支付2019年度绩效自评报告`), its 预算 section naming the fund."""
    if fields:
        return False
    return not titles or all("转移支付" in title.title for title in titles)


def read_header(view: str, raw: str = "") -> Header:
    """The header of a report, read in the text the grammar reads (the simplified view of a traditional
    report: names come out simplified, like indicator names); `raw`, the text before normalisation, for
    the site lines normalisation drops (the publishing unit)."""
    lines = lines_of(view)
    titles = title_lines(lines) or announced(lines) or headline(lines) or file_name(lines)
    title = titles[0].title if titles else None
    fields = form_fields(view)
    # every _COLLECTION match holds 篇: a find is far cheaper than the pattern's scan of each line
    collection = view.find("篇", 0, _COLLECTION_HEAD) >= 0 and _COLLECTION.search(view, 0, _COLLECTION_HEAD)
    named_by = [] if collection else titles  # a collection's topic names no fund
    fund = _fund(fields, named_by, lines) or (fund_in_body(view) if _body_names_fund(named_by, fields) else None)
    fund = fund or (_template_heading(lines) if not named_by else None)
    region = _region(view, lines, fields, [found.title for found in titles], fund, raw or view)
    year = read_year(view, fields, title)
    return Header(title=title, region=region, fund=fund, year=year)
