"""One session partition's processor: sequencer -> extract -> plan -> fetch -> apply -> emit.

It runs the batch algorithm of :mod:`bleedwatch.detectors.batch`, the one ``scan`` and
``replay`` run, against three small ports, so a Kafka-free test can drive it with fakes
(:mod:`bleedwatch.streams.testing`) and compare it with ``scan``:

- :class:`ExtractionPort`: extraction and NER (the worker's supervised child process);
- :class:`IndexPort`: lookups that say for how many leading outputs they are complete, and
  the step's records with this partition's progress mark (:mod:`.index_client`);
- :class:`Sink`: verdicts, dead letters, and the commit of a step (session rows, acks).

Extraction runs one batch ahead of judging (it is stateless); judging stays in event order.
A batch is applied in steps: the outputs the index is complete for are judged, then the
step's records and progress go out, then the rest is asked for again. Everything between a
step's last await and its commit runs without yielding to the loop, so a step's verdicts,
records and session rows are queued together, all or nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from bleedwatch.detectors import DetectionPipeline, Extraction, Provisional
from bleedwatch.detectors.batch import Batch, BatchIndex, RecordGroup
from bleedwatch.models import Event, EventKind, Verdict

from .index_client import LookupResult
from .index_codec import Mark
from .logs import get_logger
from .metrics import Metrics
from .sequencer import PartitionSequencer, Pending
from .supervision import next_while_alive

log = get_logger("bleedwatch.worker")

# A batch handed out by the sequencer, its extraction under way, and when it was released.
Extracting = tuple[list[Pending], "asyncio.Task[Any]", float]


class ExtractionPort(Protocol):
    async def extract(self, events: Sequence[Event]) -> list[Extraction | Exception]: ...

    async def add_names(self, extractions: Sequence[Extraction]) -> list[Extraction | Exception]: ...


class IndexPort(Protocol):
    async def lookup(
        self, asker: int, keys: Sequence[int], outputs: Sequence[tuple[float, float]]
    ) -> LookupResult: ...

    def record(self, records: list[RecordGroup], mark: Mark, everywhere: bool = True) -> None:
        """Send the records, each with the mark; ``everywhere``: the mark alone to the index
        partitions that got no records."""


class Sink(Protocol):
    def begin(self, item: Pending) -> None:
        """Before a step reads or writes state: make the item's partition current."""

    def verdict(self, verdict: Verdict, item: Pending) -> None: ...

    def error(self, item: Pending, exc: BaseException) -> None:
        """A processing error: dead-letter the event (never its content)."""

    def commit(self, items: Sequence[Pending]) -> None:
        """Write the step's session rows and ack its events."""

    def rollback(self) -> None:
        """Drop uncommitted session rows (a step failed before its commit)."""


class PartitionProcessor:
    """Drains one partition's sequencer in batches; see the module docstring."""

    def __init__(
        self,
        partition: int,
        sequencer: PartitionSequencer,
        pipeline: DetectionPipeline,
        extraction: ExtractionPort,
        index: IndexPort,
        sink: Sink,
        metrics: Metrics,
        *,
        batch_size: int = 64,
        idle_mark_interval_s: float = 0.05,
        full_mark_interval_s: float = 0.02,
        on_stale: Callable[[int], None] | None = None,
        last_step: float = 0.0,
        ttl: float | None = None,
        max_provisional: int = 4096,
    ) -> None:
        self.partition = partition
        self.max_provisional = max_provisional  # outputs judged past the maximum wait, kept
        self.sequencer = sequencer
        self.pipeline = pipeline
        self.extraction = extraction
        self.index = index
        self.sink = sink
        self.metrics = metrics
        self.batch_size = batch_size
        self.idle_mark_interval_s = idle_mark_interval_s
        self.full_mark_interval_s = full_mark_interval_s
        self.on_stale = on_stale
        self.last_step = last_step  # the detector's index_last_step and index_ttl_seconds
        self.ttl = ttl
        # batches handed out by the sequencer and not fully applied: [items, applied so far]
        self._inflight: deque[list[Any]] = deque()
        self._fetched = float("-inf")  # caught up as of this wall time (only moves forward)
        self._sent: tuple[float, float] | None = None
        self._sent_at = 0.0
        self.event_time = float("-inf")  # latest event time applied (TTL sweeps, health)
        # outputs judged past the maximum wait, oldest first, with their pending items
        self._provisional: deque[tuple[Provisional, Pending]] = deque()
        self._rechecked_at = 0.0

    # -- progress ------------------------------------------------------------------------
    def mark(self) -> Mark:
        """This partition's progress: see :class:`~.index_codec.Mark`."""
        for items, applied in self._inflight:
            if applied < len(items):
                below = items[applied].sort_key[0]
                break
        else:
            below = self.sequencer.low_watermark()
            if not self._inflight:
                fetched = self.sequencer.caught_up_as_of()
                if fetched is not None and fetched > self._fetched:
                    self._fetched = fetched
        return Mark(self.partition, below, self._fetched)

    def _send_mark(self, records: list[RecordGroup], everywhere: bool = False) -> None:
        """The step's records with the mark; the mark alone to every other index partition
        only now and then (``full_mark_interval_s``), before a lookup may wait, and when idle:
        a mark alone to every partition after every step tripled the index topic's traffic."""
        mark = self.mark()
        now = time.monotonic()
        everywhere = everywhere or now - self._sent_at >= self.full_mark_interval_s
        self.index.record(records, mark, everywhere)
        if everywhere:
            self._sent = (mark.event_time, mark.fetched)
            self._sent_at = now

    def _publish_progress(self) -> None:
        """Send the current mark everywhere if it moved since it was last sent everywhere."""
        mark = self.mark()
        if self._sent != (mark.event_time, mark.fetched):
            self._send_mark([], everywhere=True)

    def heartbeat(self, every_s: float) -> None:
        """Send the current mark everywhere if nothing was sent everywhere for ``every_s``, even
        unchanged: an index partition that changed owner starts with no marks, and a partition
        blocked on a lookup would otherwise not tell it again (its lookups waited their
        maximum wait after a rebalance)."""
        if time.monotonic() - self._sent_at >= every_s:
            self._send_mark([], everywhere=True)

    def _idle_mark(self) -> None:
        """When nothing is being judged, publish progress that moved (rate-limited)."""
        if self._inflight or time.monotonic() - self._sent_at < self.idle_mark_interval_s:
            return
        self._publish_progress()

    # -- the loop --------------------------------------------------------------------------
    async def run(self) -> None:
        extracted: asyncio.Queue[Extracting] = asyncio.Queue(maxsize=1)
        ahead = asyncio.ensure_future(self._extract_ahead(extracted))
        try:
            while True:
                while self._provisional and extracted.empty() and not ahead.done():
                    # idle with outputs to judge again: try now and then while waiting
                    await self._recheck_idle()
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(1.0):
                            await self._ready(extracted)
                items, task, released = await next_while_alive(extracted, ahead)
                await self.process(items, task, released)
        except Exception:
            # A supervisor restarts this loop: what was handed out and not applied goes back.
            ahead.cancel()
            for items, applied in self._inflight:
                self.sequencer.requeue(items[applied:])
            self._inflight.clear()
            raise
        finally:
            ahead.cancel()

    async def _extract_ahead(self, out: asyncio.Queue[Extracting]) -> None:
        sequencer = self.sequencer
        while True:
            expired = sequencer.grace_expired
            ready = sequencer.pop_ready(self.batch_size)
            if sequencer.grace_expired > expired:
                self.metrics.grace_expired.inc(sequencer.grace_expired - expired)
            if not ready:
                if self.on_stale is not None:  # the head may wait on an end offset: look it up
                    self.on_stale(self.partition)
                self._idle_mark()
                await sequencer.wait(0.005)
                continue
            self.metrics.batch_size.observe(len(ready))
            released = time.monotonic()
            sequenced = self.metrics.stage_seconds.labels("sequence")
            for item in ready:
                sequenced.observe(released - item.arrived)
            self._inflight.append([ready, 0])
            task = asyncio.ensure_future(self.extraction.extract([item.event for item in ready]))
            await out.put((ready, task, released))

    async def process(self, items: list[Pending], extraction: asyncio.Future[Any], released: float) -> None:
        """Judge one batch (already handed out by the sequencer) in as many steps as the
        index's completeness needs."""
        entry = self._inflight[0] if self._inflight and self._inflight[0][0] is items else [items, 0]
        try:
            extracted = await extraction
            extracted_at = time.monotonic()
            self.metrics.stage_seconds.labels("extract").observe(extracted_at - released)
            self.sink.begin(items[0])
            batch = Batch(self.pipeline, extracted)
            needed = batch.names_needed()
            if needed:
                started = time.perf_counter()
                todo = [ex for i in needed if isinstance(ex := batch.extracted[i], Extraction)]
                batch.set_names(needed, await self.extraction.add_names(todo))
                self.metrics.ner_outputs.inc(len(needed))
                self.metrics.ner_seconds.observe(time.perf_counter() - started)
            index = BatchIndex(last_step=self.last_step, ttl=self.ttl)
            steps = 0
            while not batch.done:
                outputs = batch.remaining_outputs()
                if not outputs or outputs[0] > batch.applied:
                    # evidence first, up to the next output: it needs no lookup, and the mark
                    # that follows it is what other partitions' outputs may be waiting for
                    self._apply_step(items, entry, batch, index, 0)
                    continue
                keys = batch.lookup_keys()
                complete: int | None = None
                timed_out = False
                if keys:
                    asked = [(items[i].sort_key[0], items[i].fetched_by) for i in outputs]
                    self._publish_progress()  # before waiting: others may wait for it too
                    result = await self.index.lookup(self.partition, keys, asked)
                    index.add(result.found)
                    complete = result.complete
                    timed_out = result.timed_out
                    if timed_out:
                        self.metrics.watermark_timeouts.inc()
                    elif self._provisional and complete:
                        # complete as of this output's time: so for every earlier one too
                        await self._recheck(asked[complete - 1][0])
                index.keep_provisional = self._keeper(items) if timed_out else None
                try:
                    self._apply_step(items, entry, batch, index, complete)
                finally:
                    index.keep_provisional = None
                steps += 1
            if steps > 1:
                self.metrics.watermark_steps.inc(steps - 1)
            self.metrics.stage_seconds.labels("judge").observe(time.monotonic() - extracted_at)
        except BaseException:
            raise  # the batch stays in flight: run() puts back what it did not apply
        else:
            if self._inflight and self._inflight[0] is entry:
                self._inflight.popleft()

    # -- outputs judged past the maximum wait ---------------------------------------------------
    @property
    def provisional(self) -> int:
        """Outputs judged past the maximum wait, not judged again yet."""
        return len(self._provisional)

    def _keeper(self, items: list[Pending]) -> Callable[[Provisional], None]:
        by_id = {item.event.event_id: item for item in items}

        def keep(provisional: Provisional) -> None:
            if len(self._provisional) >= self.max_provisional:
                self._provisional.popleft()
                self.metrics.provisional_dropped.inc()
            self._provisional.append((provisional, by_id[provisional.ex.event.event_id]))
            self.metrics.provisional_outputs.set(len(self._provisional))

        return keep

    async def _recheck(self, covered: float | None) -> None:
        """Judge provisional outputs again, oldest first, up to event time ``covered`` (all of
        them when None): a lookup for each, answered once every partition has recorded up to
        its time; a changed verdict goes out as a follow-up. One still incomplete (its lookup
        passed the maximum wait again) stops the round: it is tried again later."""
        while self._provisional:
            provisional, item = self._provisional[0]
            when = item.sort_key[0]
            if covered is not None and when > covered:
                return
            if self.ttl is not None and self.event_time - when > self.ttl:
                self._provisional.popleft()  # its sightings have expired for later outputs anyway
                self.metrics.provisional_dropped.inc()
                continue
            keys = self.pipeline.rejudge_keys(provisional)
            result = await self.index.lookup(self.partition, keys, [(when, item.fetched_by)])
            if result.timed_out:
                return
            index = BatchIndex(result.found, last_step=self.last_step, ttl=self.ttl)
            self.sink.begin(item)
            try:
                followup = self.pipeline.rejudge(provisional, index)
                if followup is not None:
                    self.sink.verdict(followup, item)
                    self.metrics.watermark_followups.inc()
                self.sink.commit([])
            except Exception as exc:  # its first verdict stands; a restart would only fail again
                self.sink.rollback()
                self.metrics.provisional_dropped.inc()
                log.error("judging a provisional output again failed", error=type(exc).__name__)
            except BaseException:
                self.sink.rollback()
                raise
            if self._provisional and self._provisional[0][0] is provisional:
                self._provisional.popleft()
            self.metrics.provisional_outputs.set(len(self._provisional))

    @staticmethod
    async def _ready(queue: asyncio.Queue[Extracting]) -> None:
        """Until the queue has an item (without taking it)."""
        while queue.empty():
            await asyncio.sleep(0.01)

    async def _recheck_idle(self) -> None:
        """While no batch waits: at most once a second, since each try may wait the maximum."""
        now = time.monotonic()
        if now - self._rechecked_at >= 1.0:
            self._rechecked_at = now
            await self._recheck(None)

    def _apply_step(
        self, items: list[Pending], entry: list[Any], batch: Batch, index: BatchIndex, outputs: int | None
    ) -> None:
        """The critical section: no awaits, so a step's effects are queued all or nothing."""
        start = batch.applied
        self.sink.begin(items[start])
        try:
            results = batch.apply(index, outputs)
            for i, result in results:
                item = items[i]
                self.event_time = max(self.event_time, item.sort_key[0])
                self.metrics.events.labels(item.event.kind.value).inc()
                if isinstance(result, BaseException):
                    self.sink.error(item, result)
                    continue
                if item.event.kind is EventKind.MODEL_OUTPUT and not result:
                    self.metrics.duplicates.inc()
                for verdict in result:
                    self.sink.verdict(verdict, item)
            entry[1] = batch.applied
            self._send_mark(index.take_records())
            self.sink.commit(items[start : batch.applied])
        except BaseException:
            self.sink.rollback()
            raise
