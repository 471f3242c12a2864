"""Test seams for the stream layer: real worker processes on a real broker, and topic readers.

Used by bleedwatch's integration tests and benchmarks; usable by anyone testing a
deployment. Nothing here mocks Kafka.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import orjson

from .kafka_io import consume
from .processes import WorkerProcess, free_port
from .settings import Settings

__all__ = ["WorkerProcess", "free_port", "read_json", "read_until_quiet", "unique_prefix"]


def unique_prefix(label: str = "it") -> str:
    """A topic prefix (and so app id) no other run shares."""
    return f"{label}{uuid.uuid4().hex[:8]}."


def read_json(settings: Settings, topic: str, count: int, timeout_s: float = 120.0) -> list[dict[str, Any]]:
    """The first ``count`` JSON values of ``topic`` (fewer if the timeout passes)."""
    records = consume(settings, [topic], stop=lambda seen: len(seen) >= count, timeout_s=timeout_s)
    return [orjson.loads(r.value) for r in records]


def read_until_quiet(
    settings: Settings, topic: str, quiet_s: float = 5.0, timeout_s: float = 180.0
) -> Iterator[dict[str, Any]]:
    """Every JSON value of ``topic``, stopping once nothing new came for ``quiet_s``."""
    last = [time.monotonic()]

    def stop(seen: list[Any]) -> bool:
        if seen and len(seen) != getattr(stop, "n", 0):
            stop.n = len(seen)  # type: ignore[attr-defined]
            last[0] = time.monotonic()
        return time.monotonic() - last[0] > quiet_s

    for record in consume(settings, [topic], stop=stop, timeout_s=timeout_s):
        yield orjson.loads(record.value)
