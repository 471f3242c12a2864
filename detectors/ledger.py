"""The session provenance ledger: everything a session has legitimately seen, as keyed hashes.

A fixed-size Bloom filter holds PII values (normalised), word tokens, content terms and text
shingles, each under its own namespace. Its size does not grow with the session, and it
never holds raw text.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass, field

from .bloom import BloomFilter
from .config import LedgerConfig
from .drift import DriftStats

_HEADER = struct.Struct(">BIIBIdd d")
_VERSION = 1


@dataclass(slots=True)
class SessionState:
    """All per-session state: the ledger plus drift statistics. Bounded in size."""

    ledger: BloomFilter
    drift: DriftStats = field(default_factory=DriftStats)
    last_seen: float = 0.0  # event time, epoch seconds; drives TTL expiry

    @classmethod
    def empty(cls, config: LedgerConfig) -> SessionState:
        return cls(BloomFilter(config.bloom_bits, config.bloom_hashes))

    def knows(self, key: int) -> bool:
        return key in self.ledger

    def learn(self, keys: Iterable[int]) -> None:
        add = self.ledger.add
        for key in keys:
            add(key)

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
        return header + ledger.to_bytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> SessionState:
        version, bits, count, hashes, n, mean, m2, last_seen = _HEADER.unpack_from(data)
        if version != _VERSION:
            raise ValueError(f"unknown session state version {version}")
        ledger = BloomFilter(bits, hashes, data[_HEADER.size :], count)
        return cls(ledger, DriftStats(n, mean, m2), last_seen)
