"""Idle sessions and old fingerprints expire after their TTLs of event time, swept in the stream."""

from __future__ import annotations

import json
import time

import pytest

from bleedwatch.streams.kafka_io import produce_lines
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import read_json
from bleedwatch.streams.topology import Topology

pytestmark = pytest.mark.kafka


def _event(event_id: str, session: str, kind: str, timestamp: str, content: str) -> bytes:
    return json.dumps(
        {
            "event_id": event_id,
            "tenant_id": "bank",
            "session_id": session,
            "kind": kind,
            "timestamp": timestamp,
            "content": content,
        }
    ).encode()


def _wait_until_counted(worker, counter: str, timeout_s: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and f"{counter} 0.0" in worker.metrics():
        time.sleep(1)
    assert f"{counter} 0.0" not in worker.metrics(), f"{counter} never counted"


def test_an_idle_session_is_forgotten_after_its_ttl(stream_settings: Settings, start_worker) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker(BLEEDWATCH_SESSION_TTL_SECONDS="60")
    worker.wait_assigned(count=4)
    produce_lines(
        stream_settings,
        [
            _event("hi", "old", "user_input", "2026-11-20T09:00:00Z", "Hello, I am Mei Tanaka."),
            _event("o1", "old", "model_output", "2026-11-20T09:00:05Z", "Thank you, Ms. Tanaka."),
            # another session, an hour of event time later: stream time moves past the TTL
            _event("x1", "other", "user_input", "2026-11-20T10:00:00Z", "Hello"),
        ],
    )
    first = read_json(stream_settings, Topology(stream_settings).verdicts, count=1, timeout_s=60)
    assert first[0]["findings"] == []  # the session's own words explain "Ms. Tanaka"

    _wait_until_counted(worker, "bleedwatch_sessions_expired_total")

    # The session's ledger is gone with it: its words no longer explain the name. (Values it
    # supplied stay attributable to it through the fingerprint index.)
    produce_lines(
        stream_settings,
        [
            _event("o2", "old", "model_output", "2026-11-20T10:00:05Z", "Thank you, Ms. Tanaka."),
        ],
    )
    verdicts = read_json(stream_settings, Topology(stream_settings).verdicts, count=2, timeout_s=60)
    late = next(v for v in verdicts if v["event_id"] == "o2")
    assert [(f["type"], f["entity_type"]) for f in late["findings"]] == [("pii_without_provenance", "PERSON")]


def test_a_fingerprint_is_forgotten_after_the_index_ttl(stream_settings: Settings, start_worker) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker(BLEEDWATCH_SESSION_TTL_SECONDS="60", BLEEDWATCH_INDEX_TTL_SECONDS="60")
    worker.wait_assigned(count=4)
    record = json.dumps({"customer_name": "Mei Tanaka", "email": "mei.tanaka@example.org"})
    leak = "Your statement went to mei.tanaka@example.org."
    produce_lines(
        stream_settings,
        [
            _event("crm", "a", "tool_trace", "2026-11-20T09:00:00Z", record),
            _event("q1", "b", "user_input", "2026-11-20T09:00:01Z", "Where did my statement go?"),
            _event("leak1", "b", "model_output", "2026-11-20T09:00:02Z", leak),
        ],
    )
    first = read_json(stream_settings, Topology(stream_settings).verdicts, count=1, timeout_s=60)
    assert [(f["type"], f["source"]["session_id"]) for f in first[0]["findings"]] == [
        ("cross_session_pii", "a")
    ]

    # an hour of event time later, the fingerprint has aged out of the index
    produce_lines(stream_settings, [_event("x1", "c", "user_input", "2026-11-20T10:00:00Z", "Hello")])
    _wait_until_counted(worker, "bleedwatch_fingerprints_expired_total")

    produce_lines(
        stream_settings,
        [
            _event("q2", "d", "user_input", "2026-11-20T10:00:01Z", "Where did my statement go?"),
            _event("leak2", "d", "model_output", "2026-11-20T10:00:02Z", leak),
        ],
    )
    verdicts = read_json(stream_settings, Topology(stream_settings).verdicts, count=2, timeout_s=60)
    late = next(v for v in verdicts if v["event_id"] == "leak2")
    assert [(f["type"], f["source"]) for f in late["findings"]] == [("pii_without_provenance", None)]
