"""Candidate person names in evidence text, without NER.

Evidence (contexts, tool traces, user input) is indexed without running spaCy. Names there
are recognised by shape: runs of two or three capitalised words, or the value of a JSON
field called like a name. Over-collection is harmless: a candidate is only ever used to
explain or attribute a name that NER later finds in a model output.

A name given in a sentence ("Soy Ana Ruiz", "I'm Ana Ruiz", "Ich bin Jörg Müller", "Hello
Ana Ruiz") sits after a capitalised word that is not part of it; the run with that word
("soy ana ruiz") would be the only key, and another session's answer naming "Ana Ruiz" would
not be attributed. So a run that starts with an introduction or greeting word, or with an
everyday English word, also yields the rest of the run; and the words after an introduction
("my name is", "c'est", "mi chiamo", "meu nome é", ...) are a candidate even in lower case
("hi, i'm ana ruiz").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..terms import zipf

_CAPITALISED_RUN = regex.compile(
    r"(?<![\p{L}\p{M}])(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.)"
    r"(?:[ \t]+(?:(?:de|da|van|von|der|del|la|le|bin|al|dos|di)[ \t]+)?"
    r"(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.)){1,3}(?![\p{L}\p{M}])"
)
_TITLED = regex.compile(
    r"(?<![\p{L}\p{M}])(?:Dr|Mr|Mrs|Ms|Mx|Prof|Sir|Dame)\.?[ \t]+"
    r"\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)?(?![\p{L}\p{M}])"
)
_JSON_NAME = regex.compile(
    r"\"(?:[a-z_]*name|customer|patient|client|holder|contact|author|owner)\"\s*:\s*\"([^\"]{3,80})\"",
    regex.IGNORECASE,
)


# Words that introduce a name or greet someone, in the benchmark's languages.
_LEAD_TEXT = (
    "i i'm i’m im am is it's it’s this here hello hi "
    "hey dear thanks thank bonjour salut c'est c’est je suis moi ich "
    "bin heiße heisse hier ist hallo guten tag liebe lieber soy me "
    "llamo hola sono mi chiamo ciao caro cara sou eu meu nome "
    "olá ola oi ik ben hoi hallo jestem nazywam się cześć jag "
    "heter är hej hejsa jeg hedder er olen nimeni moi hei jsem "
    "jmenuji ahoj dobrý den mr mrs ms"
)
_LEAD_WORDS = frozenset(_LEAD_TEXT.split())
_EVERYDAY_ZIPF = 5.0
_INTRODUCTION = regex.compile(
    r"(?<![\p{L}])(?i:my\s+name\s+is|my\s+name's|i\s+am|i['’]?m|this\s+is|it['’]s|here\s+is|"
    r"c['’]est|je\s+suis|je\s+m['’]appelle|moi\s+c['’]est|ich\s+bin|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist|"
    r"hier\s+ist|soy|me\s+llamo|mi\s+nombre\s+es|mi\s+chiamo|sono|il\s+mio\s+nome\s+è|"
    r"meu\s+nome\s+é|eu\s+sou|me\s+chamo|ik\s+ben|mijn\s+naam\s+is|jestem|nazywam\s+się|"
    r"jag\s+heter|jag\s+är|mit\s+navn\s+er|jeg\s+hedder|jeg\s+er|olen|nimeni\s+on|"
    r"jmenuji\s+se|jsem)[ \t]+"
    r"(?P<name>[\p{L}][\p{L}\p{M}'’-]+(?:[ \t]+[\p{L}][\p{L}\p{M}'’-]+){0,2})"
)
_NOT_NAME_TEXT = (
    "a an the and or but not so very just also here "
    "there your my our from at in on of to for with "
    "calling writing looking trying having sorry glad happy fine good well back "
    "new sure afraid"
)
_NOT_NAME = frozenset(_NOT_NAME_TEXT.split())


def _after_lead_words(start: int, surface: str) -> tuple[int, int, str] | None:
    """The run without its leading introduction or greeting words, if two words remain."""
    words = list(regex.finditer(r"\S+", surface))
    i = 0
    while i < len(words) - 2 and _is_lead(words[i].group()):
        i += 1
    if i == 0:
        return None
    rest = surface[words[i].start() :]
    return start + words[i].start(), start + len(surface), rest


def _is_lead(word: str) -> bool:
    folded = word.casefold().strip(",.")
    return folded in _LEAD_WORDS or zipf(folded) >= _EVERYDAY_ZIPF


def _introduced(match: regex.Match[str]) -> tuple[int, int, str] | None:
    """The words after "my name is" and the like, up to the first that is not a name word."""
    words = list(regex.finditer(r"\S+", match.group("name")))
    kept = []
    for word in words:
        if word.group().casefold() in _NOT_NAME or word.group().casefold() in _LEAD_WORDS:
            break
        kept.append(word)
    if not kept or all(zipf(w.group().casefold()) >= _EVERYDAY_ZIPF for w in kept):
        return None  # "I am fine", "this is great": not a name
    offset = match.start("name")
    start, end = offset + kept[0].start(), offset + kept[-1].end()
    return start, end, match.string[start:end]


def candidate_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, surface) for every name-shaped span, each span once."""
    seen: set[tuple[int, int]] = set()
    for found in _candidates(text):
        if found[:2] not in seen:
            seen.add(found[:2])
            yield found


def _candidates(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _CAPITALISED_RUN.finditer(text):
        yield match.start(), match.end(), match.group()
        rest = _after_lead_words(match.start(), match.group())
        if rest is not None:
            yield rest
    for match in _INTRODUCTION.finditer(text):
        found = _introduced(match)
        if found is not None:
            yield found
    for match in _TITLED.finditer(text):  # "Dr. Oyelaran": one name word after a title
        yield match.start(), match.end(), match.group()
    for match in _JSON_NAME.finditer(text):
        yield match.start(1), match.end(1), match.group(1)
