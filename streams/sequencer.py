"""Event-time alignment of one session partition across the four input topics.

Every event of a partition goes into one heap ordered by event time. The head is released
once every input topic of the partition has delivered everything produced up to the head's
produce time (or has nothing left to deliver), or once it has waited the grace period. So a
session's events are judged in event-time order even when one topic lags behind another;
evidence that still arrives later is applied on arrival, and retracts what it explains.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.models import Event, EventKind

# Evidence sorts before an output with the same event time.
_KIND_ORDER = {
    EventKind.USER_INPUT: 0,
    EventKind.RETRIEVED_CONTEXT: 1,
    EventKind.TOOL_TRACE: 2,
    EventKind.MODEL_OUTPUT: 3,
}


@dataclass(order=True, slots=True)
class Pending:
    sort_key: tuple[float, int, int]
    produced: float = field(compare=False)  # Kafka timestamp, seconds
    arrived: float = field(compare=False)  # monotonic clock at arrival
    message: Any = field(compare=False)  # the Faust event, acked once processed
    event: Event = field(compare=False)


class PartitionSequencer:
    def __init__(
        self,
        topics: list[str],
        grace_s: float,
        highwater: Callable[[str], int | None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._topics = topics
        self._grace = grace_s
        self._highwater = highwater
        self._clock = clock
        self._heap: list[Pending] = []
        self._received: dict[str, tuple[int, float]] = {}
        self._seq = itertools.count()
        self._wakeup = asyncio.Event()
        self.grace_expired = 0

    def __len__(self) -> int:
        return len(self._heap)

    def push(self, topic: str, offset: int, produced: float, message: Any, event: Event) -> None:
        last = self._received.get(topic)
        if last is None or offset > last[0]:
            self._received[topic] = (offset, produced)
        key = (event.timestamp.timestamp(), _KIND_ORDER[event.kind], next(self._seq))
        heapq.heappush(self._heap, Pending(key, produced, self._clock(), message, event))
        self._wakeup.set()

    def mark_received(self, topic: str, offset: int, produced: float) -> None:
        """A message that will not be sequenced (a dead letter) still counts as delivered."""
        last = self._received.get(topic)
        if last is None or offset > last[0]:
            self._received[topic] = (offset, produced)
        self._wakeup.set()

    def _caught_up(self, topic: str, produced_before: float) -> bool:
        offset, produced = self._received.get(topic, (-1, 0.0))
        if produced >= produced_before:
            return True
        highwater = self._highwater(topic)
        return highwater is not None and offset + 1 >= highwater

    def _releasable(self, head: Pending, now: float) -> bool:
        if all(self._caught_up(t, head.produced) for t in self._topics):
            return True
        if now - head.arrived >= self._grace:
            self.grace_expired += 1  # released without knowing every topic caught up
            return True
        return False

    def pop_ready(self, limit: int) -> list[Pending]:
        """Up to ``limit`` events, in event-time order, whose turn has come."""
        out: list[Pending] = []
        now = self._clock()
        while self._heap and len(out) < limit and self._releasable(self._heap[0], now):
            out.append(heapq.heappop(self._heap))
        return out

    def drain(self) -> list[Pending]:
        items, self._heap = sorted(self._heap), []
        return items

    async def wait(self, timeout: float) -> None:
        self._wakeup.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), timeout)
