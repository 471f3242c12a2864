"""PII detection with Presidio on a packaged spaCy model, fully offline.

Two analyzers share one recognizer set:
- the *evidence* analyzer runs pattern recognizers over a blank tokenizer (no NER), for
  contexts, tool traces and user input, where only values and fingerprints are needed;
- the *output* analyzer adds spaCy NER (PERSON) and runs over model outputs, batched.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import spacy
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    SpacyRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
)

from .config import PiiConfig
from .offline import use_bundled_public_suffix_list
from .recognizers import AssignedSecretRecognizer, VendorSecretRecognizer

# spaCy components Presidio does not read: the parser is the costliest and unused.
_UNUSED_COMPONENTS = ["parser"]
_NER_ENTITIES = {"PERSON"}


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """A PII value found in text. ``text`` is raw and must never leave the process."""

    entity_type: str
    start: int
    end: int
    score: float
    text: str


class _PackagedSpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading a pip-installed model or a blank tokenizer, never downloading."""

    def __init__(self, model: str | None, ner_entities: set[str]) -> None:
        mapping = {"PERSON": "PERSON", "PER": "PERSON"}
        super().__init__(
            models=[{"lang_code": "en", "model_name": model or "blank"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=mapping,
                labels_to_ignore=[],
                low_score_entity_names=[],
            ),
        )
        self._model = model
        self._ner_entities = ner_entities

    def load(self) -> None:
        if self._model is None:
            self.nlp = {"en": spacy.blank("en")}  # type: ignore[assignment]
        else:
            self.nlp = {"en": spacy.load(self._model, exclude=_UNUSED_COMPONENTS)}  # type: ignore[assignment]

    def artifacts(self, doc: Any) -> NlpArtifacts:
        return self._doc_to_nlp_artifact(doc, "en")


def _recognizers(config: PiiConfig) -> list[EntityRecognizer]:
    return [
        EmailRecognizer(),
        PhoneRecognizer(supported_regions=tuple(config.phone_regions)),
        CreditCardRecognizer(),
        IbanRecognizer(),
        IpRecognizer(),
        UsSsnRecognizer(),
        UkNinoRecognizer(),
        VendorSecretRecognizer(),
        AssignedSecretRecognizer(),
    ]


def _registry(config: PiiConfig, with_ner: bool) -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=["en"])
    for recognizer in _recognizers(config):
        registry.add_recognizer(recognizer)
    if with_ner:
        registry.add_recognizer(SpacyRecognizer(supported_entities=sorted(_NER_ENTITIES)))
    for path in config.custom_recognizers:
        registry.add_recognizers_from_yaml(path)
    return registry


class PiiEngine:
    """Finds PII values; the only component that touches Presidio and spaCy."""

    def __init__(self, config: PiiConfig) -> None:
        self.config = config
        use_bundled_public_suffix_list()
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        self._evidence_nlp = _PackagedSpacyEngine(None, set())
        self._evidence_nlp.load()
        self._output_nlp = _PackagedSpacyEngine(config.spacy_model, _NER_ENTITIES)
        self._output_nlp.load()
        self._evidence = AnalyzerEngine(
            nlp_engine=self._evidence_nlp,
            registry=_registry(config, with_ner=False),
            supported_languages=["en"],
        )
        self._output = AnalyzerEngine(
            nlp_engine=self._output_nlp,
            registry=_registry(config, with_ner=True),
            supported_languages=["en"],
        )
        self._pattern_entities = [e for e in config.entities if e not in _NER_ENTITIES]

    @property
    def model_version(self) -> str:
        nlp = self._output_nlp.nlp["en"] if self._output_nlp.nlp else None
        return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}" if nlp else "none"

    def analyze_evidence(self, text: str) -> list[PiiSpan]:
        """Pattern recognizers only: values in contexts, tool traces, user input."""
        results = self._evidence.analyze(
            text=text,
            language="en",
            entities=self._pattern_entities,
            score_threshold=self.config.evidence_score_threshold,
        )
        return _spans(text, results)

    def analyze_outputs(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        """Full analysis, NER included, batched through ``nlp.pipe``."""
        nlp = self._output_nlp.nlp["en"]  # type: ignore[index]
        out: list[list[PiiSpan]] = []
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=32), strict=True):
            results = self._output.analyze(
                text=text,
                language="en",
                entities=self.config.entities,
                score_threshold=self.config.score_threshold,
                nlp_artifacts=self._output_nlp.artifacts(doc),
            )
            out.append([s for s in _spans(text, results) if _plausible(s, self.config)])
        return out


def _plausible(span: PiiSpan, config: PiiConfig) -> bool:
    if span.entity_type == "PERSON":
        letters = sum(c.isalpha() for c in span.text)
        return letters >= config.min_person_chars and not span.text.islower()
    return True


def _spans(text: str, results: Sequence[Any]) -> list[PiiSpan]:
    spans = [PiiSpan(r.entity_type, r.start, r.end, float(r.score), text[r.start : r.end]) for r in results]
    return _drop_overlaps(spans)


def _drop_overlaps(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Keep the highest-scoring, then longest, span where spans overlap."""
    kept: list[PiiSpan] = []
    for span in sorted(spans, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
