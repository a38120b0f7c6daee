"""Deterministic checks of a report's figures: the engine, its configuration and the rule catalogue."""

from jixiao.checks.config import CheckConfig, load_config
from jixiao.checks.engine import Rule, all_rules, run_checks, select_rules

__all__ = ["CheckConfig", "Rule", "all_rules", "load_config", "run_checks", "select_rules"]
