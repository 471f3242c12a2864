"""Stateful judgement of one model output against its session's provenance.

Pure functions of (extraction, session state, sightings, tenant vocabulary): no I/O, no
stores. The pipeline, the stream agents and replay all call this one code path.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bleedwatch.models import Finding, FindingType

from .attribution import Origin, Sighting
from .config import DetectorConfig
from .drift import DriftResult, DriftScorer
from .encoder import SentenceEncoder
from .extract import Extraction, PiiItem
from .journal import KEYS_PER_FINDING, FlaggedFinding
from .ledger import LedgerView
from .masking import mask_passage

# PII seen in this many sessions of a tenant is the tenant's own (a hotline, a shared inbox).
PII_COMMON_SESSIONS = 3


@dataclass(frozen=True, slots=True)
class Judgement:
    findings: list[FlaggedFinding]  # actions not yet applied; keys that would explain each
    drift: DriftResult


def _is_foreign(sighting: Sighting, tenant_id: str, session_id: str, common: int, public: int) -> bool:
    """Seen elsewhere, and neither by this session, nor commonly in this tenant, nor publicly."""
    if sighting.tenant_count >= public:
        return False
    return not sighting.seen_by(tenant_id, session_id) and sighting.sessions_in(tenant_id) < common


@dataclass(slots=True)
class EncoderStats:
    """What the encoder cost on the stateful side: candidates, texts encoded, seconds."""

    outputs: int = 0  # outputs judged for drift
    candidates: int = 0
    texts: int = 0
    seconds: float = 0.0
    decisions: dict[str, int] = field(default_factory=dict)  # "vetoed", "confirmed", ...

    @property
    def ms_per_candidate(self) -> float:
        return 1000 * self.seconds / self.candidates if self.candidates else 0.0

    @property
    def candidate_share(self) -> float:
        return self.candidates / self.outputs if self.outputs else 0.0


class Judge:
    """``encoder``: a :class:`~.encoder.SentenceEncoder`, or a callable that returns one (it is
    then loaded on the first candidate, so a process that never sees one never loads it)."""

    def __init__(
        self,
        config: DetectorConfig,
        encoder: SentenceEncoder | Callable[[], SentenceEncoder] | None = None,
    ) -> None:
        self.config = config
        self.drift = DriftScorer(config.drift)
        self._encoder = encoder
        self.stats = EncoderStats()

    @property
    def encoder(self) -> SentenceEncoder | None:
        if self._encoder is not None and not isinstance(self._encoder, SentenceEncoder):
            self._encoder = self._encoder()
        return self._encoder

    # -- what to ask the attribution index -------------------------------------------
    def unexplained_pii(self, ex: Extraction, state: LedgerView) -> list[PiiItem]:
        out = []
        for item in ex.pii:
            if state.knows(item.key):
                continue
            if item.token_keys and all(state.knows(k) for k in item.token_keys):
                continue  # every word or digit group is known to the session: "Ms. Okafor"
            out.append(item)
        return out

    def unexplained_shingles(self, ex: Extraction, state: LedgerView) -> list[int]:
        return [i for i, key in enumerate(ex.shingle_keys) if not state.knows(key)]

    def lookup_keys(self, ex: Extraction, state: LedgerView) -> list[int]:
        keys = [p.key for p in self.unexplained_pii(ex, state)]
        keys.extend(ex.shingle_keys[i] for i in self.unexplained_shingles(ex, state))
        return keys

    # -- the judgement -----------------------------------------------------------------
    def judge(
        self,
        ex: Extraction,
        state: LedgerView,
        sightings: Mapping[int, Sighting],
        tenant_terms: set[int],
    ) -> Judgement:
        findings = self._pii_findings(ex, state, sightings)
        foreign_pii = [
            x.finding.start
            for x in findings
            if x.finding.type in (FindingType.CROSS_SESSION_PII, FindingType.CROSS_TENANT_PII)
        ]
        findings.extend(self._passage_findings(ex, state, sightings, foreign_pii))
        drift = self._drift(ex, state, tenant_terms)
        if drift.flagged:
            finding = Finding(
                type=FindingType.TOPIC_DRIFT,
                start=0,
                end=len(ex.event.content),
                score=drift.reported,
                masked=mask_passage(ex.event.content),
                fingerprint=ex.shingle_fps[0] if ex.shingle_fps else "",
            )
            findings.append(FlaggedFinding(finding, ()))  # drift is never retracted
        findings.sort(key=lambda x: (x.finding.start, x.finding.end, x.finding.type.value))
        return Judgement(findings, drift)

    def _drift(self, ex: Extraction, state: LedgerView, tenant_terms: set[int]) -> DriftResult:
        """Lexical drift over the output and its windows; the encoder decides candidates when
        the session has an encoded profile and the output is in a language it reads, else
        the static topic vector may veto a lexical flag."""
        scorer, cfg = self.drift, self.config.drift
        drift = scorer.score(
            ex.term_weights, lambda k: k in tenant_terms or state.knows(k), state.drift, ex.window_terms
        )
        self.stats.outputs += 1
        if (
            scorer.is_candidate(drift)
            and len(state.profile)
            and ex.language in cfg.encoder_languages
            and self.encoder is not None
        ):
            parts = ex.semantic_parts()
            if not parts:  # all code: nothing a sentence encoder reads well
                return scorer.confirm(drift, ex.topic, state.topic)
            started = time.perf_counter()
            vectors = self.encoder.encode(parts)
            similarities = state.profile.similarity(vectors)
            self.stats.seconds += time.perf_counter() - started
            self.stats.candidates += 1
            self.stats.texts += len(parts)
            decided = scorer.decide(drift, similarities, vectors[0])
            outcome = (
                ("kept" if decided.flagged else "vetoed")
                if drift.flagged
                else ("confirmed" if decided.flagged else "cleared")
            )
            self.stats.decisions[outcome] = self.stats.decisions.get(outcome, 0) + 1
            return decided
        return scorer.confirm(drift, ex.topic, state.topic)

    def _pii_findings(
        self, ex: Extraction, state: LedgerView, sightings: Mapping[int, Sighting]
    ) -> list[FlaggedFinding]:
        event = ex.event
        findings = []
        for item in self.unexplained_pii(ex, state):
            sighting = sightings.get(item.key)
            source = None
            if sighting is None:
                if item.candidate:
                    continue  # a capitalised phrase nobody saw is no evidence of anything
                if item.attributed_only:
                    continue  # a documentation value or weak secret no session supplied: nobody's data
                kind = FindingType.PII_WITHOUT_PROVENANCE
            elif not _is_foreign(
                sighting,
                event.tenant_id,
                event.session_id,
                self.config.passage.common_sessions if item.candidate else PII_COMMON_SESSIONS,
                self.config.passage.public_tenants,
            ):
                continue
            else:
                source = sighting.first.ref()
                kind = (
                    FindingType.CROSS_TENANT_PII
                    if sighting.first.tenant_id != event.tenant_id
                    else FindingType.CROSS_SESSION_PII
                )
            finding = Finding(
                type=kind,
                entity_type=item.entity_type,
                start=item.start,
                end=item.end,
                score=item.score,
                masked=item.masked,
                fingerprint=item.fingerprint,
                source=source,
            )
            findings.append(FlaggedFinding(finding, (item.key,), item.token_keys))
        return findings

    def _passage_findings(
        self,
        ex: Extraction,
        state: LedgerView,
        sightings: Mapping[int, Sighting],
        foreign_pii: list[int],
    ) -> list[FlaggedFinding]:
        cfg = self.config.passage
        event = ex.event
        matched: dict[int, Origin] = {}
        for i in self.unexplained_shingles(ex, state):
            sighting = sightings.get(ex.shingle_keys[i])
            if sighting is not None and _is_foreign(
                sighting,
                event.tenant_id,
                event.session_id,
                cfg.common_sessions,
                cfg.public_tenants,
            ):
                matched[i] = sighting.first
        findings = []
        for run in _runs(sorted(matched), gap=cfg.winnow_window):
            first_token, last_token = run[0], run[-1] + cfg.shingle_tokens - 1
            n_tokens = last_token - first_token + 1
            # The session most of the run came from; ties go to the earliest in the output.
            origin = Counter(matched[i] for i in run).most_common(1)[0][0]
            text_sourced = any(matched[i].kind.is_evidence for i in run)
            coverage = n_tokens / max(len(ex.tokens), 1)
            if n_tokens < cfg.min_run_tokens:
                continue
            start = ex.tokens[first_token].start
            end = ex.tokens[last_token].end
            if not text_sourced:
                # Another session's *answer*: a swap only if it is most of this output and carries
                # another session's personal data. The same generic answer (or the same quote of
                # a public figure) given to two sessions is not a leak.
                if coverage < cfg.swapped_min_coverage:
                    continue
                if not any(start <= position < end for position in foreign_pii):
                    continue
            run_keys = ex.shingle_keys[run[0] : run[-1] + 1]
            step = max(1, len(run_keys) // KEYS_PER_FINDING)
            finding = Finding(
                type=FindingType.FOREIGN_PASSAGE,
                start=start,
                end=end,
                score=round(min(1.0, 0.5 + 0.5 * len(run) * cfg.winnow_window / n_tokens), 4),
                masked=mask_passage(event.content[start:end]),
                fingerprint=ex.shingle_fps[run[0]],
                source=origin.ref(),
            )
            findings.append(FlaggedFinding(finding, tuple(run_keys[::step][:KEYS_PER_FINDING])))
        return findings


def _runs(positions: list[int], gap: int) -> list[list[int]]:
    """Group sorted shingle positions whose neighbours are at most ``gap`` apart."""
    runs: list[list[int]] = []
    for pos in positions:
        if runs and pos - runs[-1][-1] <= gap:
            runs[-1].append(pos)
        else:
            runs.append([pos])
    return runs
