"""Output folders are ours alone: we write, overwrite and delete only files we wrote there ourselves.

`jixiao review --out .` once deleted the user's `reports/` folder (the input of `jixiao run reports/`) to
make room for its pages. Now a folder we write into carries a manifest, `.jixiao-output`, listing every file
we put there, one relative path per line. A folder that exists, is not empty and has no manifest belongs to
someone else and is refused before anything is written. Inside our own folder a file we did not write is
never overwritten, and only files named in the manifest are ever deleted.

The manifest is appended to before each new file is written, so a run killed half-way still knows every
file it may have left behind.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from jixiao.errors import ConfigError

MANIFEST = ".jixiao-output"
_HEADER = "# files written here by jixiao; jixiao deletes or overwrites only these\n"


class OutputFolder:
    """A folder jixiao may write into; every write goes through it."""

    def __init__(self, root: Path, previous: set[str]) -> None:
        self.root = root
        self.previous = previous  # files the manifest named when we opened the folder
        self.written: set[str] = set()

    @classmethod
    def claim(cls, root: Path) -> OutputFolder:
        """Open (creating it if needed) a folder to write into; ConfigError when it is not ours."""
        if root.exists() and not root.is_dir():
            raise ConfigError(f"{root}: exists and is not a folder; choose a new or empty folder for the output")
        manifest = root / MANIFEST
        try:
            if manifest.is_file():
                return cls(root, _read_manifest(manifest))
            if root.is_dir() and any(root.iterdir()):
                raise ConfigError(
                    f"{root}: folder is not empty and was not written by jixiao (no {MANIFEST} in it); "
                    "nothing was written: choose a new or empty folder for the output"
                )
            root.mkdir(parents=True, exist_ok=True)
            manifest.write_text(_HEADER, encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"{root}: cannot write the output folder: {error.strerror or error}") from None
        return cls(root, set())

    def owns(self, relative: str) -> bool:
        return relative in self.previous or relative in self.written

    def path(self, relative: str) -> Path:
        """The path to write `relative` at, after recording it in the manifest.

        Refuses names that leave the folder, and existing files we did not write.
        """
        name = _checked(relative)
        target = self.root / name
        if not self.owns(name):
            if target.exists() or target.is_symlink():
                raise ConfigError(f"{target}: exists and was not written by jixiao; not overwritten (nothing after it)")
            with (self.root / MANIFEST).open("a", encoding="utf-8") as handle:
                handle.write(name + "\n")  # closed (flushed) before the file exists: a kill leaves no orphan
        self.written.add(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write_text(self, relative: str, text: str) -> Path:
        target = self.path(relative)
        target.write_text(text, encoding="utf-8")
        return target

    def remove_stale(self) -> list[str]:
        """Delete the files an earlier run wrote that this run did not (pages of reports no longer stored).

        Only manifest entries are touched; then the manifest is rewritten to name what is there now.
        """
        removed = sorted(self.previous - self.written)
        for name in removed:
            target = self.root / name
            if target.is_file() and not target.is_symlink():
                target.unlink()
        self._rewrite_manifest(self.written)
        self.previous = set(self.written)
        return removed

    def _rewrite_manifest(self, names: set[str]) -> None:
        manifest = self.root / MANIFEST
        temporary = manifest.with_name(MANIFEST + ".tmp")
        temporary.write_text(_HEADER + "".join(f"{name}\n" for name in sorted(names)), encoding="utf-8")
        temporary.replace(manifest)


def _read_manifest(manifest: Path) -> set[str]:
    names = set()
    for line in manifest.read_text(encoding="utf-8", errors="replace").splitlines():
        if line and not line.startswith("#"):
            try:
                names.add(_checked(line))
            except ConfigError:
                continue  # a hand-edited manifest cannot make us touch a file outside the folder
    return names


def _checked(relative: str) -> str:
    """A relative path that stays inside the folder, in one spelling (forward slashes)."""
    pure = PurePosixPath(relative.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or pure.name in ("", ".", MANIFEST):
        raise ConfigError(f"{relative}: not a file name inside the output folder")
    return str(pure)


__all__ = ["MANIFEST", "OutputFolder"]
