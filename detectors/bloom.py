"""A fixed-size Bloom filter over 64-bit keys: bounded per-session memory, however long the session."""

from __future__ import annotations

import math


class BloomFilter:
    """``bits`` bits and ``hashes`` probes by double hashing a 64-bit key.

    Serialises to exactly ``bits // 8`` bytes plus a small header, so a session's ledger has
    a hard size bound. Past ``capacity`` items the false-positive rate rises; ``saturation``
    tells the owner when to rotate.
    """

    __slots__ = ("_array", "_bits", "_hashes", "count")

    def __init__(self, bits: int = 65536, hashes: int = 5, data: bytes | None = None, count: int = 0) -> None:
        if bits % 8 or bits <= 0:
            raise ValueError("bits must be a positive multiple of 8")
        self._bits = bits
        self._hashes = hashes
        self._array = bytearray(data) if data is not None else bytearray(bits // 8)
        if len(self._array) != bits // 8:
            raise ValueError("data does not match the filter size")
        self.count = count

    def _positions(self, key: int) -> list[int]:
        low = key & 0xFFFFFFFF
        high = (key >> 32) | 1
        return [(low + i * high) % self._bits for i in range(self._hashes)]

    def add(self, key: int) -> bool:
        """Add ``key``; return True if it was (probably) new."""
        new = False
        for pos in self._positions(key):
            byte, bit = divmod(pos, 8)
            if not self._array[byte] >> bit & 1:
                self._array[byte] |= 1 << bit
                new = True
        if new:
            self.count += 1
        return new

    def __contains__(self, key: int) -> bool:
        array = self._array
        return all(array[p >> 3] >> (p & 7) & 1 for p in self._positions(key))

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
        return bytes(self._array)
