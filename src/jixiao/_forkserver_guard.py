"""Imported by the fork server only (a preload module, see jixiao.isolation): it dies with jixiao.

The stdlib fork server outlives its parent for as long as a worker it forked is alive, and a worker busy on a
file for minutes keeps it alive. Asking the kernel to kill the fork server when jixiao dies (and each worker
when the fork server dies) ends the whole tree at once, even after `kill -9`. Nothing else imports this.
"""

from __future__ import annotations

import os
import signal

from jixiao.isolation import die_with_parent

_parent = os.getppid()
die_with_parent()
if os.getppid() != _parent:  # jixiao died before the request took effect
    os.kill(os.getpid(), signal.SIGKILL)
