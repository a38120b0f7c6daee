"""The typer application and the console helpers every command shares."""

from __future__ import annotations

import sys
import unicodedata

import typer
from rich.console import Console
from rich.text import Text

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


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(text: object) -> str:
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
    return Text(shown(text))


def report_error(message: str) -> None:
    """One clear line on stderr: secrets masked, control characters escaped, markup off (paths with brackets)."""
    errors.print(f"error: {shown(redact(message))}", markup=False, highlight=False)
