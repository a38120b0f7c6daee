"""Hostile and broken inputs, built small, and a way to run jixiao and watch what it costs.

Each builder writes a file of a few KB to a few MB that would cost a naive reader gigabytes or minutes (the
cases of issue 17). `run_jixiao` runs the real command in a session of its own and reports its exit status,
output, wall time, peak memory (the largest process of the run, workers of the fork server included: the
measuring process is their subreaper) and which processes of that session are still alive afterwards.
Used by tests/test_hostile_*.py and by benchmarks/hostile_bench.py.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def slow_report(path: Path, indicators: int = 10_000) -> Path:
    """A plain-text report of 700 KB listing 10,000 indicators: its extraction takes 20+ s (the rules' coverage
    pass pairs every figure with every span), so a cap of a few seconds ends it. 3,000 indicators read in 3-5 s,
    too close to the tests' 4 s cap: the tests flaked on a quiet machine."""
    lines = [
        f"指标{i}：指标值≥{100 + i % 900}人，实际完成{99 + i % 901}人，完成率{50 + i % 50}%。"
        for i in range(indicators)
    ]
    path.write_text("某县2024年度就业补助资金绩效自评报告\n" + "\n".join(lines), encoding="utf-8")
    return path


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def docx_with(path: Path, document_xml: bytes) -> Path:
    """A real .docx whose word/document.xml is `document_xml`."""
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
import ctypes, os, resource, subprocess, sys, time
# A subreaper: processes the run leaves orphaned (workers of a fork server) are reparented to us and their
# memory is counted when we reap them, below.
ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
started = time.perf_counter()
result = subprocess.run(sys.argv[2:], capture_output=True)
seconds = time.perf_counter() - started
deadline = time.monotonic() + 5
while time.monotonic() < deadline:
    try:
        pid, _ = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        break
    if pid == 0:
        time.sleep(0.05)
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
