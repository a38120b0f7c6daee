"""Running the eval: extract every labelled sample (through the one batch engine), score it, check it, mutate its
gold."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from jixiao.batch import Failed, Job, Outcome, run_batch
from jixiao.documents import load_document
from jixiao.errors import JixiaoError
from jixiao.evaluation.findings import Checker, FindingsScore, is_rule_check, raised, score_findings
from jixiao.evaluation.gold import GoldCase
from jixiao.evaluation.matching import own_keys
from jixiao.evaluation.metrics import FactScore, missed_everything, score_report
from jixiao.evaluation.mutations import MutationScore, seeded_error_score
from jixiao.evaluation.results import EvalRun, SampleResult
from jixiao.extract import Extractor
from jixiao.model import SCHEMA_VERSION, Report
from jixiao.sinks import Collector


def git_commit(where: Path | None = None) -> str | None:
    """The checkout's commit, or None outside git (a tarball, a container without git)."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=where, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


def _checks_on(case: GoldCase, report: Report, text: str | None, checker: Checker) -> FindingsScore | None:
    if case.expected_findings is None:
        return None
    keys = own_keys(report) if report is case.report else score_report(case.report, report)[2]
    expected = [want for want in case.expected_findings if is_rule_check(want.rule)]
    return score_findings(expected, raised(checker(report, text), report, keys))


def evaluate_case(
    case: GoldCase, outcome: Outcome | None, checker: Checker | None, seconds: float = 0.0
) -> tuple[SampleResult, Report | None]:
    """Score one sample from what the batch made of it. An extraction error is recorded on the result."""
    started = time.perf_counter()
    assert case.sample is not None
    output: Report | None = None
    error: str | None = None
    if outcome is None:
        error = f"{case.sample}: not extracted"
    elif isinstance(outcome, Failed):
        error = f"{case.sample}: {outcome.reason}"
    else:
        output = outcome.report
    text: str | None = None
    if checker is not None:
        try:
            text = load_document(case.sample).match_text
        except JixiaoError:
            text = None
    result = SampleResult(stem=case.stem, sample=str(case.sample), error=error, facts=missed_everything(case.report))
    if output is not None:
        result.facts = score_report(case.report, output)[0]
    if checker is not None:
        if output is not None:
            result.findings = _checks_on(case, output, text, checker)
        elif case.expected_findings is not None:  # nothing extracted, nothing found
            expected = [want for want in case.expected_findings if is_rule_check(want.rule)]
            result.findings = score_findings(expected, [])
        result.findings_on_gold = _checks_on(case, case.report, text, checker)
        result.mutations = seeded_error_score(case.report, checker, text)
    result.seconds = round(seconds + time.perf_counter() - started, 3)
    return result, output


def extract_cases(
    cases: Sequence[GoldCase], extractor: Extractor, backend: str, concurrency: int = 2
) -> tuple[dict[str, Outcome], float]:
    """Every sample through the batch engine; the outcome per sample path and the extraction seconds per sample."""
    collector = Collector()
    samples = [case.sample for case in cases if case.sample is not None]
    started = time.perf_counter()
    job = Job(backend=backend, extractor=backend)
    run_batch(collector, samples, job, extractor=extractor, concurrency=concurrency)
    return collector.outcomes, (time.perf_counter() - started) / max(1, len(samples))


def _sum_findings(scores: Sequence[FindingsScore | None]) -> FindingsScore | None:
    present = [score for score in scores if score is not None]
    if not present:
        return None
    total = FindingsScore()
    for score in present:
        total = total.add(score)
    return total


def run_eval(
    cases: Sequence[GoldCase],
    extractor: Extractor,
    *,
    backend: str,
    model: str | None = None,
    replayed: bool = False,
    checker: Checker | None = None,
    notes: Sequence[str] = (),
    progress: Callable[[str], None] | None = None,
    concurrency: int = 2,
) -> EvalRun:
    """Evaluate `extractor` on every case; the result names what ran so runs can be compared."""
    run = EvalRun(
        backend=backend,
        model=model,
        replayed=replayed,
        git_commit=git_commit(),
        timestamp=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        schema_version=SCHEMA_VERSION,
        notes=list(notes),
    )
    if checker is None:
        run.notes.append("no checks engine in this build: findings and seeded-error scores not measured")
    overall = FactScore()
    mutations = MutationScore()
    outcomes, seconds = extract_cases(cases, extractor, backend, concurrency)
    for case in cases:
        if progress:
            progress(case.stem)
        result, output = evaluate_case(case, outcomes.get(str(case.sample)), checker, seconds)
        if output is not None:
            run.model = run.model or output.extractor.model
            run.prompt_version = run.prompt_version or output.extractor.prompt_version
        run.samples.append(result)
        overall = overall.add(result.facts)
        if result.mutations is not None:
            mutations = mutations.add(result.mutations)
    run.overall = overall
    run.findings = _sum_findings([s.findings for s in run.samples])
    run.findings_on_gold = _sum_findings([s.findings_on_gold for s in run.samples])
    run.mutations = mutations if checker is not None else None
    return run
