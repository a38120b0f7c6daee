"""The report model: the one contract between documents, extraction, checks, review and eval.

Bump SCHEMA_VERSION on any change a consumer could notice (a renamed or removed field, a changed
meaning); adding an optional field is a minor bump.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from jixiao.model.readings import Candidate, Disagreement
from jixiao.model.values import Figure, NamedFigure, Span

SCHEMA_VERSION = "1.7"  # 1.7: Finding.confidence; 1.6: grounding `instructed` (a figure read from a passage that
# gives orders to a model, jixiao.injection); 1.5: candidates, disagreements, grounding `normalised`,
# Finding.source (hybrid backend, second reader); 1.4: FigureRef.year and FigureRef.source_path


class FundSource(StrEnum):
    """Level of government (or origin) a funding row comes from."""

    CENTRAL = "central"  # 中央
    PROVINCIAL = "provincial"  # 省级、自治区
    PREFECTURAL = "prefectural"  # 市级、盟市、州
    COUNTY = "county"  # 县级、旗县、区
    LOCAL = "local"  # 地方财政资金: local money whose level the report does not split (since 1.1)
    APPROPRIATION = "appropriation"  # 本年（当年）财政拨款 (project tables, 财预〔2020〕10号 annex; since 1.2)
    CARRYOVER = "carryover"  # 上年结余、以前年度结转
    OTHER = "other"  # 其他资金


class SourceInfo(BaseModel):
    path: str = Field(description="输入文件路径")
    sha256: str = Field(description="文件内容的 SHA-256")
    format: str = Field(description="txt / md / docx / xlsx / html / pdf")


class TokenUsage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0


class ExtractorInfo(BaseModel):
    backend: str = Field(description="rules / llm / hybrid")
    model: str | None = Field(default=None, description="模型名（llm 后端）")
    prompt_version: str | None = Field(default=None, description="提示词版本（llm 后端）")
    usage: TokenUsage | None = Field(default=None, description="token 用量（llm 后端）")


class SourceAmount(BaseModel):
    source: FundSource = Field(
        description="资金来源层级：central 中央 / provincial 省级、自治区 / prefectural 市级、盟市 / "
        "county 县级、旗县 / local 地方财政资金（未分级） / appropriation 本年（当年）财政拨款 / "
        "carryover 上年结余、结转 / other 其他"
    )
    name: str = Field(description="原文中的来源名称，如 自治区补助、旗县财政资金")
    amount: Figure = Field(description="金额（万元）")


class FundingLine(BaseModel):
    total: Figure | None = Field(default=None, description="合计金额（万元）")
    by_source: list[SourceAmount] = Field(default_factory=list, description="其中：分来源金额")


class Funding(BaseModel):
    initial: FundingLine = Field(
        default_factory=FundingLine, description="年初预算数（年中调整前；财预〔2020〕10号附表；since 1.3）"
    )
    budget: FundingLine = Field(default_factory=FundingLine, description="全年预算数 / 筹集资金 (A)")
    allocated: FundingLine = Field(default_factory=FundingLine, description="下达资金")
    executed: FundingLine = Field(default_factory=FundingLine, description="全年执行数 / 支出 (B)")
    execution_rate: Figure | None = Field(default=None, description="报告所述预算执行率 (%)")
    execution_weight: Figure | None = Field(default=None, description="执行率分值")
    execution_score: Figure | None = Field(default=None, description="执行率得分")


class SpendingItem(BaseModel):
    category: str = Field(description="支出类别，如 社会保险补贴")
    amount: Figure | None = Field(default=None, description="金额（万元）")
    share: Figure | None = Field(default=None, description="占总支出比例 (%)")


class Indicator(BaseModel):
    program: str | None = Field(default=None, description="所属资金/子项目，如 高校毕业生社区民生志愿者补助资金")
    level1: str | None = Field(default=None, description="一级指标：产出指标 / 效益指标 / 满意度指标 / 成本指标")
    level2: str | None = Field(default=None, description="二级指标：数量指标、质量指标、时效指标 …")
    name: str = Field(description="三级指标名称")
    target: Figure | None = Field(default=None, description="年度指标值（含比较符）")
    actual: Figure | None = Field(default=None, description="实际完成值")
    completion: Figure | None = Field(default=None, description="报告所述完成率 (%)")
    weight: Figure | None = Field(default=None, description="分值 / 权重")
    score: Figure | None = Field(default=None, description="得分")
    deviation_reason: str | None = Field(default=None, description="偏差原因分析及改进措施")
    breakdown: list[NamedFigure] = Field(default_factory=list, description="文中所列“其中”分项")


class Coverage(BaseModel):
    """How much of what the document prints the extractor read (since 1.3).

    `figures` counts the numbers printed in the document's tables and in its funding and indicator
    sections; `read` those that became a figure of the report. `unread` are the table rows and passages
    holding figures that produced none, for a reviewer (and a later LLM pass) to look at.
    """

    figures: int = Field(default=0, ge=0, description="表格及资金、指标段落中印出的数字个数")
    read: int = Field(default=0, ge=0, description="其中读入报告的个数")
    unread: list[Span] = Field(default_factory=list, description="有数字却未读出的表格行与段落")

    @property
    def share(self) -> float | None:
        """Share of printed figures read; None when the document printed none."""
        return self.read / self.figures if self.figures else None


class Report(BaseModel):
    schema_version: str = Field(default=SCHEMA_VERSION, description="报告模型版本")
    source: SourceInfo = Field(description="来源文件")
    extractor: ExtractorInfo = Field(description="抽取方式（后端、模型、提示词版本）")
    title: str | None = Field(default=None, description="报告标题")
    region: str | None = Field(default=None, description="最具体的地区，如 扎兰屯市")
    fund: str | None = Field(default=None, description="资金名称，如 就业补助资金")
    year: int | None = Field(default=None, description="评价的预算年度（非发布日期）")
    funding: Funding = Field(default_factory=Funding, description="资金投入情况（万元）")
    spending: list[SpendingItem] = Field(default_factory=list, description="支出结构")
    indicators: list[Indicator] = Field(default_factory=list, description="绩效指标")
    total_score: Figure | None = Field(default=None, description="自评总分")
    grade: Figure | None = Field(default=None, description="自评等级（优/良/中/差，优秀/良好/合格）")
    truncated: bool = Field(default=False, description="文档在表格或句子中途截断")
    coverage: Coverage | None = Field(default=None, description="读取覆盖率（规则后端；null 为未测）")
    candidates: list[Candidate] = Field(
        default_factory=list, description="模型给出但原文中找不到的值，仅供复核，不计为事实（since 1.5）"
    )
    disagreements: list[Disagreement] = Field(
        default_factory=list, description="规则与模型读数不一致之处，保留规则读数（since 1.5）"
    )
    notes: list[str] = Field(default_factory=list, description="抽取过程中的说明（非错误）")
