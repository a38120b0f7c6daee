"""A scripted model above the HTTP seam: the extractor's plumbing is tested without any HTTP."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from jixiao.extract.llm import Completion
from jixiao.model import TokenUsage

T = TypeVar("T", bound=BaseModel)


@dataclass
class ScriptedClient:
    """Answers each request with the next queued draft (or raises the next queued error)."""

    model: str = "scripted-model"
    queue: list[Any] = field(default_factory=list)
    requests: list[list[dict[str, str]]] = field(default_factory=list)

    def enqueue(self, *answers: Any) -> ScriptedClient:
        self.queue.extend(answers)
        return self

    async def complete(self, messages: list[dict[str, str]], response_model: type[T], *, label: str) -> Completion[T]:
        self.requests.append(messages)
        if not self.queue:
            raise AssertionError(f"unexpected model call for {label}")
        answer = self.queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        value = answer if isinstance(answer, response_model) else response_model.model_validate(answer)
        return Completion(value=value, usage=TokenUsage(prompt_tokens=100, completion_tokens=20, calls=1))


Answer = Callable[[list[dict[str, str]]], Any]


@dataclass
class FunctionClient:
    """Computes each answer from the request (like pydantic-ai's FunctionModel): what the model was shown
    decides what it says, so a test does not depend on call order."""

    answer: Answer
    model: str = "function-model"
    requests: list[list[dict[str, str]]] = field(default_factory=list)

    async def complete(self, messages: list[dict[str, str]], response_model: type[T], *, label: str) -> Completion[T]:
        self.requests.append(messages)
        value = response_model.model_validate(self.answer(messages))
        prompt_tokens = sum(len(message["content"]) for message in messages)
        return Completion(value=value, usage=TokenUsage(prompt_tokens=prompt_tokens, completion_tokens=20, calls=1))


def user_text(messages: list[dict[str, str]]) -> str:
    """What the user message put between <document> and </document>."""
    content = messages[-1]["content"]
    return content[content.index("<document>") + len("<document>") : content.rindex("</document>")]
