"""The fund or project a report evaluates, from its title or its 项目名称 field.

A title is `[place][unit][year][fund][report words]` in some order (`青禾市东湖区农业农村局2022年衔接资金项目
绩效自评报告`, `某省残疾人康复补助资金(省对下转移支付)项目2019年度绩效自评报告`): the fund is what
is left once the places, the unit, the year and the report words are gone, without the words that only
say it is a project's spending (`…补贴项目支出` → `…补贴`). A title that names no fund of its own
(`项目支出绩效自评表`, `广东省财政支出项目…`, `…中央转移支付2023年度…`) gives None, never a generic word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.extract.rules.places import leading_places, without_pinyin
from jixiao.vocabulary import ORGAN_SUFFIXES, SUBJECT_END

_YEAR = r"(?:19|20)\d{2}"
_PROJECT_CODE = r"\d{6,}[A-Z]\d{6,}\s*[-—－]"  # Sichuan's 项目名称 `51162223T000004417825-乡镇应急物资储备补助`
_LEADING_NOISE = re.compile(
    rf"^(?:\s|{_PROJECT_CODE}|附件\s*\d*\s*[:：]?|关于|现将|\d+/\d+|{_YEAR}\s*(?:[-—至]\s*{_YEAR}\s*)?年?度?|[（(]\s*{_YEAR}\s*年度?\s*[)）]"
    r"|第[一二三四五六七八九十\d]{1,3}批(?:次)?)+"  # `2021年第一批中央…资金`: the batch is no part of the fund
)
_ORGAN = "|".join(sorted(ORGAN_SUFFIXES, key=len, reverse=True))
# a unit's name before the year or 关于: `水务局2022年…`, `湖北工程学院年学生资助…` (the year's digits lost)
_UNIT_BEFORE_YEAR = re.compile(rf"^[\u4e00-\u9fff]{{0,14}}?(?:{_ORGAN})\s*(?=\s|(?:{_YEAR})?\s*年|关于)")
_UNIT_PREFIX = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}?(?:{_ORGAN})")
_DEPARTMENT_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:局|委员会|办公室|厅)")  # 水利局…, never 图书分馆…
# `某某第二人民医院某某补助资金`: a hospital's or a school's name before the money it was given (never before a
# 项目 or 工程 of its own: `某某医院改扩建项目` is the hospital's project, named with it)
_SERVED_UNIT = re.compile(
    r"^[\u4e00-\u9fff]{1,6}?(?:卫生院|医院|学校|中学|小学|幼儿园)(?=[\u4e00-\u9fff“”]{4,}(?:资金|经费|补助|补贴)$)"
)
_SUBJECT_END_AT = SUBJECT_END
# a title names its fund before or after the year: `…补助资金(省对下转移支付)项目2018年度`, `区2022年度就业…`
_YEAR_SPLIT = re.compile(rf"[（(]?\s*{_YEAR}\s*(?:[-—至]\s*{_YEAR}\s*)?年?度?\s*[)）]?")
_LEVEL_WORDS = re.compile(r"^(?:(?:省级|市级|州级|县级|区级|旗级|本级|上级|省|市|县|区|中央|地方)(?:、|和|对)?)+")
_GENERIC = {
    "",
    "项目",
    "项目支出",
    "专项",
    "专项资金",
    "专项支出",  # `某某党校2023年度专项支出绩效评价报告`: the unit's special spending, whichever projects
    "专项经费",
    "资金",
    "财政资金",
    "转移支付",
    "专项转移支付",
    "部门项目",
    "部门预算项目",
    "预算项目",
    "财政支出项目",
    "财政支出",  # a 财政支出绩效评价报告's kind of spending
    "财政支出政策",  # Zhejiang's 财政支出政策绩效评价报告: the form's name; its 项目名称 names the fund
    "财政项目",  # Shanghai's 财政项目支出绩效自评表: the form's name
    "财政预算支出项目",
    "预算支出项目",
    "部门",
    "单位",
    "整体支出",
    "支出",
    "转移支付资金",
    "转移支付预算",
    "工程",  # `2021年工程支出…`: a converter's synonym for 项目 (项目支出 → 工程支出)
    "工程支出",
}
_FORM_NAME = re.compile(
    r"^(?:中央(?:对|支付|支持)?地方)?(?:专项)?(?:转移支付)?(?:区域)?(?:发展)?(?:[（(]项目[)）]|项目)?$"
)
"""`转移支付区域(项目)`, `中央对地方(专项)转移支付项目`, `中央支付地方发展项目`: the transfer-payment form's own name in
a title (`…绩效目标自评表`), no fund; its 转移支付(项目)名称 field names the fund."""
# a unit's 整体支出 is its whole; so is `整体和项目支出`, the whole with the projects it includes
_WHOLE_DEPARTMENT = re.compile(
    r"^(?:(?:部门|单位)?整体(?:支出)?[和及与]项目(?:支出)?|(?:部门|单位)整体(?:支出)?|整体支出)$"
)
# `某某联合会部门(单位)整体支出`: whatever the unit's name, its whole spending
_UNITS_WHOLE = re.compile(r"(?:部门|单位)\s*(?:[（(](?:单位|部门)[)）])?\s*整体支出$")
_MONEY_WORD = r"(?:资金|经费|补贴|补助|租金|转移支付)(?:[（(][^()（）]{1,20}[)）])?"
_TRAILING = [
    (re.compile(r"(项目|工程)支出$"), r"\1", ("支出",)),  # …建设项目支出 → …建设项目
    (re.compile(rf"({_MONEY_WORD}|费)项目$"), r"\1", ("项目",)),  # 衔接资金项目 → 衔接资金, 护理费项目 → 护理费
    (re.compile(r"(项目|工程)(?:专项|财政)资金$"), r"\1", ("资金",)),  # …工程财政资金 → …工程
    (re.compile(r"(资金|经费|基金)(?:专项)?转移支付$"), r"\1", ("转移支付",)),  # …发展资金转移支付 → …发展资金
    (re.compile(r"(?:年度|年|的|关于)$"), "", ("年度", "年", "的", "关于")),
]  # each with the words a match ends the text with (a text that ends otherwise is not searched), or a break
_TRANSFER_FIRST = re.compile(r"^转移支付(?=[\u4e00-\u9fff]{4})")
_MAX_FUND = 48  # `某某、某某…等专项经费`: a fund named by the list of its uses
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万元|万|元|亿元)")
_NOT_IN_FUND = re.compile(r"[\s:：|，。；,;]")
_LEADING_BRACKET = re.compile(r"^[（(]([^()（）]{2,20})[)）](.*)$", re.S)
_FUND_WORD = re.compile(r"资金|经费|补贴|津贴|补助|租金|支付|项目|工程|支出|救助|服务|基金|费$")


def _clean(subject: str) -> str:
    subject = subject.strip(" \t　:：|-—")
    for _ in range(3):
        for pattern, replacement, tails in _TRAILING:
            if subject.endswith(tails) or subject.endswith("\n"):  # `$` also stands before a last break
                subject = pattern.sub(replacement, subject)
    return _TRANSFER_FIRST.sub("", subject)


# `部门决算中项目`, `部门预算内的项目`: the projects of a unit's accounts, whichever they are
_ACCOUNTS_PROJECTS = re.compile(r"^(?:部门|单位)?(?:预算|决算)(?:中|内)?的?项目(?:支出)?$")
# `专项支出`, `财政支出政策`, `一般公共预算项目`, `重点项目支出`: nothing but words for a kind of money or spending
# (the budget a form is filed under), however they are strung together
_FORM_WORDS = re.compile(
    r"(?:一般公共预算|政府性基金|国有资本经营|财政|专项|重点|一般性?|项目|支出|政策|资金|经费|预算|决算|部门|单位|本级|其他|的)+"
)


def is_generic(subject: str) -> bool:
    """`中央转移支付`, `本级部门项目`, `残联中央转移支付`: words that name no fund of their own."""
    bare = _LEVEL_WORDS.sub("", _UNIT_PREFIX.sub("", subject))
    if subject in _GENERIC or bare in _GENERIC or _LEVEL_WORDS.sub("", subject) in _GENERIC:
        return True
    if _ACCOUNTS_PROJECTS.match(subject) or _ACCOUNTS_PROJECTS.match(bare):
        return True
    if _FORM_WORDS.fullmatch(subject) or _FORM_WORDS.fullmatch(bare):
        return True
    return _FORM_NAME.fullmatch(subject) is not None


def _after_places(text: str) -> str:
    places = leading_places(text)
    at = 0
    for place in places:
        at = text.find(place, at) + len(place)
    return text[at:]


def _without_unit(text: str) -> str:
    """The text after a unit's name that stands before the year: `湖北工程学院年学生资助项目` (the year's
    digits lost) → `学生资助项目`."""
    bare = _UNIT_BEFORE_YEAR.sub("", text)
    return re.sub(r"^年度?(?=[\u4e00-\u9fff])", "", bare) if bare != text else text


@lru_cache(maxsize=4096)  # a header asks about the same title several times
def subject_of(text: str) -> str | None:
    """The fund a title or a 项目名称 names, or None when it names none of its own."""
    text = _LEADING_NOISE.sub("", without_pinyin(text))
    if bracket := _LEADING_BRACKET.match(text):  # `(直达资金)天津市…工程项目…`, `(临时救助)绩效目标自评表`
        return subject_of(bracket.group(2)) or subject_of(bracket.group(1))
    for _ in range(3):  # 某市财政局 某市城乡建设局关于2020年…
        text = _LEADING_NOISE.sub("", _without_unit(_after_places(text).lstrip()))
    parts = _YEAR_SPLIT.split(_SUBJECT_END_AT.split(text, maxsplit=1)[0])
    for index, part in enumerate(parts):
        subject = _clean(part)
        if (quoted := _QUOTED_PROJECT.fullmatch(subject)) and not is_generic(quoted["name"]):
            return quoted["name"]  # `…2017年度“ 某某工作 ”项目 绩效评价报告`: the project the quotes name
        if (amount := _AMOUNT.search(subject)) and _names_a_fund(named := _clean(subject[: amount.start()])):
            return named  # `某某经费36.5万元部门整体支出`: the fund its amount follows, whatever form it was filed on
        if joined := _name_around_year(subject, parts[index + 1 : index + 2]):
            return joined
        unit = _DEPARTMENT_PREFIX.match(subject)
        if unit and _WHOLE_DEPARTMENT.match(subject[unit.end() :].strip()):  # `发展和改革局整体支出`
            return "部门整体支出"
        if unit and _names_a_fund(subject[unit.end() :]):
            subject = subject[unit.end() :]  # `水利局农田水利建设资金`: the unit's name, then the fund
        elif (served := _SERVED_UNIT.match(subject)) and _names_a_fund(subject[served.end() :]):
            subject = subject[served.end() :]
        if _WHOLE_DEPARTMENT.match(subject) or _UNITS_WHOLE.search(subject):
            return "部门整体支出"
        if _names_a_fund(subject):
            return _unwrapped(subject)
    return None


# `某镇人民政府2024年度绩效自评报告`: a unit, the year and the report words, nothing evaluated between them
_UNIT_YEAR_REPORT = re.compile(
    rf"(?P<unit>[\u4e00-\u9fff]{{2,24}}?(?:{_ORGAN}))\s*{_YEAR}\s*年度?\s*(?:绩效)?(?:自评|评价)(?:工作)?(?:报告|表)"
)


# `一、单位基本情况`, `(一)部门(单位)概况`: the report describes the unit itself
_UNIT_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])?\s*(?:部门|单位)"
    r"(?:[（(](?:单位|部门)[)）])?(?:整体)?(?:基本)?(?:情况|概况)"
)


def whole_unit_title(title: str, lines: list[str]) -> str | None:
    """`部门整体支出` for a title that names a unit and a year and nothing it spent on, over a text with a
    heading about the unit itself (`一、单位基本情况`): the unit's whole spending evaluated; else None (a
    place alone, `某县2024年度绩效自评报告`, names no unit; a unit's report on its projects opens on them)."""
    found = _UNIT_YEAR_REPORT.fullmatch(_LEADING_NOISE.sub("", title).strip())
    if found is None or "".join(leading_places(found["unit"])) == found["unit"]:
        return None
    return "部门整体支出" if any(_UNIT_HEADING.match(line) for line in lines) else None


_QUOTED_PROJECT = re.compile(r"[“\"]\s*(?P<name>[^“”\"\s:：|，。；,;\d]{2,30}?)\s*[”\"]\s*项目")
# `预算项目支出(租赁补贴)`: a kind of spending that names no fund, the project in its bracket
_GENERIC_WRAPPER = re.compile(r"(?:部门)?(?:预算)?项目(?:支出|资金)[（(](?P<inner>[^()（）]{2,30})[)）]")


def _unwrapped(subject: str) -> str:
    wrapper = _GENERIC_WRAPPER.fullmatch(subject)
    return wrapper["inner"] if wrapper else subject


_BARE_MONEY_WORD = re.compile(r"(?:专项)?(?:资金|经费)")


def _name_around_year(subject: str, following: list[str]) -> str | None:
    """`某市非遗传承保护2021年度专项资金`: the year printed inside the fund's name, between its subject (no money
    word of its own) and a bare money word; the two halves joined, or None."""
    if not following or not subject or _FUND_WORD.search(subject) or _ORGAN_END.search(subject):
        return None
    tail = _clean(following[0])
    if not _BARE_MONEY_WORD.fullmatch(tail) or is_generic(subject) or _NOT_IN_FUND.search(subject):
        return None
    joined = subject + tail
    return joined if _names_a_fund(joined) else None


def _names_a_fund(subject: str) -> bool:
    return (
        not is_generic(subject)
        and len(subject) <= _MAX_FUND
        and bool(_FUND_WORD.search(subject))
        and not _NOT_IN_FUND.search(subject)
    )


_PROJECT_NAME = re.compile(r"[\u4e00-\u9fff（()）]{3,30}")
_ORGAN_END = re.compile(rf"(?:{_ORGAN})$")


def named_subject(value: str) -> str | None:
    """The fund a form's 名称 field holds: what a title would give, else the value itself when it is a name of
    its own (`专项资金名称 县级储备粮`: the field says it is the project, with or without a money word), not a
    unit's name or a place alone."""
    value = _without_place_tag(value)
    if subject := subject_of(value):
        return subject
    name = _clean(_LEADING_NOISE.sub("", value))
    if not _PROJECT_NAME.fullmatch(name) or is_generic(name) or _ORGAN_END.search(name):
        return None
    return _after_places(name) or None  # `某市某区全民健身中心项目`: the fund without its place


_PLACE_TAG = re.compile(r"\s*[（(](?P<place>[\u4e00-\u9fff]{2,12})[)）]\s*$")


def _without_place_tag(value: str) -> str:
    """`某区某某改造工程 (某某街道)`: the place a project runs in, tagged after its name, is no part of the name."""
    tag = _PLACE_TAG.search(value)
    if tag is None or "".join(leading_places(tag["place"])) != tag["place"]:
        return value
    return value[: tag.start()]


_BRACKETED = re.compile(r"^[（(]([^()（）]{4,40})(?:[)）]|$)")


def bracketed_subject(text: str) -> str | None:
    """`(教育专项工作经费)` printed under or after a title that names only its unit (its closing bracket may be
    lost at the end of the line: `…绩效自评报告(2022年某补助资金`)."""
    match = _BRACKETED.match(text.strip())
    subject = subject_of(match.group(1)) if match else None
    return None if subject is None or _ORGAN_END.search(subject) else subject  # `(某市农村经营服务站)`: a unit


# `困难群众救助补助资金是指用于…`, `某某康复工程为我区延续实施的民生工程项目`: a report with no title that opens
# a paragraph by defining its fund (or calling it its own place's project)
_DEFINED = re.compile(
    r"(?m)^[ \t]*(?P<fund>[\u4e00-\u9fff]{4,30}?(?:资金|经费|补贴|补助|工程|项目))"
    r"(?:是指|(?:为|是)(?:我|本)[省市州县区旗乡镇])"
)
_FUND_CHAR = r"[^\d，,。；;:：（()）\s《》]"  # a character of a fund's name in running text (no digit, mark or space)
# `下达2022年某省文化和旅游专项资金20万元`, `2024年某补贴项目预算资金合计2089万元`: the money a sentence states
_YEAR_FUND = re.compile(
    r"(?:19|20)\d{2}\s*年度?(?:我[市县区旗州])?(?P<fund>" + _FUND_CHAR + r"{4,30}?(?:资金|经费|补贴|补助))"
    r"(?:项目)?(?:预算)?(?:资金)?(?:下达|到位)?(?:合计|共计|总计|共)?\s*\d"
)
# `某县垃圾中转站改造工程经费300万元，已全部批复。`: a paragraph that opens on the fund's name and amount
# (found from the money word and its amount, then checked back to the line's start: never tried at every line)
_MONEY_THEN_AMOUNT = re.compile(r"(?:资金|经费|补贴|补助)(?=(?:共计|合计|共)?\s*\d)")
_OPENING_NAME = re.compile(r"[ \t]*(?P<fund>" + _FUND_CHAR + r"{4,30}?(?:资金|经费|补贴|补助))")


_MAX_OPENING = 34


def _opening_funds(text: str) -> list[str]:
    """The funds a line opens on, its name running into its amount (`某工程经费300万元`)."""
    names = []
    for money in _MONEY_THEN_AMOUNT.finditer(text):
        line_start = text.rfind("\n", 0, money.start()) + 1
        if money.end() - line_start <= _MAX_OPENING and (
            name := _OPENING_NAME.fullmatch(text, line_start, money.end())
        ):
            names.append(name["fund"])
    return names


# `中央下达我市水污染防治资金共18260万元`: the whole of a fund the body gives money to (a second fund's veto)
_GIVEN_FUND = re.compile(
    r"(?:下达|拨付|下拨)(?:我[市县区旗州镇乡])?(?P<fund>" + _FUND_CHAR + r"{4,30}?(?:资金|经费))(?:共计|合计|共)\s*\d"
)
# `…认真组织开展了2024年度某某补助资金绩效自评工作`: a report with no title that says what it evaluated
_EVALUATED = re.compile(
    r"开展了?(?:19|20)\d{2}\s*年度?(?P<fund>" + _FUND_CHAR + r"{4,40}?(?:资金|经费|补贴|补助))绩效自评"
)
# `该某某专项资金项目于2020年初申报…`, `某站日常运行经费项目的实施,确保了…`: the report's own project, named where
# the text refers back to it or to its carrying out
_THIS_FUND = re.compile(
    r"该(?P<fund>" + _FUND_CHAR + r"{4,30}?(?:资金|经费))项目"
    r"|(?P<done>" + _FUND_CHAR + r"{4,30}?(?:资金|经费))项目的实施"
)
_OWN_LEVEL = re.compile(r"^[县市区旗州](?!级)")  # `县某服务中心…`: the place's own unit, the place not named


def _this_fund(found: re.Match[str]) -> str:
    return found["fund"] or _OWN_LEVEL.sub("", found["done"])


_ACTION = re.compile(r"下达|拨付|下拨|安排|分配|收到|支出|使用|列入|其中|预算|调整|年初|全年|执行|发放|完成|兑付")


def fund_in_body(text: str) -> str | None:
    """The fund of a report with no title, from its body: the fund it defines (or says it evaluated, or refers
    back to as 该…项目, one fund only), else the one fund its year-led (or paragraph-opening) amounts name
    (`2024年某补贴项目预算资金合计…`, `2021年我市某某保护资金下达42万元`); two different funds (the money given to
    a second one counts: `下达我市水污染防治资金共…`), or words that are a clause rather than a name
    (`省级拨付我区…`), give None."""
    if defined := _DEFINED.search(text):
        return subject_of(defined["fund"]) or defined["fund"]
    if evaluated := _EVALUATED.search(text):
        return subject_of(evaluated["fund"]) or evaluated["fund"]
    this = {subject for found in _THIS_FUND.finditer(text) if (subject := subject_of(_this_fund(found)))}
    if len(this) == 1:
        return this.pop()
    named = {
        subject
        for fund in [*(found["fund"] for found in _YEAR_FUND.finditer(text)), *_opening_funds(text)]
        if not _ACTION.search(fund) and (subject := subject_of(fund))
    }
    if not named:
        return _year_place_project(text)
    if len(named) != 1:
        return None
    fund = named.pop()
    given = {subject for found in _GIVEN_FUND.finditer(text) if (subject := subject_of(found["fund"]))}
    return fund if all(name in fund or fund in name for name in given) else None  # one fund, however named


# `20xx年某县农村公厕建设项目总投资…` (the year's digits may be masked): a project named after its year and place
_YEAR_PLACE = re.compile(r"(?:19|20)(?:\d{2}|[xX×＊*]{2})\s*年度?(?=[\u4e00-\u9fff]{2,8}?(?:市|州|县|区|旗))")
_PROJECT_AFTER = re.compile(_FUND_CHAR + r"{4,30}?(?:项目|工程)")
_MIN_REPEATS = 2


def _year_place_project(text: str) -> str | None:
    """The one project the body names after a year and a place at least twice, word for word (`20xx年某县某项目
    总投资…`, `20xx年某县某项目使用资金…`), in a report with no title of its own and no other fund named."""
    counts: dict[str, int] = {}
    for year in _YEAR_PLACE.finditer(text):
        places = leading_places(text[year.end() : year.end() + 40])
        after = year.end() + sum(len(place) for place in places)
        if places and (project := _PROJECT_AFTER.match(text, after)) and not _ACTION.search(project.group(0)):
            counts[project.group(0)] = counts.get(project.group(0), 0) + 1
    repeated = [name for name, seen in counts.items() if seen >= _MIN_REPEATS]
    return repeated[0] if len(repeated) == 1 and len(counts) == 1 else None
