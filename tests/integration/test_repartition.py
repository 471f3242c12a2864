"""Producers that do not key by session: two workers re-key their events and still give the
offline scan's verdicts, each output judged once."""

from __future__ import annotations

import re
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest

from bleedwatch.detectors import DetectionPipeline, DetectorConfig, PiiEngine
from bleedwatch.models import Verdict
from bleedwatch.streams.kafka_io import produce_lines
from bleedwatch.streams.scan import Scanner
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import WorkerProcess, read_until_quiet
from bleedwatch.streams.topology import Topology

pytestmark = pytest.mark.kafka

SESSIONS = 240  # 1,040 events, 320 answers
RATE = 200.0  # events/s
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
# A head waits for forward marks at most the grace period. On a shared 2-core machine one
# worker at times runs seconds behind the other, and the default second then expires before
# the other worker's forwards arrive: a wait the marks do end is what is checked here. The
# same holds for the index's maximum wait: since drift runs a sentence encoder a worker falls
# seconds behind at 200 events/s here (7.4 s mean produce-to-verdict in one CI run), and a
# lookup past the default 5 s was judged provisionally (2 of 320 first verdicts differed, one
# follow-up): what is checked here is the verdict the marks let through.
WORKER_ENV = {"BLEEDWATCH_GRACE_MS": "10000", "BLEEDWATCH_WATERMARK_MAX_WAIT_S": "60"}


FIRST = ("Ingrid", "Tomasz", "Aoife", "Kenji", "Lucia", "Farah", "Mateus", "Sanna", "Olu", "Priya")
LAST = ("Solberg", "Kowalczyk", "Brennan", "Nakamura", "Ferreira", "Haddad", "Lindqvist", "Okafor")


def _session(n: int) -> list[tuple[float, dict[str, Any]]]:
    """One support session: an order question, the order record, a tracking note, a grounded
    answer quoting all three, and for every third session a second answer with an e-mail
    address nobody gave (alert). Every value and every 8-word run is the session's own."""
    tenant, session = f"shop-{n}", f"s-{n}"
    name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"
    order, parcel = 40000 + 7 * n, f"PX{n:05d}"
    email, phone = f"{name.split()[0].lower()}.{n}@example.org", f"+1 212 555 {1000 + n:04d}"
    base = 0.15 * n
    events = [
        ("user_input", 0.0, f"Hi, this is {name}. Where is my order {order}? Email me at {email} please."),
        (
            "tool_trace",
            0.1,
            orjson.dumps(
                {"order": order, "status": "shipped", "customer": name, "email": email, "phone": phone}
            ).decode(),
        ),
        ("retrieved_context", 0.2, f"Order {order} for {name}: parcel {parcel} left the depot."),
        (
            "model_output",
            0.3,
            f"{name}, order {order} has shipped as parcel {parcel}. Email {email}, phone {phone}.",
        ),
    ]
    if n % 3 == 0:
        events.append(
            ("model_output", 0.5, f"Please also write to desk.{n}@example.net about order {order}.")
        )
    return [
        (
            base + offset,
            {
                "event_id": f"ev-{n}-{i}",
                "tenant_id": tenant,
                "session_id": session,
                "kind": kind,
                "timestamp": (T0 + timedelta(seconds=base + offset)).isoformat(),
                "content": content,
            },
        )
        for i, (kind, offset, content) in enumerate(events)
    ]


@pytest.fixture(scope="module")
def traffic(pii_engine: PiiEngine) -> tuple[list[bytes], dict[str, dict[str, Any]]]:
    """The events in event-time order (sessions overlap: an answer follows its evidence by a
    few events, 10-20 ms at 200 events/s), and the offline scan's verdict for each answer.

    Each session is its own tenant and shares no value or passage with another, so no verdict
    depends on what other partitions have put in the index by then: verdicts judged in
    parallel on two workers read the index in another order than the scan (with leakbench
    traffic, 82 and 100 of 416 verdicts differed from the scan with session keys on this busy
    2-core machine, and 6 with every session on one partition). What is compared is each
    session's own order, which is what re-keying must keep.
    """
    timed = sorted((item for n in range(SESSIONS) for item in _session(n)), key=lambda item: item[0])
    lines = [orjson.dumps(event) for _, event in timed]
    scanner = Scanner(DetectionPipeline(DetectorConfig(), pii=pii_engine))
    scanned = {v.event_id: v.model_dump(mode="json") for v in scanner.scan(lines) if isinstance(v, Verdict)}
    return lines, scanned


def _counter(metrics: str, name: str) -> float:
    return sum(float(value) for value in re.findall(rf"^{name}(?:{{[^}}]*}})? (\S+)$", metrics, re.M))


def _topic_messages(settings: Settings, topic: str) -> int:
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap.split(","), **settings.kafka_client_options()
    )
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(parts).values())
    finally:
        consumer.close()


def _two_workers(start_worker: Any) -> list[WorkerProcess]:
    first = start_worker(**WORKER_ENV)
    first.wait_assigned(count=4)
    second = start_worker(**WORKER_ENV)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (len(first.assigned()) == 2 and len(second.assigned()) == 2):
        time.sleep(0.5)
    assert sorted(first.assigned() + second.assigned()) == [0, 1, 2, 3]
    return [first, second]


@pytest.mark.parametrize("keys", ["empty", "random", "session"])
def test_two_workers_give_the_scans_verdicts_whatever_the_producer_keys_by(
    keys: str,
    stream_settings: Settings,
    start_worker: Any,
    traffic: tuple[list[bytes], dict[str, dict[str, Any]]],
) -> None:
    lines, scanned = traffic
    workers = _two_workers(start_worker)
    started = time.monotonic()
    stats = produce_lines(stream_settings, lines, RATE, keys=keys)  # type: ignore[arg-type]
    produced_s = time.monotonic() - started
    assert stats.sent == len(lines)

    topology = Topology(stream_settings)
    verdicts = list(read_until_quiet(stream_settings, topology.verdicts, quiet_s=8, timeout_s=300))
    first = Counter(v["event_id"] for v in verdicts if v["revision"] == 0)
    streamed = {v["event_id"]: v for v in verdicts if v["revision"] == 0}
    follow_ups = sum(1 for v in verdicts if v["revision"] > 0)
    metrics = [w.metrics() for w in workers]
    rekeyed = sum(_counter(m, "bleedwatch_rekeyed_total") for m in metrics)
    marks = sum(_counter(m, "bleedwatch_forward_marks_total") for m in metrics)
    grace = sum(_counter(m, "bleedwatch_grace_expired_total") for m in metrics)
    waits = sum(_counter(m, "bleedwatch_watermark_timeouts_total") for m in metrics)
    latency = sum(_counter(m, "bleedwatch_verdict_latency_seconds_sum") for m in metrics) / max(
        1.0, sum(_counter(m, "bleedwatch_verdict_latency_seconds_count") for m in metrics)
    )
    on_topic = _topic_messages(stream_settings, topology.repartition)
    print(  # the figures the README quotes: pytest -s
        f"\nkeys={keys}: {len(lines)} events in {produced_s:.1f} s, rekeyed {rekeyed:.0f} "
        f"({rekeyed / produced_s:.0f}/s), forward marks {marks:.0f}, repartition topic "
        f"{on_topic} messages ({on_topic / len(lines):.2f} per event), grace expiries {grace:.0f}, "
        f"follow-ups {follow_ups}, lookups past the maximum wait {waits:.0f}, "
        f"mean produce-to-verdict {1000 * latency:.0f} ms"
    )

    assert set(first) == set(scanned), f"missing {len(set(scanned) - set(first))}"
    assert [e for e, n in first.items() if n > 1] == []
    differing = {
        e: sorted(k for k in scanned[e] if streamed[e].get(k) != scanned[e][k])
        for e in sorted(scanned)
        if streamed[e] != scanned[e]
    }
    assert differing == {}, f"{len(differing)} of {len(scanned)} verdicts differ from the scan"
    assert grace == 0  # marks, not the grace period, let every head go
    assert all(w.alive() for w in workers)
    if keys == "session":
        assert rekeyed == 0 and marks == 0 and on_topic == 0
    else:
        assert rekeyed > 0
