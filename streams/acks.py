"""Acks in offset order, per topic partition.

A worker finishes events out of offset order: a re-keyed event is acked once its forward is
confirmed while an earlier event of the same partition still waits in a sequencer, a dead
letter at once, and a session partition judges its four topics in event-time order.
faust-streaming commits the first run of consecutive acked offsets without checking that it
starts where the last commit ended: before a partition's first commit there is no check at
all, and after it the check is off by one (``Consumer._new_offset`` in faust-streaming
0.11 to 0.15). With offset 0 committed and acks ``[2, 3]`` it commits 4, and offset 1, still waiting, is never
delivered again after a rebalance or a restart: a model output without a verdict (seen: 8 of
808 outputs lost in one two-worker backlog with random producer keys).

So every delivered event is registered here when it arrives, and :meth:`OrderedAcks.ack`
passes an ack on to Faust only once every earlier event of its partition is acked too. A
revoked partition's register is dropped: its unacked events go to the new owner.
"""

from __future__ import annotations

from collections import deque
from typing import Any

TopicPartition = tuple[str, int]


class OrderedAcks:
    """Holds each partition's acks back until the earlier offsets are acked."""

    def __init__(self) -> None:
        self._order: dict[TopicPartition, deque[int]] = {}  # offsets in arrival (= offset) order
        self._events: dict[TopicPartition, dict[int, Any]] = {}  # offset -> the Faust event
        self._done: dict[TopicPartition, set[int]] = {}

    def received(self, event: Any) -> None:
        """Register a delivered event (in the order the consumer delivered it)."""
        msg = event.message
        tp = (msg.topic, msg.partition)
        events = self._events.setdefault(tp, {})
        if msg.offset in events:
            return  # delivered again within one assignment: one entry
        events[msg.offset] = event
        self._order.setdefault(tp, deque()).append(msg.offset)
        self._done.setdefault(tp, set())

    def ack(self, event: Any) -> None:
        """The event is finished: ack it and every later finished one once nothing before it
        is waiting. An event never registered (its partition was revoked since) is ignored."""
        msg = event.message
        tp = (msg.topic, msg.partition)
        events = self._events.get(tp)
        if events is None or msg.offset not in events:
            return
        done = self._done[tp]
        done.add(msg.offset)
        order = self._order[tp]
        while order and order[0] in done:
            offset = order.popleft()
            done.discard(offset)
            events.pop(offset).ack()

    def waiting(self, topic: str, partition: int) -> int:
        """Events of the partition registered and not yet passed on."""
        return len(self._order.get((topic, partition), ()))

    def revoked(self, topic: str, partition: int) -> None:
        tp = (topic, partition)
        self._order.pop(tp, None)
        self._events.pop(tp, None)
        self._done.pop(tp, None)
