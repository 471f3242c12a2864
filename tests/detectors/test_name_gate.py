"""NER runs only for outputs whose names the session's evidence does not explain, and the
decision never depends on how the stream was cut into batches."""

from __future__ import annotations

import json

from bleedwatch.detectors.testing import EventFactory
from bleedwatch.models import Event, EventKind, FindingType
from tests.benchmarks.leakbench.generator import generate

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
TOOL = EventKind.TOOL_TRACE


def test_ner_runs_only_for_names_no_evidence_of_the_session_held(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline = make_pipeline()
    ev = EventFactory()
    events = [
        ev("clinic", "s1", USER, "Can I move my appointment?"),
        ev("clinic", "s1", TOOL, json.dumps({"patient_name": "Oluwaseun Adebayo-Okafor"})),
        ev("clinic", "s1", OUT, "Done, Oluwaseun: your appointment is now on Friday.", event_id="known"),
        ev("clinic", "s1", OUT, "Dr. Siobhan Ní Bhriain will see you on Friday.", event_id="unknown"),
    ]
    extracted = pipeline.extractor.extract_batch(events)
    assert pipeline.names_needed(extracted) == [3]  # the evidence in the batch counts too

    verdicts = {v.event_id: v for e in events for v in pipeline.process(e)}
    unknown = [f for f in verdicts["unknown"].findings if f.entity_type == "PERSON"]
    assert unknown and unknown[0].type is FindingType.PII_WITHOUT_PROVENANCE  # NER found her
    assert not [f for f in verdicts["known"].findings if f.entity_type == "PERSON"]


def test_verdicts_do_not_depend_on_batch_boundaries(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = [Event.model_validate(e) for e in generate(600, seed=5)[0]]
    one_by_one = [v.model_dump() for v in make_pipeline().verdicts(events, batch_size=1)]
    batched = [v.model_dump() for v in make_pipeline().verdicts(events, batch_size=64)]
    odd = [v.model_dump() for v in make_pipeline().verdicts(events, batch_size=7)]
    assert len(one_by_one) > 100
    assert batched == one_by_one
    assert odd == one_by_one
