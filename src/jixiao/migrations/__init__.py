"""The store's schema, versioned: numbered SQL files per dialect (`sqlite/0001_baseline.sql`, …), applied in order.

Why our own numbered files and not alembic: the two dialects differ exactly where a schema says the most
(identity keys, binary columns, the triggers that keep review decisions append-only), so each migration is
written once per dialect as the SQL a reviewer can read and run by hand; there is no model to autogenerate
from (the store is SQL, not ORM classes), and a fifty-line runner does what we need of a migration tool.

`schema_migrations` records each version applied. Every migration runs in one transaction with the
version row, so a crash half-way leaves the store at the version before. Two processes opening a new store
at once are serialised (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: an advisory lock), and the second finds the
work done. A SQLite store written before versions existed has no `schema_migrations`: its baseline is all
`IF NOT EXISTS`, and an `ALTER TABLE … ADD COLUMN` whose column is already there is passed over, so it is
upgraded in place whatever earlier code created.
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass
from importlib.resources import files

from sqlalchemy import Connection, text

from jixiao.database import Database

_LOCK = 0x6A69_7869  # "jixi": the advisory lock key migrations take on PostgreSQL
_ADD_COLUMN = re.compile(r"^\s*ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)
_VERSIONS = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DOUBLE PRECISION NOT NULL)"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(dialect: str) -> list[Migration]:
    """The migrations of a dialect, in order (`NNNN_name.sql`)."""
    found = []
    for entry in files(__package__).joinpath(dialect).iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.removesuffix(".sql").partition("_")
            found.append(Migration(int(number), name, entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda migration: migration.version)


def latest_version(dialect: str) -> int:
    return migrations(dialect)[-1].version


def upgrade(database: Database) -> int:
    """Apply every migration the store has not had; return the schema version it is at now."""
    with database.read() as connection:
        if _applied(connection, database.dialect) >= latest_version(database.dialect):
            return latest_version(database.dialect)  # the usual case: one cheap query, no write lock
    with database.write() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        connection.exec_driver_sql(_VERSIONS)
        current = _applied(connection, database.dialect)
        for migration in migrations(database.dialect):
            if migration.version > current:
                _apply(connection, database.dialect, migration)
                connection.execute(
                    text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)"),
                    {"v": migration.version, "n": migration.name, "t": time.time()},
                )
                current = migration.version
    return current


def _applied(connection: Connection, dialect: str) -> int:
    exists = (
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        if dialect == "sqlite"
        else "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'"
    )
    if connection.exec_driver_sql(exists).first() is None:
        return 0
    return int(connection.exec_driver_sql("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").scalar_one())


def _apply(connection: Connection, dialect: str, migration: Migration) -> None:
    if dialect == "postgresql":
        connection.exec_driver_sql(migration.sql)  # psycopg runs a parameterless script whole
        return
    for statement in _sqlite_statements(migration.sql):
        added = _ADD_COLUMN.match(statement)
        if added and _has_column(connection, *added.groups()):
            continue  # an older jixiao added it already
        connection.exec_driver_sql(statement)


def _sqlite_statements(script: str) -> list[str]:
    """A script cut into statements (sqlite3 runs one per call inside a transaction; a trigger body holds `;`)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            body = "\n".join(part for part in buffer.splitlines() if not part.strip().startswith("--")).strip()
            if body:
                statements.append(body)
            buffer = ""
    return statements


def _has_column(connection: Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in connection.exec_driver_sql(f"PRAGMA table_info({table})"))


__all__ = ["Migration", "latest_version", "migrations", "upgrade"]
