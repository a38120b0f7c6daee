"""`jixiao run --engine processes|ray [--address …] [--max-in-flight N]`: where a run's files are worked on."""

from __future__ import annotations

from jixiao.batch import Engine
from jixiao.errors import ConfigError
from jixiao.isolation import Limits


def chosen_engine(
    name: str, address: str | None, workers: int, concurrency: int, cap: int | None, limits: Limits | None
) -> Engine | None:
    """None for this machine's processes; a Ray engine (imported only then: Ray is an optional extra)."""
    if name not in {"processes", "ray"}:
        raise ConfigError(f"--engine {name}: unknown engine (processes, ray)")
    if name == "processes":
        if address is not None or cap is not None:
            raise ConfigError("--address and --max-in-flight go with --engine ray")
        return None
    if cap is not None and cap < 1:
        raise ConfigError(f"--max-in-flight {cap}: must be at least 1")
    from jixiao.ray_engine import RayEngine

    return RayEngine(address=address, workers=workers, concurrency=concurrency, max_in_flight=cap, limits=limits)


__all__ = ["chosen_engine"]
