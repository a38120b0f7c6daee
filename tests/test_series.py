"""Series in the store: reports linked across years, checks across years run by `jixiao run`, kept current,
and shown by `jixiao series` and `jixiao check --db`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.cli import app
from jixiao.series import SeriesTables, refresh_series
from jixiao.sinks import StoreSink
from jixiao.store import Store

runner = CliRunner()
SERIES = SAMPLES / "series"


def copy_series(folder: Path) -> Path:
    shutil.copytree(SERIES, folder)
    return folder


def stored(tmp_path: Path) -> tuple[Path, Path]:
    reports = copy_series(tmp_path / "reports")
    db = tmp_path / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), Job("rules", "rules", checker=run_checks))
    return reports, db


def by_path(store: Store) -> dict[str, list[str]]:
    """Rules of the findings across years per report file name."""
    findings = SeriesTables(store.database).findings()
    names = {i: Path(store.result(i, with_text=False).document.path).name for i in store.extraction_ids()}  # type: ignore[union-attr]
    return {names[i]: sorted(f.rule for f in found) for i, found in findings.items()}


def test_reports_of_one_place_and_fund_are_linked_whatever_the_spelling(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    with Store(db) as store:
        summary = refresh_series(store)
    assert [(s.region, s.years) for s in summary.series] == [
        ("柳溪旗", [2021, 2022, 2023]),
        ("青岭县", [2021, 2022, 2023]),
    ]
    qingling = summary.series[1]
    assert {m.fund for m in qingling.members} == {"就业补助资金", "中央就业补助资金"}
    assert summary.pairs == 4 and summary.unlinked == []


def test_findings_across_years_belong_to_the_later_report(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    with Store(db) as store:
        refresh_series(store)
        found = by_path(store)
    assert "years.carryover_mismatch" in found["qingling_2022.txt"]
    assert "years.copied_actual" in found["qingling_2023.txt"]
    assert "qingling_2021.txt" not in found  # the first year has nothing before it
    assert [name for name in found if name.startswith("liuxi")] == []  # the honest series


def test_a_second_refresh_compares_nothing_and_a_changed_file_only_its_pairs(tmp_path: Path) -> None:
    reports, db = stored(tmp_path)
    with Store(db) as store:
        assert refresh_series(store).compared_now == 4
        assert refresh_series(store).compared_now == 0
    changed = reports / "qingling_2023.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("| 4443人 |", "| 4501人 |"), encoding="utf-8")
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), Job("rules", "rules", checker=run_checks))
        summary = refresh_series(store)
        assert summary.compared_now == 1
        assert "years.copied_actual" not in by_path(store)["qingling_2023.txt"]


def test_a_report_with_nothing_read_is_in_its_series_but_never_compared(tmp_path: Path) -> None:
    reports = copy_series(tmp_path / "reports")
    (reports / "qingling_2023.txt").write_text(
        "青岭县2023年度就业补助资金绩效自评表\n\n本年度工作总结从略。\n", encoding="utf-8"
    )
    db = tmp_path / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), Job("rules", "rules", checker=run_checks))
        summary = refresh_series(store)
        assert len(summary.not_compared) == 1
        assert "qingling_2023.txt" not in by_path(store)  # no dropped indicators claimed against an empty report


def test_run_links_the_series_and_says_so(tmp_path: Path) -> None:
    reports = copy_series(tmp_path / "reports")
    result = runner.invoke(app, ["run", str(reports), "--db", str(tmp_path / "j.db")])
    assert result.exit_code == 0, result.output
    assert "series: 2 series, 4 pairs of consecutive years (4 compared now)" in result.output


def test_series_command_lists_series_and_findings_as_json(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    result = runner.invoke(app, ["series", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    listing = json.loads(result.output)
    qingling = next(s for s in listing["series"] if s["region"] == "青岭县")
    assert [m["year"] for m in qingling["members"]] == [2021, 2022, 2023]
    rules_2023 = {f["rule"] for f in qingling["members"][2]["findings"]}
    assert {"years.copied_actual", "years.count_jump", "years.copied_narrative"} <= rules_2023
    previous = next(f for f in qingling["members"][2]["findings"] if f["rule"] == "years.copied_actual")["figures"][0]
    assert previous["year"] == 2022 and previous["source_path"].endswith("qingling_2022.txt")


def test_series_command_refuses_a_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["series", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such store" in result.output


def test_check_db_prints_findings_across_years_and_gates_on_them(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    result = runner.invoke(
        app, ["check", "--db", str(db), "--format", "json", "--skip", "indicators", "--skip", "narrative"]
    )
    assert result.exit_code == 0, result.output  # warnings only, gate at error
    reports = {Path(r["path"]).name: r for r in json.loads(result.output)["reports"]}
    assert {f["rule"] for f in reports["qingling_2023.txt"]["findings"]} >= {"years.copied_actual", "years.count_jump"}
    gated = runner.invoke(app, ["check", "--db", str(db), "--fail-on", "warning", "--skip", "indicators"])
    assert gated.exit_code == 1
    skipped = runner.invoke(app, ["check", "--db", str(db), "--format", "json", "--skip", "years"])
    assert "years." not in skipped.output


def test_report_pages_show_findings_across_years_and_mark_only_this_years_figures(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    assert runner.invoke(app, ["review", "--db", str(db), "--out", str(tmp_path / "review")]).exit_code == 0
    pages = [page.read_text(encoding="utf-8") for page in (tmp_path / "review" / "reports").glob("*.html")]
    page = next(page for page in pages if "青岭县" in page and "2023年度" in page)
    assert "years.copied_actual" in page and "2022年报告" in page
    # only this year's 4443人 is marked in this text; last year's is listed beside the finding, not marked here
    finding_id = re.findall(r'id="(f\d+)"', page[: page.index('<span class="rule">years.copied_actual')])[-1]
    marks = re.findall(r'<mark[^>]*data-f="([^"]*)"[^>]*>([^<]*)</mark>', page)
    assert [text for ids, text in marks if finding_id in ids.split()] == ["4443人"]


def test_reports_in_no_series_are_counted_by_reason(tmp_path: Path) -> None:
    reports = copy_series(tmp_path / "reports")
    (reports / "untitled.txt").write_text("绩效自评报告\n\n全年预算100.00万元，执行95.00万元。\n", encoding="utf-8")
    db = tmp_path / "j.db"
    assert runner.invoke(app, ["run", str(reports), "--db", str(db)]).exit_code == 0
    text = runner.invoke(app, ["series", "--db", str(db)])
    assert text.exit_code == 0
    assert "not in a series: 未识别地区" in text.output and "1 reports in no series" in text.output
    listing = json.loads(runner.invoke(app, ["series", "--db", str(db), "--format", "json"]).output)
    assert [Path(m["path"]).name for m in listing["unlinked"]] == ["untitled.txt"]


def test_exports_carry_the_findings_across_years(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    target = tmp_path / "results.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "--to", str(target)]).exit_code == 0
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    rules = {Path(line["path"]).name: {f["rule"] for f in line["findings"]} for line in lines}
    assert {"years.copied_actual", "years.count_jump"} <= rules["qingling_2023.txt"]
    assert not any(rule.startswith("years.") for rule in rules["qingling_2021.txt"])


def test_a_passage_of_a_report_in_traditional_characters_is_quoted_as_printed(tmp_path: Path) -> None:
    _, db = stored(tmp_path)
    with Store(db) as store:
        summary = refresh_series(store)
        now = next(m for s in summary.series for m in s.members if m.path.endswith("qingling_2023.txt"))
    copied = next(f for f in summary.findings[now.extraction_id] if f.rule == "years.copied_narrative")
    last_year, this_year = copied.figures[1], copied.figures[0]
    assert last_year.elsewhere and "審核環節" in last_year.text  # qingling_2022.txt is in traditional characters
    assert "审核环节" in this_year.text
