"""Which language an event is written in, so that term rarity uses that language's words.

Rarity was English-only: every word of a clean German or Spanish answer was "rare", and such
answers scored drift 0.57-0.92. The identifier is ``py3langid`` (langid.py's model, bundled in
the wheel, about 1 MB; nothing is downloaded), restricted to the languages ``wordfreq`` has
frequencies for, and about 0.3 ms a text. Short or unclear texts (code, "ok") keep the default
language, as they did before.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from wordfreq import available_languages

DEFAULT_LANGUAGE = "en"
_MIN_LETTERS = 20  # fewer letters than this: not enough to tell; the default stands
_MIN_PROBABILITY = 0.8  # normalised over the languages considered


class LanguageIdentifier:
    """ISO 639-1 code of a text, among ``languages`` (and the default)."""

    def __init__(self, languages: frozenset[str], default: str = DEFAULT_LANGUAGE) -> None:
        from py3langid.langid import MODEL_FILE
        from py3langid.langid import LanguageIdentifier as Model

        self.default = default
        self._model: Any = Model.from_model_file(MODEL_FILE, norm_probs=True)
        known = set(self._model.labels) & (set(languages) | {default})
        self._model.set_languages(sorted(known))
        self.languages = frozenset(known)

    def detect(self, text: str) -> str:
        if sum(c.isalpha() for c in text[:400]) < _MIN_LETTERS:
            return self.default
        language, probability = self._model.classify(text[:2000])
        return str(language) if probability >= _MIN_PROBABILITY else self.default


def rarity_languages() -> frozenset[str]:
    """The languages wordfreq has a word list for (about 40)."""
    return frozenset(code for code in available_languages() if len(code) == 2)


@cache
def packaged_identifier(languages: frozenset[str] | None = None) -> LanguageIdentifier:
    """The identifier, loaded once per process (about 1 s)."""
    return LanguageIdentifier(languages if languages is not None else rarity_languages())
