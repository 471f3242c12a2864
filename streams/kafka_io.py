"""Plain Kafka clients (kafka-python) for producing events files and reading output topics."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

from bleedwatch.models import EventKind

from .settings import Settings
from .topology import Topology, session_partition_key

KeyMode = Literal["session", "empty", "random"]
KEY_MODES: tuple[KeyMode, ...] = ("session", "empty", "random")


@dataclass(slots=True)
class ProduceStats:
    sent: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    by_topic: dict[str, int] = field(default_factory=dict)
    send_times: dict[str, float] = field(default_factory=dict)  # event_id -> wall clock


def make_producer(settings: Settings, **overrides: Any) -> Any:
    from kafka import KafkaProducer

    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap.split(","),
        "client_id": "bleedwatch-producer",
        "acks": "all",
        "linger_ms": 5,
        **settings.kafka_client_options(),
    }
    options.update(overrides)
    return KafkaProducer(**options)


def route(line: bytes, topology: Topology) -> tuple[str, bytes, str]:
    """(topic, key, event_id) for an event line; raises ValueError when it cannot be routed."""
    try:
        data = orjson.loads(line)
        kind = EventKind(data["kind"])
        key = session_partition_key(str(data["tenant_id"]), str(data["session_id"]))
        return topology.inputs[kind], key, str(data.get("event_id", ""))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{type(exc).__name__}: {exc}") from None


def produce_lines(
    settings: Settings,
    lines: Iterable[bytes],
    rate: float | None = None,
    on_sent: Callable[[], None] | None = None,
    producer: Any = None,
    *,
    keys: KeyMode = "session",
) -> ProduceStats:
    """Publish each event to its kind's input topic; ``rate`` in events/s.

    ``keys`` is the Kafka key each event is sent with: ``"session"`` (the default) the
    session's partition key; ``"empty"`` no key (None); ``"random"`` a random 16-hex key per
    event. The last two stand for producers that key by something else than the session.
    """
    if keys not in KEY_MODES:
        raise ValueError(f"keys must be one of {', '.join(KEY_MODES)}, not {keys!r}")
    topology = Topology(settings)
    own = producer is None
    producer = producer or make_producer(settings)
    stats = ProduceStats()
    interval = 1.0 / rate if rate else 0.0
    next_at = time.perf_counter()
    try:
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if not line:
                continue
            try:
                topic, key, event_id = route(line, topology)
            except ValueError as exc:
                stats.rejected.append((number, str(exc)))
                continue
            if interval:
                next_at += interval
                pause = next_at - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
            sent_key: bytes | None = key
            if keys == "empty":
                sent_key = None
            elif keys == "random":
                sent_key = os.urandom(8).hex().encode()
            stats.send_times[event_id] = time.time()
            producer.send(topic, key=sent_key, value=line)
            stats.sent += 1
            stats.by_topic[topic] = stats.by_topic.get(topic, 0) + 1
            if on_sent:
                on_sent()
        producer.flush()
    finally:
        if own:
            producer.close()
    return stats


def consume(
    settings: Settings,
    topics: list[str],
    *,
    stop: Callable[[list[Any]], bool],
    timeout_s: float = 120.0,
    group_id: str | None = None,
) -> Iterator[Any]:
    """Yield ConsumerRecords from the beginning of ``topics`` until ``stop(seen)`` or timeout."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(
        *topics,
        bootstrap_servers=settings.bootstrap.split(","),
        group_id=group_id,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=500,
        **settings.kafka_client_options(),
    )
    seen: list[Any] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline and not stop(seen):
            for record in consumer:
                seen.append(record)
                yield record
                if stop(seen) or time.monotonic() >= deadline:
                    break
    finally:
        consumer.close()
