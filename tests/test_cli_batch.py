"""`jixiao run`, `jixiao export` and `jixiao review` end to end on the bundled samples."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.cli import app
from jixiao.inputs import report_files

runner = CliRunner()


def test_run_twice_then_export_and_review(tmp_path: Path, store_target: str) -> None:
    db = store_target  # a SQLite file, then a PostgreSQL store: the same commands, the same outputs
    first = runner.invoke(app, ["run", str(SAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    count = len(report_files([SAMPLES]).files)
    assert f"{count} done" in first.output and "0 failed" in first.output
    assert "reading status: 已读取 read " in first.output
    second = runner.invoke(app, ["run", str(SAMPLES), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert f"0 done (0 flagged), 0 failed, {count} unchanged and skipped" in second.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--to", str(tmp_path / "results.xlsx")])
    assert exported.exit_code == 0 and (tmp_path / "results.xlsx").is_file()
    reviewed = runner.invoke(app, ["review", "--db", str(db), "--out", str(tmp_path / "review")])
    assert reviewed.exit_code == 0, reviewed.output
    assert len(list((tmp_path / "review" / "reports").glob("*.html"))) == count


def test_run_reports_bad_files_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blank.txt").write_bytes(b"")
    result = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "j.db")])
    assert result.exit_code == 1
    assert "blank.txt: empty file" in result.output


def test_run_with_unknown_backend_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(SAMPLES), "--db", str(tmp_path / "j.db"), "--backend", "magic"])
    assert result.exit_code == 2
    assert "unknown backend 'magic'" in result.output
