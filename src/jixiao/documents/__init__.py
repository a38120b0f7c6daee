"""Documents: load a report file of any supported format into normalized text with positions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.documents.document import Document
from jixiao.documents.docx import load_doc, load_docx
from jixiao.documents.html import load_html
from jixiao.documents.layout import TableCell, TableLayout
from jixiao.documents.magic import sniff
from jixiao.documents.pdf import load_pdf
from jixiao.documents.text import load_text
from jixiao.documents.xls import load_xls
from jixiao.documents.xlsx import load_xlsx
from jixiao.errors import InputError

Loader = Callable[[Path], Document]

LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".md": load_text,
    ".text": load_text,
    ".docx": load_docx,
    ".doc": load_doc,
    ".xlsx": load_xlsx,
    ".xlsm": load_xlsx,
    ".xls": load_xls,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
}


# Office files are often not what their name says: "Excel" exports that are HTML tables, .xlsx files under
# .xls names, Word's "save as web page" under .doc. Within a family the content picks the loader.
_FAMILY = {".xls": "sheet", ".xlsx": "sheet", ".xlsm": "sheet", ".doc": "word", ".docx": "word"}
_BY_CONTENT: dict[tuple[str, str | None], Loader] = {
    ("sheet", "zip"): load_xlsx,
    ("sheet", "ole"): load_xls,
    ("sheet", "html"): load_html,
    ("word", "zip"): load_docx,
    ("word", "html"): load_html,
}
_SNIFF_BYTES = 1024


def load_document(path: str | Path) -> Document:
    """Load one report file; raise InputError naming the file and the reason when it cannot be read.

    Whatever a parser raises on a broken or hostile file (lxml on an entity bomb, a PermissionError, a
    MemoryError under the worker's cap, a library bug) becomes that file's InputError: no input may stop a
    batch with a traceback.
    """
    path = Path(path)
    try:
        return _load(path)
    except InputError:
        raise
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None
    except MemoryError:
        raise InputError(path, "needs more memory than a report may (a decompression bomb?)") from None
    except RecursionError:
        raise InputError(path, "nested too deeply to read (a hostile or broken file?)") from None
    except Exception as error:
        raise InputError(path, f"cannot read this file ({type(error).__name__}: {_first_line(error)})") from None


def _load(path: Path) -> Document:
    if not path.is_file():
        raise InputError(path, "no such file")
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        supported = ", ".join(sorted(LOADERS))
        raise InputError(path, f"unsupported format '{path.suffix or '(none)'}' (supported: {supported})")
    if suffix in _FAMILY:
        with path.open("rb") as handle:
            kind = sniff(handle.read(_SNIFF_BYTES))
        loader = _BY_CONTENT.get((_FAMILY[suffix], kind), loader)
    return loader(path)


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0][:300] if lines else "no message"


__all__ = ["LOADERS", "Document", "TableCell", "TableLayout", "load_document"]
