"""Event-time low watermarks across session partitions, for the attribution index.

An output is judged against the sightings any session recorded before it. The index is
partitioned by fingerprint and fed by every session partition, each at its own pace: after
an outage one partition may be minutes of event time ahead of another. Reading "as of" the
output's event time is not enough when the partition that saw the source has not recorded
it yet; that made a backlog judge differently from ``scan`` (proven leaks came out as
unattributed alerts).

So each session partition publishes a :class:`~.index_codec.Mark` to every index partition
after its records: every one of its events with event time below ``event_time`` is applied,
and every event appended before wall time ``fetched`` is applied (it was caught up with its
input topics as of a fetch then). An index partition answers a lookup only for the leading
outputs that every other session partition has covered, by either clause:

- ``event_time``: how a backlog advances; a partition never waits for an output's records
  (they depend on lookups) before it judges the outputs the index is complete for, so the
  partition with the earliest waiting output can always go on: no deadlock.
- ``fetched``: how idle partitions advance; a producer appends an output's evidence before
  the output, so a partition caught up as of a fetch made after the output was fetched has
  applied that evidence, whatever its event time.

The asking partition's own records travel the same topic partition before its lookup, so
they need no mark. A maximum wait bounds every lookup (``watermark_max_wait_s``); past it the
answer says so and is counted.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Sequence

from .index_codec import Mark

_NEVER = float("-inf")


class Watermarks:
    """One index partition's view of every session partition's progress."""

    def __init__(self, partitions: int) -> None:
        self.partitions = partitions
        self._event_time = [_NEVER] * partitions
        self._fetched = [_NEVER] * partitions
        self.changed = asyncio.Event()

    def update(self, mark: Mark) -> bool:
        """Fold in a mark (marks only move forward); True if anything advanced."""
        p = mark.source
        if not 0 <= p < self.partitions:
            return False
        advanced = False
        if mark.event_time > self._event_time[p]:
            self._event_time[p] = mark.event_time
            advanced = True
        if mark.fetched > self._fetched[p]:
            self._fetched[p] = mark.fetched
            advanced = True
        if advanced:
            self.changed.set()
        return advanced

    def covers(self, asker: int, event_time: float, fetched_by: float) -> bool:
        """Has every session partition but ``asker`` recorded what an output of that event
        time, fetched by that wall time, may read?"""
        et, ft = self._event_time, self._fetched
        return all(p == asker or et[p] >= event_time or ft[p] >= fetched_by for p in range(self.partitions))

    def complete(self, asker: int, outputs: Sequence[tuple[float, float]]) -> int:
        """How many leading ``outputs`` (event time, fetched by) are covered."""
        n = 0
        for event_time, fetched_by in outputs:
            if not self.covers(asker, event_time, fetched_by):
                break
            n += 1
        return n

    def lagging(self, asker: int, event_time: float, fetched_by: float) -> list[int]:
        """The partitions an output still waits for (for logs and metrics)."""
        et, ft = self._event_time, self._fetched
        return [p for p in range(self.partitions) if p != asker and et[p] < event_time and ft[p] < fetched_by]


async def wait_complete(
    marks: Watermarks,
    asker: int,
    outputs: Sequence[tuple[float, float]],
    max_wait_s: float,
    clock: Callable[[], float],
    refresh: Callable[[], None] | None = None,
) -> tuple[int, bool]:
    """Wait until the first output is covered; returns (outputs covered, timed out).

    Past ``max_wait_s`` every output counts as covered and ``timed out`` is True.
    ``refresh()``, if given, folds in marks read on demand (this worker's own partitions'
    progress), polled every 5 ms: their progress moves without any message.
    """
    deadline = clock() + max_wait_s
    poll = 0.005 if refresh is not None else 0.05
    while True:
        if refresh is not None:
            refresh()
        done = marks.complete(asker, outputs)
        if done or not outputs:
            return done, False
        left = deadline - clock()
        if left <= 0:
            return len(outputs), True
        marks.changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(marks.changed.wait(), min(left, poll))
