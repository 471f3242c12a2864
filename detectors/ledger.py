"""The session provenance ledger: everything a session has legitimately seen, as keyed hashes.

A fixed-size Bloom filter holds PII values (normalised), word tokens, content terms and text
shingles, each under its own namespace. Its size does not grow with the session, and it
never holds raw text. Beside it: drift statistics and the small judged/flagged journal.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

import orjson

from .bloom import BloomFilter
from .config import LedgerConfig
from .drift import DriftStats
from .journal import Journal

_HEADER = struct.Struct(">BIIBIddd")
_VERSION = 2


@dataclass(slots=True)
class SessionState:
    """All per-session state. Bounded in size: the Bloom filter plus a capped journal."""

    ledger: BloomFilter
    drift: DriftStats = field(default_factory=DriftStats)
    last_seen: float = 0.0  # event time, epoch seconds; drives TTL expiry
    journal: Journal = field(default_factory=Journal)

    @classmethod
    def empty(cls, config: LedgerConfig) -> SessionState:
        return cls(BloomFilter(config.bloom_bits, config.bloom_hashes))

    def knows(self, key: int) -> bool:
        return key in self.ledger

    def known(self, keys: Sequence[int]) -> set[int]:
        """The subset of ``keys`` the session has seen (one vectorised Bloom probe)."""
        if not keys:
            return set()
        mask = self.ledger.contains_many(keys)
        return {key for key, hit in zip(keys, mask.tolist(), strict=True) if hit}

    def learn(self, keys: Sequence[int]) -> set[int]:
        """Add ``keys``; return those the session knew already (one probe for both)."""
        present = self.ledger.add_many(keys)
        return {key for key, hit in zip(keys, present.tolist(), strict=True) if hit}

    def to_bytes(self) -> bytes:
        ledger = self.ledger
        header = _HEADER.pack(
            _VERSION,
            ledger.bits,
            ledger.count,
            ledger.hashes,
            self.drift.count,
            self.drift.mean,
            self.drift.m2,
            self.last_seen,
        )
        return header + ledger.to_bytes() + orjson.dumps(self.journal.to_dict())

    @classmethod
    def from_bytes(cls, data: bytes) -> SessionState:
        version, bits, count, hashes, n, mean, m2, last_seen = _HEADER.unpack_from(data)
        if version != _VERSION:
            raise ValueError(f"unknown session state version {version}")
        end = _HEADER.size + bits // 8
        ledger = BloomFilter(bits, hashes, data[_HEADER.size : end], count)
        journal = Journal.from_dict(orjson.loads(data[end:])) if len(data) > end else Journal()
        return cls(ledger, DriftStats(n, mean, m2), last_seen, journal)


class LedgerView:
    """What a session knows, probed once for all the keys one event needs.

    The judge asks about the same keys several times (PII, names' words, shingles, terms);
    one vectorised Bloom probe answers them all. Keys outside the probe fall back to the filter.
    """

    __slots__ = ("_known", "_probed", "state")

    def __init__(self, state: SessionState, keys: Sequence[int]) -> None:
        self.state = state
        self._probed = set(keys)
        self._known = state.known(keys)

    @property
    def drift(self) -> DriftStats:
        return self.state.drift

    def knows(self, key: int) -> bool:
        if key in self._probed:
            return key in self._known
        return self.state.knows(key)
