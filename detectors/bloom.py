"""A fixed-size Bloom filter over 64-bit keys: bounded per-session memory, however long the session.

Batch operations run in numpy: a session's evidence brings hundreds of keys at once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

_LOW = np.uint64(0xFFFFFFFF)
_SHIFT = np.uint64(32)
_ONE = np.uint64(1)


class BloomFilter:
    """``bits`` bits and ``hashes`` probes by double hashing a 64-bit key.

    Serialises to exactly ``bits // 8`` bytes, so a session's ledger has a hard size bound.
    Past ``capacity`` items the false-positive rate rises past 1%.
    """

    __slots__ = ("_array", "_bits", "_hashes", "count")

    def __init__(self, bits: int = 65536, hashes: int = 5, data: bytes | None = None, count: int = 0) -> None:
        if bits % 8 or bits <= 0:
            raise ValueError("bits must be a positive multiple of 8")
        self._bits = bits
        self._hashes = hashes
        if data is None:
            self._array = np.zeros(bits // 8, dtype=np.uint8)
        else:
            if len(data) != bits // 8:
                raise ValueError("data does not match the filter size")
            self._array = np.frombuffer(data, dtype=np.uint8).copy()
        self.count = count

    def _positions(self, keys: Iterable[int]) -> npt.NDArray[np.uint64]:
        """(len(keys), hashes) bit positions."""
        array = np.fromiter(keys, dtype=np.uint64)
        low = array & _LOW
        high = (array >> _SHIFT) | _ONE
        steps = np.arange(self._hashes, dtype=np.uint64)
        return (low[:, None] + steps[None, :] * high[:, None]) % np.uint64(self._bits)

    def _bits_at(self, positions: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
        values = self._array[(positions >> np.uint64(3)).astype(np.intp)]
        return ((values >> (positions & np.uint64(7)).astype(np.uint8)) & 1).astype(bool)

    def contains_many(self, keys: Iterable[int]) -> npt.NDArray[np.bool_]:
        positions = self._positions(keys)
        if positions.size == 0:
            return np.zeros(0, dtype=bool)
        return np.asarray(self._bits_at(positions).all(axis=1))

    def add_many(self, keys: Iterable[int]) -> npt.NDArray[np.bool_]:
        """Add every key; return which were (probably) present already, in order."""
        positions = self._positions(keys)
        if positions.size == 0:
            return np.zeros(0, dtype=bool)
        present = np.asarray(self._bits_at(positions).all(axis=1))
        new = int((~present).sum())
        flat = positions.ravel()
        np.bitwise_or.at(
            self._array,
            (flat >> np.uint64(3)).astype(np.intp),
            (np.uint8(1) << (flat & np.uint64(7)).astype(np.uint8)),
        )
        self.count += new
        return present

    def add(self, key: int) -> bool:
        """Add ``key``; return True if it was (probably) new."""
        return not bool(self.add_many((key,))[0])

    def __contains__(self, key: int) -> bool:
        return bool(self.contains_many((key,))[0])

    @property
    def capacity(self) -> int:
        """Items at which the false-positive rate reaches about 1%."""
        return int(self._bits * (math.log(2) ** 2) / -math.log(0.01))

    @property
    def saturation(self) -> float:
        return self.count / self.capacity

    @property
    def bits(self) -> int:
        return self._bits

    @property
    def hashes(self) -> int:
        return self._hashes

    def to_bytes(self) -> bytes:
        return self._array.tobytes()
