"""The Faust workers on the real broker give the same verdicts as the offline scan."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from bleedwatch.detectors import DetectionPipeline
from bleedwatch.models import parse_event
from bleedwatch.streams.kafka_io import make_producer, produce_lines
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import read_json, read_until_quiet
from bleedwatch.streams.topology import Topology, session_partition_key

pytestmark = pytest.mark.kafka


def test_stream_verdicts_equal_the_scan_field_by_field(
    stream_settings: Settings,
    start_worker,
    sample_path: Path,
    pii_engine,  # type: ignore[no-untyped-def]
) -> None:
    worker = start_worker()
    worker.wait_assigned(count=4)
    lines = sample_path.read_bytes().splitlines()
    stats = produce_lines(stream_settings, lines, rate=10)
    assert stats.sent == len(lines)

    streamed = read_json(stream_settings, Topology(stream_settings).verdicts, count=14, timeout_s=120)

    pipeline = DetectionPipeline(pii=pii_engine)
    scanned = [v.model_dump(mode="json") for v in pipeline.verdicts(map(parse_event, lines))]
    assert len(streamed) == 14
    assert {v["event_id"]: v for v in streamed} == {v["event_id"]: v for v in scanned}
    alerts = read_json(stream_settings, Topology(stream_settings).alerts, count=6, timeout_s=30)
    assert sorted(a["event_id"] for a in alerts) == sorted(
        v["event_id"] for v in scanned if v["action"] != "allow"
    )

    # The dashboard shows the same counts.
    import urllib.request

    with urllib.request.urlopen(f"http://127.0.0.1:{worker.port}/api/summary", timeout=10) as reply:
        summary = orjson.loads(reply.read())
    assert summary["actions"] == {"allow": 8, "alert": 2, "block": 4}
    with urllib.request.urlopen(f"http://127.0.0.1:{worker.port}/dashboard", timeout=10) as reply:
        assert b"<svg" in reply.read()

    # A compliance replay of the same topics, offline, agrees too.
    replay = subprocess.run(
        [sys.executable, "-m", "bleedwatch.streams", "replay", "--prefix", stream_settings.topic_prefix],
        capture_output=True,
        check=True,
        timeout=300,
        env={**os.environ, "BLEEDWATCH_BROKER": stream_settings.bootstrap},
    )
    replayed = [orjson.loads(line) for line in replay.stdout.splitlines()]
    assert {v["event_id"]: v for v in replayed} == {v["event_id"]: v for v in scanned}


def test_bad_messages_on_every_input_topic_are_dead_lettered_and_the_worker_goes_on(
    stream_settings: Settings,
    start_worker,  # type: ignore[no-untyped-def]
) -> None:
    worker = start_worker()
    worker.wait_assigned(count=4)
    topology = Topology(stream_settings)
    good = {
        "event_id": "ok-1",
        "tenant_id": "t",
        "session_id": "s",
        "kind": "model_output",
        "timestamp": "2026-11-20T09:00:00Z",
        "content": "All set, your order ships today.",
    }
    bad = {
        "user_input": b"{not json",
        "retrieved_context": b"[1, 2, 3]",
        "tool_trace": json.dumps({**good, "event_id": "x", "kind": "tool_trace", "content": None}).encode(),
        "model_output": json.dumps({**good, "event_id": "wrong", "kind": "user_input"}).encode(),
    }
    producer = make_producer(stream_settings)
    for kind, payload in bad.items():
        producer.send(topology.inputs[kind], key=b"t\x1fs", value=payload)  # type: ignore[index]
    producer.send(
        topology.inputs["model_output"],
        key=session_partition_key("t", "s"),  # type: ignore[index]
        value=json.dumps(good).encode(),
    )
    producer.flush()
    producer.close()

    dead = read_json(stream_settings, topology.dead_letter, count=4, timeout_s=60)
    by_topic = {d["topic"]: d for d in dead}
    assert set(by_topic) == set(topology.inputs.values())
    assert by_topic[topology.inputs["user_input"]]["reason"] == "invalid_json"  # type: ignore[index]
    assert by_topic[topology.inputs["retrieved_context"]]["reason"] == "not_an_object"  # type: ignore[index]
    assert by_topic[topology.inputs["tool_trace"]]["reason"] == "invalid_field"  # type: ignore[index]
    assert by_topic[topology.inputs["tool_trace"]]["field"] == "content"  # type: ignore[index]
    assert by_topic[topology.inputs["model_output"]]["reason"] == "wrong_topic_for_kind"  # type: ignore[index]
    assert all(d["offset"] is not None and d["payload_hmac"] for d in dead)

    verdicts = read_json(stream_settings, topology.verdicts, count=1, timeout_s=60)
    assert [v["event_id"] for v in verdicts] == ["ok-1"]
    assert worker.alive()
    metrics = worker.metrics()
    assert 'bleedwatch_dead_letters_total{reason="invalid_json"} 1.0' in metrics
    # the one good event passed every stage the latency breakdown names
    for stage in ("consume", "sequence", "extract", "judge"):
        assert f'bleedwatch_stage_seconds_count{{stage="{stage}"}} 1.0' in metrics, stage


def test_late_context_is_waited_for_or_retracted(stream_settings: Settings, start_worker) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker()
    worker.wait_assigned(count=4)
    topology = Topology(stream_settings)
    key = session_partition_key("bank", "late-1")
    crm = {
        "event_id": "ctx",
        "tenant_id": "bank",
        "session_id": "late-1",
        "kind": "tool_trace",
        "timestamp": "2026-11-20T09:00:01Z",
        "content": json.dumps({"phone": "(212) 555-0187"}),
    }
    out = {
        "event_id": "out",
        "tenant_id": "bank",
        "session_id": "late-1",
        "kind": "model_output",
        "timestamp": "2026-11-20T09:00:02Z",
        "content": "We will call you on 212.555.0187.",
    }
    producer = make_producer(stream_settings)
    now_ms = int(time.time() * 1000)
    # The context was produced first (its Kafka timestamp is earlier) but reaches its topic late.
    producer.send(
        topology.inputs["model_output"],
        key=key,
        value=json.dumps(out).encode(),  # type: ignore[index]
        timestamp_ms=now_ms,
    )
    producer.flush()
    time.sleep(0.3)
    producer.send(
        topology.inputs["tool_trace"],
        key=key,
        value=json.dumps(crm).encode(),  # type: ignore[index]
        timestamp_ms=now_ms - 200,
    )
    producer.flush()
    producer.close()

    verdicts = list(read_until_quiet(stream_settings, topology.verdicts, quiet_s=4, timeout_s=60))
    assert [v["event_id"] for v in verdicts] in (["out"], ["out", "out"])
    first, final = verdicts[0], verdicts[-1]
    assert final["action"] == "allow" and final["findings"] == []
    if len(verdicts) == 2:  # judged before the context arrived: a follow-up retracts the finding
        assert first["revision"] == 0 and first["action"] == "alert"
        assert final["revision"] == 1
        assert final["retracted"] == [first["findings"][0]["fingerprint"]]
    else:
        assert first["revision"] == 0


def test_redelivered_outputs_get_no_second_verdict(stream_settings: Settings, start_worker) -> None:  # type: ignore[no-untyped-def]
    worker = start_worker()
    worker.wait_assigned(count=4)
    topology = Topology(stream_settings)
    out = {
        "event_id": "dup",
        "tenant_id": "t",
        "session_id": "s",
        "kind": "model_output",
        "timestamp": "2026-11-20T09:00:02Z",
        "content": "Your parcel left the depot.",
    }
    payload = orjson.dumps(out)
    producer = make_producer(stream_settings)
    for _ in range(3):
        producer.send(topology.inputs["model_output"], key=session_partition_key("t", "s"), value=payload)  # type: ignore[index]
    producer.flush()
    producer.close()
    verdicts = list(read_until_quiet(stream_settings, topology.verdicts, quiet_s=4, timeout_s=60))
    assert [v["event_id"] for v in verdicts] == ["dup"]
    assert "bleedwatch_redelivered_outputs_total 2.0" in worker.metrics()
