"""The name of an achieved figure: the words before it, less the lead, time, policy and work around it."""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import clean_name

_COMPARISON = re.compile(r"^(?:低于|高于|超过|超出|少于|多于|不足|比|较|同比|环比|增长|下降|减少|增加|占)")
_NOT_A_NAME = re.compile(r"指标|目标|计划|预期|预计|任务|完成|实际|其中|合计|执行率|资金总额")
# `完成工程量波型护栏1820米`: what was done, named after the verb (the heading above says these are results)
# (after the year it was done in: `2019年完成某河治理河道长度6.25公里`)
_LEAD = re.compile(
    r"^(?:[一二三四五六七八九十]是)?(?:(?:19|20)\d{2}年度?)?"  # `二是新建…`: the enumerator of a results paragraph
    r"(?:具体(?:为|是)[：:]?)?"  # `…已全部完成，具体为：完成了城区道路养护里程326.4公里`
    r"(?:(?:共计|共|累计|全年|年内)+|(?:共|累计|基本)?完成了?(?:工程量|工作量|任务量)?(?=[\u4e00-\u9fff]{2}))?"
)
MAX_NAME = 30
# `某联络处2022年今年以来共接待…`: the time and the unit before what was done are no part of its name
_SINCE = re.compile(r"^[^，,；;]{0,30}?以来")
# `2022年通过农机报废更新补贴政策直接受益户8户`: the year and the policy that brought it are no part of the name
_CONTEXT = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:通过[^，,；;。\d]{2,16}?政策)?")
# `灌区配套建成后年节水量120万立方米`: after what work it was measured is no part of the name either
_AFTER_WORK = re.compile(r"^[^，,；;。\d]{2,12}?(?:治理|实施|建成|完工|改造)后(?=[\u4e00-\u9fff]{2})")
_NAME_END = re.compile(r"(?:共|约|近|计)+$")


def after_work(name: str) -> str:
    return _AFTER_WORK.sub("", name) if "后" in name else name


def achieved_name(printed: str) -> str:
    name = _NAME_END.sub("", _LEAD.sub("", _SINCE.sub("", _CONTEXT.sub("", after_work(clean_name(printed))))))
    if (
        not 2 <= len(name) <= MAX_NAME
        or any(char.isdigit() for char in name)
        or not "\u4e00" <= name[0] <= "\u9fff"
        or _COMPARISON.match(name)
        or _NOT_A_NAME.search(name)
    ):
        return ""
    return name
