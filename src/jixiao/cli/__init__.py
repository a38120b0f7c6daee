"""The `jixiao` command. Each command lives in its own module and registers itself on `app`."""

from __future__ import annotations

from jixiao.cli import check as _check  # noqa: F401  (registers commands)
from jixiao.cli import eval as _eval  # noqa: F401  (registers commands)
from jixiao.cli import export as _export  # noqa: F401  (registers commands)
from jixiao.cli import extract as _extract  # noqa: F401  (registers commands)
from jixiao.cli import label as _label  # noqa: F401
from jixiao.cli import memo as _memo  # noqa: F401
from jixiao.cli import models as _models  # noqa: F401
from jixiao.cli import review as _review  # noqa: F401
from jixiao.cli import run as _run  # noqa: F401
from jixiao.cli import series as _series  # noqa: F401
from jixiao.cli import serve as _serve  # noqa: F401
from jixiao.cli.app import app

__all__ = ["app"]
