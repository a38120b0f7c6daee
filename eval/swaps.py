"""Metamorphic content eval: score the rules reader on every labelled text saying other words.

    PYTHONPATH=src python eval/swaps.py                      # real + held-out sets 8-18, every swap
    PYTHONPATH=src python eval/swaps.py --suite real --suite own --only region,fund --worst 8
    PYTHONPATH=src python eval/swaps.py --sets 8-12 --show 1003 --only money

The layout eval (eval/layouts.py) rewrites a report's layout and keeps its words; this keeps the layout and
rewrites the words the reader may have learnt by heart: each swap of `jixiao.evaluation.swaps` (the years
shifted, the place and the fund renamed to ones no labelled text names, the labelled amounts doubled) rewrites a
labelled plain text and its gold together, or skips a document it cannot rewrite surely, and the output is
scored against the rewritten gold, fact by fact as `jixiao eval` does. A drop is a reading that holds on to a
word, not to the place it stands in. Per swap and per labelled group: F1 (P, R) over the documents it rewrote,
before and after, per fact family (the header split into region, fund, year), and the documents that lose most.
The untransformed text must still match its gold's SHA-256; nothing rewritten is written. Held-out sets 19 and
later are blind: this refuses them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from jixiao.documents import Document, load_document
from jixiao.evaluation import FAMILIES, Counts, FactScore, GoldCase, load_cases, score_report
from jixiao.evaluation.suites import SUITES, suite
from jixiao.evaluation.swaps import SWAPS, swap_named
from jixiao.extract.rules import extract_rules
from jixiao.model import Report

ROOT = Path(__file__).resolve().parent.parent
FIRST_BLIND = 19  # held-out sets from here on are never read
HEADER = ("region", "fund", "year", "truncated")
FACETS = (*HEADER, *(family for family in FAMILIES if family != "header"))


@dataclass(frozen=True)
class Outcome:
    group: str
    stem: str
    swap: str
    base: dict[str, Counts]
    after: dict[str, Counts]
    changed: bool
    skipped: bool


def _header_counts(score: FactScore, gold: Report) -> dict[str, Counts]:
    """Counts of each header fact, from the gold and the differences."""
    differences = {d.path: d for d in score.differences}
    counts: dict[str, Counts] = {}
    for path in HEADER:
        value = getattr(gold, path)
        has = bool(value) if path != "year" else value is not None
        differ = differences.get(path)
        output = (has and differ is None) or (differ is not None and differ.output is not None)
        counts[path] = Counts(correct=int(has and differ is None), gold=int(has), output=int(output))
    return counts


def _facets(case: GoldCase, gold: Report, text: str, sha256: str) -> dict[str, Counts]:
    document = Document.from_text(text, path=str(case.sample), format="txt", sha256=sha256)
    score = score_report(gold, extract_rules(document))[0]
    return {**_header_counts(score, gold), **{f: score.families.get(f, Counts()) for f in FAMILIES if f != "header"}}


def run_case(group: str, case: GoldCase, names: Sequence[str]) -> list[Outcome]:
    """The document untransformed and under each named swap."""
    original = load_document(case.sample)  # type: ignore[arg-type]
    raw = original.raw_text
    base = _facets(case, case.report, raw, original.sha256)
    outcomes = []
    for swap in map(swap_named, names):
        swapped = swap.apply(raw, case.report.model_copy(deep=True))
        if swapped is None or swapped.text == raw:
            outcomes.append(Outcome(group, case.stem, swap.name, base, base, False, swapped is None))
            continue
        after = _facets(case, swapped.report, swapped.text, original.sha256)
        outcomes.append(Outcome(group, case.stem, swap.name, base, after, True, False))
    return outcomes


def show(case: GoldCase, names: Sequence[str], text_too: bool) -> None:
    """The facts one document loses or gains under each named swap (and its rewritten text)."""
    original = load_document(case.sample)  # type: ignore[arg-type]
    raw = original.raw_text
    for swap in map(swap_named, names):
        swapped = swap.apply(raw, case.report.model_copy(deep=True))
        if swapped is None:
            print(f"== {case.stem} {swap.name}: skipped")
            continue
        print(f"== {case.stem} {swap.name}")
        if text_too:
            print(swapped.text)
        for gold, text in ((case.report, raw), (swapped.report, swapped.text)):
            document = Document.from_text(text, path=str(case.sample), format="txt", sha256=original.sha256)
            label = "before" if gold is case.report else "after "
            for difference in score_report(gold, extract_rules(document))[0].differences:
                print(f"   {label} {difference.path}: gold {difference.gold!r} output {difference.output!r}")


def _groups(suites: Sequence[str], sets: Sequence[int]) -> list[tuple[str, GoldCase]]:
    chosen = [(name, suite(name, ROOT)) for name in suites]
    dirs = [(name, s.gold_dir, s.samples_dir) for name, s in chosen]
    dirs += [(f"set{n}", ROOT / "eval" / "heldout" / f"set{n}" / "gold", Path(f"/tmp/unseen{n}")) for n in sets]
    cases: list[tuple[str, GoldCase]] = []
    for group, gold_dir, samples_dir in dirs:
        found, _ = load_cases(gold_dir, samples_dir)
        cases.extend((group, case) for case in found if case.sample is not None and case.sample.suffix == ".txt")
    return cases


def _sum(rows: Sequence[dict[str, Counts]], facets: Sequence[str] = FACETS) -> Counts:
    total = Counts()
    for row in rows:
        for facet in facets:
            total = total.add(row.get(facet, Counts()))
    return total


def _shown(counts: Counts) -> str:
    return f"{counts.f1:.3f} (P {counts.precision:.3f}, R {counts.recall:.3f})"


def _facet_line(changed: Sequence[Outcome]) -> str:
    parts = []
    for facet in FACETS:
        before, after = _sum([o.base for o in changed], [facet]), _sum([o.after for o in changed], [facet])
        if before.gold or before.output or after.output:
            mark = " !" if after.f1 < before.f1 - 1e-9 else ""
            parts.append(f"{facet} {before.f1:.3f}->{after.f1:.3f}{mark}")
    return "; ".join(parts)


def report(outcomes: Sequence[Outcome], names: Sequence[str], worst: int) -> None:
    groups = sorted(
        {o.group for o in outcomes}, key=lambda g: (g.startswith("set"), int(g[3:] or 0) if g.startswith("set") else g)
    )
    pools = [(g, [g]) for g in groups if not g.startswith("set")]
    held = [g for g in groups if g.startswith("set")]
    if held:
        pools.append((f"sets {held[0][3:]}-{held[-1][3:]}", held))
    for name in names:
        print(f"== {name}: {swap_named(name).doc}")
        for label, members in pools:
            mine = [o for o in outcomes if o.swap == name and o.group in members]
            changed = [o for o in mine if o.changed]
            skipped = sum(o.skipped for o in mine)
            every_before, every_after = _sum([o.base for o in mine]), _sum([o.after for o in mine])
            before, after = _sum([o.base for o in changed]), _sum([o.after for o in changed])
            print(
                f"  {label:10s} {len(mine):3d} docs, {len(changed):3d} rewritten, {skipped:3d} skipped | "
                f"all {every_before.f1:.3f} -> {_shown(every_after)} | rewritten {before.f1:.3f} -> {_shown(after)}"
            )
            if changed:
                print(f"      {_facet_line(changed)}")
            drops = sorted(changed, key=lambda o: _sum([o.after]).f1 - _sum([o.base]).f1)[:worst]
            shown = [
                f"{o.stem} {_sum([o.base]).f1:.2f}->{_sum([o.after]).f1:.2f}"
                for o in drops
                if _sum([o.after]).f1 < _sum([o.base]).f1 - 1e-9
            ]
            if shown:
                print("      worst: " + ", ".join(shown))


def _sets(spec: str | None) -> list[int]:
    if spec is None:
        return list(range(8, FIRST_BLIND))
    if spec == "none":
        return []
    numbers: list[int] = []
    for part in spec.split(","):
        low, _, high = part.partition("-")
        numbers.extend(range(int(low), int(high or low) + 1))
    return numbers


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=SUITES, action="append", help="a labelled suite (default: real)")
    parser.add_argument("--sets", help="held-out sets, e.g. 8-12,15, or none (default: 8-18)")
    parser.add_argument("--only", help="comma-separated swap names (default: all)")
    parser.add_argument("--worst", type=int, default=6, help="documents listed per swap and group")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", help="a document's stem: print the facts it loses under each swap, not the table")
    parser.add_argument("--text", action="store_true", help="with --show: print the rewritten text too")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else [s.name for s in SWAPS]
    unknown = set(names) - {s.name for s in SWAPS}
    if unknown:
        parser.error(f"no swap {', '.join(sorted(unknown))}")
    sets = _sets(args.sets)
    if any(n >= FIRST_BLIND for n in sets):
        parser.error(f"held-out sets from {FIRST_BLIND} on are blind")
    cases = _groups(args.suite or ["real"], sets)
    if args.show:
        for _, case in cases:
            if case.stem == args.show:
                show(case, names, args.text)
        return
    with ProcessPoolExecutor(args.workers) as pool:
        results = pool.map(run_case, [g for g, _ in cases], [c for _, c in cases], [names] * len(cases))
        outcomes = [outcome for result in results for outcome in result]
    report(outcomes, names, args.worst)


if __name__ == "__main__":
    main()
