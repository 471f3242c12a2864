"""International phone numbers: Presidio's recognizer, validated by ``phonenumbers``, found fast.

Presidio's ``PhoneRecognizer`` runs ``PhoneNumberMatcher`` over the whole text once per
region, which dominates the cost of scanning tool traces. This subclass finds digit-run
candidates with one regex, then parses each candidate (``+``-prefixed ones in their own
country, others in each configured region) and keeps those ``phonenumbers`` calls valid.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
import regex
from presidio_analyzer import AnalysisExplanation, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

_CANDIDATE = regex.compile(r"(?<![\w+\-/.])(?:\+|00)?\(?\d[\d \t().\-/]{5,22}\d(?![\w\-/])")


class FastPhoneRecognizer(PhoneRecognizer):
    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        name = str(getattr(self, "name", "FastPhoneRecognizer"))
        for match in _CANDIDATE.finditer(text):
            candidate = match.group()
            digits = sum(c.isdigit() for c in candidate)
            if not 7 <= digits <= 15:
                continue
            region = self._valid_region(candidate)
            if region is None:
                continue
            results.append(
                RecognizerResult(
                    entity_type="PHONE_NUMBER",
                    start=match.start(),
                    end=match.end(),
                    score=self.SCORE,
                    analysis_explanation=AnalysisExplanation(
                        recognizer=name,
                        original_score=self.SCORE,
                        textual_explanation=f"Recognized as {region} phone number, using phonenumbers",
                    ),
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results

    def _valid_region(self, candidate: str) -> str | None:
        # The same number recurs across a session's record, its input and its answers.
        return _valid_region(candidate, tuple(self.supported_regions))


@lru_cache(maxsize=16384)
def _valid_region(candidate: str, supported_regions: tuple[str, ...]) -> str | None:
    international = candidate.startswith(("+", "00"))
    regions: list[str | None] = [None] if international else list(supported_regions)
    text = "+" + candidate[2:] if candidate.startswith("00") else candidate
    for region in regions:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.region_code_for_number(number) or region
    return None
