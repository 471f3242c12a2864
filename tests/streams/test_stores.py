"""The stream's table adapters, over a plain dict standing in for a Faust table's mapping."""

from __future__ import annotations

from bleedwatch.detectors import DetectorConfig, SessionState
from bleedwatch.streams.faust_store import TableSessionStore
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
