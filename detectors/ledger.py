"""The session provenance ledger: everything a session has legitimately seen, as keyed hashes.

A fixed-size Bloom filter holds PII values (normalised), word tokens, content terms and text
shingles, each under its own namespace. Its size does not grow with the session, and it
never holds raw text. Beside it: drift statistics and the small judged/flagged journal.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import orjson

from .bloom import BloomFilter
from .config import LedgerConfig
from .drift import DriftStats, TopicProfile
from .encoder import pack_codes, unpack_codes
from .journal import Journal

_HEADER = struct.Struct(">BIIBIdddHHHH")  # ... topic dims, profile rows, profile dims, next row
_VERSION = 4
_V3_HEADER = struct.Struct(">BIIBIdddH")
_V2_HEADER = struct.Struct(">BIIBIddd")


@dataclass(slots=True)
class SessionState:
    """All per-session state. Bounded in size: the Bloom filter plus a capped journal."""

    ledger: BloomFilter
    drift: DriftStats = field(default_factory=DriftStats)
    last_seen: float = 0.0  # event time, epoch seconds; drives TTL expiry
    journal: Journal = field(default_factory=Journal)
    # Sum of the unit topic vectors of everything the session supplied (fixed size).
    topic: np.ndarray | None = None
    # The last few encoder vectors of what it supplied and was allowed (int8, bounded).
    profile: TopicProfile = field(default_factory=TopicProfile)

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

    def add_topic(self, vector: np.ndarray | None) -> None:
        if vector is None:
            return
        if self.topic is None or self.topic.shape != vector.shape:
            self.topic = np.zeros(vector.shape, dtype=np.float32)
        self.topic += vector

    def to_bytes(self) -> bytes:
        ledger = self.ledger
        topic = b"" if self.topic is None else self.topic.astype(">f4").tobytes()
        profile = self.profile
        rows = len(profile)
        dims = int(profile.codes.shape[1]) if rows else 0
        header = _HEADER.pack(
            _VERSION,
            ledger.bits,
            ledger.count,
            ledger.hashes,
            self.drift.count,
            self.drift.mean,
            self.drift.m2,
            self.last_seen,
            len(topic) // 4,
            rows,
            dims,
            profile.next,
        )
        vectors = pack_codes(profile.codes) + profile.scales.astype(">f4").tobytes() if rows else b""
        return header + ledger.to_bytes() + topic + vectors + orjson.dumps(self.journal.to_dict())

    @classmethod
    def from_bytes(cls, data: bytes) -> SessionState:
        version = data[0]
        rows = profile_dims = next_row = 0
        if version == _VERSION:
            fields = _HEADER.unpack_from(data)
            _, bits, count, hashes, n, mean, m2, last_seen, dims, rows, profile_dims, next_row = fields
            start = _HEADER.size
        elif version == 3:  # written before the encoder profile
            _, bits, count, hashes, n, mean, m2, last_seen, dims = _V3_HEADER.unpack_from(data)
            start = _V3_HEADER.size
        elif version == 2:  # written before topic vectors: same layout, no vector
            _, bits, count, hashes, n, mean, m2, last_seen = _V2_HEADER.unpack_from(data)
            start, dims = _V2_HEADER.size, 0
        else:
            raise ValueError(f"unknown session state version {version}")
        end = start + bits // 8
        ledger = BloomFilter(bits, hashes, data[start:end], count)
        topic = None
        if dims:
            topic = np.frombuffer(data, dtype=">f4", count=dims, offset=end).astype(np.float32)
            end += dims * 4
        profile = TopicProfile()
        if rows:
            size = rows * profile_dims // 2
            codes = unpack_codes(data[end : end + size], rows, profile_dims)
            scales = np.frombuffer(data, dtype=">f4", count=rows, offset=end + size)
            profile = TopicProfile(codes, scales.astype(np.float32), next_row)
            end += size + rows * 4
        journal = Journal.from_dict(orjson.loads(data[end:])) if len(data) > end else Journal()
        return cls(ledger, DriftStats(n, mean, m2), last_seen, journal, topic, profile)


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

    @property
    def topic(self) -> np.ndarray | None:
        return self.state.topic

    @property
    def profile(self) -> TopicProfile:
        return self.state.profile

    def knows(self, key: int) -> bool:
        if key in self._probed:
            return key in self._known
        return self.state.knows(key)
