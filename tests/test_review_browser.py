"""The review page in a real headless Chromium: clicking a finding scrolls its highlighted source into view."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_review_html import build_review

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not os.environ.get("CI"):  # CI installs chromium and playwright (.ci/run): there this test must never skip
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
    pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Page, sync_playwright  # noqa: E402


@pytest.fixture
def page() -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser.new_page(viewport={"width": 1280, "height": 720})
        finally:
            browser.close()


def in_viewport(page: Page, selector: str) -> bool:
    return bool(
        page.eval_on_selector(
            selector,
            "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }",
        )
    )


def test_clicking_a_finding_scrolls_its_figure_into_view_and_highlights_it(page: Page, tmp_path: Path) -> None:
    review = build_review(tmp_path)
    page.goto((review / "index.html").as_uri())
    page.click("#summary a")
    assert page.url.endswith(".html") and "/reports/" in page.url
    figure = 'mark[data-f~="f1"]'
    assert page.locator(figure).count() == 1
    assert not in_viewport(page, figure)  # the last indicator sits far below the fold

    page.click("#f1")

    assert in_viewport(page, figure)
    assert "active-figure" in (page.get_attribute(figure, "class") or "")
    assert page.locator('[data-s~="f1"].active-sentence').count() >= 1
    assert "selected" in (page.get_attribute("#f1", "class") or "")
    page.screenshot(path=str(tmp_path / "review.png"))


def test_a_finding_link_opens_scrolled_to_its_source(page: Page, tmp_path: Path) -> None:
    review = build_review(tmp_path)
    report_page = next((review / "reports").glob("*.html"))
    page.goto(report_page.as_uri() + "#f1")
    assert in_viewport(page, 'mark[data-f~="f1"]')


def test_hostile_report_text_runs_no_script(page: Page, tmp_path: Path) -> None:
    hostile = (
        "2025年某市就业补助资金绩效自评报告\n"
        "附注：<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"
    )
    review = build_review(tmp_path, {"hostile.txt": hostile})
    for report_page in (review / "reports").glob("*.html"):
        page.goto(report_page.as_uri())
        assert page.title() != "pwned"
        assert page.locator("#doc img, #doc script").count() == 0


def test_index_badges_say_each_reading_status_and_never_show_an_empty_report_as_clean(
    page: Page, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from conftest import SAMPLES
    from jixiao.cli import app

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLES / "seed_zalantun_2025.txt", folder / "zalantun.txt")
    (folder / "notice.txt").write_text(
        "关于做好财政资金管理工作的通知\n\n请各单位认真做好有关工作。\n" * 3, encoding="utf-8"
    )
    (folder / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "j.db")])
    assert runner.invoke(app, ["review", "--db", str(tmp_path / "j.db"), "--out", str(tmp_path / "r")]).exit_code == 0
    page.goto((tmp_path / "r" / "index.html").as_uri())

    counts = page.inner_text("#status-counts")
    assert "已读取 1" in counts and "未找到数据 1" in counts and "读取失败 1" in counts
    notice = page.locator('#summary tr[data-status="nothing"]')
    assert notice.count() == 1
    assert notice.locator(".badge.status-nothing").inner_text() == "未找到数据"
    assert notice.locator(".badge.none").count() == 0  # the green 无 of a clean report
    assert notice.locator(".badge.unchecked").inner_text() == "未核查完整"
    assert page.locator('#summary tr[data-status="read"] .badge.status-read').count() == 1
    color = page.eval_on_selector(".badge.status-nothing", "el => getComputedStyle(el).backgroundColor")
    assert color != "rgb(46, 125, 50)"  # not the green of a clean report
    notice.locator("a").click()
    assert "未找到数据" in page.inner_text("#status-note") and "不代表核查通过" in page.inner_text("#status-note")
    assert page.locator(".findings .badge.none").count() == 0
