"""Exactly one verdict per event_id, and follow-ups when late evidence explains a finding."""

from __future__ import annotations

import json

from bleedwatch.detectors import SessionState
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import Action, EventKind, FindingType

OUT = EventKind.MODEL_OUTPUT
TOOL = EventKind.TOOL_TRACE
USER = EventKind.USER_INPUT


def test_a_redelivered_output_gets_no_second_verdict(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    output = ev("bank", "s1", OUT, "Call (415) 555-0142.", event_id="o1")
    pipeline = make_pipeline()
    first = pipeline.process(output)
    again = pipeline.process(output)
    assert len(first) == 1 and again == []


def test_redelivered_evidence_is_learnt_once(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    """A rebalance redelivers what was applied but not committed: the session's topic vector
    (a sum) must not count it twice, or the drift check judges the next output differently."""
    ev = EventFactory()
    context = ev(
        "bank", "s1", EventKind.RETRIEVED_CONTEXT, "Wire transfers above 900 euros need a second approval."
    )
    once, twice = make_pipeline(), make_pipeline()
    run(once, [context])
    run(twice, [context, context])
    a, b = once.sessions.get("bank\x1fs1"), twice.sessions.get("bank\x1fs1")
    assert a is not None and b is not None and a.topic is not None and b.topic is not None
    assert (a.topic == b.topic).all() and len(b.journal.learned) == 1


def test_late_evidence_that_explains_a_finding_retracts_it(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    crm = ev("bank", "s1", TOOL, json.dumps({"phone": "(212) 479-3811"}), event_id="crm")
    user = ev("bank", "s1", USER, "What number do you have for me?")
    output = ev("bank", "s1", OUT, "We have 212.479.3811 on file.", event_id="o1")
    # the tool trace was produced before the output but arrives after it
    sink = run(make_pipeline(), [user, output, crm])
    first, followup = sink.history
    assert first.event_id == followup.event_id == "o1"
    assert first.action is Action.ALERT and first.revision == 0
    assert [f.type for f in first.findings] == [FindingType.PII_WITHOUT_PROVENANCE]
    assert followup.revision == 1
    assert followup.action is Action.ALLOW and followup.findings == []
    assert followup.retracted == [first.findings[0].fingerprint]


def test_evidence_from_after_the_output_does_not_retract(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", OUT, "We have 212.479.3811 on file.", event_id="o1"),
            ev("bank", "s1", TOOL, json.dumps({"phone": "(212) 479-3811"})),
        ],
    )
    assert [v.revision for v in sink.history] == [0]


def test_session_state_stays_under_16_kib_with_a_full_journal(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    pipeline = make_pipeline()
    leak = (
        "the harbour merchant cluster flagged on Tuesday is linked to a mule network that reuses "
        "prepaid cards, so hold every outbound instant transfer above 900 euros"
    )
    run(pipeline, [ev("other", "x", EventKind.RETRIEVED_CONTEXT, leak)])
    events = []
    for i in range(300):
        events.append(ev("bank", "s1", OUT, f"Reference {i}: call (415) 555-{1000 + i:04d}. {leak}"))
    run(pipeline, events)
    state = pipeline.sessions.get("bank\x1fs1")
    assert isinstance(state, SessionState)
    assert len(state.journal.judged) == 128 and len(state.journal.flagged) == 4
    for i in range(100):  # and a full evidence journal
        run(pipeline, [ev("bank", "s1", USER, f"question {i}")])
    state = pipeline.sessions.get("bank\x1fs1")
    assert isinstance(state, SessionState) and len(state.journal.learned) == 64
    assert len(state.to_bytes()) <= 16 * 1024


def test_journal_markers_are_packed_and_rows_from_before_still_read() -> None:
    from bleedwatch.detectors.journal import Journal

    journal = Journal()
    journal.judged.extend([1, 2**64 - 1])
    journal.learned.append(7)
    data = journal.to_dict()
    assert isinstance(data["j"], str) and len(data["j"]) == 24  # 16 bytes, base64
    again = Journal.from_dict(data)
    assert list(again.judged) == [1, 2**64 - 1] and list(again.learned) == [7]
    legacy = Journal.from_dict({"j": [5, 6], "f": []})  # a row written before packing
    assert list(legacy.judged) == [5, 6] and not legacy.learned
