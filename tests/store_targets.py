"""Stores of both dialects for the store tests: a SQLite file, and a fresh schema on the PostgreSQL server whose
URL is in JIXIAO_TEST_POSTGRES_URL (.ci/run starts a throw-away server and always sets it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

SERVER_VARIABLE = "JIXIAO_TEST_POSTGRES_URL"
NO_SERVER = f"no PostgreSQL server for the store tests: set {SERVER_VARIABLE} (.ci/run starts one and sets it)"
DIALECTS = ["sqlite", "postgresql"]
_SERVER = os.environ.get(SERVER_VARIABLE) or None  # read at import: the autouse fixture clears JIXIAO_* variables


def server_url() -> str | None:
    return _SERVER


def fresh_postgres_store() -> Iterator[str]:
    """A URL whose connections see only a new, empty schema, dropped afterwards (subprocesses can use it too)."""
    url = server_url()
    if url is None:
        pytest.skip(NO_SERVER)
    from sqlalchemy import create_engine

    from jixiao.database import _server_url

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_server_url(url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture(params=DIALECTS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """What `--db` takes, once per dialect: a SQLite path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "j.db")
    else:
        yield from fresh_postgres_store()
