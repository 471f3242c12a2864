"""Detection quality on the seeded leak benchmark, both parts in one run with the naive baseline.

Tuned part (domains.py, seed 3, 1,500 events): the texts detection was tuned on. Until
2026-11-30 it held only the original classes (measured 2026-11-28: recall 1.000, precision
0.973, false alerts 0.012, block 1.000, attribution 1.000, drift recall 1.000; naive precision
0.287; lexical-only drift on the same traffic: precision 0.924, false alerts 0.035; the same
figures re-measured 2026-11-30 with class-fitting scoring and the naive baseline on
bleedwatch's entity set).

On 2026-11-30 domains.py got texts for the issue-11 classes and the five other languages, so
the tuned part now draws them too (575 outputs; TUNED_SHA256 changed on purpose). Measured
2026-11-30 on all of it: recall 0.620, precision 0.893, false alerts 0.055, block 0.567,
attribution 0.546, drift recall 0.639, swapped 0.788, evasions+secrets blocked 0.070; naive
precision 0.267, false alerts 0.873. Per class: partial drift 0.105, first-turn drift 0.882,
swapped generic 0.588, evasion invisible 0.053, evasion spelled 0.000, secret in code 0.136,
postal address 0.500; false alerts on doc_values_code 1.000 (all PII without provenance), on
clean_address 0.000. The overall floors below are a little under these figures, which is a
large drop from the old ones: the tuned part now measures the issue-11 gap as well, it has not
got worse on what it had. The old floors still hold on the outputs of the original classes
(measured: recall 1.000, precision 0.981, false alerts 0.007, block, attribution and drift
1.000). A regression in any of them fails the build; raise the overall floors as detection
closes the gap. Semantic drift confirmation still cuts false alerts without losing drift on the
original classes, but on all of the tuned part it loses drift that lexical-only drift catches
(drift recall 0.639 against 0.722: first-turn 0.882 against 1.000, swapped generic 0.588
against 0.765, partial 0.105 against 0.158), an expected failure until issue 11 is done.

Held-out part (heldout.py, seed 11, 1,500 events): text written without reading domains.py,
with the issue-11 classes (partial/first-turn drift, swapped generic answers, evasions, secrets
in code, documentation values in code, postal addresses, sessions in five other languages).
Its floors are the targets of issue 11, not today's figures, so that test is an expected
failure until detection gets there (measured 2026-11-30: recall 0.574, precision 0.819, false
alerts 0.097, swapped 0.757, drift 0.716, evasions+secrets blocked 0.075).

The figures above predate the evasion, secret, documentation-value and sentence-encoder work
merged the same day; see the README table for the figures measured after it.
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
from tests.benchmarks.leakbench.generator import CLASSES, NEW_CLASSES, generate

pytestmark = pytest.mark.quality

PARTS = {"tuned": ("tuned", 3), "heldout": ("heldout", 11)}
EVENTS = 1500
# sha256 of generate(1500, seed=3) as JSON: the tuned family changes only on purpose (when
# domains.py's texts change, update this and re-measure the floors); last: issue-11 texts
TUNED_SHA256 = "551118af55042e24055720f2dcf8b2d23e00cede722fa0138424ff28ce275094"


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
        decisions = verdict_decisions(verdicts)
        ours = score(name, labels, decisions, contents)
        naive_decisions = {e: unattributed(naive_detector.flags(text)) for e, text in contents.items()}
        naive = score("naive", labels, naive_decisions, contents)
        original = [label for label in labels if label["class"] in CLASSES]
        out[name] = {
            "labels": labels,
            "verdicts": verdicts,
            "contents": contents,
            "report": ours,
            "ours": ours.summary(LEAK_CLASSES),
            "naive": naive.summary(LEAK_CLASSES),
            # the classes the part had before issue 11, scored on their own
            "original": score(name, original, decisions, contents).summary(LEAK_CLASSES),
        }
    return out


def test_tuned_family_is_unchanged() -> None:
    events, labels = generate(EVENTS, seed=3)
    digest = hashlib.sha256(json.dumps([events, labels], sort_keys=True).encode()).hexdigest()
    assert digest == TUNED_SHA256


@pytest.mark.parametrize("part", list(PARTS))
def test_each_part_holds_every_new_class_and_language(part) -> None:  # type: ignore[no-untyped-def]
    family, seed = PARTS[part]
    _, labels = generate(EVENTS, seed=seed, family=family)
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
    original = parts["tuned"]["original"]
    figures = {k: round(v, 3) for k, v in ours.items()}

    # all of the tuned part, issue-11 classes included (measured 2026-11-30)
    assert ours["recall_leak_classes"] >= 0.60, figures
    assert ours["precision"] >= 0.87, figures
    assert ours["false_alert_rate_clean"] <= 0.07, figures
    assert ours["block_rate_leaks"] >= 0.54, figures
    assert ours["attribution_accuracy"] >= 0.52, figures
    assert ours["drift_recall"] >= 0.61, figures
    # the original classes keep their floors
    assert original["recall_leak_classes"] >= 0.97, original
    assert original["precision"] >= 0.95, original
    assert original["false_alert_rate_clean"] <= 0.025, original
    assert original["block_rate_leaks"] >= 0.95, original
    assert original["attribution_accuracy"] >= 0.95, original
    assert original["drift_recall"] >= 0.90, original
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


@pytest.fixture(scope="module")
def lexical(parts, pii_engine):  # type: ignore[no-untyped-def]
    """The tuned part judged with lexical-only drift: all of it, and its original classes."""
    labels, contents = parts["tuned"]["labels"], parts["tuned"]["contents"]
    events, _ = generate(EVENTS, seed=3)
    lexical_only = DetectionPipeline(DetectorConfig(drift=DriftConfig(semantic=False)), pii=pii_engine)
    decisions = verdict_decisions(lexical_only.verdicts([Event.model_validate(e) for e in events]))
    original = [label for label in labels if label["class"] in CLASSES]
    return {
        "all": score("lexical", labels, decisions, contents).summary(LEAK_CLASSES),
        "original": score("lexical", original, decisions, contents).summary(LEAK_CLASSES),
    }


def test_semantic_confirmation_cuts_false_alerts_without_losing_drift(parts, lexical) -> None:  # type: ignore[no-untyped-def]
    """On the original classes (measured 2026-11-30: false alerts 0.007 against lexical-only
    0.049, drift recall 1.000 for both)."""
    ours, lex = parts["tuned"]["original"], lexical["original"]

    assert ours["false_alert_rate_clean"] < lex["false_alert_rate_clean"]
    assert ours["drift_recall"] >= lex["drift_recall"] - 0.02


def test_semantic_confirmation_keeps_the_issue_11_drifts(parts, lexical) -> None:  # type: ignore[no-untyped-def]
    ours, lex = parts["tuned"]["ours"], lexical["all"]

    assert ours["false_alert_rate_clean"] < lex["false_alert_rate_clean"]
    assert ours["drift_recall"] >= lex["drift_recall"] - 0.02, (ours["drift_recall"], lex["drift_recall"])
