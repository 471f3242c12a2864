"""Parsing input bytes into events with typed, machine-readable failures."""

from __future__ import annotations

import orjson
from pydantic import ValidationError

from .dead_letter import DeadLetterReason
from .events import Event, EventValidationError

MAX_EVENT_BYTES = 2_000_000


def parse_event(raw: bytes | str) -> Event:
    """Decode one JSON event; raise :class:`EventValidationError` naming the field."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    if len(raw) > MAX_EVENT_BYTES:
        raise EventValidationError(DeadLetterReason.TOO_LARGE, None, f"{len(raw)} bytes > {MAX_EVENT_BYTES}")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        reason = (
            DeadLetterReason.UNDECODABLE if "utf-8" in str(exc).lower() else DeadLetterReason.INVALID_JSON
        )
        raise EventValidationError(reason, None, str(exc)) from None
    if not isinstance(data, dict):
        raise EventValidationError(
            DeadLetterReason.NOT_AN_OBJECT, None, f"expected an object, got {type(data).__name__}"
        )
    try:
        return Event.model_validate(data)
    except ValidationError as exc:
        raise EventValidationError.from_pydantic(exc) from None


def dump_json(model: object) -> bytes:
    """Serialise a record (pydantic model or plain data) as compact JSON bytes."""
    from pydantic import BaseModel

    if isinstance(model, BaseModel):
        return orjson.dumps(model.model_dump(mode="json"))
    return orjson.dumps(model)
