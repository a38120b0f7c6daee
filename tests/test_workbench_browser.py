"""The workbench in a real headless Chromium: a reviewer's whole round, from the queue to gold and export.

Two reviewers sign in with the shared token. One dismisses a finding with a reason, corrects a figure by
editing it and another by selecting it in the text, confirms a finding (with the keyboard); the other
decides the same item at the same time and is told. Then `jixiao label --from-review` writes gold that
`jixiao eval` scores, and the export shows the states. Screenshots of the queue and an item page are taken
here (set WORKBENCH_SCREENSHOTS=docs to refresh the README's).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from review_fixtures import build_store
from test_review_browser import ARGS, CHROMIUM

if not os.environ.get("CI"):  # CI installs chromium and playwright (.ci/run): there this test must never skip
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
    pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Browser, Page, expect, sync_playwright

TOKEN = "team-token-for-the-test"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`jixiao serve` on a free port over the fixture store; yields its URL and the store."""
    db = build_store(tmp_path)
    env = {**os.environ, "JIXIAO_REVIEW_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "jixiao", "serve", "--db", str(db), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = server.stdout.readline()  # type: ignore[union-attr]
        assert "http://127.0.0.1:" in line, line + server.stderr.read()  # type: ignore[union-attr]
        yield line.split("on ", 1)[1].split()[0].rstrip("/"), db
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def signed_in(browser: Browser, url: str, name: str) -> Page:
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.goto(url)
    page.fill("input[name=name]", name)
    page.fill("input[name=secret]", TOKEN)
    page.click("#login button[type=submit]")
    expect(page.locator("#reviewer")).to_have_text(name)
    return page


def open_item(page: Page, url: str, rule: str, document: str) -> None:
    page.goto(f"{url}/queue")
    page.locator("#queue tr.row").filter(has_text=document).filter(
        has=page.locator(f".rule:text-is('{rule}')")
    ).locator("a.open").click()
    expect(page.locator("#finding .rule")).to_have_text(rule)
    expect(page.locator("body[data-ready]")).to_have_count(1)  # the deferred script has attached its handlers


def select_in_document(page: Page, printed: str) -> None:
    """Select `printed` in the document text as a mouse would (a DOM range over its text node)."""
    page.evaluate(
        """printed => {
            const walker = document.createTreeWalker(document.getElementById("doc"), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.textContent.indexOf(printed);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + printed.length);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return;
            }
            throw new Error("not in the document: " + printed);
        }""",
        printed,
    )


def jixiao(*arguments: str) -> None:
    """The command as a user runs it (a process of its own: playwright's loop runs in this thread)."""
    done = subprocess.run([sys.executable, "-m", "jixiao", *arguments], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def screenshot(page: Page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / name))
    if os.environ.get("WORKBENCH_SCREENSHOTS"):
        page.screenshot(path=str(Path(os.environ["WORKBENCH_SCREENSHOTS"]) / name))


def test_a_review_round_in_the_browser_ends_in_gold_the_eval_scores(
    served: tuple[str, Path], browser: Browser, tmp_path: Path
) -> None:
    url, db = served
    li = signed_in(browser, url, "李审核")
    wang = signed_in(browser, url, "王复核")
    expect(li.locator("#queue tr.row")).to_have_count(6)

    # Dismiss, with a reason: the county's 100 万元 stands in a paragraph the tool did not read.
    open_item(li, url, "funding.sources_sum", "kaiyang_2024.txt")
    li.check("#reason-misread")
    li.fill("#dismiss-note", "县级配套100万元在第三部分，工具未读入")
    li.click("#dismiss")
    expect(li.locator("#recorded")).to_be_visible()
    expect(li.locator("#item-state")).to_have_text("已排除")

    # Correct by editing: the budget total was read from 年初预算; the adjusted budget is 900万元.
    open_item(li, url, "funding.sources_sum", "xiling_2023.txt")
    row = li.locator('#figures tr[data-path="funding.budget.total"]')
    row.locator("summary").click()
    row.locator("input[name=text]").fill("900万元")
    row.locator("form.edit-form button[type=submit]").click()
    expect(li.locator("#changes .change")).to_have_text("funding.budget.total：1000万元 → 900万元")
    expect(li.locator("#gone li")).to_have_count(3)  # sources sum, execution rate, low execution: all gone
    expect(li.locator("#doc mark.reviewed")).to_have_text("900万元")
    screenshot(li, tmp_path, "workbench-item.png")

    # Correct by selecting text: the actual 65% the tool missed.
    open_item(li, url, "indicators.missing_value", "xiling_2023.txt")
    expect(li.locator("#add")).to_be_disabled()
    select_in_document(li, "65%")
    expect(li.locator("#selection-text")).to_have_text("65%")
    li.select_option("#add-path", "indicators[0].actual")
    li.click("#add")
    expect(li.locator("#gone")).to_contain_text("indicators.missing_value")

    # Confirm with the keyboard, while the other reviewer decides the same item at the same moment.
    open_item(li, url, "indicators.completion", "kaiyang_2024.txt")
    open_item(wang, url, "indicators.completion", "kaiyang_2024.txt")
    li.keyboard.press("c")
    expect(li.locator("#item-state")).to_have_text("已确认")
    wang.check("#reason-other")
    wang.fill("#dismiss-note", "完成率按实际应为104%，属报告笔误")
    wang.click("#dismiss")
    expect(wang.locator("#winner")).to_contain_text("李审核")
    expect(wang.locator("#submitted")).to_contain_text("完成率按实际应为104%，属报告笔误")  # nothing lost

    li.goto(f"{url}/queue")
    states = ("open", "confirmed", "dismissed", "corrected")
    counts = {state: li.locator(f'#states a[data-state="{state}"] b').inner_text() for state in states}
    assert counts == {"open": "0", "confirmed": "1", "dismissed": "1", "corrected": "4"}
    expect(li.locator("body[data-ready]")).to_have_count(1)
    li.keyboard.press("j")
    expect(li.locator("#queue tr.current")).to_have_count(1)
    screenshot(li, tmp_path, "workbench-queue.png")

    gold, results = tmp_path / "gold", tmp_path / "results"
    jixiao("label", "--from-review", "--db", str(db), "--gold-dir", str(gold))
    assert json.loads((gold / "xiling_2023.json").read_text(encoding="utf-8"))["gold"]["labelled_by"] == "李审核"
    jixiao("eval", "--gold-dir", str(gold), "--samples-dir", str(db.parent / "docs"), "--results-dir", str(results))
    run = json.loads(next(results.glob("*.json")).read_text(encoding="utf-8"))
    assert len(run["samples"]) == 2 and run["overall"]["facts"]["f1"] == 1.0
    jixiao("export", "--db", str(db), "--to", str(tmp_path / "review.csv"))
    findings = (tmp_path / "review_findings.csv").read_text(encoding="utf-8-sig")
    assert "已排除" in findings and "已确认" in findings and "已更正" in findings
