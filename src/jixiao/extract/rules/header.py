"""Title, region, fund and fiscal year from the head of a report."""

from __future__ import annotations

import re
from collections import Counter

_TITLE_END = re.compile(r"(?:自评报告|自评表|评价报告|绩效报告|报告)$")
_PROVINCES = (
    "内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 北京市 天津市 上海市 重庆市 "
    "河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 "
    "广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省"
).split()
# a place ends at an administrative suffix; 州 alone is left out (杭州市 is one place, not 杭州 + 市)
_PLACE_TOKEN = re.compile(r"[\u4e00-\u9fff]+?(?:自治州|自治县|自治旗|街道|地区|市|县|旗|区|盟|镇|乡)")
_PLACE_PREFIX = re.compile(r"^.*?(?:市|县|旗|区|盟|州|镇|乡|街道)(?=[\u4e00-\u9fff]{2,}(?:资金|经费|专项|项目))")
_HEAD_START = re.compile(r"^(?:附件[0-9一二三]*[:：]?|关于)")
# where the place part of a title or signature ends: a year, or the subject (fund, office, report type)
_HEAD_STOP = re.compile(
    r"(?:19|20)\d{2}|20xx|就业|资金|经费|项目|专项|财政|中央|人力资源|人社|人民政府|绩效|部门|[^\u4e00-\u9fff]"
)
_OFFICE_PREFIX = re.compile(
    r"^[\u4e00-\u9fff]{0,12}?(?:财政局|人力资源和社会保障局|人力资源社会保障局|人社局|教育局|民政局|农业农村局|卫生健康委员会)"
)
_FUND = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:资金|经费|专项|项目)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_NOT_PLACE_WORDS = (
    "我市",
    "全市",
    "我区",
    "全区",
    "我县",
    "全县",
    "我旗",
    "全旗",
    "各地区",
    "社区",
    "城区",
    "市区",
    "地区",
)


def title_of(text: str) -> str | None:
    """The first non-empty lines up to the one that names the report type (标题 may span two lines)."""
    lines: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        lines.append(line)
        if _TITLE_END.search(line) or len(lines) == 3:
            break
    for count in range(len(lines), 0, -1):
        if _TITLE_END.search(lines[count - 1]):
            return "".join(lines[:count])
    return lines[0] if lines else None


def _strip_province(place: str) -> str:
    for province in _PROVINCES:
        if place.startswith(province) and len(place) > len(province):
            return place[len(province) :]
    return place


def _most_specific(place: str, text: str) -> str:
    """呼伦贝尔扎兰屯市 -> 扎兰屯市 when the shorter name is used on its own elsewhere in the report."""
    place = _strip_province(place)
    for cut in range(1, len(place) - 2):
        tail = place[cut:]
        if _standalone(tail, text):
            return tail
    return place


def _standalone(name: str, text: str) -> bool:
    """`name` occurs with no Chinese character right before it. A plain scan, not a regex: a pattern per
    place name missed re's cache and recompiled its CJK lookbehind (~5 ms) on most reports of a batch."""
    at = text.find(name)
    while at >= 0:
        if at == 0 or not "\u4e00" <= text[at - 1] <= "\u9fff":
            return True
        at = text.find(name, at + 1)
    return False


def _heads(text: str, title: str | None) -> list[str]:
    """Lines that name the place: the title, 附件 lines and the signature at the end."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    heads = [title or ""]
    heads += [line for line in lines if line.startswith("附件")]
    heads += [line for line in lines[-5:] if len(line) <= 30]
    return heads


def _place_in(head: str) -> str | None:
    """The most specific place a title-like line names before its subject: 湘潭市雨湖区… -> 雨湖区."""
    head = _HEAD_START.sub("", head.strip())
    stop = _HEAD_STOP.search(head)
    head = _strip_province(head[: stop.start()] if stop else head)
    tokens = _PLACE_TOKEN.findall(head)
    if not tokens or not head.endswith(tokens[-1]) or tokens[-1] in _NOT_PLACE_WORDS:
        return None
    return tokens[-1]


def region_of(text: str, title: str | None) -> str | None:
    """The place the report covers, as named in the title, 附件 or signature lines (most often named wins)."""
    candidates = [place for head in _heads(text, title) if (place := _place_in(head))]
    if not candidates:
        return None
    best = Counter(candidates).most_common(1)[0][0]
    return _most_specific(best, text)


def fund_of(title: str | None, region: str | None = None) -> str | None:
    """The fund the title names: what stands before 资金/经费/专项/项目 once place, year and office are gone."""
    if not title:
        return None
    cleaned = _HEAD_START.sub("", _YEAR.sub("", title))
    if region and region in cleaned:
        cleaned = cleaned[cleaned.rindex(region) + len(region) :]
    else:
        for province in _PROVINCES:
            cleaned = cleaned.replace(province, "")
        cleaned = _PLACE_PREFIX.sub("", cleaned)
    match = _FUND.search(_OFFICE_PREFIX.sub("", cleaned))
    return match.group(0) if match else None


def year_of(text: str, title: str | None) -> int | None:
    """The fiscal year evaluated: the title's year, else the most frequent year in the body."""
    if title and (match := _YEAR.search(title)):
        return int(match.group(1))
    years = Counter(int(y) for y in _YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None


_SENTENCE_ENDS = '。！？!?；;…”"）)】]'
_MIN_CUT_LINE = 15


def ends_mid_sentence(text: str) -> bool:
    """The report stops inside a sentence: its last line is prose (has a comma) with no closing mark.

    A closing 附件 line, a signature or a date has no comma and does not count.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    last = lines[-1]
    return len(last) >= _MIN_CUT_LINE and last[-1] not in _SENTENCE_ENDS and any(c in last for c in "，,")
