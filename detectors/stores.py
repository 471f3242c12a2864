"""Where session state lives: a small Protocol with an in-memory backend.

The stream layer provides a Faust-table backend (RocksDB in production, memory in tests)
that stores the same :meth:`SessionState.to_bytes` values.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from .ledger import SessionState


def session_key(tenant_id: str, session_id: str) -> str:
    return f"{tenant_id}\x1f{session_id}"


class SessionStore(Protocol):
    def get(self, key: str) -> SessionState | None: ...

    def put(self, key: str, state: SessionState) -> None: ...

    def expire(self, before: float) -> int:
        """Drop sessions whose last event is older than ``before`` (epoch seconds).

        Reclaims space only: the pipeline already reads a session idle for longer than its
        TTL as empty, so sweeping at ``before`` changes no verdict while no later event of
        the session is older than ``before + session_ttl_seconds``.
        """
        ...


class InMemorySessionStore:
    def __init__(self) -> None:
        self._data: OrderedDict[str, SessionState] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> SessionState | None:
        return self._data.get(key)

    def values(self) -> list[SessionState]:
        return list(self._data.values())

    def put(self, key: str, state: SessionState) -> None:
        self._data[key] = state
        self._data.move_to_end(key)

    def expire(self, before: float) -> int:
        stale = [k for k, s in self._data.items() if s.last_seen < before]
        for key in stale:
            del self._data[key]
        return len(stale)
