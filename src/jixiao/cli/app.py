"""The typer application, the `command` decorator every command registers with, and the shared console.

Exit status, the same for every command: 0 all went well; 1 the work ran but something needs a person (a
file could not be read, or `check` found a finding at `--fail-on`); 2 nothing ran: a usage or configuration
error. `command` is the one place a `JixiaoError` becomes one `error:` line and exit 2.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
import sys
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from jixiao.cli import options
from jixiao.errors import JixiaoError
from jixiao.redaction import redact

app = typer.Typer(
    name="jixiao",
    help="绩效自评报告抽取与核查 — extract and check budget-performance self-evaluation reports.",
    no_args_is_help=True,
    add_completion=False,
)
# Tables stay readable when output is piped or captured (rich would assume 80 columns).
console = Console(width=None if sys.stdout.isatty() else 160)
errors = Console(stderr=True, soft_wrap=True)

Command = TypeVar("Command", bound=Callable[..., Any])


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escaped(text: object) -> str:
    """Text safe for a terminal: control and format characters shown as escapes, never interpreted.

    A newline in a file name would forge an `error:` line of its own; ESC sequences would recolour or
    retitle the terminal; a right-to-left override would reverse what follows.
    """
    out = []
    for char in str(text):
        if char in _NAMED:
            out.append(_NAMED[char])
        elif unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def plain(text: object) -> Text:
    """A table cell or title from untrusted text (file names, report text): no markup, escapes shown."""
    return Text(escaped(text))


def report_error(message: str) -> None:
    """One clear line on stderr: secrets masked, control characters escaped, markup off (paths with brackets)."""
    errors.print(f"error: {escaped(redact(message))}", markup=False, highlight=False)


INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C


def command(
    name: str | None = None, *, backend: bool = False, without: tuple[str, ...] = (), kept: str | None = None
) -> Callable[[Command], Command]:
    """Register a command on `app`. With `backend=True` it also takes --backend and the llm options (less those
    named in `without`, e.g. a command whose own `--config` means something else) and is called with `chosen`
    (a `jixiao.cli.options.Chosen`) built from them once. `kept` says what survives a Ctrl-C."""

    def register(function: Command) -> Command:
        signature = inspect.signature(function, eval_str=True)
        parameters = [p for p in signature.parameters.values() if p.name != "chosen"]
        added = [p for p in options.PARAMETERS if p.name not in without] if backend else []

        @functools.wraps(function)
        def run(**given: Any) -> None:
            try:
                if backend:
                    given["chosen"] = options.choose({p.name: given.pop(p.name) for p in added})
                function(**given)
            except JixiaoError as error:
                report_error(str(error))
                raise typer.Exit(2) from None
            except KeyboardInterrupt:
                errors.print(f"interrupted (Ctrl-C): {kept or 'nothing was written'}", markup=False, highlight=False)
                raise typer.Exit(INTERRUPTED) from None
            except (sqlite3.Error, SQLAlchemyError) as error:  # the store failed under us (disk full, made read-only,
                # the server went away): what it holds stays
                reason = getattr(error, "orig", None) or error
                report_error(f"the store failed: {reason}; what was stored before is kept")
                raise typer.Exit(2) from None
            except OSError as error:  # an output that cannot be written (read-only folder, full disk)
                report_error(f"{error.filename or 'output'}: cannot write: {error.strerror or error}")
                raise typer.Exit(2) from None

        run.__signature__ = signature.replace(parameters=parameters + added)  # type: ignore[attr-defined]
        app.command(name)(run)
        return function

    return register
