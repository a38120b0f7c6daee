"""The domain's words, in one place: every stage that reads or judges a report imports them from here.

The indicator taxonomy (财预〔2020〕10号 and 〔2021〕101号, DOMAIN.md §4), comparator words, units and money
conversion, funding-source words, the words tables print in place of numbers, and the names of indicators
whose direction is reversed. A new variant seen in a real report is one edit here, and the rules backend,
the checks and the eval all see it.
"""

from __future__ import annotations

import re

from jixiao.model import FundSource, Op
from jixiao.scan import first_chars, skipping

# ---- indicator taxonomy -------------------------------------------------------------------------------

LEVEL1_NAMES = ("产出指标", "效益指标", "满意度指标", "成本指标")
LEVEL1_OF: dict[str, str] = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "进度指标": "产出指标",  # 湖北's 项目绩效自评表 names 时效 so
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
}  # fmt: skip
"""Second level → first level. 成本指标 is second level under 产出 (2020) and first level itself (2021)."""

TAXONOMY_2020 = {
    "产出": {"数量", "质量", "时效", "成本"},
    "效益": {"经济效益", "社会效益", "生态效益", "可持续影响"},
    "满意度": {"服务对象满意度", "满意度"},
}
COST_2021 = {"经济成本", "社会成本", "生态环境成本"}

POINTS = r"[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]"
"""`(50分)` after a level name, or `(10)`: the points a block carries."""
_POINTS_TAIL = re.compile(r"[（(]?\s*\d+(?:\.\d+)?\s*分?\s*[)）]$")  # also `效益指标 30分)`, the bracket lost
_SPACES = re.compile(r"\s+")
_LEVEL1 = re.compile(r"^(?:产出|效益|满意度|成本|项目完成)指标$")  # 项目完成指标: older forms' name for 产出
LEVEL2_WORD = "(?:" + "|".join(sorted(LEVEL1_OF, key=len, reverse=True)) + ")"
"""A second-level word as a pattern (数量指标, 服务对象满意度指标 …), longest first."""
LEVEL_WORD = "(?:" + "|".join(sorted({*LEVEL1_NAMES, *LEVEL1_OF}, key=len, reverse=True)) + ")"
"""Any level word as a pattern (产出指标, 社会效益指标 …): where one stands inside a cell, rows ran together."""
_LEVEL2 = re.compile(rf"^{LEVEL2_WORD}等?$")  # 服务对象满意度指标等 (Yunnan 公开14表)
# 环境效益: the older forms' word for 生态效益, printed alone in the second-level cell as the others are
_LEVEL2_SHORT = re.compile(r"^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|环境效益|可持续影响)$")


def level_name(text: str) -> str:
    """A level cell as compared: spaces (`产 出 指 标`, `一级 指标`), points (`(50分)`) and the template's
    trailing 等 (`服务对象满意度指标等`) dropped."""
    name = "".join(text.split())  # re's \s, char for char, and faster than a sub
    name = name[:-1] if name.endswith("指标等") else name
    # points end in a bracket: without one there are none to drop (and no scan of every char for them)
    return _POINTS_TAIL.sub("", name) if name.endswith((")", "）")) else name


def is_level1(text: str) -> bool:
    return bool(_LEVEL1.match(level_name(text)))


def is_level2(text: str) -> bool:
    name = level_name(text)
    return not _LEVEL1.match(name) and bool(_LEVEL2.match(name) or _LEVEL2_SHORT.match(name))


def level_number(text: str) -> int | None:
    """1 for a first-level word (is_level1), 2 for a second-level one (is_level2), else None: both tests
    on one compared name."""
    name = level_name(text)
    if not name.endswith(("指标", "指标等")):  # every level word but the short ones (数量, 质量 …) ends so
        return 2 if _LEVEL2_SHORT.match(name) else None
    if _LEVEL1.match(name):
        return 1
    return 2 if _LEVEL2.match(name) or _LEVEL2_SHORT.match(name) else None


def has_points(text: str) -> bool:
    """`规划 (15分)`, `基础信息(3分)`: a block of a scoring sheet, whatever its name."""
    name = _SPACES.sub("", text)
    return name.endswith((")", "）")) and bool(_POINTS_TAIL.search(name))


def canonical_level2(text: str) -> str:
    """`数量` → `数量指标`: the second level with its 指标 (one spelling for the eval and the checks)."""
    name = level_name(text)
    return name if name.endswith("指标") or not _LEVEL2_SHORT.match(name) else name + "指标"


# ---- comparators ----------------------------------------------------------------------------------------

OP_WORDS: dict[str, Op] = {
    "≥": Op.GE, ">=": Op.GE, "不低于": Op.GE, "不少于": Op.GE, "大于等于": Op.GE, "大于或等于": Op.GE,
    "至少达到": Op.GE, "至少": Op.GE,
    "≤": Op.LE, "<=": Op.LE, "不高于": Op.LE, "不超过": Op.LE, "不多于": Op.LE, "小于等于": Op.LE,
    "小于或等于": Op.LE, "控制在": Op.LE,
    "=": Op.EQ, "等于": Op.EQ, "═": Op.EQ,  # ═: a double bar some forms print for = (Yunnan 公开14表)
    ">": Op.GT, "大于": Op.GT, "高于": Op.GT, "超过": Op.GT,
    "<": Op.LT, "小于": Op.LT, "低于": Op.LT,
}  # fmt: skip
OP_SUFFIXES: dict[str, Op] = {"及以上": Op.GE, "以上": Op.GE, "及以下": Op.LE, "以下": Op.LE, "以内": Op.LE}


_CODED_OP = re.compile(r"^0\d{1,3}\s*(?P<op>\S{1,5})$")
"""`004 >=`, `005 <=`: a form's code for the comparator printed before it (a zero-led code is no value)."""


def op_of(text: str) -> Op | None:
    """The comparator a 指标性质 cell prints (`≥`, `大于等于`, `004 >=`), or None."""
    key = text.strip()
    if (op := OP_WORDS.get(key)) is not None or not key.startswith("0"):
        return op
    coded = _CODED_OP.match(key)
    return None if coded is None else OP_WORDS.get(coded["op"])


# ---- units and money ------------------------------------------------------------------------------------

UNIT_WORDS = (
    "百分比 万人次 人次 亿元 万元 千元 元 万人 人 户 个 家 次 起 件 项 所 名 天 日 小时 个月 月 年 期 场 "
    "本 套 台套 台 处 平方米 平方公里 亩 万亩 公顷 公里 千米 米 吨 辆 批 支 条 张 份 篇 间 座 笔 班 村 岗 分钟 分 "
    "只 头 株 棵 颗 粒 枚 册 箱 袋 眼 口 栋 宗 例 床 具 所 架 艘 套 种 类 批次 家次 册次 场次 户次 盏 组 块 万 % "
    "公斤 千克 立方米 万立方米 万平方米 万吨 倍"  # a road's cleaned area in 万平方米
    " 万t t kg km km² hm² hm ha m m² m³ ㎡ ㎥ ㎞ ‰"  # engineering reports print SI units
    " TB GB MB"  # storage bought (`一个存储备份器 | 25TB`)
).split()
"""Units a figure may carry, for the number pattern; longer ones win (万元 over 元, 万人 over 人)."""
MONEY_UNITS = ("元", "千元", "万元", "亿元")
_WAN_YUAN = {"元": 1e-4, "千元": 1e-1, "万元": 1.0, "亿元": 1e4}


def to_wan_yuan(value: float, unit: str | None) -> float:
    """A money amount in 万元, the model's unit."""
    return round(value * _WAN_YUAN.get(unit or "万元", 1.0), 6)


# ---- funding sources -----------------------------------------------------------------------------------

_SOURCE_WORDS: list[tuple[re.Pattern[str], FundSource]] = [
    # `(当年资金1520.36万元，上年结转资金18.40万元)`: the year's own money beside the carry-over
    (
        re.compile(
            r"^(?:本年|当年|本年度)?财政拨款|^(?:本年|当年|本年度)?一般公共预算(?:拨款|资金)?|^(?:本年|当年|本年度)资金"
        ),
        FundSource.APPROPRIATION,
    ),
    # `2018年度某补贴结余资金` (a list item loses its year's digits: `年度某补贴结余资金`): a past year's balance
    (
        re.compile(
            r"^(?:上年|以前年度|往年|年初).{0,4}(?:结转|结余)|^(?:(?:19|20)\d{2}年度?|年度).{0,8}?(?:结转|结余)|^(?:结转|结余)"
        ),
        FundSource.CARRYOVER,
    ),
    (re.compile(r"^其他资金|^其他来源|^社会资金|^自有资金|^(?:单位)?自筹|^单位资金"), FundSource.OTHER),
    (re.compile(r"^中央"), FundSource.CENTRAL),
    (re.compile(r"^地方(?:财政)?(?:资金|配套|投入|自筹)|^地方财政"), FundSource.LOCAL),  # 地方自筹: local governments
    (re.compile(r"^(?:省级|省|自治区|本省|兵团)"), FundSource.PROVINCIAL),  # 兵团: the province-level corps
    (re.compile(r"^(?:盟市|市级|州级|市本级|地市|市|州)"), FundSource.PREFECTURAL),
    (re.compile(r"^(?:旗县|县级|区级|县区|旗|县|区本级|区|本级)"), FundSource.COUNTY),
]
# every source pattern reads from the start of the label: one match tries them in order, the first wins
_SOURCE_AT_START = re.compile(
    "|".join(f"(?P<s{index}>{pattern.pattern})" for index, (pattern, _) in enumerate(_SOURCE_WORDS))
)
_SOURCES = [source for _, source in _SOURCE_WORDS]
_SOURCE_PREFIX = re.compile(r"^(?:[（(]?[\d一二三四五六七八九十]+[、.．)）]\s*)?(?:其中|含)?[:：]?\s*")
FUNDING_TOTAL = re.compile(r"^(?:年度)?(?:财政)?(?:资金|预算)?总额|^合计|^总计|^资金总计|^项目资金总额|^年度总金额")
"""The 年度资金总额 row of a funding table (and its variants)."""


def source_label(text: str) -> str:
    """A funding row label without its `其中：` or numbering: `其中:中央财政资金` → `中央财政资金`."""
    name = "".join(text.split())
    prefix = _SOURCE_PREFIX.match(name)  # it matches at the start, if only nothing: one cut, not a sub
    return name[prefix.end() if prefix else 0 :].rstrip(":：")


def source_of(label: str) -> FundSource | None:
    """The level of government (or origin) a funding row or item names, or None when it names none."""
    return _source_named(source_label(label))


def _source_named(name: str) -> FundSource | None:
    match = _SOURCE_AT_START.match(name)
    return _SOURCES[int(match.lastgroup[1:])] if match and match.lastgroup else None


_TABLE_ROW_SOURCES: list[tuple[re.Pattern[str], FundSource]] = [
    (re.compile(r"^财政资金$"), FundSource.APPROPRIATION),
    (re.compile(r"^财政专户"), FundSource.OTHER),
    (re.compile(r"^其[他它]$"), FundSource.OTHER),  # a funding row labelled just 其他 (河北 预算项目自评表)
]
"""Sichuan's 2023 form splits 资金 into 财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 (DOMAIN.md §1.4): as a
funding table's row labels they name sources, while in prose `财政资金2814.36万元` is just public money."""


# a form's row `市县财政预算` (海南's form, whose province funds its 市县 directly): the money of the county-level
# city or county that runs the project; in prose 市县 may join two levels' money, and is left to source_of
_LOCAL_ROW = re.compile(r"^市县(?:财政|级)")


def _start_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """A one-char test every match of the (start-anchored) patterns passes: the chars one can start with (or
    any char, when scan cannot tell)."""
    first = first_chars("|".join(f"(?:{pattern.pattern})" for pattern in patterns))
    return re.compile(f"[{first}]" if first else "")


_ROW_SOURCE_START = _start_of(_LOCAL_ROW, _SOURCE_AT_START, *(pattern for pattern, _ in _TABLE_ROW_SOURCES))
"""What a row label naming a source starts with: one test turns away most cells (a table's finder asks it of
every short text cell) before the patterns."""


def row_source_of(label: str) -> FundSource | None:
    """The source a funding table's row label names: `source_of`, and the row labels only a table uses."""
    name = source_label(label)
    if not _ROW_SOURCE_START.match(name):
        return None
    if _LOCAL_ROW.match(name):
        return FundSource.COUNTY
    source = _source_named(name)
    if source is not None:
        return source
    for pattern, table_source in _TABLE_ROW_SOURCES:
        if pattern.search(name):
            return table_source
    return None


_LEVELS = frozenset({FundSource.CENTRAL, FundSource.PROVINCIAL, FundSource.PREFECTURAL, FundSource.COUNTY})
_MONEY_NOUN = re.compile(
    "级|級|财政|財政|资金|資金|补助|補助|补贴|補貼|配套|拨款|撥款|下达|下達|投入|奖补|獎補|专项|專項|经费|經費"
    "|预算|預算|转移支付|轉移支付|直达|直達|安排"
)
_BARE_LEVEL = re.compile(r"^(?:中央|省|自治区|自治區|市|州|盟市|县|縣|区|區|旗|旗县|县区|市县|本级)$")


def names_recipient(label: str) -> bool:
    """Whether a funding row label that opens on a level word names a body the money went to, not money of
    that level: `省水上运动管理中心`, `市第一中学`, `地市小计` in a per-recipient execution table, where
    `省级资金`, `市级配套`, `中央` name sources. Such a row is one recipient's line, never a source."""
    name = source_label(label)
    if row_source_of(name) not in _LEVELS:
        return False
    return not (_BARE_LEVEL.match(name) or _MONEY_NOUN.search(name))


# ---- words in place of numbers ------------------------------------------------------------------------

TEXT_VALUES = (
    "是 否 有 无 完成 已完成 未完成 基本完成 全部完成 达成 已达成 未达成 部分达成 基本达成 达标 达到 长期 持续 "
    "合格 合规 满意 及时 按时 按时完成 效果明显 成效明显 明显 显著 良好 较好 好 高 优 有效 有所提升 逐步提升 "
    "有效提升 明显提升 稳步提升 持续提升 有所改善 达成预期指标 达到预期目标 达到预期 符合要求 符合规定 "
    "逐步改善 明显改善 有效改善 逐步完善 有效运行 稳定运行 正常运行 健全 规范 严格执行 "
    "建立 已建立 未建立 建成 已建成 实现 已实现 落实 已落实 "
    "较高 程度较高 有所提高 逐步提高 有效提高 明显提高 稳步提高 持续提高"
).split()
"""Words a table prints in place of a number (text targets and actuals)."""
_TEXT_VALUE_SET = frozenset(TEXT_VALUES)


def is_text_value(text: str) -> bool:
    """One of the words, spaces around it aside (a set lookup: the words are plain, no pattern is needed)."""
    return text.strip() in _TEXT_VALUE_SET


# ---- direction of an indicator -------------------------------------------------------------------------

REVERSE_NAME = re.compile(
    "失业率|事件|事故|投诉|上访|差错|违规|违纪|违法|超支|逾期|闲置|滞留|损失|受害率|成灾率|发生率|死亡率|结余率|空置率"
    "|(?:人员|经费|费用|成本|支出|编制)控制率|预算调整率"  # fiscal control: within the approved amount
)
"""Names of indicators where less is better (≤ targets, DOMAIN.md I11)."""
_HANDLED = re.compile("处理|处置|办结|化解|答复|回复|查处|整改|受理|响应|责停|制止|纠正|打击")


def is_reverse(name: str) -> bool:
    """Less is better: 投诉件数, 安全事故次数; but not the handling of them (投诉处理及时率, 事故整改率)."""
    return bool(REVERSE_NAME.search(name)) and not _HANDLED.search(name)


# ---- places, units and report words (the head of a report) --------------------------------------------

PROVINCES = (
    "内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区 北京市 天津市 上海市 重庆市 "
    "河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 湖南省 "
    "广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 台湾省"
).split()
"""Province-level names as titles print them in full."""
SHORT_REGIONS = ("内蒙古", "广西", "西藏", "宁夏", "新疆")
"""The autonomous regions as reports name them in running text (`下达广西水污染防治资金`): no other place's name."""
PLACE_SUFFIXES = tuple("特别行政区 自治区 自治州 自治县 自治旗 街道 地区 省 市 州 盟 县 区 旗 镇 乡".split())
"""What an administrative place name ends with, longest first."""
NOT_PLACES = (
    "城市 城乡 城区 市区 社区 小区 园区 景区 辖区 片区 新区 地区 山区 林区 牧区 库区 矿区 老区 灾区 校区 "
    "县区 县市 市县 区县 乡镇 省市 旗县 盟市 全省 全市 全州 全县 全区 全旗 全镇 全乡 本省 本市 本县 本区 "
    "我省 我市 我州 我县 我区 我旗 我镇 我乡 各省 各市 各县 各区 该县 该区 该市 外省 外市 省区 城镇 村镇 集镇"
).split()
"""Words shaped like a place (a name and a suffix) that name none."""
ORGAN_SUFFIXES = (
    "人民政府 委员会 办公室 管理局 服务中心 中心 政府 财政局 局 厅 委 办 院 学院 大学 学校 中学 小学 幼儿园 医院 "
    "卫生院 馆 站 所 团 队 联合会 残联 协会 公司 场 处 科"
).split()
"""What the name of a unit (主管部门, 实施单位) ends with: an office, school, hospital, farm…"""
REPORT_TITLE = skipping(  # searched in every line that may be a title
    r"(?:绩效|自评|评价)[^\n，。；,;:：|]{0,14}?(?:报告书|报告|表)|绩效目标自评|(?:自评|评价)工作的?报告|情况的?报告"
)
"""The report-type words a title ends with: 绩效自评报告, 绩效目标自评表, 部门整体绩效自评表, 自评工作的报告…"""
SUBJECT_END = re.compile(r"(?:事前|事中|事后)?(?:绩效|评价)|自评|使用情况|实施情况|(?:预算)?执行情况")
"""Where the subject of a title (the fund or project) ends and its report words begin (`某补贴事后绩效评价`: 事后
says when it was evaluated; `某资金预算执行情况绩效自评报告`: the fund's budget is what was executed)."""


# ---- funding lines in prose ------------------------------------------------------------------------------

FUNDING_VERBS: dict[str, str] = {
    "executed": r"(?<![应可])执行|支出|支付|拨付使用|实际使用|累计使用|已使用|通过使用|发放|兑现|完成预算资金"
    r"|实际完成投资"
    r"|按(?:合同|工程|施工)[^，,。；;]{0,14}?拨付",  # paid out to the contractor as the work went on
    "allocated": r"下达|分配|下拨|拨付到位|拨付(?=我[省市州县区旗])|(?<!应)(?<!计划)到位|收到|到账|获得|争取到"
    r"|(?:中央|省级?)财政拨付|向[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|县|区|市|旗)拨付",
    "budget": r"预算|筹集|安排|资金总额|总额|总计|合计|共计|投入|批复|申请|资金共(?=\s*$)|应执行数|应到位|计划到位"
    r"|指标金额|规模(?:为|是|达)?\s*$|资金计划(?:为|是)?\s*$",
}
"""The verb that says which line a prose amount belongs to, strongest first: `下达…预算X` is allocated
(LABELLING.md), and so is `向某镇拨付X` (money paid to a place's government); `预算执行X` is executed,
`应执行数` (what was to be spent), `计划到位` (what was to arrive: `计划到位资金X，实际到位资金Y`) and `指标金额`
(the budget quota) the budget; `可执行预算` (what could be spent) is the budget too. 年初 before a budget verb
makes the amount the initial budget."""
SUM_WORDS = r"合计|共计|总计|总额|共"
"""Words that make an amount the whole of what its sentence lists."""
DUE_WORDS = r"应(?:支付|支出|发放|兑现|兑付|拨付)"
"""An amount due (`应支付贴息资金X`): what was owed, neither a line nor a part of one."""
NOT_A_FUNDING_LINE = (
    r"结余|结转|节余|余额|剩余|收入|同比|增加|减少|增长|调减|调增|核减|(?<!高)标准(?!化)|估算|概算|(?<!批复)总投资|投资额|每人|人均"
    r"|户均|缺口|控制数|调整(?:预算)?数|" + DUE_WORDS
)
"""Words that make a prose amount something other than a funding line: a balance, an income, a change,
a per-head standard (not 标准化, standardisation work, a field money is given to, nor 高标准农田, a fund), a
project's investment (but `项目批复总投资` is the approved budget), a ceiling (`某工程预算控制数为120万元`: what
one project may cost, not money given), the year's adjustment (`年内调整预算数-83.06万元`; `调整后预算数` is the
budget), an amount due (`应支付贴息资金X，实际支付Y`: what was owed, not what was spent)."""


# ---- fund names ---------------------------------------------------------------------------------------

FUND_ALIASES = {
    "就业专项资金": "就业补助资金",
    "就业资金": "就业补助资金",
    "就业创业补助资金": "就业补助资金",
    "促进就业专项资金": "就业补助资金",
    "就业补助": "就业补助资金",
}
"""One fund under several names in reports and notices (DOMAIN §3), once year, level and tail are removed
(`jixiao.names.fund_key`): series of one region's fund are linked across years through these."""
