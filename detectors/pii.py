"""PII detection with Presidio's recognizers and a packaged spaCy model, fully offline.

Presidio's recognizers do the matching and validation (Luhn, IBAN checksums, phone-number
parsing, entropy for secrets). bleedwatch drives them directly rather than through
``AnalyzerEngine``, because most of that engine's cost is work a leak detector can skip:

- a recognizer runs only when a cheap pre-check says its pattern can occur (no "@", no email);
- evidence (contexts, tool traces, user input) never needs NER: names there come from name
  shapes (:mod:`.recognizers.names`); repeated text (RAG chunks) is not analysed again
  (:mod:`.feature_cache`);
- the pattern recognizers read a folded copy of the text (:mod:`.fold`: no zero-width or other
  format characters, look-alike letters and fullwidth digits as ASCII, digits and addresses
  spelled out as written normally), and every span maps back to the original offsets;
- outputs go through spaCy NER only when they contain a capitalised, uncommon word
  (:func:`name_words`) that the session's evidence did not supply (the pipeline decides), and
  the NER model runs alone (no tagger, parser or lemmatizer), batched with ``nlp.pipe``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    UkNinoRecognizer,
    UsSsnRecognizer,
)
from spacy.language import Language

from .config import PiiConfig
from .fold import fold
from .offline import use_bundled_public_suffix_list
from .recognizers import (
    ATTRIBUTED_ONLY,
    VALUE_KEY,
    AssignedSecretRecognizer,
    CodeAwareIpRecognizer,
    CodeSecretRecognizer,
    FastPhoneRecognizer,
    LooseNumberRecognizer,
    PostalAddressRecognizer,
    VendorSecretRecognizer,
)
from .terms import zipf
from .text import Token, tokenize

# The NER model runs alone: it carries its own token-to-vector layer.
_NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
NER_SCORE = 0.85  # Presidio's SpacyRecognizer score for a spaCy entity

# When can a recognizer possibly match? Recognizers not listed always run.
_PRECHECKS: dict[str, re.Pattern[str]] = {
    "EmailRecognizer": re.compile(r"@"),
    "FastPhoneRecognizer": re.compile(r"(?:\d[\s().\-/]*){7}"),
    "CreditCardRecognizer": re.compile(r"(?:\d[\s\-]*){12}"),
    # the leading part of Presidio's (case-sensitive) IBAN pattern, which is slow to run
    "IbanRecognizer": re.compile(r"[A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4}){2}"),
    "CodeAwareIpRecognizer": re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:"),
    "UsSsnRecognizer": re.compile(r"\d{3}[\s\-.]?\d{2}[\s\-.]?\d{4}"),
    "UkNinoRecognizer": re.compile(r"[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}"),
    "VendorSecretRecognizer": re.compile(r"[A-Za-z0-9_\-]{16}|-----BEGIN"),
    "AssignedSecretRecognizer": re.compile(r"[A-Za-z0-9_\-+/=.]{16}"),
    "CodeSecretRecognizer": re.compile(r"(?i:pass|pwd|secret|token|key|credential|auth)|://[^\s/@]*:"),
    "LooseNumberRecognizer": re.compile(
        r"(?:\d[\s.\-_/]{0,2}){13}|\b[A-Za-z]{2}[\s.\-_/]{0,2}\d\d(?:[\s.\-_/]{0,2}[A-Za-z0-9]){10}"
    ),
    "PostalAddressRecognizer": re.compile(r"\d"),
}
NAME_GATE_ZIPF = 4.5


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """A PII value found in text. ``text`` is raw and must never leave the process."""

    entity_type: str
    start: int
    end: int
    score: float
    # The value as the recognizers read it (folded, see :mod:`.fold`); ``start``/``end`` are
    # offsets in the original text, which may differ from ``text`` when the value was disguised.
    text: str
    # A value whose shape alone is no evidence (a documentation value, a weak secret): it is
    # reported only when another session supplied it.
    attributed_only: bool = False


class NerEngine(Protocol):
    """Finds person names; the only component that runs a statistical model."""

    version: str

    def persons(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]: ...


class SpacyNer:
    """spaCy's NER alone, from a pip-installed model package; never downloads.

    The model loads on first use: a process that only routes events (the worker's parent,
    whose extraction runs in a child) never pays its start-up time or memory, yet reports
    the same version, read from the package's metadata.
    """

    def __init__(self, model: str, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size
        meta = spacy.util.get_model_meta(spacy.util.get_package_path(model))
        self.version = f"{meta.get('name', model)}-{meta.get('version', '?')}"
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = spacy.load(self.model, exclude=_NER_ONLY)
        return self._nlp

    def persons(self, texts: Sequence[str]) -> list[list[tuple[int, int]]]:
        return [
            [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in ("PERSON", "PER")]
            for doc in self.nlp.pipe(texts, batch_size=self.batch_size)
        ]


def default_recognizers(config: PiiConfig) -> list[EntityRecognizer]:
    return [
        EmailRecognizer(),
        FastPhoneRecognizer(supported_regions=tuple(config.phone_regions)),
        CreditCardRecognizer(),
        IbanRecognizer(),
        LooseNumberRecognizer(),
        CodeAwareIpRecognizer(),
        UsSsnRecognizer(),
        UkNinoRecognizer(),
        VendorSecretRecognizer(),
        AssignedSecretRecognizer(),
        CodeSecretRecognizer(),
        PostalAddressRecognizer(),
    ]


def name_words(text: str, tokens: Sequence[Token]) -> list[Token]:
    """The NER gate: capitalised words of ``text`` that are not everyday English."""
    return [t for t in tokens if text[t.start].isupper() and zipf(t.text) < NAME_GATE_ZIPF]


class PiiEngine:
    """Finds PII values; the only component that touches Presidio and spaCy."""

    def __init__(self, config: PiiConfig, ner: NerEngine | None = None) -> None:
        self.config = config
        use_bundled_public_suffix_list()
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        registry = RecognizerRegistry(supported_languages=["en"])
        for recognizer in default_recognizers(config):
            registry.add_recognizer(recognizer)
        for path in config.custom_recognizers:
            registry.add_recognizers_from_yaml(path)
        wanted = set(config.entities)
        self._recognizers = [
            (r, _PRECHECKS.get(type(r).__name__), [e for e in r.supported_entities if e in wanted])
            for r in registry.recognizers
        ]
        self._recognizers = [x for x in self._recognizers if x[2]]
        self._use_ner = "PERSON" in wanted
        self.ner: NerEngine | None = ner or (SpacyNer(config.spacy_model) if self._use_ner else None)

    @property
    def model_version(self) -> str:
        return self.ner.version if self.ner is not None else "no-ner"

    def _patterns(self, text: str, threshold: float) -> list[PiiSpan]:
        folded = fold(text)
        read = folded.text
        results: list[RecognizerResult] = []
        for recognizer, precheck, entities in self._recognizers:
            if precheck is not None and precheck.search(read) is None:
                continue
            # Pattern recognizers take no NLP artifacts; context words are not needed to match.
            results.extend(recognizer.analyze(read, entities, None))  # type: ignore[arg-type]
        spans = []
        for r in results:
            if r.score < threshold:
                continue
            meta = r.recognition_metadata or {}
            start, end = folded.original(r.start, r.end)
            value = meta.get(VALUE_KEY) or read[r.start : r.end]
            weak = bool(meta.get(ATTRIBUTED_ONLY, False))
            spans.append(PiiSpan(r.entity_type, start, end, round(float(r.score), 4), value, weak))
        return spans

    def analyze_evidence(self, text: str) -> list[PiiSpan]:
        """Pattern recognizers only, at the lower evidence threshold."""
        return _drop_overlaps(self._patterns(text, self.config.evidence_score_threshold))

    def analyze_outputs(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        """Pattern recognizers plus NER (PERSON) for outputs that may hold a name."""
        found = [self.output_patterns(text) for text in texts]
        gated = [i for i, text in enumerate(texts) if name_words(text, tokenize(text))]
        for i, spans in zip(
            gated, self.with_persons([texts[i] for i in gated], [found[i] for i in gated]), strict=True
        ):
            found[i] = spans
        return found

    @property
    def finds_names(self) -> bool:
        return self.ner is not None

    def output_patterns(self, text: str) -> list[PiiSpan]:
        """An output's pattern recognizers alone (NER is decided later, against provenance)."""
        spans = self._patterns(text, self.config.score_threshold)
        return [s for s in _drop_overlaps(spans) if _plausible(s, self.config)]

    def with_persons(self, texts: Sequence[str], found: Sequence[list[PiiSpan]]) -> list[list[PiiSpan]]:
        """Add NER's PERSON spans to each text's pattern spans, in one ``nlp.pipe``."""
        if self.ner is None or not texts:
            return [list(spans) for spans in found]
        out = []
        for text, spans, persons in zip(texts, found, self.ner.persons(list(texts)), strict=True):
            merged = [*spans, *(PiiSpan("PERSON", s, e, NER_SCORE, text[s:e]) for s, e in persons)]
            out.append([s for s in _drop_overlaps(merged) if _plausible(s, self.config)])
        return out


def _plausible(span: PiiSpan, config: PiiConfig) -> bool:
    if span.entity_type == "PERSON":
        letters = sum(c.isalpha() for c in span.text)
        return letters >= config.min_person_chars and not span.text.islower()
    return True


def _drop_overlaps(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Keep the highest-scoring, then longest, span where spans overlap."""
    kept: list[PiiSpan] = []
    for span in sorted(spans, key=lambda s: (-s.score, -(s.end - s.start), s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
