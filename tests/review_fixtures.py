"""A small store to review: two short reports and what the tool (made to misread) found in them.

- `kaiyang_2024.txt`: the report's own error (completion 110 % printed for 520 of 500 = 104 %), and a
  sources-sum error that is the tool's misreading: the county's 100 万元 stands in another paragraph,
  which the rules backend does not join to the 其中 list.
- `xiling_2023.txt`, read by a tool made to misread it as a real one would: the budget total taken from
  年初预算 (1000 万元) instead of the adjusted 全年预算数 (900 万元), and the actual of 培训后就业率 missed.
  So three findings arise that a reviewer fixes by correcting the extraction.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.batch import Checker, Job, run_batch
from jixiao.checks import run_checks
from jixiao.documents import Document
from jixiao.extract import extract_rules
from jixiao.model import Figure, Report, Span
from jixiao.sinks import StoreSink
from jixiao.store import Store

KAIYANG = """2024年开阳县就业补助资金绩效自评报告

一、资金投入情况
全年预算数1000万元，其中：中央财政资金600万元，省级财政资金300万元。全年执行数950万元，预算执行率95%。

二、绩效指标完成情况
城镇新增就业人数：年度指标值为≥500人，实际完成520人，完成率110%。
职业技能培训人数：年度指标值为≥200人，实际完成210人，完成率105%。

三、其他说明
县级财政配套资金100万元已于三季度全部到位。
"""

XILING = """2023年西岭区职业技能提升资金绩效自评报告

一、资金投入情况
年初预算1000万元，年中调整后全年预算数900万元，其中：中央财政资金600万元，省级财政资金300万元。全年执行数855万元，预算执行率95%。

二、绩效指标完成情况
培训后就业率：年度指标值为≥60%，实际完成65%，完成率108.33%。
"""

DOCUMENTS = {"kaiyang_2024.txt": KAIYANG, "xiling_2023.txt": XILING}


def misreading_extractor(document: Document) -> Report:
    """The rules backend, made to misread xiling as described above (spans point at real text)."""
    report = extract_rules(document)
    if "西岭区" not in document.text:
        return report
    start = document.text.index("1000万元")
    report.funding.budget.total = Figure(
        text="1000万元", value=1000.0, unit="万元", span=Span(start=start, end=start + 6), found_by="narrative.funding"
    )
    report.indicators[0].actual = None
    # as if its row came from a table (a prose target without an actual is only a note since issue 18)
    assert report.indicators[0].target is not None
    report.indicators[0].target.found_by = "table.t1.indicator"
    return report


def write_documents(folder: Path, extra: dict[str, str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in {**DOCUMENTS, **(extra or {})}.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build_store(
    tmp_path: Path, extra: dict[str, str] | None = None, checker: Checker = run_checks, *, db: Path | None = None
) -> Path:
    """Documents under tmp_path/docs, their results in tmp_path/review.db (or `db`: a PostgreSQL URL, say);
    returns the store."""
    paths = write_documents(tmp_path / "docs", extra)
    db = db or tmp_path / "review.db"
    with Store(db) as store:
        run_batch(StoreSink(store), paths, Job("rules", "rules", checker=checker), extractor=misreading_extractor)
    return db
