"""The serving side of the attribution index: one handler per index partition.

The index is a Faust table partitioned by fingerprint (``key % partitions``), fed through the
internal ``bleedwatch.index-requests`` topic. The worker that owns index partition I runs its
:class:`IndexPartition`: it merges record requests into the table, folds session partitions'
progress marks into its :class:`~.watermarks.Watermarks`, and answers lookups only for the
outputs every other session partition has covered (parking the rest until marks arrive or
the maximum wait passes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from bleedwatch.detectors import Sighting, expired, merge_sighting

from .index_codec import (
    Expire,
    Lookup,
    Mark,
    Record,
    Request,
    decode_sighting,
    encode_reply,
    encode_sighting,
    table_key,
)
from .watermarks import Watermarks


@dataclass(frozen=True, slots=True)
class Answer:
    """A reply to send: to the asking session's partition of ``index-replies``."""

    request_id: str
    reply_partition: int
    payload: bytes
    timed_out: bool
    waited_s: float


class IndexPartition:
    """What the worker owning one index partition does with its requests.

    ``table`` is a mapping of key bytes -> encoded sighting (the Faust table; a dict in tests).
    """

    def __init__(
        self,
        table: Any,
        index_partition: int,
        partitions: int,
        last_step: float = 0.0,
        ttl: float | None = None,
        max_wait_s: float = 5.0,
        clock: Callable[[], float] | None = None,
    ) -> None:
        import time

        self.table = table
        self.index_partition = index_partition
        self.partitions = partitions
        self.last_step = last_step  # see merge_sighting
        self.ttl = ttl  # the detector's index TTL: a record of an expired sighting starts anew
        self.max_wait_s = max_wait_s
        self.clock = clock or time.monotonic
        # What the table holds: marks applied from the topic, after the records they cover.
        self.marks = Watermarks(partitions)
        # What local reads see: those, plus this worker's own partitions' marks at once (local
        # reads overlay their records still in flight; remote answers must not count them).
        self.local_marks = Watermarks(partitions)
        self.parked: list[tuple[Lookup, float]] = []  # lookups waiting for marks, with arrival time
        self.expired = 0
        self.last_record: tuple[str, int] | None = None  # (sender, seq) of the last record applied

    # -- requests ------------------------------------------------------------------------
    def handle(self, request: Request) -> list[Answer]:
        """Apply one request; returns the answers now due (parked lookups a mark completed)."""
        if isinstance(request, Record):
            self._record(request)
            return self.mark(request.mark) if request.mark is not None else []
        if isinstance(request, Mark):
            return self.mark(request)
        if isinstance(request, Expire):
            self.expired += self.expire(request.before)
            return []
        return self.lookup(request)

    def mark(self, mark: Mark) -> list[Answer]:
        self.local_marks.update(mark)
        if self.marks.update(mark) and self.parked:
            return list(self._release(timeouts=False))
        return []

    def own_mark(self, mark: Mark) -> None:
        """A mark of this worker's own session partition, before its records are applied."""
        self.local_marks.update(mark)

    def lookup(self, request: Lookup) -> list[Answer]:
        complete = self.marks.complete(request.asker, request.outputs)
        if complete or not request.outputs:
            return [self._answer(request, complete or len(request.outputs), False, 0.0)]
        self.parked.append((request, self.clock()))
        return []

    def due(self) -> list[Answer]:
        """Parked lookups whose maximum wait has passed (answered as timed out)."""
        return list(self._release(timeouts=True)) if self.parked else []

    def _release(self, timeouts: bool) -> Iterator[Answer]:
        now = self.clock()
        still = []
        for request, since in self.parked:
            complete = self.marks.complete(request.asker, request.outputs)
            if complete:
                yield self._answer(request, complete, False, now - since)
            elif timeouts and now - since >= self.max_wait_s:
                yield self._answer(request, len(request.outputs), True, now - since)
            else:
                still.append((request, since))
        self.parked = still

    def _answer(self, request: Lookup, complete: int, timed_out: bool, waited: float) -> Answer:
        table = self.table
        found = {}
        for key in request.keys:
            raw = table.get(table_key(key))
            if raw is not None:
                found[key] = raw
        payload = encode_reply(request.request_id, self.index_partition, found, complete, timed_out)
        return Answer(request.request_id, request.reply_partition, payload, timed_out, waited)

    def _record(self, request: Record) -> None:
        """Merge the whole message first, then write each changed key once."""
        table = self.table
        loaded: dict[int, Sighting | None] = {}
        changed: set[int] = set()
        for keys, origin in request.groups:
            for key in keys:
                if key not in loaded:
                    raw = table.get(table_key(key))
                    loaded[key] = decode_sighting(raw) if raw is not None else None
                current = loaded[key]
                merged = merge_sighting(current, origin, self.last_step, self.ttl)
                if merged is not current:
                    loaded[key] = merged
                    changed.add(key)
        for key in changed:
            table[table_key(key)] = encode_sighting(loaded[key])  # type: ignore[arg-type]
        self.last_record = (request.sender, request.seq)

    def expire(self, before: float) -> int:
        """Delete this partition's sightings whose latest new session is older than ``before``."""
        stale = []
        for raw_key, raw in list(self.table.items()):
            key = int.from_bytes(raw_key, "big")
            if key % self.partitions != self.index_partition:
                continue
            if expired(decode_sighting(raw), before, self.last_step):
                stale.append(raw_key)
        for raw_key in stale:
            del self.table[raw_key]
        return len(stale)
