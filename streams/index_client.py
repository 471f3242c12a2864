"""The asking side of the attribution index, as a session partition's processor uses it.

Per batch step a processor asks every index partition that holds keys its outputs may read,
once, in parallel, through ``bleedwatch.index-requests``; answers come back on
``bleedwatch.index-replies`` to the partition of the session that asked, so whichever worker
owns it (also after a rebalance) receives them. Index partitions this worker owns itself are
read from its own table copy instead (:class:`LocalIndexReads`), with this worker's records
still on their way through Kafka overlaid from memory, and the same watermark rule.

After each step the processor's records and its progress mark go to every index partition:
records to those they concern, the mark to all (see :mod:`.watermarks`).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.detectors import Origin, Sighting, merge_sighting, merge_sightings
from bleedwatch.detectors.batch import RecordGroup, group_by_partition, records_by_partition

from .index_codec import Mark, Reply, decode_sighting, encode_lookup, encode_mark, encode_record
from .index_server import IndexPartition
from .logs import get_logger
from .metrics import Metrics
from .watermarks import wait_complete

log = get_logger("bleedwatch.index")


@dataclass(slots=True)
class LookupResult:
    found: dict[int, Sighting] = field(default_factory=dict)
    complete: int = 0  # leading outputs every asked index partition was complete for
    timed_out: bool = False

    def add(self, found: Mapping[int, Sighting], complete: int, timed_out: bool) -> None:
        """Fold in one index partition's answer: complete only as far as every one was."""
        self.found.update(found)
        self.complete = min(self.complete, complete)
        self.timed_out |= timed_out


class PendingLookup:
    """Collects the replies of every index partition asked for one batch step."""

    def __init__(self, partitions: set[int], outputs: int) -> None:
        self.expected = set(partitions)
        self.result = LookupResult(complete=outputs)
        self.done = asyncio.Event()

    def deliver(self, reply: Reply) -> None:
        if reply.index_partition in self.expected:
            self.expected.discard(reply.index_partition)
            self.result.add(reply.found, reply.complete, reply.timed_out)
            if not self.expected:
                self.done.set()


class LocalIndexReads:
    """Answers lookups from this worker's own copy of the index partitions it owns.

    A partition is read locally once this worker's index agent has processed a message of it
    (its table has recovered). What this worker recorded there but its index agent has not
    applied yet is overlaid from memory, so a batch sees every earlier batch's records without
    waiting for them to travel through Kafka.
    """

    def __init__(self, worker_id: str, last_step: float = 0.0, ttl: float | None = None) -> None:
        self.worker_id = worker_id
        self.last_step = last_step  # the detector's, so the overlay merges as the table does
        self.ttl = ttl
        self.ready: set[int] = set()
        self._seq: dict[int, int] = defaultdict(int)
        # per partition: the last of this worker's records sent before the partition was
        # served here (not overlaid), and the last of its records the index agent applied
        self._unoverlaid: dict[int, int] = defaultdict(int)
        self._applied: dict[int, int] = defaultdict(int)
        # per partition: unapplied messages in send order, and per key the number of unapplied
        # messages naming it with everything they recorded for it folded into one sighting
        self._unapplied: dict[int, deque[tuple[int, list[RecordGroup]]]] = defaultdict(deque)
        self._overlay: dict[int, dict[int, list[Any]]] = defaultdict(dict)

    def sent(self, partition: int, groups: list[RecordGroup]) -> int:
        """Note a record message to ``partition``; returns its sequence number."""
        self._seq[partition] += 1
        if partition not in self.ready:
            self._unoverlaid[partition] = self._seq[partition]
        else:
            self._unapplied[partition].append((self._seq[partition], groups))
            overlay = self._overlay[partition]
            for keys, origin in groups:
                for key in keys:
                    entry = overlay.get(key)
                    if entry is None:
                        overlay[key] = [1, merge_sighting(None, origin)]
                    else:
                        entry[0] += 1
                        entry[1] = merge_sighting(entry[1], origin, self.last_step, self.ttl)
        return self._seq[partition]

    def applied(self, partition: int, handler: IndexPartition) -> None:
        self.ready.add(partition)
        if handler.last_record is None:
            return
        sender, seq = handler.last_record
        handler.last_record = None
        if sender != self.worker_id:
            return
        self._applied[partition] = max(self._applied[partition], seq)
        pending, overlay = self._unapplied[partition], self._overlay[partition]
        while pending and pending[0][0] <= seq:
            for keys, _ in pending.popleft()[1]:
                for key in keys:
                    entry = overlay[key]
                    entry[0] -= 1
                    if not entry[0]:  # the table holds all of it now
                        del overlay[key]

    def readable(self, partition: int) -> bool:
        """Served here, and every record of this worker's the overlay lacks is applied: the
        table plus the overlay hold all this worker sent."""
        return partition in self.ready and self._applied[partition] >= self._unoverlaid[partition]

    def revoked(self, partition: int) -> None:
        self.ready.discard(partition)
        self._unapplied.pop(partition, None)
        self._overlay.pop(partition, None)

    def read(
        self, partition: int, keys: Iterable[int], stored: Callable[[int], bytes | None]
    ) -> dict[int, Sighting]:
        """Sightings of ``keys`` in the partition's table, plus this worker's unapplied records."""
        overlay = self._overlay.get(partition, {})
        found: dict[int, Sighting] = {}
        for key in set(keys):
            raw = stored(key)
            sighting = decode_sighting(raw) if raw is not None else None
            entry = overlay.get(key)
            if entry is not None:  # folding in what the table already applied changes nothing
                sighting = merge_sightings(sighting, entry[1], self.last_step, self.ttl)
            if sighting is not None:
                found[key] = sighting
        return found


SendSoon = Callable[[bytes, int], None]  # (value, partition) -> queued send


class IndexClient:
    """Lookups, records and marks of this worker's session partitions."""

    def __init__(
        self,
        partitions: int,
        send_soon: SendSoon,
        handlers: dict[int, IndexPartition],
        read_local: Callable[[int, list[int]], dict[int, Sighting]],
        metrics: Metrics,
        *,
        local_reads: bool = True,
        last_step: float = 0.0,
        ttl: float | None = None,
        lookup_timeout_s: float = 10.0,
        max_wait_s: float = 5.0,
        own_marks: Callable[[], Iterable[Mark]] = lambda: (),
    ) -> None:
        """``own_marks()``: the current progress of this worker's session partitions, read on
        demand by local reads (an idle partition's progress moves with every fetch, without
        a message)."""
        self.partitions = partitions
        self._send_soon = send_soon
        self.handlers = handlers  # index partitions this worker serves (the index agent's)
        self._read_local = read_local
        self.metrics = metrics
        self.local = LocalIndexReads(uuid.uuid4().hex, last_step, ttl)
        self.local_reads = local_reads
        self.lookup_timeout_s = lookup_timeout_s
        self.max_wait_s = max_wait_s
        self.pending: dict[str, PendingLookup] = {}
        self.own_marks = own_marks

    async def lookup(
        self, asker: int, keys: Sequence[int], outputs: Sequence[tuple[float, float]]
    ) -> LookupResult:
        """Sightings of ``keys``, and for how many leading ``outputs`` they are complete.

        Resends until every asked partition answered: no verdict is ever guessed.
        """
        groups = group_by_partition(keys, self.partitions)
        result = LookupResult(complete=len(outputs))
        if not groups:
            return result
        started = time.perf_counter()
        local_waits = []
        if self.local_reads:
            for partition in sorted(groups):
                handler = self.handlers.get(partition)
                if handler is not None and self.local.readable(partition):
                    local_waits.append((partition, groups.pop(partition), handler))
        remote = self._ask_remote(asker, groups, outputs) if groups else None
        for partition, group, handler in local_waits:
            complete, timed_out = await wait_complete(
                handler.local_marks,
                asker,
                outputs,
                self.max_wait_s,
                time.monotonic,
                refresh=self._refresher(handler),
            )
            result.add(self._read_local(partition, group), complete, timed_out)
            self.metrics.local_lookups.inc()
        if remote is not None:
            answered = await remote
            result.add(answered.found, answered.complete, answered.timed_out)
        self.metrics.lookup_seconds.observe(time.perf_counter() - started)
        return result

    def _refresher(self, handler: IndexPartition) -> Callable[[], None]:
        def refresh() -> None:
            for mark in self.own_marks():
                handler.own_mark(mark)

        return refresh

    async def _ask_remote(
        self, asker: int, groups: dict[int, list[int]], outputs: Sequence[tuple[float, float]]
    ) -> LookupResult:
        request_id = uuid.uuid4().hex
        pending = self.pending[request_id] = PendingLookup(set(groups), len(outputs))
        try:
            delay = self.lookup_timeout_s + self.max_wait_s
            while True:
                for partition, group in groups.items():
                    if partition in pending.expected:
                        # queued like the records: a lookup must not overtake the asker's own
                        # records to the same partition (a direct send would)
                        self._send_soon(encode_lookup(request_id, group, asker, asker, outputs), partition)
                try:
                    await asyncio.wait_for(pending.done.wait(), timeout=delay)
                    break
                except TimeoutError:
                    log.warning("index lookup timed out; asking again", missing=len(pending.expected))
                    delay = min(delay * 2, 60.0)
        finally:
            self.pending.pop(request_id, None)
        return pending.result

    def deliver(self, reply: Reply) -> None:
        pending = self.pending.get(reply.request_id)
        if pending is not None:  # else: asked by a batch since revoked or retried
            pending.deliver(reply)

    def record(self, records: list[tuple[list[int], Origin]], mark: Mark, everywhere: bool = True) -> None:
        """Queue a step's records, each index partition's with the mark, and (``everywhere``)
        the mark alone to the partitions the step recorded nothing in.

        This worker's own index partitions take the mark for local reads at once: a local
        read happens only while the table plus the overlay hold everything this worker sent
        there (:meth:`LocalIndexReads.readable`), so the records the mark covers are in it.
        """
        by_partition = dict(records_by_partition(records, self.partitions))
        local = self.local
        sent = 0
        for partition in range(self.partitions):
            groups = by_partition.get(partition)
            if groups:
                seq = local.sent(partition, groups)
                self._send_soon(encode_record(groups, local.worker_id, seq, mark), partition)
            elif everywhere:
                self._send_soon(encode_mark(mark), partition)
            else:
                continue
            sent += 1
        self.metrics.marks_sent.inc(sent)
        for handler in self.handlers.values():
            handler.own_mark(mark)
