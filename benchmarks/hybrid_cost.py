"""What hybrid costs beside whole-document llm: prompt tokens, calls per report, and our own overhead per call.

Both backends run for real (openai + instructor, cache off) against `fake_llm_server.py` on 127.0.0.1, which
counts each request's prompt tokens and answers at once. Tokens are counted with the Qwen2.5 tokenizer when
the test model is there (`jixiao models fetch-test-model`; vocabulary only, no weights run): the messages
plus the tool schema, as llama.cpp's chat template puts both in the prompt. Without the model, 1 token per
character of that text (an upper bound for Chinese).

Our overhead per call is the CPU time of a call against the zero-delay server (a second pass that counts no
tokens): building the request, instructor, validation, grounding and merging, all in one process. Hybrid's
figure is what it spends beyond its own rules pass (clocked inside the same run), on every document, calls
or not; each CPU figure is the least of `--rounds` runs.

    python benchmarks/hybrid_cost.py [--suite own|real|all] [--rounds 3] [--proxy-coverage]

`--proxy-coverage` stands in for the rules backend's own coverage where it has none yet (issue 11): every
line that prints a digit and holds no figure rules read counts as unread. It is this benchmark's estimate
of what hybrid will send, not the product's measure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import PIPE
from typing import Any, TypeVar

from jixiao.documents import Document, load_document
from jixiao.evaluation.gold import load_cases
from jixiao.evaluation.suites import suite
from jixiao.extract.hybrid import HybridExtractor
from jixiao.extract.hybrid import extractor as hybrid_extractor
from jixiao.extract.llm import LlmExtractor
from jixiao.extract.llm.model_fetch import fetched_model_path
from jixiao.extract.rules import extract_rules, read_rules
from jixiao.model import Coverage, Report, Span, figures_of
from jixiao.settings import Settings, load_settings

sys.path.insert(0, str(Path(__file__).parent))
from fake_llm_server import serve

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


def token_counter() -> tuple[str, Callable[[dict[str, Any]], int]]:
    """The Qwen tokenizer over messages + tools, or characters when the model file is not there."""
    model = fetched_model_path()

    def text_of(body: dict[str, Any]) -> str:
        messages = "".join(str(message.get("content") or "") for message in body.get("messages", []))
        tools = json.dumps(body.get("tools") or [], ensure_ascii=False)
        return messages + tools

    if model is None:
        return "characters", lambda body: len(text_of(body))
    import llama_cpp

    vocab = llama_cpp.Llama(str(model), vocab_only=True, verbose=False)
    return "Qwen2.5 tokens", lambda body: len(vocab.tokenize(text_of(body).encode("utf-8"), add_bos=False))


def documents(which: str) -> list[Document]:
    names = ("own", "real") if which == "all" else (which,)
    found: list[Document] = []
    for name in names:
        chosen = suite(name, ROOT)
        cases, _ = load_cases(chosen.gold_dir, chosen.samples_dir)
        found += [load_document(case.sample) for case in cases if case.sample is not None]
    return found


DIGIT = re.compile(r"\d")


def proxy_rules(document: Document) -> Report:
    """Rules, with lines that print a digit and hold no figure rules read marked unread (when unmeasured)."""
    report = extract_rules(document)
    if report.coverage is not None:
        return report
    read = [figure.span.start for _, figure in figures_of(report) if figure.span is not None]
    unread, offset = [], 0
    for line in document.text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip("\n"))
        offset += len(line)
        if DIGIT.search(line) and not any(start <= at < end for at in read):
            unread.append(Span(start=start, end=end))
    report.coverage = Coverage(unread=unread)
    return report


class CpuClock:
    """CPU seconds spent inside the functions it wraps (the rules pass inside hybrid)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, function: Callable[[Document], T]) -> Callable[[Document], T]:
        def clocked(document: Document) -> T:
            started = time.process_time()
            try:
                return function(document)
            finally:
                self.seconds += time.process_time() - started

        return clocked


def run(
    extractor: LlmExtractor, docs: list[Document], rounds: int = 1, clock: CpuClock | None = None, *, warm: bool = False
) -> Run:
    """The reports and the CPU seconds this process spent on each round, less what `clock` counted in it (CPU,
    not wall: other jobs on the machine do not count, and the fake server's work is in another process or a
    few JSON dumps in its thread). One client for all rounds, made (and with `warm`, used) before any is
    timed: a batch makes its client once, so that is no cost per call."""

    async def rounds_of_all() -> Run:
        client = extractor.client_factory()
        for document in docs[:2] if warm else []:  # the client itself, first connection, compiled templates
            await extractor.aextract(document, client)
        done = Run()
        for _ in range(rounds):
            results: list[Report | Exception] = []
            if clock is not None:
                clock.seconds = 0.0
            started = time.process_time()
            for document in docs:
                try:
                    results.append(await extractor.aextract(document, client))
                except Exception as error:
                    results.append(error)
            done.seconds.append(time.process_time() - started - (clock.seconds if clock else 0.0))
            done.reports = [result for result in results if isinstance(result, Report)]
            if len(done.reports) != len(docs):
                failed = [str(result) for result in results if not isinstance(result, Report)]
                print(f"  {len(failed)} report(s) failed: {failed}")
        return done

    return asyncio.run(rounds_of_all())


@dataclass
class Run:
    reports: list[Report] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)


def hybrid(settings: Settings, proxy: bool) -> HybridExtractor:
    return HybridExtractor(settings, rules=proxy_rules) if proxy else HybridExtractor(settings)


def clocked_hybrid(settings: Settings, proxy: bool, clock: CpuClock) -> HybridExtractor:
    """Hybrid whose rules pass is clocked: `proxy_rules`, or the product's `read_rules` where it looks it up."""
    if proxy:
        return HybridExtractor(settings, rules=clock.wrap(proxy_rules))
    hybrid_extractor.read_rules = clock.wrap(read_rules)  # type: ignore[assignment]
    return HybridExtractor(settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=("own", "real", "all"), default="all")
    parser.add_argument("--proxy-coverage", action="store_true", help="estimate unread lines where rules measured none")
    parser.add_argument("--rounds", type=int, default=3, help="CPU is the least of this many runs")
    args = parser.parse_args()
    unit, count = token_counter()
    docs = documents(args.suite)
    measured = 0
    print(f"{len(docs)} labelled documents ({args.suite}); prompt size in {unit}")
    rows = []
    with serve(0.0, count) as (url, counters):  # pass 1: prompt tokens and calls
        settings = load_settings(base_url=url, model="bench", cache=False, max_concurrency=1)
        for name, extractor in (("llm", LlmExtractor(settings)), ("hybrid", hybrid(settings, args.proxy_coverage))):
            before_tokens, before_calls = counters.prompt_tokens, counters.requests
            reports = run(extractor, docs).reports
            tokens, calls = counters.prompt_tokens - before_tokens, counters.requests - before_calls
            per_report = [r.extractor.usage.calls if r.extractor.usage else 0 for r in reports]
            if name == "hybrid":
                measured = sum(1 for r in reports if r.coverage is not None)
            rows.append([name, tokens, calls, max(per_report, default=0), 0.0])
    # pass 2: our own CPU per call, the server in another process so none of its work is counted. Hybrid's
    # own share is its CPU less the rules pass inside it, clocked in the same round; each figure is the least
    # of `--rounds` rounds (on a shared machine a round is only ever slowed by the others).
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name("fake_llm_server.py"))], stdout=PIPE)
    rules_clock = CpuClock()
    try:
        assert server.stdout is not None
        url = server.stdout.readline().decode().strip()
        settings = load_settings(base_url=url, model="bench", cache=False, max_concurrency=1)
        rows[0][4] = min(run(LlmExtractor(settings), docs, args.rounds, warm=True).seconds)
        rows[1][4] = min(
            run(
                clocked_hybrid(settings, args.proxy_coverage, rules_clock), docs, args.rounds, rules_clock, warm=True
            ).seconds
        )
    finally:
        server.terminate()
        server.wait()
    rules_seconds = rules_clock.seconds  # the last round's
    print(
        f"rules pass inside hybrid: {rules_seconds:.2f} CPU s ({rules_seconds / len(docs) * 1000:.1f} ms per document)"
    )
    print(f"{'backend':8} {'prompt tokens':>14} {'calls':>6} {'max calls/report':>17} {'CPU s':>7} {'ms/call':>8}")
    for name, tokens, calls, most, seconds in rows:
        per_call = f"{seconds / calls * 1000:.1f}" if calls else "–"
        print(f"{name:8} {tokens:>14,} {calls:>6} {most:>17} {seconds:>7.2f} {per_call:>8}")
    print("(hybrid's CPU is beyond the rules backend's: passages, context, request, answer, grounding, merge)")
    llm_tokens, hybrid_tokens = rows[0][1], rows[1][1]
    print(f"hybrid / llm prompt tokens: {hybrid_tokens / llm_tokens:.3f}" if llm_tokens else "no llm tokens")
    print(f"documents whose rules report measured coverage (hybrid can only send what rules mark unread): {measured}")


if __name__ == "__main__":
    main()
