"""Cross-session attribution: each fingerprint maps to where it was first seen.

The index is behind a small Protocol. :class:`InMemoryAttributionIndex` serves the offline
scan and tests; the stream layer keeps the same :class:`Sighting` records in a table
partitioned by fingerprint, merging with :func:`merge_sighting`, so both paths agree.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from bleedwatch.models import EventKind, SourceRef

# How many distinct sessions per tenant, and distinct tenants, a sighting remembers.
SESSION_CAP = 4
TENANT_CAP = 4


@dataclass(frozen=True, slots=True)
class Origin:
    tenant_id: str
    session_id: str
    event_id: str
    kind: EventKind

    def ref(self) -> SourceRef:
        return SourceRef(
            tenant_id=self.tenant_id,
            session_id=self.session_id,
            event_id=self.event_id,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class Sighting:
    """First sighting of a fingerprint plus capped counts of who else saw it."""

    first: Origin
    sessions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def sessions_in(self, tenant_id: str) -> int:
        return len(self.sessions.get(tenant_id, ()))

    @property
    def tenant_count(self) -> int:
        return len(self.sessions)

    def to_dict(self) -> dict[str, object]:
        f = self.first
        return {
            "t": f.tenant_id,
            "s": f.session_id,
            "e": f.event_id,
            "k": f.kind.value,
            "seen": {t: list(s) for t, s in self.sessions.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Sighting:
        seen = data.get("seen") or {}
        assert isinstance(seen, dict)
        return cls(
            first=Origin(str(data["t"]), str(data["s"]), str(data["e"]), EventKind(data["k"])),
            sessions={str(t): tuple(s) for t, s in seen.items()},
        )


def merge_sighting(current: Sighting | None, origin: Origin) -> Sighting:
    """Fold one more sighting in; the first origin never changes."""
    if current is None:
        return Sighting(origin, {origin.tenant_id: (origin.session_id,)})
    seen = dict(current.sessions)
    sessions = seen.get(origin.tenant_id)
    if sessions is None:
        if len(seen) < TENANT_CAP:
            seen[origin.tenant_id] = (origin.session_id,)
    elif origin.session_id not in sessions and len(sessions) < SESSION_CAP:
        seen[origin.tenant_id] = (*sessions, origin.session_id)
    else:
        return current
    return Sighting(current.first, seen)


class AttributionIndex(Protocol):
    def lookup(self, keys: Iterable[int]) -> dict[int, Sighting]:
        """Sightings of those keys that were ever recorded."""
        ...

    def record(self, keys: Iterable[int], origin: Origin) -> None:
        """Note that ``origin`` saw each key."""
        ...


class InMemoryAttributionIndex:
    """A dict with an optional LRU bound."""

    def __init__(self, max_keys: int | None = None) -> None:
        self._data: OrderedDict[int, Sighting] = OrderedDict()
        self._max = max_keys

    def __len__(self) -> int:
        return len(self._data)

    def lookup(self, keys: Iterable[int]) -> dict[int, Sighting]:
        data = self._data
        return {k: data[k] for k in keys if k in data}

    def record(self, keys: Iterable[int], origin: Origin) -> None:
        data = self._data
        for key in keys:
            data[key] = merge_sighting(data.get(key), origin)
            if self._max is not None:
                data.move_to_end(key)
                if len(data) > self._max:
                    data.popitem(last=False)
