from __future__ import annotations

import json

import pytest

from bleedwatch.models import (
    DeadLetterReason,
    EventKind,
    EventValidationError,
    json_schemas,
    parse_event,
)

VALID = {
    "event_id": "ev-1",
    "tenant_id": "acme",
    "session_id": "s-42",
    "kind": "user_input",
    "timestamp": "2026-11-20T09:00:12.3Z",
    "content": "text",
}


def test_valid_event_parses_with_optional_metadata_absent() -> None:
    event = parse_event(json.dumps(VALID))
    assert event.kind is EventKind.USER_INPUT
    assert event.metadata is None
    assert event.timestamp.microsecond == 300000


def test_unknown_fields_are_kept() -> None:
    event = parse_event(json.dumps({**VALID, "trace_id": "abc", "metadata": {"doc_id": "d"}}))
    assert event.model_extra == {"trace_id": "abc"}
    assert event.model_dump()["trace_id"] == "abc"
    assert event.metadata == {"doc_id": "d"}


@pytest.mark.parametrize(
    ("payload", "reason", "field"),
    [
        (b"{not json", DeadLetterReason.INVALID_JSON, None),
        (b"[1, 2]", DeadLetterReason.NOT_AN_OBJECT, None),
        (b"\xff\xfe\x00", DeadLetterReason.UNDECODABLE, None),
        (
            json.dumps({k: v for k, v in VALID.items() if k != "tenant_id"}).encode(),
            DeadLetterReason.MISSING_FIELD,
            "tenant_id",
        ),
        (json.dumps({**VALID, "kind": "system_prompt"}).encode(), DeadLetterReason.INVALID_FIELD, "kind"),
        (
            json.dumps({**VALID, "timestamp": "yesterday"}).encode(),
            DeadLetterReason.INVALID_FIELD,
            "timestamp",
        ),
        (json.dumps({**VALID, "session_id": "  "}).encode(), DeadLetterReason.INVALID_FIELD, "session_id"),
        (json.dumps({**VALID, "metadata": "doc"}).encode(), DeadLetterReason.INVALID_FIELD, "metadata"),
    ],
)
def test_invalid_events_raise_a_typed_error_naming_the_field(
    payload: bytes, reason: DeadLetterReason, field: str | None
) -> None:
    with pytest.raises(EventValidationError) as info:
        parse_event(payload)
    assert info.value.reason == reason
    assert info.value.field == field


def test_json_schema_is_exported_for_every_public_record() -> None:
    schemas = json_schemas()
    assert set(schemas) == {"event", "verdict", "finding", "dead_letter"}
    assert set(schemas["event"]["required"]) >= {"event_id", "tenant_id", "session_id", "kind"}
    assert "findings" in schemas["verdict"]["properties"]
    finding_types = schemas["verdict"]["$defs"]["FindingType"]["enum"]
    assert {
        "pii_without_provenance",
        "cross_session_pii",
        "cross_tenant_pii",
        "foreign_passage",
        "topic_drift",
    } <= set(finding_types)
