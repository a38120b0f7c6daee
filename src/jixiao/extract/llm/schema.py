"""What the model is asked to return: the report's figures without the parts only jixiao can know.

The schema is half the prompt: every field carries a Chinese description with the term and unit the reports
use. Source, extractor, spans and grounding are not asked for; jixiao sets them (grounding.py) when it turns
a draft into a Report.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from jixiao.model import FundSource, Op

MAX_INDICATORS = 80  # a report has 10–40; the cap stops a small model from repeating rows until the context ends
MAX_ROWS = 20
# String caps bound every field, so a small model under a JSON-Schema grammar cannot repeat one string forever;
# they are far above what a report prints (a figure is a few characters, a name a few dozen).
SHORT = 80
LONG = 1000


class FigureDraft(BaseModel):
    text: str = Field(max_length=SHORT, description="原文逐字摘录（不改写、不换算），如 “≥95%”“1,298.17万元”“12月底前”")
    value: float | None = Field(default=None, description="数值；金额折算为万元；纯文字值为 null")
    unit: str | None = Field(default=None, max_length=20, description="单位：人、户、个、%、万元 等")
    op: Op | None = Field(default=None, description="比较符 ≥ ≤ = > <（指标性质），没有则 null")


class SourceAmountDraft(BaseModel):
    source: FundSource = Field(
        description="资金来源层级：central 中央 / provincial 省级、自治区 / prefectural 市级、盟市 / "
        "county 县级、旗县 / local 地方财政资金（未分级） / appropriation 本年（当年）财政拨款 / "
        "carryover 上年结余、结转 / other 其他"
    )
    name: str = Field(max_length=SHORT, description="原文中的来源名称，如 自治区财政资金")
    amount: FigureDraft = Field(description="金额（万元）")


class FundingLineDraft(BaseModel):
    total: FigureDraft | None = Field(default=None, description="合计金额（万元）")
    by_source: list[SourceAmountDraft] = Field(default_factory=list, max_length=MAX_ROWS, description="其中：分来源")


class FundingDraft(BaseModel):
    budget: FundingLineDraft = Field(default_factory=FundingLineDraft, description="全年预算数 / 筹集资金 (A)")
    allocated: FundingLineDraft = Field(default_factory=FundingLineDraft, description="下达资金")
    executed: FundingLineDraft = Field(default_factory=FundingLineDraft, description="全年执行数 / 支出 (B)")
    execution_rate: FigureDraft | None = Field(default=None, description="报告所述预算执行率 (%)")


class SpendingDraft(BaseModel):
    category: str = Field(max_length=SHORT, description="支出类别，如 社会保险补贴")
    amount: FigureDraft | None = Field(default=None, description="金额（万元）")
    share: FigureDraft | None = Field(default=None, description="占总支出比例 (%)")


class IndicatorDraft(BaseModel):
    level1: str | None = Field(
        default=None, max_length=SHORT, description="一级指标：产出指标 / 效益指标 / 满意度指标 / 成本指标"
    )
    level2: str | None = Field(
        default=None, max_length=SHORT, description="二级指标：数量指标、质量指标、时效指标、社会效益指标 …"
    )
    name: str = Field(max_length=SHORT, description="三级指标名称，如 城镇新增就业人数")
    target: FigureDraft | None = Field(default=None, description="年度指标值（含比较符）")
    actual: FigureDraft | None = Field(default=None, description="实际完成值")
    completion: FigureDraft | None = Field(default=None, description="报告所述完成率 (%)")
    weight: FigureDraft | None = Field(default=None, description="分值")
    score: FigureDraft | None = Field(default=None, description="得分")
    deviation_reason: str | None = Field(default=None, max_length=LONG, description="偏差原因分析及改进措施（原文）")


class ReportDraft(BaseModel):
    """绩效自评报告中的数据。只摘录文档中出现的内容；文档没有的字段留空。"""

    title: str | None = Field(default=None, max_length=200, description="报告标题")
    region: str | None = Field(default=None, max_length=SHORT, description="最具体的地区，如 扎兰屯市")
    fund: str | None = Field(default=None, max_length=SHORT, description="资金名称，如 就业补助资金")
    year: int | None = Field(default=None, description="评价的预算年度（不是发布日期）")
    funding: FundingDraft = Field(default_factory=FundingDraft, description="资金投入与执行")
    spending: list[SpendingDraft] = Field(default_factory=list, max_length=MAX_ROWS, description="支出结构")
    indicators: list[IndicatorDraft] = Field(default_factory=list, max_length=MAX_INDICATORS, description="绩效指标")
    total_score: FigureDraft | None = Field(default=None, description="自评总分")
    grade: FigureDraft | None = Field(default=None, description="自评等级（优/良/中/差，优秀/良好/合格）")


__all__ = [
    "FigureDraft",
    "FundingDraft",
    "FundingLineDraft",
    "IndicatorDraft",
    "ReportDraft",
    "SourceAmountDraft",
    "SpendingDraft",
]
