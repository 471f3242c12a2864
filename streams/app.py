"""The Faust application: topics, tables and agents wired around the partition processors.

- One agent per input topic parses its events (bad ones go to the dead-letter topic) and
  hands them, unacked, to the sequencer of their partition, which merges the four topics
  in event-time order (:mod:`.sequencer`).
- One :class:`~.partition.PartitionProcessor` per owned session partition drains its
  sequencer with the batch algorithm ``scan`` and ``replay`` run.
- The index agent serves the index partitions this worker owns (:mod:`.index_server`); the
  replies agent hands answers to waiting lookups (:mod:`.index_client`).
- The tick agent sweeps idle sessions; a timer answers lookups past their maximum wait.

This module only wires; what each part does is in its own module.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from typing import Any

import faust

from bleedwatch.detectors import SWEEP_LATENESS, DeadLetterFactory, DetectionPipeline, Extraction, Sighting
from bleedwatch.models import DeadLetterReason, Event, EventKind, EventValidationError, parse_event

from . import faust_compat
from .acks import OrderedAcks
from .dashboard import DashboardState
from .emit import Emitter, FaustSink
from .extraction_pool import ExtractionSupervisor, add_names, attach, extract
from .faust_store import TableSessionStore
from .health import Health
from .index_client import IndexClient
from .index_codec import CodecError, decode_reply, decode_request, encode_expire, table_key
from .index_server import Answer, IndexPartition
from .logs import get_logger
from .metrics import Metrics
from .partition import PartitionProcessor
from .repartition import Repartitioner, forwarded_fetch_time
from .scheduling import ProduceTimeOrder
from .sequencer import PartitionSequencer, oldest_arrival
from .settings import Settings
from .supervision import FatalExit, RestartBudget, TaskSupervisor
from .topology import Topology
from .web import add_pages

log = get_logger("bleedwatch.worker")

# How long a sequencer head waits for the consumer's own fetches to report an idle topic's end
# offset before the worker asks the broker (under load, fetches come far more often).
_READ_END_OFFSETS_AFTER_S = 0.01


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


class PoolExtraction:
    """The extraction port over the worker's supervised extraction process (a dead child is
    restarted and the work in flight runs again)."""

    def __init__(self, supervisor: ExtractionSupervisor) -> None:
        self.supervisor = supervisor

    async def extract(self, events: Sequence[Event]) -> list[Extraction | Exception]:
        return attach(await self.supervisor.run(extract, list(events)), events)

    async def add_names(self, extractions: Sequence[Extraction]) -> list[Extraction | Exception]:
        events = [ex.event for ex in extractions]
        return attach(await self.supervisor.run(add_names, list(extractions)), events)


def build_faust_app(settings: Settings, topology: Topology) -> faust.App:
    app = faust.App(
        topology.app_id,
        broker=_broker_urls(settings),
        broker_credentials=_credentials(settings),
        store=settings.store,
        datadir=str(settings.data_dir),
        topic_partitions=settings.partitions,
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
    # A never-committed partition must restart from its first record after Faust drops a
    # fetch of it (in a rebalance): else those records are never delivered
    faust_compat.seek_uncommitted_to_start(app)
    return app


class BleedwatchApp:
    """Builds and holds the Faust app. Creating it starts the extraction process; nothing
    runs yet."""

    def __init__(self, settings: Settings, pipeline: DetectionPipeline | None = None) -> None:
        self.settings = settings
        self.topology = topology = Topology(settings)
        self.metrics = Metrics()
        self.dashboard = DashboardState()
        self.partitions = settings.partitions
        self.sequencers: dict[int, PartitionSequencer] = {}
        self.processors: dict[int, PartitionProcessor] = {}
        self.tasks: dict[int, asyncio.Future[None]] = {}
        self._end_offsets: dict[faust_compat.TP, tuple[int, float]] = {}  # end offset, wall time read
        self._reading_ends: dict[int, asyncio.Future[None]] = {}
        self.app = app = build_faust_app(settings, topology)
        self.health = Health(
            settings.healthz_max_event_age_s, oldest_arrival=lambda: oldest_arrival(self.sequencers.values())
        )
        self.fatal = FatalExit(self.health, crash=self.app.crash, linger_s=settings.fatal_exit_delay_s)
        self.task_supervisor = TaskSupervisor(
            self.health,
            RestartBudget(settings.task_max_restarts, settings.task_restart_window_s),
            self.fatal,
            on_restart=self.metrics.task_restarts.inc,
        )
        self.supervisor = ExtractionSupervisor(
            settings.detector,
            max_restarts=settings.extraction_max_restarts,
            restart_window_s=settings.extraction_restart_window_s,
            health=self.health,
            on_restart=self.metrics.extraction_restarts.inc,
            on_failed=self.fatal,
        )
        self.supervisor.start()
        self.extraction = PoolExtraction(self.supervisor)
        inputs = topology.inputs.items()
        self.input_topics = {kind: self._topic(name, self.partitions) for kind, name in inputs}
        self.verdicts_topic = self._topic(topology.verdicts)
        self.alerts_topic = self._topic(topology.alerts)
        self.dead_letter_topic = self._topic(topology.dead_letter)
        self.requests_topic = self._topic(topology.index_requests, self.partitions)
        self.replies_topic = self._topic(topology.index_replies, self.partitions)
        self.ticks_topic = self._topic(topology.ticks, self.partitions)
        self.repartition_topic = self._topic(topology.repartition, self.partitions)
        self.acks = OrderedAcks()  # every ack goes through it: Faust commits past gaps
        self.rekey = Repartitioner(
            topology.inputs.values(),
            self.partitions,
            self.repartition_topic.send,
            log.warning,
            self._end_offset,
            interval_s=settings.rekey_mark_interval_ms / 1000,
            ack=self.acks.ack,
            active=settings.input_keys == "any",
        )
        self.sessions_table = app.Table(
            "sessions", partitions=self.partitions, key_type=bytes, value_type=bytes
        )
        self.index_table = app.Table(
            "fingerprints", partitions=self.partitions, key_type=bytes, value_type=bytes
        )
        self.pipeline = pipeline or DetectionPipeline(settings.detector)
        self.session_store = TableSessionStore(self.sessions_table)
        self.pipeline.sessions = self.session_store
        self.emitter = Emitter(
            self.verdicts_topic,
            self.alerts_topic,
            self.dead_letter_topic,
            DeadLetterFactory(self.pipeline.hasher, self.pipeline.pii),
            self.metrics,
            self.dashboard,
        )
        self.sink = FaustSink(self.emitter, self.session_store, self.acks)
        self.index_handlers: dict[int, IndexPartition] = {}
        self.index = IndexClient(
            self.partitions,
            self._send_request_soon,
            self.index_handlers,
            self._read_local,
            self.metrics,
            local_reads=settings.local_index_reads,
            last_step=settings.detector.index_last_step,
            ttl=settings.detector.index_ttl_seconds,
            lookup_timeout_s=settings.lookup_timeout_s,
            max_wait_s=settings.watermark_max_wait_s,
            own_marks=lambda: [p.mark() for p in list(self.processors.values())],
        )
        self._index_swept = 0.0  # monotonic time of the last fingerprint sweep request
        self._wire()

    def _topic(self, name: str, partitions: int | None = None) -> Any:
        return self.app.topic(name, partitions=partitions, key_type=bytes, value_type=bytes)

    # -- wiring ----------------------------------------------------------------------------
    def _wire(self) -> None:
        app = self.app
        for kind, topic in self.input_topics.items():
            app.agent(topic, name=f"bleedwatch.{kind.value}")(self._input_agent(kind))
        app.agent(self.requests_topic, name="bleedwatch.index-requests")(self._index_agent)
        app.agent(self.replies_topic, name="bleedwatch.index-replies")(self._replies_agent)
        app.agent(self.ticks_topic, name="bleedwatch.ticks", isolated_partitions=True)(self._tick_agent)
        app.agent(self.repartition_topic, name="bleedwatch.repartition")(self._repartition_agent)
        app.task(self._send_marks)
        app.timer(interval=max(1.0, self.settings.detector.session_ttl_seconds / 10))(self._send_ticks)
        app.timer(interval=0.05)(self._answer_overdue)
        app.timer(interval=0.25)(self._heartbeat)
        app.task(self.supervisor.watch)
        app.on_partitions_revoked.connect(self._on_revoked)  # type: ignore[arg-type]
        app.on_partitions_assigned.connect(self._on_assigned)  # type: ignore[arg-type]
        add_pages(app, self.metrics, self.dashboard, self._health)

    def _input_agent(self, kind: EventKind) -> Any:
        async def agent(stream: faust.StreamT[bytes]) -> None:
            # noack: an event is acked only once it has been judged or learned, so a crash or
            # a rebalance redelivers whatever was still waiting in a sequencer.
            batches = faust_compat.noack_take(
                stream, self.settings.batch_size, within=self.settings.batch_timeout_s
            )
            async for taken in batches:
                events = self._current(taken)
                for fe in events:
                    self.acks.received(fe)
                now = time.time()
                ends: dict[int, tuple[int, float] | None] = {}  # per partition: this topic's latest fetch
                forwards = []  # events on a partition not their session's: re-keyed
                for fe, event in self._parse(kind, events):
                    msg = fe.message
                    self.metrics.stage_seconds.labels("consume").observe(max(0.0, now - msg.timestamp))
                    sequencer = self._sequencer(msg.partition)
                    if msg.partition not in ends:
                        ends[msg.partition] = self._end_offset(msg.topic, msg.partition)
                    fetched = ends[msg.partition]
                    fetched_by = fetched[1] if fetched else None
                    target = self.rekey.target(msg.partition, event)
                    if target is not None:  # not this partition's: delivered, as far as it goes
                        sequencer.mark_received(msg.topic, msg.offset, msg.timestamp)
                        forwards.append(self.rekey.forward(fe, event, target, fetched_by))
                        continue
                    sequencer.push(msg.topic, msg.offset, msg.timestamp, fe, event, fetched_by)
                if forwards:
                    await self.rekey.send_forwards(forwards)  # acks each once confirmed
                    self.metrics.rekeyed.labels(self.topology.inputs[kind]).inc(len(forwards))
                self.rekey.handled(events, ends)
                while self._buffered() > self.settings.max_buffered_events:
                    await asyncio.sleep(0.01)  # backpressure: let the sequencers drain

        agent.__name__ = f"agent_{kind.value}"
        return agent

    async def _repartition_agent(self, stream: faust.StreamT[bytes]) -> None:
        """Re-keyed events (any kind) join their session partition's sequencer; forward marks,
        applied after the events before them, tell it what is still on its way."""
        size, within = self.settings.batch_size, self.settings.batch_timeout_s
        async for taken in faust_compat.noack_take(stream, size, within=within):
            batch = self._current(taken)
            for fe in batch:
                self.acks.received(fe)
            events, marks = self.rekey.split(batch)
            for fe, event in self._parse(None, events):
                msg = fe.message
                fetched_by = forwarded_fetch_time(msg.headers)  # its first worker's fetch
                if fetched_by is None:
                    fetched = self._end_offset(msg.topic, msg.partition)
                    fetched_by = fetched[1] if fetched else None
                sequencer = self._sequencer(msg.partition)
                sequencer.push(msg.topic, msg.offset, msg.timestamp, fe, event, fetched_by)
            for partition in self.rekey.apply_marks(marks):
                if partition in self.sequencers:
                    self.sequencers[partition].wake()

    async def _send_marks(self) -> None:
        def owned() -> list[tuple[str, int]]:
            consumer = self.app.consumer
            return [(tp.topic, tp.partition) for tp in consumer.assignment()] if consumer else []

        await self.rekey.run_marks(owned, self.metrics.forward_marks.inc)

    def _current(self, events: Sequence[Any]) -> list[Any]:
        """The events of a batch fetched in this rebalance generation: one taken before a
        revoke is dropped unacked, for the partition's owner now to get it again (judging it
        here re-created the revoked partition's processor: a second first verdict)."""
        current = [fe for fe in events if not faust_compat.is_stale(self.app, fe)]
        if len(current) < len(events):
            log.info("stale events dropped after a rebalance", count=len(events) - len(current))
        return current

    def _buffered(self) -> int:
        return sum(len(s) for s in self.sequencers.values())

    def _sequencer(self, partition: int) -> PartitionSequencer:
        sequencer = self.sequencers.get(partition)
        if sequencer is None:
            topics = list(self.topology.inputs.values())
            sequencer = self.sequencers[partition] = PartitionSequencer(
                topics,
                self.settings.grace_ms / 1000,
                lambda topic: self._end_offset(topic, partition),
                upstream=self.rekey.tracker(partition).covers,
                upstream_as_of=self.rekey.tracker(partition).covered_as_of,
            )
            processor = self.processors[partition] = PartitionProcessor(
                partition,
                sequencer,
                self.pipeline,
                self.extraction,
                self.index,
                self.sink,
                self.metrics,
                batch_size=self.settings.batch_size,
                idle_mark_interval_s=self.settings.idle_mark_interval_s,
                on_stale=self._stale,
                last_step=self.settings.detector.index_last_step,
                ttl=self.settings.detector.index_ttl_seconds,
            )
            self.task_supervisor.start(
                f"partition {partition}",
                processor.run,
                wanted=lambda: self.processors.get(partition) is processor,
                track=lambda task: self.tasks.__setitem__(partition, task),
            )
        return sequencer

    def _end_offset(self, topic: str, partition: int) -> tuple[int, float] | None:
        """The partition's end offset and the wall time it was learnt: from the consumer's
        last fetch of it, or from this worker's own read of it if that came later."""
        tp = faust_compat.TP(topic, partition)
        read = self._end_offsets.get(tp)  # read by this worker when fetches were too far apart
        consumer = self.app.consumer
        if consumer is None:
            return read
        polled = faust_compat.last_poll_timestamp(consumer, tp)
        try:
            end = consumer.highwater(tp)
        except Exception:
            return read
        if polled is None or end is None or (read is not None and read[1] > polled):
            return read
        return int(end), polled

    def _stale(self, partition: int) -> None:
        """A head waits: read the end offsets no fetch since its own reported, of its partition's
        topics and (re-keying) of the sources that may still forward to it."""
        if partition in self._reading_ends:
            return
        sequencer = self.sequencers.get(partition)
        if sequencer is None:
            return
        TP = faust_compat.TP
        stale = {TP(t, partition) for t in sequencer.stale_topics(waited_s=_READ_END_OFFSETS_AFTER_S)}
        head = sequencer.waiting(_READ_END_OFFSETS_AFTER_S)
        if head is not None:
            sources = self.rekey.tracker(partition).stale_sources(head.produced, head.fetched_by)
            stale |= {TP(topic, p) for topic, p in sources}
        if stale:
            self._reading_ends[partition] = asyncio.ensure_future(self._read_end_offsets(partition, stale))

    async def _read_end_offsets(self, partition: int, tps: set[Any]) -> None:
        """Read end offsets from the broker for the partition's sequencer, then wake it."""
        try:
            read_at = time.time()
            ends = await self.app.consumer.highwaters(*sorted(tps))
            for tp, end in ends.items():
                self._end_offsets[faust_compat.TP(tp.topic, tp.partition)] = (int(end), read_at)
            self.metrics.end_offset_reads.inc()
            sequencer = self.sequencers.get(partition)
            if sequencer is not None:
                sequencer.wake()
        except Exception as exc:
            log.warning("end offset read failed", partition=partition, error=type(exc).__name__)
            await asyncio.sleep(0.5)  # the grace period still bounds the wait
        finally:
            self._reading_ends.pop(partition, None)

    async def _on_assigned(self, sender: Any, assigned: set[Any], **kwargs: Any) -> None:
        """Start a processor for every session partition at once, so that idle ones publish
        their progress too (other partitions' lookups wait for it)."""
        outputs = self.topology.inputs[EventKind.MODEL_OUTPUT]
        for tp in assigned:
            if tp.topic == outputs:
                self._sequencer(tp.partition)

    async def _on_revoked(self, sender: Any, revoked: set[Any], **kwargs: Any) -> None:
        """Stop judging partitions we lose; their unacked events go to the new owner."""
        for tp in revoked:
            self.acks.revoked(tp.topic, tp.partition)
            if tp.topic == self.topology.index_requests:
                self.index.local.revoked(tp.partition)
                self.index_handlers.pop(tp.partition, None)
        stopped = []
        for partition in {tp.partition for tp in revoked if tp.topic in self.topology.inputs.values()}:
            task = self.tasks.pop(partition, None)
            self.processors.pop(partition, None)
            sequencer = self.sequencers.pop(partition, None)
            self.rekey.revoked(partition)
            if task is not None:
                task.cancel()
                stopped.append(task)
            dropped = len(sequencer.drain()) if sequencer else 0
            log.info("partition revoked", partition=partition, redelivered_to_new_owner=dropped)
        # Faust flushed the producer before this signal, but the processors judged on until
        # now: flush what they wrote since (verdicts and, above all, the session rows whose
        # journal tells the new owner an output is judged). The new owner recovers the table
        # only after every member's revoke returned; without this, 56 of 808 outputs got a
        # second first verdict after a rebalance.
        if stopped:
            _, pending = await asyncio.wait(stopped, timeout=5.0)
            if pending:
                log.warning("partition tasks still running after revoke", tasks=len(pending))
        try:
            async with asyncio.timeout(10.0):
                await self.app.producer.flush()
        except TimeoutError:
            log.warning("producer flush after revoke timed out")

    # -- the index ---------------------------------------------------------------------------
    def _send_request_soon(self, value: bytes, partition: int) -> None:
        self.requests_topic.send_soon(key=str(partition).encode(), value=value, partition=partition)

    def _handler(self, partition: int) -> IndexPartition:
        handler = self.index_handlers.get(partition)
        if handler is None:
            handler = self.index_handlers[partition] = IndexPartition(
                self.index_table,
                partition,
                self.partitions,
                self.settings.detector.index_last_step,
                self.settings.detector.index_ttl_seconds,
                self.settings.watermark_max_wait_s,
            )
        return handler

    async def _index_agent(self, stream: faust.StreamT[bytes]) -> None:
        async for event in stream.events():
            msg = event.message
            self.metrics.index_request_delay.observe(max(0.0, time.time() - msg.timestamp))
            handler = self._handler(msg.partition)
            try:
                expired = handler.expired
                answers = handler.handle(decode_request(event.value))
                self.index.local.applied(msg.partition, handler)
                if handler.expired > expired:
                    self.metrics.fingerprints_expired.inc(handler.expired - expired)
                await self._reply(answers)
            except CodecError as exc:
                self.metrics.index_errors.inc()
                log.error("index request unreadable", partition=msg.partition, error=str(exc))
            except Exception as exc:
                self.metrics.index_errors.inc()
                log.warning("index request failed", partition=msg.partition, error=type(exc).__name__)

    async def _reply(self, answers: list[Answer]) -> None:
        for answer in answers:  # someone is waiting: straight to the producer, not its buffer
            if answer.waited_s:
                self.metrics.watermark_wait_seconds.observe(answer.waited_s)
            await self.replies_topic.send(
                key=answer.request_id.encode(), value=answer.payload, partition=answer.reply_partition
            )

    async def _heartbeat(self) -> None:
        for processor in list(self.processors.values()):
            processor.heartbeat(0.5)

    async def _answer_overdue(self) -> None:
        for handler in list(self.index_handlers.values()):
            await self._reply(handler.due())

    async def _replies_agent(self, stream: faust.StreamT[bytes]) -> None:
        async for payload in stream:
            try:
                self.index.deliver(decode_reply(payload))
            except Exception as exc:
                self.metrics.index_errors.inc()
                log.warning("index reply failed", error=type(exc).__name__)

    def _read_local(self, partition: int, keys: list[int]) -> dict[int, Sighting]:
        # No current event: a RocksDB store would otherwise read the current event's partition
        # (a session partition), not the fingerprint's.
        with faust_compat.no_current_event():
            return self.index.local.read(partition, keys, lambda key: self.index_table.get(table_key(key)))

    # -- housekeeping ------------------------------------------------------------------------
    @property
    def stream_time(self) -> float:
        times = [p.event_time for p in self.processors.values() if p.event_time > float("-inf")]
        return max(times, default=0.0)

    async def _tick_agent(self, stream: faust.StreamT[bytes]) -> None:
        """Sweep a session partition's idle sessions, in that partition's own event time.

        The pipeline already reads them as empty, so a sweep only reclaims space: it drops a
        row only once the partition's newest event is a TTL and a tenth past the row's last
        event, leaving that tenth for events that arrive late in event time. A partition
        catching up after a rebalance is swept in its own time, not the worker's.
        """
        store = self.session_store  # the processors' own: a swept row must leave its read cache too
        ttl = self.settings.detector.session_ttl_seconds
        async for event in stream.events():
            partition = event.message.partition
            processor = self.processors.get(partition)
            if processor is None or processor.event_time == float("-inf"):
                continue
            before = processor.event_time - ttl * (1 + SWEEP_LATENESS)
            dropped = store.expire_partition(before, partition, self.partitions)
            if dropped:
                self.metrics.sessions_expired.inc(dropped)
                log.info("sessions expired", partition=partition, count=dropped)

    async def _send_ticks(self) -> None:
        """Tick each owned session partition (its session sweep), and now and then ask the
        index agents of the owned fingerprint partitions to sweep.

        A fingerprint partition answers lookups and takes records from every session
        partition, so deleting a sighting changes no verdict only if no session partition
        will still read or record it as of a time when it counts. The sweep time is therefore
        the oldest of this worker's session partitions' event times (none swept while one of
        them has processed nothing yet), less one more TTL: the partitions of other workers,
        whose times this worker does not know, may lag its own by up to one TTL (7 days by
        default) before a sweep could change a verdict. A fingerprint is thus dropped about
        two TTLs after the last new session saw it.
        """
        assignment = self.app.consumer.assignment() if self.app.consumer else set()
        owned = sorted(tp.partition for tp in assignment if tp.topic == self.topology.ticks)
        for partition in owned:
            await self.ticks_topic.send(value=b"tick", partition=partition)
        ttl = self.settings.detector.index_ttl_seconds
        times = [p.event_time for p in (self.processors.get(q) for q in self.assigned_partitions()) if p]
        oldest = min(times, default=float("-inf"))
        if oldest > float("-inf") and time.monotonic() - self._index_swept >= ttl / 50:
            # The index agent owning each fingerprint partition sweeps it, so that its deletes
            # reach that partition's changelog. A sweep reads the whole partition: rarely.
            self._index_swept = time.monotonic()
            request = encode_expire(oldest - 2 * ttl, self.partitions)
            requests = self.topology.index_requests
            index_owned = sorted(tp.partition for tp in assignment if tp.topic == requests)
            for partition in index_owned:
                await self.requests_topic.send(value=request, partition=partition)
        for partition in range(self.partitions):
            self.metrics.assigned_partitions.labels(str(partition)).set(int(partition in owned))

    def assigned_partitions(self) -> list[int]:
        consumer = self.app.consumer
        outputs = self.topology.inputs[EventKind.MODEL_OUTPUT]
        assignment = consumer.assignment() if consumer is not None else set()
        return sorted(tp.partition for tp in assignment if tp.topic == outputs)

    def _health(self) -> tuple[int, dict[str, Any]]:
        return self.health.report(
            assigned=self.assigned_partitions(), stream_time=self.stream_time, buffered=self._buffered()
        )

    # -- input ---------------------------------------------------------------------------------
    def _parse(self, kind: EventKind | None, events: Sequence[Any]) -> list[tuple[Any, Event]]:
        """Valid events of this topic (of any kind: None); the rest go to the dead-letter
        topic, acked."""
        parsed = []
        for fe in events:
            raw = fe.value if isinstance(fe.value, bytes) else bytes(fe.value or b"")
            msg = fe.message
            coords = {"topic": msg.topic, "partition": msg.partition, "offset": msg.offset}
            event: Event | None
            try:
                event = parse_event(raw)
                if kind is not None and event.kind is not kind:
                    self.emitter.dead_letter(
                        self.emitter.dead_letters.build(
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
                self.emitter.dead_letter(self.emitter.dead_letters.from_error(raw, error, **coords))
                event = None
            if event is None:
                self._sequencer(msg.partition).mark_received(msg.topic, msg.offset, msg.timestamp)
                self.acks.ack(fe)
            else:
                parsed.append((fe, event))
        return parsed

    def worker(self, loglevel: str = "WARNING") -> faust.Worker:
        return faust_compat.quiet_worker(self.app, loglevel)
