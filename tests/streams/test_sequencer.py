"""Event-time alignment across topics, without Kafka (the sequencer is plain asyncio)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bleedwatch.models import Event, EventKind
from bleedwatch.streams.sequencer import PartitionSequencer

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
TOPICS = ["ctx", "out"]


def _event(eid: str, kind: EventKind, seconds: float) -> Event:
    return Event(
        event_id=eid,
        tenant_id="t",
        session_id="s",
        kind=kind,
        timestamp=T0 + timedelta(seconds=seconds),
        content="x",
    )


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


READ_LATE = 1e12  # wall time of end-offset looks made after everything here arrived


def test_an_output_waits_for_a_lagging_topic_then_goes_after_earlier_evidence() -> None:
    clock = Clock()
    ends = {"ctx": (1, READ_LATE), "out": (1, READ_LATE)}  # one message produced on each topic
    seq = PartitionSequencer(TOPICS, grace_s=1.0, end_offset=ends.get, clock=clock)
    seq.push("out", 0, produced=10.0, message="m-out", event=_event("o", EventKind.MODEL_OUTPUT, 2))
    assert seq.pop_ready(10) == []  # the context topic has not delivered its message yet
    seq.push("ctx", 0, produced=9.9, message="m-ctx", event=_event("c", EventKind.RETRIEVED_CONTEXT, 1))
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["c", "o"]


def test_an_idle_topic_does_not_hold_outputs_back() -> None:
    clock = Clock()
    ends = {"ctx": (0, READ_LATE), "out": (1, READ_LATE)}
    seq = PartitionSequencer(TOPICS, grace_s=1.0, end_offset=ends.get, clock=clock)
    seq.push("out", 0, produced=10.0, message=None, event=_event("o", EventKind.MODEL_OUTPUT, 2))
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["o"]


def test_only_an_end_offset_seen_after_the_output_arrived_releases_it() -> None:
    clock = Clock()
    # The consumer last fetched the context partition at wall time 9.0; the output arrives at
    # 10.0. The context it quotes was appended before the output, possibly after 9.0.
    ends = {"ctx": (0, 9.0), "out": (1, READ_LATE)}
    seq = PartitionSequencer(
        TOPICS, grace_s=1.0, end_offset=ends.get, clock=clock, wall_clock=lambda: 10.0
    )  # fetched by 10.0
    seq.push("out", 0, produced=10.0, message=None, event=_event("o", EventKind.MODEL_OUTPUT, 2))
    assert seq.pop_ready(10) == []
    assert seq.stale_topics(waited_s=0.01) == set()  # not waited long enough to ask the broker
    clock.now = 0.02
    assert seq.stale_topics(waited_s=0.01) == {"ctx"}
    ends["ctx"] = (1, 10.01)  # a look after the arrival: the context was appended meanwhile
    assert seq.pop_ready(10) == [] and seq.stale_topics(waited_s=0.01) == set()
    seq.push("ctx", 0, produced=9.9, message=None, event=_event("c", EventKind.RETRIEVED_CONTEXT, 1))
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["c", "o"]
    # an idle topic, looked at after the arrival, releases at once
    ends["ctx"] = (1, 10.5)
    seq.push("out", 1, produced=10.4, message=None, event=_event("o2", EventKind.MODEL_OUTPUT, 3))
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["o2"]


def test_the_grace_period_bounds_the_wait() -> None:
    clock = Clock()
    seq = PartitionSequencer(
        TOPICS, grace_s=1.0, end_offset={"ctx": (5, READ_LATE), "out": (1, READ_LATE)}.get, clock=clock
    )
    seq.push("out", 0, produced=10.0, message=None, event=_event("o", EventKind.MODEL_OUTPUT, 2))
    # under a backlog the output waits its turn long after arriving: the grace period counts
    # from when it is first found at the head, not from its arrival
    clock.now = 30.0
    assert seq.pop_ready(10) == []
    clock.now = 30.9
    assert seq.pop_ready(10) == [] and seq.grace_expired == 0
    clock.now = 31.0
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["o"]
    assert seq.grace_expired == 1


def test_events_come_out_in_event_time_order_with_evidence_first_on_ties() -> None:
    clock = Clock()
    seq = PartitionSequencer(TOPICS, grace_s=0.0, end_offset=lambda t: None, clock=clock)
    seq.push("out", 0, 1.0, None, _event("o1", EventKind.MODEL_OUTPUT, 5))
    seq.push("out", 1, 1.0, None, _event("o0", EventKind.MODEL_OUTPUT, 3))
    seq.push("ctx", 0, 1.0, None, _event("c", EventKind.RETRIEVED_CONTEXT, 3))
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["c", "o0", "o1"]


def test_progress_marks_never_claim_events_handed_out_and_put_back() -> None:
    """The low watermark is the event time below which every event was handed out; events a
    dead task never applied go back, and the watermark with them."""
    clock = Clock()
    seq = PartitionSequencer(
        TOPICS, grace_s=0.0, end_offset={"ctx": (1, READ_LATE), "out": (1, READ_LATE)}.get, clock=clock
    )
    seq.push("ctx", 0, 1.0, None, _event("c", EventKind.RETRIEVED_CONTEXT, 3))
    seq.push("out", 0, 1.0, None, _event("o", EventKind.MODEL_OUTPUT, 5))
    start = _event("c", EventKind.RETRIEVED_CONTEXT, 3).timestamp.timestamp()
    assert seq.low_watermark() == start  # the head is releasable: everything below it is out
    handed = seq.pop_ready(10)
    assert seq.low_watermark() == start + 2 and seq.caught_up_as_of() == READ_LATE
    seq.requeue(handed)
    assert seq.low_watermark() == start and seq.caught_up_as_of() is None
