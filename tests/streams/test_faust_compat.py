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
