"""The input contract: one event of an LLM session, as it arrives on an input topic."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


class EventKind(StrEnum):
    USER_INPUT = "user_input"
    RETRIEVED_CONTEXT = "retrieved_context"
    TOOL_TRACE = "tool_trace"
    MODEL_OUTPUT = "model_output"

    @property
    def is_evidence(self) -> bool:
        """Evidence kinds supply provenance; only model outputs are judged."""
        return self is not EventKind.MODEL_OUTPUT


_ID = Field(min_length=1, max_length=256)


class Event(BaseModel):
    """One session event. Unknown extra fields are kept, not rejected."""

    model_config = ConfigDict(extra="allow", frozen=True, str_strip_whitespace=False)

    event_id: str = _ID
    tenant_id: str = _ID
    session_id: str = _ID
    kind: EventKind
    timestamp: datetime
    content: str = Field(max_length=1_000_000)
    metadata: dict[str, Any] | None = None

    @field_validator("event_id", "tenant_id", "session_id")
    @classmethod
    def _no_blank_ids(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class EventValidationError(ValueError):
    """An event that does not satisfy the contract.

    ``field`` names the first offending field (dotted path), ``reason`` is a
    machine-readable code suitable for a dead-letter record.
    """

    def __init__(self, reason: str, field: str | None, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.reason = reason
        self.field = field
        self.message = message

    @classmethod
    def from_pydantic(cls, error: ValidationError) -> EventValidationError:
        first = error.errors(include_url=False, include_input=False)[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        kind = "missing_field" if first["type"] == "missing" else "invalid_field"
        return cls(kind, field, first["msg"])
