"""Sessions, CSRF tokens and response headers: what keeps a shared workbench safe to open in a browser.

Every form carries the session's CSRF token and every POST is refused without it; the session cookie is
signed (itsdangerous, through Starlette's SessionMiddleware) and SameSite=Strict. The Content-Security-Policy
allows only our own script and style files, so even text that slipped past escaping could not run.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

CSRF_FIELD = "csrf"
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def csrf_token(request: Request) -> str:
    """The session's token, made on first use (the login page makes it before anyone signs in)."""
    token = request.session.get(CSRF_FIELD)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


def check_csrf(request: Request, posted: str) -> None:
    expected = request.session.get(CSRF_FIELD)
    if not isinstance(expected, str) or not expected or not hmac.compare_digest(expected, posted or ""):
        raise HTTPException(status_code=403, detail="the form is out of date or not ours (CSRF token); reload the page")


def local_path(target: str, default: str = "/queue") -> str:
    """A redirect target inside this site only (no scheme, no host, no `//host`)."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target
