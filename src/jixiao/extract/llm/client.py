"""The seam above HTTP: ask a model for one response model, get it validated, with its token usage.

Two retry loops, kept apart and never stacked with a third:
- transport (tenacity, here): 429 (honouring Retry-After), 5xx, timeouts and dropped connections are retried
  with exponential backoff and jitter around the single HTTP call; 400/401/403/404 fail at once;
- validation (instructor): output that does not validate is sent back with the error, up to `max_retries`.
Every HTTP completion, re-asks included, is counted in the usage.

`CompletionClient` is the protocol the extractor depends on; tests use a scripted fake of it, so cache,
merge, grounding and CLI tests need no HTTP at all.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx2
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.function_calls import response_schema
from pydantic import BaseModel
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt, wait_random_exponential

from jixiao.errors import ConfigError, ExtractionError, UnusableAnswer
from jixiao.extract.llm.local_server import exit_reason
from jixiao.extract.llm.provider import Endpoint, openai_client
from jixiao.extract.llm.transport import answer_too_large
from jixiao.model import TokenUsage
from jixiao.redaction import display_url
from jixiao.settings import Settings

T = TypeVar("T", bound=BaseModel)
Sleep = Callable[[float], Awaitable[None]]

MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "tools_strict": instructor.Mode.TOOLS_STRICT,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
}
_LAST_OUTPUT_CHARS = 2000

# instructor logs every failed attempt at ERROR; jixiao reports the outcome itself in one line per file.
logging.getLogger("instructor").addHandler(logging.NullHandler())


@dataclass
class Completion(Generic[T]):
    value: T
    usage: TokenUsage


class CompletionClient(Protocol):
    """What the extractor needs from a model: one validated response per request."""

    model: str

    async def complete(self, messages: list[dict[str, str]], response_model: type[T], *, label: str) -> Completion[T]:
        """`label` (the document path) names the input in any error raised."""
        ...


def is_transient(error: BaseException) -> bool:
    """Worth retrying: the same request may well succeed later (an oversized answer would be oversized again)."""
    if answer_too_large(error) is not None:
        return False
    if isinstance(error, openai.APIConnectionError):  # includes APITimeoutError and dropped connections
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code == 429 or error.status_code >= 500
    return False


def retry_after(error: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (Retry-After or retry-after-ms), if it said."""
    response = getattr(error, "response", None)
    if response is None:
        return None
    headers = response.headers
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff
    return None


class TransportWait:
    """Exponential backoff with jitter, unless the server said how long to wait."""

    def __init__(self, max_wait: float) -> None:
        self.max_wait = max_wait
        self.backoff = wait_random_exponential(multiplier=0.5, max=max_wait)

    def __call__(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = retry_after(error)
        if asked is not None:
            return min(max(asked, 0.0), self.max_wait)
        return float(self.backoff(state))


@cache
def prepared(response_model: type[T]) -> type[T]:
    """The response model as instructor wants it, wrapped once per model and then reused.

    instructor wraps a plain pydantic model in a new class on every request, so its per-class schema cache
    never hits and the JSON Schema is rebuilt each time (a third of our overhead per call). Handing it the
    wrapped class makes the schema build once per process.
    """
    return cast(type[T], response_schema(response_model))


class _RememberedCheck:
    """instructor's check that a response model declares no async validators, remembered per model.

    instructor walks the whole response model (every nested class, every member of its MRO) six times per
    request to refuse async validators it cannot run: a third of our CPU per call. The answer depends on the
    class alone, so a model that passed once passes again; one that fails is walked (and refused) every time,
    so the check still fails closed exactly as instructor's does.
    """

    def __init__(self, walk: Callable[[Any], None]) -> None:
        self.walk = walk
        self.passed: set[Any] = set()

    def __call__(self, response_model: Any) -> None:
        try:
            if response_model in self.passed:
                return
        except TypeError:  # an unhashable annotation: walk it every time
            self.walk(response_model)
            return
        self.walk(response_model)
        self.passed.add(response_model)


def remember_async_validator_check() -> _RememberedCheck | None:
    """Install the remembered check where instructor looks it up (its module, and `patch`, which imported it
    by name); idempotent. None when this instructor has no such check (nothing to speed up)."""
    try:
        import instructor.v2.core.patch as patch_module
        import instructor.v2.validation.async_validators as validators
    except ImportError:  # another instructor layout: its own check runs unchanged
        return None
    current = getattr(validators, "reject_async_validators", None)
    if current is None:
        return None
    remembered = current if isinstance(current, _RememberedCheck) else _RememberedCheck(current)
    validators.reject_async_validators = remembered  # type: ignore[assignment]
    if getattr(patch_module, "reject_async_validators", None) is not None:
        patch_module.reject_async_validators = remembered  # type: ignore[assignment]
    return remembered


class OpenAICompletionClient:
    """openai + instructor against any OpenAI-compatible endpoint."""

    def __init__(
        self, endpoint: Endpoint, settings: Settings, *, sleep: Sleep = asyncio.sleep, http_client: Any = None
    ) -> None:
        self.endpoint = endpoint
        self.model = endpoint.model
        self.settings = settings
        self.mode = MODES[settings.mode]
        self._client = openai_client(endpoint, settings, http_client)
        self._sleep = sleep
        remember_async_validator_check()

    async def complete(self, messages: list[dict[str, str]], response_model: type[T], *, label: str) -> Completion[T]:
        usage = TokenUsage()
        transport_attempts = 0

        async def create_with_transport_retries(*args: Any, **kwargs: Any) -> Any:
            nonlocal transport_attempts
            retrying = AsyncRetrying(
                retry=retry_if_exception(is_transient),
                stop=stop_after_attempt(self.settings.transport_retries + 1),
                wait=TransportWait(self.settings.retry_max_wait),
                sleep=self._sleep,
                reraise=True,
            )
            async for attempt in retrying:
                with attempt:
                    transport_attempts += 1
                    response = await self._create_within_deadline(*args, **kwargs)
            _count(usage, response)
            return response

        create = instructor.patch(create=create_with_transport_retries, mode=self.mode)
        extra: dict[str, Any] = {"temperature": self.settings.temperature}
        if self.settings.max_tokens is not None:
            extra["max_tokens"] = self.settings.max_tokens
        try:
            value = await create(  # type: ignore[misc]
                response_model=prepared(response_model),
                messages=messages,
                model=self.model,
                max_retries=self.settings.max_retries,
                **extra,
            )
        except InstructorRetryException as error:
            raise self._failure(error, label, usage, transport_attempts) from error
        except IncompleteOutputException as error:
            raise UnusableAnswer(
                label,
                "the model's output was cut off (max_tokens or context too small)",
                attempts=usage.calls,
                last_output=_content(error.last_completion),
            ) from error
        except openai.APIError as error:
            raise self._api_failure(error, label, transport_attempts) from error
        return Completion(value=value, usage=usage)

    async def _create_within_deadline(self, *args: Any, **kwargs: Any) -> Any:
        """One HTTP request, given `timeout` seconds in all.

        httpx's timeout bounds each read, so a server that sends one byte a second held a request forever;
        the deadline bounds the whole request, and its expiry is a timeout like any other.
        """
        try:
            async with asyncio.timeout(self.settings.timeout):
                return await self._client.chat.completions.create(*args, **kwargs)
        except TimeoutError:
            request = httpx2.Request("POST", f"{self._client.base_url}chat/completions")
            raise openai.APITimeoutError(request=request) from None

    def _failure(
        self, error: InstructorRetryException, label: str, usage: TokenUsage, transport_attempts: int
    ) -> Exception:
        cause = error.__cause__
        if isinstance(cause, openai.APIError):
            return self._api_failure(cause, label, transport_attempts)
        attempts = error.n_attempts or usage.calls
        return UnusableAnswer(
            label,
            f"model output did not validate after {attempts} attempt(s): {_first_line(cause or error)}",
            attempts=attempts,
            last_output=_content(error.last_completion),
        )

    def _api_failure(self, error: openai.APIError, label: str, attempts: int) -> Exception:
        where = display_url(self.endpoint.base_url) or "the OpenAI API"
        too_large = answer_too_large(error)
        if too_large is not None:  # this document's answer, not the endpoint: the batch goes on
            return ExtractionError(label, f"{where}: {too_large}; not asked again", attempts=attempts)
        if isinstance(error, openai.AuthenticationError | openai.PermissionDeniedError):
            return ConfigError(
                f"{where} refused the API key ({error.status_code}): check JIXIAO_API_KEY; "
                "no further file is sent to it"
            )
        if isinstance(error, openai.NotFoundError):
            return ConfigError(f"{where} does not know model '{self.model}' or the URL is wrong (404)")
        if isinstance(error, openai.APITimeoutError):
            reason = f"request timed out after {attempts} attempt(s) (timeout {self.settings.timeout:g} s)"
        elif isinstance(error, openai.APIConnectionError):  # the endpoint, not this document: stop the batch
            crashed = exit_reason(self.endpoint.base_url)
            return ConfigError(
                f"cannot connect to {where} after {attempts} attempt(s); no further file is sent to it "
                + (f"({crashed})" if crashed else "(check --base-url, or run offline with --backend rules)")
            )
        elif isinstance(error, openai.APIStatusError):
            verb = "failed" if is_transient(error) else "rejected the request"
            reason = f"{where} {verb} ({error.status_code}) after {attempts} attempt(s): {_first_line(error)}"
        else:
            reason = f"{where}: {_first_line(error)}"
        return ExtractionError(label, reason, attempts=attempts)


def _count(usage: TokenUsage, response: Any) -> None:
    usage.calls += 1
    reported = getattr(response, "usage", None)
    if reported is not None:
        usage.prompt_tokens += getattr(reported, "prompt_tokens", 0) or 0
        usage.completion_tokens += getattr(reported, "completion_tokens", 0) or 0


def _content(completion: Any) -> str | None:
    """The raw text of a completion (message content or tool-call arguments), shortened for an error."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    text = calls[0].function.arguments if calls else message.content
    return None if text is None else str(text)[:_LAST_OUTPUT_CHARS]


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0][:300] if text else type(error).__name__


__all__ = ["MODES", "Completion", "CompletionClient", "OpenAICompletionClient", "is_transient", "retry_after"]
