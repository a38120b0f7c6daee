"""Office files are ZIP archives: their declared unpacked sizes are checked before any parser reads them.

A 10 MB .docx whose `word/document.xml` unpacks to 10 GB made the loader grow past 3 GB; an .xlsx of
830 KB held 20 million tiny shared strings. Python's zipfile never inflates a member past the size its
header declares (it stops there and fails the CRC), so the declared sizes bound what a parser can be made
to read: each member, the whole archive, and the number of members are capped here, before parsing.
"""

from __future__ import annotations

import io
import re
import zipfile

from jixiao.errors import InputError

MAX_MEMBER = 64 * 1024 * 1024  # one part (document.xml, a sheet) of a report is a few MB at most
MAX_MEMBERS = 10_000  # parts in one archive; a report with its images has tens
_MB = 1 << 20  # sizes are shown in MiB, as the caps are set


def check_archive(path: object, data: bytes, *, noun: str, max_total: int) -> zipfile.ZipFile:
    """The opened archive, once its declared sizes are within the caps; InputError otherwise."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"{noun} has {len(members):,} parts (more than {MAX_MEMBERS:,}); not a single report")
    for info in members:
        if info.file_size > MAX_MEMBER:
            raise InputError(
                path,
                f"{noun} part {info.filename!r} unpacks to {info.file_size / _MB:,.0f} MB "
                f"(more than {MAX_MEMBER / _MB:.0f} MB per part; a decompression bomb?)",
            )
    total = sum(info.file_size for info in members)
    if total > max_total:
        raise InputError(path, f"{noun} too large ({total / _MB:,.0f} MB unpacked > {max_total / _MB:.0f} MB)")
    return archive


def count_elements(archive: zipfile.ZipFile, member: str, tag: bytes, *, limit: int) -> int:
    """How many `<tag …>` elements (any namespace prefix) a member holds, counting at most to `limit + 1`.

    Streamed in 1 MB pieces: the shared-strings bomb is refused without building a single string.
    """
    pattern = re.compile(rb"<(?:[\w.-]+:)?" + re.escape(tag) + rb"[\s>/]")
    count = 0
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            cut = max(0, len(data) - len(tag) - 64)  # elements starting after `cut` are counted next time
            count += sum(1 for match in pattern.finditer(data) if match.start() < cut)
            tail = data[cut:]
            if count > limit:
                return count
    return count + len(pattern.findall(tail))


__all__ = ["MAX_MEMBER", "MAX_MEMBERS", "check_archive", "count_elements"]
