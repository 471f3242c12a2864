"""Keyed hashing: everything bleedwatch stores or emits about content is an HMAC, never raw text."""

from __future__ import annotations

import hashlib
import hmac


class KeyedHasher:
    """HMAC-SHA256 under a configured secret, with typed namespaces.

    The namespace ("email", "shingle", ...) is part of the message so that equal strings of
    different kinds never share a fingerprint.
    """

    __slots__ = ("_key", "_keys64")

    # Words repeat (Zipf): most 64-bit keys asked for were asked for recently. The memo lives
    # in process memory only and is dropped whole when full.
    MEMO_SIZE = 1 << 18

    def __init__(self, secret: str | bytes) -> None:
        key = secret.encode() if isinstance(secret, str) else secret
        if len(key) < 16:
            raise ValueError("the HMAC secret must be at least 16 bytes")
        self._key = key
        self._keys64: dict[tuple[str, str], int] = {}

    def digest(self, namespace: str, value: str) -> bytes:
        return hmac.digest(self._key, f"{namespace}\x1f{value}".encode(), hashlib.sha256)

    def fingerprint(self, namespace: str, value: str) -> str:
        """128-bit hex fingerprint, the form that appears in findings and tables."""
        return self.digest(namespace, value)[:16].hex()

    def key64(self, namespace: str, value: str) -> int:
        """64-bit integer key, for compact set membership (ledger, shingles)."""
        memo = self._keys64
        key = memo.get((namespace, value))
        if key is None:
            if len(memo) >= self.MEMO_SIZE:
                memo.clear()
            key = memo[(namespace, value)] = int.from_bytes(self.digest(namespace, value)[:8], "big")
        return key
