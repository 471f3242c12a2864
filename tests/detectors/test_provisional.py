"""Outputs judged while the index may have been incomplete are judged again once it is
(``DetectionPipeline.rejudge``): a changed verdict is a follow-up, never a second revision."""

from __future__ import annotations

from collections.abc import Callable

from bleedwatch.detectors import BatchIndex, DetectionPipeline, Origin, Provisional, Sighting
from bleedwatch.detectors.extract import Extraction
from bleedwatch.detectors.pipeline import _without_own
from bleedwatch.detectors.testing import EventFactory
from bleedwatch.models import Action, Event, EventKind, FindingType

USER, OUT = EventKind.USER_INPUT, EventKind.MODEL_OUTPUT
EMAIL = "ines.moreau71@fastmail.fr"


def _extract(pipeline: DetectionPipeline, event: Event) -> Extraction:
    ex = pipeline.extractor.extract_batch([event])[0]
    return pipeline.extractor.with_names([ex])[0] if ex.needs_names else ex


def _judge_provisionally(pipeline: DetectionPipeline, event: Event) -> Provisional:
    """Judge ``event`` against an index that has nothing yet (a lookup past its maximum wait)."""
    kept: list[Provisional] = []
    index = BatchIndex()
    index.keep_provisional = kept.append
    [verdict] = pipeline.apply(_extract(pipeline, event), index=index)
    assert kept and kept[0].verdict == verdict
    return kept[0]


def test_a_record_that_arrives_late_turns_an_unattributed_alert_into_a_block(
    make_pipeline: Callable[..., DetectionPipeline],
) -> None:
    pipeline = make_pipeline()
    ev = EventFactory()
    source = ev("acme", "s1", USER, f"Hi, please write to {EMAIL} about my claim.")
    leak = ev("acme", "s2", OUT, f"I have sent the form to {EMAIL} as asked.", event_id="leak")
    provisional = _judge_provisionally(pipeline, leak)
    first = provisional.verdict
    assert [f.type for f in first.findings if f.entity_type == "EMAIL_ADDRESS"] == [
        FindingType.PII_WITHOUT_PROVENANCE
    ]

    pipeline.apply(_extract(pipeline, source))  # the lagging partition's record, into the index
    complete = BatchIndex(pipeline.index.lookup(pipeline.rejudge_keys(provisional)))
    followup = pipeline.rejudge(provisional, complete)

    assert followup is not None and followup.revision == 1 and followup.action is Action.BLOCK
    email = [f for f in followup.findings if f.entity_type == "EMAIL_ADDRESS"]
    assert [f.type for f in email] == [FindingType.CROSS_SESSION_PII]
    assert email[0].source is not None and email[0].source.session_id == "s1"
    # judged again with nothing new: no second follow-up
    assert pipeline.rejudge(provisional, complete) is None


def test_an_output_late_evidence_already_explained_is_not_judged_again(
    make_pipeline: Callable[..., DetectionPipeline],
) -> None:
    pipeline = make_pipeline()
    ev = EventFactory()
    output = ev("acme", "s2", OUT, f"I have sent the form to {EMAIL} as asked.", event_id="out")
    late = ev("acme", "s2", USER, f"My address is {EMAIL}.")
    late = late.model_copy(update={"timestamp": output.timestamp.replace(second=0)})  # before it
    provisional = _judge_provisionally(pipeline, output)
    assert provisional.verdict.action is not Action.ALLOW

    retracted = pipeline.apply(_extract(pipeline, late))
    assert [v.revision for v in retracted] == [1]  # the late evidence's own follow-up

    complete = BatchIndex(pipeline.index.lookup(pipeline.rejudge_keys(provisional)))
    assert pipeline.rejudge(provisional, complete) is None  # never a second revision 1


def test_the_index_without_what_the_output_recorded_itself() -> None:
    ev = EventFactory()
    out = ev("acme", "s2", OUT, "text", event_id="out")
    when = out.timestamp.timestamp()
    other = Origin("acme", "s1", "e1", USER, when - 10)
    seen = Sighting(other, {"acme": (("s1", when - 10), ("s2", when))}, when)
    assert _without_own(seen, out) == Sighting(other, {"acme": (("s1", when - 10),)}, when)
    own_first = Sighting(Origin("acme", "s2", "out", OUT, when), {"acme": (("s2", when),)}, when)
    assert _without_own(own_first, out) is None
    untouched = Sighting(other, {"acme": (("s1", when - 10),)}, when - 10)
    assert _without_own(untouched, out) is untouched
