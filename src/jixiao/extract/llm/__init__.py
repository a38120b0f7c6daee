"""The llm backend: any OpenAI-compatible endpoint (or a local GGUF model) fills the report model."""

from jixiao.extract.llm.client import Completion, CompletionClient, OpenAICompletionClient
from jixiao.extract.llm.extractor import BACKEND, LlmExtractor
from jixiao.extract.llm.prompts import Prompt, load_prompt
from jixiao.extract.llm.schema import ReportDraft

__all__ = [
    "BACKEND",
    "Completion",
    "CompletionClient",
    "LlmExtractor",
    "OpenAICompletionClient",
    "Prompt",
    "ReportDraft",
    "load_prompt",
]
