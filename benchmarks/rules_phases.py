"""Instructions per report spent in each phase of the rules reader (callgrind), to see where the figure of
rules_instructions.py goes before cutting it.

callgrind sees C functions, not Python ones. So each phase function named (`module:name`, or
`module:Class.method`) is called through its own rarely used C function (sys.call_tracing,
itertools.starmap, dropwhile, takewhile, filterfalse, operator.methodcaller), and the phase's figure is the
cost of the calls into that C function, as callgrind's call graph records it. The round is measured as in
rules_instructions.py --fast (caches cleared, one round); the wrappers add a little to the total.

    python benchmarks/rules_phases.py TREE_SRC --texts DIR_OR_FILE [DIR_OR_FILE …] [--phase module:name …]

Without --phase it measures the top-level phases of jixiao.extract.rules.read_rules. At most six phases a
run; a phase may call another (their figures then overlap), but no phase may be named twice.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import itertools
import json
import operator
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reading_texts import clear_caches, texts

_ROUND = "--round"
_RULES = "jixiao.extract.rules"
DEFAULT_PHASES = [
    f"{_RULES}:read_header",
    f"{_RULES}:find_tables",
    f"{_RULES}:extract_tables",
    f"{_RULES}:extract_funding",
    f"{_RULES}:extract_indicators",
    f"{_RULES}:measure",
]


def _through_call_tracing(function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: sys.call_tracing(lambda *inner: function(*inner, **kwargs), args)


def _through_starmap(function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: next(itertools.starmap(lambda *inner: function(*inner, **kwargs), [args]))


def _through_predicate(iterator: Callable[..., Any], keeps: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A wrapper calling the function as the predicate of dropwhile / takewhile / filterfalse (`keeps`: the
    predicate's answer that lets the one item through)."""

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            result: list[Any] = []
            next(iterator(lambda _: (result.append(function(*args, **kwargs)), keeps)[1], [0]))
            return result[0]

        return call

    return wrap


def _through_methodcaller(function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda *args, **kwargs: operator.methodcaller("__call__", *args, **kwargs)(function)


# (wrapper, the C function callgrind names for it)
_WRAPPERS: list[tuple[Callable[[Callable[..., Any]], Callable[..., Any]], str]] = [
    (_through_call_tracing, "sys_call_tracing"),
    (_through_starmap, "starmap_next"),
    (_through_predicate(itertools.dropwhile, False), "dropwhile_next"),
    (_through_predicate(itertools.takewhile, True), "takewhile_next"),
    (_through_predicate(itertools.filterfalse, False), "filterfalse_next"),
    (_through_methodcaller, "methodcaller_call"),
]


def _patch(phases: list[str], calls: dict[str, int]) -> None:
    """Replace each phase function where it is looked up by the same function called through its C function
    (an lru_cache keeps its cache_clear, so clear_caches still empties it), counting its calls."""
    for (wrap, _), phase in zip(_WRAPPERS, phases, strict=False):
        module_name, name = phase.split(":")
        owner: Any = importlib.import_module(module_name)
        if "." in name:
            class_name, name = name.split(".")
            owner = getattr(owner, class_name)
        original = getattr(owner, name)
        wrapped = wrap(original)

        def counted(*args: Any, _wrapped: Any = wrapped, _phase: str = phase, **kwargs: Any) -> Any:
            calls[_phase] += 1
            return _wrapped(*args, **kwargs)

        if hasattr(original, "cache_clear"):
            counted.cache_clear = original.cache_clear  # type: ignore[attr-defined]
        calls[phase] = 0
        setattr(owner, name, counted)


def _measured_round(paths: list[Path], phases: list[str], counts_file: Path) -> None:
    """Run under callgrind: a first round, caches cleared, then the measured round inside functools.reduce."""
    from jixiao.documents import load_document
    from jixiao.extract import extract

    calls: dict[str, int] = {}
    _patch(phases, calls)
    documents = [load_document(path) for path in paths]
    for document in documents:
        extract(document, "rules")
    clear_caches()
    calls.update(dict.fromkeys(calls, 0))
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    functools.reduce(lambda _, document: extract(document, "rules"), documents, None)
    counts_file.write_text(json.dumps(calls), encoding="utf-8")


_EDGE = re.compile(r"^\s*([\d,]+) .*?< .*?\((\d[\d,]*)x\)")


def _phase_costs(out: Path, phases: list[str], calls: dict[str, int]) -> tuple[int, dict[str, int]]:
    """The round's total and, per phase, the cost of the calls into its C function: the caller edge whose
    call count is the phase's."""
    tree = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--tree=caller", "--threshold=100", str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    total = next(int(line.split()[0].replace(",", "")) for line in tree if "PROGRAM TOTALS" in line)
    costs: dict[str, int] = {}
    for (_, c_name), phase in zip(_WRAPPERS, phases, strict=False):
        for index, line in enumerate(tree):
            if "*  " not in line or f":{c_name} [" not in line:
                continue
            above = index - 1
            while above >= 0 and (edge := _EDGE.match(tree[above])) is not None:
                if int(edge[2].replace(",", "")) == calls[phase]:
                    costs[phase] = max(costs.get(phase, 0), int(edge[1].replace(",", "")))
                above -= 1
    return total, costs


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == _ROUND:
        counts_file, *rest = sys.argv[2:]
        phases = [argument for argument in rest if ":" in argument]
        _measured_round([Path(a) for a in rest if ":" not in a], phases, Path(counts_file))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("tree", type=Path, help="a tree's src folder (what goes on PYTHONPATH)")
    parser.add_argument("--texts", nargs="+", required=True, help=".txt files or folders of them")
    parser.add_argument("--phase", action="append", help="module:name or module:Class.method (up to six)")
    arguments = parser.parse_args()
    phases = arguments.phase or DEFAULT_PHASES
    if len(phases) > len(_WRAPPERS) or len(set(phases)) != len(phases):
        parser.error(f"at most {len(_WRAPPERS)} distinct phases a run")
    paths = texts(arguments.texts)
    with tempfile.TemporaryDirectory() as folder:
        out, counts_file = Path(folder) / "callgrind.out", Path(folder) / "calls.json"
        command = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce"]
        command += ["--instr-atstart=no", f"--callgrind-out-file={out}", sys.executable, __file__, _ROUND]
        environment = {**os.environ, "PYTHONPATH": str(arguments.tree.resolve()), "PYTHONHASHSEED": "0"}
        subprocess.run(
            [*command, str(counts_file), *phases, *map(str, paths)], check=True, env=environment, capture_output=True
        )
        calls = json.loads(counts_file.read_text(encoding="utf-8"))
        total, costs = _phase_costs(out, phases, calls)
    print(f"{len(paths)} texts; {total / len(paths) / 1e6:.2f} million instructions per report in all (with wrappers)")
    for phase in phases:
        cost = costs.get(phase)
        figure = "not found" if cost is None else f"{cost / len(paths) / 1e6:6.3f} M per report {cost / total:6.1%}"
        print(f"  {phase:60s} {figure}  ({calls[phase]} calls)")


if __name__ == "__main__":
    main()
