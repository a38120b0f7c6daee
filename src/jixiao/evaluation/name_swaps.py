"""Content swaps of the names a report gives itself: its place (`region`) and its fund (`fund`).

    region  the labelled place and its short form (某某县 and 某某) replaced everywhere by a real place of the
            same level that no labelled text names (the lists below); a one-char short form (横县's 横) is
            never replaced on its own
    fund    the labelled fund's name replaced, where it is printed verbatim, by another fund name of the same
            kind (a 资金 by a 资金, a 项目 by a 项目) that no labelled text names

A report in traditional script gets its new name in traditional script too. A document whose gold names no
place or fund, or one the text does not print verbatim, or a whole unit's spending (部门整体支出, a form's kind,
no fund's name) is skipped.
"""

from __future__ import annotations

import re

from jixiao.documents.traditional import simplified
from jixiao.evaluation.swapping import Rewrite, Swapped, consistent, pick, renamed
from jixiao.evaluation.table_layouts import traditional
from jixiao.model import Report

# real places of each level that no labelled text (real, own, held-out sets 8–18) prints, name or short form
PLACES: dict[str, tuple[str, ...]] = {
    "县": ("富蕴县", "尉氏县", "柘城县", "洛川县", "临洮县", "岢岚县", "繁峙县", "灵丘县", "淅川县", "鄢陵县"),
    "市": ("敦化市", "满洲里市", "丹江口市", "瑞丽市", "靖江市", "韶山市", "老河口市", "冷水江市", "张掖市", "鹤壁市"),
    "区": ("麦积区", "龙亭区", "惠济区", "珠晖区", "驿城区", "铁西区", "金凤区", "秦州区", "甘州区", "涧西区"),
    "州": ("楚雄州", "黔东南州", "怒江州", "恩施州", "德宏州", "海西州", "黔南州", "文山州", "大理州"),
    "盟": ("阿拉善盟", "兴安盟"),
    "旗": ("乌审旗", "奈曼旗", "达拉特旗", "杭锦旗", "准格尔旗", "鄂托克旗"),
    "镇": ("周庄镇", "西塘镇", "朱家角镇", "安昌镇", "黄姚镇", "青岩镇", "同里镇", "南浔镇", "锦溪镇"),
    "乡": ("拉市乡", "白马乡", "龙潭乡", "坝美乡", "长岭乡"),
    "街道": ("五里桥街道", "湖滨街道", "北站街道", "西湖街道", "梅园街道"),
    "省": ("吉林省", "青海省", "辽宁省", "山西省", "陕西省", "贵州省", "海南省", "浙江省", "江苏省"),
}
_LEVELS = sorted(PLACES, key=len, reverse=True)  # 街道 before 道-less suffixes
_MIN_STEM = 2  # 横县's 横 is no name on its own

# fund names of DOMAIN.md's kinds, by the word they end in, that no labelled text prints
FUNDS: dict[str, tuple[str, ...]] = {
    "资金": (
        "水土保持补助资金",
        "林业草原生态保护恢复资金",
        "农村环境整治专项资金",
        "城市管网及污水处理补助资金",
        "重点生态保护修复治理资金",
        "农业资源及生态保护补助资金",
        "服务业发展专项资金",
    ),
    "经费": (
        "基层公共法律服务经费",
        "老年大学办学经费",
        "科普宣传工作经费",
        "非遗传承人补助经费",
        "森林草原防灭火工作经费",
    ),
    "项目": ("乡村道路硬化提升项目", "农田灌溉渠道修缮项目", "社区卫生服务站改造项目", "农贸市场提升改造项目"),
    "补贴": ("农机深松作业补贴", "林木良种培育补贴", "生猪调出大县奖励补贴", "养殖粪污处理补贴"),
    "工程": ("农村安全饮水巩固工程", "小型农田水利提升工程", "城区亮化提升工程"),
    "转移支付": ("海洋生态保护修复转移支付", "重点流域治理转移支付"),
    "补助": ("乡镇卫生院运行补助", "村级组织运转补助"),
    "专项": ("禁毒宣传专项", "食品安全检测专项"),
    "费": ("城区绿化管护费", "办公楼物业管理费"),
}
_KINDS = sorted(FUNDS, key=len, reverse=True)  # 转移支付 before 费
_NO_FUND = ("部门整体支出",)


def _level(place: str) -> str | None:
    plain = simplified(place)
    return next((level for level in _LEVELS if plain.endswith(level) and len(plain) > len(level)), None)


def _misspelt(place: str, level: str, text: str) -> bool:
    """Whether `text` also prints `place` with one inner char misread (宝坻区 as 宝垠区, an OCR'd page): a swap
    would leave those behind."""
    stem = place[: -len(level)]
    shapes = [re.escape(stem[:at]) + r"[\u4e00-\u9fff]" + re.escape(stem[at + 1 :]) for at in range(1, len(stem))]
    if not shapes:
        return False
    found = re.finditer(f"(?:{'|'.join(shapes)}){re.escape(level)}", text)
    return any(name[0] != place for name in found)


def _scripted(name: str, like: str) -> str:
    """`name` in the script `like` is printed in."""
    return traditional(name) if simplified(like) != like else name


def _replaced(old: str, new: str) -> Rewrite:
    return lambda text: text.replace(old, new)


def _swapped(text: str, report: Report, old: str, new: str) -> Swapped | None:
    rewrite = _replaced(old, new)
    after = rewrite(text)
    gold = renamed(report, rewrite)
    return Swapped(after, gold) if consistent(text, after, report, rewrite) else None


def region(text: str, report: Report) -> Swapped | None:
    """The labelled place replaced by another of its level: its short form where it has one of two chars or
    more (滁州 of 滁州市, which replaces 滁州市 too), else its full name."""
    place = report.region
    level = _level(place) if place else None
    if not place or level is None or place not in text or _misspelt(place, level, text):
        return None
    new = pick(place, [_scripted(name, place) for name in PLACES[level]], text)
    if new is None:
        return None
    stem, new_stem = place[: -len(level)], new[: -len(level)]
    if len(stem) >= _MIN_STEM and new_stem not in text:
        return _swapped(text, report, stem, new_stem)
    return _swapped(text, report, place, new)


# a level word a fund's name opens with says whose fund it is (`州级…资金`: the 州's): kept
_FUND_LEVEL = re.compile(r"^(?:中央(?:财政)?|(?:省|市|州|县|区|旗)级)")
_CORE = 4  # chars of a fund's own words that name it in a variant (`某某计划补助资金` as `某某计划自治区补助资金`)


def _variant(core: str) -> re.Pattern[str]:
    """The fund's own words opening another fund-like name (`某某计划` … `补助资金` within a clause)."""
    kinds = "|".join(_KINDS)
    return re.compile(rf"{re.escape(core)}[^，。,;；\n]{{0,12}}?(?:{kinds})")


def fund(text: str, report: Report) -> Swapped | None:
    """The labelled fund replaced where printed verbatim by another of its kind (the word it ends in), after
    the level word it opens with (kept), with or without that word. A text that also names the fund in
    another form (its own words before a variant ending, a title's `某某项目` beside the field's `某某经费`,
    the name broken across two lines) is skipped: a half-renamed fund is no report."""
    name = report.fund
    if not name or name in _NO_FUND or name not in text:
        return None
    kind = next((kind for kind in _KINDS if simplified(name).endswith(kind)), None)
    if kind is None:
        return None
    level = _FUND_LEVEL.match(name)
    head = level[0] if level else ""
    own = name[len(head) :]  # 水利发展资金 of 中央水利发展资金, printed without its level as often as with it
    new = pick(own, [_scripted(other, name) for other in FUNDS[kind]], text)
    if new is None:
        return None
    core = own[:_CORE] if len(own) - len(kind) >= _CORE else own[: -len(kind)]
    flat = re.sub(r"\s+", "", text)
    if flat.count(own) > text.count(own) or (core and _variant(core).search(flat.replace(own, ""))):
        return None
    return _swapped(text, report, own, new)
