"""The testing helpers that judge streamed verdicts against the offline scan, and the producer's
key modes; no Kafka (a stand-in producer records what would be sent)."""

from __future__ import annotations

import re
from typing import Any

import orjson
import pytest

from bleedwatch.streams.kafka_io import produce_lines
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import (
    compare_verdicts,
    equivalence,
    latest_by_event,
    verdicts_by_event,
)
from bleedwatch.streams.topology import Topology, session_partition_key


def _verdict(event_id: str, action: str = "allow", revision: int = 0, **fields: Any) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "tenant_id": "t",
        "session_id": "s",
        "action": action,
        "findings": [],
        "drift_score": 0.1,
        "topic_similarity": None,
        "detector_version": "v1",
        "revision": revision,
        "retracted": [],
        **fields,
    }


def _finding(masked: str, source: dict[str, str] | None) -> dict[str, Any]:
    return {
        "type": "cross_session_pii" if source else "pii_without_provenance",
        "entity_type": "EMAIL_ADDRESS",
        "start": 3,
        "end": 20,
        "score": 1.0,
        "masked": masked,
        "fingerprint": "ab" * 16,
        "source": source,
        "action": "block" if source else "alert",
    }


def test_verdicts_by_event_splits_first_verdicts_duplicates_and_followups() -> None:
    records = [
        _verdict("a"),
        _verdict("b", "alert"),
        _verdict("a", "block"),  # a second revision-0 verdict: a duplicate, the first one stands
        _verdict("b", "allow", revision=1, retracted=["x"]),
    ]
    first, duplicates, followups = verdicts_by_event(records)
    assert first == {"a": _verdict("a"), "b": _verdict("b", "alert")}
    assert duplicates == [_verdict("a", "block")]
    assert followups == [_verdict("b", "allow", revision=1, retracted=["x"])]
    assert latest_by_event(records)["b"]["revision"] == 1
    assert latest_by_event(records)["a"]["action"] == "block"


def test_compare_verdicts_finds_differing_missing_and_unexpected_field_by_field() -> None:
    expected = {"a": _verdict("a"), "b": _verdict("b"), "c": _verdict("c")}
    got = {
        "a": _verdict("a"),
        "b": _verdict("b", drift_score=0.2, extra="x"),
        "d": _verdict("d"),
    }
    diffs = compare_verdicts(expected, got)
    assert [(d.event_id, d.problem) for d in diffs] == [
        ("b", "differs"),
        ("c", "missing"),
        ("d", "unexpected"),
    ]
    fields = {f.field: (f.expected, f.got) for f in diffs[0].fields}
    assert fields["drift_score"] == (0.1, 0.2)
    assert set(fields) == {"drift_score", "extra"}  # a field only one side has counts too
    assert "(absent)" in str(diffs[0])
    assert compare_verdicts(expected, expected) == []


def test_a_leak_judged_before_its_evidence_shows_masked_findings_and_the_source() -> None:
    source = {"tenant_id": "t", "session_id": "s2", "event_id": "ev-9", "kind": "tool_trace"}
    expected = [_verdict("a", "block", findings=[_finding("j***@e***.com", source)])]
    got = [
        _verdict("a", "alert", findings=[_finding("j***@e***.com", None)]),
        _verdict("a", "alert", revision=1, findings=[_finding("j***@e***.com", None)]),
    ]
    report = equivalence(expected, got)
    assert report.figures() == {
        "expected": 1,
        "got": 1,
        "differ": 1,
        "missing": 0,
        "unexpected": 0,
        "duplicated": 0,
        "followups": 1,
        "final_differ": 1,
    }
    assert not report.ok
    assert report.action_changes == {"block->alert": 1}
    assert set(report.changed_fields) == {"action", "findings"}
    text = report.details()
    assert "j***@e***.com" in text and "from t/s2/ev-9" in text and "(no source)" in text
    assert "follow-ups not in the scan (1)" in text
    assert "differ 1, missing 0" in report.summary("way")


def test_equal_runs_are_ok_and_followups_equal_to_the_scans_are_accepted() -> None:
    records = [_verdict("a", "alert"), _verdict("a", "allow", revision=1), _verdict("b")]
    report = equivalence(records, list(reversed(records)))
    assert report.ok, report.details()
    assert report.figures()["followups"] == 1
    duplicated = equivalence(records, [*records, _verdict("b")])
    assert not duplicated.ok and duplicated.duplicated == 1


class _Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []

    def send(self, topic: str, key: bytes | None, value: bytes) -> None:
        self.sent.append((topic, key, value))

    def flush(self) -> None:
        pass


def _lines() -> list[bytes]:
    return [
        orjson.dumps(
            {
                "event_id": f"e{n}",
                "tenant_id": "t",
                "session_id": f"s{n % 2}",
                "kind": "user_input",
                "timestamp": "2026-11-20T09:00:00Z",
                "content": "hi",
            }
        )
        for n in range(6)
    ]


@pytest.mark.parametrize("keys", ["session", "empty", "random"])
def test_produce_lines_keys(keys: str) -> None:
    settings = Settings(broker="127.0.0.1:1", topic_prefix="unit.")
    producer = _Recorder()
    stats = produce_lines(settings, _lines(), producer=producer, keys=keys)  # type: ignore[arg-type]
    assert stats.sent == 6
    topic = Topology(settings).inputs["user_input"]  # type: ignore[index]
    assert {t for t, _, _ in producer.sent} == {topic}
    sent_keys = [k for _, k, _ in producer.sent]
    if keys == "session":
        assert sent_keys == [session_partition_key("t", f"s{n % 2}") for n in range(6)]
    elif keys == "empty":
        assert sent_keys == [None] * 6
    else:
        assert all(k is not None and re.fullmatch(rb"[0-9a-f]{16}", k) for k in sent_keys)
        assert len(set(sent_keys)) == 6


def test_produce_lines_defaults_to_session_keys_and_refuses_unknown_modes() -> None:
    settings = Settings(broker="127.0.0.1:1", topic_prefix="unit.")
    producer = _Recorder()
    produce_lines(settings, _lines()[:1], producer=producer)
    assert producer.sent[0][1] == session_partition_key("t", "s0")
    with pytest.raises(ValueError, match="keys must be one of"):
        produce_lines(settings, _lines(), producer=_Recorder(), keys="tenant")  # type: ignore[arg-type]
