"""Hostile and broken inputs, built small by the tests themselves, and a way to run jixiao and watch it.

Each builder writes a file of a few KB to a few hundred KB that would cost a naive reader gigabytes or
minutes. `run_jixiao` runs the real command in its own session and reports its exit status, output, peak
memory (the largest process of the run, workers included) and whether any process of that session is
still alive afterwards.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
GOOD_REPORT = Path(__file__).parent / "data" / "short_report.txt"
WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# --- files --------------------------------------------------------------------------------------------


def good_reports(folder: Path, count: int = 2) -> list[Path]:
    """Ordinary reports that must still be read beside the hostile ones."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"good_{number}.txt"
        path.write_text(GOOD_REPORT.read_text(encoding="utf-8").replace("某县", f"第{number}县"), encoding="utf-8")
        paths.append(path)
    return paths


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def docx_with(path: Path, document_xml: bytes, *, stored_size: int | None = None) -> Path:
    """A real .docx whose word/document.xml is `document_xml` (declared as `stored_size` bytes if given)."""
    template = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in template.infolist():
            if info.filename == "word/document.xml":
                archive.writestr(info.filename, document_xml)
            else:
                archive.writestr(info.filename, template.read(info))
    path.write_bytes(buffer.getvalue())
    return path


def word_body(inner: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {WORD}><w:body>{inner}</w:body></w:document>'.encode()


def zero_bomb_docx(path: Path, unpacked_mb: int) -> Path:
    """A .docx whose document.xml really inflates to `unpacked_mb` MB of zeros (about 1000:1 on disk)."""
    template = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in template.infolist():
            if info.filename != "word/document.xml":
                archive.writestr(info.filename, template.read(info))
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(unpacked_mb):
                member.write(block)
    path.write_bytes(buffer.getvalue())
    return path


def billion_laughs_docx(path: Path) -> Path:
    entities = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]><w:document {WORD}><w:body>'
        "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return docx_with(path, xml.encode())


def long_vertical_merge_docx(path: Path, rows: int) -> Path:
    """A table whose first column is one cell merged down `rows` rows (python-docx walks it quadratically)."""
    first = '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc>'
    first += "<w:tc><w:p><w:r><w:t>数量指标</w:t></w:r></w:p></w:tc></w:tr>"
    row = (
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>人数</w:t></w:r></w:p></w:tc></w:tr>"
    )
    grid = '<w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>'
    body = f"<w:p><w:r><w:t>绩效自评表</w:t></w:r></w:p><w:tbl>{grid}{first}{row * rows}</w:tbl>"
    return docx_with(path, word_body(body))


def shared_strings_xlsx(path: Path, strings: int) -> Path:
    """An .xlsx of a few hundred KB whose shared-strings table holds `strings` one-letter strings."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
        ),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            chunk = b"<si><t>a</t></si>" * 10_000
            for _ in range(strings // 10_000):
                member.write(chunk)
            member.write(b"</sst>")
    path.write_bytes(buffer.getvalue())
    return path


def nested_html(path: Path, depth: int) -> Path:
    path.write_text(f"<html><body>{'<div>' * depth}执行率95%{'</div>' * depth}</body></html>", encoding="utf-8")
    return path


def stray_closing_html(path: Path, open_tags: int, stray: int) -> Path:
    path.write_text(f"<html><body>{'<b>' * open_tags}报告{'</div>' * stray}</body></html>", encoding="utf-8")
    return path


def spanning_html(path: Path, cells: int, rows: int) -> Path:
    """One row of `cells` cells each spanning 100 rows, then `rows` rows: a small page, a huge grid."""
    row = '<td rowspan="100" colspan="3">x</td>' * cells
    path.write_text(
        f"<html><body><table><tr>{row}</tr>{'<tr><td>a</td><td>b</td></tr>' * rows}</table></body></html>",
        encoding="utf-8",
    )
    return path


def deflated_spaces(megabytes: int) -> bytes:
    """A zlib stream of `megabytes` MB of spaces, built in milliseconds: one fully flushed 1 MB block
    repeated (each such block stands alone), a final empty block, and the checksum of the whole."""
    block = b" " * (1 << 20)
    compressor = zlib.compressobj(9)
    head = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    header, body = head[:2], head[2:]
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(block, checksum)
    return header + body * megabytes + b"\x03\x00" + checksum.to_bytes(4, "big")


def flate_bomb_pdf(path: Path, unpacked_mb: int) -> Path:
    """A one-page PDF whose content stream inflates to `unpacked_mb` MB (a few KB per 100 MB on disk)."""
    stream = deflated_spaces(unpacked_mb)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    path.write_bytes(out.getvalue())
    return path


# --- running jixiao -----------------------------------------------------------------------------------

_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
result = subprocess.run(sys.argv[2:], capture_output=True)
seconds = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stdout.buffer.write(result.stdout)
sys.stderr.buffer.write(result.stderr)
open(sys.argv[1], "w").write(f"{result.returncode} {peak_kb} {seconds}")
"""


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float  # the largest resident size any process of the run reached (RUSAGE_CHILDREN)
    seconds: float
    left_running: list[str]  # command lines of processes of the run still alive afterwards

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("error: ")]


def jixiao_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "OPENAI_"))}
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_jixiao(
    *args: str, cwd: Path, timeout: float = 120, env: dict[str, str] | None = None, plain_user: bool = False
) -> Ran:
    """Run `python -m jixiao ARGS` in a session of its own; measure it; list what of it is left running.

    `plain_user` drops root's power to read any file (so an unreadable file is unreadable here too).
    """
    report = cwd / f".measure-{time.monotonic_ns()}"
    command = [sys.executable, "-c", _MEASURE, str(report), *as_plain_user(plain_user), sys.executable, "-m", "jixiao"]
    process = subprocess.Popen(
        [*command, *args],
        cwd=cwd,
        env=env or jixiao_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise AssertionError(f"jixiao {' '.join(args)} still running after {timeout} s") from None
    returncode, peak_kb, seconds = report.read_text(encoding="utf-8").split()
    report.unlink()
    left = session_processes(process.pid)
    return Ran(
        returncode=int(returncode),
        stdout=stdout.decode("utf-8", errors="replace"),
        stderr=stderr.decode("utf-8", errors="replace"),
        peak_mb=int(peak_kb) / 1024,
        seconds=float(seconds),
        left_running=left,
    )


def as_plain_user(wanted: bool) -> list[str]:
    """A prefix that runs the command without root's override of file permissions (when we are root)."""
    if not wanted or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return []
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}"]


def session_processes(session: int, *, grace: float = 3.0) -> list[str]:
    """Command lines of live processes in `session`, after giving exiting ones `grace` seconds to go."""
    deadline = time.monotonic() + grace
    while True:
        alive = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
                fields = stat[stat.rindex(")") + 2 :].split()
                if fields[0] != "Z" and int(fields[3]) == session:
                    alive.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
            except (OSError, ValueError, IndexError):
                continue
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def stored(db: Path) -> dict[str, list[str]]:
    """What a store holds: the paths done and the failures with their reasons."""
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        done = [row[0] for row in connection.execute("SELECT path FROM documents ORDER BY path")]
        failed = [f"{p}: {r}" for p, r in connection.execute("SELECT path, reason FROM failures ORDER BY path")]
    finally:
        connection.close()
    return {"done": done, "failed": failed}


def report_json(path: Path) -> dict[str, object]:
    return json.loads(path.read_text(encoding="utf-8"))


# --- a hostile model service --------------------------------------------------------------------------


@dataclass
class Service:
    """A local HTTP service standing in for a model provider; `behave(handler)` answers each request."""

    url: str
    requests: list[dict[str, object]]


@contextmanager
def model_service(behave: Callable[[BaseHTTPRequestHandler, bytes], None]) -> Iterator[Service]:
    """Serve on 127.0.0.1 with a free port; every POST body is read, recorded, and answered by `behave`."""
    requests: list[dict[str, object]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            requests.append({"path": self.path, "headers": dict(self.headers), "size": len(body)})
            try:
                behave(self, body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Service(url=f"http://127.0.0.1:{server.server_address[1]}/v1", requests=requests)
    finally:
        server.shutdown()
        server.server_close()


def answer(handler: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str = "application/json") -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
