"""The session provenance ledger: everything a session has legitimately seen, as keyed hashes.

A fixed-size Bloom filter holds PII values (normalised), word tokens, content terms and text
shingles, each under its own namespace. Its size does not grow with the session, and it
never holds raw text. Beside it: drift statistics and the small judged/flagged journal.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
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
