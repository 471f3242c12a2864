"""The stream's partition processors and index protocol in one process, without Kafka.

A testing source and sink for the stream layer, as bytewax ships them: :class:`InProcessStream`
runs one :class:`~.partition.PartitionProcessor` per session partition, exactly the class the
worker runs, with

- an in-process extraction port (the detector's own :class:`Extractor`, no child process);
- :class:`InProcessIndex`: one :class:`~.index_server.IndexPartition` per index partition,
  each fed by a FIFO queue as its topic partition is, with every message through the
  versioned codec, so records, marks and lookups interleave as they can on Kafka;
- a sink that collects verdicts and errors.

Partitions can be made to run at different paces (``delays``), as after an outage, so a test
can check that the verdicts do not depend on speed, and compare them with ``scan``.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.detectors import DetectionPipeline, Extraction, InMemorySessionStore
from bleedwatch.detectors.batch import RecordGroup, group_by_partition, records_by_partition
from bleedwatch.models import Event, Verdict

from .index_client import LookupResult, PendingLookup
from .index_codec import Mark, decode_reply, decode_request, encode_lookup, encode_mark, encode_record
from .index_server import IndexPartition
from .metrics import Metrics
from .partition import PartitionProcessor
from .sequencer import PartitionSequencer, Pending
from .topology import event_key, partition_for

_TOPIC = "in-process"


class InProcessExtraction:
    """The extraction port over the pipeline's own extractor, with an optional delay per call
    (seconds, drawn per call) to make a partition slow."""

    def __init__(self, pipeline: DetectionPipeline, delay: tuple[float, float] = (0.0, 0.0)) -> None:
        self.extractor = pipeline.extractor
        self.delay = delay

    async def _pause(self) -> None:
        low, high = self.delay
        await asyncio.sleep(random.uniform(low, high) if high else 0)

    async def extract(self, events: Sequence[Event]) -> list[Extraction | Exception]:
        await self._pause()
        return list(self.extractor.extract_batch(events))

    async def add_names(self, extractions: Sequence[Extraction]) -> list[Extraction | Exception]:
        await self._pause()
        return list(self.extractor.with_names(extractions))


class InProcessIndex:
    """The attribution index protocol over in-memory FIFO queues, one per index partition."""

    def __init__(
        self, partitions: int, last_step: float = 0.0, ttl: float | None = None, max_wait_s: float = 30.0
    ) -> None:
        self.partitions = partitions
        self.handlers = [
            IndexPartition({}, p, partitions, last_step, ttl, max_wait_s=max_wait_s)
            for p in range(partitions)
        ]
        self.queues: list[asyncio.Queue[bytes]] = [asyncio.Queue() for _ in range(partitions)]
        self.waiting: dict[str, PendingLookup] = {}
        self.timeouts = 0

    async def serve(self) -> None:
        await asyncio.gather(*(self._serve(p) for p in range(self.partitions)), self._due())

    async def _serve(self, partition: int) -> None:
        handler, queue = self.handlers[partition], self.queues[partition]
        while True:
            raw = await queue.get()
            self._deliver(handler.handle(decode_request(raw)))

    async def _due(self) -> None:
        while True:
            await asyncio.sleep(0.05)
            for handler in self.handlers:
                self._deliver(handler.due())

    def _deliver(self, answers: Sequence[Any]) -> None:
        for answer in answers:
            reply = decode_reply(answer.payload)
            pending = self.waiting.get(reply.request_id)
            if pending is not None:
                self.timeouts += reply.timed_out
                pending.deliver(reply)

    # -- the port a processor uses ----------------------------------------------------------------
    async def lookup(
        self, asker: int, keys: Sequence[int], outputs: Sequence[tuple[float, float]]
    ) -> LookupResult:
        groups = group_by_partition(keys, self.partitions)
        if not groups:
            return LookupResult(complete=len(outputs))
        request_id = uuid.uuid4().hex
        pending = self.waiting[request_id] = PendingLookup(set(groups), len(outputs))
        for partition, group in groups.items():
            self.queues[partition].put_nowait(encode_lookup(request_id, group, asker, asker, outputs))
        await pending.done.wait()
        del self.waiting[request_id]
        return pending.result

    def record(self, records: list[RecordGroup], mark: Mark, everywhere: bool = True) -> None:
        by_partition = dict(records_by_partition(records, self.partitions))
        for partition in range(self.partitions):
            groups = by_partition.get(partition)
            if groups:
                self.queues[partition].put_nowait(encode_record(groups, "", 0, mark))
            elif everywhere:
                self.queues[partition].put_nowait(encode_mark(mark))


@dataclass
class CollectingSink:
    """Verdicts and processing errors, in the order they were emitted."""

    verdicts: list[Verdict] = field(default_factory=list)
    errors: list[tuple[str, BaseException]] = field(default_factory=list)

    def begin(self, item: Pending) -> None:
        pass

    def verdict(self, verdict: Verdict, item: Pending) -> None:
        self.verdicts.append(verdict)

    def error(self, item: Pending, exc: BaseException) -> None:
        self.errors.append((item.event.event_id, exc))

    def commit(self, items: Sequence[Pending]) -> None:
        pass

    def rollback(self) -> None:
        pass


class InProcessStream:
    """Session partitions, each with its sequencer and processor, over one in-process index."""

    def __init__(
        self,
        pipeline: DetectionPipeline,
        partitions: int = 4,
        batch_size: int = 64,
        delays: Sequence[tuple[float, float]] | None = None,
        max_wait_s: float = 30.0,
    ) -> None:
        """``delays[p]``: seconds partition p's extraction waits per call (its pace);
        ``max_wait_s``: the index's maximum wait for other partitions' progress."""
        cfg = pipeline.config
        pipeline.sessions = InMemorySessionStore()
        self.pipeline = pipeline
        self.partitions = partitions
        self.index = InProcessIndex(partitions, cfg.index_last_step, cfg.index_ttl_seconds, max_wait_s)
        self.sink = CollectingSink()
        self.metrics = Metrics()
        self._offsets = [0] * partitions
        self._delivered = [-1] * partitions
        self.sequencers = [
            PartitionSequencer([_TOPIC], 3600.0, self._end_offset_of(p)) for p in range(partitions)
        ]
        self.processors = [
            PartitionProcessor(
                p,
                self.sequencers[p],
                pipeline,
                InProcessExtraction(pipeline, (delays or [(0.0, 0.0)] * partitions)[p]),
                self.index,
                self.sink,
                self.metrics,
                batch_size=batch_size,
                idle_mark_interval_s=0.01,
                last_step=cfg.index_last_step,
                ttl=cfg.index_ttl_seconds,
            )
            for p in range(partitions)
        ]

    def _end_offset_of(self, partition: int) -> Any:
        # Everything pushed so far is the whole topic: caught up as of now once it is delivered.
        return lambda topic: (self._offsets[partition], time.time())

    def push(self, event: Event) -> None:
        """Deliver one event to its session's partition (as the input agents do)."""
        partition = partition_for(event_key(event), self.partitions)
        offset = self._offsets[partition]
        self._offsets[partition] += 1
        now = time.time()
        self.sequencers[partition].push(_TOPIC, offset, now, None, event, now)

    async def run(self, events: Sequence[Event], expected_verdicts: int, timeout_s: float = 300.0) -> None:
        """Deliver every event (a backlog), run until ``expected_verdicts`` first verdicts
        came out and no output judged past the maximum wait is left to judge again."""
        for event in events:
            self.push(event)
        tasks = [asyncio.ensure_future(self.index.serve())]
        tasks += [asyncio.ensure_future(p.run()) for p in self.processors]
        deadline = time.monotonic() + timeout_s
        try:
            while sum(v.revision == 0 for v in self.sink.verdicts) < expected_verdicts or any(
                p.provisional for p in self.processors
            ):
                for task in tasks:
                    if task.done():
                        task.result()  # a processor or the index died: raise its error
                if time.monotonic() > deadline:
                    first = sum(v.revision == 0 for v in self.sink.verdicts)
                    left = sum(p.provisional for p in self.processors)
                    raise TimeoutError(f"{first} of {expected_verdicts} verdicts; {left} to judge again")
                await asyncio.sleep(0.01)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
