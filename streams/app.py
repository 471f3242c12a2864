"""The Faust application: agents, tables and topics around the one detection pipeline.

- One agent per input topic. Each parses its events (bad ones go to the dead-letter topic)
  and hands them, unacked, to the sequencer of their partition, which merges the four topics
  in event-time order (see :mod:`.sequencer`).
- One processing task per owned partition drains its sequencer in batches: it asks the
  fingerprint index once per index partition for the batch's outputs, then learns and judges
  every event with the same :class:`DetectionPipeline` the offline scan uses.
- The CPU-heavy extraction (spaCy NER, Presidio) runs in the worker's extraction process,
  off the event loop and its GIL (:mod:`.extraction_pool`).
- Everything after the awaits runs without yielding to the loop: verdicts, table writes and
  index records of a batch are queued together, so a rebalance never splits them.
"""

from __future__ import annotations

import asyncio
import time
import uuid
import weakref
from collections.abc import Sequence
from typing import Any

import faust
import orjson
from faust.streams import _current_event
from faust.types import TP
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bleedwatch.detectors import DeadLetterFactory, DetectionPipeline, Extraction, Sighting
from bleedwatch.models import (
    Action,
    DeadLetterReason,
    Event,
    EventKind,
    EventValidationError,
    Verdict,
    parse_event,
)

from .dashboard import DashboardState, page
from .extraction_pool import ExtractionSupervisor, ExtractionUnavailable, add_names, attach, extract
from .faust_store import TableSessionStore
from .health import Health
from .logs import get_logger
from .metrics import Metrics
from .remote_index import (
    IndexTableHandler,
    LocalIndexReads,
    PendingLookup,
    PrefetchedIndex,
    expire_request,
    group_by_partition,
    lookup_request,
    record_request,
    table_key,
)
from .scheduling import ProduceTimeOrder
from .sequencer import PartitionSequencer, Pending, oldest_arrival
from .settings import Settings
from .supervision import FatalExit, RestartBudget, TaskSupervisor, next_while_alive
from .topology import Topology

log = get_logger("bleedwatch.worker")

# How long a sequencer head waits for the consumer's own fetches to report an idle topic's end
# offset before the worker asks the broker (under load, fetches come far more often).
_READ_END_OFFSETS_AFTER_S = 0.01

# A batch released by a sequencer, its extraction under way, and when it was released.
Batch = tuple[list[Pending], "asyncio.Future[Any]", float]


def _as_current(event: Any) -> None:
    """Make ``event`` Faust's current event, so table writes go to its partition.

    ``take_events`` hands us a batch outside Faust's per-event context; with isolated
    partitions every event of a batch is from one partition, the session's.
    """
    _current_event.set(weakref.ref(event))


def _broker_urls(settings: Settings) -> str:
    return ";".join(f"kafka://{host.strip()}" for host in settings.bootstrap.split(","))


def _credentials(settings: Settings) -> Any:
    sec = settings.kafka
    if sec.security_protocol == "PLAINTEXT":
        return None
    import ssl

    context = None
    if sec.security_protocol in ("SSL", "SASL_SSL"):
        context = ssl.create_default_context(cafile=str(sec.ssl_cafile) if sec.ssl_cafile else None)
        if sec.ssl_certfile:
            context.load_cert_chain(str(sec.ssl_certfile), str(sec.ssl_keyfile) if sec.ssl_keyfile else None)
    if sec.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=sec.sasl_username,
            password=sec.sasl_password.get_secret_value() if sec.sasl_password else None,
            mechanism=sec.sasl_mechanism or "PLAIN",
            ssl_context=context,
        )
    return faust.SSLCredentials(context)


class BleedwatchApp:
    """Builds and holds the Faust app. Creating it loads the spaCy model; nothing runs yet."""

    def __init__(self, settings: Settings, pipeline: DetectionPipeline | None = None) -> None:
        self.settings = settings
        self.topology = Topology(settings)
        self.metrics = Metrics()
        self.dashboard = DashboardState()
        self.partitions = settings.partitions
        self.stream_time = 0.0  # max event time seen: TTL expiry follows event time, so replays work
        self.sequencers: dict[int, PartitionSequencer] = {}
        self._end_offsets: dict[TP, tuple[int, float]] = {}  # end offset, wall time read
        self._reading_ends: dict[int, asyncio.Future[None]] = {}
        self.processors: dict[int, asyncio.Future[None]] = {}
        # Supervision: a dead extraction process or partition task is restarted (within a
        # budget), /healthz reports what is down, and a fatal failure exits the worker non-zero.
        self.health = Health(
            settings.healthz_max_event_age_s, lambda: oldest_arrival(self.sequencers.values())
        )
        self.fatal = FatalExit(
            self.health, lambda exc: self.app.crash(exc), linger_s=settings.fatal_exit_delay_s
        )
        self.tasks = TaskSupervisor(
            self.health,
            RestartBudget(settings.task_max_restarts, settings.task_restart_window_s),
            self.fatal,
            on_restart=self.metrics.task_restarts.inc,
        )
        self.extraction = ExtractionSupervisor(
            settings.detector,
            max_restarts=settings.extraction_max_restarts,
            restart_window_s=settings.extraction_restart_window_s,
            health=self.health,
            on_restart=self.metrics.extraction_restarts.inc,
            on_failed=self.fatal,
        )
        self.extraction.start()
        self.app = faust.App(
            self.topology.app_id,
            broker=_broker_urls(settings),
            broker_credentials=_credentials(settings),
            store=settings.store,
            datadir=str(settings.data_dir),
            topic_partitions=self.partitions,
            topic_allow_declare=True,
            stream_wait_empty=False,
            consumer_auto_offset_reset="earliest",
            web_port=settings.web_port,
            web_host="127.0.0.1",
            web_in_thread=False,
            autodiscover=False,
            producer_linger=0.0,
            ConsumerScheduler=ProduceTimeOrder,
            broker_commit_every=1000,
            broker_commit_interval=1.0,
            logging_config=None,
            key_serializer="raw",
            value_serializer="raw",
        )
        app = self.app
        self.input_topics = {
            kind: self._topic(name, partitions=self.partitions) for kind, name in self.topology.inputs.items()
        }
        self.verdicts_topic = self._topic(self.topology.verdicts)
        self.alerts_topic = self._topic(self.topology.alerts)
        self.dead_letter_topic = self._topic(self.topology.dead_letter)
        self.fingerprints_topic = self._topic(self.topology.fingerprints, partitions=self.partitions)
        self.replies_topic = self._topic(self.topology.index_replies, partitions=self.partitions)
        self.lookups: dict[str, PendingLookup] = {}
        self.local_index = LocalIndexReads(uuid.uuid4().hex)
        self._index_swept = 0.0  # monotonic time of the last fingerprint sweep request
        self.ticks_topic = self._topic(self.topology.ticks, partitions=self.partitions)
        self.sessions_table = app.Table(
            "sessions", partitions=self.partitions, key_type=bytes, value_type=bytes
        )
        self.index_table = app.Table(
            "fingerprints", partitions=self.partitions, key_type=bytes, value_type=bytes
        )
        self.pipeline = pipeline or DetectionPipeline(settings.detector)
        self.session_store = TableSessionStore(self.sessions_table)
        self.pipeline.sessions = self.session_store
        self.dead_letters = DeadLetterFactory(self.pipeline.hasher, self.pipeline.pii)
        self._wire()

    def _topic(self, name: str, partitions: int | None = None) -> Any:
        return self.app.topic(name, partitions=partitions, key_type=bytes, value_type=bytes)

    # -- wiring ----------------------------------------------------------------------------
    def _wire(self) -> None:
        app = self.app
        for kind, topic in self.input_topics.items():
            app.agent(topic, name=f"bleedwatch.{kind.value}")(self._input_agent(kind))
        app.agent(self.fingerprints_topic, name="bleedwatch.fingerprints")(self._index_agent)
        app.agent(self.replies_topic, name="bleedwatch.index-replies")(self._replies_agent)
        app.agent(self.ticks_topic, name="bleedwatch.ticks", isolated_partitions=True)(self._tick_agent)
        app.timer(interval=max(1.0, self.settings.session_ttl_seconds / 10))(self._send_ticks)
        app.on_partitions_revoked.connect(self._on_revoked)  # type: ignore[arg-type]
        app.task(self.extraction.watch)  # restarts an extraction process that dies while idle
        # Faust turns a page function into a View method: it must be a plain function.
        metrics_page, health_page = self._metrics_page, self._health_page
        board, html = self.dashboard, page()

        async def dashboard(view: Any, request: Any) -> Any:
            return view.html(html)

        async def summary(view: Any, request: Any) -> Any:
            return view.json(board.summary())

        async def metrics(view: Any, request: Any) -> Any:
            return await metrics_page(view, request)

        async def healthz(view: Any, request: Any) -> Any:
            return await health_page(view, request)

        app.page("/metrics")(metrics)
        app.page("/healthz")(healthz)
        app.page("/dashboard")(dashboard)
        app.page("/api/summary")(summary)

    def _input_agent(self, kind: EventKind) -> Any:
        async def agent(stream: faust.StreamT[bytes]) -> None:
            # noack: an event is acked only once it has been judged or learned, so a crash or
            # a rebalance redelivers whatever was still waiting in a sequencer.
            async for events in stream.noack_take(  # type: ignore[attr-defined]
                self.settings.batch_size, within=self.settings.batch_timeout_s
            ):
                now = time.time()
                fetched_by: dict[int, float | None] = {}  # per partition: this topic's latest fetch
                for fe, event in self._parse(kind, events):
                    msg = fe.message
                    self.metrics.stage_seconds.labels("consume").observe(max(0.0, now - msg.timestamp))
                    sequencer = self._sequencer(msg.partition)
                    if msg.partition not in fetched_by:
                        fetched = self._end_offset(msg.topic, msg.partition)
                        fetched_by[msg.partition] = fetched[1] if fetched else None
                    sequencer.push(msg.topic, msg.offset, msg.timestamp, fe, event, fetched_by[msg.partition])
                while self._buffered() > self.settings.max_buffered_events:
                    await asyncio.sleep(0.01)  # backpressure: let the sequencers drain

        agent.__name__ = f"agent_{kind.value}"
        return agent

    def _buffered(self) -> int:
        return sum(len(s) for s in self.sequencers.values())

    def _sequencer(self, partition: int) -> PartitionSequencer:
        sequencer = self.sequencers.get(partition)
        if sequencer is None:
            topics = list(self.topology.inputs.values())
            sequencer = self.sequencers[partition] = PartitionSequencer(
                topics, self.settings.grace_ms / 1000, lambda topic: self._end_offset(topic, partition)
            )
            self.tasks.start(
                f"partition {partition}",
                lambda: self._run_partition(partition, sequencer),
                wanted=lambda: self.sequencers.get(partition) is sequencer,  # not revoked meanwhile
                track=lambda task: self.processors.__setitem__(partition, task),
            )
        return sequencer

    def _end_offset(self, topic: str, partition: int) -> tuple[int, float] | None:
        """The partition's end offset and the wall time it was learnt: from the consumer's
        last fetch of it, or from this worker's own read of it if that came later.

        aiokafka notes the time of a fetch (``last_poll_timestamp``); Faust has no public call
        for it, so an unexpected Faust or aiokafka leaves only the worker's reads, and heads
        wait for newer messages, a read or their grace period.
        """
        tp = TP(topic, partition)
        read = self._end_offsets.get(tp)  # read by this worker when fetches were too far apart
        consumer = self.app.consumer
        if consumer is None:
            return read
        try:
            polled_ms = consumer._thread._ensure_consumer().last_poll_timestamp(tp)  # type: ignore[attr-defined]
            end = consumer.highwater(tp)
        except Exception:
            return read
        if polled_ms is None or end is None or (read is not None and read[1] > polled_ms / 1000):
            return read
        return int(end), polled_ms / 1000

    async def _read_end_offsets(self, partition: int, topics: set[str]) -> None:
        """Read ``topics``' end offsets of the partition from the broker, then wake its sequencer."""
        try:
            read_at = time.time()
            ends = await self.app.consumer.highwaters(*(TP(t, partition) for t in sorted(topics)))
            for tp, end in ends.items():
                self._end_offsets[TP(tp.topic, tp.partition)] = (int(end), read_at)
            self.metrics.end_offset_reads.inc()
            sequencer = self.sequencers.get(partition)
            if sequencer is not None:
                sequencer.wake()
        except Exception as exc:
            log.warning("end offset read failed", partition=partition, error=type(exc).__name__)
            await asyncio.sleep(0.5)  # the grace period still bounds the wait
        finally:
            self._reading_ends.pop(partition, None)

    async def _on_revoked(self, sender: Any, revoked: set[TP], **kwargs: Any) -> None:
        """Stop judging partitions we lose; their unacked events go to the new owner."""
        for tp in revoked:
            if tp.topic == self.topology.fingerprints:
                self.local_index.revoked(tp.partition)
        for partition in {tp.partition for tp in revoked if tp.topic in self.topology.inputs.values()}:
            task = self.processors.pop(partition, None)
            sequencer = self.sequencers.pop(partition, None)
            if task is not None:
                task.cancel()
            dropped = len(sequencer.drain()) if sequencer else 0
            log.info("partition revoked", partition=partition, redelivered_to_new_owner=dropped)

    async def _run_partition(self, partition: int, sequencer: PartitionSequencer) -> None:
        """Two stages: extraction (stateless, in the child process) runs one batch ahead of
        judging, which looks up the index, applies in order and emits."""
        extracted: asyncio.Queue[Batch] = asyncio.Queue(maxsize=1)
        inflight: list[list[Pending]] = []  # batches released by the sequencer, not yet done
        extractor = asyncio.ensure_future(self._extract_ahead(partition, sequencer, extracted, inflight))
        try:
            while True:
                ready, future, released = await next_while_alive(extracted, extractor)
                try:
                    await self._process(ready, future, released)
                except (asyncio.CancelledError, ExtractionUnavailable):
                    raise  # no extraction: the worker exits, the batch is redelivered
                except Exception as exc:
                    log.error("batch failed", partition=partition, error=type(exc).__name__)
                    for item in ready:
                        self._processing_error(item.message, item.event, exc)
                        item.message.ack()
                inflight.pop(0)
        except Exception:
            # dying unexpectedly (supervised: a new task takes over): unacked events go back
            extractor.cancel()
            sequencer.requeue(i for batch in inflight for i in batch if not i.message.message.acked)
            raise
        finally:
            extractor.cancel()

    async def _extract_ahead(
        self,
        partition: int,
        sequencer: PartitionSequencer,
        out: asyncio.Queue[Batch],
        inflight: list[list[Pending]],
    ) -> None:
        while True:
            expired = sequencer.grace_expired
            ready = sequencer.pop_ready(self.settings.batch_size)
            if sequencer.grace_expired > expired:
                self.metrics.grace_expired.inc(sequencer.grace_expired - expired)
            if not ready:
                stale = sequencer.stale_topics(waited_s=_READ_END_OFFSETS_AFTER_S)
                if stale and partition not in self._reading_ends:
                    self._reading_ends[partition] = asyncio.ensure_future(
                        self._read_end_offsets(partition, stale)
                    )
                await sequencer.wait(0.005)
                continue
            inflight.append(ready)
            self.metrics.batch_size.observe(len(ready))
            released = time.monotonic()
            sequenced = self.metrics.stage_seconds.labels("sequence")
            for item in ready:
                sequenced.observe(released - item.arrived)
            future = asyncio.ensure_future(self.extraction.run(extract, [item.event for item in ready]))
            future.add_done_callback(self._extraction_timer(time.perf_counter()))
            await out.put((ready, future, released))

    def _extraction_timer(self, started: float) -> Any:
        return lambda _: self.metrics.extract_seconds.observe(time.perf_counter() - started)

    async def _index_agent(self, stream: faust.StreamT[bytes]) -> None:
        handlers: dict[int, IndexTableHandler] = {}
        async for event in stream.events():
            msg = event.message
            self.metrics.index_request_delay.observe(max(0.0, time.time() - msg.timestamp))
            handler = handlers.get(msg.partition)
            if handler is None:
                handler = handlers[msg.partition] = IndexTableHandler(
                    self.index_table, msg.partition, self.settings.index_last_step
                )
            try:
                expired = handler.expired
                reply = handler.handle(event.value)
                self.local_index.applied(msg.partition, handler)
                if handler.expired > expired:
                    self.metrics.fingerprints_expired.inc(handler.expired - expired)
                if reply is not None:  # someone is waiting: straight to the producer, not its buffer
                    await self.replies_topic.send(
                        key=reply.request_id.encode(), value=reply.payload, partition=reply.reply_partition
                    )
            except Exception as exc:
                self.metrics.index_errors.inc()
                log.warning("index request failed", partition=msg.partition, error=type(exc).__name__)

    async def _replies_agent(self, stream: faust.StreamT[bytes]) -> None:
        async for payload in stream:
            try:
                reply = orjson.loads(payload)
                pending = self.lookups.get(reply["rid"])
                if pending is not None:  # else: asked by a batch since revoked or retried
                    pending.deliver(int(reply["part"]), reply["found"])
            except Exception as exc:
                self.metrics.index_errors.inc()
                log.warning("index reply failed", error=type(exc).__name__)

    async def _tick_agent(self, stream: faust.StreamT[bytes]) -> None:
        store = self.session_store  # the processors' own: a swept row must leave its read cache too
        async for event in stream.events():
            if not self.stream_time:
                continue
            before = self.stream_time - self.settings.session_ttl_seconds
            dropped = store.expire_partition(before, event.message.partition, self.partitions)
            if dropped:
                self.metrics.sessions_expired.inc(dropped)
                log.info("sessions expired", partition=event.message.partition, count=dropped)

    async def _send_ticks(self) -> None:
        assignment = self.app.consumer.assignment() if self.app.consumer else set()
        owned = sorted(tp.partition for tp in assignment if tp.topic == self.topology.ticks)
        for partition in owned:
            await self.ticks_topic.send(value=b"tick", partition=partition)
        sweep_every = self.settings.index_ttl_seconds / 50
        if self.stream_time and time.monotonic() - self._index_swept >= sweep_every:
            # The index agent owning each fingerprint partition sweeps it, so that its deletes
            # reach that partition's changelog. A sweep reads the whole partition: rarely.
            self._index_swept = time.monotonic()
            before = self.stream_time - self.settings.index_ttl_seconds
            request = expire_request(before, self.partitions)
            index_owned = sorted(tp.partition for tp in assignment if tp.topic == self.topology.fingerprints)
            for partition in index_owned:
                await self.fingerprints_topic.send(value=request, partition=partition)
        for partition in range(self.partitions):
            self.metrics.assigned_partitions.labels(str(partition)).set(int(partition in owned))

    async def _metrics_page(self, web: Any, request: Any) -> Any:
        # aiohttp wants the charset outside content_type
        return web.bytes(
            generate_latest(self.metrics.registry), content_type=CONTENT_TYPE_LATEST.split(";")[0]
        )

    def assigned_partitions(self) -> list[int]:
        consumer = self.app.consumer
        outputs = self.topology.inputs[EventKind.MODEL_OUTPUT]
        assignment = consumer.assignment() if consumer is not None else set()
        return sorted(tp.partition for tp in assignment if tp.topic == outputs)

    async def _health_page(self, web: Any, request: Any) -> Any:
        status, body = self.health.report(
            assigned=self.assigned_partitions(), stream_time=self.stream_time, buffered=self._buffered()
        )
        return web.json(body, status=status)

    # -- processing --------------------------------------------------------------------------
    def _parse(self, kind: EventKind, events: Sequence[Any]) -> list[tuple[Any, Event]]:
        """Valid events of this topic; the rest go to the dead-letter topic, acked."""
        parsed = []
        for fe in events:
            raw = fe.value if isinstance(fe.value, bytes) else bytes(fe.value or b"")
            msg = fe.message
            coords = {"topic": msg.topic, "partition": msg.partition, "offset": msg.offset}
            event: Event | None
            try:
                event = parse_event(raw)
                if event.kind is not kind:
                    self._dead_letter(
                        self.dead_letters.build(
                            raw,
                            DeadLetterReason.WRONG_TOPIC,
                            f"a {event.kind.value} event on the {kind.value} topic",
                            field="kind",
                            event_id=event.event_id,
                            **coords,
                        )
                    )
                    event = None
            except EventValidationError as error:
                self._dead_letter(self.dead_letters.from_error(raw, error, **coords))
                event = None
            if event is None:
                self._sequencer(msg.partition).mark_received(msg.topic, msg.offset, msg.timestamp)
                fe.ack()
            else:
                parsed.append((fe, event))
        return parsed

    def _dead_letter(self, record: Any) -> None:
        self.metrics.dead_letters.labels(record.reason.value).inc()
        self.dead_letter_topic.send_soon(
            key=record.payload_hmac.encode(), value=orjson.dumps(record.model_dump(mode="json"))
        )
        log.warning(
            "dead letter",
            reason=record.reason.value,
            field=record.field,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
        )

    async def _lookup(self, keys: list[int], session_partition: int) -> dict[int, Any]:
        """Ask each index partition once; resend until answered (no verdict is ever guessed)."""
        groups = group_by_partition(keys, self.partitions)
        if not groups:
            return {}
        started = time.perf_counter()
        found: dict[int, Any] = {}
        if self.settings.local_index_reads:
            for partition in sorted(groups):
                if partition in self.local_index.ready:
                    found.update(self._read_local(partition, groups.pop(partition)))
                    self.metrics.local_lookups.inc()
            if not groups:
                self.metrics.lookup_seconds.observe(time.perf_counter() - started)
                return found
        request_id = uuid.uuid4().hex
        pending = self.lookups[request_id] = PendingLookup(set(groups))
        try:
            delay = self.settings.lookup_timeout_s
            while True:
                for partition, group in groups.items():
                    if partition in pending.expected:
                        await self.fingerprints_topic.send(
                            key=str(partition).encode(),
                            value=lookup_request(group, request_id, session_partition),
                            partition=partition,
                        )
                try:
                    await asyncio.wait_for(pending.done.wait(), timeout=delay)
                    break
                except TimeoutError:
                    log.warning("index lookup timed out; asking again", missing=len(pending.expected))
                    delay = min(delay * 2, 60.0)
        finally:
            self.lookups.pop(request_id, None)
        self.metrics.lookup_seconds.observe(time.perf_counter() - started)
        return {**found, **pending.found}

    def _read_local(self, partition: int, keys: list[int]) -> dict[int, Sighting]:
        # No current event: a RocksDB store would otherwise read the current event's partition
        # (a session partition), not the fingerprint's.
        token = _current_event.set(None)
        try:
            return self.local_index.read(partition, keys, lambda key: self.index_table.get(table_key(key)))
        finally:
            _current_event.reset(token)

    async def _process(self, ready: list[Pending], extraction: asyncio.Future[Any], released: float) -> None:
        extracted = attach(await extraction, [item.event for item in ready])
        extracted_at = time.monotonic()
        self.metrics.stage_seconds.labels("extract").observe(extracted_at - released)
        needed = self.pipeline.names_needed(extracted)
        if needed:
            started = time.perf_counter()
            todo = [ex for i in needed if isinstance(ex := extracted[i], Extraction)]
            named = attach(await self.extraction.run(add_names, todo), [ex.event for ex in todo])
            for i, ex in zip(needed, named, strict=True):
                extracted[i] = ex
            self.metrics.ner_outputs.inc(len(needed))
            self.metrics.ner_seconds.observe(time.perf_counter() - started)
        keys = [
            k for ex in extracted if isinstance(ex, Extraction) for k in self.pipeline.remote_lookup_keys(ex)
        ]
        prefetched = await self._lookup(keys, ready[0].message.message.partition) if keys else {}
        try:
            self._apply(ready, extracted, PrefetchedIndex(prefetched))
        finally:
            self.session_store.rollback()  # no-op after a commit
        self.metrics.stage_seconds.labels("judge").observe(time.monotonic() - extracted_at)

    def _apply(
        self, ready: list[Pending], extracted: list[Extraction | Exception], index: PrefetchedIndex
    ) -> None:
        """The critical section: no awaits, so a batch's effects are queued all or nothing."""
        for item, ex in zip(ready, extracted, strict=True):
            fe, event = item.message, item.event
            self.stream_time = max(self.stream_time, event.timestamp.timestamp())
            self.metrics.events.labels(event.kind.value).inc()
            _as_current(fe)
            try:
                if isinstance(ex, Exception):
                    raise ex
                verdicts = self.pipeline.apply(ex, index=index)
            except Exception as exc:
                self._processing_error(fe, event, exc)
                verdicts = []
            else:
                if event.kind is EventKind.MODEL_OUTPUT and not verdicts:
                    self.metrics.duplicates.inc()
            for verdict in verdicts:
                self._emit(verdict, fe)
        local = self.local_index
        for partition, groups in index.record_groups(self.partitions):
            payload = record_request(groups, local.worker_id, local.sent(partition, groups))
            self.fingerprints_topic.send_soon(key=str(partition).encode(), value=payload, partition=partition)
        _as_current(ready[-1].message)  # every row of the batch belongs to this partition
        self.session_store.commit()
        for item in ready:
            item.message.ack()

    def _processing_error(self, fe: Any, event: Event, exc: BaseException) -> None:
        raw = fe.value if isinstance(fe.value, bytes) else b""
        msg = fe.message
        # The exception type only: messages and tracebacks with locals can carry raw content.
        log.error("processing error", event_id=event.event_id, error=type(exc).__name__)
        self._dead_letter(
            self.dead_letters.build(
                raw,
                DeadLetterReason.PROCESSING_ERROR,
                type(exc).__name__,
                event_id=event.event_id,
                topic=msg.topic,
                partition=msg.partition,
                offset=msg.offset,
            )
        )

    def _emit(self, verdict: Verdict, fe: Any) -> None:
        payload = orjson.dumps(verdict.model_dump(mode="json"))
        self.verdicts_topic.send_soon(key=verdict.event_id.encode(), value=payload)
        if verdict.action is not Action.ALLOW or verdict.revision > 0:
            self.alerts_topic.send_soon(key=verdict.tenant_id.encode(), value=payload)
        self.metrics.verdicts.labels(verdict.action.value, str(verdict.revision)).inc()
        self.dashboard.record(verdict)
        for finding in verdict.findings:
            self.metrics.findings.labels(finding.type.value).inc()
        if verdict.revision == 0:
            self.metrics.verdict_latency.observe(max(0.0, time.time() - fe.message.timestamp))

    def worker(self, loglevel: str = "WARNING") -> faust.Worker:
        return quiet_worker(self.app, loglevel)


def quiet_worker(app: faust.App, loglevel: str) -> faust.Worker:
    """A Faust worker without its terminal spinner.

    The spinner hangs a DEBUG handler on the root logger, so every debug call in Faust and its
    clients builds a log record (Faust's "send" record carries the raw message value) only
    to spin a character: 4% of a busy worker's CPU in a py-spy profile.
    """
    worker = faust.Worker(app, loglevel=loglevel, quiet=True, redirect_stdouts=False)
    worker.spinner = None
    return worker
