"""Event-time alignment of one session partition across the four input topics.

Every event of a partition goes into one heap ordered by event time. The head is released
once every input topic of the partition has delivered everything produced up to the head's
produce time (or has nothing left to deliver), or once it has waited the grace period. So a
session's events are judged in event-time order even when one topic lags behind another;
evidence that still arrives later is applied on arrival, and retracts what it explains.

"Nothing left to deliver" is judged by the topic's end offset as of a fetch (or a read) made
no earlier than the fetch that delivered the head: a producer appends an output's evidence
before the output itself, so a later look at the topic's end covers it. A consumer's fetch
covers all its idle partitions at once, so at low traffic the head's own fetch usually
does. It refetches a partition only once it has handed over what it fetched before, so under
a backlog the end offset it knows can predate the head by seconds; trusting it regardless, a
full-load run judged 60 of 2,000 outputs before their evidence (alerts, retracted later).
Anchoring on produce time instead was not enough: a busy producer's records wait in its
buffer after being timestamped.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections.abc import Callable, Iterable
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
    # wall time by which the consumer had fetched this event: later looks at another topic's
    # end offset cover the evidence appended before it
    fetched_by: float = field(compare=False)
    message: Any = field(compare=False)  # the Faust event, acked once processed
    event: Event = field(compare=False)
    # monotonic time it was first found at the head but not releasable: the grace period
    # counts from then, not from arrival (under a backlog an event arrives long before its
    # turn, and counting from arrival released heads before re-keyed evidence could reach them)
    waiting_since: float | None = field(default=None, compare=False)


class PartitionSequencer:
    def __init__(
        self,
        topics: list[str],
        grace_s: float,
        end_offset: Callable[[str], tuple[int, float] | None],
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        upstream: Callable[[float, float], bool] | None = None,
        upstream_as_of: Callable[[], float] | None = None,
    ) -> None:
        """``end_offset(topic)``: the partition's end offset and the wall time of the fetch (or
        read) that reported it. ``upstream(produced, fetched_by)``: whether events on their way
        to this partition from elsewhere (re-keyed, :mod:`.repartition`) that were produced
        before the head have arrived; ``upstream_as_of()``: the wall time as of which nothing
        re-keyed can still be on its way here."""
        self._topics = topics
        self._upstream = upstream
        self._upstream_as_of = upstream_as_of
        self._grace = grace_s
        self._end_offset = end_offset
        self._wall_clock = wall_clock
        self._clock = clock
        self._heap: list[Pending] = []
        self._received: dict[str, tuple[int, float]] = {}
        self._seq = itertools.count()
        self._wakeup = asyncio.Event()
        self.grace_expired = 0
        self.released_through = float("-inf")  # event time of the last event handed out

    def __len__(self) -> int:
        return len(self._heap)

    def push(
        self,
        topic: str,
        offset: int,
        produced: float,
        message: Any,
        event: Event,
        fetched_by: float | None = None,
    ) -> None:
        """``fetched_by``: when the consumer's fetch that delivered it was received (wall
        time); default: now."""
        last = self._received.get(topic)
        if last is None or offset > last[0]:
            self._received[topic] = (offset, produced)
        key = (event.timestamp.timestamp(), _KIND_ORDER[event.kind], next(self._seq))
        fetched = fetched_by if fetched_by is not None else self._wall_clock()
        pending = Pending(key, produced, self._clock(), fetched, message, event)
        heapq.heappush(self._heap, pending)
        self._wakeup.set()

    def mark_received(self, topic: str, offset: int, produced: float) -> None:
        """A message that will not be sequenced (a dead letter) still counts as delivered."""
        last = self._received.get(topic)
        if last is None or offset > last[0]:
            self._received[topic] = (offset, produced)
        self._wakeup.set()

    def _caught_up(self, topic: str, head: Pending) -> bool:
        offset, produced = self._received.get(topic, (-1, 0.0))
        if produced >= head.produced:
            return True
        end = self._end_offset(topic)
        return end is not None and end[1] >= head.fetched_by and offset + 1 >= end[0]

    def stale_topics(self, waited_s: float) -> set[str]:
        """Topics the head has waited on for ``waited_s`` or more because no fetch since the
        one that delivered it reported their end offset. At low traffic the consumer's next
        fetch may be a long poll away: the worker then reads them itself."""
        if not self._heap or self._clock() - self._heap[0].arrived < waited_s:
            return set()
        head = self._heap[0]
        stale = set()
        for topic in self._topics:
            if self._received.get(topic, (-1, 0.0))[1] >= head.produced:
                continue  # caught up by produce time: no end offset needed
            end = self._end_offset(topic)
            if end is None or end[1] < head.fetched_by:
                stale.add(topic)
        return stale

    def waiting(self, waited_s: float) -> Pending | None:
        """The head, if it has waited ``waited_s`` or more."""
        if not self._heap or self._clock() - self._heap[0].arrived < waited_s:
            return None
        return self._heap[0]

    def wake(self) -> None:
        self._wakeup.set()

    def _all_caught_up(self, head: Pending) -> bool:
        return all(self._caught_up(t, head) for t in self._topics) and (
            self._upstream is None or self._upstream(head.produced, head.fetched_by)
        )

    def _releasable(self, head: Pending, now: float) -> bool:
        if self._all_caught_up(head):
            return True
        if head.waiting_since is None:
            head.waiting_since = now
        if now - head.waiting_since >= self._grace:
            self.grace_expired += 1  # released without knowing every topic caught up
            return True
        return False

    def pop_ready(self, limit: int) -> list[Pending]:
        """Up to ``limit`` events, in event-time order, whose turn has come."""
        out: list[Pending] = []
        now = self._clock()
        while self._heap and len(out) < limit and self._releasable(self._heap[0], now):
            out.append(heapq.heappop(self._heap))
        if out:
            self.released_through = max(self.released_through, out[-1].sort_key[0])
        return out

    def low_watermark(self) -> float:
        """Event time below which every event of the partition has been handed out.

        The head's time once every topic has delivered what was produced before it (nothing
        earlier can still come), else the time of the last event handed out.
        """
        if self._heap:
            head = self._heap[0]
            if self._all_caught_up(head):
                return max(self.released_through, head.sort_key[0])
        return self.released_through

    def caught_up_as_of(self) -> float | None:
        """With nothing buffered: the wall time as of which every topic of the partition had
        delivered all it held (the oldest of their end-offset looks), else None."""
        if self._heap:
            return None
        oldest = float("inf")
        for topic in self._topics:
            end = self._end_offset(topic)
            offset = self._received.get(topic, (-1, 0.0))[0]
            if end is None or offset + 1 < end[0]:
                return None
            oldest = min(oldest, end[1])
        if self._upstream_as_of is not None:  # nothing re-keyed may be on its way from before
            oldest = min(oldest, self._upstream_as_of())
        return oldest

    def requeue(self, items: Iterable[Pending]) -> None:
        """Put back events released earlier but never processed (their task died)."""
        for item in items:
            heapq.heappush(self._heap, item)
            # handed out no longer: progress marks must not claim them
            self.released_through = min(self.released_through, item.sort_key[0])
        self._wakeup.set()

    def oldest_arrival(self) -> float | None:
        """When the longest-waiting buffered event arrived (``clock`` time), or None."""
        return min((p.arrived for p in self._heap), default=None)

    def drain(self) -> list[Pending]:
        items, self._heap = sorted(self._heap), []
        return items

    async def wait(self, timeout: float) -> None:
        self._wakeup.clear()
        # not wait_for: on Python 3.11 it swallows a cancellation that coincides with a wake-up,
        # and a cancelled partition's extraction stage went on popping events
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wakeup.wait()


def oldest_arrival(sequencers: Iterable[PartitionSequencer]) -> float | None:
    """When the longest-waiting event buffered in any of ``sequencers`` arrived, or None."""
    return min((a for s in sequencers if (a := s.oldest_arrival()) is not None), default=None)
