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
