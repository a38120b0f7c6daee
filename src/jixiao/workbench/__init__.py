"""The review workbench: reviewers confirm, dismiss and correct findings in a browser (`jixiao serve`)."""

from jixiao.workbench.access import Access, add_reviewer, check_exposure, load_reviewers
from jixiao.workbench.app import create_app

__all__ = ["Access", "add_reviewer", "check_exposure", "create_app", "load_reviewers"]
