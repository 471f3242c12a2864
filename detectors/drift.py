"""Per-session topic drift: how much of an output's vocabulary the session never talked about.

The score is the rarity-weighted share of an output's content terms that are explained
neither by the session's own evidence (its ledger) nor by what the tenant's sessions are
usually about (the tenant profile). Rare words weigh most, so "bricks" and "temple" in a
coding session count; "want" and "kind" do not.

The flagging threshold adapts per session: the mean plus ``z`` standard deviations of the
session's own past scores, clamped to [floor, ceiling]. Before a session has history the
threshold is the ceiling, and the tenant profile stands in for the session's thin vocabulary.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from .config import DriftConfig


@dataclass(slots=True)
class DriftStats:
    """Welford running mean and variance of a session's drift scores (fixed size)."""

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add(self, score: float) -> None:
        self.count += 1
        delta = score - self.mean
        self.mean += delta / self.count
        self.m2 += delta * (score - self.mean)

    @property
    def std(self) -> float:
        return math.sqrt(self.m2 / (self.count - 1)) if self.count > 1 else 0.0


class TenantProfiles(Protocol):
    """What each tenant's sessions are usually about, as hashed terms."""

    def known(self, tenant_id: str, term_keys: Iterable[int]) -> set[int]:
        """The subset of ``term_keys`` that are common vocabulary of ``tenant_id``."""
        ...

    def observe(self, tenant_id: str, session_id: str, term_keys: Iterable[int]) -> None: ...


class InMemoryTenantProfiles:
    """Per tenant, a bounded LRU of term -> the first few sessions that used it."""

    def __init__(self, min_sessions: int = 2, max_terms: int = 20000) -> None:
        self._min = min_sessions
        self._max = max_terms
        self._terms: dict[str, OrderedDict[int, tuple[str, ...]]] = {}

    def known(self, tenant_id: str, term_keys: Iterable[int]) -> set[int]:
        terms = self._terms.get(tenant_id)
        if not terms:
            return set()
        return {k for k in term_keys if len(terms.get(k, ())) >= self._min}

    def observe(self, tenant_id: str, session_id: str, term_keys: Iterable[int]) -> None:
        terms = self._terms.setdefault(tenant_id, OrderedDict())
        for key in term_keys:
            sessions = terms.get(key, ())
            if session_id not in sessions and len(sessions) < self._min:
                terms[key] = (*sessions, session_id)
            elif key not in terms:
                continue
            terms.move_to_end(key)
        while len(terms) > self._max:
            terms.popitem(last=False)


@dataclass(frozen=True, slots=True)
class DriftResult:
    score: float
    threshold: float
    weight: float
    flagged: bool


class DriftScorer:
    def __init__(self, config: DriftConfig) -> None:
        self.config = config

    def threshold(self, stats: DriftStats) -> float:
        cfg = self.config
        if stats.count < cfg.min_history:
            return cfg.ceiling
        return min(cfg.ceiling, max(cfg.floor, stats.mean + cfg.z * stats.std))

    def score(
        self,
        weighted_terms: dict[int, float],
        explained: Callable[[int], bool],
        stats: DriftStats,
    ) -> DriftResult:
        total = sum(weighted_terms.values())
        if total <= 0.0:
            return DriftResult(0.0, self.threshold(stats), 0.0, False)
        unexplained = sum(w for k, w in weighted_terms.items() if not explained(k))
        score = round(unexplained / total, 4)
        threshold = self.threshold(stats)
        flagged = self.config.enabled and total >= self.config.min_output_weight and score > threshold
        return DriftResult(score, threshold, total, flagged)
