"""bleedwatch.detectors: framework-free detection. Plain Python, testable without Kafka."""

from .attribution import (
    AttributionIndex,
    InMemoryAttributionIndex,
    Origin,
    Sighting,
    expired,
    live,
    merge_sighting,
    merge_sightings,
)
from .batch import Batch, BatchIndex
from .config import DetectorConfig, DriftConfig, LedgerConfig, PassageConfig, PiiConfig
from .dead_letters import DeadLetterFactory
from .drift import DriftScorer, DriftStats, TopicProfile
from .encoder import EncoderUnavailable, OnnxMiniLM, SentenceEncoder
from .extract import Extraction, Extractor
from .hashing import KeyedHasher
from .journal import FlaggedFinding, FlaggedOutput, Journal
from .judge import EncoderStats, Judge, Judgement
from .language import LanguageIdentifier
from .ledger import SessionState
from .pii import PiiEngine, PiiSpan
from .pipeline import SWEEP_LATENESS, DetectionPipeline, Provisional
from .policy import Policy
from .semantic import StaticEmbedder
from .stores import InMemorySessionStore, SessionStore, session_key

__all__ = [
    "SWEEP_LATENESS",
    "AttributionIndex",
    "Batch",
    "BatchIndex",
    "DeadLetterFactory",
    "DetectionPipeline",
    "DetectorConfig",
    "DriftConfig",
    "DriftScorer",
    "DriftStats",
    "EncoderStats",
    "EncoderUnavailable",
    "Extraction",
    "Extractor",
    "FlaggedFinding",
    "FlaggedOutput",
    "InMemoryAttributionIndex",
    "InMemorySessionStore",
    "Journal",
    "Judge",
    "Judgement",
    "KeyedHasher",
    "LanguageIdentifier",
    "LedgerConfig",
    "OnnxMiniLM",
    "Origin",
    "PassageConfig",
    "PiiConfig",
    "PiiEngine",
    "PiiSpan",
    "Policy",
    "Provisional",
    "SentenceEncoder",
    "SessionState",
    "SessionStore",
    "Sighting",
    "StaticEmbedder",
    "TopicProfile",
    "expired",
    "live",
    "merge_sighting",
    "merge_sightings",
    "session_key",
]
