"""The head fields of a 自评表 (项目名称, 主管部门, 实施单位, 评价年度…) in any flattening.

    项目名称 | 柳湾村特色养殖补贴到户项目 | 项目负责人及电话 | …           (pipes)
    项目名称 |\\n临时救助 |                                               (a cell per line)
    项目名称 村级运转补助经费 主管部门 307-某某县青石镇人民政府            (spaces)
    项目名称小学公用经费主管部门某某市教育局实施单位…                      (glued)
    项目名称:某某县山塘水库等9宗水库除险加固工程                          (a colon)

A value runs from its label to a cell border (`|`, a line break, a wide gap), a full stop or the next
label, whichever comes first; a value that is itself a label or template text (`评价项目编码`) is no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from jixiao.scan import matches, skipping, spans_of


class FieldKind(Enum):
    NAME = "name"  # the project or transfer payment evaluated
    UNIT = "unit"  # who spends the money: 实施单位, 资金使用单位, 部门
    ADMIN = "admin"  # who administers it: 主管部门
    YEAR = "year"  # the year evaluated


_LABELS: list[tuple[str, FieldKind]] = [
    (r"转移(?:支付)?[（(]项目[)）]名称|转移支付名称|专项(?:资金)?名称|(?<!评价)项目名称", FieldKind.NAME),
    (
        r"项目实施单位|实施单位|资金使用单位|项目[（(]用款[)）]单位|用款单位|(?<![\u4e00-\u9fff])项目单位"
        r"|部门[（(]单位[)）]名称|预算单位名称|(?<![\u4e00-\u9fff])单位名称|预算部门(?:单位)?(?:[（(]公章[)）])?"
        # a 自评表 (实施单位用) filled in by the unit that spends the money; a narrative's `实施主体:某县卫健委。`
        r"|(?<![\u4e00-\u9fff])填报单位|(?<![\u4e00-\u9fff])实施主体"
        r"|(?<![\u4e00-\u9fff])部门(?=[ \t]*[|:：])",
        FieldKind.UNIT,
    ),
    # `地方主管部 门`: a PDF cell wrapped in the label; never a 区域 form's 中央主管部门 or 省级主管部门, the
    # supervisors above the region that reports (a 县级主管部门 is that region's own)
    (r"(?<![中央省])(?<!省级)(?:项目)?主管(?:部 ?门|单 ?位)", FieldKind.ADMIN),
    (r"评价年度|预算年度|(?<![\u4e00-\u9fff])年度(?=[ \t]*[:：])", FieldKind.YEAR),
]
_LABEL = skipping("|".join(f"(?P<k{index}>{pattern})" for index, (pattern, _) in enumerate(_LABELS)))
_LABEL_SPANS = spans_of(_LABEL)  # the text is scanned for labels once: without the groups to enter
_KINDS = [kind for _, kind in _LABELS]
# the words a value stops at: the next label of the form
_NEXT_LABEL = re.compile(
    r"项目名称|(?:省级|市级|县级)?主管部门|主管单位|项目实施单位|实施单位|项目单位|实施第位|资金使用单位|项目负责人|负责人|联系人|联系电话|项目资金"
    r"|资金情况|预算资金|预算执行|年初预算|全年预算|年度资金总额|自评得分|自评总分|填报日期|项目类别|项目属性|项目类型"
    r"|财政处室|中央主管|地方主管|预算编码|评价类型|评价方式|评价年度|单位地址|项目编码|项目起止|单位[:：]|[（(]公章[)）]"
    r"|填报单位|项目主要内容|主要内容"
)
# the border between a label and its value: separators, a converter's pinyin, up to three line breaks
_LEAD = re.compile(r"(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）])?[ \t|:：]*(?:\n[ \t|:：]*){0,3}")
# a value ends at a border, a full stop (`实施主体:某县卫健委。`), a wide gap, or a space before the next `label:`
# (`项目名称: 某补贴 是否为专项资金:`)
_VALUE_END = re.compile(r"[|\n。]|[ \t\u3000]{2,}|[ \t\u3000](?=[\u4e00-\u9fff（()）]{2,12}[:：])|$")
_NOT_A_VALUE = re.compile(r"名称|编码|代码|负责人|电话|日期|地址|主管|^单位|单位$|^部门$|公章|盖章|[，。；,;]")
# a value that lists levels of government (`中央、省、市(州)、县级财政资金`) is a funding table's column header
_NOT_A_NAME = re.compile(r"主管|单位|编码|负责人|名称|[，。；;]|^(?:中央|省级?|市级?)[、,，/](?:省|市|县)")
_MAX_VALUE = 60


@dataclass(frozen=True)
class FormField:
    kind: FieldKind
    label: str
    value: str
    start: int  # where the value starts in the text


def _kind_of(match: re.Match[str]) -> FieldKind:
    return _KINDS[int(next(name for name, value in match.groupdict().items() if value is not None)[1:])]


def _value_at(text: str, start: int) -> tuple[int, str]:
    lead = _LEAD.match(text, start)
    at = lead.end() if lead else start
    end_match = _VALUE_END.search(text, at, min(len(text), at + _MAX_VALUE))
    end = end_match.start() if end_match else min(len(text), at + _MAX_VALUE)
    label = _NEXT_LABEL.search(text, at, end)
    if label is not None:
        end = label.start()
    return at, text[at:end].strip(" \t\u3000:：|")


# a squashed PDF form that prints a cell's value before its label: `…自评表 (2030年度) 某某经费 项目名称 主管部门 …`
_NAME_BEFORE = re.compile(
    r"(?:自评表|年度\s*[)）])[ \t]*(?P<value>[\u4e00-\u9fff（()）][\u4e00-\u9fff（()） \t]{3,60})[ \t]+$"
)
_REACH_BACK = 80


def _name_before(text: str, label_start: int) -> tuple[int, str] | None:
    """The project name a squashed form printed between its title and the 项目名称 label that has no value of
    its own (the next label follows it): its spaces, the PDF's wraps, removed."""
    before = _NAME_BEFORE.search(text, max(0, label_start - _REACH_BACK), label_start)
    if before is None:
        return None
    return before.start("value"), re.sub(r"[ \t]+", "", before["value"])


def form_fields(text: str) -> list[FormField]:
    """Every head field the text prints with a plausible value, in the order printed."""
    fields = []
    for match in matches(_LABEL, _LABEL_SPANS, text):
        at, value = _value_at(text, match.end())
        kind = _kind_of(match)
        if kind is FieldKind.NAME and not value and (before := _name_before(text, match.start())):
            at, value = before
        if len(value) < 2 or (_NOT_A_NAME if kind is FieldKind.NAME else _NOT_A_VALUE).search(value):
            continue
        fields.append(FormField(kind=kind, label=match.group(0), value=value, start=at))
    return fields


def values_of(fields: list[FormField], kind: FieldKind) -> list[str]:
    return [field.value for field in fields if field.kind is kind]
