"""Content terms and their rarity: what a text is about, with common words weighing little."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache, lru_cache

import regex
from wordfreq import get_frequency_dict, zipf_frequency

from .text import Token

_STOP = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "and",
        "any",
        "are",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "can",
        "could",
        "did",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "into",
        "its",
        "itself",
        "just",
        "let",
        "like",
        "more",
        "most",
        "myself",
        "nor",
        "not",
        "now",
        "off",
        "once",
        "only",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "too",
        "under",
        "until",
        "very",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "please",
        "thanks",
        "thank",
        "sure",
        "okay",
        "yes",
        "here's",
        "there's",
        "it's",
        "that's",
        "i'm",
        "you're",
        "we're",
        "they're",
        "i've",
        "you've",
        "can't",
        "don't",
        "won't",
    ]
)

# Zipf frequency above which a word carries no topical weight ("want", "kind", "make").
_COMMON_ZIPF = 5.5
_MAX_WEIGHT = 3.5


_POSSESSIVE = re.compile(r"['’]s$")


def stem(word: str) -> str:
    """A tiny suffix stripper: enough to make 'bricks' and 'brick' one term."""
    if len(word) > 4:
        if word.endswith("ies"):
            return word[:-3] + "y"
        if word.endswith("sses"):
            return word[:-2]
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
    return word


_JOINERS = re.compile(r"['’\-]+")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")


@cache
def _frequencies(language: str = "en") -> dict[str, float]:
    return get_frequency_dict(language)


@lru_cache(maxsize=200_000)
def zipf(word: str, language: str = "en") -> float:
    """Zipf frequency in ``language``: about 7 for "the", 0 for words wordfreq never saw.

    A dictionary lookup first; wordfreq's own tokenising lookup only for what the plain
    word list does not hold (contractions, mixed scripts).
    """
    frequency = _frequencies(language).get(word)
    if frequency is not None:
        return round(math.log10(frequency) + 9, 2)
    if word.isalnum():  # a word or an identifier ("gb30ogcp7312") wordfreq does not list
        return 0.0
    # "o'brien", "jean-luc", letters with combining marks: no need for wordfreq's own
    # tokeniser (its slow path, measured 0.14 s per 1,500 events); the rarest part decides.
    parts = [p for p in _JOINERS.split(word) if p]
    if parts and parts != [word]:
        return min(zipf(p, language) for p in parts)
    if parts and _LETTERS.fullmatch(parts[0]):
        return 0.0
    return float(zipf_frequency(word, language))


def rarity(word: str, language: str = "en") -> float:
    """0 for very common words of ``language``, up to ``_MAX_WEIGHT`` for rare or unknown ones.

    Outside English a word also counts as common if English uses it commonly: answers in any
    language quote English identifiers, product names and loan words ("Python", "App").
    """
    common = zipf(word, language)
    if language != "en":
        common = max(common, zipf(word))
    return max(0.0, min(_MAX_WEIGHT, _COMMON_ZIPF - common))


def terms_of(tokens: Iterable[Token], language: str = "en") -> dict[str, float]:
    """Stemmed content terms of already tokenised text, with their rarity weight in ``language``.

    Stop words and the stemmer stay the English ones in every language, so that a term's key
    does not depend on which language a short event was taken for.
    """
    terms: dict[str, float] = {}
    for token in tokens:
        word = _POSSESSIVE.sub("", token.text)
        if len(word) < 3 or word in _STOP or word.isdigit():
            continue
        term = stem(word)
        if term not in terms:
            weight = rarity(word, language)
            if weight > 0.0:
                terms[term] = weight
    return terms
