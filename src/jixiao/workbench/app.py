"""The review workbench: a FastAPI app over a store, pages rendered on the server with jinja2.

Each request opens the store for itself (SQLite connections stay in their thread) and reads the decisions
beside it. Pages escape everything they print (report text is untrusted input, autoescape is on); the
little script there is lives in static/workbench.js, the only script the Content-Security-Policy allows.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from jixiao.checks import run_checks
from jixiao.model import STATUS_ZH
from jixiao.review.corrections import figure_slots
from jixiao.review.decisions import DISMISS_REASONS_ZH, DecisionConflict, DecisionDraft, DecisionLog
from jixiao.review.states import STATE_ZH, Checker, DocumentReview
from jixiao.review.tables import SEVERITY_ZH
from jixiao.store import Store
from jixiao.workbench import pages
from jixiao.workbench.access import Access
from jixiao.workbench.actions import CorrectionForm, FormError, correction_drafts, decision_draft
from jixiao.workbench.queue import PAGE_SIZE, Queue, QueueBuilder, QueueFilter, review_of
from jixiao.workbench.security import SecurityHeaders, check_csrf, csrf_token, local_path

STATIC = Path(__file__).with_name("static")
SESSION_HOURS = 12


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("jixiao.workbench", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    environment.globals.update(
        severity_zh=SEVERITY_ZH, state_zh=STATE_ZH, status_zh=STATUS_ZH, reasons_zh=DISMISS_REASONS_ZH, quote=quote
    )
    environment.filters["filename"] = lambda path: PurePath(path).name
    environment.filters["number"] = lambda value: "—" if value is None else f"{value:,.4f}".rstrip("0").rstrip(".")
    return environment


class SignInRequired(Exception):
    """Raised by a route when nobody is signed in; answered with a redirect to the sign-in page."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


@dataclass
class Workbench:
    """What every route needs: where the store is, who may come in, how to render and to check."""

    db: str | Path
    access: Access
    environment: Environment
    checker: Checker
    queues: QueueBuilder

    @contextmanager
    def open(self) -> Iterator[tuple[Store, DecisionLog]]:
        with Store(self.db) as store:
            yield store, DecisionLog(store.database)

    def queue(self, store: Store, log: DecisionLog) -> Queue:
        return self.queues.build(store, log)

    def warm(self) -> None:
        try:
            with self.open() as (store, log):
                self.queue(store, log)
        except Exception:  # a warm-up only: the first request builds the queue again and shows what went wrong
            return

    def page(self, request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = self.environment.get_template(template).render(
            reviewer=self.reviewer(request), csrf=csrf_token(request), access=self.access, **context
        )
        return HTMLResponse(html, status_code=status_code)

    def form_error(self, request: Request, error: Exception, back_url: str) -> HTMLResponse:
        """A form that cannot be taken: its reason, and the way back to the item (400)."""
        return self.page(request, "error.html.j2", status_code=400, message=str(error), back_url=back_url)

    def reviewer(self, request: Request) -> str | None:
        if self.access.signs_in:
            name = request.session.get("reviewer")
            return name if isinstance(name, str) and name else None
        return self.access.reviewer

    def require(self, request: Request) -> str:
        name = self.reviewer(request)
        if name is None:
            raise SignInRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return name

    def document(self, store: Store, log: DecisionLog, extraction_id: int) -> DocumentReview:
        result = store.result(extraction_id)
        if result is None:
            raise HTTPException(status_code=404, detail=f"no stored report {extraction_id} (the batch may have re-run)")
        decisions = log.for_document(result.document.sha256, result.extractor)
        return review_of(store, result, decisions, self.checker)


def _filter_back(raw: str) -> QueueFilter:
    return QueueFilter.of(dict(parse_qsl(raw)))


def _item_url(extraction_id: int, key: str, wanted: QueueFilter, **extra: int) -> str:
    query = "&".join([f"key={quote(key, safe='')}", *(f"{k}={v}" for k, v in extra.items())])
    back = wanted.query()
    return f"/item/{extraction_id}?{query}" + (f"&{back}" if back else "")


def create_app(
    db: str | Path,
    access: Access,
    *,
    allowed_hosts: list[str] | None = None,
    secret_key: str | None = None,
    checker: Checker = run_checks,
    warm: bool = False,
) -> FastAPI:
    """The workbench over the store at `db`. Sessions last until the server stops unless `secret_key` is kept.

    With `warm`, the queue is built in a background thread as the server starts: on a store of thousands of
    reports the first build parses every report (seconds), which the first reviewer should not wait for.
    """
    bench = Workbench(db=db, access=access, environment=_environment(), checker=checker, queues=QueueBuilder(checker))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm:
            app.state.warming = threading.Thread(target=bench.warm, name="jixiao-queue-warm", daemon=True)
            app.state.warming.start()
        yield

    app = FastAPI(title="jixiao review workbench", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.queues = bench.queues
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret_key or secrets.token_urlsafe(32),
        session_cookie="jixiao_session",
        max_age=SESSION_HOURS * 3600,
        same_site="strict",
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["127.0.0.1", "localhost", "[::1]"])
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(SignInRequired)
    def sign_in(request: Request, error: SignInRequired) -> RedirectResponse:
        return RedirectResponse(f"/login?next={quote(local_path(error.target), safe='')}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> HTMLResponse:
        return bench.page(
            request, "error.html.j2", status_code=error.status_code, message=str(error.detail), back_url="/queue"
        )

    _login_routes(app, bench)
    _queue_routes(app, bench)
    _decision_routes(app, bench)
    return app


def _login_routes(app: FastAPI, bench: Workbench) -> None:
    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/queue", status_code=303)

    @app.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: str = "/queue") -> HTMLResponse:
        return bench.page(request, "login.html.j2", next=local_path(next), failed=False)

    @app.post("/login", response_model=None)
    def login(
        request: Request,
        name: Annotated[str, Form()] = "",
        secret: Annotated[str, Form()] = "",
        csrf: Annotated[str, Form()] = "",
        next: Annotated[str, Form()] = "/queue",
    ) -> Response:
        check_csrf(request, csrf)
        if not bench.access.signs_in:
            return RedirectResponse(local_path(next), status_code=303)
        if not bench.access.verify(name.strip(), secret):
            return bench.page(request, "login.html.j2", status_code=401, next=local_path(next), failed=True)
        request.session.clear()  # a fresh session (and CSRF token) on every sign-in
        request.session["reviewer"] = name.strip()
        return RedirectResponse(local_path(next), status_code=303)

    @app.post("/logout")
    def logout(request: Request, csrf: Annotated[str, Form()] = "") -> RedirectResponse:
        check_csrf(request, csrf)
        request.session.clear()
        return RedirectResponse("/login", status_code=303)


def _queue_routes(app: FastAPI, bench: Workbench) -> None:
    @app.get("/queue", response_class=HTMLResponse)
    def queue_page(request: Request, page: int = 1) -> HTMLResponse:
        bench.require(request)
        wanted = QueueFilter.of(dict(request.query_params))
        with bench.open() as (store, log):
            queue = bench.queue(store, log)
        rows = queue.filtered(wanted)
        page = max(1, page)
        shown = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return bench.page(
            request,
            "queue.html.j2",
            queue=queue,
            rows=shown,
            total=len(rows),
            page=page,
            pages=max(1, -(-len(rows) // PAGE_SIZE)),
            wanted=wanted,
            counts=queue.state_counts(wanted),
            item_url=lambda row: _item_url(row.extraction_id, row.key, wanted),
        )

    @app.get("/item/{extraction_id}", response_class=HTMLResponse)
    def item_page(request: Request, extraction_id: int, key: str, since: int = 0, done: int = 0) -> HTMLResponse:
        bench.require(request)
        wanted = QueueFilter.of(dict(request.query_params))
        with bench.open() as (store, log):
            review = bench.document(store, log, extraction_id)
            item = review.item(key)
            if item is None:
                raise HTTPException(status_code=404, detail="this finding is not raised on this document")
            queue = bench.queue(store, log)
            stale_here = [
                d for d in queue.stale if d.document_path == review.result.document.path
            ] + review.corrected.stale
        previous, following = queue.neighbours(extraction_id, key, wanted)
        return bench.page(
            request,
            "item.html.j2",
            review=review,
            item=item,
            wanted=wanted,
            back=wanted.query(),
            previous_url=_item_url(previous.extraction_id, previous.key, wanted) if previous else None,
            next_url=_item_url(following.extraction_id, following.key, wanted) if following else None,
            segments=pages.page_segments(review, item),
            figures=pages.figure_rows(review, item),
            slots=list(figure_slots(review.report)),
            others=pages.other_findings(review, item),
            history=pages.history(review, key),
            stale=stale_here,
            changes=pages.changes_since(review, since, bench.checker) if since else None,
            done=done,
            status=pages.status_of(review),
            seen_item=review.latest_id(key),
            seen_corrections=review.latest_correction_id,
        )


def _decision_routes(app: FastAPI, bench: Workbench) -> None:
    def record(
        request: Request,
        extraction_id: int,
        drafts: list[DecisionDraft],
        seen: tuple[int | None, int | None],
        submitted: dict[str, str],
    ) -> list[int] | HTMLResponse:
        with bench.open() as (_, log):
            try:
                recorded = log.record(drafts, seen_item=seen[0], seen_corrections=seen[1])
            except DecisionConflict as conflict:
                return bench.page(
                    request,
                    "conflict.html.j2",
                    status_code=409,
                    winner=conflict.winner,
                    submitted=submitted,
                    action_url=str(request.url.path),
                    seen_item=conflict.winner.id if seen[0] is not None else None,
                    seen_corrections=max(conflict.winner.id, seen[1] or 0) if seen[1] is not None else None,
                    item_url=_item_url(
                        extraction_id, submitted.get("key", ""), _filter_back(submitted.get("back", ""))
                    ),
                )
        return [decision.id for decision in recorded]

    @app.post("/item/{extraction_id}/decide", response_model=None)
    def decide(
        request: Request,
        extraction_id: int,
        key: Annotated[str, Form()],
        action: Annotated[str, Form()],
        csrf: Annotated[str, Form()] = "",
        reason: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
        seen_item: Annotated[int, Form()] = 0,
        back: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(request, csrf)
        reviewer = bench.require(request)
        with bench.open() as (store, log):
            review = bench.document(store, log, extraction_id)
        try:
            draft = decision_draft(review, key, reviewer, action, reason, note)
        except FormError as error:
            return bench.form_error(request, error, _item_url(extraction_id, key, _filter_back(back)))
        submitted = {"key": key, "action": action, "reason": reason, "note": note, "back": back}
        ids = record(request, extraction_id, [draft], (seen_item, None), submitted)
        if isinstance(ids, HTMLResponse):
            return ids
        return RedirectResponse(_item_url(extraction_id, key, _filter_back(back), done=ids[0]), status_code=303)

    @app.post("/item/{extraction_id}/correct", response_model=None)
    def correct(
        request: Request,
        extraction_id: int,
        key: Annotated[str, Form()],
        kind: Annotated[str, Form()],
        path: Annotated[str, Form()],
        csrf: Annotated[str, Form()] = "",
        new_path: Annotated[str, Form()] = "",
        text: Annotated[str, Form()] = "",
        value: Annotated[str, Form()] = "",
        unit: Annotated[str, Form()] = "",
        start: Annotated[str, Form()] = "",
        end: Annotated[str, Form()] = "",
        note: Annotated[str, Form()] = "",
        seen_item: Annotated[int, Form()] = 0,
        seen_corrections: Annotated[int, Form()] = 0,
        back: Annotated[str, Form()] = "",
    ) -> Response:
        check_csrf(request, csrf)
        reviewer = bench.require(request)
        form = CorrectionForm(
            kind=kind, path=path, new_path=new_path, text=text, value=value, unit=unit, start=start, end=end, note=note
        )
        with bench.open() as (store, log):
            review = bench.document(store, log, extraction_id)
        try:
            drafts = correction_drafts(review, key, reviewer, form)
        except FormError as error:
            return bench.form_error(request, error, _item_url(extraction_id, key, _filter_back(back)))
        submitted = {"key": key, "back": back, **{name: getattr(form, name) for name in form.__dataclass_fields__}}
        ids = record(request, extraction_id, drafts, (seen_item, seen_corrections), submitted)
        if isinstance(ids, HTMLResponse):
            return ids
        return RedirectResponse(_item_url(extraction_id, key, _filter_back(back), since=ids[0]), status_code=303)
