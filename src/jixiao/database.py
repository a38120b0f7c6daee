"""Where a store lives: an embedded SQLite file (the default) or a shared PostgreSQL server, one interface.

Why SQLAlchemy Core (over psycopg 3 alone): the store's SQL is the same on both dialects once placeholders,
`RETURNING`, binary columns and pooling are taken care of, and that is exactly what Core's `text()` with named
parameters and its engines do; with psycopg alone we would hand-write a second driver layer for sqlite3
(placeholder styles, `lastrowid`, blobs, transactions) and keep the two in step. No ORM: every statement is
plain SQL the reader can run in `sqlite3` or `psql`. PostgreSQL is reached through psycopg 3.

Transactions are explicit and short. `write()` is one transaction: on SQLite it starts with `BEGIN IMMEDIATE`,
so a check-then-write (a reviewer's decision, a claim) never interleaves with another writer; on PostgreSQL it
runs under READ COMMITTED and rows are locked where it matters (`FOR UPDATE SKIP LOCKED` in `jixiao.claims`).
`read()` is a snapshot for as long as its block runs (WAL lets a SQLite reader look while a run writes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError

from jixiao.errors import ConfigError

POSTGRESQL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_url(target: str | Path) -> bool:
    """A `--db` value that names a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(POSTGRESQL_SCHEMES)


def display_name(target: str | Path) -> str:
    """What a message may print of a store: the path, or the URL with its password hidden."""
    if not is_server_url(target):
        return str(target)
    try:
        return make_url(str(target)).render_as_string(hide_password=True)
    except ArgumentError:
        return "postgresql://…"


def _server_url(target: str) -> URL:
    url = make_url(target.replace("postgres://", "postgresql://", 1))
    return url.set(drivername="postgresql+psycopg")  # psycopg 3, whatever driver the URL names


class Database:
    """A store's engine: `read()` and `write()` hand out connections; `rows`/`execute` for one statement."""

    def __init__(self, target: str | Path) -> None:
        self.name = display_name(target)
        if is_server_url(target):
            self.dialect = "postgresql"
            self.engine = self._server(str(target))
        else:
            self.dialect = "sqlite"
            self.path = Path(target)
            self.engine = self._embedded(self.path)
        self._writer = self.engine.execution_options(jixiao_write=True)
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except SQLAlchemyError as error:
            self.engine.dispose()
            raise ConfigError(f"{self.name}: cannot open the store: {self.problem(error)}") from None

    def _server(self, target: str) -> Engine:
        try:
            url = _server_url(target)
        except ArgumentError as error:
            raise ConfigError(f"{display_name(target)}: not a PostgreSQL URL: {error}") from None
        try:
            # pre-ping: a run lasts hours, and a server restarted under it should cost a reconnect, not the run
            return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4)
        except ModuleNotFoundError:
            raise ConfigError(
                f"{display_name(target)}: a PostgreSQL store needs psycopg: pip install 'jixiao[postgresql]'"
            ) from None

    @staticmethod
    def _embedded(path: Path) -> Engine:
        engine = create_engine(
            URL.create("sqlite", database=str(path)),
            connect_args={"timeout": 30, "check_same_thread": False},
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
            # In WAL mode NORMAL keeps every committed transaction across a process crash (kill -9);
            # only a power loss can lose the last ones. FULL would fsync each report for nothing here.
            for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
                dbapi_connection.execute(f"PRAGMA {pragma}")

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            # IMMEDIATE takes the write lock up front: a read-then-write never fails half-way on a busy store
            write = connection.get_execution_options().get("jixiao_write", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction, committed at the end of the block, rolled back on any error."""
        with self._writer.begin() as connection:
            yield connection

    def rows(self, sql: str, /, **parameters: Any) -> list[tuple[Any, ...]]:
        with self.read() as connection:
            return [tuple(row) for row in connection.execute(text(sql), parameters)]

    def execute(self, sql: str, /, **parameters: Any) -> None:
        with self.write() as connection:
            connection.execute(text(sql), parameters)

    def execute_many(self, sql: str, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            with self.write() as connection:
                connection.execute(text(sql), list(rows))

    def dispose(self) -> None:
        self.engine.dispose()

    def problem(self, error: Exception) -> str:
        """The driver's reason in words a user can act on (never the password: psycopg does not echo it)."""
        original = error.orig if isinstance(error, DBAPIError) else error
        message = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
        if self.dialect == "postgresql":
            return message
        if not self.path.parent.is_dir():
            return f"no such folder {self.path.parent}"
        if "readonly" in message or "read-only" in message:
            return "the store (or its folder) is read-only"
        if "not a database" in message:
            return "the file is not a jixiao store (not an SQLite database)"
        return message


__all__ = ["Database", "display_name", "is_server_url"]
