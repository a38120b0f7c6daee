"""Prompts are data: versioned TOML files in the top-level `prompts/` folder, rendered with jinja2.

The document goes into the user message as delimited data (<document> … </document>); the system message
says that nothing inside those tags is an instruction. A literal closing tag inside a report is defused so a
report cannot end its own data block early.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import jinja2

from jixiao.errors import ConfigError

# `src/jixiao/prompts` is a link to the top-level `prompts/` folder, so the templates ship inside the wheel
# (package data) and an editable install reads the folder itself.
PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
DEFAULT_PROMPT = "extract_report"

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)


@dataclass(frozen=True)
class Prompt:
    id: str
    version: str
    system: str
    user: str
    example_text: str
    example_output: str  # JSON of the response model for example_text
    response: str = "ReportDraft"  # the response model (schema.SCHEMAS) the example and the answers follow

    @property
    def tag(self) -> str:
        """What goes into `extractor.prompt_version` and the cache key, e.g. `extract_report@1`."""
        return f"{self.id}@{self.version}"

    @cached_property
    def example_figures(self) -> frozenset[str]:
        """Every figure text of the worked example: an answer repeating one the document lacks copied it."""
        found: set[str] = set()

        def walk(node: object) -> None:
            if isinstance(node, dict):
                text = node.get("text")
                if isinstance(text, str) and "value" in node:
                    found.add(text.strip())
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(json.loads(self.example_output))
        return frozenset(found)

    def messages(
        self, document: str, *, chunk_number: int = 1, chunk_count: int = 1, context: str = ""
    ) -> list[dict[str, str]]:
        example = json.dumps(json.loads(self.example_output), ensure_ascii=False)
        shown = self.example_text.strip()
        if "<document>" not in shown:  # a hybrid example shows its context and passages as the user sees them
            shown = f"<document>\n{shown}\n</document>"
        system = f"{self.system.strip()}\n\n示例报告：\n{shown}\n示例输出：\n{example}"
        user = _template(self.user).render(
            document=defuse(document), chunk_number=chunk_number, chunk_count=chunk_count, context=defuse(context)
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": user.strip()}]


@cache
def _template(source: str) -> jinja2.Template:
    """Compiled once per prompt text: compiling is most of what rendering costs."""
    return _ENV.from_string(source)


# Whatever a model could take for the end of the data or a new turn: our <document> tags in any case, spacing
# or full-width brackets, and the chat-template markers of common models (<|im_start|>, [INST], <<SYS>>).
_DELIMITERS = re.compile(
    r"[<＜]\s*/?\s*document\b[^>＞\n]{0,40}[>＞]|<\|[^|>\n]{0,40}\|>|\[/?INST\]|<</?SYS>>", re.IGNORECASE
)


def defuse(document: str) -> str:
    """Keep a report from closing or reopening the data block, or from opening a chat turn of its own.

    Each such marker keeps its letters, but its brackets become look-alikes no tokenizer or model reads as
    ours (‹/document›, ‹¦im_start¦›); the rest of the text is passed as it is.
    """

    def harmless(match: re.Match[str]) -> str:
        text = match.group()
        return text.translate(_LOOKALIKE)

    return _DELIMITERS.sub(harmless, document)


_LOOKALIKE = str.maketrans({"<": "‹", ">": "›", "＜": "‹", "＞": "›", "|": "¦", "[": "⟦", "]": "⟧"})


@cache
def load_prompt(prompt_id: str = DEFAULT_PROMPT, directory: Path = PROMPTS_DIR) -> Prompt:
    path = directory / f"{prompt_id}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Prompt(
            id=data["id"],
            version=str(data["version"]),
            system=data["system"],
            user=data["user"],
            example_text=data["example"]["text"],
            example_output=data["example"]["output"],
            response=data.get("response", "ReportDraft"),
        )
    except FileNotFoundError:
        raise ConfigError(f"{path}: prompt file not found") from None
    except (tomllib.TOMLDecodeError, KeyError) as error:
        raise ConfigError(f"{path}: invalid prompt file ({error})") from None


def prompt_ids(directory: Path = PROMPTS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.toml"))


__all__ = ["DEFAULT_PROMPT", "PROMPTS_DIR", "Prompt", "defuse", "load_prompt", "prompt_ids"]
