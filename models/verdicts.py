"""What bleedwatch says about a model output."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from .events import EventKind


class Action(StrEnum):
    ALLOW = "allow"
    ALERT = "alert"
    BLOCK = "block"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {Action.ALLOW: 0, Action.ALERT: 1, Action.BLOCK: 2}


class FindingType(StrEnum):
    PII_WITHOUT_PROVENANCE = "pii_without_provenance"
    CROSS_SESSION_PII = "cross_session_pii"
    CROSS_TENANT_PII = "cross_tenant_pii"
    FOREIGN_PASSAGE = "foreign_passage"
    TOPIC_DRIFT = "topic_drift"


class SourceRef(BaseModel):
    """Where a piece of content was first seen."""

    model_config = ConfigDict(frozen=True)

    tenant_id: str
    session_id: str
    event_id: str
    kind: EventKind


class Finding(BaseModel):
    """One reason for concern inside a model output. Never carries raw PII."""

    model_config = ConfigDict(frozen=True)

    type: FindingType
    entity_type: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    score: float = Field(ge=0.0, le=1.0)
    masked: str
    fingerprint: str = Field(description="keyed hash (HMAC-SHA256, truncated) of the value")
    source: SourceRef | None = None
    action: Action = Field(default=Action.ALLOW, description="what the policy made of it")


class Verdict(BaseModel):
    """Exactly one per model output (plus follow-ups that revise it)."""

    model_config = ConfigDict(frozen=True)

    event_id: str
    tenant_id: str
    session_id: str
    action: Action
    findings: list[Finding] = Field(default_factory=list)
    drift_score: float = Field(ge=0.0, le=1.0)
    topic_similarity: float | None = Field(
        default=None,
        ge=-1.0,
        le=1.0,
        description="cosine similarity of the output to its session's topic, computed when the "
        "drift score crossed its threshold; at or above the veto it is not drift",
    )
    detector_version: str
    revision: int = Field(default=0, ge=0, description="0 for the first verdict; follow-ups count up")
    retracted: list[str] = Field(
        default_factory=list,
        description="fingerprints of earlier findings this follow-up withdraws",
    )

    @property
    def is_alert(self) -> bool:
        return self.action is not Action.ALLOW
