"""Fails loudly when a faust-streaming or aiokafka upgrade changes an internal we rely on."""

from __future__ import annotations

import contextvars
import inspect

import aiokafka
import faust
from faust.streams import _current_event
from faust.transport.drivers import aiokafka as faust_aiokafka

from bleedwatch.streams import faust_compat


def test_current_event_is_a_context_variable_of_weak_references() -> None:
    assert isinstance(_current_event, contextvars.ContextVar)

    class Event:
        pass

    event = Event()
    with faust_compat.no_current_event():
        assert _current_event.get(None) is None
        faust_compat.set_current_event(event)
        assert _current_event.get()() is event  # type: ignore[misc]
    # what Faust itself reads: streams.current_event() dereferences the weak reference
    token = _current_event.set(None)
    try:
        faust_compat.set_current_event(event)
        assert faust.current_event() is event
    finally:
        _current_event.reset(token)


def test_consumer_thread_exposes_the_aiokafka_consumer_and_its_poll_times() -> None:
    thread = faust_aiokafka.AIOKafkaConsumerThread
    assert callable(getattr(thread, "_ensure_consumer", None))
    assert "last_poll_timestamp" in dir(aiokafka.AIOKafkaConsumer)
    assert list(inspect.signature(aiokafka.AIOKafkaConsumer.last_poll_timestamp).parameters) == [
        "self",
        "partition",
    ]


def test_last_poll_timestamp_reads_milliseconds_as_seconds_and_survives_change() -> None:
    class Inner:
        def last_poll_timestamp(self, tp: object) -> int:
            return 1_500

    class Thread:
        def _ensure_consumer(self) -> Inner:
            return Inner()

    class Consumer:
        _thread = Thread()

    tp = faust_compat.TP("t", 0)
    assert faust_compat.last_poll_timestamp(Consumer(), tp) == 1.5
    assert faust_compat.last_poll_timestamp(object(), tp) is None  # changed internals: unknown


def test_worker_spinner_can_be_switched_off_and_streams_take_without_ack() -> None:
    # the worker builds its spinner in __init__ and checks `if self.spinner:` before each use
    source = inspect.getsource(faust.Worker)
    assert "self.spinner = terminal.Spinner(" in source and "if self.spinner:" in source
    from faust.streams import Stream

    assert list(inspect.signature(Stream.noack_take).parameters)[:3] == ["self", "max_", "within"]


def test_faust_commits_past_an_unacked_offset_so_acks_must_be_in_order() -> None:
    """Why streams/acks.py exists: faust's consumer commits the first run of consecutive acked
    offsets without checking that it starts at the last commit. If an upgrade fixes that, this
    fails, and OrderedAcks may be simplified away."""
    from collections import defaultdict

    from faust.transport.consumer import Consumer
    from intervaltree import IntervalTree

    def new_offset(acked: list[int], committed: int | None) -> int | None:
        state = type("State", (), {})()
        tp = ("t", 0)
        state._acked = {tp: list(acked)}
        state._acked_index = defaultdict(set, {tp: set(acked)})
        state._gap = defaultdict(IntervalTree)
        state._committed_offset = {tp: committed}
        return Consumer._new_offset(state, tp)  # type: ignore[arg-type]

    assert new_offset([0, 2, 3], None) == 1  # a run from the start is fine
    assert new_offset([2, 3], None) == 4  # before any commit: offsets 0 and 1 are skipped
    assert new_offset([2, 3], 1) == 4  # after committing offset 0 (next = 1): offset 1 is skipped


def test_messages_carry_the_rebalance_generation_they_were_fetched_in() -> None:
    from faust.types.tuples import Message

    assert "generation_id" in inspect.signature(Message.__init__).parameters
    assert "consumer_generation_id" in dir(faust.App)

    class Msg:
        generation_id = 3

    class Ev:
        message = Msg()

    class App:
        consumer_generation_id = 3

    assert not faust_compat.is_stale(App(), Ev())  # type: ignore[arg-type]
    App.consumer_generation_id = 4
    assert faust_compat.is_stale(App(), Ev())  # type: ignore[arg-type]


def test_aiokafka_seeks_only_partitions_committed_above_zero() -> None:
    """Why seek_uncommitted_to_start exists: aiokafka's ``seek_to_committed`` leaves a partition
    with no committed offset (or 0) at its current fetch position. If an upgrade seeks those
    too (by the reset policy), this fails and the shim may go."""
    import asyncio

    from aiokafka.structs import TopicPartition

    none, zero, five = (TopicPartition("t", p) for p in range(3))
    seeks: list[tuple[TopicPartition, int]] = []
    committed = {none: None, zero: 0, five: 5}

    class Subscription:
        def assigned_partitions(self) -> set[TopicPartition]:
            return set(committed)

    class Fetcher:
        def seek_to(self, tp: TopicPartition, offset: int) -> None:
            seeks.append((tp, offset))

    async def committed_offset(tp: TopicPartition) -> int | None:
        return committed[tp]

    consumer = aiokafka.AIOKafkaConsumer.__new__(aiokafka.AIOKafkaConsumer)
    consumer._subscription = Subscription()
    consumer._fetcher = Fetcher()
    consumer.committed = committed_offset  # type: ignore[method-assign]
    assert asyncio.run(consumer.seek_to_committed()) == committed
    assert seeks == [(five, 5)]


def test_faust_drops_fetched_records_of_a_partition_no_longer_active() -> None:
    """The records a rewind must bring back: ``Consumer.getmany`` hands over only records of
    partitions still active when the fetch returns (a rebalance pauses newly assigned ones
    until recovery is done); the others are dropped, the fetch position already past them."""
    import asyncio
    from types import SimpleNamespace

    from faust.transport.consumer import Consumer
    from faust.transport.utils import DefaultSchedulingStrategy

    kept, paused = faust_compat.TP("t", 0), faust_compat.TP("t", 1)
    records = {
        kept: [SimpleNamespace(offset=0)],
        paused: [SimpleNamespace(offset=0), SimpleNamespace(offset=1)],
    }

    async def wait_next_records(timeout: float) -> tuple[object, set[object]]:
        return records, {kept}

    fake = SimpleNamespace(
        _wait_next_records=wait_next_records,
        app=SimpleNamespace(consumer_generation_id=1, monitor=SimpleNamespace(track_tp_end_offset=print)),
        should_stop=False,
        scheduler=DefaultSchedulingStrategy(),
        flow_active=True,
        _buffered_partitions=set(),
        highwater=lambda tp: 2,
        _to_message=lambda tp, record: (tp, record.offset),
    )

    async def fetched() -> list[object]:
        return [message async for _, message in Consumer.getmany(fake, timeout=1.0)]  # type: ignore[arg-type]

    assert asyncio.run(fetched()) == [(kept, 0)]


def test_perform_seek_rewinds_a_never_committed_partition_to_its_start() -> None:
    """Faust's own ``perform_seek`` over the shim: partitions with no committed offset (or 0)
    are sought to their beginning, committed ones are left to aiokafka, changelogs alone."""
    import asyncio
    from collections import defaultdict
    from types import SimpleNamespace

    from aiokafka.structs import TopicPartition
    from faust.transport.consumer import Consumer

    none, zero, five = (TopicPartition("t", p) for p in range(3))
    changelog = TopicPartition("t-changelog", 0)
    committed = {none: None, zero: 0, five: 5, changelog: None}

    class Base:
        async def seek_to_committed(self) -> dict[TopicPartition, int | None]:
            return dict(committed)

    def consumer(policy: str) -> tuple[object, list[TopicPartition]]:
        rewound: list[TopicPartition] = []

        class Thread:
            async def seek_to_beginning(self, *partitions: TopicPartition) -> None:
                rewound.extend(partitions)

        class Fake(faust_compat._SeekUncommittedToStart, Base):
            pass

        fake = Fake()
        fake.app = SimpleNamespace(
            conf=SimpleNamespace(consumer_auto_offset_reset=policy),
            tables=SimpleNamespace(changelog_topics={"t-changelog"}),
        )
        fake._thread = Thread()
        fake._read_offset = defaultdict(lambda: None)  # type: ignore[attr-defined]
        fake._committed_offset = defaultdict(lambda: None)  # type: ignore[attr-defined]
        return fake, rewound

    fake, rewound = consumer("earliest")
    asyncio.run(Consumer.perform_seek(fake))  # type: ignore[arg-type]
    assert sorted(rewound) == [none, zero]
    assert fake._read_offset[none] is None and fake._read_offset[five] == 5  # type: ignore[attr-defined]

    fake, rewound = consumer("latest")
    asyncio.run(Consumer.perform_seek(fake))  # type: ignore[arg-type]
    assert rewound == []


def test_the_worker_consumer_carries_the_rewind() -> None:
    """The transport builds the consumer from its ``Consumer`` attribute (Faust's
    ``Transport.create_consumer``); the app's consumer is the aiokafka one with the shim."""
    from bleedwatch.streams.app import build_faust_app
    from bleedwatch.streams.settings import Settings
    from bleedwatch.streams.topology import Topology

    settings = Settings(broker="127.0.0.1:9092", topic_prefix="compat.", partitions=4)
    app = build_faust_app(settings, Topology(settings))
    faust_compat.seek_uncommitted_to_start(app)  # a second call changes nothing
    assert app.transport.Consumer.__mro__[1:3] == (  # type: ignore[attr-defined]
        faust_compat._SeekUncommittedToStart,
        faust_aiokafka.Consumer,
    )
    consumer = app.consumer
    assert isinstance(consumer, faust_compat._SeekUncommittedToStart)
    assert isinstance(consumer, faust_aiokafka.Consumer)
