"""Topic drift on real text: the Minecraft incident, normal evolution, the tenant prior."""

from __future__ import annotations

import numpy as np
import pytest

from bleedwatch.detectors import DetectorConfig, DriftConfig, DriftScorer, DriftStats
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import EventKind, FindingType

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
CTX = EventKind.RETRIEVED_CONTEXT

CODING = [
    (USER, "Our config parser in Python crashes on nested YAML anchors. How do I debug the loader?"),
    (
        CTX,
        "PyYAML documentation: yaml.safe_load parses a YAML document into Python objects. Anchors "
        "and aliases are resolved by the composer; recursive aliases raise a ConstructorError.",
    ),
    (
        OUT,
        "Call yaml.compose on the document to inspect the node graph, then check whether an anchor "
        "refers back to itself. Recursive aliases make safe_load raise a ConstructorError.",
    ),
    (USER, "Can you write a pytest test that reproduces the recursive alias error?"),
    (
        OUT,
        "Define a YAML string with an anchor that aliases itself, call yaml.safe_load inside "
        "pytest.raises(ConstructorError), and assert the message mentions the recursive alias.",
    ),
    (USER, "Now I want to add type hints to the loader and run mypy in CI."),
    (
        OUT,
        "Annotate the loader's return type as dict[str, Any], add mypy to your dev dependencies, "
        "and run it in the CI workflow before pytest so that type errors fail the build.",
    ),
    (USER, "The CI job is slow. Can we cache the virtualenv between runs?"),
    (
        OUT,
        "Yes: cache the virtualenv keyed on a hash of the lock file, restore it before installing, "
        "and only reinstall when the dependencies change. That usually halves the CI job time.",
    ),
]
MINECRAFT = (
    "What kind of bricks do you want for the temple? Sandstone bricks look great with a gold "
    "block roof, and you could add torches along the pillars before the creepers spawn."
)


def _drift(verdict) -> bool:  # type: ignore[no-untyped-def]
    return any(f.type is FindingType.TOPIC_DRIFT for f in verdict.findings)


def test_minecraft_temple_bricks_in_a_coding_session_is_drift(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    events = [ev("globex", "s7", kind, text) for kind, text in CODING]
    events.append(ev("globex", "s7", OUT, MINECRAFT, event_id="minecraft", gap_s=300))
    sink = run(make_pipeline(), events)
    verdict = sink["minecraft"]
    assert _drift(verdict)
    assert verdict.drift_score > 0.9
    assert verdict.action.value == "alert"


def test_normal_in_domain_evolution_does_not_fire(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(make_pipeline(), [ev("globex", "s7", kind, text) for kind, text in CODING])
    assert len(sink) == 4
    assert not any(_drift(v) for v in sink.verdicts.values()), {
        k: v.drift_score for k, v in sink.verdicts.items()
    }


BANKING = [
    (
        "What is my daily limit for instant transfers?",
        "Standard accounts can send up to 1,000 euros per day by instant transfer; the limit resets "
        "at midnight.",
    ),
    (
        "Why was my card declined at the supermarket?",
        "The card was declined because the contactless limit was reached; insert the card and use "
        "the PIN to reset the contactless counter.",
    ),
    (
        "Can I raise my transfer limit for a house deposit?",
        "Yes, request a temporary limit increase in the app under Settings, Limits, confirmed with "
        "a second factor.",
    ),
]


def test_the_tenant_profile_backs_a_thin_session(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline = make_pipeline()
    ev = EventFactory()
    history = []
    for n in range(3):
        for question, answer in BANKING:
            history.append(ev("bank", f"old-{n}", USER, question))
            history.append(ev("bank", f"old-{n}", OUT, answer))
    run(pipeline, history)
    # A brand-new session whose first answer uses the tenant's usual vocabulary, with a question
    # that shares few words with it.
    sink = run(
        pipeline,
        [
            ev("bank", "new", USER, "how much can I move per day?"),
            ev(
                "bank",
                "new",
                OUT,
                "Standard accounts can send up to 1,000 euros per day by instant "
                "transfer, and you can request a temporary limit increase in the app.",
                event_id="first",
            ),
            ev("bank", "new2", USER, "how much can I move per day?"),
            ev("bank", "new2", OUT, MINECRAFT, event_id="mc"),
        ],
    )
    assert not _drift(sink["first"])
    assert _drift(sink["mc"])

    # Without the tenant history the same first answer scores as much further off-topic.
    cold = run(
        make_pipeline(),
        [
            ev("bank", "new", USER, "how much can I move per day?"),
            ev(
                "bank",
                "new",
                OUT,
                "Standard accounts can send up to 1,000 euros per day by instant "
                "transfer, and you can request a temporary limit increase in the app.",
                event_id="first",
            ),
        ],
    )
    assert cold["first"].drift_score > sink["first"].drift_score + 0.3


def test_the_threshold_adapts_to_the_session() -> None:
    scorer = DriftScorer(DriftConfig())
    calm, lively = DriftStats(), DriftStats()
    for score in (0.05, 0.1, 0.08, 0.12, 0.06):
        calm.add(score)
    for score in (0.3, 0.8, 0.5, 0.85, 0.4):
        lively.add(score)
    assert scorer.threshold(calm) == DriftConfig().floor
    assert scorer.threshold(lively) > scorer.threshold(calm)
    assert scorer.threshold(DriftStats()) == DriftConfig().cold_threshold  # the tenant backs a young session


def test_a_lexical_flag_is_dropped_only_when_the_output_is_semantically_on_topic() -> None:
    scorer = DriftScorer(DriftConfig(semantic_veto=0.6))
    flagged = scorer.score({1: 3.0, 2: 3.0}, lambda k: False, DriftStats())
    assert flagged.flagged
    session = np.array([1.0, 0.0, 0.0], dtype=np.float32) * 7  # a sum of unit vectors
    near = np.array([0.8, 0.6, 0.0], dtype=np.float32)
    far = np.array([0.3, 0.0, 0.954], dtype=np.float32)
    kept = scorer.confirm(flagged, far, session)
    assert kept.flagged and kept.similarity == pytest.approx(0.3, abs=1e-3)
    dropped = scorer.confirm(flagged, near, session)
    assert not dropped.flagged and dropped.similarity == pytest.approx(0.8, abs=1e-3)
    assert scorer.confirm(flagged, near, None).flagged  # a session with no topic yet cannot veto
    lexical_only = DriftScorer(DriftConfig(semantic=False))
    assert lexical_only.confirm(flagged, near, session).flagged


def test_the_session_topic_vector_separates_new_coding_wording_from_minecraft(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    on_topic = (
        "Store the deploy token as an encrypted repository secret, and rotate that credential "
        "after every staging release so a leaked build log cannot be replayed."
    )
    events = [ev("globex", "s7", kind, text) for kind, text in CODING]
    events.append(ev("globex", "s7", OUT, on_topic, event_id="secrets"))
    events.append(ev("globex", "s7", OUT, MINECRAFT, event_id="minecraft"))
    lexical = run(make_pipeline(DetectorConfig(drift=DriftConfig(semantic=False))), events)
    assert _drift(lexical["secrets"]) and _drift(lexical["minecraft"])  # both all-new words
    assert lexical["secrets"].topic_similarity is None

    # The static vector on its own (the encoder, when on, decides these candidates instead:
    # tests/detectors/test_encoder_drift.py).
    semantic = run(make_pipeline(DetectorConfig(drift=DriftConfig(encoder=False))), events)
    secrets, minecraft = semantic["secrets"], semantic["minecraft"]
    assert secrets.topic_similarity is not None and minecraft.topic_similarity is not None
    assert minecraft.topic_similarity < 0.3
    assert secrets.topic_similarity > minecraft.topic_similarity + 0.25
    assert _drift(minecraft)

    lenient = run(make_pipeline(DetectorConfig(drift=DriftConfig(encoder=False, semantic_veto=0.5))), events)
    assert not _drift(lenient["secrets"]) and _drift(lenient["minecraft"])
