"""Two workers in one consumer group: attribution across partitions, and rebalances."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bleedwatch.streams.kafka_io import produce_lines
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import read_json, read_until_quiet
from bleedwatch.streams.topology import Topology, partition_for, session_partition_key

pytestmark = pytest.mark.kafka

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _event(event_id: str, tenant: str, session: str, kind: str, seconds: float, content: str) -> bytes:
    return json.dumps(
        {
            "event_id": event_id,
            "tenant_id": tenant,
            "session_id": session,
            "kind": kind,
            "timestamp": (T0 + timedelta(seconds=seconds)).isoformat(),
            "content": content,
        }
    ).encode()


def _session_on(partition: int, tenant: str, stem: str) -> str:
    """A session id whose events land on ``partition``."""
    for i in range(10_000):
        session = f"{stem}-{i}"
        if partition_for(session_partition_key(tenant, session), 4) == partition:
            return session
    raise AssertionError("no session id found")


def test_a_leak_is_attributed_to_a_session_on_the_other_worker(
    stream_settings: Settings,
    start_worker,  # type: ignore[no-untyped-def]
) -> None:
    first = start_worker()
    first.wait_assigned(count=4)
    second = start_worker()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (len(first.assigned()) == 2 and len(second.assigned()) == 2):
        time.sleep(0.5)
    owned_a, owned_b = first.assigned(), second.assigned()
    assert len(owned_a) == 2 and len(owned_b) == 2 and not set(owned_a) & set(owned_b)

    source = _session_on(owned_a[0], "bank", "source")
    victim = _session_on(owned_b[0], "bank", "victim")
    crm = json.dumps(
        {"customer_name": "Ingrid Solberg", "email": "ingrid.solberg@example.no", "phone": "+47 912 34 567"}
    )
    lines = [
        _event("crm", "bank", source, "tool_trace", 1, crm),
        _event("ask", "bank", victim, "user_input", 5, "Which email do you have for me?"),
        _event(
            "leak",
            "bank",
            victim,
            "model_output",
            6,
            "We have ingrid.solberg@example.no and +47 912 34 567 on file.",
        ),
    ]
    produce_lines(stream_settings, lines[:1])
    time.sleep(2)  # the source's sighting reaches the index before the leak is produced
    produce_lines(stream_settings, lines[1:])

    verdicts = read_json(stream_settings, Topology(stream_settings).verdicts, count=2, timeout_s=90)
    assert [v["event_id"] for v in verdicts] == ["leak"]
    leak = verdicts[0]
    assert leak["action"] == "block"
    assert {f["type"] for f in leak["findings"]} == {"cross_session_pii"}
    assert {(f["source"]["session_id"], f["source"]["event_id"]) for f in leak["findings"]} == {
        (source, "crm")
    }


def _traffic(sessions: int) -> list[bytes]:
    lines = []
    for n in range(sessions):
        session = f"s{n}"
        base = n * 0.5
        lines.append(_event(f"in-{n}", "shop", session, "user_input", base, f"Where is order {1000 + n}?"))
        lines.append(
            _event(
                f"ctx-{n}",
                "shop",
                session,
                "tool_trace",
                base + 0.1,
                json.dumps({"order": 1000 + n, "email": f"buyer{n}@example.com"}),
            )
        )
        lines.append(
            _event(
                f"out-{n}",
                "shop",
                session,
                "model_output",
                base + 0.2,
                f"Order {1000 + n} ships today; we emailed buyer{n}@example.com.",
            )
        )
    return lines


def test_no_output_is_lost_or_judged_twice_when_a_worker_joins(
    stream_settings: Settings,
    start_worker,  # type: ignore[no-untyped-def]
) -> None:
    first = start_worker()
    first.wait_assigned(count=4)
    lines = _traffic(150)
    producer = threading.Thread(target=produce_lines, args=(stream_settings, lines, 30.0))
    producer.start()
    time.sleep(4)
    second = start_worker()  # joins mid-stream: partitions move while outputs are in flight
    producer.join()
    second.wait_assigned(timeout_s=120)

    verdicts = list(
        read_until_quiet(stream_settings, Topology(stream_settings).verdicts, quiet_s=8, timeout_s=300)
    )
    first_verdicts = Counter(v["event_id"] for v in verdicts if v["revision"] == 0)
    expected = {f"out-{n}" for n in range(150)}
    assert set(first_verdicts) == expected, f"missing: {sorted(expected - set(first_verdicts))[:10]}"
    assert [e for e, n in first_verdicts.items() if n > 1] == []
    assert all(v["action"] == "allow" for v in verdicts)
    assert first.alive() and second.alive()
    assert len(first.assigned()) + len(second.assigned()) == 4
