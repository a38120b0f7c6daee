"""Evaluation: score extraction and checks against hand-labelled gold reports."""

from jixiao.evaluation.facts import FAMILIES, Fact, figure_slots, report_facts, stable_path
from jixiao.evaluation.findings import FindingsScore, score_findings
from jixiao.evaluation.gold import ExpectedFinding, GoldCase, GoldLabel, gold_document, load_case, load_cases
from jixiao.evaluation.matching import ItemKeys, matched_keys, normalize_label, own_keys, pair_labels
from jixiao.evaluation.metrics import Counts, FactScore, score_facts, score_report
from jixiao.evaluation.mutations import MutationScore, mutated, seeded_error_score
from jixiao.evaluation.results import EvalRun, SampleResult, compare_runs, load_run, metric_values, write_run
from jixiao.evaluation.runner import run_eval
from jixiao.evaluation.thresholds import below_thresholds, load_thresholds, suggest_thresholds

__all__ = [
    "FAMILIES",
    "Counts",
    "EvalRun",
    "ExpectedFinding",
    "Fact",
    "FactScore",
    "FindingsScore",
    "GoldCase",
    "GoldLabel",
    "ItemKeys",
    "MutationScore",
    "SampleResult",
    "below_thresholds",
    "compare_runs",
    "figure_slots",
    "gold_document",
    "load_case",
    "load_cases",
    "load_run",
    "load_thresholds",
    "matched_keys",
    "metric_values",
    "mutated",
    "normalize_label",
    "own_keys",
    "pair_labels",
    "report_facts",
    "run_eval",
    "score_facts",
    "score_findings",
    "score_report",
    "seeded_error_score",
    "stable_path",
    "suggest_thresholds",
    "write_run",
]
