"""The detection pipeline: one event in, at most one verdict out.

The stream agents, the offline ``scan`` and ``replay`` all drive this class, so a verdict
never depends on which path produced it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version

from bleedwatch.models import Action, Event, EventKind, Finding, Verdict

from .attribution import AttributionIndex, InMemoryAttributionIndex, Origin
from .config import DetectorConfig
from .drift import InMemoryTenantProfiles, TenantProfiles
from .extract import Extraction, Extractor
from .hashing import KeyedHasher
from .judge import Judge, Judgement
from .ledger import SessionState
from .pii import PiiEngine
from .policy import Policy
from .stores import InMemorySessionStore, SessionStore, session_key


def _package_version() -> str:
    try:
        return version("bleedwatch")
    except PackageNotFoundError:
        return "0+unknown"


class DetectionPipeline:
    """Framework-free detection over a stream of session events, in arrival order."""

    def __init__(
        self,
        config: DetectorConfig | None = None,
        *,
        pii: PiiEngine | None = None,
        sessions: SessionStore | None = None,
        index: AttributionIndex | None = None,
        profiles: TenantProfiles | None = None,
        policy: Policy | None = None,
    ) -> None:
        self.config = config or DetectorConfig()
        cfg = self.config
        self.hasher = KeyedHasher(cfg.hmac_secret.get_secret_value())
        self.pii = pii or PiiEngine(cfg.pii)
        self.extractor = Extractor(cfg, self.pii, self.hasher)
        self.judge = Judge(cfg)
        self.sessions: SessionStore = sessions if sessions is not None else InMemorySessionStore()
        self.index: AttributionIndex = index if index is not None else InMemoryAttributionIndex()
        self.profiles: TenantProfiles = (
            profiles
            if profiles is not None
            else InMemoryTenantProfiles(cfg.drift.tenant_min_sessions, cfg.drift.tenant_terms)
        )
        self.policy = policy or Policy.from_file(cfg.policy_file)
        config_hash = hashlib.sha256(cfg.model_dump_json(exclude={"hmac_secret"}).encode()).hexdigest()[:8]
        self.version = (
            f"bleedwatch-{_package_version()}+{self.pii.model_version}"
            f"+policy-{self.policy.version}+config-{config_hash}"
        )

    # -- public API ----------------------------------------------------------------------
    def process(self, event: Event) -> Verdict | None:
        return self.process_batch([event])[0]

    def process_batch(self, events: Sequence[Event]) -> list[Verdict | None]:
        """Process in order; NER for the batch's outputs runs in one ``nlp.pipe`` call."""
        return [self.apply(ex) for ex in self.extractor.extract_batch(events)]

    def verdicts(self, events: Iterable[Event], batch_size: int = 64) -> Iterable[Verdict]:
        batch: list[Event] = []
        for event in events:
            batch.append(event)
            if len(batch) >= batch_size:
                yield from (v for v in self.process_batch(batch) if v is not None)
                batch = []
        if batch:
            yield from (v for v in self.process_batch(batch) if v is not None)

    # -- the stateful half, shared with the stream layer ------------------------------------
    def state_for(self, event: Event) -> SessionState:
        state = self.sessions.get(session_key(event.tenant_id, event.session_id))
        return state if state is not None else SessionState.empty(self.config.ledger)

    def save_state(self, event: Event, state: SessionState) -> None:
        state.last_seen = max(state.last_seen, event.timestamp.timestamp())
        self.sessions.put(session_key(event.tenant_id, event.session_id), state)

    def apply(self, ex: Extraction) -> Verdict | None:
        event = ex.event
        state = self.state_for(event)
        if event.kind is not EventKind.MODEL_OUTPUT:
            self.learn(ex, state)
            self.save_state(event, state)
            return None
        sightings = self.index.lookup(self.judge.lookup_keys(ex, state))
        tenant_terms = self.profiles.known(event.tenant_id, ex.term_weights)
        judgement = self.judge.judge(ex, state, sightings, tenant_terms)
        verdict = self.decide(ex, judgement)
        if verdict.action is Action.ALLOW:
            # Only an allowed output becomes provenance; a flagged leak stays a leak if repeated.
            self.learn(ex, state)
            state.drift.add(judgement.drift.score)
        self.save_state(event, state)
        return verdict

    def learn(self, ex: Extraction, state: SessionState) -> None:
        event = ex.event
        state.learn(ex.provenance_keys())
        origin = Origin(event.tenant_id, event.session_id, event.event_id, event.kind)
        self.index.record(ex.indexed_keys(), origin)
        self.profiles.observe(event.tenant_id, event.session_id, ex.term_weights)

    def decide(self, ex: Extraction, judgement: Judgement) -> Verdict:
        event = ex.event
        findings: list[Finding] = [
            f.model_copy(update={"action": self.policy.action_for(event.tenant_id, f.type, f.entity_type)})
            for f in judgement.findings
        ]
        return Verdict(
            event_id=event.event_id,
            tenant_id=event.tenant_id,
            session_id=event.session_id,
            action=self.policy.decide(event.tenant_id, findings),
            findings=findings,
            drift_score=judgement.drift.score,
            detector_version=self.version,
        )
