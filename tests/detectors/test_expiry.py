"""Expiry is part of detection: applied when state is read, in event time, by the pipeline
every path drives. Sweeps only reclaim space and never change a verdict."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from bleedwatch.detectors import DetectorConfig, InMemoryAttributionIndex
from bleedwatch.detectors.attribution import Origin, merge_sighting, merge_sightings
from bleedwatch.detectors.testing import run
from bleedwatch.models import Event, EventKind, Verdict

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
TOOL = EventKind.TOOL_TRACE
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a whole minute: a slot boundary for steps <= 60 s
EMAIL = "mei.tanaka@tanaka-post.jp"  # not a reserved domain: see test_doc_values.py
CRM = json.dumps({"customer_name": "Mei Tanaka", "email": EMAIL})


def _at(
    seconds: float, session: str, kind: EventKind, content: str, event_id: str, tenant: str = "bank"
) -> Event:
    return Event(
        event_id=event_id,
        tenant_id=tenant,
        session_id=session,
        kind=kind,
        timestamp=T0 + timedelta(seconds=seconds),
        content=content,
    )


def _found(verdict: Verdict) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.type.value, f.entity_type, f.source.session_id if f.source else None) for f in verdict.findings
    ]


def test_a_session_idle_past_its_ttl_reads_as_empty(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline = make_pipeline(DetectorConfig(session_ttl_seconds=60))
    thanks = "Thank you, Ms. Tanaka."
    sink = run(
        pipeline,
        [
            _at(0, "s1", USER, "Hello, I am Mei Tanaka.", "hi"),
            _at(5, "s1", OUT, thanks, "in-time"),
            _at(64, "s1", USER, "Are you still there?", "still"),  # activity keeps it alive
            _at(120, "s1", OUT, thanks, "after-activity"),  # 56 s idle
            _at(181, "s1", OUT, thanks, "after-gap"),  # 61 s idle: the session reads as new
            _at(182, "s9", OUT, thanks, "never-supplied"),  # a session that never said the name
        ],
    )
    assert sink["in-time"].findings == [] and sink["after-activity"].findings == []
    # judged as if the session had never supplied the name: like a session that never did
    assert _found(sink["after-gap"]) == [("pii_without_provenance", "PERSON", None)]
    assert _found(sink["after-gap"]) == _found(sink["never-supplied"])
    assert sink["after-gap"].action is sink["never-supplied"].action

    # the row is still stored; it is simply not used, and a later save replaces it
    stale = _at(500, "s1", USER, "Hi", "x")
    assert pipeline.sessions.get("bank\x1fs1").last_seen == T0.timestamp() + 181  # type: ignore[union-attr]
    assert pipeline.state_for(stale).last_seen == 0.0
    assert pipeline.state_for(_at(240, "s1", USER, "Hi", "y")).last_seen > 0


def _leak_verdict(make_pipeline, history: list[Event], at: float, session: str = "probe") -> Verdict:  # type: ignore[no-untyped-def]
    pipeline = make_pipeline(DetectorConfig(index_ttl_seconds=1000))  # last moves in 10 s steps
    sink = run(
        pipeline,
        [
            *history,
            _at(at - 1, session, USER, "Where did my statement go?", f"q-{session}"),
            _at(at, session, OUT, f"Your statement went to {EMAIL}.", f"leak-{session}"),
        ],
    )
    return sink[f"leak-{session}"]


def test_a_sighting_older_than_the_index_ttl_as_of_the_output_is_not_attributed(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    crm = [_at(0, "a", TOOL, CRM, "crm")]
    assert _found(_leak_verdict(make_pipeline, crm, 999)) == [("cross_session_pii", "EMAIL_ADDRESS", "a")]
    assert _found(_leak_verdict(make_pipeline, crm, 1011)) == [
        ("pii_without_provenance", "EMAIL_ADDRESS", None)
    ]
    # not attributed, but not forgotten either: read as of an earlier output, it still counts
    assert _found(_leak_verdict(make_pipeline, crm, 500)) == [("cross_session_pii", "EMAIL_ADDRESS", "a")]


def test_the_ttl_allows_for_the_step_last_moves_in(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    # Another session saw it 9 s later, within the same 10 s slot: "last" does not move (no
    # write in the stream), so the lookup allows a whole step beyond the TTL.
    history = [_at(0, "a", TOOL, CRM, "crm"), _at(9, "b", TOOL, CRM, "crm-b")]
    assert _found(_leak_verdict(make_pipeline, history, 1009)) == [
        ("cross_session_pii", "EMAIL_ADDRESS", "a")
    ]
    assert _found(_leak_verdict(make_pipeline, history, 1011)) == [
        ("pii_without_provenance", "EMAIL_ADDRESS", None)
    ]
    # a sighting in a later slot moves "last": the fingerprint stays attributable for longer
    history = [_at(0, "a", TOOL, CRM, "crm"), _at(10, "b", TOOL, CRM, "crm-b")]
    assert _found(_leak_verdict(make_pipeline, history, 1019)) == [
        ("cross_session_pii", "EMAIL_ADDRESS", "a")
    ]


def test_a_fingerprint_seen_again_after_it_expired_is_attributed_to_the_new_sighting(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    history = [_at(0, "a", TOOL, CRM, "crm"), _at(2000, "c", TOOL, CRM, "crm-again")]
    # the expired sighting is forgotten, as a sweep would have forgotten it: "c" is the source
    assert _found(_leak_verdict(make_pipeline, history, 2100)) == [
        ("cross_session_pii", "EMAIL_ADDRESS", "c")
    ]


def test_the_slot_of_last_does_not_depend_on_merge_order_and_expired_sightings_restart() -> None:
    origins = [
        Origin("t", f"s{i}", f"e{i}", EventKind.TOOL_TRACE, ts)
        for i, ts in enumerate((0.0, 13.0, 17.0, 31.0))
    ]
    forward = backward = None
    for origin in origins:
        forward = merge_sighting(forward, origin, last_step=10.0)
    for origin in reversed(origins):
        backward = merge_sighting(backward, origin, last_step=10.0)
    assert forward is not None and backward is not None
    assert forward.last == backward.last == 31.0 and forward.first == backward.first

    old = merge_sighting(None, Origin("t", "a", "e1", EventKind.TOOL_TRACE, 0.0))
    new = Origin("t", "b", "e2", EventKind.TOOL_TRACE, 200.0)
    assert merge_sighting(old, new, 10.0, ttl=100.0).first.session_id == "b"  # expired: restarts
    assert merge_sighting(old, new, 10.0, ttl=None).first.session_id == "a"
    revived = merge_sighting(None, new)
    assert merge_sighting(revived, old.first, 10.0, ttl=100.0) is revived  # from before the gap
    assert merge_sightings(old, revived, 10.0, ttl=100.0) == revived
    assert merge_sightings(revived, old, 10.0, ttl=100.0) is revived

    index = InMemoryAttributionIndex(last_step=10.0, ttl=100.0)
    index.record([1], old.first)
    assert index.lookup([1], as_of=109.0) and not index.lookup([1], as_of=111.0)
    assert index.expire(before=10.0) == 0 and index.expire(before=11.0) == 1


def _history(seed: int) -> list[Event]:
    """Sessions that come and go over many TTLs, sharing a few customers' records."""
    rng = random.Random(seed)
    customers = [
        ("Mei Tanaka", "mei.tanaka@example.org"),
        ("Jonas Weber", "jonas.weber@example.net"),
        ("Adaeze Okafor", "adaeze.okafor@example.com"),
        ("Priya Raman", "priya.raman@example.org"),
    ]
    events: list[Event] = []
    t = 0.0
    for n in range(160):
        t += rng.choice((1.0, 5.0, 20.0, 45.0, 130.0))
        tenant = rng.choice(("bank", "bank", "clinic"))
        session = f"{tenant}-{rng.randrange(6)}"
        name, email = rng.choice(customers)
        kind, content = rng.choice(
            (
                (TOOL, json.dumps({"customer_name": name, "email": email})),
                (USER, f"Hello, I am {name}."),
                (USER, "Where did my statement go?"),
                (OUT, f"Your statement went to {email}."),
                (OUT, f"Thank you, Ms. {name.split()[1]}."),
                (OUT, "Your statement is on its way."),
            )
        )
        events.append(_at(t, session, kind, content, f"e{n}", tenant=tenant))
    return events


def test_sweeping_never_changes_a_verdict(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    config = DetectorConfig(session_ttl_seconds=120, index_ttl_seconds=300)
    events = _history(seed=7)
    unswept = make_pipeline(config)
    expected = [v for e in events for v in unswept.process(e)]

    swept = make_pipeline(config)
    got: list[Verdict] = []
    dropped = [0, 0]
    for event in events:
        got.extend(swept.process(event))
        sessions, fingerprints = swept.sweep(event.timestamp.timestamp(), lateness=0.0)
        dropped[0] += sessions
        dropped[1] += fingerprints
    assert dropped[0] > 5 and dropped[1] > 5  # the sweeps did reclaim space
    assert len(swept.sessions) < len(unswept.sessions)  # type: ignore[arg-type]
    assert [v.model_dump() for v in got] == [v.model_dump() for v in expected]

    # and expiry did change verdicts: without TTLs some of them differ
    forever = make_pipeline(DetectorConfig(session_ttl_seconds=1e9, index_ttl_seconds=1e9))
    without = [v for e in events for v in forever.process(e)]
    assert [_found(v) for v in without] != [_found(v) for v in expected]


def test_a_batch_that_spans_a_session_gap_is_judged_as_event_by_event(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    config = DetectorConfig(session_ttl_seconds=60)
    thanks = "Thank you, Ms. Tanaka."
    events = [
        _at(0, "s1", USER, "Hello, I am Mei Tanaka.", "hi"),
        _at(5, "s1", OUT, thanks, "in-time"),
        _at(100, "s1", OUT, thanks, "after-gap"),  # the greeting is in the same batch, but expired
    ]
    one_by_one = run(make_pipeline(config), events)
    batched = [v for verdicts in make_pipeline(config).process_batch(events) for v in verdicts]
    assert _found(one_by_one["after-gap"]) == [("pii_without_provenance", "PERSON", None)]
    assert [v.model_dump() for v in batched] == [v.model_dump() for v in one_by_one.history]
