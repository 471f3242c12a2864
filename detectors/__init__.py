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
from .drift import DriftScorer, DriftStats
from .extract import Extraction, Extractor
from .hashing import KeyedHasher
from .journal import FlaggedFinding, FlaggedOutput, Journal
from .judge import Judge, Judgement
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
    "LedgerConfig",
    "Origin",
    "PassageConfig",
    "PiiConfig",
    "PiiEngine",
    "PiiSpan",
    "Policy",
    "Provisional",
    "SessionState",
    "SessionStore",
    "Sighting",
    "StaticEmbedder",
    "expired",
    "live",
    "merge_sighting",
    "merge_sightings",
    "session_key",
]
