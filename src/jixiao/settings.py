"""The one settings object: built once (explicit argument > environment > config file > default), then passed.

Environment variables use the prefix `JIXIAO_`; `OPENAI_API_KEY` and `OPENAI_BASE_URL` are read as fallbacks
so a machine already set up for the openai client needs nothing more. A TOML config file is optional: name it
with `config_file=` or `JIXIAO_CONFIG`. The key is a SecretStr: it never appears in a repr, log or output.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from jixiao.errors import ConfigError
from jixiao.redaction import register_secret

InstructorMode = Literal["tools", "tools_strict", "json", "md_json", "json_schema"]


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jixiao" / "llm"


class Settings(BaseSettings):
    """Everything the llm backend needs; the rules backend needs none of it."""

    model_config = SettingsConfigDict(
        env_prefix="JIXIAO_", frozen=True, extra="ignore", populate_by_name=True, case_sensitive=False
    )

    config_file: Path | None = Field(default=None, description="TOML config file (or JIXIAO_CONFIG)")
    api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("api_key", "JIXIAO_API_KEY", "OPENAI_API_KEY")
    )
    base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("base_url", "JIXIAO_BASE_URL", "OPENAI_BASE_URL"),
        description="OpenAI-compatible endpoint, e.g. https://api.deepseek.com/v1",
    )
    model: str = Field(default="gpt-4o-mini", description="model name as the endpoint knows it")
    mode: InstructorMode = Field(default="tools", description="how instructor asks for structured output")
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    max_tokens: int | None = Field(default=None, gt=0, description="cap on completion tokens per call")
    timeout: float = Field(default=120.0, gt=0, description="seconds per HTTP request, in all (a total deadline)")
    # Per file, whatever the backend (hostile input): each file is read in a worker process under both caps.
    file_memory_mb: int = Field(default=2048, ge=256, description="address space of the worker reading a file (MB)")
    file_timeout: float = Field(default=120.0, gt=0, description="seconds a file may take to read, extract, check")
    max_answer_bytes: int = Field(
        default=1_000_000, ge=1_000, description="an answer larger than this is not read (nor sent back in a re-ask)"
    )
    max_concurrency: int = Field(default=4, ge=1, description="reports extracted at once in a batch")
    max_retries: int = Field(default=2, ge=0, description="re-asks after output that fails validation")
    transport_retries: int = Field(default=4, ge=0, description="HTTP retries on 429, 5xx, timeouts")
    retry_max_wait: float = Field(default=60.0, ge=0, description="longest wait between HTTP retries (s)")
    max_chunk_chars: int = Field(default=30_000, ge=500, description="longer documents are split into chunks")
    cache: bool = Field(default=True, description="reuse responses for unchanged documents")
    cache_dir: Path = Field(default_factory=_default_cache_dir)

    # Local GGUF model (issue 8): jixiao starts llama.cpp's OpenAI-compatible server for it.
    model_file: Path | None = Field(default=None, description="GGUF model file to serve locally")
    n_ctx: int = Field(default=8192, ge=256, description="llama.cpp context size (tokens)")
    n_threads: int = Field(default=2, ge=1, description="llama.cpp threads (2-core default)")
    n_gpu_layers: int = Field(default=0, ge=-1, description="layers offloaded to a GPU (0: CPU only)")
    server_start_timeout: float = Field(default=180.0, gt=0, description="seconds to wait for the local server")

    @model_validator(mode="after")
    def _key_not_blank(self) -> Settings:
        if self.api_key is not None and not self.api_key.get_secret_value().strip():
            object.__setattr__(self, "api_key", None)
        if self.api_key is not None:  # from now on every message jixiao prints or stores masks it
            register_secret(self.api_key.get_secret_value())
        return self

    @property
    def configured(self) -> bool:
        """True when an LLM endpoint is set up: `--backend auto` then picks llm."""
        return self.api_key is not None or self.base_url is not None or self.model_file is not None

    @property
    def model_label(self) -> str | None:
        """The model as a person names it: the GGUF file for a local model, else the endpoint's model name."""
        return self.model_file.name if self.model_file is not None else self.model

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = _config_file(init_settings)
        if config_file is not None:
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: config file not found")
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)


def _config_file(init_settings: PydanticBaseSettingsSource) -> Path | None:
    explicit = init_settings.init_kwargs.get("config_file") if isinstance(init_settings, InitSettingsSource) else None
    named = explicit or os.environ.get("JIXIAO_CONFIG")
    return Path(named) if named else None


def load_settings(**explicit: Any) -> Settings:
    """Build the settings; arguments given as None count as not given. Invalid values raise ConfigError."""
    given = {name: value for name, value in explicit.items() if value is not None}
    try:
        return Settings(**given)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in error.errors())
        raise ConfigError(f"invalid settings: {problems}") from None


__all__ = ["InstructorMode", "Settings", "load_settings"]
