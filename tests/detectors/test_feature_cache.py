"""Repeated text (RAG chunks, canned answers) is extracted once, and verdicts do not change."""

from __future__ import annotations

from bleedwatch.detectors import DetectorConfig
from bleedwatch.detectors.testing import EventFactory
from bleedwatch.models import Event, EventKind
from tests.benchmarks.leakbench.generator import generate

CONTEXT = EventKind.RETRIEVED_CONTEXT
OUT = EventKind.MODEL_OUTPUT
CHUNK = "Refund policy: contact Dana Whitfield at dana.whitfield@example.com or +44 20 7946 0958."


def test_a_repeated_chunk_is_extracted_once_and_keeps_its_own_event(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    extractor = make_pipeline().extractor
    ev = EventFactory()
    first, second = ev("acme", "s1", CONTEXT, CHUNK), ev("globex", "s9", CONTEXT, CHUNK)
    a, b = extractor.extract_batch([first, second])
    assert (extractor.cache.hits, extractor.cache.misses) == (1, 1)
    assert (a.event, b.event) == (first, second)
    assert a.pii == b.pii and {p.entity_type for p in a.pii} >= {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    a.event = None  # type: ignore[assignment]  # as the extraction process detaches results
    assert extractor.extract_batch([second])[0].event == second


def test_a_repeated_output_runs_ner_once(make_pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    extractor = make_pipeline().extractor
    ner = extractor.pii.ner
    seen: list[str] = []
    persons = ner.persons
    monkeypatch.setattr(ner, "persons", lambda texts: seen.extend(texts) or persons(texts))
    ev = EventFactory()
    text = "Dr. Siobhan Ní Bhriain will see you on Friday."
    outputs = extractor.extract_batch([ev("acme", "s1", OUT, text), ev("acme", "s2", OUT, text)])
    named = extractor.with_names(outputs)
    assert seen == [text]  # one NER run for the two outputs
    assert extractor.with_names(outputs[:1])[0].pii == named[0].pii and seen == [text]
    assert all(n.names_checked for n in named)
    assert [n.event.session_id for n in named] == ["s1", "s2"]
    persons = [[p for p in n.pii if p.entity_type == "PERSON" and not p.candidate] for n in named]
    assert persons[0] and persons[0] == persons[1]


def test_verdicts_are_the_same_with_and_without_the_cache(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = [Event.model_validate(e) for e in generate(700, seed=4)[0]]
    cached = make_pipeline()
    uncached = make_pipeline(DetectorConfig(extraction_cache_entries=0))
    with_cache = [v.model_dump() for v in cached.verdicts(events)]
    without = [v.model_dump() for v in uncached.verdicts(events)]
    assert cached.extractor.cache.hits > 50 and len(uncached.extractor.cache) == 0
    assert len(with_cache) > 200
    assert with_cache == without
