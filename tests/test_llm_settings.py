"""Settings: explicit argument > environment > config file > default; the key never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.errors import ConfigError
from jixiao.settings import load_settings


def test_defaults_need_no_configuration() -> None:
    settings = load_settings()
    assert (settings.mode, settings.temperature, settings.configured) == ("tools", 0.0, False)


def test_precedence_argument_over_environment_over_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "jixiao.toml"
    config.write_text('model = "file-model"\nmode = "json"\ntemperature = 0.3\n', encoding="utf-8")
    monkeypatch.setenv("JIXIAO_MODE", "md_json")
    settings = load_settings(config_file=config, temperature=0.1)
    assert (settings.model, settings.mode, settings.temperature) == ("file-model", "md_json", 0.1)


def test_config_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "c.toml"
    config.write_text('base_url = "http://127.0.0.1:11434/v1"\n', encoding="utf-8")
    monkeypatch.setenv("JIXIAO_CONFIG", str(config))
    assert load_settings().base_url == "http://127.0.0.1:11434/v1"
    assert load_settings().configured


def test_openai_variables_are_fallbacks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("OPENAI_BASE_URL", "https://example.invalid/v1")
    settings = load_settings()
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-openai"
    monkeypatch.setenv("JIXIAO_API_KEY", "sk-jixiao")
    settings = load_settings()
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-jixiao"


def test_key_never_appears_in_repr_or_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_API_KEY", "sk-secret-value-123")
    settings = load_settings()
    assert "sk-secret-value-123" not in repr(settings)
    assert "sk-secret-value-123" not in settings.model_dump_json()


def test_invalid_values_and_missing_config_file_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="mode"):
        load_settings(mode="telepathy")
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(config_file=tmp_path / "missing.toml")


def test_settings_are_frozen() -> None:
    settings = load_settings()
    with pytest.raises(ValueError):
        settings.model = "other"  # type: ignore[misc]
