"""Write gold labels from a compact YAML draft, and print any gold file's facts for checking.

    python eval/compact_gold.py eval/real/drafts/101.yaml      # -> eval/real/gold/101.json + its facts
    python eval/compact_gold.py --show eval/real/gold/101.json # the facts of a gold file, one per line

A labeller reads the text and writes what it states, figure by figure, as printed; this tool only
spells the draft out as a gold Report. Each figure is its verbatim text (value, unit and comparator are
parsed from it: amounts of funding and spending in 万元, others as printed) or, where the parse would be
wrong, a mapping {text, value, unit, op, kind}. Read the printed facts against the text every time: the
parse is a convenience, the label is yours. The draft format:

    gold: {reviewed: true, labelled_by: "...", notes: "..."}
    text: 101.txt                       # in ../shared/real/ (or $JIXIAO_REAL_DIR); its SHA-256 goes into the gold
    title: ...   region: 某某县   fund: 临时救助   year: 2019   truncated: true
    money_unit: 万元                     # unit of bare amounts in funding/spending (万元 unless 元)
    funding:
      initial|budget|allocated|executed: {total: "30", sources: [[appropriation, 本年财政拨款, "30"]]}
      rate: "100%"   weight: "10"   score: "10"
    spending: [[社会保险补贴, "1846.20万元", "35%"]]      # category, amount, share (null when absent)
    indicators:
      - {program: ..., l1: 产出指标, l2: 数量指标, name: ..., target: ">=15200人", actual: "15360人",
         completion: "101%", weight: "5", score: "5", breakdown: [[其中脱贫人口, "120人"]]}
    total_score: "98分"
    grade: 优秀
    findings:                            # what a careful reviewer would raise (often nothing): <stem>.findings.json
      - {rule: funding.executed_within_budget, path: funding.executed.total, severity: error, note: "268.40 > 254.15"}
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from jixiao.documents.traditional import simplified
from jixiao.evaluation.facts import report_facts
from jixiao.evaluation.gold import FINDINGS_SUFFIX, ExpectedFinding, GoldLabel, gold_document, load_case
from jixiao.evaluation.matching import own_keys
from jixiao.model import (
    ExtractorInfo,
    Figure,
    Funding,
    FundingLine,
    FundSource,
    Indicator,
    Kind,
    NamedFigure,
    Op,
    Report,
    SourceAmount,
    SourceInfo,
    SpendingItem,
)
from jixiao.numbers import Quantity, parse_quantity, to_wan_yuan

MONEY_UNITS = ("元", "千元", "万元", "亿元")
_COUNTED = re.compile(r"^(?P<number>(?:[≥≤<>=]|>=|<=)?-?[\d,]+(?:\.\d+)?)(?P<unit>[^\d\s,.][^\d\s]{0,7})$")


def figure(spec: Any, *, money_unit: str | None = None) -> Figure | None:
    """A Figure from its printed text, or from an explicit mapping; money converted when money_unit is set."""
    if spec is None:
        return None
    if isinstance(spec, dict):
        kind = spec.get("kind") or ("percent" if spec.get("unit") == "%" else "number")
        if spec.get("value") is None and "kind" not in spec:
            kind = "text"
        op = spec.get("op")
        return Figure(
            text=str(spec["text"]), value=spec.get("value"), unit=spec.get("unit"), op=Op(op) if op else None,
            kind=Kind(kind),
        )  # fmt: skip
    text = str(spec)
    readable = simplified(text.replace(" ", ""))  # 萬元 reads as 万元; the text stays as printed
    quantity = parse_quantity(readable)
    if quantity.kind is Kind.TEXT and (counted := _COUNTED.match(readable)):
        number = parse_quantity(counted["number"])  # 146只, 420元/人*月: a unit the parser lacks
        quantity = Quantity(number.value, counted["unit"], number.op, Kind.NUMBER)
    value, unit = quantity.value, quantity.unit
    if money_unit is not None and value is not None and (unit is None or unit in MONEY_UNITS):
        value, unit = to_wan_yuan(value, unit or money_unit), "万元"
    return Figure(text=text, value=value, unit=unit, op=quantity.op, kind=quantity.kind)


def _line(spec: dict[str, Any] | None, money: str) -> FundingLine:
    if not spec:
        return FundingLine()
    sources = [
        SourceAmount(source=FundSource(level), name=str(name), amount=figure(amount, money_unit=money))
        for level, name, amount in spec.get("sources", [])
    ]
    return FundingLine(total=figure(spec.get("total"), money_unit=money), by_source=sources)


def _indicator(spec: dict[str, Any]) -> Indicator:
    return Indicator(
        program=spec.get("program"),
        level1=spec.get("l1"),
        level2=spec.get("l2"),
        name=str(spec["name"]),
        target=figure(spec.get("target")),
        actual=figure(spec.get("actual")),
        completion=figure(spec.get("completion")),
        weight=figure(spec.get("weight")),
        score=figure(spec.get("score")),
        breakdown=[NamedFigure(name=str(n), figure=figure(f)) for n, f in spec.get("breakdown", [])],
    )


def real_dir() -> Path:
    """Where the real texts are: $JIXIAO_REAL_DIR, else ../shared/real beside the repository."""
    default = Path(__file__).resolve().parents[1].parent / "shared" / "real"
    return Path(os.environ.get("JIXIAO_REAL_DIR", default))


def report_of(draft: dict[str, Any]) -> tuple[Report, GoldLabel]:
    text_path = real_dir() / Path(draft["text"]).name
    data = text_path.read_bytes()
    money = draft.get("money_unit", "万元")
    funding_spec = draft.get("funding") or {}
    funding = Funding(
        **{line: _line(funding_spec.get(line), money) for line in ("initial", "budget", "allocated", "executed")},
        execution_rate=figure(funding_spec.get("rate")),
        execution_weight=figure(funding_spec.get("weight")),
        execution_score=figure(funding_spec.get("score")),
    )
    spending = [
        SpendingItem(category=str(name), amount=figure(amount, money_unit=money), share=figure(share))
        for name, amount, share in draft.get("spending", [])
    ]
    report = Report(
        source=SourceInfo(
            path=f"../shared/real/{text_path.name}", sha256=hashlib.sha256(data).hexdigest(), format="txt"
        ),
        extractor=ExtractorInfo(backend="hand"),
        title=draft.get("title"),
        region=draft.get("region"),
        fund=draft.get("fund"),
        year=draft.get("year"),
        funding=funding,
        spending=spending,
        indicators=[_indicator(item) for item in draft.get("indicators", [])],
        total_score=figure(draft.get("total_score")),
        grade=figure(draft.get("grade")),
        truncated=bool(draft.get("truncated", False)),
    )
    return report, GoldLabel.model_validate(draft["gold"])


def show(report: Report) -> None:
    for path, fact in report_facts(report, own_keys(report)).items():
        print(f"  {path} = {fact.shown}  {list(fact.value)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="print the facts of gold JSON files")
    parser.add_argument("--out", type=Path, help="gold folder (default: ../gold beside the drafts folder)")
    args = parser.parse_args(argv)
    for path in args.files:
        if args.show:
            case = load_case(path, path.parent)
            print(f"{path}: {len(report_facts(case.report, own_keys(case.report)))} facts")
            show(case.report)
            continue
        draft = yaml.safe_load(path.read_text(encoding="utf-8"))
        report, label = report_of(draft)
        out_dir = args.out or path.parent.parent / "gold"
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{path.stem}.json"
        document = gold_document(report, label)
        target.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        findings = [ExpectedFinding.model_validate(item).model_dump() for item in draft.get("findings", [])]
        findings_path = out_dir / f"{path.stem}{FINDINGS_SUFFIX}"
        findings_path.write_text(json.dumps(findings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for item in findings:
            print(f"  finding {item['rule']} at {item['path']} ({item['severity'] or 'rule default'})")
        print(f"{path} -> {target}: {len(report_facts(report, own_keys(report)))} facts")
        show(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
