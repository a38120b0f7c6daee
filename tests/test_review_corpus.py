"""The corpus page of `jixiao review`, looked at in headless Chromium: the charts are there and every number
on the page is the store's (reading status, execution rates, findings by rule, completion, series timelines)."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.cli import app
from jixiao.model import ReadingStatus, reading_status
from jixiao.series import SeriesTables
from jixiao.sinks import StoreSink
from jixiao.store import Store
from test_review_browser import ARGS, CHROMIUM

if not os.environ.get("CI"):  # CI installs chromium and playwright (.ci/run): there this test must never skip
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
    pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, sync_playwright

runner = CliRunner()
NOTHING = "柳溪旗2024年度就业补助资金绩效自评报告\n\n本年度工作情况另行报送。\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store of the two sample series, one report with nothing read and one file that cannot be read."""
    root = tmp_path_factory.mktemp("corpus")
    reports = root / "reports"
    shutil.copytree(SAMPLES / "series", reports)
    (reports / "liuxi_2024.txt").write_text(NOTHING, encoding="utf-8")
    (reports / "blank.txt").write_text(" \n", encoding="utf-8")
    db = root / "j.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(reports.iterdir()), Job("rules", "rules", checker=run_checks))
    result = runner.invoke(app, ["review", "--db", str(db), "--out", str(root / "review")])
    assert result.exit_code == 0, result.output
    return db, root / "review"


@pytest.fixture(scope="module")
def page(corpus: tuple[Path, Path]) -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto((corpus[1] / "index.html").as_uri())
            page.click("#corpus-link")
            yield page
        finally:
            browser.close()


def cell(page: Page, selector: str) -> int:
    return int(page.inner_text(selector).strip())


def test_the_index_links_to_a_page_with_every_chart(page: Page) -> None:
    assert page.url.endswith("/corpus.html")
    for panel in ("#chart-execution", "#chart-rules", "#chart-completion"):
        assert page.locator(f"{panel} svg.pygal-chart").count() == 1, panel
    assert page.locator(".timeline svg.pygal-chart").count() == 2  # 青岭县 and 柳溪旗
    assert page.locator("script[src], link[href^='http'], img[src^='http']").count() == 0
    html = Path(page.url.removeprefix("file://")).read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # pygal's links and namespaces removed


def test_reading_status_counts_are_the_stores(page: Page, corpus: tuple[Path, Path]) -> None:
    with Store(corpus[0]) as store:
        expected = Counter(reading_status(r.report) for r in store.results(with_text=False))
        expected[ReadingStatus.FAILED] = len(store.failures())
    for status in ReadingStatus:
        assert cell(page, f'#status [data-status="{status.value}"]') == expected.get(status, 0), status
    assert expected[ReadingStatus.NOTHING] == 1 and expected[ReadingStatus.FAILED] == 1


def test_execution_rates_count_every_report_with_money_and_never_the_empty_one(
    page: Page, corpus: tuple[Path, Path]
) -> None:
    with Store(corpus[0]) as store:
        rates = [
            r.report.funding.executed.total.value / r.report.funding.budget.total.value * 100  # type: ignore[union-attr,operator]
            for r in store.results(with_text=False)
            if r.report.funding.budget.total is not None
        ]
    assert len(rates) == 6
    assert cell(page, '#execution [data-bin="all"]') == len(rates)
    in_95_100 = sum(95 <= rate <= 100 for rate in rates)
    assert cell(page, '#execution [data-bin="95–100%"]') == in_95_100
    bars = page.locator("#chart-execution desc.value").evaluate_all("nodes => nodes.map(n => n.textContent)")
    table = [int(t) for t in page.locator("#execution tbody td.num").all_inner_texts()]
    assert [int(float(v)) for v in bars] == table


def test_findings_by_rule_include_those_across_years(page: Page, corpus: tuple[Path, Path]) -> None:
    with Store(corpus[0]) as store:
        findings = [f for r in store.results(with_text=False) for f in r.findings]
        findings += [f for found in SeriesTables(store.database).findings().values() for f in found]
    expected = Counter((f.rule, f.severity.value) for f in findings)
    for (rule, severity), count in expected.items():
        assert cell(page, f'#rules tr[data-rule="{rule}"] td[data-severity="{severity}"]') == count, rule
    assert cell(page, '#rules tr[data-rule="years.copied_actual"] td[data-severity="warning"]') == 1


def test_completion_per_region_and_year_counts_judged_indicators(page: Page) -> None:
    # 青岭县 2022: six indicators with target and actual, one missed (失业人员再就业人数 820 of ≥900)
    row = '#completion tr[data-region="青岭县"][data-year="2022"]'
    assert (cell(page, f"{row} [data-judged]"), cell(page, f"{row} [data-met]")) == (6, 5)
    assert page.locator('#completion tr[data-region="柳溪旗"][data-year="2024"]').count() == 0  # nothing read


def test_series_timelines_show_the_stored_money_and_findings_across_years(
    page: Page, corpus: tuple[Path, Path]
) -> None:
    timeline = page.locator('.timeline[data-series="青岭县·中央就业补助资金"]')
    assert timeline.count() == 1
    with Store(corpus[0]) as store:
        across = SeriesTables(store.database).findings()
        for result in store.results(with_text=False):
            report = result.report
            if report.region != "青岭县":
                continue
            row = timeline.locator(f'tr[data-year="{report.year}"]')
            assert float(row.locator("[data-budget]").inner_text()) == report.funding.budget.total.value  # type: ignore[union-attr]
            assert float(row.locator("[data-executed]").inner_text()) == report.funding.executed.total.value  # type: ignore[union-attr]
            assert int(row.locator("[data-across]").inner_text()) == len(across.get(result.extraction_id, []))
    liuxi = page.locator('.timeline[data-series="柳溪旗·就业补助资金"]')
    assert "未找到数据" in liuxi.locator('tr[data-year="2024"]').inner_text()
    page.screenshot(path=str(corpus[1] / "corpus.png"), full_page=True)
