"""The place a report names itself by, when no title, form field, publisher or signature names one.

    某某省委、省政府高度重视某储备工作…，我省组织开展了自评。          (a province's own report)
    下达我县某资金300万元。…小型水库除险加固工程(青石县)东沟水库项目…   (the county a project's name gives)
    州级某专项资金…经某某州人民政府常务会议审定…                       (the government of the fund's level)
    财政部《…》(…号),下达某某省2021年中央某资金…。…省财政厅会同…        (the province the centre gives to)

All are read only in the report's opening, and only when the report calls itself by that place's level
(我省, 我县…, or a fund of that level: 州级): a place named in passing is not the report's own.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.places import is_province, leading_places, most_specific
from jixiao.vocabulary import ORGAN_SUFFIXES, PLACE_SUFFIXES

# `某某省委、省政府高度重视…`: a report that opens on its province's government
_PROVINCE_OPENING = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,8}?(?:省|自治区))(?:委|人民政府|政府)")
# `…除险加固工程(某县)某水库项目`: the place a project's name gives in brackets
_BRACKETED_PLACE = re.compile(r"[（(](?P<place>[\u4e00-\u9fff]{1,8}?(?P<level>县|区|市|旗))[)）]")
_SELF = {"县": "我县", "区": "我区", "市": "我市", "旗": "我旗"}


def own_province(first_line: str) -> str | None:
    """The province a report speaks for, when its first line opens on that province's 省委 or 省政府 and says
    我省 (自治区: 我区) of itself."""
    opening = _PROVINCE_OPENING.match(first_line)
    if opening is None or not is_province(place := opening["place"]):
        return None
    return place if ("我区" if place.endswith("自治区") else "我省") in first_line else None


def bracketed_own_place(opening: str) -> str | None:
    """The one place `opening` names in brackets inside a project's name, when the report calls itself by that
    place's level (我县 for a 县): the report of the place the project is in."""
    if "我" not in opening:
        return None
    places = {(found["place"], found["level"]) for found in _BRACKETED_PLACE.finditer(opening)}
    if len(places) != 1:
        return None
    [(place, level)] = places
    return place if _SELF[level] in opening and most_specific(place) == place else None


# `州级文化专项资金`: a fund named by its level; `十四届某某州人民政府常务会议`: that level's government
_FUND_LEVEL = re.compile(r"^(?P<level>省|市|州|县|区|旗)级")
_GOVERNMENT = re.compile(r"(?P<level>省|市|州|县|区|旗)(?:人民政府|政府)")
_BEFORE_PLACE = "在经由向对于届"  # what stands before a place's name (`经某州…`, `十四届某州人民政府`)
_NAME_REACH = 8


def level_government_place(opening: str, fund: str | None) -> str | None:
    """The one place of the fund's level (州 for a 州级 fund) whose government the opening names: the report of
    that place's fund. Two such places, or none, name no place."""
    level = _FUND_LEVEL.match(fund or "")
    if level is None:
        return None
    places = {
        place
        for found in _GOVERNMENT.finditer(opening)
        if found["level"] == level["level"] and (place := _place_ending(opening, found.end("level")))
    }
    if len(places) != 1:
        return None
    [place] = places
    return place if most_specific(place) == place else None


def _place_ending(text: str, end: int) -> str | None:
    """The place whose name ends at `end`, starting after a non-Chinese char or a word that stands before a
    place (`经`, `届`); the nearest such, or None (`经我局向州政府`: 州 alone names none)."""
    for start in reversed(range(max(0, end - _NAME_REACH), end - 1)):  # the nearest first
        before = text[start - 1] if start else ""
        if "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_PLACE:
            continue
        places = leading_places(text[start:end])
        if places and "".join(places) == text[start:end]:
            return places[-1]
    return None


# `某市科学技术局主要有…`: a paragraph that opens on a unit's name (a place, then the office's name)
_OPENING_UNIT = re.compile(
    r"^[ \t\u3000]*(?P<unit>[\u4e00-\u9fff]{3,20}?(?:" + "|".join(sorted(ORGAN_SUFFIXES, key=len, reverse=True)) + "))"
    r"(?=主要|负责|承担|是|共|现有|下设|于|按照|根据)",
    re.M,
)


def opening_unit_place(opening: str) -> str | None:
    """The place of the unit the opening's paragraphs start on as their subject (`某市某局主要有两类支出…`),
    when all such paragraphs name the same place: the report of that unit."""
    places = {place for found in _OPENING_UNIT.finditer(opening) if (place := most_specific(found["unit"]))}
    return places.pop() if len(places) == 1 else None


# `2030年某县农村公厕建设项目总投资…` (a site may mask the year's digits: `20xx年`): a place between a year and a
# project's name
_YEAR_LED = re.compile(r"(?:19|20)(?:\d{2}|[xX×＊*]{2})\s*年度?(?=[\u4e00-\u9fff]{2,8}?(?:省|市|州|盟|县|区|旗))")
_PROJECT_WORD = re.compile(r"[^，,。；;：:\n\d]{2,30}?(?:项目|资金|经费|工程|补贴|补助)")
_MIN_REPEATS = 2


def _in_title(text: str, at: int) -> bool:
    opened = text.rfind("《", 0, at)
    return opened >= 0 and text.find("》", opened, at) < 0


def year_led_place(text: str) -> str | None:
    """The one place the body prints between a year and a project's name, at least twice (`2030年某县某项目总投资…`,
    `2030年某县某项目使用资金…`): the project's own place, in a report that names it nowhere else. Two different
    places, or one printed once, name none."""
    counts: dict[str, int] = {}
    for year in _YEAR_LED.finditer(text):
        places = leading_places(text[year.end() : year.end() + 40])
        if not places or is_province(places[-1]) or places[-1] in PLACE_SUFFIXES or _in_title(text, year.start()):
            continue  # `《关于下达2023年自治区某资金…》`: a document's title, the giver's words
        after = year.end() + sum(len(place) for place in places)
        if _PROJECT_WORD.match(text, after) is None:
            continue
        counts[places[-1]] = counts.get(places[-1], 0) + 1
    if len(counts) != 1:
        return None
    [(place, seen)] = counts.items()
    return place if seen >= _MIN_REPEATS else None


# `按照《某县财政局关于开展…绩效评价的通知》…要求`: the notice the report answers, issued by its place's office;
# `依据《某县人民政府2030年某某防治方案》`: a plan its place's government issued for a year
_NOTICE_ISSUER = re.compile(
    r"《(?P<unit>[\u4e00-\u9fff]{2,12}?(?:" + "|".join(sorted(ORGAN_SUFFIXES, key=len, reverse=True)) + "))"
    r"(?:关于|印发|\s*(?:19|20)\d{2}\s*年)"
)


def notice_issuer_place(opening: str) -> str | None:
    """The one place whose office issued the notices the opening cites (`《某县财政局关于…的通知》`), when the
    report calls itself by that place's level (我县): the place that asked for this report, its own."""
    places = {place for found in _NOTICE_ISSUER.finditer(opening) if (place := most_specific(found["unit"]))}
    if len(places) != 1:
        return None
    [place] = places
    self_word = _SELF.get(place[-1])
    return place if self_word and self_word in opening and leading_places(place) == [place] else None


# `财政部《关于下达…的通知》(财某〔2020〕17号),下达某某自治区2021年中央某资金`: the centre gives a province money
_CENTRE_GIVES = re.compile(
    r"(?:财政部|中央财政|中央)(?:《[^》\n]{0,80}》)?(?:[（(][^)）\n]{0,30}[)）])?[，,]?[^。；;\n《]{0,12}?下达"
    r"(?P<place>[\u4e00-\u9fff]{2,12}?(?:省|自治区))"
)
# the province's own organs named by the bare level word (`…,自治区生态环境厅牵头`), or 我省 / 全区
_OWN_PROVINCE_WORD = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<level>省|自治区)(?:财政厅|人民政府|政府|[\u4e00-\u9fff]{1,8}?厅)|(?P<self>[我全](?:省|区))"
)


def centre_given_place(opening: str) -> str | None:
    """The one province the opening says the centre gave the money to (`财政部…下达某某省…`), when the report
    names that level's organs by the bare level word (`省财政厅`, `自治区生态环境厅`) or calls itself 我省 / 全区:
    that province's own report on the central money."""
    places = {found["place"] for found in _CENTRE_GIVES.finditer(opening) if is_province(found["place"])}
    if len(places) != 1:
        return None
    [place] = places
    level = "自治区" if place.endswith("自治区") else "省"
    for word in _OWN_PROVINCE_WORD.finditer(opening):
        if word["level"] == level or (word["self"] and word["self"][1] == level[-1]):
            return place
    return None
