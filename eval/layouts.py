"""Metamorphic layout eval: score the rules reader on every labelled text rewritten into other layouts.

    PYTHONPATH=src python eval/layouts.py                 # both sets, every transform
    PYTHONPATH=src python eval/layouts.py --suite real --only wrapped,squashed --worst 8
    PYTHONPATH=src python eval/layouts.py --pairs        # the combinations of layouts.PAIRS (`merged+cell_lines`)

The facts of a report do not change with its layout, so each transform of `jixiao.evaluation.layouts`
(one cell per line, squashed rows, a PDF's wrapped lines, site chrome, converter debris, …) is applied to
each labelled plain-text sample (ours under samples/, the real ones where the real suite finds them) and the
output is scored against the same gold, fact by fact as `jixiao eval` does. The untransformed text must still
match its gold's SHA-256 (as in `jixiao eval`); the transformed texts exist only in memory. Per transform:
F1 (P, R) over every sample (untouched ones score as they do untransformed) and over the samples the
transform changed, and the samples that lose most.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from jixiao.documents import Document, load_document
from jixiao.evaluation import Counts, FactScore, GoldCase, figure_slots, load_cases, own_keys, score_report
from jixiao.evaluation.layouts import PAIRS, TRANSFORMS, lost_figures, transform_named
from jixiao.evaluation.suites import SUITES, suite
from jixiao.extract.rules import extract_rules

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Outcome:
    stem: str
    transform: str
    counts: Counts
    changed: bool
    lost: int  # gold figures the transform failed to keep


def _figures(case: GoldCase) -> list[str]:
    return [slot.figure.text for slot in figure_slots(case.report, own_keys(case.report)) if slot.figure.text]


def _score(case: GoldCase, text: str, sha256: str) -> Counts:
    return _scored(case, text, sha256).facts


def _scored(case: GoldCase, text: str, sha256: str) -> FactScore:
    document = Document.from_text(text, path=str(case.sample), format="txt", sha256=sha256)
    return score_report(case.report, extract_rules(document))[0]


def show(case: GoldCase, names: Sequence[str], text_too: bool) -> None:
    """The facts one sample loses or gains under each named transform (and its rewritten text)."""
    original = load_document(case.sample)  # type: ignore[arg-type]
    raw, figures = original.raw_text, _figures(case)
    before = {(d.path, d.gold, d.output) for d in _scored(case, raw, original.sha256).differences}
    for name in names:
        text = transform_named(name).rewrite(raw, figures)
        print(f"== {case.stem} {name}: lost figures {lost_figures(raw, text, figures)}")
        if text_too:
            print(text)
        for difference in _scored(case, text, original.sha256).differences:
            if (difference.path, difference.gold, difference.output) not in before:
                print(f"   {difference.path}: gold {difference.gold!r} output {difference.output!r}")


def run_case(case: GoldCase, names: Sequence[str]) -> list[Outcome]:
    """The sample untransformed (`as_is`) and under each named transform."""
    original = load_document(case.sample)  # type: ignore[arg-type]
    raw, figures = original.raw_text, _figures(case)
    base = _score(case, raw, original.sha256)
    outcomes = [Outcome(case.stem, "as_is", base, False, 0)]
    for transform in map(transform_named, names):
        text = transform.rewrite(raw, figures)
        changed = text != raw
        counts = _score(case, text, original.sha256) if changed else base
        lost = len(lost_figures(raw, text, figures))
        outcomes.append(Outcome(case.stem, transform.name, counts, changed, lost))
    return outcomes


def _cases(names: Sequence[str]) -> list[GoldCase]:
    cases: list[GoldCase] = []
    for name in names:
        chosen = suite(name, ROOT)
        found, _ = load_cases(chosen.gold_dir, chosen.samples_dir)
        cases.extend(case for case in found if case.sample is not None and case.sample.suffix == ".txt")
    return cases


def _total(outcomes: Sequence[Outcome]) -> Counts:
    total = Counts()
    for outcome in outcomes:
        total = total.add(outcome.counts)
    return total


def _shown(counts: Counts) -> str:
    return f"{counts.f1:.3f} (P {counts.precision:.3f}, R {counts.recall:.3f})"


def report(outcomes: Sequence[Outcome], names: Sequence[str], worst: int) -> None:
    base = {o.stem: o.counts for o in outcomes if o.transform == "as_is"}
    width = max(12, *map(len, names))
    as_is = _total([o for o in outcomes if o.transform == "as_is"])
    print(f"{'as_is':{width}s} {len(base):3d} samples  F1 {_shown(as_is)}")
    for name in names:
        mine = [o for o in outcomes if o.transform == name]
        changed = [o for o in mine if o.changed]
        before = Counts()
        for outcome in changed:
            before = before.add(base[outcome.stem])
        lost = sum(o.lost for o in mine)
        print(
            f"{name:{width}s} all F1 {_shown(_total(mine))}   changed {len(changed):3d}: "
            f"{before.f1:.3f} -> {_shown(_total(changed))}" + (f"   figures lost: {lost}" if lost else "")
        )
        drops = sorted(changed, key=lambda o: o.counts.f1 - base[o.stem].f1)[:worst]
        shown = [f"{o.stem} {base[o.stem].f1:.2f}->{o.counts.f1:.2f}" for o in drops if o.counts.f1 < base[o.stem].f1]
        if shown:
            print("    worst: " + ", ".join(shown))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=SUITES, action="append", help="a labelled set (default: both)")
    parser.add_argument("--only", help="comma-separated transform names, `a+b` for two in turn (default: all)")
    parser.add_argument("--pairs", action="store_true", help="the combinations real reports show (layouts.PAIRS)")
    parser.add_argument("--worst", type=int, default=6, help="samples listed per transform")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", help="a sample's stem: print the facts it loses under each transform, not the table")
    parser.add_argument("--text", action="store_true", help="with --show: print the rewritten text too")
    args = parser.parse_args(argv)
    names = args.only.split(",") if args.only else [t.name for t in TRANSFORMS]
    if args.pairs:
        names = ["+".join(pair) for pair in PAIRS] if not args.only else names
    unknown = {part for name in names for part in name.split("+")} - {t.name for t in TRANSFORMS}
    if unknown:
        parser.error(f"no transform {', '.join(sorted(unknown))}")
    cases = _cases(args.suite or SUITES)
    if args.show:
        for case in cases:
            if case.stem == args.show:
                show(case, names, args.text)
        return
    with ProcessPoolExecutor(args.workers) as pool:
        results = pool.map(run_case, cases, [names] * len(cases))
        outcomes = [outcome for result in results for outcome in result]
    report(outcomes, names, args.worst)


if __name__ == "__main__":
    main()
