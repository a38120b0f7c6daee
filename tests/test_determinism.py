"""The same text gives the same Report and findings whatever the process read before it, and under any hash seed.

A batch extracts thousands of files in one process and the layout eval rewrites a sample into many layouts that
keep its path and SHA-256, so a cache keyed too loosely (by a document's path or hash, a cell's text without
its shape) or a global one document leaves set would make a result depend on the order of the work. Each probe
runs in its own interpreter (cold caches, its own PYTHONHASHSEED): one reads the items in order, the other in
reverse order, and every item must come out byte-identical in both, and as it did the first time it was read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jixiao

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(jixiao.__file__).resolve().parent.parent

# own samples with indicator and funding tables (headers the aligner's per-header plan is shared by), each as
# printed and rewritten by layout transforms that keep its path and SHA-256 (as the layout eval does)
STEMS = ("t1_lanqiao_2021", "t1_qingshi_2023", "t5_shiqiao_2022", "t1_zhetang_2021")
TRANSFORMS = ("", "squashed", "cell_lines", "merged", "traditional")

_PROBE = """
import hashlib, json, sys
from pathlib import Path
from jixiao.checks import run_checks
from jixiao.documents import Document, load_document
from jixiao.evaluation import figure_slots, own_keys
from jixiao.evaluation.gold import load_case
from jixiao.evaluation.layouts import TRANSFORMS
from jixiao.extract.rules import extract_rules

root = Path(sys.argv[1])
by_name = {t.name: t for t in TRANSFORMS}
md5 = lambda text: hashlib.md5(text.encode()).hexdigest()
for item in sys.argv[2:]:
    stem, _, name = item.partition(":")
    case = load_case(root / "eval" / "gold" / f"{stem}.json", root / "samples")
    original = load_document(case.sample)
    text = original.raw_text
    if name:
        figures = [s.figure.text for s in figure_slots(case.report, own_keys(case.report)) if s.figure.text]
        text = by_name[name].rewrite(text, figures)
    document = Document.from_text(text, path=str(case.sample), format="txt", sha256=original.sha256)
    report = extract_rules(document)
    data = json.loads(report.model_dump_json())
    data.pop("extractor", None)
    findings = [f.model_dump(mode="json") for f in run_checks(report, document.text)]
    dumped = json.dumps([data, findings], sort_keys=True, ensure_ascii=False)
    print(item, md5(text), md5(dumped), sep="\\t")
"""


def _probe(items: list[str], seed: int) -> list[tuple[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONHASHSEED": str(seed)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(ROOT), *items], env=env, capture_output=True, text=True, check=True
    )
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert len(rows) == len(items)
    return [(item, f"{text} {output}") for item, text, output in rows]


def test_extraction_and_transforms_do_not_depend_on_order_or_hash_seed() -> None:
    items = [f"{stem}:{name}" if name else stem for name in TRANSFORMS for stem in STEMS]
    forward = _probe([*items, items[0]], seed=1)  # the first item read again after all the others
    backward = _probe(items[::-1], seed=2)
    assert forward[-1] == forward[0]
    assert dict(forward[:-1]) == dict(backward)
