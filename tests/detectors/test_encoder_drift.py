"""Drift decided by the real sentence encoder: the Minecraft variants, in-domain answers that
reuse none of the session's words, and coding answers delivered into other sessions."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from bleedwatch.detectors import DetectionPipeline, DetectorConfig, DriftConfig, DriftScorer, DriftStats
from bleedwatch.detectors.drift import TopicProfile
from bleedwatch.detectors.encoder import OnnxMiniLM, SentenceEncoder, dequantize, quantize
from bleedwatch.detectors.ledger import SessionState
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import EventKind, FindingType
from tests.detectors.test_drift import CODING

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
CTX = EventKind.RETRIEVED_CONTEXT

MINECRAFT = (
    "What kind of bricks do you want for the temple? Sandstone bricks look great with a gold "
    "block roof, and you could add torches along the pillars before the creepers spawn."
)

PACKAGING = [
    (USER, "How do I publish our Python library to PyPI with a pyproject.toml?"),
    (
        CTX,
        "Packaging guide: declare the build backend in pyproject.toml, build an sdist and a wheel "
        "with python -m build, and upload them with twine.",
    ),
    (
        OUT,
        "Add a [build-system] table to pyproject.toml, run python -m build to get the sdist and "
        "the wheel, then twine upload dist/* with an API token.",
    ),
]

REPO_OWNERS = [
    (USER, "Our script lists the owners of every repository in the GitHub organisation. How?"),
    (
        CTX,
        "GitHub REST API: GET /orgs/{org}/repos lists an organisation's repositories; GET "
        "/repos/{owner}/{repo}/collaborators lists collaborators with their permission.",
    ),
    (
        OUT,
        "Page through /orgs/{org}/repos, and for each repository read its collaborators with the "
        "admin permission: those are the owners to report.",
    ),
]
BACKOFF = (
    "When GitHub answers 403 with a rate-limit header of zero remaining, sleep until the reset "
    "time, then retry with exponential backoff and jitter so that parallel workers do not hammer "
    "the API together."
)

PHYSIO = [
    (USER, "A patient had knee surgery two weeks ago. What physiotherapy should we schedule?"),
    (
        CTX,
        "Clinic protocol: after arthroscopy, start passive range-of-motion exercises in week one, "
        "quadriceps strengthening from week two, and review swelling at every session.",
    ),
    (
        OUT,
        "Book two physiotherapy sessions a week: range-of-motion work first, then quadriceps "
        "strengthening, and check the swelling each time.",
    ),
]
FEVER = (
    "If the patient develops a temperature above 38.5 degrees after the operation, measure it "
    "again in an hour, give paracetamol, and call the surgeon on duty if it persists, since "
    "post-operative fever can signal a wound infection."
)

TRAVEL = [
    (USER, "We land in Lisbon on Friday evening. Which neighbourhood is best for a hotel?"),
    (
        CTX,
        "Lisbon guide: Baixa and Chiado are central and walkable; Alfama is quieter with "
        "viewpoints; trams and the metro connect them to the airport.",
    ),
    (
        OUT,
        "Stay in Chiado or Baixa: both are central, close to the metro from the airport, and "
        "walkable in the evening.",
    ),
]
CODING_ANSWER = (
    "Wrap the call in a try block, catch the KeyError raised by the dictionary lookup, log the "
    "missing key with the stack trace, and add a unit test that feeds the parser an empty config."
)


def _drift(verdict) -> bool:  # type: ignore[no-untyped-def]
    return any(f.type is FindingType.TOPIC_DRIFT for f in verdict.findings)


@pytest.fixture(scope="module")
def encoder() -> OnnxMiniLM:
    return OnnxMiniLM.packaged()


@pytest.fixture(scope="module")
def pipeline_for(pii_engine, encoder):  # type: ignore[no-untyped-def]
    def make(config: DetectorConfig | None = None) -> DetectionPipeline:
        return DetectionPipeline(config, pii=pii_engine, encoder=encoder)

    return make


# -- the real encoder ------------------------------------------------------------------------
def test_the_real_encoder_separates_minecraft_from_python_packaging(encoder: OnnxMiniLM) -> None:
    vectors = encoder.encode(
        [
            MINECRAFT,
            "How do I publish a Python package to PyPI with a pyproject.toml and build a wheel?",
            "Call yaml.compose on the document to inspect the node graph and find the anchor.",
            "Load the YAML file with yaml.safe_load and catch the ConstructorError it raises.",
            "",
        ]
    )
    assert vectors.shape == (5, 384)
    assert np.allclose(np.linalg.norm(vectors[:4], axis=1), 1.0, atol=1e-4)
    assert not vectors[4].any()  # no tokens, no direction
    assert float(vectors[0] @ vectors[1]) < 0.15  # temple vs packaging
    assert float(vectors[2] @ vectors[3]) > 0.3  # two YAML debugging sentences
    assert isinstance(encoder, SentenceEncoder)


def test_quantised_profile_vectors_keep_their_direction(encoder: OnnxMiniLM) -> None:
    vector = encoder.encode([MINECRAFT])[0]
    codes, scale = quantize(vector)
    assert float(dequantize(codes, scale) @ vector) / float(np.linalg.norm(dequantize(codes, scale))) > 0.98
    profile = TopicProfile()
    for i in range(12):
        profile.add(np.roll(vector, i), size=4)
    assert len(profile) == 4  # bounded: the most recent four
    assert profile.similarity(vector[None, :])[0] < 0.999  # the first ones were replaced
    state = SessionState.empty(DetectorConfig().ledger)
    state.profile = profile
    restored = SessionState.from_bytes(state.to_bytes())
    assert np.array_equal(restored.profile.codes, profile.codes) and restored.profile.next == profile.next
    assert len(state.to_bytes()) < 16 * 1024


# -- the Minecraft variants --------------------------------------------------------------------
def test_an_answer_that_turns_to_minecraft_halfway_is_drift(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    half = (
        "Run python -m build to produce the wheel and the sdist, then check them with twine check "
        "before you upload the distribution to PyPI with your API token. " + MINECRAFT
    )
    events = [ev("globex", "s1", kind, text) for kind, text in PACKAGING]
    events.append(ev("globex", "s1", OUT, half, event_id="half"))
    verdict = run(pipeline_for(), events)["half"]
    assert _drift(verdict), verdict
    # Without windows the on-topic half dilutes it.
    whole = run(pipeline_for(DetectorConfig(drift=DriftConfig(windows=False, encoder=False))), events)
    assert not _drift(whole["half"])


def test_minecraft_as_the_second_scored_output_is_drift(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    """One scored output before it: the threshold used to sit at the ceiling."""
    ev = EventFactory()
    events = [ev("globex", "s2", kind, text) for kind, text in PACKAGING]
    events.append(ev("globex", "s2", OUT, MINECRAFT, event_id="mc"))
    verdict = run(pipeline_for(), events)["mc"]
    assert _drift(verdict)
    assert verdict.topic_similarity is not None and verdict.topic_similarity < 0.2


def test_minecraft_that_the_static_vector_vetoed_is_drift(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    """Minecraft in a coding agent's words (deploy, build, test): the static topic vector puts it
    at 0.58 to the coding session, so a static bar of 0.55 vetoes it (the default 0.6 vetoed
    coding answers in travel sessions at 0.67-0.73); the encoder puts it near 0.15."""
    ev = EventFactory()
    disguised = (
        "Before the next deploy, let's finish the castle build: place the redstone repeater behind "
        "the piston, wire the lever to the iron door, and test the circuit in creative mode."
    )
    events = [ev("globex", "s3", kind, text) for kind, text in CODING]
    events.append(ev("globex", "s3", OUT, disguised, event_id="mc"))
    static = run(pipeline_for(DetectorConfig(drift=DriftConfig(encoder=False, semantic_veto=0.55))), events)
    assert not _drift(static["mc"]) and static["mc"].topic_similarity > 0.55
    verdict = run(pipeline_for(DetectorConfig(drift=DriftConfig(semantic_veto=0.55))), events)["mc"]
    assert _drift(verdict) and verdict.topic_similarity < 0.2


def test_minecraft_early_in_a_session_is_drift(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    """One scored output before it. A young session's threshold was the 0.92 ceiling; now it is
    the cold threshold, and the encoder confirms a doubted candidate (lexical 0.78 here)."""
    ev = EventFactory()
    text = (
        "what kind of bricks do you want for the temple, now that the recursive alias is fixed? "
        "sandstone bricks look great with a gold block roof."
    )
    events = [ev("globex", "s3", kind, text) for kind, text in CODING[:3]]
    events.append(ev("globex", "s3", OUT, text, event_id="mc"))
    before = DetectorConfig(drift=DriftConfig(cold_threshold=0.92, encoder=False, windows=False))
    assert not _drift(run(pipeline_for(before), events)["mc"])
    verdict = run(pipeline_for(), events)["mc"]
    assert _drift(verdict), verdict
    assert 0.7 < verdict.drift_score < 0.85  # the lexical score alone doubted it
    assert verdict.topic_similarity is not None and verdict.topic_similarity < 0.1


# -- in-domain answers in other words, and answers from elsewhere --------------------------------
def test_a_backoff_tip_in_a_repository_owners_session_is_allowed(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    events = [ev("globex", "s4", kind, text) for kind, text in REPO_OWNERS]
    events.append(ev("globex", "s4", OUT, BACKOFF, event_id="backoff"))
    verdict = run(pipeline_for(), events)["backoff"]
    assert not _drift(verdict), verdict


def test_a_fever_protocol_in_a_physiotherapy_session_is_allowed(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    events = [ev("clinic", "s5", kind, text) for kind, text in PHYSIO]
    events.append(ev("clinic", "s5", OUT, FEVER, event_id="fever"))
    verdict = run(pipeline_for(), events)["fever"]
    assert not _drift(verdict), verdict


def test_a_coding_answer_in_a_travel_session_is_drift(pipeline_for) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    events = [ev("agency", "s6", kind, text) for kind, text in TRAVEL]
    events.append(ev("agency", "s6", OUT, CODING_ANSWER, event_id="code"))
    verdict = run(pipeline_for(), events)["code"]
    assert _drift(verdict), verdict


# -- the decision at the unit seam, with a fake encoder --------------------------------------
class FakeEncoder:
    """Texts containing "temple" point one way, everything else another."""

    model_id = "fake"
    dims = 4

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = [[0.0, 1.0, 0.0, 0.0] if "temple" in t else [1.0, 0.0, 0.0, 0.0] for t in texts]
        return np.array(rows, dtype=np.float32).reshape(len(texts), 4)


def test_the_encoder_runs_only_on_candidates_and_decides_both_ways(pii_engine) -> None:  # type: ignore[no-untyped-def]
    fake = FakeEncoder()
    pipeline = DetectionPipeline(pii=pii_engine, encoder=fake)
    ev = EventFactory()
    events = [ev("t", "s", kind, text) for kind, text in PACKAGING]
    events.append(ev("t", "s", OUT, "Upload the wheel with twine after python -m build.", event_id="same"))
    events.append(ev("t", "s", OUT, "Visit the temple; sandstone pillars glow at sunset.", event_id="mc"))
    sink = run(pipeline, events)
    assert not _drift(sink["same"]) and _drift(sink["mc"])
    outputs_encoded = [texts for texts in fake.calls if any("temple" in t or "twine" in t for t in texts)]
    assert not any("Upload the wheel" in t for texts in outputs_encoded for t in texts)  # not a candidate
    assert pipeline.judge.stats.candidates >= 1

    scorer = DriftScorer(DriftConfig())
    vector = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32)
    flagged = scorer.score({1: 3.0, 2: 3.0}, lambda k: False, DriftStats())
    assert flagged.flagged and scorer.is_candidate(flagged)
    assert not scorer.decide(flagged, [0.5], vector).flagged  # vetoed: similar to the profile
    assert scorer.decide(flagged, [0.5, 0.05], vector).flagged  # one window unlike it: kept
    doubted = scorer.score({1: 3.0, 2: 2.0}, lambda k: k == 2, DriftStats())  # 0.6 < 0.85 - 0.15
    assert not doubted.flagged and not scorer.is_candidate(doubted)
    near = scorer.score({1: 5.0, 2: 1.0}, lambda k: k == 2, DriftStats())  # 0.83
    assert not near.flagged and scorer.is_candidate(near)
    assert scorer.decide(near, [0.02], vector).flagged  # confirmed: unlike anything supplied
    assert not scorer.decide(near, [0.15], vector).flagged


def test_a_model_file_that_is_not_the_pinned_one_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bleedwatch.detectors.encoder import EncoderUnavailable
    from bleedwatch.detectors.semantic import packaged_wordpiece

    fake = tmp_path / "model.onnx"
    fake.write_bytes(b"not the model")
    with pytest.raises(EncoderUnavailable):
        OnnxMiniLM(fake, packaged_wordpiece())
