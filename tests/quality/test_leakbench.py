"""Detection quality on the seeded leak benchmark, both parts in one run with the naive baseline.

Tuned part (domains.py, seed 3, 1,500 events): the texts detection was tuned on. Floors a
little under the measured figures (measured 2026-11-28: recall 1.000, precision 0.973, false
alerts 0.012, block 1.000, attribution 1.000, drift recall 1.000; naive precision 0.287;
lexical-only drift on the same traffic: precision 0.924, false alerts 0.035). Re-measured
2026-11-30 with class-fitting scoring (a leak counts as caught only by a finding that fits its
class) and the naive baseline on bleedwatch's entity set: the same figures. A regression in any
of them fails the build.

Held-out part (heldout.py, seed 11, 1,500 events): text written without reading domains.py,
with the issue-11 classes (partial/first-turn drift, swapped generic answers, evasions, secrets
in code, documentation values in code, postal addresses, sessions in five other languages).
Its floors are the targets of issue 11, not today's figures, so that test is an expected
failure until detection gets there (measured 2026-11-30: recall 0.574, precision 0.819, false
alerts 0.097, swapped 0.757, drift 0.716, evasions+secrets blocked 0.075).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

import pytest

from bleedwatch.detectors import DetectionPipeline, DetectorConfig, DriftConfig
from bleedwatch.detectors.baseline import NaiveDetector
from bleedwatch.detectors.evaluation import score, unattributed, verdict_decisions
from bleedwatch.models import Event, EventKind
from bleedwatch.streams.evaluate import LEAK_CLASSES
from tests.benchmarks.leakbench.generator import NEW_CLASSES, generate

pytestmark = pytest.mark.quality

PARTS = {"tuned": ("tuned", 3), "heldout": ("heldout", 11)}
EVENTS = 1500
# sha256 of generate(1500, seed=3) as JSON: the tuned family changes only on purpose (when
# domains.py gains texts for the issue-11 classes, update this and re-measure the floors)
TUNED_SHA256 = "3b49b9658d7f52526b50a8d030663f0b56421fa8725af9c0185a2982a8cd4e36"


@pytest.fixture(scope="module")
def naive_detector() -> NaiveDetector:
    return NaiveDetector()


@pytest.fixture(scope="module")
def parts(pii_engine, naive_detector):  # type: ignore[no-untyped-def]
    """Per part: labels, verdicts, contents, and bleedwatch's and the naive loop's summaries."""
    out: dict[str, dict[str, Any]] = {}
    for name, (family, seed) in PARTS.items():
        events, labels = generate(EVENTS, seed=seed, family=family)
        parsed = [Event.model_validate(e) for e in events]
        verdicts = list(DetectionPipeline(pii=pii_engine).verdicts(parsed))
        contents = {e.event_id: e.content for e in parsed if e.kind is EventKind.MODEL_OUTPUT}
        ours = score(name, labels, verdict_decisions(verdicts), contents)
        naive_decisions = {e: unattributed(naive_detector.flags(text)) for e, text in contents.items()}
        naive = score("naive", labels, naive_decisions, contents)
        out[name] = {
            "labels": labels,
            "verdicts": verdicts,
            "contents": contents,
            "report": ours,
            "ours": ours.summary(LEAK_CLASSES),
            "naive": naive.summary(LEAK_CLASSES),
        }
    return out


def test_tuned_family_is_unchanged() -> None:
    events, labels = generate(EVENTS, seed=3)
    digest = hashlib.sha256(json.dumps([events, labels], sort_keys=True).encode()).hexdigest()
    assert digest == TUNED_SHA256


def test_heldout_part_holds_every_new_class_and_language() -> None:
    _, labels = generate(EVENTS, seed=11, family="heldout")
    classes = Counter(label["class"] for label in labels)
    assert {c: classes[c] for c in NEW_CLASSES if classes[c] < 15} == {}
    assert {label.get("lang") for label in labels} >= {"en", "de", "es", "fr", "it", "pt"}
    leaks = [label for label in labels if label["class"] in LEAK_CLASSES]
    assert all(label["source_session"] and label["source_tenant"] for label in leaks)


@pytest.mark.parametrize("part", list(PARTS))
def test_every_labelled_output_gets_a_verdict(parts, part) -> None:  # type: ignore[no-untyped-def]
    labels, verdicts = parts[part]["labels"], parts[part]["verdicts"]
    assert {v.event_id for v in verdicts} == {label["event_id"] for label in labels}


def test_quality_floors_and_the_naive_baseline_in_the_same_run(parts) -> None:  # type: ignore[no-untyped-def]
    ours, naive = parts["tuned"]["ours"], parts["tuned"]["naive"]

    assert ours["recall_leak_classes"] >= 0.97
    assert ours["precision"] >= 0.95
    assert ours["false_alert_rate_clean"] <= 0.025
    assert ours["block_rate_leaks"] >= 0.95
    assert ours["attribution_accuracy"] >= 0.95
    assert ours["drift_recall"] >= 0.90
    # relative to the naive approach measured on the same traffic
    assert ours["precision"] >= 2 * naive["precision"]
    assert ours["false_alert_rate_clean"] * 5 <= naive["false_alert_rate_clean"]
    assert naive["attribution_accuracy"] == 0.0


@pytest.mark.xfail(strict=False, reason="issue 11: detection work in progress")
def test_heldout_targets(parts) -> None:  # type: ignore[no-untyped-def]
    ours, naive = parts["heldout"]["ours"], parts["heldout"]["naive"]
    report = parts["heldout"]["report"]
    figures = {k: round(v, 3) for k, v in ours.items()}
    languages = report.language_summary()

    assert naive["attribution_accuracy"] == 0.0
    assert ours["recall_leak_classes"] >= 0.98, figures
    assert ours["precision"] >= 0.97, figures
    assert ours["false_alert_rate_clean"] <= 0.01, figures
    assert ours["swapped_flagged"] >= 0.95, figures
    assert ours["drift_recall"] >= 0.95, figures
    assert ours["evasion_secret_block_rate"] >= 0.95, figures
    assert all(lang["false_alert_rate"] <= 0.01 for lang in languages.values()), languages


def test_semantic_confirmation_cuts_false_alerts_without_losing_drift(parts, pii_engine) -> None:  # type: ignore[no-untyped-def]
    labels, contents, ours = parts["tuned"]["labels"], parts["tuned"]["contents"], parts["tuned"]["ours"]
    events, _ = generate(EVENTS, seed=3)
    lexical_only = DetectionPipeline(DetectorConfig(drift=DriftConfig(semantic=False)), pii=pii_engine)
    lexical_verdicts = list(lexical_only.verdicts([Event.model_validate(e) for e in events]))
    lexical = score("lexical", labels, verdict_decisions(lexical_verdicts), contents).summary(LEAK_CLASSES)

    assert ours["false_alert_rate_clean"] < lexical["false_alert_rate_clean"]
    assert ours["drift_recall"] >= lexical["drift_recall"] - 0.02
