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

That static vector is a bag of token vectors: it let coding answers into travel sessions
(cosine 0.67-0.73) and vetoed nothing useful in clean in-domain answers that reuse none of the
session's words. So a real sentence encoder (:mod:`.encoder`) decides instead, but only for
*candidates*, outputs whose lexical score came within ``encoder_margin`` of the threshold (a
few percent of outputs), because it costs milliseconds a text. It compares the output and each
of its windows with the session's profile: the last ``profile_size`` encoded contexts, inputs
and allowed candidate answers, kept as int8 vectors (never text). The encoder decides both
ways: a flagged output similar to the profile is allowed, a doubted one unlike it is flagged.

Windows: an answer that turns off topic halfway is scored per window of sentences as well as
whole, and its score is the worst of those, so the on-topic half does not dilute it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from .config import DriftConfig
from .encoder import dequantize, quantize
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


@dataclass(slots=True)
class TopicProfile:
    """The last few encoded texts a session supplied or was answered with, quantised.

    A ring of at most ``size`` rows (``dims`` 4-bit codes and one float32 scale each: 196 bytes
    at rest), so a session's state stays within its 16 KiB budget beside the 8 KiB ledger and
    a full journal. Never text: a vector cannot be read back into the words it came from.
    """

    codes: npt.NDArray[np.int8] = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int8))
    scales: npt.NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    next: int = 0  # the row the next vector replaces once the ring is full

    def __len__(self) -> int:
        return int(self.codes.shape[0])

    def add(self, vector: Vector, size: int) -> None:
        if not vector.any():
            return
        codes, scale = quantize(vector)
        if len(self) and self.codes.shape[1] != codes.shape[0]:  # another model's vectors
            self.codes, self.scales, self.next = TopicProfile().codes, TopicProfile().scales, 0
        if len(self) < size:
            self.codes = (
                codes[None, :] if not len(self) else np.vstack([self.codes, codes[None, :]])
            ).astype(np.int8)
            self.scales = np.append(self.scales, np.float32(scale)).astype(np.float32)
            self.next = len(self) % size
            return
        row = self.next % len(self)
        self.codes[row] = codes
        self.scales[row] = scale
        self.next = (row + 1) % len(self)

    def vectors(self) -> npt.NDArray[np.float32]:
        if not len(self):
            return np.zeros((0, 0), np.float32)
        return dequantize(self.codes, 1.0) * self.scales[:, None]

    def similarity(self, vectors: npt.NDArray[np.float32]) -> list[float]:
        """Per row of ``vectors``: its cosine similarity to the nearest profile vector."""
        profile = self.vectors()
        if not len(profile) or profile.shape[1] != vectors.shape[1]:
            return [0.0] * len(vectors)
        norms = np.maximum(np.linalg.norm(profile, axis=1), 1e-12)
        return [float(x) for x in ((vectors @ profile.T) / norms).max(axis=1)]


@dataclass(frozen=True, slots=True)
class DriftResult:
    score: float
    threshold: float
    weight: float
    flagged: bool
    similarity: float | None = None  # to the session's topic; None when not computed
    # the output's encoded vector when the encoder judged it (learnt into the profile if allowed)
    vector: Vector | None = field(default=None, repr=False, compare=False)
    encoded: bool = False  # the encoder decided this output
    peak: float = 0.0  # the highest of the score and its windows' scores

    @property
    def reported(self) -> float:
        """The score a finding carries: a window's when a window drifted more than the whole."""
        return max(self.score, self.peak)


class DriftScorer:
    def __init__(self, config: DriftConfig) -> None:
        self.config = config

    def threshold(self, stats: DriftStats) -> float:
        """The session's own mean + z std once it has history; before that the cold threshold
        (the tenant's vocabulary explains what the session has not said yet)."""
        cfg = self.config
        if stats.count < cfg.min_history:
            return min(cfg.ceiling, max(cfg.floor, cfg.cold_threshold))
        return min(cfg.ceiling, max(cfg.floor, stats.mean + cfg.z * stats.std))

    def score(
        self,
        weighted_terms: dict[int, float],
        explained: Callable[[int], bool],
        stats: DriftStats,
        windows: Sequence[dict[int, float]] = (),
    ) -> DriftResult:
        """Lexical drift: the unexplained share of the output's rare-term weight; ``peak`` is
        the highest of that and each window's (one carrying at least ``window_min_weight``).

        Only the whole output's score flags on its own. A window alone makes the output a
        candidate for the encoder: in any answer some sentence brings new words, and only
        the encoder can tell a new angle on the topic from another topic.
        """
        cfg = self.config
        total = sum(weighted_terms.values())
        if total <= 0.0:
            return DriftResult(0.0, self.threshold(stats), 0.0, False)
        unexplained = sum(w for k, w in weighted_terms.items() if not explained(k))
        score = round(unexplained / total, 4)
        peak = score
        if cfg.windows:
            for window in windows:
                weight = sum(window.values())
                if weight >= cfg.window_min_weight:
                    part = sum(w for k, w in window.items() if not explained(k)) / weight
                    peak = max(peak, round(part, 4))
        threshold = self.threshold(stats)
        flagged = cfg.enabled and total >= cfg.min_output_weight and score > threshold
        return DriftResult(score, threshold, total, flagged, peak=peak)

    def is_candidate(self, result: DriftResult) -> bool:
        """Worth the encoder: the output or one of its windows scored above the threshold less
        ``encoder_margin``."""
        cfg = self.config
        return (
            cfg.enabled
            and cfg.semantic
            and cfg.encoder
            and result.weight >= cfg.min_output_weight
            and max(result.score, result.peak) > result.threshold - cfg.encoder_margin
        )

    def decide(self, result: DriftResult, similarities: Sequence[float], vector: Vector) -> DriftResult:
        """The encoder's decision on a candidate: ``similarities`` of the whole output and of
        each window to the nearest profile vector; the least similar part decides."""
        cfg = self.config
        similarity = round(min(similarities), 4)
        # lexically flagged, whole or in a window: on topic only if similar enough; doubted:
        # drift only if clearly unlike what the session supplied
        bar = cfg.encoder_veto if result.reported > result.threshold else cfg.encoder_confirm
        return replace(result, similarity=similarity, flagged=similarity < bar, vector=vector, encoded=True)

    def confirm(self, result: DriftResult, output: Vector | None, session: Vector | None) -> DriftResult:
        """Drop a lexical flag when the output is semantically close to the session's topic."""
        if not (result.flagged and self.config.semantic) or output is None or session is None:
            return result
        similarity = round(cosine(output, session), 4)
        return replace(result, similarity=similarity, flagged=similarity < self.config.semantic_veto)
