"""Thresholds of the checks that are local practice rather than national rules, with their defaults.

DOMAIN.md §1.3–1.6 and §5: the 90 % execution cut is Sichuan's, the 10/50/30/10 weights and the
90/80/60 grade cuts are 10号 defaults that regions adjust, the qualitative bands differ between local
forms (.8/.6 vs .8/.5), and 10号 gives no number for 完成值高于指标值较多. So they live here, loadable
from a TOML file (`jixiao check --config FILE`), not in the rules.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jixiao.errors import ConfigError


class ExecutionScoreRule(StrEnum):
    PROPORTIONAL = "proportional"  # 得分 = 分值 × min(B/A, 1) (DOMAIN §1.5, common practice)
    STEPPED = "stepped"  # full marks at or above `execution_full_at`, else proportional


class Weights(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    execution: float = Field(default=10, description="预算执行率分值")
    output: float = Field(default=50, description="产出指标分值（含一级成本指标）")
    effect: float = Field(default=30, description="效益指标分值")
    satisfaction: float = Field(default=10, description="满意度指标分值")


class GradeCuts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    excellent: float = Field(default=90, description="优（含）")
    good: float = Field(default=80, description="良（含）")
    passing: float = Field(default=60, description="中（含）；以下为差")


class QualitativeBands(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    met_min: float = Field(default=0.8, description="达成年度指标：得分不低于分值的该比例")
    partial_min: float = Field(default=0.6, description="部分达成：得分不低于分值的该比例")


class CheckConfig(BaseModel):
    """Every tunable threshold of the checks; the defaults follow DOMAIN.md."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    execution_explain_below: float = Field(default=90.0, description="执行率低于该值（%）须说明原因")
    over_achievement_k: float = Field(default=1.5, description="完成值/指标值达到该倍数视为超额较多")
    qualitative_bands: QualitativeBands = Field(default_factory=QualitativeBands)
    weights: Weights = Field(default_factory=Weights)
    grade_cuts: GradeCuts = Field(default_factory=GradeCuts)
    execution_score_rule: ExecutionScoreRule = ExecutionScoreRule.PROPORTIONAL
    execution_full_at: float = Field(default=95.0, description="stepped 规则下满分所需执行率（%）")
    # Across years (DOMAIN §7.3–7.4): the issue asks for jumps "by an order of magnitude"; §7.4 for >95 %.
    years_count_jump_factor: float = Field(default=10.0, gt=1, description="计数类实际值较上年变动达到该倍数须说明")
    years_copied_similarity: float = Field(
        default=95.0, ge=50, le=100, description="段落与上年相似度（%）达到该值视为照抄"
    )
    years_narrative_min_chars: int = Field(default=40, ge=10, description="参与照抄比对的段落最少字数")
    years_budget_swing: float = Field(default=0.5, gt=0, description="全年预算数较上年变动超过该比例时提示")


def load_config(path: str | Path) -> CheckConfig:
    """Read a CheckConfig from TOML; a missing file or an unknown key is a ConfigError naming the file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    try:
        return CheckConfig.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise ConfigError(f"{path}: invalid check config: {problems}") from error
