"""Session state in a Faust table (RocksDB in production, memory in tests).

Rows are keyed by the session's Kafka key, so a row lives in the changelog partition of the
input partitions that carry that session. Reads and writes go to the partition of Faust's
current event: the partition processor's sink makes an event of its partition current before
each step (``faust_compat.set_current_event``).
"""

from __future__ import annotations

from typing import Any

from bleedwatch.detectors import SessionState


class TableSessionStore:
    """Write-behind over the table: a batch's writes reach the table only on :meth:`commit`.

    The stream commits after it has queued a step's verdicts and index records, so a failure
    in between leaves the table as it was and the retried step judges again (a verdict may
    repeat; it is never lost).
    """

    def __init__(self, table: Any) -> None:
        self.table = table
        self._pending: dict[bytes, SessionState] = {}
        # Rows decoded during this batch: the NER decision and judging read the same session.
        self._loaded: dict[bytes, SessionState] = {}

    def get(self, key: str) -> SessionState | None:
        raw_key = key.encode()
        for cache in (self._pending, self._loaded):
            if raw_key in cache:
                return cache[raw_key]
        raw = self.table.get(raw_key)
        if raw is None:
            return None
        state = self._loaded[raw_key] = SessionState.from_bytes(raw)
        return state

    def put(self, key: str, state: SessionState) -> None:
        self._pending[key.encode()] = state

    def commit(self) -> None:
        for key, state in self._pending.items():
            self.table[key] = state.to_bytes()
        self._pending.clear()
        self._loaded.clear()

    def rollback(self) -> None:
        self._pending.clear()
        self._loaded.clear()  # they may hold the failed batch's changes

    def expire(self, before: float) -> int:
        """Drop idle sessions of the partition being iterated (see the tick agent)."""
        raise NotImplementedError("the stream expires sessions per partition in its tick agent")

    def expire_partition(self, before: float, partition: int, partitions: int) -> int:
        from .topology import partition_for

        stale = []
        for key, raw in list(self.table.items()):
            if partition_for(key, partitions) != partition:
                continue
            if SessionState.from_bytes(raw).last_seen < before:
                stale.append(key)
        for key in stale:
            del self.table[key]
            self._loaded.pop(key, None)
        return len(stale)
