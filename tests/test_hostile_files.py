"""Broken and hostile files: each fails alone with one clear line, quickly and in little memory; the rest is read."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import hostile
from hostile import good_reports, run_jixiao, stored
from jixiao.documents import load_document
from jixiao.errors import InputError

# name -> (builder, what the error says). Each file is at most a few hundred KB on disk.
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zip_bomb.docx": (lambda p: hostile.zero_bomb_docx(p, 80), r"part 'word/document\.xml' unpacks to 80 MB"),
    "billion_laughs.docx": (hostile.billion_laughs_docx, r"broken or hostile XML\): Maximum entity amplification"),
    "shared_strings.xlsx": (
        lambda p: hostile.shared_strings_xlsx(p, 1_000_000),
        r"more shared strings than a report has cells",
    ),
    "nested.html": (lambda p: hostile.nested_html(p, 100_000), r"HTML nested too deeply .* 100,00\d deep"),
    "stray_closing.html": (lambda p: hostile.stray_closing_html(p, 5_000, 60_000), r"HTML nested too deeply"),
    "spans.html": (lambda p: hostile.spanning_html(p, 3_000, 100), r"tables with more than 300,000 cells"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_file_is_refused_with_its_reason(tmp_path: Path, name: str) -> None:
    build, reason = CASES[name]
    path = build(tmp_path / name)
    assert path.stat().st_size < 1_200_000
    started = time.perf_counter()
    with pytest.raises(InputError, match=reason) as raised:
        load_document(path)
    assert raised.value.path == str(path)
    assert time.perf_counter() - started < 30  # a hang guard, not a benchmark: these took minutes before


def test_a_long_vertical_merge_is_read_in_one_pass(tmp_path: Path) -> None:
    """3,000 rows under one merged cell: python-docx's walk took minutes, then hit the recursion limit."""
    document = load_document(hostile.long_vertical_merge_docx(tmp_path / "merge.docx", 3_000))
    lines = document.text.splitlines()
    assert lines[1] == "产出指标 | 数量指标" and lines[-1] == "产出指标 | 人数" and len(lines) == 3_002


@pytest.mark.parametrize(
    "command",
    [["run", "reports", "--db", "j.db"], ["extract", "reports", "--out", "out"], ["check", "reports"]],
    ids=["run", "extract", "check"],
)
def test_a_batch_of_hostile_files_fails_each_alone_and_the_good_ones_are_read(
    tmp_path: Path, command: list[str]
) -> None:
    """Every command that reads files: the bombs took `extract` to 3+ GB and a traceback, lxml's error on the
    entity bomb stopped `extract` and `check`, and `run` lost the batch to a worker killed for memory."""
    folder = tmp_path / "reports"
    good = good_reports(folder, count=2)
    for name, (build, _) in CASES.items():
        build(folder / name)
    ran = run_jixiao(*command, cwd=tmp_path, timeout=300)
    assert ran.returncode == 1, ran.stderr
    assert "Traceback" not in ran.stderr
    assert sorted(line.split(": ")[1].rsplit("/", 1)[-1] for line in ran.error_lines) == sorted(CASES)
    if command[0] == "run":
        assert stored(tmp_path / "j.db")["done"] == [str(path) for path in good]
        assert sorted(line.split(": ")[0].rsplit("/", 1)[-1] for line in stored(tmp_path / "j.db")["failed"]) == sorted(
            CASES
        )
    elif command[0] == "extract":
        assert sorted(path.name for path in (tmp_path / "out").glob("*.json")) == ["good_0.json", "good_1.json"]
    else:
        assert all(f"{path.relative_to(tmp_path)}: 0 errors" in ran.stdout for path in good), ran.stdout
    assert ran.peak_mb < 600, f"peak {ran.peak_mb:.0f} MB"
    assert ran.left_running == []


def test_an_unreadable_file_is_one_error_and_the_files_after_it_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    good = good_reports(folder, count=3)
    good[1].chmod(0)
    os.chmod(tmp_path, 0o777)  # the runs below do not have root's override of file permissions
    for command in (["extract", "reports", "--out", "out"], ["check", "reports"], ["run", "reports", "--db", "j.db"]):
        ran = run_jixiao(*command, cwd=tmp_path, plain_user=True)
        assert ran.returncode in (1, 2), ran.stderr
        assert len(ran.error_lines) == 1, (command, ran.stderr)
        assert ran.error_lines[0].endswith("reports/good_1.txt: cannot read: Permission denied"), ran.stderr
        assert "Traceback" not in ran.stderr
    assert sorted(path.name for path in (tmp_path / "out").glob("*.json")) == ["good_0.json", "good_2.json"]
    assert stored(tmp_path / "j.db")["done"] == [str(good[0]), str(good[2])]


def test_a_store_in_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports", count=1)
    ran = run_jixiao("run", "reports", "--db", "nowhere/j.db", cwd=tmp_path)
    assert ran.returncode == 2
    assert ran.error_lines == ["error: nowhere/j.db: cannot open the store: no such folder nowhere"], ran.stderr


def test_a_read_only_store_is_one_line_for_every_command(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports", count=1)
    (tmp_path / "store").mkdir()
    assert run_jixiao("run", "reports", "--db", "store/j.db", cwd=tmp_path).returncode == 0
    os.chmod(tmp_path, 0o777)
    for path in (tmp_path / "store").iterdir():
        path.chmod(0o444)
    (tmp_path / "store").chmod(0o555)
    expected = "error: store/j.db: cannot open the store: the store (or its folder) is read-only"
    try:
        for command in (
            ["run", "reports", "--db", "store/j.db"],
            ["export", "--db", "store/j.db", "--to", "results.xlsx"],
            ["review", "--db", "store/j.db", "--out", "review"],  # views bring the store's series up to date
        ):
            ran = run_jixiao(*command, cwd=tmp_path, plain_user=True)
            assert ran.returncode == 2 and "Traceback" not in ran.stderr, ran.stderr
            assert ran.error_lines == [expected], (command, ran.stderr)
    finally:
        (tmp_path / "store").chmod(0o755)
