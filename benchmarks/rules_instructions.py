"""Instructions per report of the rules backend (callgrind), for comparing versions of the code on the same texts.

CPU time on a shared machine moves with the load; the instructions a run executes do not. Each tree given is
measured in a fresh interpreter under valgrind's callgrind: the texts are loaded and read once (imports and
lazily built patterns are not measured), every cache is cleared, and one more round is read with collection
switched on only inside it (the round runs inside one `functools.reduce` call, callgrind's toggle). The figure
is that round's instructions divided by the number of texts.

    python benchmarks/rules_instructions.py TREE_SRC [TREE_SRC …] --texts DIR_OR_FILE [DIR_OR_FILE …] [--fast]

The README's comparison (the first-wave grammar at 77c4065 against this checkout, over the 44 own samples of
commit 6d92d35 and the 54 real texts):

    git archive 77c4065 src | tar -x -C /tmp/old
    git archive 6d92d35 samples | tar -x -C /tmp/old
    python benchmarks/rules_instructions.py /tmp/old/src src --texts /tmp/old/samples ../shared/real

`--fast` runs the load and the first round uninstrumented (about half the time; figures within 0.3% of the
full run). Needs valgrind (`apt-get install -y valgrind`); each tree takes a few minutes.
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from reading_texts import clear_caches, texts

_ROUND = "--round"


def _measured_round(paths: list[Path], fast: bool) -> None:
    """Run under callgrind: a first round, caches cleared, then the measured round inside functools.reduce."""
    from jixiao.documents import load_document
    from jixiao.extract import extract

    documents = [load_document(path) for path in paths]
    for document in documents:
        extract(document, "rules")
    clear_caches()
    if fast:  # instrumentation was off until here
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    functools.reduce(lambda _, document: extract(document, "rules"), documents, None)


def _instructions(tree: Path, paths: list[Path], fast: bool) -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce"]
        command += ["--instr-atstart=no"] if fast else []
        command += [f"--callgrind-out-file={out}", sys.executable, __file__, _ROUND, *(["--fast"] if fast else [])]
        environment = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
        subprocess.run([*command, *map(str, paths)], check=True, env=environment, capture_output=True)
        for line in out.read_text().splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    raise RuntimeError(f"{out}: callgrind wrote no totals")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == _ROUND:
        fast = "--fast" in sys.argv[2:]
        _measured_round([Path(a) for a in sys.argv[2:] if a != "--fast"], fast)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", type=Path, help="a tree's src folder (what goes on PYTHONPATH)")
    parser.add_argument("--texts", nargs="+", required=True, help=".txt files or folders of them")
    parser.add_argument("--fast", action="store_true", help="instrument only the measured round")
    arguments = parser.parse_args()
    paths = texts(arguments.texts)
    print(f"{len(paths)} texts; one round with every cache cleared after a first round (callgrind)")
    for tree in arguments.trees:
        total = _instructions(tree.resolve(), paths, arguments.fast)
        print(f"{tree}: {total:,} instructions, {total / len(paths) / 1e6:.2f} million per report")


if __name__ == "__main__":
    main()
