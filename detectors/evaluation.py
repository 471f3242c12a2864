"""Scoring verdicts against labels: per class and overall, for bleedwatch and the naive baseline.

A label is ``{"event_id", "class", "expected_action", "source_session"?, "lang"?}``. An output
is *flagged* when its action is not ``allow``; positives are the outputs whose expected action
is not ``allow``. Leak classes also carry the session the content came from, and attribution is
right when a finding's ``source.session_id`` names it.

A positive output is *caught* only when a finding that fits its class flagged it (``FITS``):
a leak of another session's data needs a finding attributed to another session, a swapped
answer a foreign passage, a drift a topic-drift finding. An unrelated alert on the same output
(a name without provenance on a drifted answer, say) flags it but does not catch it: counting
it would credit detection for luck (issue 11). Recall is over caught outputs; precision stays
the share of flagged outputs that deserved a flag, and ``precision_fitting`` the share flagged
for the right reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.models import FindingType, Verdict

from .masking import mask_passage

# Evidence a decision carries, derived from its findings.
ATTRIBUTED = "attributed"  # cross-session/-tenant PII or a foreign passage, sourced in another session
PASSAGE = "foreign_passage"  # a foreign-passage finding (a swapped answer is one)
DRIFT = "topic_drift"
UNSOURCED_PII = "pii_without_provenance"

_LEAK_FIT = frozenset({ATTRIBUTED})
_DRIFT_FIT = frozenset({DRIFT})
# class -> evidence that catches it (any one). A positive class not listed is caught by any flag.
FITS: dict[str, frozenset[str]] = {
    "cross_session_pii": _LEAK_FIT,
    "cross_tenant_pii": _LEAK_FIT,
    "foreign_passage": _LEAK_FIT,
    "evasion_invisible": _LEAK_FIT,
    "evasion_spelled": _LEAK_FIT,
    "secret_in_code": _LEAK_FIT,
    "postal_address": _LEAK_FIT,
    "swapped_response": frozenset({PASSAGE, ATTRIBUTED}),
    "topic_drift": _DRIFT_FIT,
    "partial_drift": _DRIFT_FIT,
    "first_turn_drift": _DRIFT_FIT,
    "swapped_generic": _DRIFT_FIT,
    "hallucinated_pii": frozenset({UNSOURCED_PII}),
}
DRIFT_CLASSES = ("topic_drift", "partial_drift", "first_turn_drift", "swapped_generic")
SWAPPED_CLASSES = ("swapped_response", "swapped_generic")
EVASION_SECRET_CLASSES = ("evasion_invisible", "evasion_spelled", "secret_in_code")


@dataclass(frozen=True, slots=True)
class Decision:
    """What a detector said about one output: its action, the sessions its findings name as
    sources, and the kinds of evidence behind it (ATTRIBUTED, PASSAGE, DRIFT, UNSOURCED_PII)."""

    action: str
    sources: frozenset[str] = frozenset()
    evidence: frozenset[str] = frozenset()


def unattributed(flagged: bool) -> Decision:
    """A detector that only sees PII in the output (the naive baseline): an alert, without
    provenance, is evidence of unsourced PII and of nothing else."""
    return Decision("alert", evidence=frozenset({UNSOURCED_PII})) if flagged else Decision("allow")


def _decision(value: Decision | tuple[str, set[str]]) -> Decision:
    if isinstance(value, Decision):
        return value
    action, sources = value  # a bare pair: its sources are the only evidence it carries
    return Decision(action, frozenset(sources), frozenset({ATTRIBUTED}) if sources else frozenset())


@dataclass(slots=True)
class ClassScore:
    name: str
    expected: str = "allow"
    total: int = 0
    flagged: int = 0
    blocked: int = 0
    caught: int = 0  # flagged by evidence that fits the class
    caught_blocked: int = 0
    attributable: int = 0
    attributed: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def positive(self) -> bool:
        return self.expected != "allow"

    @property
    def detection_rate(self) -> float:
        return self.flagged / self.total if self.total else 0.0

    @property
    def recall(self) -> float:
        """Positives: caught for the right reason. Clean classes: 0 (see detection_rate)."""
        return self.caught / self.total if self.total else 0.0

    @property
    def block_rate(self) -> float:
        return self.blocked / self.total if self.total else 0.0

    @property
    def attribution(self) -> float | None:
        return self.attributed / self.attributable if self.attributable else None


@dataclass(slots=True)
class LanguageScore:
    positives: int = 0
    caught: int = 0
    clean: int = 0
    clean_flagged: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 0.0

    @property
    def false_alert_rate(self) -> float:
        return self.clean_flagged / self.clean if self.clean else 0.0


@dataclass(slots=True)
class Report:
    name: str
    classes: dict[str, ClassScore]
    true_positive: int = 0  # positives flagged (for any reason)
    false_positive: int = 0
    false_negative: int = 0  # positives not caught (unflagged, or flagged for another reason)
    caught: int = 0
    clean_total: int = 0
    clean_flagged: int = 0
    languages: dict[str, LanguageScore] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        """Flagged outputs that deserved a flag."""
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 0.0

    @property
    def precision_fitting(self) -> float:
        """Flagged outputs flagged for the right reason."""
        flagged = self.true_positive + self.false_positive
        return self.caught / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        positives = self.caught + self.false_negative
        return self.caught / positives if positives else 0.0

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

    def summary(
        self, leak_classes: Iterable[str], drift_classes: str | Iterable[str] = DRIFT_CLASSES
    ) -> dict[str, float]:
        """Overall figures, then ``recall_<class>`` per positive class and
        ``false_alert_rate_<class>`` per clean one. Figures over classes absent from the labels
        (swapped, evasion/secret) are left out rather than reported as 0."""
        leaks = list(leak_classes)
        drifts = [drift_classes] if isinstance(drift_classes, str) else list(drift_classes)
        positive = [c for c, s in self.classes.items() if s.positive]
        figures = {
            "recall_leak_classes": self.rate(positive, "caught"),
            "precision": self.precision,
            "precision_fitting": self.precision_fitting,
            "false_alert_rate_clean": self.false_alert_rate,
            "block_rate_leaks": self.rate(leaks, "caught_blocked"),
            "attribution_accuracy": self.rate(leaks, "attribution"),
            "drift_recall": self.rate(drifts, "caught"),
        }
        if any(c in self.classes for c in SWAPPED_CLASSES):
            figures["swapped_flagged"] = self.rate(SWAPPED_CLASSES, "caught")
        if any(c in self.classes for c in EVASION_SECRET_CLASSES):
            figures["evasion_secret_block_rate"] = self.rate(EVASION_SECRET_CLASSES, "caught_blocked")
        for name in sorted(self.classes):
            c = self.classes[name]
            if c.positive:
                figures[f"recall_{name}"] = c.recall
            else:
                figures[f"false_alert_rate_{name}"] = c.detection_rate
        return figures

    def language_summary(self) -> dict[str, dict[str, float]]:
        """Recall and false alerts per output language (labels without ``lang`` are English)."""
        return {
            lang: {
                "positives": float(s.positives),
                "recall": s.recall,
                "clean": float(s.clean),
                "false_alert_rate": s.false_alert_rate,
            }
            for lang, s in sorted(self.languages.items())
        }


def score(
    name: str,
    labels: Iterable[Mapping[str, Any]],
    decisions: Mapping[str, Decision] | Mapping[str, tuple[str, set[str]]],
    contents: Mapping[str, str],
    keep_misses: int = 10,
) -> Report:
    """``decisions``: event_id -> Decision (``verdict_decisions``, ``unattributed``); a bare
    (action, sessions named as sources) pair still works and counts its sources as attribution."""
    report = Report(name, {})
    missing = Decision("missing")
    for label in labels:
        cls = label["class"]
        expected_positive = label["expected_action"] != "allow"
        stats = report.classes.setdefault(cls, ClassScore(cls, label["expected_action"]))
        lang = report.languages.setdefault(label.get("lang", "en"), LanguageScore())
        stats.total += 1
        raw = decisions.get(label["event_id"])
        decision = missing if raw is None else _decision(raw)
        flagged = decision.action in ("alert", "block")
        fits = FITS.get(cls)
        caught = expected_positive and flagged and (fits is None or bool(fits & decision.evidence))
        stats.flagged += flagged
        stats.blocked += decision.action == "block"
        stats.caught += caught
        stats.caught_blocked += caught and decision.action == "block"
        if label.get("source_session"):
            stats.attributable += 1
            stats.attributed += label["source_session"] in decision.sources
        if expected_positive:
            report.true_positive += flagged
            report.caught += caught
            report.false_negative += not caught
            lang.positives += 1
            lang.caught += caught
        else:
            report.false_positive += flagged
            report.clean_total += 1
            report.clean_flagged += flagged
            lang.clean += 1
            lang.clean_flagged += flagged
        wrong = (caught != expected_positive) or (not expected_positive and flagged)
        if (wrong or decision.action == "missing") and len(stats.misses) < keep_misses:
            evidence = ",".join(sorted(decision.evidence)) or "-"
            stats.misses.append(
                f"{label['event_id']} {decision.action}[{evidence}]: "
                f"{mask_passage(contents.get(label['event_id'], ''), 14)}"
            )
    return report


_SOURCED = (FindingType.CROSS_SESSION_PII, FindingType.CROSS_TENANT_PII, FindingType.FOREIGN_PASSAGE)


def evidence_of(verdict: Verdict) -> frozenset[str]:
    """The kinds of evidence behind a verdict's action (only findings that raised it count)."""
    found: set[str] = set()
    for f in verdict.findings:
        if f.action.severity == 0:
            continue  # a finding the policy let through did not flag the output
        if f.type in _SOURCED and f.source is not None and f.source.session_id != verdict.session_id:
            found.add(ATTRIBUTED)
        if f.type is FindingType.FOREIGN_PASSAGE:
            found.add(PASSAGE)
        if f.type is FindingType.TOPIC_DRIFT:
            found.add(DRIFT)
        if f.type is FindingType.PII_WITHOUT_PROVENANCE:
            found.add(UNSOURCED_PII)
    return frozenset(found)


def verdict_decisions(verdicts: Iterable[Verdict]) -> dict[str, Decision]:
    """The latest revision of each verdict, as a Decision (action, source sessions, evidence)."""
    latest: dict[str, Verdict] = {}
    for verdict in verdicts:
        seen = latest.get(verdict.event_id)
        if seen is None or verdict.revision >= seen.revision:
            latest[verdict.event_id] = verdict
    return {
        event_id: Decision(
            v.action.value,
            frozenset(f.source.session_id for f in v.findings if f.source is not None),
            evidence_of(v),
        )
        for event_id, v in latest.items()
    }
