"""Candidate person names in evidence text, without NER.

Evidence (contexts, tool traces, user input) is indexed without running spaCy. Names there
are recognised by shape: runs of two or three capitalised words, or the value of a JSON
field called like a name. Over-collection is harmless: a candidate is only ever used to
explain or attribute a name that NER later finds in a model output.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

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


def candidate_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, surface) for every name-shaped span."""
    for match in _CAPITALISED_RUN.finditer(text):
        yield match.start(), match.end(), match.group()
    for match in _TITLED.finditer(text):  # "Dr. Oyelaran": one name word after a title
        yield match.start(), match.end(), match.group()
    for match in _JSON_NAME.finditer(text):
        yield match.start(1), match.end(1), match.group(1)
