"""The provider: who we talk to (base URL, key, model name) and the HTTP client that carries it.

Everything that knows the key lives here; the request-building code only sees an AsyncOpenAI client. The
openai client's own retries are switched off (`max_retries=0`): transport retries happen in one place,
client.py, so the two never multiply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx2
import openai
from pydantic import SecretStr

from jixiao.errors import ConfigError
from jixiao.extract.llm.transport import CappedTransport
from jixiao.settings import Settings

# A local server (Ollama, vLLM, llama.cpp) accepts any key, but the openai client insists on one.
LOCAL_PLACEHOLDER_KEY = "not-needed"


@dataclass(frozen=True)
class Endpoint:
    base_url: str | None
    api_key: SecretStr
    model: str

    def __repr__(self) -> str:  # the key stays out of tracebacks and logs
        return f"Endpoint(base_url={self.base_url!r}, model={self.model!r})"


def endpoint_from(settings: Settings, *, base_url: str | None = None, model: str | None = None) -> Endpoint:
    """The endpoint the settings describe; `base_url`/`model` override them (the local server does)."""
    url = base_url or settings.base_url
    key = settings.api_key
    if key is None:
        if url is None:
            raise ConfigError(
                "the llm backend needs an endpoint: set JIXIAO_API_KEY (or OPENAI_API_KEY), "
                "JIXIAO_BASE_URL for a local server, or --model-file for a GGUF model"
            )
        key = SecretStr(LOCAL_PLACEHOLDER_KEY)
    return Endpoint(base_url=url, api_key=key, model=model or settings.model)


def openai_client(endpoint: Endpoint, settings: Settings, http_client: Any = None) -> openai.AsyncOpenAI:
    """`http_client` lets a test put a transport-level fake under the real openai client.

    Our own HTTP client reads no answer past `max_answer_bytes` (see transport.py).
    """
    if http_client is None:
        transport = CappedTransport(httpx2.AsyncHTTPTransport(), settings.max_answer_bytes)
        http_client = openai.DefaultAsyncHttpxClient(transport=transport, timeout=settings.timeout)
    return openai.AsyncOpenAI(
        api_key=endpoint.api_key.get_secret_value(),
        base_url=endpoint.base_url,
        timeout=settings.timeout,
        max_retries=0,
        http_client=http_client,
    )


__all__ = ["LOCAL_PLACEHOLDER_KEY", "Endpoint", "endpoint_from", "openai_client"]
