"""The rules backend: deterministic, offline extraction with a small grammar of report phrases.

The reading itself is in `read`; this package re-exports what callers import.
"""

from jixiao.extract.rules.read import BACKEND, extract_rules, read_rules

__all__ = ["BACKEND", "extract_rules", "read_rules"]
