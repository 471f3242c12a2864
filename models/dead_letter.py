"""Records for input that could not be judged. Bad input is never dropped silently."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class DeadLetterReason(StrEnum):
    UNDECODABLE = "undecodable_bytes"
    INVALID_JSON = "invalid_json"
    NOT_AN_OBJECT = "not_an_object"
    MISSING_FIELD = "missing_field"
    INVALID_FIELD = "invalid_field"
    WRONG_TOPIC = "wrong_topic_for_kind"
    TOO_LARGE = "payload_too_large"
    PROCESSING_ERROR = "processing_error"


class DeadLetter(BaseModel):
    """A rejected input. ``payload_masked`` has PII masked; ``payload_hmac`` identifies the bytes.

    The raw bytes stay on the input topic, addressed by ``topic``/``partition``/``offset``
    (or by ``line`` for a file), so no raw PII is copied beyond the input topics.
    """

    model_config = ConfigDict(frozen=True)

    dead_letter: bool = True
    reason: DeadLetterReason
    field: str | None = None
    detail: str
    payload_hmac: str
    payload_masked: str
    payload_size: int
    line: int | None = None
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    event_id: str | None = None
