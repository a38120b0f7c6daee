"""Place names at the start of a title or a unit name: 昌都市卡若区…, 稷山县翟店镇卫生院, 红河州数据发展中心.

A report names its place by running administrative names together before its subject (`海口市秀英区水务局`):
the most specific of them is the place of the report. Names are read one after the other from the start,
each a short name and a suffix (市, 县, 区, 州, 镇…); the run stops at the first word that is not a place,
so a subject that happens to contain 乡 or 区 (城乡居民, 住房和城乡建设) is never taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from jixiao.vocabulary import NOT_PLACES, PLACE_SUFFIXES, PROVINCES, SHORT_REGIONS

_MAX_NAME = 8  # 呼伦贝尔扎兰屯 + 市; 红河哈尼族彝族 + 自治州
_TOWN_SUFFIXES = ("镇", "乡", "街道")
_ONE_CHAR_NAMES = ("县", "镇")
_SLOGAN_SUFFIXES = ("省", "市", "县", "区", "州", "旗")  # after 强 or 大 the name is a goal (`教育强县`), no place
_MAX_TOWN_NAME = 4
# characters no place name holds: they join or qualify words (住房和城乡, 美丽乡村的…), or end an office's name
# (某市自然资源局某区分局: the place is 某市, then the branch's 某区)
_NOT_IN_NAME = re.compile(r"[与及的等了级我本各该局]|(?<!^)全")
# 全 (whole) heads 全县, 全市区, 全面提升示范区; a county spells it only as the head of a two-char name: 全南县, 全椒县
_WHOLE_HEAD = re.compile(r"全[^市县区州省镇乡旗盟民面部体年程力新国域球][县市区]")
# 东津院区, 南湖校区: a campus, no district; 某某社区, 某某小区, 某某景区, 某某园区: below or beside any district
_JOINED_WORDS = ("城乡", "城镇", "乡镇", "院区", "校区", "社区", "小区", "景区", "园区")
# nor starts with a word of a date or a sentence (2022年金声乡…: the place is 金声乡; `实施主体为某州…`: a
# copula, the prose's, before the name)
_NOT_FIRST = "年度月日号于由从向将把按据经为是"
_ZONE_SHORT = "经开区"  # but 经济技术开发区 is short for itself so, a district of its own: `某市某局经开区分局`
# a suffix followed by one of these is a level word, not the end of a name (市级, 县直, 区属, 市场…)
_LEVEL_AFTER = "级直属场辖域"
_CODE_PREFIX = re.compile(r"^\s*(?:[\[【(（]\s*\d+\s*[\]】)）]|\d+\s*[-—－]\s*)")
# the party's prefix before a place's committee (`中共某某市委党校`, `中国共产党某县委员会`): no place of its own
_PARTY_PREFIX = re.compile(r"^(?:中共|中国共产党)(?=[\u4e00-\u9fff]{2})")
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def without_pinyin(text: str) -> str:
    """`临河区(qū)2023年` → `临河区2023年`: romanisation a converter left in brackets."""
    return _PINYIN.sub("", text)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _by_first_char(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The words grouped by their first char, each group in the words' order: a scan at a position tries
    only the words that can start there."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    return {char: tuple(group) for char, group in groups.items()}


_SUFFIXES = _by_first_char(PLACE_SUFFIXES)
_PROVINCES = _by_first_char([*PROVINCES, *SHORT_REGIONS])  # the full name tried first
_NOT_PLACE_WORDS = frozenset(NOT_PLACES)


def _suffix_at(text: str, at: int) -> str | None:
    for suffix in _SUFFIXES.get(text[at : at + 1], ()):
        if text.startswith(suffix, at):
            return suffix
    return None


# a division of the 兵团 (`第十四师`), a place of its own (师市合一); never a 第一师范 (a normal school)
_DIVISION = re.compile(r"第[一二三四五六七八九十]{1,3}师(?!范)")


def _token_at(text: str, at: int) -> int | None:
    """The end of the place name starting at `at`, or None when none starts there."""
    if text[at] in _NOT_FIRST and not text.startswith(_ZONE_SHORT, at):
        return None
    if text[at] == "第":
        division = _DIVISION.match(text, at)
        return division.end() if division else None
    for province in _PROVINCES.get(text[at], ()):
        if text.startswith(province, at):
            return at + len(province)
    for size in range(1, _MAX_NAME + 1):
        end = at + size
        if end >= len(text) or not _is_han(text[end - 1]):
            return None
        suffix = _suffix_at(text, end)
        if suffix is None:
            continue
        if suffix in _TOWN_SUFFIXES and size > _MAX_TOWN_NAME:
            return None
        if size == 1 and suffix not in _ONE_CHAR_NAMES:  # 横县, 柳镇; but 灌区, 库区 are no districts
            continue
        if text[end - 1] in "强大" and suffix in _SLOGAN_SUFFIXES:  # `体育强省`, `文化强市`, `农业大县`: a slogan
            return None
        stop = end + len(suffix)
        if suffix == "州" and stop < len(text) and text[stop] in "市县区":  # 杭州市, not 杭州 + 市
            stop += 1
        name = text[at:stop]
        following = text[stop : stop + 1]
        if name[0] == "全" and not _WHOLE_HEAD.fullmatch(name):
            return None
        if _NOT_IN_NAME.search(name) or name in _NOT_PLACE_WORDS or (len(name) > 3 and name[-2:] in _JOINED_WORDS):
            return None  # 住房和城乡建设厅: a word that ends in 城乡 names no place
        if following and (following in _LEVEL_AFTER or (suffix == "乡" and following == "村")):
            return None  # 市级, 县直; 美丽乡村
        return stop
    return None


def leading_places(text: str) -> list[str]:
    """The administrative names `text` starts with, in order: 昌都市卡若区2022年… → [昌都市, 卡若区]."""
    return list(_leading_places(text))


@lru_cache(maxsize=8192)  # a header asks about the same title and lines several times
def _leading_places(text: str) -> tuple[str, ...]:
    text = _PARTY_PREFIX.sub("", without_pinyin(_CODE_PREFIX.sub("", text)).lstrip())
    places: list[str] = []
    at = 0
    while at < len(text):
        end = _token_at(text, at)
        if end is None:
            break
        places.append(text[at:end])
        at = end
    return tuple(places)


def strip_province(place: str) -> str:
    for province in PROVINCES:
        if place.startswith(province) and len(place) > len(province):
            return place[len(province) :]
    return place


def is_province(place: str) -> bool:
    return place in PROVINCES or place in SHORT_REGIONS or place.endswith(("省", "自治区"))


def standalone(name: str, text: str) -> bool:
    """`name` occurs with no Chinese character right before it. A plain scan, not a regex: a pattern per
    place name missed re's cache and recompiled its CJK lookbehind (~5 ms) on most reports of a batch."""
    at = text.find(name)
    while at >= 0:
        if at == 0 or not _is_han(text[at - 1]):
            return True
        at = text.find(name, at + 1)
    return False


def shortest_form(place: str, text: str) -> str:
    """呼伦贝尔扎兰屯市 → 扎兰屯市 when the report also uses the shorter name on its own; 广西壮族自治区 → 广西 too."""
    if place.endswith("自治区"):  # the short name printed on its own, not as the start of the full one
        bare = text.replace(place, "")
        return next((short for short in SHORT_REGIONS if place.startswith(short) and short in bare), place)
    place = strip_province(place)
    for cut in range(1, len(place) - 2):
        tail = place[cut:]
        if tail in PLACE_SUFFIXES:  # `自治区政府办公厅` beside 西藏自治区: a suffix alone names no place
            continue
        if standalone(tail, text):
            return tail
    return place


# `某市自然资源局北岭分局`, `某市市场监督管理局经开区分局`: a bureau's branch, named after the part it serves
_BRANCH = re.compile(
    r"^[\u4e00-\u9fff]{1,14}?局(?P<branch>[\u4e00-\u9fff]{2,8}?)分局"  # a bureau's, not a hospital's 分院
)


def branch_of(unit: str) -> tuple[str, str | None] | None:
    """(the office's place, the branch's own place or None) when `unit` names a branch of an office of its
    leading place: the branch serves a part of that place, so the office's place is not the branch's. The branch's
    name is its place when it ends as a place does (`经开区分局`); otherwise (`北岭分局`) its place is not sure."""
    places = leading_places(unit)
    if not places:
        return None
    rest = without_pinyin(_CODE_PREFIX.sub("", unit)).lstrip()
    rest = rest[rest.find(places[-1]) + len(places[-1]) :]
    branch = _BRANCH.match(rest)
    if branch is None:
        return None
    name = branch["branch"]
    return places[-1], name if name.endswith(PLACE_SUFFIXES) and name not in _NOT_PLACE_WORDS else None


def most_specific(text: str) -> str | None:
    """The last of the places `text` starts with (稷山县翟店镇卫生院 → 翟店镇), or None."""
    places = leading_places(text)
    return places[-1] if places else None


_MIN_VARIANT = 3  # 宝坻区 / 宝垠区: a name of a head char, an inner char and the suffix at least


def usual_spelling(place: str, text: str) -> str:
    """The spelling of `place` the text prints most often (the first printed on a tie), among the names that
    differ from it in one inner char only: an OCR'd page misreads a rare char (宝坻区 as 宝延区 / 宝垠区) where
    the typed parts (a file name, a title) spell it right."""
    if len(place) < _MIN_VARIANT or not _is_han(place[0]):
        return place
    shape = re.compile(
        "|".join(
            re.escape(place[:at]) + r"[\u4e00-\u9fff]" + re.escape(place[at + 1 :]) for at in range(1, len(place) - 1)
        )
    )
    seen: dict[str, list[int]] = {}
    for found in shape.finditer(text):
        name = found.group(0)
        if name == place or leading_places(name) == [name]:
            seen.setdefault(name, []).append(found.start())
    if len(seen) < 2:
        return place
    return max(seen, key=lambda name: (len(seen[name]), -seen[name][0]))
