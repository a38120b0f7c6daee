"""The HTTP transport under the openai client: an answer is read up to a size cap, never past it.

A hostile or broken endpoint can answer with 50 MB (or an endless body); read whole, it costs that much
memory, and instructor's re-ask would send it all back. The cap applies to every response body, error
bodies included: a declared Content-Length over the cap is refused before reading, and a body without one
is cut off as soon as it passes the cap. The request then fails with `AnswerTooLarge` for this document
and is neither retried nor re-asked.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx2


class AnswerTooLarge(Exception):
    """The endpoint's answer passed the size cap; raised while reading it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the answer was larger than {limit:,} bytes (max_answer_bytes); not read further")


class _CappedStream(httpx2.AsyncByteStream):
    def __init__(self, stream: httpx2.AsyncByteStream, limit: int) -> None:
        self._stream = stream
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        read = 0
        async for chunk in self._stream:
            read += len(chunk)
            if read > self._limit:
                raise AnswerTooLarge(self._limit)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class CappedTransport(httpx2.AsyncBaseTransport):
    """Wraps a transport so that no response body is read past `limit` bytes."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, limit: int) -> None:
        self._inner = inner
        self._limit = limit

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        response = await self._inner.handle_async_request(request)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._limit:
            await response.aclose()
            raise AnswerTooLarge(self._limit)
        assert isinstance(response.stream, httpx2.AsyncByteStream)
        return httpx2.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_CappedStream(response.stream, self._limit),
            extensions=response.extensions,
            request=request,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


def answer_too_large(error: BaseException | None) -> AnswerTooLarge | None:
    """The AnswerTooLarge behind an error (openai wraps it in an APIConnectionError), if there is one."""
    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, AnswerTooLarge):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


__all__ = ["AnswerTooLarge", "CappedTransport", "answer_too_large"]
