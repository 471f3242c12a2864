"""Building dead-letter records: a reason, masked payload and keyed hash, never the raw bytes."""

from __future__ import annotations

from bleedwatch.models import DeadLetter, DeadLetterReason, EventValidationError

from .hashing import KeyedHasher
from .masking import mask_value
from .pii import PiiEngine
from .recognizers import candidate_names

_PREVIEW_CHARS = 2000


class DeadLetterFactory:
    def __init__(self, hasher: KeyedHasher, pii: PiiEngine) -> None:
        self._hasher = hasher
        self._pii = pii

    def redact(self, text: str) -> str:
        """Replace every PII value the pattern recognizers or name shapes find with its mask."""
        spans = [(s.start, s.end, s.entity_type) for s in self._pii.analyze_evidence(text)]
        spans += [(s, e, "PERSON") for s, e, _ in candidate_names(text)]
        out, cursor = [], 0
        for start, end, entity in sorted(spans):
            if start < cursor:
                continue
            out.append(text[cursor:start])
            out.append(mask_value(entity, text[start:end]))
            cursor = end
        out.append(text[cursor:])
        return "".join(out)

    def build(
        self,
        raw: bytes,
        reason: DeadLetterReason | str,
        detail: str,
        *,
        field: str | None = None,
        line: int | None = None,
        topic: str | None = None,
        partition: int | None = None,
        offset: int | None = None,
        event_id: str | None = None,
    ) -> DeadLetter:
        preview = raw[:_PREVIEW_CHARS].decode("utf-8", "replace")
        return DeadLetter(
            reason=DeadLetterReason(reason),
            field=field,
            detail=self.redact(detail)[:500],
            payload_hmac=self._hasher.fingerprint("payload", raw.hex()),
            payload_masked=self.redact(preview),
            payload_size=len(raw),
            line=line,
            topic=topic,
            partition=partition,
            offset=offset,
            event_id=event_id,
        )

    def from_error(
        self,
        raw: bytes,
        error: EventValidationError,
        *,
        line: int | None = None,
        topic: str | None = None,
        partition: int | None = None,
        offset: int | None = None,
    ) -> DeadLetter:
        return self.build(
            raw,
            error.reason,
            error.message,
            field=error.field,
            line=line,
            topic=topic,
            partition=partition,
            offset=offset,
        )
