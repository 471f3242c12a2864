"""Scoring verdicts against labels: per class and overall, for bleedwatch and the naive baseline.

A label is ``{"event_id", "class", "expected_action", "source_session"?}``. An output is
*flagged* when its action is not ``allow``; positives are the outputs whose expected action is
not ``allow``. Leak classes also carry the session the content came from, and attribution is
right when a finding's ``source.session_id`` names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.models import Verdict

from .masking import mask_passage


@dataclass(slots=True)
class ClassScore:
    name: str
    total: int = 0
    flagged: int = 0
    blocked: int = 0
    attributable: int = 0
    attributed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def detection_rate(self) -> float:
        return self.flagged / self.total if self.total else 0.0

    @property
    def block_rate(self) -> float:
        return self.blocked / self.total if self.total else 0.0

    @property
    def attribution(self) -> float | None:
        return self.attributed / self.attributable if self.attributable else None


@dataclass(slots=True)
class Report:
    name: str
    classes: dict[str, ClassScore]
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    clean_total: int = 0
    clean_flagged: int = 0

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        positives = self.true_positive + self.false_negative
        return self.true_positive / positives if positives else 0.0

    @property
    def false_alert_rate(self) -> float:
        return self.clean_flagged / self.clean_total if self.clean_total else 0.0

    def rate(self, classes: Iterable[str], attr: str) -> float:
        scores = [self.classes[c] for c in classes if c in self.classes]
        if attr == "attribution":
            num = sum(s.attributed for s in scores)
            den = sum(s.attributable for s in scores)
        else:
            num = sum(getattr(s, attr) for s in scores)
            den = sum(s.total for s in scores)
        return num / den if den else 0.0

    def summary(self, leak_classes: Iterable[str], drift_class: str = "topic_drift") -> dict[str, float]:
        leaks = list(leak_classes)
        positive = [c for c in self.classes if not c.startswith("clean")]
        return {
            "recall_leak_classes": self.rate(positive, "flagged"),
            "precision": self.precision,
            "false_alert_rate_clean": self.false_alert_rate,
            "block_rate_leaks": self.rate(leaks, "blocked"),
            "attribution_accuracy": self.rate(leaks, "attribution"),
            "drift_recall": self.rate([drift_class], "flagged"),
        }


def score(
    name: str,
    labels: Iterable[Mapping[str, Any]],
    decisions: Mapping[str, tuple[str, set[str]]],
    contents: Mapping[str, str],
    keep_misses: int = 10,
) -> Report:
    """``decisions``: event_id -> (action, sessions named as sources)."""
    report = Report(name, {})
    for label in labels:
        cls = label["class"]
        stats = report.classes.setdefault(cls, ClassScore(cls))
        stats.total += 1
        action, sources = decisions.get(label["event_id"], ("missing", set()))
        flagged = action in ("alert", "block")
        expected_positive = label["expected_action"] != "allow"
        stats.flagged += flagged
        stats.blocked += action == "block"
        if label.get("source_session"):
            stats.attributable += 1
            stats.attributed += label["source_session"] in sources
        if expected_positive:
            report.true_positive += flagged
            report.false_negative += not flagged
        else:
            report.false_positive += flagged
            report.clean_total += 1
            report.clean_flagged += flagged
        wrong = flagged != expected_positive or action == "missing"
        if wrong and len(stats.misses) < keep_misses:
            stats.misses.append(
                f"{label['event_id']} {action}: {mask_passage(contents.get(label['event_id'], ''), 14)}"
            )
    return report


def verdict_decisions(verdicts: Iterable[Verdict]) -> dict[str, tuple[str, set[str]]]:
    """The latest revision of each verdict, as (action, source sessions)."""
    latest: dict[str, Verdict] = {}
    for verdict in verdicts:
        seen = latest.get(verdict.event_id)
        if seen is None or verdict.revision >= seen.revision:
            latest[verdict.event_id] = verdict
    return {
        event_id: (v.action.value, {f.source.session_id for f in v.findings if f.source is not None})
        for event_id, v in latest.items()
    }
