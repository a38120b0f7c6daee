"""Header cells: which column a header names, wherever in the text the header stands.

The wording varies by form and province (财预〔2020〕10号 annex, the transfer-payment 自评表, Sichuan's
指标性质/度量单位 variant, Chongqing's 部门整体 sheet, scoring sheets with 指标分值/自评得分), so each role
lists the phrasings seen. Headers are matched on the cell without spaces (`年度 指标值`, `一级 指标`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.tables.table import FUNDING_ROLES, Kind, Role
from jixiao.scan import skipping

_BR = (
    r"(?:[（(][^()（）\n|]{0,16}[)）]"  # (A), （B/A×100%）, （万元）, (分): no bracket opened inside
    # a column letter that lost one bracket: 执行数B), 年初目标值(A; a closing bracket OCR read as 1: 执行率(B/A1
    r"|[（(][A-Z](?![A-Za-z0-9/)）])|(?<![（(A-Za-z])[A-Z](?:/[A-Z])?[)）]|[（(][A-Z]/[A-Z]1(?![\d.%]))"
)
_WORDS: list[tuple[Role, str]] = [
    (Role.INDEX, r"序号|行次"),
    (Role.LABEL, r"(?:资金投入情况|项目资金|资金情况|预算资金|资金来源|年度预算申请"
                 rf"|项目预算执行情况|预算执行情况|部门预算执行情况){_BR}{{0,2}}"
                 # Sichuan 2023 heads its row-label column 年度预算数(万元), before 年初预算 | 调整后预算数
                 rf"|年度预算数{_BR}"),
    # Hunan's 部门整体 sheet: 年初预算资金总额: | 实际投入资金额 (the money the year actually put in)
    (Role.INITIAL_BUDGET, rf"年初预算(?:数|金额|资金总额[:：]?)?{_BR}?"),
    (Role.EXECUTED, rf"(?:全年|预算|项目)?执行(?:数|资金|金额){_BR}?|全年执行{_BR}?|实际支出(?:数|金额)?{_BR}?"
                    rf"|实际投入资金额{_BR}?"),
    (Role.BUDGET, rf"(?:全年|调整后?|全年[（(]调整[)）]|全年调整)?预算(?:数|金额){_BR}?|全年预算{_BR}?"),
    (Role.ALLOCATED, rf"(?:全年)?到位资金(?:数)?{_BR}?|下达(?:资金|数|额度){_BR}?"),
    # 预算执行(E/C×100%): Sichuan's 2024 transfer-payment sheet names the rate by its ratio
    (Role.RATE, rf"(?:预算)?执行率{_BR}?|预算执行(?=[（(][A-Z]/[A-Z])" + _BR),
    # 分值权重 / 指标分值权重: Xinjiang's 2023 自评表 names the weight column twice over
    (Role.WEIGHT, rf"(?:指标|执行率|参考)?(?:分值权重|分值|权重){_BR}?"
                  # 参考/分值 on two lines, interleaved by OCR (`考值参分`)
                  r"|(?=[参考分值]{4})(?=[^参]*参)(?=[^考]*考)(?=[^分]*分)(?=[^值]*值)[参考分值]{4}"),
    (Role.SCORE, rf"(?:指标|执行率|自评)?得分(?!系数|计算方法){_BR}?"),
    (Role.LEVEL1, r"一级指标|一级"),
    (Role.LEVEL2, r"二级指标|二级"),
    (Role.NAME, r"三级指标|(?:绩效)?指标名称|三级"),
    (Role.OP, r"指标性质|指标方向"),  # a form with both prints 正向 under one, 大于等于 under the other
    (Role.UNIT, r"度量单位|计量单位"),
    (Role.COEFFICIENT, rf"得分系数{_BR}?"),
    (Role.NOTE, rf"调整(?:后)?指标值|指标解释(?:说明)?|指标说明(?:及评分标准)?"
                rf"|(?:评分|评价)标准(?:及依据)?|得分计算方法|佐证材料|备注|是否核心指标|复核分|所需材料|上传端口"
                rf"|预算到位{_BR}?|(?:扣除)?统筹整合资金(?:数|后预算金额){_BR}?"
                # the columns Xinjiang's 2023 自评表 adds around the values: how the target was set, last year's
                # actual (never this year's), how points are given, the evidence, the actual's share of the target
                r"|指标值设置依据|上年(?:实际)?完成值|(?:指标)?赋分规则|佐证资料|(?<![\u4e00-\u9fff])完成率"
                # what kind of indicator a row is and how it is scored (`定量`, `正向指标`, `比率法`): no figure
                r"|指标(?:属性|类型|类别)|(?:计分|评分|赋分|考核|评价)(?:方法|方式)"),
    (Role.TARGET, rf"(?:年度|预期|年初)?(?:目标)?指标值{_BR}?|(?:年度|预期|年初|绩效)?目标值{_BR}?|计划值|年度指标"),
    (Role.ACTUAL, rf"(?:全年|指标)?实际完成(?:指标)?值?{_BR}?|(?:全年|年终|年成)?完成值{_BR}?|(?:全年)?实际值{_BR}?"
                  # 全年/完成值 on two lines, interleaved by OCR (`年成值全完值`)
                  r"|(?=[全年完成值]*完)(?=[全年完成值]*成)(?=[全年完成值]*值)[全年完成值]{5,7}"),
    (Role.COMPLETION, r"实施进度|完成进度|累计完成率"),
    (Role.REASON, r"(?:偏差|未完成)原因(?:分析)?(?:及|和)?(?:拟采取的)?(?:改进措施)?"
                  r"|原因分析(?:及改进措施)?|偏差原因"),
]  # fmt: skip
HEADER_WORD = skipping("|".join(f"(?P<{role.value}>{pattern})" for role, pattern in _WORDS))
HEADER_WORDS = "|".join(f"(?:{pattern})" for _, pattern in _WORDS)
"""The header words without their roles: the same matches as HEADER_WORD's, for a scan that needs only where
they stand (with no group to enter, the alternatives open with their first char: jixiao.scan.branch_first)."""
HEADER_SPAN = skipping(HEADER_WORDS)
_ROLE_OF = {role.value: role for role, _ in _WORDS}
BLOCK_LABEL = re.compile(
    r"^(?:(?:年度)?绩效指标(?:完成情况)?|年度(?:总体)?(?:绩效)?目标(?:完成情况)?(?:综述)?|总体目标(?:完成情况)?|年度总体目标|资金管理情况"
    r"|年初设定目标|预期目标|实际完成情况|全年目标实际完成情况|当年绩效目标|项目(?:资金)?绩效目标|说明|填表说明|注[:：]?.*|备注[:：]"
    # the footer rows of the 项目自评表 template (湖北, 湖南): labels of the rows after the table, not columns
    r"|偏差大或目标未完成原因分析|改进措施及结果应用方案"
    r"|按(?:收入|支出)性质分[:：]?"
    # the title of the next form of a document that prints several (a 绩效目标表 then its 自评表)
    r"|[^|]{0,24}(?:自评表|目标表|评价表)(?:[（(]\d{4}年度?[)）])?"
    r"|(?:填报人|填表人|联系人|联系电话|单位负责人|财务负责人|项目负责人|填报日期|填表日期|审核人|单位领导审签)(?:[:：].*)?)$"
)
"""Labels of the form's other blocks: one ends the table before it (or, 绩效指标, heads the indicator one)."""


def compact(text: str) -> str:
    """The text without its whitespace (str.split's whitespace is re's \\s, char for char; it is faster)."""
    return "".join(text.split())


@lru_cache(maxsize=16384)  # a cell's shape and its header words both ask of the same text
def role_of(text: str) -> Role | None:
    """The role a single header cell names (spaces ignored), or None."""
    match = HEADER_WORD.fullmatch(compact(text))
    return _ROLE_OF[match.lastgroup] if match and match.lastgroup else None


@lru_cache(maxsize=8192)
def split_header_words(text: str, *, at_end: bool = False) -> list[tuple[int, int]] | None:
    """Offsets of a run of header words glued into a cell, with the text before and after it, or None.

    `一级指标二级指标三级指标` is three header cells; `(万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额` is
    a caption, six header cells and a row label. A run needs two words, or one at the very end of the cell
    when the caller knows the next cell is a header (`详情见附件(注:以下为图片识别)一级指标 | 二级指标 …`).
    """
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for match in HEADER_SPAN.finditer(text):
        if run and match.start() != run[-1][1]:
            run = []
        run.append(match.span())
        if len(run) > len(best):
            best = list(run)
    enough = len(best) >= 2 or (at_end and best and best[-1][1] == len(text) and best[0][0] > 0)
    if not enough:
        return None
    spans = [(0, best[0][0])] if best[0][0] else []
    spans += best
    if best[-1][1] < len(text):
        spans.append((best[-1][1], len(text)))
    return spans


# asked of every run of header pieces (an enum member read through its class calls the enum metaclass's
# attribute hook on Python 3.11)
_NAMING = frozenset({Role.NAME, Role.LEVEL2})
_VALUES = frozenset({Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE})
_TARGET_ACTUAL = frozenset({Role.TARGET, Role.ACTUAL})
_INDICATORS, _FUNDING = Kind.INDICATORS, Kind.FUNDING


def kind_of(roles: list[Role]) -> Kind | None:
    """A header is an indicator or a funding header when it holds enough columns of either kind."""
    present = set(roles)
    named = bool(_NAMING & present)
    values = _VALUES & present
    if (named and values) or len(values & _TARGET_ACTUAL) == 2:
        return _INDICATORS
    if len(present & FUNDING_ROLES) >= 2:
        return _FUNDING
    return None


MONEY_IN_YUAN = re.compile(r"[（(](?:单位[:：])?元[)）]|单位[:：]\s*元(?!/)")


_MIN_LABELLED = 3  # a block label and two header words


_UNIT_TAG = re.compile(r"^[（(]万?元[)）]$")
"""`(万元)` opening a header line: the tail of the label cell wrapped onto the line above, read past."""


def spaced_header(text: str, words: list[tuple[int, int]]) -> tuple[tuple[int, int], ...] | None:
    """Header cells a single space apart (`执行率 得分`), some printed with a space inside (`年度 指标值`,
    `一级 指标`: a word that names no column joins the one before or after it), the first maybe the form's
    block label (`绩效指标 一级指标 二级指标 …`, also spaced out: `绩 效 指 标 一级指标 …`)."""
    spans: list[tuple[int, int]] = []
    spaced_out = next((at for at, (a, b) in enumerate(words) if b - a > 1), len(words))  # `绩 效 指 标`
    for size in (1, spaced_out):
        if len(words) - size >= _MIN_LABELLED - 1 and BLOCK_LABEL.match("".join(text[a:b] for a, b in words[:size])):
            spans, words = [(words[0][0], words[size - 1][1])], words[size:]
            break
    labelled = len(spans)
    at = 1 if not spans and len(words) > _MIN_LABELLED and _UNIT_TAG.match(text[words[0][0] : words[0][1]]) else 0
    while at < len(words):
        start, end = words[at]
        if role_of(text[start:end]):
            spans.append((start, end))
        elif len(spans) > labelled and role_of(text[spans[-1][0] : end]):
            spans[-1] = (spans[-1][0], end)
        elif at + 1 < len(words) and role_of(text[start : words[at + 1][1]]):
            spans.append((start, words[at + 1][1]))
            at += 1
        else:
            return None
        at += 1
    return tuple(spans) if len(spans) > 1 else None
