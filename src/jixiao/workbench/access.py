"""Who may use the workbench, and the reviewer name on each decision.

Three ways, chosen when the server starts:
- no sign-in (the default on 127.0.0.1): every decision carries `--reviewer` (default: the OS user);
- a shared token (`--token`): each person signs in with their name and the token;
- a reviewer list (`--reviewers FILE`): names with Argon2 password hashes (argon2-cffi), written by
  `jixiao add-reviewer`; the file never holds a password.
Binding another host than the loopback without a token or a reviewer list is refused: the store would be
open to anyone on the network.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from jixiao.errors import ConfigError, InputError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
_HASHER = PasswordHasher()
# Verifying against this when the name is unknown takes as long as a real check, so timing tells no names.
_UNKNOWN = _HASHER.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True)
class Access:
    reviewer: str | None = None  # no sign-in: the name every decision carries
    token: str | None = field(default=None, repr=False)
    reviewers: dict[str, str] = field(default_factory=dict, repr=False)  # name -> Argon2 hash

    @property
    def signs_in(self) -> bool:
        return self.token is not None or bool(self.reviewers)

    @property
    def by_password(self) -> bool:
        return bool(self.reviewers)

    def verify(self, name: str, secret: str) -> bool:
        """Whether `name` may sign in with `secret` (the shared token, or their own password)."""
        if not name.strip() or not secret:
            return False
        if self.reviewers:
            stored = self.reviewers.get(name)
            ok = _verify(stored or _UNKNOWN, secret)
            return ok and stored is not None
        return self.token is not None and hmac.compare_digest(secret.encode(), self.token.encode())


def check_exposure(host: str, access: Access) -> None:
    if host not in LOOPBACK and not access.signs_in:
        raise ConfigError(
            f"--host {host} opens the store to the network: give --token or --reviewers so people must sign in"
        )


def load_reviewers(path: Path) -> dict[str, str]:
    """A reviewer file: a JSON object of name -> Argon2 hash."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"cannot read the reviewer list ({error})") from error
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError(path, 'expected a JSON object {"name": "<argon2 hash>"} (see jixiao add-reviewer)')
    if not data:
        raise InputError(path, "the reviewer list is empty (add one with jixiao add-reviewer)")
    for name, stored in data.items():
        if not stored.startswith("$argon2"):
            raise InputError(path, f"{name}: not an Argon2 hash (write it with jixiao add-reviewer)")
    return data


def add_reviewer(path: Path, name: str, password: str) -> None:
    """Add or replace one reviewer's password hash in the list (created if missing)."""
    if not name.strip():
        raise ConfigError("a reviewer needs a name")
    reviewers = load_reviewers(path) if path.exists() else {}
    reviewers[name.strip()] = hash_password(password)
    path.write_text(json.dumps(reviewers, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
