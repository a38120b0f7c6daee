"""Output folders are ours alone: a review or an extraction never deletes or overwrites what it did not write."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from hostile import good_reports
from jixiao.cli import app
from jixiao.errors import ConfigError
from jixiao.output_folder import MANIFEST, OutputFolder

runner = CliRunner()


@pytest.fixture
def readme_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The README's layout: reports/ and the store side by side in the working folder, after `jixiao run`."""
    monkeypatch.chdir(tmp_path)
    good_reports(tmp_path / "reports")
    ran = runner.invoke(app, ["run", "reports", "--db", "jixiao.db"])
    assert ran.exit_code == 0, ran.output
    return tmp_path


def test_review_into_the_working_folder_is_refused_and_the_reports_stay(readme_layout: Path) -> None:
    before = {path: path.read_bytes() for path in (readme_layout / "reports").iterdir()}
    result = runner.invoke(app, ["review", "--db", "jixiao.db", "--out", "."])
    assert result.exit_code == 2
    assert "folder is not empty and was not written by jixiao" in result.output
    assert {path: path.read_bytes() for path in (readme_layout / "reports").iterdir()} == before
    assert not (readme_layout / "index.html").exists() and not (readme_layout / MANIFEST).exists()


def test_memos_into_the_working_folder_are_refused(readme_layout: Path) -> None:
    result = runner.invoke(app, ["memo", "--db", "jixiao.db", "--out", "."])
    assert result.exit_code == 2 and "was not written by jixiao" in result.output
    assert list(readme_layout.glob("*.docx")) == []


def test_review_again_replaces_its_own_pages_and_keeps_a_file_the_user_added(readme_layout: Path) -> None:
    assert runner.invoke(app, ["review", "--db", "jixiao.db", "--out", "review"]).exit_code == 0
    pages = sorted((readme_layout / "review" / "reports").glob("*.html"))
    assert len(pages) == 2
    notes = readme_layout / "review" / "reports" / "my-notes.html"
    notes.write_text("mine", encoding="utf-8")
    # a store holding one report only: the other's page is ours and stale, the user's notes are not ours
    (readme_layout / "reports" / "good_1.txt").unlink()
    assert runner.invoke(app, ["run", "reports", "--db", "one.db"]).exit_code == 0
    result = runner.invoke(app, ["review", "--db", "one.db", "--out", "review"])
    assert result.exit_code == 0, result.output
    left = sorted(path.name for path in (readme_layout / "review" / "reports").iterdir())
    assert len(left) == 2 and "my-notes.html" in left
    assert notes.read_text(encoding="utf-8") == "mine"


def test_extract_into_a_folder_of_the_users_files_writes_nothing(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports")
    theirs = tmp_path / "reports" / "good_0.json"
    theirs.write_text("their own file", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "reports"), "--out", str(tmp_path / "reports")])
    assert result.exit_code == 2
    assert "was not written by jixiao" in result.output
    assert theirs.read_text(encoding="utf-8") == "their own file"
    assert sorted(path.name for path in (tmp_path / "reports").iterdir()) == ["good_0.json", "good_0.txt", "good_1.txt"]


def test_extract_twice_into_its_own_folder_overwrites_its_own_files(tmp_path: Path) -> None:
    good_reports(tmp_path / "reports")
    for _ in range(2):
        result = runner.invoke(app, ["extract", str(tmp_path / "reports"), "--out", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [MANIFEST, "good_0.json", "good_1.json"]


def test_a_file_the_user_put_in_our_folder_is_never_overwritten(tmp_path: Path) -> None:
    folder = OutputFolder.claim(tmp_path / "out")
    folder.write_text("a.json", "ours")
    (tmp_path / "out" / "b.json").write_text("theirs", encoding="utf-8")
    again = OutputFolder.claim(tmp_path / "out")
    again.write_text("a.json", "ours again")
    with pytest.raises(ConfigError, match=r"b\.json: exists and was not written by jixiao"):
        again.write_text("b.json", "ours")
    assert (tmp_path / "out" / "b.json").read_text(encoding="utf-8") == "theirs"


@pytest.mark.parametrize("name", ["../escape.html", "/etc/passwd", "", MANIFEST])
def test_names_outside_the_folder_or_the_manifest_itself_are_refused(tmp_path: Path, name: str) -> None:
    folder = OutputFolder.claim(tmp_path / "out")
    with pytest.raises(ConfigError, match="not a file name inside the output folder"):
        folder.write_text(name, "x")


def test_a_hand_edited_manifest_cannot_make_jixiao_delete_outside_its_folder(tmp_path: Path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep", encoding="utf-8")
    folder = OutputFolder.claim(tmp_path / "out")
    with (tmp_path / "out" / MANIFEST).open("a", encoding="utf-8") as manifest:
        manifest.write("../precious.txt\n")
    OutputFolder.claim(tmp_path / "out").remove_stale()
    assert outside.read_text(encoding="utf-8") == "keep"
    assert folder.root.is_dir()
