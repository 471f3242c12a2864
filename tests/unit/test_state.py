from __future__ import annotations

import numpy as np

from bleedwatch.detectors import DetectorConfig, SessionState
from bleedwatch.detectors.attribution import (
    SESSION_CAP,
    TENANT_CAP,
    InMemoryAttributionIndex,
    Origin,
    merge_sighting,
    merge_sightings,
)
from bleedwatch.detectors.bloom import BloomFilter
from bleedwatch.detectors.ledger import _V2_HEADER, _V3_HEADER
from bleedwatch.detectors.stores import InMemorySessionStore
from bleedwatch.models import EventKind
from bleedwatch.streams.index_codec import sighting_from_dict, sighting_to_dict


def test_bloom_filter_has_no_false_negatives_and_few_false_positives() -> None:
    bloom = BloomFilter(bits=65536, hashes=5)
    members = [i * 0x9E3779B97F4A7C15 % 2**64 for i in range(1, 3001)]
    for key in members:
        bloom.add(key)
    assert all(k in bloom for k in members)
    outsiders = [(i * 0xD1B54A32D192ED03 + 17) % 2**64 for i in range(1, 20001)]
    false_positives = sum(k in bloom for k in outsiders)
    assert false_positives / len(outsiders) < 0.02


def test_session_state_round_trips_and_has_a_fixed_size() -> None:
    config = DetectorConfig().ledger
    state = SessionState.empty(config)
    size_empty = len(state.to_bytes())
    state.learn(range(10_000, 15_000))
    state.drift.add(0.3)
    state.drift.add(0.5)
    state.last_seen = 1234.5
    data = state.to_bytes()
    assert len(data) == size_empty <= 16 * 1024
    back = SessionState.from_bytes(data)
    assert all(back.knows(k) for k in range(10_000, 15_000))
    assert back.drift.count == 2 and abs(back.drift.mean - 0.4) < 1e-9
    assert back.last_seen == 1234.5


def test_store_expires_idle_sessions() -> None:
    store = InMemorySessionStore()
    for name, seen in (("old", 100.0), ("new", 900.0)):
        state = SessionState.empty(DetectorConfig().ledger)
        state.last_seen = seen
        store.put(name, state)
    assert store.expire(before=500.0) == 1
    assert store.get("old") is None and store.get("new") is not None


def _origin(tenant: str, session: str, event: str = "e") -> Origin:
    return Origin(tenant, session, event, EventKind.RETRIEVED_CONTEXT)


def test_first_sighting_never_changes_and_counts_are_capped() -> None:
    sighting = merge_sighting(None, _origin("a", "s0", "first"))
    for i in range(1, 10):
        sighting = merge_sighting(sighting, _origin("a", f"s{i}"))
    for t in range(10):
        sighting = merge_sighting(sighting, _origin(f"t{t}", "x"))
    assert sighting.first.event_id == "first"
    assert sighting.sessions_in("a") == SESSION_CAP
    assert sighting.seen_by("a", "s0") and not sighting.seen_by("a", "s9")
    assert sighting.tenant_count == TENANT_CAP
    assert sighting_from_dict(sighting_to_dict(sighting)) == sighting


def test_folding_a_sighting_in_equals_merging_its_origins_and_is_idempotent() -> None:
    stored = merge_sighting(None, Origin("a", "s1", "e1", EventKind.TOOL_TRACE, 5.0))
    pending = [
        Origin("a", "s2", "e2", EventKind.TOOL_TRACE, 7.0),
        Origin("b", "s9", "e9", EventKind.RETRIEVED_CONTEXT, 3.0),  # earlier: becomes first
        Origin("a", "s3", "e3", EventKind.TOOL_TRACE, 9.0),
    ]
    one_by_one = stored
    folded_overlay = None
    for origin in pending:
        one_by_one = merge_sighting(one_by_one, origin)
        folded_overlay = merge_sighting(folded_overlay, origin)
    assert folded_overlay is not None
    folded = merge_sightings(stored, folded_overlay)
    assert folded == one_by_one and folded.first.event_id == "e9" and folded.last == 9.0
    # the table caught up with part of the overlay: folding the whole of it again is harmless
    assert merge_sightings(merge_sighting(stored, pending[0]), folded_overlay) == one_by_one
    assert merge_sightings(folded, folded_overlay) == folded


def test_in_memory_index_is_bounded_when_asked() -> None:
    index = InMemoryAttributionIndex(max_keys=100)
    index.record(range(1000), _origin("a", "s"))
    assert len(index) == 100
    assert set(index.lookup([0, 999])) == {999}


def test_session_topic_vector_round_trips_and_older_states_still_load() -> None:
    state = SessionState.empty(DetectorConfig().ledger)
    old_format = state.to_bytes()  # no topic yet: the same layout as before topic vectors
    vector = np.linspace(-1.0, 1.0, 128, dtype=np.float32)
    state.add_topic(vector)
    state.add_topic(vector)
    data = state.to_bytes()
    assert len(data) == len(old_format) + 128 * 4 <= 16 * 1024
    back = SessionState.from_bytes(data)
    assert back.topic is not None and np.allclose(back.topic, 2 * vector)
    # versions 2 and 3: the same header without the fields added since (topic dims: 2 bytes;
    # encoder profile rows, dims and next row: 6 bytes)
    v3 = bytes([3]) + old_format[1 : _V3_HEADER.size] + old_format[_V3_HEADER.size + 6 :]
    v2 = bytes([2]) + old_format[1 : _V2_HEADER.size] + old_format[_V2_HEADER.size + 8 :]
    for older in (v2, v3):
        back = SessionState.from_bytes(older)
        assert back.topic is None and len(back.profile) == 0
        assert back.ledger.to_bytes() == state.ledger.to_bytes()


def test_a_sighting_remembers_when_a_session_last_newly_saw_it_and_the_index_expires_by_it() -> None:
    index = InMemoryAttributionIndex()
    index.record([1, 2], Origin("t", "s1", "e1", EventKind.TOOL_TRACE, 10.0))
    index.record([2], Origin("t", "s2", "e2", EventKind.TOOL_TRACE, 90.0))
    sighting = index.lookup([2])[2]
    assert sighting.first.session_id == "s1" and sighting.last == 90.0
    assert sighting_from_dict(sighting_to_dict(sighting)) == sighting
    legacy = {k: v for k, v in sighting_to_dict(sighting).items() if k != "last"}
    assert sighting_from_dict(legacy).last == 10.0  # rows written before "last": first time
    assert index.expire(before=50.0) == 1
    assert index.lookup([1, 2]).keys() == {2}
