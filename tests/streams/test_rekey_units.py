"""Re-keying without Kafka: the forwarder decision, the mark codec, progress, the tracker."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bleedwatch.models import Event, EventKind
from bleedwatch.streams.repartition import (
    FETCHED_HEADER,
    MARK_HEADER,
    Coverage,
    MarkError,
    MarkSender,
    MarkTracker,
    RekeyState,
    Repartitioner,
    decode_mark,
    encode_mark,
    forwarded_fetch_time,
    is_mark,
    rekey_target,
    sources_for,
)
from bleedwatch.streams.sequencer import PartitionSequencer
from bleedwatch.streams.topology import partition_for, session_partition_key

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
INPUTS = ["in", "ctx", "out"]
READ_LATE = 1e12


def _event(eid: str, kind: EventKind, seconds: float, session: str = "s") -> Event:
    return Event(
        event_id=eid,
        tenant_id="t",
        session_id=session,
        kind=kind,
        timestamp=T0 + timedelta(seconds=seconds),
        content="x",
    )


def test_only_an_event_off_its_session_partition_is_forwarded_there() -> None:
    event = _event("e", EventKind.USER_INPUT, 0, session="s-42")
    home = partition_for(session_partition_key("t", "s-42"), 4)
    assert rekey_target(home, event, 4) is None
    for other in set(range(4)) - {home}:
        assert rekey_target(other, event, 4) == home


def test_a_partition_hears_marks_from_every_input_partition_but_its_own() -> None:
    sources = sources_for(INPUTS, 1, 3)
    assert sources == {(t, p) for t in INPUTS for p in (0, 2)}


def test_marks_round_trip_and_carry_a_version() -> None:
    entries = {("in", 0): Coverage(17, 1700000000.123, 1700000001.5), ("out", 3): Coverage()}
    payload = encode_mark(entries)
    assert decode_mark(payload) == entries
    assert b'"v":1' in payload
    with pytest.raises(MarkError):
        decode_mark(payload.replace(b'"v":1', b'"v":2'))
    for garbage in (b"{not json", b"[]", b'{"v":1}', b'{"v":1,"sources":[["in"]]}'):
        with pytest.raises(MarkError):
            decode_mark(garbage)


def test_marks_and_forwarded_events_are_told_apart_by_headers() -> None:
    assert is_mark([(MARK_HEADER, b"1")])
    assert is_mark({MARK_HEADER: b"1"})
    assert not is_mark(None)
    assert not is_mark([(FETCHED_HEADER, b"12.5")])
    assert forwarded_fetch_time([(FETCHED_HEADER, b"12.5")]) == 12.5
    assert forwarded_fetch_time([(FETCHED_HEADER, b"twelve")]) is None
    assert forwarded_fetch_time([]) is None


def test_a_source_covers_up_to_what_it_handled_and_the_fetch_it_caught_up_with() -> None:
    sender = MarkSender(partitions=2)
    sender.handled("in", 0, offset=4, produced=100.0)
    assert sender.coverage(("in", 0)) == Coverage(4, 100.0, 0.0)
    sender.caught_up("in", 0, (7, 50.0))  # offsets 5 and 6 fetched, not handled yet
    assert sender.coverage(("in", 0)).fetched == 0.0
    sender.handled("in", 0, offset=6, produced=101.0)
    sender.caught_up("in", 0, (7, 50.0))
    assert sender.coverage(("in", 0)) == Coverage(6, 101.0, 50.0)
    sender.caught_up("in", 0, (7, 40.0))  # an older look changes nothing
    assert sender.coverage(("in", 0)) == Coverage(6, 101.0, 50.0)
    sender.caught_up("in", 1, (0, 60.0))  # an empty partition is caught up from its first fetch
    assert sender.coverage(("in", 1)) == Coverage(-1, 0.0, 60.0)
    sender.caught_up("in", 1, None)
    assert sender.coverage(("in", 1)) == Coverage(-1, 0.0, 60.0)


def test_a_round_sends_news_at_once_and_a_later_fetch_only_with_the_heartbeat() -> None:
    sender = MarkSender(partitions=3, heartbeat_s=1.0)
    owned = [("in", 0), ("out", 0)]
    sender.handled("in", 0, 0, 10.0)
    first = dict(sender.round(owned, now=0.0))
    assert set(first) == {1, 2}  # partition 0 cannot receive forwards from itself
    assert decode_mark(first[1]) == {("in", 0): Coverage(0, 10.0, 0.0), ("out", 0): Coverage()}
    assert sender.round(owned, now=0.5) == []  # nothing new
    sender.caught_up("out", 0, (0, 5.0))
    assert sender.round(owned, now=0.6) == []  # marks make fetches: answering each never stops
    sender.handled("out", 0, 0, 11.0)
    assert {p for p, _ in sender.round(owned, now=0.7)} == {1, 2}
    assert sender.round(owned, now=1.5) == []
    again = dict(sender.round(owned, now=1.7))  # heartbeat, for partitions that changed owner
    assert decode_mark(again[2])[("out", 0)] == Coverage(0, 11.0, 5.0)
    assert MarkSender(partitions=1).round([("in", 0)], now=0.0) == []


def test_the_tracker_counts_only_once_rekeying_is_seen_then_needs_every_source() -> None:
    state = RekeyState()
    tracker = MarkTracker(sources_for(INPUTS, 0, 2), state)
    assert tracker.covers(produced=10.0, fetched_by=20.0)  # no re-keying seen: nothing to wait for
    assert state.activate() and not state.activate()
    assert not tracker.covers(10.0, 20.0)
    assert tracker.waiting_on(10.0, 20.0) == [("ctx", 1), ("in", 1), ("out", 1)]
    tracker.apply({("in", 1): Coverage(3, 10.0, 0.0), ("ctx", 1): Coverage(0, 0.0, 20.0)})
    tracker.apply({("in", 0): Coverage(9, 99.0, 99.0)})  # not a source of partition 0: ignored
    assert tracker.waiting_on(10.0, 20.0) == [("out", 1)]
    tracker.apply({("out", 1): Coverage(5, 9.0, 21.0)})
    assert tracker.covers(10.0, 20.0)
    tracker.apply({("out", 1): Coverage()})  # marks from an older owner never move it back
    assert tracker.covers(10.0, 20.0)
    assert not tracker.covers(10.5, 21.5)


def test_an_idle_source_is_covered_by_its_last_mark_and_an_end_offset_read_after_the_head() -> None:
    ends: dict[tuple[str, int], tuple[int, float]] = {}
    tracker = MarkTracker({("in", 1), ("out", 1)}, RekeyState(active=True), lambda t, p: ends.get((t, p)))
    tracker.apply({("in", 1): Coverage(4, 5.0, 6.0), ("out", 1): Coverage(2, 11.0, 0.0)})  # long ago
    assert not tracker.covers(produced=10.0, fetched_by=20.0)
    assert tracker.stale_sources(10.0, 20.0) == [("in", 1)]  # the worker reads its end offset
    ends[("in", 1)] = (6, 20.5)  # offset 5 is there and was not handled: it may be forwarded yet
    assert not tracker.covers(10.0, 20.0) and tracker.stale_sources(10.0, 20.0) == []
    ends[("in", 1)] = (5, 20.5)
    assert tracker.covers(10.0, 20.0)
    ends[("in", 1)] = (5, 19.0)  # a read from before the head was fetched proves nothing
    assert not tracker.covers(10.0, 20.0) and tracker.stale_sources(10.0, 20.0) == [("in", 1)]


def test_the_sequencer_says_which_head_has_waited() -> None:
    clock = [0.0]
    seq = PartitionSequencer(["out"], 1.0, lambda t: None, clock=lambda: clock[0])
    assert seq.waiting(0.01) is None
    seq.push("out", 0, produced=10.0, message=None, event=_event("o", EventKind.MODEL_OUTPUT, 2))
    assert seq.waiting(0.01) is None
    clock[0] = 0.02
    head = seq.waiting(0.01)
    assert head is not None and head.event.event_id == "o"


def test_an_output_waits_for_evidence_still_being_forwarded() -> None:
    clock = [0.0]
    state = RekeyState(active=True)
    tracker = MarkTracker(sources_for(["in", "out"], 0, 2), state)
    seq = PartitionSequencer(
        ["in", "out"],
        grace_s=1.0,
        end_offset=lambda topic: (1 if topic == "out" else 0, READ_LATE),
        clock=lambda: clock[0],
        wall_clock=lambda: 50.0,
        upstream=tracker.covers,
    )
    seq.push("out", 0, produced=10.0, message=None, event=_event("o", EventKind.MODEL_OUTPUT, 2))
    assert seq.pop_ready(10) == []  # its own topics are caught up; the input on partition 1 is not
    tracker.apply({("out", 1): Coverage(0, 10.0, 0.0)})
    assert seq.pop_ready(10) == []
    # the user input produced before it arrives through the repartition topic, then its mark
    seq.push(
        "rep", 0, produced=9.0, message=None, event=_event("i", EventKind.USER_INPUT, 1), fetched_by=49.0
    )
    tracker.apply({("in", 1): Coverage(0, 9.5, 50.0)})
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["i", "o"]


def test_marks_missing_hold_an_output_no_longer_than_the_grace_period() -> None:
    clock = [0.0]
    tracker = MarkTracker(sources_for(["out"], 0, 2), RekeyState(active=True))
    seq = PartitionSequencer(
        ["out"], 1.0, lambda t: (1, READ_LATE), clock=lambda: clock[0], upstream=tracker.covers
    )
    seq.push("out", 0, produced=10.0, message=None, event=_event("o", EventKind.MODEL_OUTPUT, 2))
    assert seq.pop_ready(10) == []
    clock[0] = 1.0
    assert [p.event.event_id for p in seq.pop_ready(10)] == ["o"]
    assert seq.grace_expired == 1


# -- the worker's side, with a fake topic ---------------------------------------------------------
@dataclass
class Msg:
    topic: str
    partition: int
    offset: int
    timestamp: float
    headers: Any = None


@dataclass
class Delivered:
    value: bytes
    message: Msg
    acked: bool = False

    def ack(self) -> bool:
        self.acked = True
        return True


@dataclass
class FakeTopic:
    fail: int = 0  # sends that fail before any succeeds
    sent: list[dict[str, Any]] = field(default_factory=list)
    confirmations: list[asyncio.Future[None]] = field(default_factory=list)

    async def send(self, **kwargs: Any) -> asyncio.Future[None]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.fail:
            self.fail -= 1
            future.set_exception(RuntimeError("broker unavailable"))
        else:
            self.sent.append(kwargs)
            self.confirmations.append(future)
        return future


def _repartitioner(topic: FakeTopic, logs: list[str], ends: Any = lambda t, p: None) -> Repartitioner:
    return Repartitioner(
        INPUTS, 2, topic.send, lambda message, **fields: logs.append(message), ends, interval_s=0.001
    )


def test_a_forward_keeps_bytes_and_timestamp_and_is_acked_only_once_confirmed() -> None:
    async def scenario() -> None:
        topic, logs = FakeTopic(fail=1), []
        rekey = _repartitioner(topic, logs)
        event = _event("i", EventKind.USER_INPUT, 1, session="s-7")
        home = partition_for(session_partition_key("t", "s-7"), 2)
        fe = Delivered(b'{"raw": "bytes"}', Msg("in", 1 - home, 5, 123.456))
        assert rekey.target(1 - home, event) == home
        sending = asyncio.ensure_future(rekey.send_forwards([rekey.forward(fe, event, home, 99.5)]))
        while not topic.sent:
            await asyncio.sleep(0.01)  # the first send failed, the second is queued
        assert logs == ["re-keyed forward failed; resending"]
        assert not fe.acked and rekey.state.active
        sent = topic.sent[0]
        assert sent["value"] == b'{"raw": "bytes"}' and sent["key"] == session_partition_key("t", "s-7")
        assert sent["partition"] == home and sent["timestamp"] == 123.456
        assert forwarded_fetch_time(sent["headers"]) == 99.5
        topic.confirmations[0].set_result(None)
        await sending
        assert fe.acked

    asyncio.run(scenario())


def test_marks_flow_once_rekeying_is_seen_and_are_applied_never_parsed() -> None:
    async def scenario() -> None:
        topic, logs = FakeTopic(), []
        owned = [("in", 0), ("ctx", 0), ("out", 0)]
        ends = {s: (0, 7.0) for s in owned}
        rekey = _repartitioner(topic, logs, lambda t, p: ends.get((t, p)))
        runner = asyncio.ensure_future(rekey.run_marks(lambda: owned))
        await asyncio.sleep(0.02)
        assert topic.sent == []  # not active: nothing flows
        mark = Delivered(
            encode_mark({("in", 1): Coverage(0, 5.0, 6.0)}), Msg("rep", 0, 0, 0.0, [(MARK_HEADER, b"1")])
        )
        bad = Delivered(b'{"v": 99}', Msg("rep", 0, 1, 0.0, [(MARK_HEADER, b"99")]))
        forwarded = Delivered(b"{}", Msg("rep", 0, 2, 0.0, [(FETCHED_HEADER, b"3.0")]))
        events, marks = rekey.split([mark, bad, forwarded])
        assert events == [forwarded] and marks == [mark, bad]
        assert rekey.state.active
        assert rekey.apply_marks(marks) == {0}
        assert mark.acked and bad.acked and not forwarded.acked
        assert logs == ["unreadable forward mark skipped"]
        assert rekey.tracker(0).waiting_on(5.0, 6.0) == [("ctx", 1), ("out", 1)]
        await asyncio.sleep(0.02)
        runner.cancel()
        sent = {s["partition"] for s in topic.sent}
        assert sent == {1}  # partition 1 hears of this worker's partition 0, once: nothing changed
        assert all(is_mark(s["headers"]) for s in topic.sent)
        assert decode_mark(topic.sent[0]["value"])[("in", 0)] == Coverage(-1, 0.0, 7.0)

    asyncio.run(scenario())
