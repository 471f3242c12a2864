"""The detection pipeline: events in arrival order in, verdicts out.

The stream agents, the offline ``scan`` and ``replay`` all drive this class, so a verdict
never depends on which path produced it. Each model output gets exactly one verdict (a
redelivered ``event_id`` gets none); evidence that arrives late and explains a flagged
output yields a follow-up verdict that retracts what it explains.

Expiry is part of detection, in event time, applied when state is read: a session idle for
longer than ``session_ttl_seconds`` at an event's time reads as empty, and a fingerprint no
new session saw for ``index_ttl_seconds`` before an output's time is not attributed. Sweeps
(:meth:`DetectionPipeline.sweep`, the stream's tick and index agents) only reclaim space.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from bleedwatch.models import Action, Event, EventKind, Finding, Verdict

from .attribution import AttributionIndex, InMemoryAttributionIndex, Origin, Sighting, live
from .batch import Batch, BatchIndex
from .config import DetectorConfig
from .encoder import SentenceEncoder, packaged_encoder
from .extract import Extraction, Extractor
from .hashing import KeyedHasher
from .journal import FlaggedFinding, FlaggedOutput
from .judge import Judge, Judgement
from .ledger import LedgerView, SessionState
from .pii import PiiEngine
from .policy import Policy
from .stores import InMemorySessionStore, SessionStore, session_key

# Sweeps leave what an event this share of a TTL late (in event time) could still read.
SWEEP_LATENESS = 0.1


@dataclass(slots=True)
class Provisional:
    """An output judged while the index may have been incomplete (a lookup passed its
    maximum wait): its extraction, its session's state before it was judged, and the latest
    verdict it got, kept in memory until :meth:`DetectionPipeline.rejudge` can run."""

    ex: Extraction
    state: SessionState
    verdict: Verdict


def _flagged(event: Event, verdict: Verdict, judgement: Judgement, revision: int = 0) -> FlaggedOutput:
    """A flagged output's journal entry: its findings with the keys that would explain each."""
    return FlaggedOutput(
        event_id=event.event_id,
        timestamp=event.timestamp.timestamp(),
        revision=revision,
        drift_score=verdict.drift_score,
        findings=[
            FlaggedFinding(f, x.keys, x.alt_keys)
            for f, x in zip(verdict.findings, judgement.findings, strict=True)
        ],
    )


def _without_own(sighting: Sighting, event: Event) -> Sighting | None:
    """``sighting`` without what ``event`` (an output) recorded itself: its session's first
    sighting at the output's own time."""
    if sighting.first.event_id == event.event_id:
        return None  # the output was its first sighting: nobody saw it before
    tenant, session, when = event.tenant_id, event.session_id, event.timestamp.timestamp()
    seen = sighting.sessions.get(tenant, ())
    kept = tuple(x for x in seen if not (x[0] == session and x[1] >= when))
    if len(kept) == len(seen):
        return sighting
    sessions = dict(sighting.sessions)
    if kept:
        sessions[tenant] = kept
    else:
        sessions.pop(tenant, None)
    return Sighting(sighting.first, sessions, sighting.last) if sessions else None


def _package_version() -> str:
    try:
        return version("bleedwatch")
    except PackageNotFoundError:
        return "0+unknown"


class DetectionPipeline:
    """Framework-free detection over a stream of session events."""

    def __init__(
        self,
        config: DetectorConfig | None = None,
        *,
        pii: PiiEngine | None = None,
        sessions: SessionStore | None = None,
        index: AttributionIndex | None = None,
        policy: Policy | None = None,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        """``encoder``: the sentence encoder drift uses (the packaged all-MiniLM-L6-v2 when
        ``drift.encoder`` is on and none is given); tests pass a fake."""
        self.config = config or DetectorConfig()
        cfg = self.config
        self.hasher = KeyedHasher(cfg.hmac_secret.get_secret_value())
        self.pii = pii or PiiEngine(cfg.pii)
        use_encoder = cfg.drift.enabled and cfg.drift.semantic and cfg.drift.encoder
        self.extractor = Extractor.for_config(cfg, self.pii, encoder if use_encoder else None)
        # The stateful side encodes candidates only: a stream worker whose extraction runs in a
        # child process loads the model in its own process on the first candidate.
        tokens, threads = cfg.drift.encoder_max_tokens, cfg.drift.encoder_threads
        lazy = encoder or (lambda: packaged_encoder(tokens, threads))
        self.judge = Judge(cfg, lazy if use_encoder else None)
        self.sessions: SessionStore = sessions if sessions is not None else InMemorySessionStore()
        self.index: AttributionIndex = (
            index
            if index is not None
            else InMemoryAttributionIndex(last_step=cfg.index_last_step, ttl=cfg.index_ttl_seconds)
        )
        self.policy = policy or Policy.from_file(cfg.policy_file)
        # A cache's size changes no verdict, so it is not part of the detector's version.
        settings = cfg.model_dump_json(exclude={"hmac_secret", "extraction_cache_entries"})
        config_hash = hashlib.sha256(settings.encode()).hexdigest()[:8]
        self.version = (
            f"bleedwatch-{_package_version()}+{self.pii.model_version}"
            f"+policy-{self.policy.version}+config-{config_hash}"
        )

    # -- public API ----------------------------------------------------------------------
    def process(self, event: Event) -> list[Verdict]:
        return self.process_batch([event])[0]

    def process_batch(self, events: Sequence[Event]) -> list[list[Verdict]]:
        """Verdicts per event, in order: the batch algorithm of :mod:`.batch` against the
        in-process index (NER for the batch's outputs runs in one ``nlp.pipe``)."""
        batch = Batch(self, self.extractor.extract_batch(events))
        needed = batch.names_needed()
        todo = [ex for i in needed if isinstance(ex := batch.extracted[i], Extraction)]
        batch.set_names(needed, self.extractor.with_names(todo))
        cfg = self.config
        index = BatchIndex(self.index.lookup(batch.lookup_keys()), cfg.index_last_step, cfg.index_ttl_seconds)
        results = batch.apply(index)
        for keys, origin in index.take_records():
            self.index.record(keys, origin)
        out: list[list[Verdict]] = []
        for _, result in results:
            if isinstance(result, Exception):
                raise result
            out.append(result)
        return out

    def names_needed(self, batch: Sequence[Extraction | Exception]) -> list[int]:
        """Positions of the batch's outputs that need NER: a capitalised uncommon word in them
        that none of the session's evidence up to that output contained.

        Evidence is always learned, in event order, so what it contains at an output's turn
        does not depend on how a path cut the stream into batches: the decision is the same
        in the stream, ``scan`` and ``replay``. A session idle past its TTL before an event
        reads as new from that event on, as :meth:`state_for` reads it when the batch is
        applied.
        """
        ttl = self.config.session_ttl_seconds
        # per session: its stored state while still in use, its last event time, and the
        # evidence the batch taught it since (both as applying the batch will leave them)
        seen: dict[tuple[str, str], tuple[SessionState | None, float | None, set[int]]] = {}
        needed = []
        for i, ex in enumerate(batch):
            if not isinstance(ex, Extraction):
                continue
            event = ex.event
            when = event.timestamp.timestamp()
            session = (event.tenant_id, event.session_id)
            if session not in seen:
                stored = self.sessions.get(session_key(*session))
                seen[session] = (stored, stored.last_seen if stored is not None else None, set())
            state, last_seen, batch_evidence = seen[session]
            if last_seen is not None and last_seen < when - ttl:  # idle past its TTL: reads as new
                state, batch_evidence = None, set()
            seen[session] = (state, when if last_seen is None else max(last_seen, when), batch_evidence)
            if not ex.name_keys:
                continue
            if event.kind is not EventKind.MODEL_OUTPUT:
                batch_evidence.update(ex.name_keys)
            elif ex.needs_names:
                unknown = [k for k in ex.name_keys if k not in batch_evidence]
                if unknown and (state is None or not all(state.knows(k) for k in unknown)):
                    needed.append(i)
        return needed

    def verdicts(self, events: Iterable[Event], batch_size: int = 64) -> Iterable[Verdict]:
        batch: list[Event] = []
        for event in events:
            batch.append(event)
            if len(batch) >= batch_size:
                for verdicts in self.process_batch(batch):
                    yield from verdicts
                batch = []
        if batch:
            for verdicts in self.process_batch(batch):
                yield from verdicts

    def remote_lookup_keys(self, ex: Extraction) -> list[int]:
        """Every index key judging ``ex`` may read: lets a remote index be asked once, up front."""
        if ex.event.kind is not EventKind.MODEL_OUTPUT:
            return []
        return [*ex.pii_keys, *ex.shingle_keys, *self._tenant_term_keys(ex)]

    # -- the stateful half ---------------------------------------------------------------
    def state_for(self, event: Event) -> SessionState:
        """The session's state at the event's time: empty if it was idle for longer than
        ``session_ttl_seconds`` (a stored row may still exist; the next save replaces it)."""
        state = self.sessions.get(session_key(event.tenant_id, event.session_id))
        if state is None or state.last_seen < event.timestamp.timestamp() - self.config.session_ttl_seconds:
            return SessionState.empty(self.config.ledger)
        return state

    def save_state(self, event: Event, state: SessionState) -> None:
        state.last_seen = max(state.last_seen, event.timestamp.timestamp())
        self.sessions.put(session_key(event.tenant_id, event.session_id), state)

    def apply(self, ex: Extraction, index: AttributionIndex | None = None) -> list[Verdict]:
        """Judge or learn one extracted event. ``index`` overrides the pipeline's index for
        this call (the stream layer passes the sightings it fetched for a batch)."""
        event = ex.event
        index = index if index is not None else self.index
        state = self.state_for(event)
        if event.kind is not EventKind.MODEL_OUTPUT:
            learned = self.hasher.key64("learned", event.event_id)
            if learned in state.journal.learned:
                return []  # redelivered evidence: learnt once (the topic vector is a sum)
            state.journal.learned.append(learned)
            self.learn(ex, state, index)
            followups = self._retract(event, state)
            self.save_state(event, state)
            return followups
        marker = self.hasher.key64("judged", event.event_id)
        if marker in state.journal.judged:
            return []  # already judged: a redelivery gets no second verdict
        # an index that may be incomplete (the stream's lookup passed its maximum wait) keeps
        # what judging read, so the output can be judged again once the index is complete
        keep = getattr(index, "keep_provisional", None)
        before = SessionState.from_bytes(state.to_bytes()) if keep is not None else None
        judgement, verdict = self._judge_output(ex, state, index)
        state.journal.judged.append(marker)
        if verdict.action is Action.ALLOW:
            # Only an allowed output becomes provenance; a flagged leak stays a leak if repeated.
            self.learn(ex, state, index)
            state.drift.add(judgement.drift.score)
            if judgement.drift.vector is not None:  # an allowed candidate widens the profile
                state.profile.add(judgement.drift.vector, self.config.drift.profile_size)
        else:
            state.journal.flagged.append(_flagged(event, verdict, judgement))
        self.save_state(event, state)
        if keep is not None and before is not None:  # last: only an output judged and saved
            keep(Provisional(ex, before, verdict))
        return [verdict]

    def rejudge_keys(self, provisional: Provisional) -> list[int]:
        """The index keys judging a provisional output again reads."""
        ex = provisional.ex
        return self._output_keys(
            ex, LedgerView(provisional.state, ex.probe_keys()), self._tenant_term_keys(ex)
        )

    def rejudge(self, provisional: Provisional, index: AttributionIndex) -> Verdict | None:
        """Judge a provisional output again against ``index`` (now complete as of its time),
        with the session as it was then; returns the follow-up if the verdict changed.

        Findings late evidence has retracted since stay retracted, and an output whose journal
        entry is gone (all of it retracted, or evicted) is not judged again. A flagged output's
        follow-up replaces its journal entry, so later evidence retracts from what it says now.
        What the first verdict changed stays: an output first allowed was learnt as the
        session's own content, so it gets no journal entry (its own keys would explain it to
        any later evidence), and later outputs were judged with it learnt.
        """
        ex, event = provisional.ex, provisional.ex.event
        # the index now holds what the output itself recorded (if it was allowed): judging
        # read the index before that
        judgement, fresh = self._judge_output(ex, provisional.state, index, without_own=True)
        old = provisional.verdict
        state = self.state_for(event)
        entry = next((f for f in state.journal.flagged if f.event_id == event.event_id), None)
        first_allowed = old.action is Action.ALLOW
        if not first_allowed and entry is None:
            return None  # late evidence retracted all of it (or the entry was evicted)
        if entry is not None:  # what late evidence retracted since stays retracted
            current = {f.finding.fingerprint for f in entry.findings}
            gone = {f.fingerprint for f in old.findings} - current
            if gone:
                pairs = [
                    (f, x)
                    for f, x in zip(fresh.findings, judgement.findings, strict=True)
                    if f.fingerprint not in gone
                ]
                findings = [f for f, _ in pairs]
                judgement = Judgement([x for _, x in pairs], judgement.drift)
                fresh = fresh.model_copy(
                    update={"findings": findings, "action": self.policy.decide(event.tenant_id, findings)}
                )
        same = {"revision", "retracted"}
        if fresh.model_dump(exclude=same) == old.model_dump(exclude=same):
            return None
        revision = max(old.revision, entry.revision if entry is not None else 0) + 1
        kept = {f.fingerprint for f in fresh.findings}
        followup = fresh.model_copy(
            update={
                "revision": revision,
                "retracted": [f.fingerprint for f in old.findings if f.fingerprint not in kept],
            }
        )
        if entry is not None:
            state.journal.flagged.remove(entry)
        if fresh.action is not Action.ALLOW and not first_allowed:
            state.journal.flagged.append(_flagged(event, fresh, judgement, revision))
        self.save_state(event, state)
        provisional.verdict = followup
        return followup

    def _output_keys(self, ex: Extraction, view: LedgerView, tenant_terms: dict[int, int]) -> list[int]:
        return [*self.judge.lookup_keys(ex, view), *tenant_terms]

    def _judge_output(
        self, ex: Extraction, state: SessionState, index: AttributionIndex, without_own: bool = False
    ) -> tuple[Judgement, Verdict]:
        """Judge an output against ``state`` and ``index`` (``without_own``: leaving out what
        the output recorded itself); the state is only read."""
        event = ex.event
        tenant_terms = self._tenant_term_keys(ex)
        view = LedgerView(state, ex.probe_keys())
        sightings = self.lookup(index, self._output_keys(ex, view, tenant_terms), event)
        if without_own:
            sightings = {k: s for k, v in sightings.items() if (s := _without_own(v, event)) is not None}
        known_terms = self._known_terms(event.tenant_id, tenant_terms, sightings)
        judgement = self.judge.judge(ex, view, sightings, known_terms)
        return judgement, self._decide(ex, judgement)

    def lookup(self, index: AttributionIndex, keys: list[int], event: Event) -> dict[int, Sighting]:
        """Sightings of ``keys`` as of the event's time that some new session saw within
        ``index_ttl_seconds`` before it, whichever index answers."""
        cfg, when = self.config, event.timestamp.timestamp()
        found = index.lookup(keys, as_of=when)
        return {k: s for k, s in found.items() if live(s, when, cfg.index_ttl_seconds, cfg.index_last_step)}

    def sweep(self, now: float, lateness: float = SWEEP_LATENESS) -> tuple[int, int]:
        """Drop idle sessions and expired fingerprints from the pipeline's own stores;
        returns how many of each.

        What goes is what reads already ignore from event time ``now - lateness * ttl`` on
        (``lateness`` a share of each TTL), so a sweep changes no verdict while no event
        processed later is older than that. The index is swept if it can be (the stream
        sweeps its tables in its own agents).
        """
        cfg = self.config
        sessions = self.sessions.expire(now - cfg.session_ttl_seconds * (1 + lateness))
        expire = getattr(self.index, "expire", None)
        fingerprints = int(expire(now - cfg.index_ttl_seconds * (1 + lateness))) if callable(expire) else 0
        return sessions, fingerprints

    def learn(self, ex: Extraction, state: SessionState, index: AttributionIndex) -> None:
        event = ex.event
        # What the session already knew it has already told the index: record only what is new.
        known = state.learn(ex.provenance_keys())
        state.add_topic(ex.topic)
        if ex.profile_vector is not None:
            state.profile.add(ex.profile_vector, self.config.drift.profile_size)
        origin = Origin(
            event.tenant_id, event.session_id, event.event_id, event.kind, event.timestamp.timestamp()
        )
        keys = [k for k in ex.indexed_keys() if k not in known]
        if event.kind is not EventKind.TOOL_TRACE:  # tool output is data, not what a tenant talks about
            keys.extend(t for t, term in self._tenant_term_keys(ex).items() if term not in known)
        index.record(keys, origin)

    # -- internals -------------------------------------------------------------------------
    def _tenant_term_keys(self, ex: Extraction) -> dict[int, int]:
        """Tenant-scoped key of each content term -> the session-scoped term key."""
        tenant = ex.event.tenant_id
        key = self.hasher.key64
        return {key("tterm", f"{tenant}\x1f{term}"): term for term in ex.term_weights}

    def _known_terms(
        self, tenant_id: str, tenant_terms: dict[int, int], sightings: dict[int, Sighting]
    ) -> set[int]:
        needed = self.config.drift.tenant_min_sessions
        return {
            term
            for key, term in tenant_terms.items()
            if (s := sightings.get(key)) is not None and s.sessions_in(tenant_id) >= needed
        }

    def _retract(self, event: Event, state: SessionState) -> list[Verdict]:
        """Follow-ups for flagged outputs that this (late) evidence now explains."""
        followups = []
        when = event.timestamp.timestamp()
        for flagged in list(state.journal.flagged):
            if flagged.timestamp < when:
                continue  # evidence from after the output cannot have been its source
            explained = [f for f in flagged.findings if f.explained_by(state.knows)]
            if not explained:
                continue
            flagged.findings = [f for f in flagged.findings if f not in explained]
            flagged.revision += 1
            remaining = [f.finding for f in flagged.findings]
            followups.append(
                Verdict(
                    event_id=flagged.event_id,
                    tenant_id=event.tenant_id,
                    session_id=event.session_id,
                    action=self.policy.decide(event.tenant_id, remaining),
                    findings=remaining,
                    drift_score=flagged.drift_score,
                    detector_version=self.version,
                    revision=flagged.revision,
                    retracted=[f.finding.fingerprint for f in explained],
                )
            )
            if all(f.finding.action is Action.ALLOW for f in flagged.findings):
                state.journal.flagged.remove(flagged)
        return followups

    def _decide(self, ex: Extraction, judgement: Judgement) -> Verdict:
        event = ex.event
        findings: list[Finding] = [
            x.finding.model_copy(
                update={
                    "action": self.policy.action_for(event.tenant_id, x.finding.type, x.finding.entity_type)
                }
            )
            for x in judgement.findings
        ]
        return Verdict(
            event_id=event.event_id,
            tenant_id=event.tenant_id,
            session_id=event.session_id,
            action=self.policy.decide(event.tenant_id, findings),
            findings=findings,
            drift_score=judgement.drift.score,  # the whole output's (a window's is in the finding)
            topic_similarity=judgement.drift.similarity,
            detector_version=self.version,
        )
