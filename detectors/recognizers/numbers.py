"""Card numbers and IBANs whatever their separators, and IP addresses that are not code.

Presidio's card and IBAN patterns expect the printed grouping (``4111 1111 1111 1111``,
``DE89 3704 ...``). A number written to dodge them (``4111.1111.1111.1111``,
``41 111 1111 111 11 11``, digits spelled out and folded back to digits by
:mod:`detectors.fold`) is the same number: this recognizer reads digit runs with any single
separators, keeps those that pass the number's own check (Luhn with a card network's prefix,
IBAN check digits and country format), and reports them under the same entity, so the
canonical form and the fingerprint are the plain form's. Phone numbers need nothing here: the
phone recognizer already accepts any separators and validates with ``phonenumbers``.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import IbanRecognizer, IpRecognizer

_SEP = r"[ \t.\-_/]{1,2}"
# A digit run: digits with at most two separator characters between them.
# Not after "+" or "(": "+55 11 96123-4532" is a phone number whose digits happen to pass Luhn.
_DIGITS = regex.compile(rf"(?<![\w.\-+(]|[+(][ \t])\d(?:(?:{_SEP})?\d){{12,18}}(?![\w]|[.\-]\d)")
# An IBAN: country, check digits, then letters and digits with any single separators.
# Either case: "gb82 west 1234 ..." is the same IBAN (its canonical form is upper case).
_IBAN = regex.compile(
    rf"(?<![\w])[A-Za-z]{{2}}(?:{_SEP})?\d(?:(?:{_SEP})?\d)(?:(?:{_SEP})?[A-Za-z0-9]){{10,30}}(?![\w])"
)
_CARD_PREFIX = regex.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[068]|6(?:011|5|4[4-9]|22)|35)")


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class LooseNumberRecognizer(EntityRecognizer):
    """Cards and IBANs with irregular or unusual separators (see the module docstring)."""

    SCORE = 0.8  # cards: below Presidio's own validated matches, which win where both match

    def __init__(self) -> None:
        super().__init__(supported_entities=["CREDIT_CARD", "IBAN_CODE"], name="LooseNumberRecognizer")
        self._iban = IbanRecognizer()

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        if "CREDIT_CARD" in entities:
            for match in _DIGITS.finditer(text):
                digits = "".join(c for c in match.group() if c.isdigit())
                if 13 <= len(digits) <= 19 and _CARD_PREFIX.match(digits) and luhn(digits):
                    results.append(self._result("CREDIT_CARD", match.start(), match.end()))
        if "IBAN_CODE" in entities:
            for match in _IBAN.finditer(text):
                compact = "".join(c for c in match.group() if c.isalnum()).upper()
                if 15 <= len(compact) <= 34 and self._iban.validate_result(compact):
                    # check digits and country format both hold: as sure as Presidio's own IBAN
                    # match, so a card-shaped run inside it does not win the overlap
                    results.append(self._result("IBAN_CODE", match.start(), match.end(), 1.0))
        return results

    def _result(self, entity: str, start: int, end: int, score: float = SCORE) -> RecognizerResult:
        name = str(getattr(self, "name", "LooseNumberRecognizer"))
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=name, original_score=score, textual_explanation="checksum-valid digit run"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )


# An index or a slice in code: "digits[0::2]", "a[::3]", "x[1:2:3]".
_SUBSCRIPT = regex.compile(r"[\w)\]]\[[^\[\]\n]{0,40}\]")


class CodeAwareIpRecognizer(IpRecognizer):
    """Presidio's IP recognizer, minus IPv6 look-alikes that are code.

    ``digits[0::2]`` and ``a[::3]`` are slices, not addresses: an IPv6 match that sits inside
    a subscript, or that has fewer than three non-empty groups ("0::2", "::3"), is dropped.
    Real addresses written in brackets ("[2001:db8::1]:8080") have more groups and no name
    before the bracket.
    """

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if not results:
            return results
        subscripts = [m.span() for m in _SUBSCRIPT.finditer(text)]
        kept = []
        for result in results:
            value = text[result.start : result.end]
            if ":" in value and "." not in value:
                groups = [g for g in value.split("/")[0].split(":") if g]
                if len(groups) < 3:
                    continue
                if any(a < result.start and result.end < b for a, b in subscripts):
                    continue
            kept.append(result)
        return kept
