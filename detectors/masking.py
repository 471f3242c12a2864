"""Masked renderings for humans: enough to recognise a value you already know, no more."""

from __future__ import annotations

import re

from .normalize import family

_WORD = re.compile(r"\S+")


def _keep_first(word: str) -> str:
    return word[0] + "***" if word else word


def mask_value(entity_type: str, value: str) -> str:
    kind = family(entity_type)
    value = value.strip()
    if kind == "email" and "@" in value:
        local, _, domain = value.partition("@")
        host, dot, tld = domain.rpartition(".")
        return f"{_keep_first(local)}@{_keep_first(host or tld)}{dot}{tld if host else ''}"
    if kind in ("phone", "card", "iban", "natid"):
        digits = [c for c in value if c.isalnum()]
        tail = "".join(digits[-4:]) if len(digits) > 8 else ""
        return "*" * max(len(digits) - len(tail), 3) + tail
    if kind == "ip":
        return re.sub(r"[0-9a-fA-F]", "*", value[: max(len(value) - 3, 0)]) + value[-3:]
    if kind == "secret":
        return value[:4] + "*" * 8
    return " ".join(_keep_first(w) for w in _WORD.findall(value))


def mask_passage(text: str, max_words: int = 12) -> str:
    """First letter of each word, digits hidden: shows the shape of a passage, not its content."""
    words = _WORD.findall(text)
    shown = " ".join(re.sub(r"\d", "#", w[0]) + "*" * min(len(w) - 1, 6) for w in words[:max_words])
    return shown + (" …" if len(words) > max_words else "")
