"""bleedwatch.models: the wire contract (pydantic v2 schemas, no I/O)."""

from .codec import MAX_EVENT_BYTES, dump_json, parse_event
from .dead_letter import DeadLetter, DeadLetterReason
from .events import Event, EventKind, EventValidationError
from .schema import PUBLIC_MODELS, json_schemas
from .verdicts import Action, Finding, FindingType, SourceRef, Verdict

__all__ = [
    "MAX_EVENT_BYTES",
    "PUBLIC_MODELS",
    "Action",
    "DeadLetter",
    "DeadLetterReason",
    "Event",
    "EventKind",
    "EventValidationError",
    "Finding",
    "FindingType",
    "SourceRef",
    "Verdict",
    "dump_json",
    "json_schemas",
    "parse_event",
]
