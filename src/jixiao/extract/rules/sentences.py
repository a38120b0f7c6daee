"""Where the sentences of a report's prose end, for the grammars that read it sentence by sentence."""

from __future__ import annotations

from jixiao.scan import skipping

# a section heading run into the text (`…1.5万元,二、绩效目标完成情况…`) ends a sentence as a line break does
_RUN_IN_HEADING = skipping(
    r"(?<=[，,；;:：\u4e00-\u9fff])(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)


class SentenceEnds:
    """Where each sentence of text[:limit] ends: at 。 or a line break, or before a run-in heading. The next
    。, break and run-in heading are kept, not searched again from every sentence (a text of many lines and
    few 。 would be scanned to its next 。 once per line). A heading never holds a 。 or a break, so one found
    past a sentence's end is the next one's, whatever the end its search was given."""

    def __init__(self, text: str, limit: int) -> None:
        self.text, self.limit = text, limit
        self.stop = self.line_end = -1  # the next 。 and line break at or after the last start (limit: none)
        self.heading = -1  # the next run-in heading after the last start (limit: none)

    def after(self, start: int) -> int:
        text, limit = self.text, self.limit
        if self.stop < start:
            found = text.find("。", start, limit)
            self.stop = limit if found < 0 else found
        if self.line_end < start:
            found = text.find("\n", start, limit)
            self.line_end = limit if found < 0 else found
        if self.heading < start + 1:
            heading = _RUN_IN_HEADING.search(text, start + 1, limit)
            self.heading = limit if heading is None else heading.start()
        end = min(self.stop, self.line_end)
        return self.heading - 1 if self.heading < end else end


__all__ = ["SentenceEnds"]
