"""Evasion-resistant text for the pattern recognizers, with a map back to the original offsets.

A value written to slip past a regex is still the same value: an email with a zero-width
space inside, a card number in fullwidth digits, a domain with a Cyrillic "о", digits spelled
out ("four one one one ..."), an address spelled out ("ana dot ruiz at example dot org").
The recognizers run on a folded copy of the text in which all of these read as the plain
value, so the value's canonical form, and therefore its fingerprint, is the plain form's:
provenance and cross-session attribution work on the evasive form as they do on the plain one.

Folding, in order:

0. JSON ``\\uXXXX`` escapes (tool traces serialised as ASCII) become their characters.
1. Format characters (Unicode category Cf: zero-width spaces and joiners, word joiner, BOM,
   soft hyphen, bidi controls) are removed.
2. NFKC compatibility folding (fullwidth forms, ligatures, odd spaces).
3. Decimal digits of any script become ASCII digits.
4. A non-Latin character that Unicode's confusables table says looks like an ASCII letter or
   digit becomes that character, but only inside a word that also has ASCII letters or digits:
   mixing scripts inside one word is the evasion; a word wholly in Cyrillic or Greek is left
   alone.
5. Runs of digits partly or wholly written as English words become digits.
6. Spelled-out email addresses become the address.

Every folded character keeps the original span it came from, so a value found in the folded
text is reported (and masked) over the original characters it covers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


@dataclass(frozen=True, slots=True)
class FoldedText:
    """``text`` with, for each of its characters, the original span it stands for."""

    text: str
    starts: tuple[int, ...] | None  # None: the text is unchanged (the identity map)
    ends: tuple[int, ...] | None

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span that folded ``[start, end)`` covers."""
        if self.starts is None or self.ends is None or end <= start:
            return start, end
        return self.starts[start], self.ends[end - 1]

    @property
    def changed(self) -> bool:
        return self.starts is not None


class _Builder:
    __slots__ = ("chars", "ends", "starts")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, piece: str, start: int, end: int) -> None:
        for ch in piece:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)


@lru_cache(maxsize=4096)
def _ascii_lookalike(ch: str) -> str | None:
    """The ASCII letter or digit a non-Latin character is confusable with, if any."""
    if ch.isascii():
        return None
    try:
        if unicodedata.name(ch).startswith("LATIN"):
            return None  # "ü", "ł": real letters of real names, not disguises
    except ValueError:
        return None
    # imported on first use: the table is a 900 kB JSON file that most texts never need
    from confusable_homoglyphs.confusables import confusables_data

    for glyph in confusables_data.get(ch, ()):
        target = glyph["c"]
        if len(target) == 1 and target in _ASCII_ALNUM:
            return str(target)
    return None


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Stages 1-3 for one character (the confusables stage needs the word, see below)."""
    if unicodedata.category(ch) == "Cf":
        return ""
    out = unicodedata.normalize("NFKC", ch)
    if len(out) == 1 and not out.isascii() and out.isdecimal():
        return str(unicodedata.decimal(out))
    return out


def _fold_chars(folded: FoldedText) -> FoldedText:
    text = folded.text
    built = _Builder()
    for i, ch in enumerate(text):
        start, end = folded.original(i, i + 1)
        built.add(_fold_char(ch), start, end)
    # confusables, word by word: only where a word mixes them with ASCII letters or digits
    chars = built.chars
    n = len(chars)
    i = 0
    while i < n:
        if chars[i].isspace():
            i += 1
            continue
        j = i
        while j < n and not chars[j].isspace():
            j += 1
        word = chars[i:j]
        if any(c in _ASCII_ALNUM for c in word) and not all(c.isascii() for c in word):
            for k in range(i, j):
                look = _ascii_lookalike(chars[k])
                if look is not None:
                    chars[k] = look
        i = j
    out = "".join(chars)
    if out == text and not folded.changed:
        return folded
    return FoldedText(out, tuple(built.starts), tuple(built.ends))


# -- JSON string escapes -------------------------------------------------------------------
# A tool trace serialised with ASCII escapes ("J\u00f6rg", "Hauptstra\u00dfe") is the same
# text as the answer that quotes it unescaped.
_JSON_ESCAPE = regex.compile(r"\\u(?:d[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2}|[0-9a-f]{4})", regex.IGNORECASE)


def _unescape(match: regex.Match[str]) -> str:
    codes = [int(h, 16) for h in str(match.group()).split("\\u")[1:]]
    if len(codes) == 2:
        return chr(0x10000 + ((codes[0] - 0xD800) << 10) + (codes[1] - 0xDC00))
    if 0xD800 <= codes[0] <= 0xDFFF:
        return str(match.group())  # a lone surrogate: leave it as written
    return chr(codes[0])


def _rewrite(
    folded: FoldedText, pattern: regex.Pattern[str], repl: Callable[[regex.Match[str]], str]
) -> FoldedText:
    """Replace each match of ``pattern`` in ``folded.text``; a replacement's characters all
    stand for the original span of the whole match."""
    text = folded.text
    built = _Builder()
    last = 0
    changed = False
    for match in pattern.finditer(text):
        new = repl(match)
        if new == match.group():
            continue
        changed = True
        for i in range(last, match.start()):
            start, end = folded.original(i, i + 1)
            built.add(text[i], start, end)
        start, end = folded.original(match.start(), match.end())
        built.add(new, start, end)
        last = match.end()
    if not changed:
        return folded
    for i in range(last, len(text)):
        start, end = folded.original(i, i + 1)
        built.add(text[i], start, end)
    return FoldedText("".join(built.chars), tuple(built.starts), tuple(built.ends))


# -- digits written as words ---------------------------------------------------------------
_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_UNIT = rf"(?:\d+|{_DIGIT_WORD})"
_UNIT_SEP = r"[ \t,.\-/]{0,3}"
# Four or more digit units in a row, at least one of them a word: "four one one one 1111 ...".
# Plain prose rarely strings four digit words together; where it does ("one two three four"),
# the digits it yields are only ever read by the number recognizers, which validate them.
_SPELLED_RUN = regex.compile(
    rf"(?<![\p{{L}}\d])(?=(?:\d+{_UNIT_SEP})*{_DIGIT_WORD}\b)"
    rf"{_UNIT}(?:{_UNIT_SEP}{_UNIT}){{3,}}(?![\p{{L}}\d])",
    regex.IGNORECASE,
)
_ONE_WORD = regex.compile(rf"\b{_DIGIT_WORD}\b", regex.IGNORECASE)


def _fold_digit_words(folded: FoldedText) -> FoldedText:
    text = folded.text
    runs = [(m.start(), m.end()) for m in _SPELLED_RUN.finditer(text)]
    if not runs:
        return folded

    def in_run(match: regex.Match[str]) -> str:
        if any(a <= match.start() < b for a, b in runs):
            return _DIGIT_WORDS[str(match.group()).lower()]
        return str(match.group())

    return _rewrite(folded, _ONE_WORD, in_run)


# -- spelled-out email addresses -----------------------------------------------------------
_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9_%+\-]*[A-Za-z0-9])?"
_HOST_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
_SPELLED_EMAIL = regex.compile(
    rf"(?<![\w.@])(?P<local>{_LABEL}(?:{_DOT}{_LABEL})*){_AT}"
    rf"(?P<domain>{_HOST_LABEL}(?:{_DOT}{_HOST_LABEL})*{_DOT}(?P<tld>[A-Za-z]{{2,24}}))(?![\w@])",
    regex.IGNORECASE,
)
# A spelled-out address has a bracketed "at" or a spelled "dot" somewhere.
_SPELLED_HINT = regex.compile(r"[(\[{<]\s*at\s*[)\]}>]|\bdot\b", regex.IGNORECASE)
_SPELLED_DOT = regex.compile(_DOT, regex.IGNORECASE)
_SPELLED_WORD = regex.compile(r"[(\[{<]\s*(?:at|dot)\s*[)\]}>]|\s(?:at|dot)\s", regex.IGNORECASE)


# Words that start a noun phrase after "at" in prose, never a host name in a spelled address.
_PROSE_HOSTS = frozenset(
    ["the", "a", "an", "this", "that", "my", "your", "our", "his", "her", "their", "its", "some", "any", "no"]
)


def _email_for(match: regex.Match[str]) -> str:
    """The address a spelled-out form stands for; the match itself if it is not spelled out
    or reads as prose rather than an address."""
    surface = str(match.group())
    if _SPELLED_WORD.search(surface) is None:
        return surface  # a plain address: the email recognizer reads it as it is
    bracketed = regex.search(r"[(\[{<]\s*at\s*[)\]}>]", surface, regex.IGNORECASE) is not None
    if not bracketed and regex.search(r"[(\[{<]\s*dot\s*[)\]}>]|\sdot\s", surface, regex.IGNORECASE) is None:
        # "visit us at shop.example.org" is prose; "ana at example dot org" is an address
        return surface
    local = _SPELLED_DOT.sub(".", match.group("local"))
    domain = _SPELLED_DOT.sub(".", match.group("domain"))
    if not bracketed and domain.split(".")[0].casefold() in _PROSE_HOSTS:
        return surface  # "the bubble burst at the dot com peak"
    return f"{local}@{domain}"


def _fold_spelled_emails(folded: FoldedText) -> FoldedText:
    if _SPELLED_HINT.search(folded.text) is None:
        return folded
    return _rewrite(folded, _SPELLED_EMAIL, _email_for)


# -- the whole fold ------------------------------------------------------------------------
_NEEDS_WORDS = regex.compile(rf"\b{_DIGIT_WORD}\b|{_SPELLED_HINT.pattern}", regex.IGNORECASE)


def fold(text: str) -> FoldedText:
    """``text`` as the recognizers should read it, with the map back to ``text``."""
    escaped = "\\u" in text
    if text.isascii() and not escaped and _NEEDS_WORDS.search(text) is None:
        return FoldedText(text, None, None)  # the common case: nothing to fold
    folded = FoldedText(text, None, None)
    if escaped:
        folded = _rewrite(folded, _JSON_ESCAPE, _unescape)
    if not folded.text.isascii():
        folded = _fold_chars(folded)
    folded = _fold_digit_words(folded)
    return _fold_spelled_emails(folded)
