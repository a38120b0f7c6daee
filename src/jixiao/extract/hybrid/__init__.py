"""The hybrid backend: rules for what they read, the model for the passages rules left unread."""

from jixiao.extract.hybrid.extractor import BACKEND, HybridExtractor, known_facts
from jixiao.extract.hybrid.merge import label_key, merge_reading, same_reading
from jixiao.extract.hybrid.passages import Passage, unread_passages

__all__ = [
    "BACKEND",
    "HybridExtractor",
    "Passage",
    "known_facts",
    "label_key",
    "merge_reading",
    "same_reading",
    "unread_passages",
]
