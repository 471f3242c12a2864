"""Per-session topic drift: how much of an output's vocabulary the session never talked about.

The score is the rarity-weighted share of an output's content terms that are explained
neither by the session's own evidence (its ledger) nor by what the tenant's sessions are
usually about (the tenant profile). Rare words weigh most, so "bricks" and "temple" in a
coding session count; "want" and "kind" do not.

What the tenant's sessions are usually about is kept in the attribution index, as
tenant-scoped term keys, so it is shared across partitions like every other cross-session
fact. The flagging threshold adapts per session: the mean plus ``z`` standard deviations of the
session's own past scores, clamped to [floor, ceiling]. Before a session has history the
threshold is the ceiling, and the tenant profile stands in for the session's thin vocabulary.

Lexical novelty alone also fires on legitimate new wording ("vault" in a coding session that
never said it). So a lexical flag is confirmed semantically: the output's topic vector (a
static distillation of all-MiniLM-L6-v2) is compared with the sum of the session's, and an
output at least ``semantic_veto`` similar to what the session supplied is on topic after all.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from .config import DriftConfig
from .semantic import Vector, cosine


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


@dataclass(frozen=True, slots=True)
class DriftResult:
    score: float
    threshold: float
    weight: float
    flagged: bool
    similarity: float | None = None  # to the session's topic; None when not computed


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

    def confirm(self, result: DriftResult, output: Vector | None, session: Vector | None) -> DriftResult:
        """Drop a lexical flag when the output is semantically close to the session's topic."""
        if not (result.flagged and self.config.semantic) or output is None or session is None:
            return result
        similarity = round(cosine(output, session), 4)
        return replace(result, similarity=similarity, flagged=similarity < self.config.semantic_veto)
