"""The index protocol without Kafka: codec, serving handler, watermarks, local reads."""

from __future__ import annotations

import asyncio

import orjson
import pytest

from bleedwatch.detectors import Origin
from bleedwatch.detectors.batch import BatchIndex, records_by_partition
from bleedwatch.models import EventKind
from bleedwatch.streams.index_client import LocalIndexReads, PendingLookup
from bleedwatch.streams.index_codec import (
    VERSION,
    CodecError,
    Lookup,
    Mark,
    Record,
    decode_reply,
    decode_request,
    decode_sighting,
    encode_expire,
    encode_lookup,
    encode_mark,
    encode_record,
    table_key,
)
from bleedwatch.streams.index_server import IndexPartition
from bleedwatch.streams.watermarks import Watermarks, wait_complete


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _handler(table: dict[bytes, bytes], partition: int, **kwargs: object) -> IndexPartition:
    return IndexPartition(table, partition, partitions=4, **kwargs)  # type: ignore[arg-type]


def test_every_message_carries_the_codec_version_and_unknown_versions_are_refused() -> None:
    origin = Origin("bank", "s1", "crm", EventKind.TOOL_TRACE, 10.0)
    record = encode_record([([7], origin)], "w", 3, Mark(1, 9.0, 100.0))
    assert orjson.loads(record)["v"] == VERSION
    decoded = decode_request(record)
    assert isinstance(decoded, Record) and decoded.mark == Mark(1, 9.0, 100.0)
    assert decoded.groups == [([7], origin)] and (decoded.sender, decoded.seq) == ("w", 3)
    assert decode_request(encode_mark(Mark(2, 1.0, 2.0))) == Mark(2, 1.0, 2.0)
    nothing_yet = Mark(0, float("-inf"), float("-inf"))  # a partition that applied nothing yet
    assert decode_request(encode_mark(nothing_yet)) == nothing_yet
    lookup = decode_request(encode_lookup("r", [5], asker=1, reply_partition=1, outputs=[(3.0, 4.0)]))
    assert isinstance(lookup, Lookup) and lookup.outputs == [(3.0, 4.0)]
    future = orjson.loads(record) | {"v": VERSION + 1}
    with pytest.raises(CodecError, match="version"):
        decode_request(orjson.dumps(future))
    with pytest.raises(CodecError):
        decode_request(b'{"v": 1, "op": "record"}')
    # errors are logged: they never echo a payload's text
    hostile = b'{"v": "jane.doe@example.com", "op": "lookup"}'
    with pytest.raises(CodecError) as caught:
        decode_request(hostile)
    assert "jane" not in str(caught.value)
    with pytest.raises(CodecError) as caught:
        decode_request(b'{"v": 1, "op": "jane.doe@example.com"}')
    assert "jane" not in str(caught.value)


def test_the_handler_records_and_answers_lookups_once_every_other_partition_is_covered() -> None:
    table: dict[bytes, bytes] = {}
    clock = Clock()
    handler = _handler(table, 3, clock=clock, max_wait_s=5.0)
    origin = Origin("bank", "s1", "crm", EventKind.TOOL_TRACE, 10.0)
    later = Origin("bank", "s2", "crm2", EventKind.TOOL_TRACE, 12.0)
    assert handler.handle(decode_request(encode_record([([7, 11], origin), ([7], later)]))) == []
    assert decode_sighting(table[table_key(7)]).sessions_in("bank") == 2

    ask = encode_lookup("req-1", [7, 99], asker=2, reply_partition=2, outputs=[(20.0, 50.0), (30.0, 60.0)])
    assert handler.handle(decode_request(ask)) == []  # partitions 0, 1, 3 said nothing yet: parked
    for p in (0, 1):
        assert handler.handle(Mark(p, 25.0, 0.0)) == []
    clock.now = 0.5
    (answer,) = handler.handle(Mark(3, 0.0, 55.0))  # idle partition 3: caught up after the fetch
    reply = decode_reply(answer.payload)
    assert answer.reply_partition == 2 and reply.request_id == "req-1" and reply.index_partition == 3
    assert set(reply.found) == {7} and reply.found[7].first.event_id == "crm"
    # the first output (20.0, fetched by 50.0) is covered by all three; the second is not:
    # partitions 0 and 1 recorded only below 25.0, and were not caught up as of 60.0
    assert reply.complete == 1 and not reply.timed_out and answer.waited_s == 0.5


def test_a_lookup_nobody_covers_is_answered_at_the_maximum_wait_and_says_so() -> None:
    clock = Clock()
    handler = _handler({}, 0, clock=clock, max_wait_s=2.0)
    handler.handle(decode_request(encode_lookup("r", [4], 1, 1, [(5.0, 5.0)])))
    clock.now = 1.9
    assert handler.due() == []
    clock.now = 2.0
    (answer,) = handler.due()
    reply = decode_reply(answer.payload)
    assert reply.timed_out and reply.complete == 1 and handler.parked == []


def test_watermarks_never_move_back_and_wait_complete_wakes_on_a_mark() -> None:
    marks = Watermarks(3)
    assert marks.update(Mark(0, 10.0, 1.0))
    assert not marks.update(Mark(0, 5.0, 0.5))  # older: ignored
    assert marks.lagging(asker=1, event_time=8.0, fetched_by=2.0) == [2]

    async def scenario() -> tuple[int, bool]:
        waiter = asyncio.ensure_future(wait_complete(marks, 1, [(8.0, 2.0)], 5.0, lambda: 0.0))
        await asyncio.sleep(0.01)
        assert not waiter.done()
        marks.update(Mark(2, 9.0, 0.0))
        return await asyncio.wait_for(waiter, 1.0)

    assert asyncio.run(scenario()) == (1, False)


def test_own_marks_count_for_local_reads_only_until_their_records_are_applied() -> None:
    handler = _handler({}, 1)
    handler.own_mark(Mark(0, 50.0, 0.0))
    assert handler.local_marks.covers(2, 40.0, 0.0) is False  # partitions 1, 3 still unknown
    for p in (1, 3):
        handler.handle(Mark(p, 50.0, 0.0))
    assert handler.local_marks.covers(2, 40.0, 0.0)
    assert not handler.marks.covers(2, 40.0, 0.0)  # remote answers wait for partition 0's records


def test_expiry_forgets_only_its_own_partitions_stale_fingerprints() -> None:
    table: dict[bytes, bytes] = {}
    handler = _handler(table, 1)
    old = Origin("bank", "s1", "e1", EventKind.TOOL_TRACE, 10.0)
    new = Origin("bank", "s2", "e2", EventKind.TOOL_TRACE, 500.0)
    handler.handle(decode_request(encode_record([([1, 5, 9], old), ([5], new)])))
    table[table_key(2)] = table[table_key(1)]  # another partition's row
    assert handler.handle(decode_request(encode_expire(before=100.0, partitions=4))) == []
    assert sorted(int.from_bytes(k, "big") for k in table) == [2, 5]
    assert handler.expired == 2


def test_a_new_session_seeing_a_known_fingerprint_within_the_last_step_writes_nothing() -> None:
    writes: list[bytes] = []

    class Table(dict[bytes, bytes]):
        def __setitem__(self, key: bytes, value: bytes) -> None:
            writes.append(key)  # each one a changelog message in Faust
            super().__setitem__(key, value)

    table = Table()
    handler = _handler(table, 3, last_step=100.0)
    for i in range(8):
        origin = Origin("bank", f"s{i}", f"e{i}", EventKind.TOOL_TRACE, 10.0 + i)
        handler.handle(decode_request(encode_record([([7], origin)])))
    assert len(writes) == 4  # capped at four sessions per tenant; the rest moved "last" in-step
    handler.handle(
        decode_request(encode_record([([7], Origin("bank", "s9", "e9", EventKind.TOOL_TRACE, 200.0))]))
    )
    assert len(writes) == 5 and decode_sighting(table[table_key(7)]).last == 200.0
    handler.handle(decode_request(encode_expire(before=250.0, partitions=4)))
    assert handler.expired == 0
    handler.handle(decode_request(encode_expire(before=301.0, partitions=4)))
    assert handler.expired == 1 and not table


def test_batch_index_overlays_the_batch_and_groups_its_records_by_partition() -> None:
    index = BatchIndex()
    origin = Origin("bank", "s1", "e1", EventKind.RETRIEVED_CONTEXT, 10.0)
    index.record([1, 2, 5], origin)
    assert set(index.lookup([1, 2, 3], as_of=10.0)) == {1, 2}
    assert index.lookup([1], as_of=9.0) == {}  # not seen yet at that event time
    grouped = records_by_partition(index.take_records(), partitions=4)
    assert [p for p, _ in grouped] == [1, 2]
    assert {k for _, groups in grouped for keys, _ in groups for k in keys} == {1, 2, 5}
    assert index.take_records() == []


def test_pending_lookup_completes_with_the_least_complete_partition() -> None:
    async def scenario() -> None:
        pending = PendingLookup({3, 0}, outputs=4)
        handler = _handler({}, 3)
        for p in (0, 1, 2):
            handler.handle(Mark(p, 100.0, 0.0))
        (answer,) = handler.handle(decode_request(encode_lookup("r", [7], 3, 3, [(1.0, 0.0)] * 4)))
        pending.deliver(decode_reply(answer.payload))
        assert not pending.done.is_set()
        pending.deliver(
            decode_reply(
                answer.payload.replace(b'"part":3', b'"part":0').replace(b'"complete":4', b'"complete":2')
            )
        )
        assert pending.done.is_set() and pending.result.complete == 2

    asyncio.run(scenario())


def test_local_reads_overlay_this_workers_unapplied_records_until_the_agent_applies_them() -> None:
    table: dict[bytes, bytes] = {}
    handler = _handler(table, 2)
    local = LocalIndexReads("me")
    first = Origin("bank", "s1", "e1", EventKind.TOOL_TRACE, 1.0)
    second = Origin("bank", "s2", "e2", EventKind.TOOL_TRACE, 2.0)

    def stored(key: int) -> bytes | None:
        return table.get(table_key(key))

    assert 2 not in local.ready
    handler.handle(decode_request(encode_record([([6], first)], "other", 1)))
    local.applied(2, handler)
    assert local.ready == {2}
    seq = local.sent(2, [([6, 10], second)])
    found = local.read(2, [6, 10, 14], stored)
    assert found[6].sessions_in("bank") == 2 and found[10].first.session_id == "s2" and 14 not in found
    handler.handle(decode_request(encode_record([([6, 10], second)], "me", seq)))
    local.applied(2, handler)
    assert local.read(2, [6, 10], stored) == found
    local.revoked(2)
    assert 2 not in local.ready


def test_the_index_handler_the_batch_overlay_and_local_reads_expire_as_the_detector_does() -> None:
    step, ttl = 10.0, 100.0
    old = Origin("bank", "s1", "e1", EventKind.TOOL_TRACE, 0.0)
    again = Origin("bank", "s2", "e2", EventKind.TOOL_TRACE, 200.0)  # after the sighting expired
    table: dict[bytes, bytes] = {}
    handler = _handler(table, 3, last_step=step, ttl=ttl)
    handler.handle(decode_request(encode_record([([7], old)])))

    def stored(key: int) -> bytes | None:
        return table.get(table_key(key))

    batch = BatchIndex({7: decode_sighting(stored(7) or b"")}, last_step=step, ttl=ttl)
    assert set(batch.lookup([7], as_of=109.0)) == {7} and batch.lookup([7], as_of=111.0) == {}
    batch.record([7], again)  # a new sighting, not the old one with a new "last"
    assert batch.lookup([7], as_of=250.0)[7].first.session_id == "s2"

    local = LocalIndexReads("me", last_step=step, ttl=ttl)
    local.applied(3, handler)
    seq = local.sent(3, [([7], again)])
    assert local.read(3, [7], stored)[7].first.session_id == "s2"  # the overlay folds in the same way
    handler.handle(decode_request(encode_record([([7], again)], "me", seq)))
    local.applied(3, handler)
    assert decode_sighting(stored(7) or b"").first.session_id == "s2"
    assert local.read(3, [7], stored)[7].first.session_id == "s2"
