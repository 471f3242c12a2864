"""Re-keying: input from producers that do not key by session.

An event on an input partition that is not its session's (the producer left the key empty or
keyed by request id) is forwarded, raw bytes, key = session key and its Kafka timestamp kept,
to the internal repartition topic at its session's partition, as Kafka Streams does, and
acked only once the forward is confirmed (at-least-once: a duplicate is learnt twice, which
changes nothing, or is an output its session's journal already judged). The session
partition's worker sequences it with the rest of that partition's input. Events already on
their session's partition take no extra hop.

Ordering. A sequencer releases a head once each input topic of its partition has delivered
everything produced before it (see :mod:`.sequencer`). A forwarded event is on none of those
topics while it is on its way, and the repartition topic's end offset does not show what
another worker has not forwarded yet. So each *source* (one input topic's partition) tells
every repartition partition how far it has got, in **forward marks**: small records on the
repartition topic, sent after the forwards they cover, carrying the source's
:class:`Coverage`: the last offset it has handled (forwarded where needed, the forwards
confirmed), the Kafka timestamp of the newest record handled, and the wall time of a fetch of
it whose end it had handled. A partition's :class:`MarkTracker` covers a head once every
source that could forward to it (every input partition but its own) has a mark with
``produced >= head.produced``, or ``fetched >= head.fetched_by``, or an ``offset`` at the
source's end offset as read (by this worker) after the head was fetched. A mark arrives after
the forwards it covers (same partition, sent later), so they have been sequenced by then.

When marks flow. A partition that has never seen a forwarded event cannot know that none is
on its way, and marks from every source at a rate low enough to be cheap would hold every
output back by that interval. So: **marks flow, and trackers count, once a worker has seen
re-keying**, an event it forwarded itself or any record (event or mark) on its repartition
partitions. The first forward sends a round of marks to every partition at once, so every
worker learns of it within a round trip. From then on a worker sends every partition, at most
every ``rekey_mark_interval_ms``, a mark of its sources when one of them has handled records
since (nothing when idle: the third rule above covers an idle source, the waiting worker
reading its end offset as it does for its own topics), and once a second regardless (for a
partition's new owner; a fetch caught up with counts then too: a mark makes its receiver
fetch, so marks answering fetches would never stop). A worker stays in that mode for its
lifetime. While every producer keys by session no mark is sent and the sequencers run as
before; the cost is a cached partition lookup and a dictionary update per event.

What the rule leaves open: the very first mis-keyed evidence of a worker's life races the
first marks, so an output of its session judged within that round trip (a few ms live; in a
backlog every partition releases its first batches at once, and 64 of 808 outputs differed
from ``scan`` in one run) is judged without it (the evidence retracts then, as late evidence
does). Where producers are known not to key by session, ``input_keys: any`` starts every
worker active: marks flow and trackers count from the first event. The fetch rule compares wall
times of different workers: their clocks are assumed to agree to well under a fetch round
trip (NTP does); the other two rules do not. A source's handled offset starts at -1 when its
worker takes it over, so until it handles a record only an empty partition counts as caught
up by offset, like the sequencer's own topics. The grace period bounds every wait.

Marks are recognised by a header (``bleedwatch-mark``: the codec version), never parsed as
events or dead-lettered; a forwarded event carries the wall time of the fetch that brought it
to its first worker (``bleedwatch-fetched``) so that its wait is judged from there.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import orjson

from bleedwatch.models import Event

from .topology import event_key, partition_for

MARK_VERSION = 1
MARK_HEADER = "bleedwatch-mark"
FETCHED_HEADER = "bleedwatch-fetched"

Source = tuple[str, int]  # (input topic, partition)
End = tuple[int, float] | None  # a partition's end offset and the wall time it was learnt
Headers = Sequence[tuple[str, bytes]] | Mapping[str, bytes] | None


# -- the forwarder decision ---------------------------------------------------------------------
@functools.lru_cache(maxsize=65536)
def _home(key: bytes, partitions: int) -> int:
    return partition_for(key, partitions)


def rekey_target(partition: int, event: Event, partitions: int) -> int | None:
    """The session's partition when the event arrived on another one, else None."""
    home = _home(event_key(event), partitions)
    return None if home == partition else home


def sources_for(input_topics: Iterable[str], partition: int, partitions: int) -> set[Source]:
    """The sources that may forward to ``partition``: every input partition but its own."""
    return {(topic, p) for topic in input_topics for p in range(partitions) if p != partition}


# -- the mark codec -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Coverage:
    """What a source has handled (forwarded where needed): every record up to ``offset``, so
    every record with a Kafka timestamp up to ``produced``, and every record appended before
    the fetch received at ``fetched``."""

    offset: int = -1
    produced: float = 0.0  # Kafka timestamp, seconds
    fetched: float = 0.0  # wall time, seconds

    def covers(self, produced: float, fetched_by: float, end: End = None) -> bool:
        """Whether a head produced at ``produced`` and fetched by ``fetched_by`` has nothing
        left to wait for from this source; ``end``: the source's end offset as last learnt."""
        if self.produced >= produced or self.fetched >= fetched_by:
            return True
        return end is not None and end[1] >= fetched_by and self.offset + 1 >= end[0]

    def merge(self, other: Coverage) -> Coverage:
        return Coverage(
            max(self.offset, other.offset),
            max(self.produced, other.produced),
            max(self.fetched, other.fetched),
        )


class MarkError(ValueError):
    """A mark this version cannot read."""


def encode_mark(entries: Mapping[Source, Coverage]) -> bytes:
    rows = [[t, p, c.offset, c.produced, c.fetched] for (t, p), c in sorted(entries.items())]
    return orjson.dumps({"v": MARK_VERSION, "sources": rows})


def decode_mark(payload: bytes) -> dict[Source, Coverage]:
    try:
        data = orjson.loads(payload)
        if data["v"] != MARK_VERSION:
            version = data["v"]  # logged: a small number only, never a payload's text
            shown = version if isinstance(version, int) and 0 <= version < 1000 else "unreadable"
            raise MarkError(f"mark version {shown}")
        return {
            (str(topic), int(partition)): Coverage(int(offset), float(produced), float(fetched))
            for topic, partition, offset, produced, fetched in data["sources"]
        }
    except MarkError:
        raise
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise MarkError(type(exc).__name__) from None


def _header(headers: Headers, name: str) -> bytes | None:
    if not headers:
        return None
    items = headers.items() if isinstance(headers, Mapping) else headers
    for key, value in items:
        if key == name:
            return bytes(value) if value is not None else b""
    return None


def is_mark(headers: Headers) -> bool:
    return _header(headers, MARK_HEADER) is not None


def mark_headers() -> list[tuple[str, bytes]]:
    return [(MARK_HEADER, str(MARK_VERSION).encode())]


def forward_headers(fetched_by: float | None) -> list[tuple[str, bytes]]:
    return [] if fetched_by is None else [(FETCHED_HEADER, repr(fetched_by).encode())]


def forwarded_fetch_time(headers: Headers) -> float | None:
    """The wall time of the fetch that brought a forwarded event to its first worker."""
    value = _header(headers, FETCHED_HEADER)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


# -- cluster state, forwarder progress and the per-partition tracker ----------------------------
class RekeyState:
    """Whether this worker has seen re-keying: from then on it sends marks and waits for them."""

    def __init__(self, active: bool = False) -> None:
        self.active = active

    def activate(self) -> bool:
        """True when this call switched it on."""
        if self.active:
            return False
        self.active = True
        return True


class MarkSender:
    """A worker's sources' progress, and which marks a round should send (pure; no I/O)."""

    def __init__(self, partitions: int, heartbeat_s: float = 1.0) -> None:
        self._partitions = partitions
        self._heartbeat = heartbeat_s
        self._coverage: dict[Source, Coverage] = {}
        self._sent: dict[int, tuple[dict[Source, Coverage], float]] = {}  # per partition: last mark

    def handled(self, topic: str, partition: int, offset: int, produced: float) -> None:
        """Every record of the source up to ``offset`` is handled: sequenced here, dead-lettered,
        or forwarded and the forward confirmed."""
        source = (topic, partition)
        current = self._coverage.get(source, Coverage())
        if offset > current.offset or produced > current.produced:
            self._coverage[source] = Coverage(
                max(offset, current.offset), max(produced, current.produced), current.fetched
            )

    def caught_up(self, topic: str, partition: int, end: End) -> None:
        """``end``: the source's end offset and the wall time of the fetch that reported it."""
        if end is None:
            return
        source = (topic, partition)
        current = self._coverage.get(source, Coverage())
        if current.offset + 1 >= end[0] and end[1] > current.fetched:
            self._coverage[source] = Coverage(current.offset, current.produced, end[1])

    def coverage(self, source: Source) -> Coverage:
        return self._coverage.get(source, Coverage())

    def round(self, owned: Iterable[Source], now: float) -> list[tuple[int, bytes]]:
        """(partition, mark) for each repartition partition whose mark from the ``owned``
        sources has news: records handled since the last one sent to it; a later fetch caught
        up with only once a heartbeat (a mark makes its receiver fetch: marks answering those
        fetches would never stop), when everything is also sent again for a new owner."""
        owned = sorted(set(owned))
        out = []
        for partition in range(self._partitions):
            entries = {s: self.coverage(s) for s in owned if s[1] != partition}
            if not entries:
                continue
            last = self._sent.get(partition)
            if last is not None and now - last[1] < self._heartbeat:
                before = last[0]
                if all(
                    s in before and (c.offset, c.produced) == (before[s].offset, before[s].produced)
                    for s, c in entries.items()
                ):
                    continue
            self._sent[partition] = (entries, now)
            out.append((partition, encode_mark(entries)))
        return out


class MarkTracker:
    """How far every source that may forward to one session partition has forwarded.

    ``end_offset(topic, partition)``: a source's end offset as this worker last learnt it, from
    its consumer's fetch or its own read (the sequencer's look at a topic's end, for sources)."""

    def __init__(
        self,
        sources: Iterable[Source],
        state: RekeyState,
        end_offset: Callable[[str, int], End] = lambda topic, partition: None,
    ) -> None:
        self._state = state
        self._coverage = dict.fromkeys(sorted(sources), Coverage())
        self._end_offset = end_offset

    def apply(self, entries: Mapping[Source, Coverage]) -> None:
        for source, coverage in entries.items():
            current = self._coverage.get(source)
            if current is not None:
                self._coverage[source] = current.merge(coverage)

    def waiting_on(self, produced: float, fetched_by: float) -> list[Source]:
        """Sources that may still forward a head's evidence (none while re-keying is unseen)."""
        if not self._state.active:
            return []
        return [
            s
            for s, c in self._coverage.items()
            if not (c.produced >= produced or c.fetched >= fetched_by)
            and not c.covers(produced, fetched_by, self._end_offset(*s))
        ]

    def covers(self, produced: float, fetched_by: float) -> bool:
        if not self._state.active:
            return True
        return all(
            (c.produced >= produced or c.fetched >= fetched_by)
            or c.covers(produced, fetched_by, self._end_offset(*source))
            for source, c in self._coverage.items()
        )

    def covered_as_of(self) -> float:
        """The wall time as of which every source has forwarded all it had: for an idle
        partition's progress mark (no event re-keyed to it can still be on its way from before
        then). Infinite while re-keying is unseen."""
        if not self._state.active:
            return float("inf")
        oldest = float("inf")
        for source, c in self._coverage.items():
            covered = c.fetched
            end = self._end_offset(*source)
            if end is not None and c.offset + 1 >= end[0]:
                covered = max(covered, end[1])
            oldest = min(oldest, covered)
        return oldest

    def stale_sources(self, produced: float, fetched_by: float) -> list[Source]:
        """Sources a waiting head needs an end offset of, read since it was fetched: an idle
        source sends no marks, so the worker reads its end offset and compares it with the
        source's last mark."""
        stale = []
        for source in self.waiting_on(produced, fetched_by):
            end = self._end_offset(*source)
            if end is None or end[1] < fetched_by:
                stale.append(source)
        return stale


# -- the worker's side, with Kafka injected ----------------------------------------------------
class Message(Protocol):
    topic: str
    partition: int
    offset: int
    timestamp: float
    headers: Any


class Delivered(Protocol):
    """A Faust event as the agents hold it."""

    value: Any
    message: Any

    def ack(self) -> bool: ...


SendFn = Callable[..., Awaitable[Awaitable[Any]]]  # Faust's Topic.send: queued, then confirmed


@dataclass(frozen=True, slots=True)
class Forward:
    delivered: Delivered
    key: bytes
    value: bytes
    partition: int
    timestamp: float
    fetched_by: float | None


class Repartitioner:
    """A worker's forwarding, mark rounds and trackers. ``send`` is the repartition topic's
    ``send`` (Faust ``Topic.send`` signature); ``log(message, **fields)`` reports failures;
    ``end_offset(topic, partition)``: an input partition's end offset and the wall time of the
    fetch or read that reported it, as this worker last learnt it; ``ack(delivered)``: how a
    handled record is acked (the worker passes :meth:`~.acks.OrderedAcks.ack`); ``active``:
    send and wait for marks from the start (``input_keys: any``), not from the first
    re-keying seen."""

    def __init__(
        self,
        input_topics: Iterable[str],
        partitions: int,
        send: SendFn,
        log: Callable[..., None],
        end_offset: Callable[[str, int], End] = lambda topic, partition: None,
        interval_s: float = 0.025,
        heartbeat_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        ack: Callable[[Delivered], object] = lambda delivered: delivered.ack(),
        active: bool = False,
    ) -> None:
        self.input_topics = list(input_topics)
        self._ack = ack  # the worker's OrderedAcks.ack: acks pass on in offset order
        self.partitions = partitions
        self.state = RekeyState(active)
        self.sender = MarkSender(partitions, heartbeat_s)
        self.interval = interval_s
        self.marks_sent = 0
        self._send = send
        self._log = log
        self._end_offset = end_offset
        self._clock = clock
        self._trackers: dict[int, MarkTracker] = {}
        self._kick = asyncio.Event()

    # forwarding (input agents)
    def target(self, partition: int, event: Event) -> int | None:
        return rekey_target(partition, event, self.partitions)

    def forward(self, delivered: Delivered, event: Event, target: int, fetched_by: float | None) -> Forward:
        raw = delivered.value if isinstance(delivered.value, bytes) else bytes(delivered.value or b"")
        msg = delivered.message
        return Forward(delivered, event_key(event), raw, target, msg.timestamp, fetched_by)

    async def send_forwards(self, forwards: list[Forward]) -> None:
        """Send, wait until every forward is confirmed (resending failures), then ack each."""
        if not forwards:
            return
        if self.state.activate():
            self._kick.set()  # the first forward: every partition hears of it at once
        pending, delay = forwards, 0.1
        while pending:
            results = await asyncio.gather(*(self._send_one(f) for f in pending), return_exceptions=True)
            failed = [f for f, r in zip(pending, results, strict=True) if isinstance(r, BaseException)]
            if failed:
                errors = {type(r).__name__ for r in results if isinstance(r, BaseException)}
                self._log("re-keyed forward failed; resending", count=len(failed), error=sorted(errors))
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
            pending = failed
        for f in forwards:
            self._ack(f.delivered)

    async def _send_one(self, f: Forward) -> Any:
        confirmed = await self._send(
            key=f.key,
            value=f.value,
            partition=f.partition,
            timestamp=f.timestamp,
            headers=forward_headers(f.fetched_by),
        )
        return await confirmed

    def handled(self, delivered: Iterable[Delivered], ends: Mapping[int, End]) -> None:
        """A batch of one topic is handled (its forwards confirmed): its sources' coverage moves
        on. ``ends``: per partition, the end offset and fetch time known when the batch began."""
        topic = None
        for fe in delivered:
            msg = fe.message
            topic = msg.topic
            self.sender.handled(msg.topic, msg.partition, msg.offset, msg.timestamp)
        if topic is not None:
            for partition, end in ends.items():
                self.sender.caught_up(topic, partition, end)

    # the repartition topic (its agent)
    def tracker(self, partition: int) -> MarkTracker:
        tracker = self._trackers.get(partition)
        if tracker is None:
            sources = sources_for(self.input_topics, partition, self.partitions)
            tracker = self._trackers[partition] = MarkTracker(sources, self.state, self._end_offset)
        return tracker

    def revoked(self, partition: int) -> None:
        self._trackers.pop(partition, None)

    def split(self, delivered: Sequence[Delivered]) -> tuple[list[Delivered], list[Delivered]]:
        """(forwarded events, marks) of a batch from the repartition topic, each in order."""
        if delivered and self.state.activate():
            self._kick.set()
        events: list[Delivered] = []
        marks: list[Delivered] = []
        for fe in delivered:
            (marks if is_mark(fe.message.headers) else events).append(fe)
        return events, marks

    def apply_marks(self, marks: Iterable[Delivered]) -> set[int]:
        """Apply marks (after the events before them were sequenced) and ack them; returns the
        partitions whose trackers moved."""
        moved = set()
        for fe in marks:
            msg = fe.message
            raw = fe.value if isinstance(fe.value, bytes) else bytes(fe.value or b"")
            try:
                self.tracker(msg.partition).apply(decode_mark(raw))
                moved.add(msg.partition)
            except MarkError as exc:
                self._log("unreadable forward mark skipped", partition=msg.partition, error=str(exc))
            self._ack(fe)
        return moved

    # mark rounds (a task)
    async def run_marks(
        self, owned: Callable[[], Iterable[Source]], on_sent: Callable[[int], None] = lambda n: None
    ) -> None:
        """Every ``interval`` (or at once when re-keying is first seen), once active: move the
        owned sources' fetch coverage on and send the marks that changed."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._kick.wait(), self.interval)
            self._kick.clear()
            if not self.state.active:
                continue
            try:
                await self.send_round(owned, on_sent)
            except Exception as exc:  # the next round sends them again
                self._log("forward marks failed", error=type(exc).__name__)

    async def send_round(
        self, owned: Callable[[], Iterable[Source]], on_sent: Callable[[int], None] = lambda n: None
    ) -> None:
        sources = [s for s in owned() if s[0] in self.input_topics]
        for topic, partition in sources:
            self.sender.caught_up(topic, partition, self._end_offset(topic, partition))
        marks = self.sender.round(sources, self._clock())
        for partition, payload in marks:
            await self._send(key=None, value=payload, partition=partition, headers=mark_headers())
        if marks:
            self.marks_sent += len(marks)
            on_sent(len(marks))
