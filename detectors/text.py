"""Tokens, shingles and winnowing over plain text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


class Token(NamedTuple):
    """A word: a tuple, because tokenising builds one per word of every event."""

    text: str  # case-folded
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group().casefold(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def shingles(tokens: Sequence[Token], size: int) -> list[str]:
    """Word n-grams joined by single spaces; shingle i covers tokens[i : i + size]."""
    if len(tokens) < size:
        return []
    words = [t.text for t in tokens]
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def winnow(hashes: Sequence[int], window: int) -> list[int]:
    """Positions selected by winnowing (Schleimer et al.): the rightmost minimum per window.

    Any shared run of at least ``window`` consecutive hashes selects at least one common
    position, so the index can hold a fraction of all shingles and still see every long match.
    """
    if not hashes:
        return []
    if len(hashes) <= window:
        low = min(hashes)
        return [max(i for i, h in enumerate(hashes) if h == low)]
    picked: list[int] = []
    for start in range(len(hashes) - window + 1):
        block = hashes[start : start + window]
        low = min(block)
        pos = start + max(i for i, h in enumerate(block) if h == low)
        if not picked or picked[-1] != pos:
            picked.append(pos)
    return picked
