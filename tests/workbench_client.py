"""Driving the workbench over HTTP in tests: its pages parsed, its forms filled and posted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from starlette.testclient import TestClient

from jixiao.workbench import Access, create_app

HOSTILE = {
    "hostile_2024.txt": (
        "2024年某县<script>document.title='pwned'</script>就业补助资金绩效自评报告\n\n二、绩效指标完成情况\n"
        '"><img src=x onerror="document.title=\'pwned\'">培训人数：年度指标值为≥200人，实际完成210人，完成率110%。\n'
    )
}


@dataclass(frozen=True)
class QueueEntry:
    href: str
    rule: str
    state: str
    path: str
    severity: str


def client(db: Path, access: Access | None = None) -> TestClient:
    app = create_app(db, access or Access(reviewer="alice"), allowed_hosts=["testserver"])
    return TestClient(app, follow_redirects=True)


def queue(browser: TestClient, query: str = "") -> list[QueueEntry]:
    page = browser.get(f"/queue?{query}")
    assert page.status_code == 200, page.text
    entries = []
    for row in HTMLParser(page.text).css("#queue tr.row"):
        entries.append(
            QueueEntry(
                href=row.attributes["data-href"] or "",
                rule=row.css_first(".rule").text(),
                state=row.attributes["data-state"] or "",
                path=row.css_first(".path").text(),
                severity=row.css_first(".badge").attributes["class"].split()[-1],  # type: ignore[union-attr]
            )
        )
    return entries


def entry(browser: TestClient, rule: str, document: str) -> QueueEntry:
    return next(e for e in queue(browser) if e.rule == rule and e.path.endswith(document))


def form_fields(html: str, form_id: str) -> dict[str, str]:
    """The values a browser would send for a form: hidden and text inputs (no radio or select picked)."""
    form = HTMLParser(html).css_first(f"#{form_id}")
    assert form is not None, f"no form #{form_id}"
    fields = {}
    for field in form.css("input"):
        name = field.attributes.get("name")
        if name and field.attributes.get("type") not in ("radio", "checkbox"):
            fields[name] = field.attributes.get("value") or ""
    return fields


def edit_form(html: str, path: str) -> dict[str, str]:
    """The edit form of the figure at `path` on an item page."""
    row = HTMLParser(html).css_first(f'#figures tr[data-path="{path}"] form.edit-form')
    assert row is not None, f"no figure {path} on the page"
    return {f.attributes["name"]: f.attributes.get("value") or "" for f in row.css("input") if f.attributes.get("name")}  # type: ignore[misc]


def post(browser: TestClient, html: str, form_id: str, **values: str) -> tuple[int, str]:
    form = HTMLParser(html).css_first(f"#{form_id}")
    assert form is not None
    response = browser.post(form.attributes["action"] or "", data={**form_fields(html, form_id), **values})
    return response.status_code, response.text
