"""The stream's table adapters, over a plain dict standing in for a Faust table's mapping."""

from __future__ import annotations

import orjson

from bleedwatch.detectors import DetectorConfig, Origin, SessionState, Sighting
from bleedwatch.models import EventKind
from bleedwatch.streams.faust_store import TableSessionStore
from bleedwatch.streams.remote_index import (
    IndexTableHandler,
    LocalIndexReads,
    PendingLookup,
    PrefetchedIndex,
    expire_request,
    lookup_request,
    record_request,
)
from bleedwatch.streams.topology import partition_for


def _state(last_seen: float) -> SessionState:
    state = SessionState.empty(DetectorConfig().ledger)
    state.last_seen = last_seen
    return state


def test_session_writes_reach_the_table_only_on_commit() -> None:
    table: dict[bytes, bytes] = {}
    store = TableSessionStore(table)
    store.put("t\x1fs", _state(5.0))
    assert store.get("t\x1fs") is not None and table == {}
    store.rollback()
    assert store.get("t\x1fs") is None
    store.put("t\x1fs", _state(5.0))
    store.commit()
    assert SessionState.from_bytes(table[b"t\x1fs"]).last_seen == 5.0


def test_a_row_read_twice_in_a_batch_is_decoded_once_and_never_outlives_the_batch() -> None:
    table: dict[bytes, bytes] = {b"t\x1fs": _state(5.0).to_bytes()}
    store = TableSessionStore(table)
    first = store.get("t\x1fs")
    assert first is not None and store.get("t\x1fs") is first  # same object, no second decode
    first.last_seen = 99.0  # changed by a batch that then fails
    store.rollback()
    reread = store.get("t\x1fs")
    assert reread is not first and reread is not None and reread.last_seen == 5.0
    assert store.expire_partition(before=50.0, partition=partition_for(b"t\x1fs", 4), partitions=4) == 1
    assert store.get("t\x1fs") is None  # swept: not served from the batch's cache either


def test_ttl_sweep_drops_idle_sessions_of_one_partition_only() -> None:
    table: dict[bytes, bytes] = {}
    keys = [f"t\x1fs{i}".encode() for i in range(40)]
    for key in keys:
        table[key] = _state(100.0).to_bytes()
    store = TableSessionStore(table)
    dropped = store.expire_partition(before=200.0, partition=1, partitions=4)
    on_one = [k for k in keys if partition_for(k, 4) == 1]
    assert dropped == len(on_one) > 0
    assert set(table) == set(keys) - set(on_one)
    assert store.expire_partition(before=50.0, partition=2, partitions=4) == 0


def test_index_handler_records_and_answers_lookups_as_the_table_partition() -> None:
    table: dict[bytes, bytes] = {}
    handler = IndexTableHandler(table, index_partition=3)
    origin = Origin("bank", "s1", "crm", EventKind.TOOL_TRACE, 10.0)
    later = Origin("bank", "s2", "crm2", EventKind.TOOL_TRACE, 12.0)
    assert handler.handle(record_request([([7, 11], origin), ([7], later)])) is None
    assert Sighting.from_dict(orjson.loads(table[(7).to_bytes(8, "big")])).sessions_in("bank") == 2
    reply = handler.handle(lookup_request([7, 99], "req-1", reply_partition=2))
    assert reply is not None and reply.reply_partition == 2 and reply.request_id == "req-1"
    body = orjson.loads(reply.payload)
    assert body["part"] == 3 and set(body["found"]) == {"7"}

    pending = PendingLookup({3, 0})
    pending.deliver(3, body["found"])
    assert not pending.done.is_set()
    pending.deliver(0, {})
    assert pending.done.is_set() and pending.found[7].first.event_id == "crm"


def test_index_expiry_forgets_only_its_own_partitions_stale_fingerprints() -> None:
    table: dict[bytes, bytes] = {}
    handler = IndexTableHandler(table, index_partition=1)
    old = Origin("bank", "s1", "e1", EventKind.TOOL_TRACE, 10.0)
    new = Origin("bank", "s2", "e2", EventKind.TOOL_TRACE, 500.0)
    handler.handle(record_request([([1, 5, 9], old), ([5], new)]))  # key % 4 == 1: partition 1
    table[(2).to_bytes(8, "big")] = table[(1).to_bytes(8, "big")]  # another partition's row
    assert handler.handle(expire_request(before=100.0, partitions=4)) is None
    # 1 and 9 were last newly seen at 10; 5 again at 500; key 2 is not this partition's
    assert sorted(int.from_bytes(k, "big") for k in table) == [2, 5]
    assert handler.expired == 2


def test_prefetched_index_overlays_the_batch_and_queues_its_records() -> None:
    index = PrefetchedIndex()
    origin = Origin("bank", "s1", "e1", EventKind.RETRIEVED_CONTEXT, 10.0)
    index.record([1, 2, 5], origin)
    assert set(index.lookup([1, 2, 3], as_of=10.0)) == {1, 2}
    assert index.lookup([1], as_of=9.0) == {}  # not seen yet at that event time
    requests = [(p, record_request(groups)) for p, groups in index.record_groups(partitions=4)]
    assert sorted(p for p, _ in requests) == [1, 2]  # one message per index partition
    keys = {k for _, payload in requests for g in orjson.loads(payload)["groups"] for k in g["keys"]}
    assert keys == {1, 2, 5}


def test_local_reads_overlay_this_workers_unapplied_records_until_the_agent_applies_them() -> None:
    table: dict[bytes, bytes] = {}
    handler = IndexTableHandler(table, index_partition=2)
    local = LocalIndexReads("me")
    first = Origin("bank", "s1", "e1", EventKind.TOOL_TRACE, 1.0)
    second = Origin("bank", "s2", "e2", EventKind.TOOL_TRACE, 2.0)

    def stored(key: int) -> bytes | None:
        return table.get(key.to_bytes(8, "big"))

    assert 2 not in local.ready  # never served here yet: lookups go over Kafka
    handler.handle(record_request([([6], first)], "other", 1))
    local.applied(2, handler)  # the agent has processed a message: the table is live
    assert local.ready == {2}

    seq = local.sent(2, [([6, 10], second)])  # sent, not yet applied by the agent
    found = local.read(2, [6, 10, 14], stored)
    assert found[6].sessions_in("bank") == 2 and found[10].first.session_id == "s2"
    assert 14 not in found

    handler.handle(record_request([([6, 10], second)], "me", seq))
    local.applied(2, handler)  # applied: the overlay is dropped, the table answers alone
    assert local.read(2, [6, 10], stored) == found

    local.revoked(2)
    assert 2 not in local.ready


def test_a_new_session_seeing_a_known_fingerprint_within_the_last_step_writes_nothing() -> None:
    writes: list[bytes] = []

    class Table(dict[bytes, bytes]):
        def __setitem__(self, key: bytes, value: bytes) -> None:
            writes.append(key)  # each one a changelog message in Faust
            super().__setitem__(key, value)

    table = Table()
    handler = IndexTableHandler(table, index_partition=3, last_step=100.0)
    sessions = [Origin("bank", f"s{i}", f"e{i}", EventKind.TOOL_TRACE, 10.0 + i) for i in range(8)]
    for origin in sessions:
        handler.handle(record_request([([7], origin)]))
    # the first four sessions change the sighting (capped at four per tenant); the rest only
    # moved "last", within the step
    assert len(writes) == 4
    handler.handle(record_request([([7], Origin("bank", "s9", "e9", EventKind.TOOL_TRACE, 200.0))]))
    assert len(writes) == 5
    assert Sighting.from_dict(orjson.loads(table[(7).to_bytes(8, "big")])).last == 200.0
    # expiry allows for the step: "last" may be up to one step behind the truth
    assert handler.handle(expire_request(before=250.0, partitions=4)) is None and handler.expired == 0
    handler.handle(expire_request(before=301.0, partitions=4))
    assert handler.expired == 1 and not table


def test_the_index_agent_the_batch_overlay_and_local_reads_expire_as_the_detector_does() -> None:
    step, ttl = 10.0, 100.0
    old = Origin("bank", "s1", "e1", EventKind.TOOL_TRACE, 0.0)
    again = Origin("bank", "s2", "e2", EventKind.TOOL_TRACE, 200.0)  # after the sighting expired
    table: dict[bytes, bytes] = {}
    handler = IndexTableHandler(table, index_partition=3, last_step=step, ttl=ttl)
    handler.handle(record_request([([7], old)]))

    def stored(key: int) -> bytes | None:
        return table.get(key.to_bytes(8, "big"))

    fetched = {7: Sighting.from_dict(orjson.loads(stored(7) or b""))}
    batch = PrefetchedIndex(fetched, last_step=step, ttl=ttl)
    assert set(batch.lookup([7], as_of=109.0)) == {7} and batch.lookup([7], as_of=111.0) == {}
    batch.record([7], again)  # a new sighting, not the old one with a new "last"
    assert batch.lookup([7], as_of=250.0)[7].first.session_id == "s2"

    local = LocalIndexReads("me", last_step=step, ttl=ttl)
    local.applied(3, handler)
    seq = local.sent(3, [([7], again)])
    assert local.read(3, [7], stored)[7].first.session_id == "s2"  # the overlay folds in the same way
    handler.handle(record_request([([7], again)], "me", seq))
    local.applied(3, handler)
    assert Sighting.from_dict(orjson.loads(stored(7) or b"")).first.session_id == "s2"
    assert local.read(3, [7], stored)[7].first.session_id == "s2"
