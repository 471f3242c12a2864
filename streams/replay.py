"""Replay of historical input topics through the same pipeline, offline.

Reads the four input topics from a start time (or the beginning) up to their end offsets
as of the start of the replay, merges them by event time, and judges them with the
pipeline the stream and ``scan`` use. For audits: "what would bleedwatch have said?"
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

import orjson

from .scan import Coordinates
from .settings import Settings
from .topology import Topology

_SENTINEL_TS = float("inf")


def _event_time(raw: bytes, fallback: float) -> float:
    """Event time for ordering; unparseable records keep their Kafka timestamp."""
    try:
        from datetime import datetime

        value = orjson.loads(raw).get("timestamp")
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except Exception:
        return fallback


def read_history(
    settings: Settings,
    since_ms: int | None = None,
    on_record: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[bytes, Coordinates]]:
    """Every input record up to the end offsets of now, merged in event-time order.

    A k-way merge over partitions: each partition is in produce order, and a record is
    released once every unfinished partition has a record buffered, so memory stays at
    one fetch per partition.
    """
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap.split(","),
        enable_auto_commit=False,
        group_id=None,
        **settings.kafka_client_options(),
    )
    try:
        tps = [
            TopicPartition(topic, p)
            for topic in Topology(settings).inputs.values()
            for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        consumer.assign(tps)
        end = consumer.end_offsets(tps)
        start = consumer.beginning_offsets(tps)
        if since_ms is not None:
            for tp, found in consumer.offsets_for_times(dict.fromkeys(tps, since_ms)).items():
                start[tp] = found.offset if found is not None else end[tp]
        for tp in tps:
            consumer.seek(tp, start[tp])
        total = sum(end[tp] - start[tp] for tp in tps)
        open_tps = {tp for tp in tps if start[tp] < end[tp]}
        buffers: dict[Any, deque[Any]] = {tp: deque() for tp in tps}
        heap: list[tuple[float, int, Any]] = []
        done = 0
        seq = 0

        def push_head(tp: Any) -> None:
            nonlocal seq
            if buffers[tp]:
                record = buffers[tp][0]
                heapq.heappush(heap, (_event_time(record.value, record.timestamp / 1000), seq, tp))
                seq += 1

        while open_tps or heap:
            starving = [tp for tp in open_tps if not buffers[tp]]
            if starving:
                batch = consumer.poll(timeout_ms=1000, max_records=2000)
                for tp, records in batch.items():
                    was_empty = not buffers[tp]
                    for record in records:
                        if record.offset < end[tp]:
                            buffers[tp].append(record)
                    if records and records[-1].offset + 1 >= end[tp]:
                        open_tps.discard(tp)
                    if was_empty:
                        push_head(tp)
                if any(not buffers[tp] for tp in open_tps):
                    continue
            if not heap:
                continue
            _, _, tp = heapq.heappop(heap)
            record = buffers[tp].popleft()
            push_head(tp)
            done += 1
            if on_record:
                on_record(done, total)
            yield record.value, Coordinates(topic=tp.topic, partition=tp.partition, offset=record.offset)
    finally:
        consumer.close()
