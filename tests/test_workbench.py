"""The review workbench over HTTP: queue, item pages, decisions, corrections, sign-in and safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from starlette.testclient import TestClient
from typer.testing import CliRunner

from jixiao.checks import run_checks
from jixiao.cli import app
from jixiao.model import FigureRef, Finding, Report, Severity
from jixiao.review.decisions import Action, DecisionLog, DismissReason
from jixiao.store import Store
from jixiao.workbench import Access, add_reviewer, create_app, load_reviewers
from review_fixtures import build_store
from workbench_client import HOSTILE, client, edit_form, entry, form_fields, post, queue

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path)


def decisions(db: Path) -> list:  # type: ignore[type-arg]
    with Store(db) as store:
        return DecisionLog(store.database).all()


def extraction_id(href: str) -> str:
    return re.match(r"/item/(\d+)", href)[1]  # type: ignore[index]


def test_the_queue_lists_warnings_and_errors_worst_first(db: Path) -> None:
    rows = queue(client(db))
    assert len(rows) == 6  # kaiyang 2 errors; xiling 2 errors, 2 warnings; info findings stay off the queue
    severities = [row.severity for row in rows]
    assert severities == sorted(severities, key=["error", "warning"].index)
    assert {row.state for row in rows} == {"open"}


def test_the_queue_filters_and_counts_each_state(db: Path) -> None:
    browser = client(db)
    # every finding of these two prose reports is a warning: a figure read from prose cannot carry an error
    assert {r.rule for r in queue(browser, "severity=warning")} == {
        "narrative.low_execution_unexplained",
        "indicators.missing_value",
        "funding.execution_rate",
        "funding.sources_sum",
        "indicators.completion",
    }
    assert queue(browser, "severity=error") == []
    assert [r.path.rsplit("/", 1)[-1] for r in queue(browser, "rule=indicators.completion")] == ["kaiyang_2024.txt"]
    assert len(queue(browser, "year=2023")) == 4
    assert queue(browser, "state=confirmed") == []
    page = HTMLParser(browser.get("/queue").text)
    counts = {a.attributes["data-state"]: a.css_first("b").text() for a in page.css("#states a[data-state]")}
    assert counts == {"open": "6", "confirmed": "0", "dismissed": "0", "corrected": "0"}


def test_an_item_page_shows_the_finding_with_its_figure_marked_in_the_text(db: Path) -> None:
    browser = client(db)
    page = browser.get(entry(browser, "indicators.completion", "kaiyang_2024.txt").href)
    html = HTMLParser(page.text)
    assert "完成率 110%" in html.css_first("#finding").text()
    assert html.css_first("#expected").text().split() == ["应为", "104", "·", "报告所载", "110"]
    flagged = [mark.text() for mark in html.css("#doc mark.flagged")]
    assert flagged == ["≥500人", "520人", "110%"]
    # The county's 100万元 paragraph holds a figure the tool did not read: the page says the report was read in part.
    assert html.css_first("#reading-status").text() == "部分读取"
    doc = html.css_first("#doc")
    assert doc.text() == (Path(db).parent / "docs" / "kaiyang_2024.txt").read_text(encoding="utf-8")


@pytest.fixture
def either_db(tmp_path: Path, store_target: str) -> Path:
    """The review store on SQLite, then on PostgreSQL: the workbench reads and writes either."""
    return build_store(tmp_path, db=store_target)  # type: ignore[arg-type]


def test_dismissing_needs_a_reason_and_records_who_and_why(either_db: Path) -> None:
    db = either_db
    browser = client(db)
    href = entry(browser, "funding.sources_sum", "kaiyang_2024.txt").href
    page = browser.get(href).text
    status, body = post(browser, page, "dismiss-form")
    assert status == 400 and "needs a reason" in body
    assert decisions(db) == []
    status, _ = post(browser, page, "dismiss-form", reason="misread", note="县级100万元在第三部分")
    assert status == 200
    [decision] = decisions(db)
    assert (decision.reviewer, decision.action, decision.reason, decision.note) == (
        "alice",
        Action.DISMISS,
        DismissReason.MISREAD,
        "县级100万元在第三部分",
    )
    assert entry(browser, "funding.sources_sum", "kaiyang_2024.txt").state == "dismissed"


def test_a_form_without_the_session_token_is_refused_and_records_nothing(db: Path) -> None:
    browser = client(db)
    href = entry(browser, "indicators.completion", "kaiyang_2024.txt").href
    page = browser.get(href).text
    for token in ("", "forged"):
        status, body = post(browser, page, "confirm-form", csrf=token)
        assert status == 403 and "CSRF" in body
    other = client(db)  # another browser: its own session, so the first one's token means nothing to it
    other.get("/queue")
    assert other.post(f"/item/{extraction_id(href)}/decide", data=form_fields(page, "confirm-form")).status_code == 403
    assert decisions(db) == []


def test_correcting_a_misread_figure_reruns_the_checks_and_shows_what_went(db: Path) -> None:
    browser = client(db)
    href = entry(browser, "funding.sources_sum", "xiling_2023.txt").href
    page = browser.get(href).text
    fields = edit_form(page, "funding.budget.total")
    response = browser.post(f"/item/{extraction_id(href)}/correct", data={**fields, "text": "900万元"})
    html = HTMLParser(response.text)
    gone = {li.css_first(".rule").text() for li in html.css("#gone li")}
    assert gone == {"funding.sources_sum", "funding.execution_rate", "narrative.low_execution_unexplained"}
    assert html.css_first("#changes .change").text() == "funding.budget.total：1000万元 → 900万元"
    assert html.css_first("#item-state").text() == "已更正"
    corrected = html.css_first('#figures tr[data-path="funding.budget.total"]')
    assert "900万元" in corrected.css_first(".printed").text() and "原为 1000万元" in corrected.text()
    [decision] = decisions(db)
    assert decision.correction.after.span is not None  # type: ignore[union-attr]
    states = {row.rule: row.state for row in queue(browser, "year=2023")}
    assert states == {
        "funding.sources_sum": "corrected",
        "funding.execution_rate": "corrected",
        "narrative.low_execution_unexplained": "corrected",
        "indicators.missing_value": "open",
    }


def test_a_missed_figure_is_added_from_offsets_into_the_stored_text(db: Path) -> None:
    browser = client(db)
    href = entry(browser, "indicators.missing_value", "xiling_2023.txt").href
    page = browser.get(href).text
    text = (Path(db).parent / "docs" / "xiling_2023.txt").read_text(encoding="utf-8")
    start = text.index("65%")
    status, body = post(
        browser, page, "add-form", path="indicators[0].actual", start=str(start), end=str(start + 3), text="999%"
    )
    assert status == 200, body
    [decision] = decisions(db)
    added = decision.correction.after  # type: ignore[union-attr]
    assert (added.text, added.value, added.unit, added.span.start) == ("65%", 65.0, "%", start)  # type: ignore[union-attr]
    assert added.found_by == "review:alice"
    assert "indicators.missing_value" in {li.css_first(".rule").text() for li in HTMLParser(body).css("#gone li")}
    status, body = post(browser, page, "add-form", path="indicators[0].actual", start="5", end="99999")
    assert status == 400 and "not inside the document" in body


def test_two_reviewers_on_one_item_the_second_is_told_and_keeps_what_they_wrote(db: Path) -> None:
    access = Access(token="s3cret-token")
    alice, bob = client(db, access), client(db, access)
    for browser, name in ((alice, "alice"), (bob, "bob")):
        login = browser.get("/login").text
        assert post(browser, login, "login", name=name, secret="s3cret-token")[0] == 200
    href = entry(alice, "indicators.completion", "kaiyang_2024.txt").href
    alice_page, bob_page = alice.get(href).text, bob.get(href).text  # both open it before either decides
    assert post(alice, alice_page, "confirm-form")[0] == 200
    status, body = post(bob, bob_page, "dismiss-form", reason="other", note="完成率按四舍五入应为104%，报告笔误")
    assert status == 409
    conflict = HTMLParser(body)
    assert "alice" in conflict.css_first("#winner").text() and "confirm" in conflict.css_first("#winner").text()
    assert "完成率按四舍五入应为104%，报告笔误" in conflict.css_first("#submitted").text()
    assert [(d.reviewer, d.action) for d in decisions(db)] == [("alice", Action.CONFIRM)]
    status, _ = post(bob, body, "resubmit")  # bob has now seen alice's decision and records his own
    assert status == 200
    assert [(d.reviewer, d.action) for d in decisions(db)] == [("alice", Action.CONFIRM), ("bob", Action.DISMISS)]


def test_hostile_report_text_is_escaped_on_every_page(tmp_path: Path) -> None:
    db = build_store(tmp_path, HOSTILE)
    browser = client(db)
    href = entry(browser, "indicators.completion", "hostile_2024.txt").href
    item = browser.get(href).text
    post(browser, item, "confirm-form")
    status, conflict = post(browser, item, "dismiss-form", reason="other", note="<script>alert(1)</script>")
    assert status == 409
    pages = {"queue": browser.get("/queue").text, "item": item, "conflict": conflict}
    for name, html in pages.items():
        assert "<script>document" not in html and "<img src=x" not in html, name
        parsed = HTMLParser(html)
        assert parsed.css("img") == [], name
        assert [s.attributes.get("src") for s in parsed.css("script")] == ["/static/workbench.js"], name
    assert "&lt;img src=x onerror=" in pages["item"] and "&lt;script&gt;document.title" in pages["item"]
    assert "&gt;&lt;img src=x onerror=" in pages["queue"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["conflict"]


def test_pages_allow_only_our_own_script_and_answer_only_our_host(db: Path) -> None:
    browser = client(db)
    response = browser.get("/queue")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert browser.get("/queue", headers={"host": "evil.example"}).status_code == 400


def test_sign_in_with_the_shared_token_puts_each_name_on_decisions(db: Path) -> None:
    browser = client(db, Access(token="s3cret-token"))
    response = browser.get("/queue")
    assert response.url.path == "/login"
    login = response.text
    status, _ = post(browser, login, "login", name="chen", secret="wrong")
    assert status == 401
    status, body = post(browser, login, "login", name="chen", secret="s3cret-token")
    assert status == 200 and HTMLParser(body).css_first("#reviewer").text() == "chen"
    page = browser.get(entry(browser, "indicators.completion", "kaiyang_2024.txt").href).text
    post(browser, page, "confirm-form")
    assert [d.reviewer for d in decisions(db)] == ["chen"]


def test_sign_in_never_sends_a_browser_off_site(db: Path) -> None:
    browser = client(db, Access(token="s3cret-token"))
    login = browser.get("/login?next=//evil.example/x").text
    assert form_fields(login, "login")["next"] == "/queue"
    response = browser.post(
        "/login",
        data={**form_fields(login, "login"), "name": "a", "secret": "s3cret-token", "next": "https://evil.example"},
    )
    assert response.url.path == "/queue"


def test_reviewer_passwords_are_kept_as_argon2_hashes(db: Path, tmp_path: Path) -> None:
    reviewers = tmp_path / "reviewers.json"
    add_reviewer(reviewers, "wang", "correct horse battery")
    stored = reviewers.read_text(encoding="utf-8")
    assert "correct horse" not in stored and "$argon2id$" in stored
    access = Access(reviewers=load_reviewers(reviewers))
    assert access.verify("wang", "correct horse battery")
    assert not access.verify("wang", "correct horse") and not access.verify("li", "correct horse battery")
    browser = client(db, access)
    login = browser.get("/login").text
    assert post(browser, login, "login", name="wang", secret="wrong password")[0] == 401
    assert post(browser, login, "login", name="wang", secret="correct horse battery")[0] == 200


def test_add_reviewer_command_asks_for_the_password_and_writes_only_its_hash(tmp_path: Path) -> None:
    reviewers = tmp_path / "r.json"
    result = runner.invoke(app, ["add-reviewer", "zhao", "--file", str(reviewers)], input="long enough pw\n" * 2)
    assert result.exit_code == 0, result.output
    assert Access(reviewers=load_reviewers(reviewers)).verify("zhao", "long enough pw")
    assert "long enough pw" not in reviewers.read_text(encoding="utf-8")


def test_serving_beyond_the_loopback_without_sign_in_is_refused(db: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--token or --reviewers" in result.output


def test_decisions_on_a_changed_document_show_as_stale_on_its_page(db: Path, tmp_path: Path) -> None:
    browser = client(db)
    page = browser.get(entry(browser, "indicators.completion", "kaiyang_2024.txt").href).text
    post(
        browser,
        page,
        "confirm-form",
    )
    kaiyang = tmp_path / "docs" / "kaiyang_2024.txt"
    kaiyang.write_text(kaiyang.read_text(encoding="utf-8") + "\n附：本报告经复核修订。\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path / "docs"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    row = entry(browser, "indicators.completion", "kaiyang_2024.txt")
    assert row.state == "open"  # the new text is a new document: nobody has decided on it
    assert "1 条复核决定" in browser.get("/queue").text
    stale = HTMLParser(browser.get(row.href).text).css_first("#stale")
    assert stale is not None and "alice · confirm · indicators.completion" in stale.text()


def test_a_sign_in_form_is_shown_only_when_sign_in_is_needed(db: Path) -> None:
    browser: TestClient = client(db)
    assert browser.get("/queue").url.path == "/queue"
    assert HTMLParser(browser.get("/queue").text).css_first("#reviewer").text() == "alice"


def suspect_budget(report: Report, text: str | None) -> list[Finding]:
    """The checks, plus the kind of finding the honest-flags work raises on a figure the tool may have misread."""
    found = run_checks(report, text)
    budget = report.funding.budget.total
    if budget is not None and "西岭区" in (text or ""):
        found.append(
            Finding(
                rule="extraction.suspect",
                severity=Severity.INFO,
                message_zh="预算数可能读自年初预算",
                message_en="the budget may be the initial one",
                figures=[FigureRef(path="funding.budget.total", text=budget.text, span=budget.span)],
            )
        )
    return found


def test_figures_an_extraction_finding_names_are_marked_as_possibly_misread(tmp_path: Path) -> None:
    db = build_store(tmp_path, checker=suspect_budget)
    browser = client(db)
    assert "extraction.suspect" not in {row.rule for row in queue(browser)}  # info: context, not an item
    html = HTMLParser(browser.get(entry(browser, "indicators.missing_value", "xiling_2023.txt").href).text)
    row = html.css_first('#figures tr[data-path="funding.budget.total"]')
    assert "suspect" in row.attributes["class"] and row.css_first(".suspect-tag").text() == "可能误读"  # type: ignore[operator]
    assert [mark.text() for mark in html.css("#doc mark.suspect")] == ["1000万元"]
    assert "extraction.suspect" in html.css_first("#others").text()


def test_a_server_started_warm_has_the_queue_built_before_the_first_request(db: Path) -> None:
    application = create_app(db, Access(reviewer="alice"), allowed_hosts=["testserver"], warm=True)
    assert application.state.queues.documents == 0
    with TestClient(application):  # runs the startup
        application.state.warming.join(timeout=60)
        assert application.state.queues.documents == 2
