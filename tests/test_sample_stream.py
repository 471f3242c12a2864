"""The checked-in sample stream, verdict by verdict, and the naive baseline on the same file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bleedwatch.detectors import DetectionPipeline
from bleedwatch.detectors.baseline import NaiveDetector
from bleedwatch.models import EventKind, Verdict, parse_event

# event_id -> (action, [(type, entity_type, source, finding action, masked)])
EXPECTED: dict[str, tuple[str, list[tuple[object, ...]]]] = {
    # grounded answers repeating the session's own PII, in other surface forms
    "acme-4": ("allow", []),
    "acme-6": ("allow", []),
    "acme-13": ("allow", []),
    # another session's customer email
    "acme-15": (
        "block",
        [
            (
                "cross_session_pii",
                "EMAIL_ADDRESS",
                ("acme-bank", "s-1", "acme-1", "user_input"),
                "block",
                "a***@e***.com",
            ),
        ],
    ),
    # quotes the limits policy that two other acme sessions retrieved: tenant-common text
    "acme-21": ("allow", []),
    "acme-32": ("allow", []),
    "globex-3": ("allow", []),
    "globex-5": ("allow", []),
    # cross-tenant leak of an acme-bank customer's contact details
    "globex-11": (
        "block",
        [
            (
                "cross_tenant_pii",
                "EMAIL_ADDRESS",
                ("acme-bank", "s-2", "acme-11", "tool_trace"),
                "block",
                "l***@e***.se",
            ),
            (
                "cross_tenant_pii",
                "PHONE_NUMBER",
                ("acme-bank", "s-2", "acme-10", "user_input"),
                "block",
                "*******4567",
            ),
        ],
    ),
    # acme-bank's private fraud note, verbatim, in another tenant. Proven by provenance; since
    # the sentence encoder decides drift it is no drift finding as well: a fraud rule about
    # prepaid cards answers a question about payment integrations on topic.
    "globex-21": (
        "block",
        [
            (
                "foreign_passage",
                None,
                ("acme-bank", "s-4", "acme-31", "retrieved_context"),
                "block",
                "m****** c****** f****** o* T****** i* l***** t* a m*** n****** t*** …",
            ),
        ],
    ),
    "initech-3": ("allow", []),
    # s-20's whole answer delivered to s-21
    "initech-11": (
        "block",
        [
            (
                "topic_drift",
                None,
                None,
                "alert",
                "Y*** p****** a****** h** b*** m**** t* T****** a* #**** w*** D** …",
            ),
            (
                "foreign_passage",
                None,
                ("initech-clinic", "s-20", "initech-3", "model_output"),
                "block",
                "p****** a****** h** b*** m**** t* T****** a* #**** w*** D** O****** …",
            ),
            (
                "cross_session_pii",
                "PERSON",
                # the clinician's name came with s-20's appointment record
                ("initech-clinic", "s-20", "initech-2", "tool_trace"),
                "block",
                "O***",
            ),
        ],
    ),
    # contact details no session ever saw (hallucinated or from outside); its (415) 555-0142 is
    # in the 555-0100..0199 range reserved for fiction, a documentation value nobody supplied
    "initech-21": (
        "alert",
        [
            ("pii_without_provenance", "EMAIL_ADDRESS", None, "alert", "b***@i***.com"),
        ],
    ),
    # the Minecraft incident: temple bricks in a coding session after five idle minutes
    "globex-6": (
        "alert",
        [
            (
                "topic_drift",
                None,
                None,
                "alert",
                "W*** k*** o* b***** d* y** w*** f** t** t****** S****** b***** …",
            ),
        ],
    ),
}
GROUNDED_WITH_OWN_PII = ["acme-4", "acme-13", "initech-3"]


@pytest.fixture(scope="module")
def verdicts(pii_engine, sample_path: Path) -> dict[str, Verdict]:  # type: ignore[no-untyped-def]
    pipeline = DetectionPipeline(pii=pii_engine)
    events = [parse_event(line) for line in sample_path.read_bytes().splitlines()]
    return {v.event_id: v for v in pipeline.verdicts(events)}


def test_every_model_output_gets_exactly_one_verdict(verdicts, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    outputs = [
        e for e in map(parse_event, sample_path.read_bytes().splitlines()) if e.kind is EventKind.MODEL_OUTPUT
    ]
    assert sorted(verdicts) == sorted(e.event_id for e in outputs)
    assert set(verdicts) == set(EXPECTED)


@pytest.mark.parametrize("event_id", sorted(EXPECTED))
def test_sample_verdicts_field_by_field(verdicts, event_id: str) -> None:  # type: ignore[no-untyped-def]
    verdict = verdicts[event_id]
    action, findings = EXPECTED[event_id]
    got = [
        (
            f.type.value,
            f.entity_type,
            (f.source.tenant_id, f.source.session_id, f.source.event_id, f.source.kind.value)
            if f.source
            else None,
            f.action.value,
            f.masked,
        )
        for f in verdict.findings
    ]
    assert verdict.action.value == action
    assert got == findings
    assert verdict.detector_version.startswith("bleedwatch-")
    assert verdict.revision == 0
    for finding in verdict.findings:
        assert 0 <= finding.start < finding.end
        assert len(finding.fingerprint) == 32
    if any(f[0] == "topic_drift" for f in findings):
        assert verdict.drift_score > 0.9


def test_the_minecraft_output_is_far_off_topic(verdicts) -> None:  # type: ignore[no-untyped-def]
    assert verdicts["globex-6"].drift_score >= 0.95
    in_domain = [verdicts[e].drift_score for e in ("globex-3", "globex-5")]
    assert max(in_domain) < 0.5


def test_naive_detector_flags_grounded_answers_that_bleedwatch_allows(verdicts, sample_path) -> None:  # type: ignore[no-untyped-def]
    naive = NaiveDetector()
    contents = {e.event_id: e.content for e in map(parse_event, sample_path.read_bytes().splitlines())}
    flagged_by_naive = [e for e in GROUNDED_WITH_OWN_PII if naive.flags(contents[e])]
    assert len(flagged_by_naive) >= 2 * len(GROUNDED_WITH_OWN_PII) / 3
    assert all(verdicts[e].action.value == "allow" for e in GROUNDED_WITH_OWN_PII)
