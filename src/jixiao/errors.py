"""Error families: what the user must fix (InputError, ConfigError) vs what a model or API did."""

from __future__ import annotations


class JixiaoError(Exception):
    """Root of every error jixiao raises on purpose."""


class InputError(JixiaoError):
    """A file cannot be read as a report. The message names the file and the reason."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:  # crosses back from a worker process intact
        return (type(self), (self.path, self.reason))


class ConfigError(JixiaoError):
    """Settings are missing or invalid."""


class ExtractionError(JixiaoError):
    """An extractor (usually the LLM backend) could not produce a valid report."""

    def __init__(self, path: object, reason: str, *, attempts: int = 0, last_output: str | None = None):
        self.path = str(path)
        self.reason = reason
        self.attempts = attempts
        self.last_output = last_output
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[object, ...]:  # crosses back from a worker process intact
        return (type(self), (self.path, self.reason), {"attempts": self.attempts, "last_output": self.last_output})


class UnusableAnswer(ExtractionError):
    """The model answered, but not usably: nothing it said validated, or it was cut off. Unlike a timeout or a
    5xx, the same request at temperature 0 gets the same answer, so the cache remembers it (`CachedAsker`)."""
