"""Idle sessions and old fingerprints expire after their TTLs of event time: the stream, scan
and replay judge a history longer than both TTLs alike, and the stream's sweeps only reclaim
space."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bleedwatch.detectors import DetectionPipeline, DetectorConfig
from bleedwatch.models import Verdict
from bleedwatch.streams.kafka_io import produce_lines
from bleedwatch.streams.replay import read_history
from bleedwatch.streams.scan import Scanner
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import read_json, read_until_quiet
from bleedwatch.streams.topology import Topology, partition_for, session_partition_key

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


def _clock(stream_settings: Settings, timestamp: str) -> list[bytes]:
    """A greeting at ``timestamp`` in every session partition: each partition's event time
    moves on (sweeps follow each partition's own time)."""
    sessions: dict[int, str] = {}
    n = 0
    while len(sessions) < stream_settings.partitions:
        session = f"clock-{n}"
        sessions.setdefault(
            partition_for(session_partition_key("bank", session), stream_settings.partitions), session
        )
        n += 1
    return [
        _event(f"clock-{timestamp}-{p}", session, "user_input", timestamp, "Hello")
        for p, session in sorted(sessions.items())
    ]


def _wait_until_counted(worker, counter: str, timeout_s: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and f"{counter} 0.0" in worker.metrics():
        time.sleep(1)
    assert f"{counter} 0.0" not in worker.metrics(), f"{counter} never counted"


def test_an_idle_session_is_forgotten_after_its_ttl(stream_settings: Settings, start_worker) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker(BLEEDWATCH_DETECTOR__SESSION_TTL_SECONDS="60")
    worker.wait_assigned(count=4)
    produce_lines(
        stream_settings,
        [
            _event("hi", "old", "user_input", "2026-11-20T09:00:00Z", "Hello, I am Mei Tanaka."),
            _event("o1", "old", "model_output", "2026-11-20T09:00:05Z", "Thank you, Ms. Tanaka."),
            # other sessions, an hour of event time later: every partition's time moves past the TTL
            *_clock(stream_settings, "2026-11-20T10:00:00Z"),
        ],
    )
    first = read_json(stream_settings, Topology(stream_settings).verdicts, count=1, timeout_s=60)
    assert first[0]["findings"] == []  # the session's own words explain "Ms. Tanaka"

    _wait_until_counted(worker, "bleedwatch_sessions_expired_total")

    # The session reads as new (it would even had the sweep not run yet): its words no longer
    # explain the name. (Values it supplied stay attributable to it through the fingerprint
    # index while they live there.)
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
    worker = start_worker(
        BLEEDWATCH_DETECTOR__SESSION_TTL_SECONDS="60", BLEEDWATCH_DETECTOR__INDEX_TTL_SECONDS="60"
    )
    worker.wait_assigned(count=4)
    record = json.dumps({"customer_name": "Mei Tanaka", "email": "mei.tanaka@tanaka-post.jp"})
    leak = "Your statement went to mei.tanaka@tanaka-post.jp."
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

    # an hour of event time later in every partition, the fingerprint has aged out of the index
    produce_lines(stream_settings, _clock(stream_settings, "2026-11-20T10:00:00Z"))
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


def _at(minutes: float) -> str:
    return (
        (datetime(2026, 11, 20, 9, 0, tzinfo=UTC) + timedelta(minutes=minutes))
        .isoformat()
        .replace("+00:00", "Z")
    )


def _verdicts(items: Iterable[Any]) -> dict[tuple[str, int], dict[str, Any]]:
    out = {}
    for v in items:
        v = v if isinstance(v, dict) else v.model_dump(mode="json")
        out[(v["event_id"], v["revision"])] = v
    return out


def _findings(verdict: dict[str, Any]) -> list[tuple[str, str | None, str | None]]:
    return [
        (f["type"], f["entity_type"], f["source"]["session_id"] if f["source"] else None)
        for f in verdict["findings"]
    ]


def test_a_history_longer_than_both_ttls_is_judged_alike_by_stream_scan_and_replay(  # type: ignore[no-untyped-def]
    stream_settings: Settings, start_worker, pii_engine
) -> None:
    config = DetectorConfig(session_ttl_seconds=60, index_ttl_seconds=300)
    worker = start_worker(
        BLEEDWATCH_DETECTOR__SESSION_TTL_SECONDS="60", BLEEDWATCH_DETECTOR__INDEX_TTL_SECONDS="300"
    )
    worker.wait_assigned(count=4)
    crm_mei = json.dumps({"customer_name": "Mei Tanaka", "email": "mei.tanaka@tanaka-post.jp"})
    crm_priya = json.dumps({"customer_name": "Priya Raman", "email": "priya.raman@raman-post.in"})
    phases = [
        [  # minute 0: a record, a leak of it, a session that greets and is thanked by name
            _event("crm", "a", "tool_trace", _at(0), crm_mei),
            _event("q-b", "b", "user_input", _at(0.02), "Where did my statement go?"),
            _event(
                "leak-b", "b", "model_output", _at(0.03), "Your statement went to mei.tanaka@tanaka-post.jp."
            ),
            _event("hi", "s1", "user_input", _at(0.2), "Hello, I am Jonas Weber."),
            _event("thanks", "s1", "model_output", _at(0.25), "Thank you, Mr. Weber."),
        ],
        [  # minute 10: s1 comes back after its TTL and repeats the name; another record
            _event("crm-2", "e", "tool_trace", _at(10), crm_priya),
            _event("thanks-again", "s1", "model_output", _at(10.1), "Thank you, Mr. Weber."),
            *_clock(stream_settings, _at(11.5)),  # every partition past both sweep horizons
        ],
        [  # minutes 14-20: a leak within the index TTL, one past it, s1 back once more
            _event("q-f", "f", "user_input", _at(14), "Where did my statement go?"),
            _event(
                "leak-f", "f", "model_output", _at(14.1), "Your statement went to priya.raman@raman-post.in."
            ),
            _event("q-d", "d", "user_input", _at(15), "Where did my statement go?"),
            _event(
                "leak-d", "d", "model_output", _at(15.1), "Your statement went to mei.tanaka@tanaka-post.jp."
            ),
            _event("thanks-late", "s1", "model_output", _at(20), "Thank you, Mr. Weber."),
        ],
    ]
    verdicts_topic = Topology(stream_settings).verdicts
    outputs = 0
    for n, phase in enumerate(phases):
        produce_lines(stream_settings, phase, rate=5)
        outputs += sum(b'"model_output"' in line for line in phase)
        assert len(read_json(stream_settings, verdicts_topic, count=outputs, timeout_s=90)) == outputs
        if n == 1:  # the sweeps run before the last phase reads: they must change nothing
            _wait_until_counted(worker, "bleedwatch_sessions_expired_total")
            _wait_until_counted(worker, "bleedwatch_fingerprints_expired_total")
    streamed = _verdicts(read_until_quiet(stream_settings, verdicts_topic, quiet_s=5))

    lines = [line for phase in phases for line in phase]
    scanned = _verdicts(
        v for v in Scanner(DetectionPipeline(config, pii=pii_engine)).scan(lines) if isinstance(v, Verdict)
    )
    replayed = _verdicts(
        v
        for v in Scanner(DetectionPipeline(config, pii=pii_engine)).scan_records(
            read_history(stream_settings)
        )
        if isinstance(v, Verdict)
    )
    assert len(scanned) == outputs
    assert streamed == scanned
    assert replayed == scanned

    assert _findings(scanned[("leak-b", 0)]) == [("cross_session_pii", "EMAIL_ADDRESS", "a")]
    assert _findings(scanned[("leak-f", 0)]) == [("cross_session_pii", "EMAIL_ADDRESS", "e")]  # within
    assert _findings(scanned[("leak-d", 0)]) == [("pii_without_provenance", "EMAIL_ADDRESS", None)]  # past
    for late in ("thanks-again", "thanks-late"):  # s1 reads as new: its greeting no longer explains
        assert _findings(scanned[(late, 0)]) == [("pii_without_provenance", "PERSON", None)]

    # Expiry is what made the difference: without TTLs these verdicts differ.
    forever = DetectorConfig(session_ttl_seconds=1e9, index_ttl_seconds=1e9)
    untimed = _verdicts(
        v for v in Scanner(DetectionPipeline(forever, pii=pii_engine)).scan(lines) if isinstance(v, Verdict)
    )
    assert _findings(untimed[("leak-d", 0)]) == [("cross_session_pii", "EMAIL_ADDRESS", "a")]
    assert _findings(untimed[("thanks-again", 0)]) == [] == _findings(untimed[("thanks-late", 0)])
