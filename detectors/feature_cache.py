"""Extractions cached by content hash: the same text always extracts to the same features.

RAG chunks repeat across sessions and tenants, and canned answers repeat across sessions;
only the event they arrived in differs. A hit costs one BLAKE2b hash instead of pattern
recognizers, tokenising, keyed hashes and the topic vector (and NER, for outputs).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import OrderedDict
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # extract.py owns the cache; only the type is needed here
    from bleedwatch.models import Event

    from .extract import Extraction


class ExtractionCache:
    """A bounded LRU of extractions, keyed by (variant, content digest).

    Entries are shared between hits: nothing downstream mutates an extraction's features,
    and each hit gets its own :class:`Extraction` carrying its own event.
    """

    def __init__(self, max_entries: int) -> None:
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[str, bytes], Extraction] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    @staticmethod
    def key(variant: str, text: str) -> tuple[str, bytes]:
        return variant, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def get(self, key: tuple[str, bytes], event: Event) -> Extraction | None:
        cached = self._entries.get(key)
        if cached is None:
            self.misses += 1
            return None
        self.hits += 1
        self._entries.move_to_end(key)
        return dataclasses.replace(cached, event=event)

    def put(self, key: tuple[str, bytes], extraction: Extraction) -> Extraction:
        """Store ``extraction``; returns a copy the caller may hand out (and detach)."""
        if self.max_entries <= 0:
            return extraction
        self._entries[key] = extraction
        if len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return dataclasses.replace(extraction)
