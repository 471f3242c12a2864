"""Cross-session attribution: each fingerprint maps to where it was first seen.

Sightings carry event time, and lookups are *as of* the judged output's event time: an
output is judged against what any session had seen before it, whichever order a
distributed stream happened to process things in. That makes the stream agree with the
offline scan.

The index is behind a small Protocol. :class:`InMemoryAttributionIndex` serves the offline
scan and tests; the stream layer keeps the same :class:`Sighting` records in a Faust table
partitioned by fingerprint, merging with :func:`merge_sighting`.
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
    ts: float = 0.0  # event time, epoch seconds

    def ref(self) -> SourceRef:
        return SourceRef(
            tenant_id=self.tenant_id,
            session_id=self.session_id,
            event_id=self.event_id,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class Sighting:
    """The earliest sighting of a fingerprint, plus capped (session, first time) per tenant.

    ``last`` is the latest event time at which a session saw the fingerprint for the first
    time: the index forgets a fingerprint once ``last`` falls out of its retention window.
    """

    first: Origin
    sessions: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    last: float = 0.0

    def sessions_in(self, tenant_id: str) -> int:
        return len(self.sessions.get(tenant_id, ()))

    def seen_by(self, tenant_id: str, session_id: str) -> bool:
        return any(s == session_id for s, _ in self.sessions.get(tenant_id, ()))

    @property
    def tenant_count(self) -> int:
        return len(self.sessions)

    def as_of(self, when: float) -> Sighting | None:
        """What had been seen at event time ``when``; None if nothing yet."""
        if self.first.ts > when:
            return None
        if all(ts <= when for seen in self.sessions.values() for _, ts in seen):
            return self
        sessions = {}
        for tenant, seen in self.sessions.items():
            kept = tuple(x for x in seen if x[1] <= when)
            if kept:
                sessions[tenant] = kept
        return Sighting(self.first, sessions, min(self.last, when))


def merge_sighting(current: Sighting | None, origin: Origin, last_step: float = 0.0) -> Sighting:
    """Fold one more sighting in; returns ``current`` itself when nothing changed.

    The first sighting is the earliest in event time, not in arrival order. ``last`` moves
    only in steps of ``last_step`` seconds: most sightings of a known fingerprint change
    nothing but ``last`` (63% of merges on the labelled benchmark), and an unchanged sighting
    needs no write. Expiry allows for the step (:func:`expired`).
    """
    if current is None:
        return Sighting(origin, {origin.tenant_id: ((origin.session_id, origin.ts),)}, origin.ts)
    first = origin if origin.ts < current.first.ts else current.first
    seen = dict(current.sessions)
    sessions = seen.get(origin.tenant_id)
    if sessions is None:
        if len(seen) < TENANT_CAP:
            seen[origin.tenant_id] = ((origin.session_id, origin.ts),)
    else:
        known = dict(sessions)
        if origin.session_id in known:
            if origin.ts < known[origin.session_id]:
                known[origin.session_id] = origin.ts
                seen[origin.tenant_id] = tuple(known.items())
        elif len(sessions) < SESSION_CAP:
            seen[origin.tenant_id] = (*sessions, (origin.session_id, origin.ts))
    last = origin.ts if origin.ts - current.last >= last_step and origin.ts > current.last else current.last
    if first is current.first and seen == current.sessions and last == current.last:
        return current
    return Sighting(first, seen, last)


class AttributionIndex(Protocol):
    def lookup(self, keys: Iterable[int], as_of: float | None = None) -> dict[int, Sighting]:
        """Sightings of those keys recorded at event time ``as_of`` or before."""
        ...

    def record(self, keys: Iterable[int], origin: Origin) -> None:
        """Note that ``origin`` saw each key."""
        ...


def filter_as_of(found: Mapping[int, Sighting], as_of: float | None) -> dict[int, Sighting]:
    if as_of is None:
        return dict(found)
    out = {}
    for key, sighting in found.items():
        view = sighting.as_of(as_of)
        if view is not None:
            out[key] = view
    return out


def merge_sightings(current: Sighting | None, other: Sighting) -> Sighting:
    """Fold every sighting ``other`` holds into ``current`` (caps apply as in :func:`merge_sighting`).

    Folding in a sighting already folded in changes nothing, so an overlay may be folded
    again onto a table row that has since caught up with it.
    """
    merged = merge_sighting(current, other.first)
    kind = other.first.kind
    for tenant, seen in other.sessions.items():
        for session, ts in seen:
            merged = merge_sighting(merged, Origin(tenant, session, "", kind, ts))
    if other.last > merged.last:
        merged = Sighting(merged.first, merged.sessions, other.last)
    return merged


def expired(sighting: Sighting, before: float, last_step: float = 0.0) -> bool:
    """No session newly saw it since ``before``, allowing for ``last`` moving in steps."""
    return sighting.last + last_step < before


class InMemoryAttributionIndex:
    """A dict with an optional LRU bound."""

    def __init__(self, max_keys: int | None = None, last_step: float = 0.0) -> None:
        self._data: OrderedDict[int, Sighting] = OrderedDict()
        self._max = max_keys
        self.last_step = last_step

    def __len__(self) -> int:
        return len(self._data)

    def lookup(self, keys: Iterable[int], as_of: float | None = None) -> dict[int, Sighting]:
        data = self._data
        return filter_as_of({k: data[k] for k in keys if k in data}, as_of)

    def record(self, keys: Iterable[int], origin: Origin) -> None:
        data = self._data
        for key in keys:
            data[key] = merge_sighting(data.get(key), origin, self.last_step)
            if self._max is not None:
                data.move_to_end(key)
                if len(data) > self._max:
                    data.popitem(last=False)

    def expire(self, before: float) -> int:
        """Forget fingerprints no session has newly seen since event time ``before``."""
        stale = [key for key, s in self._data.items() if expired(s, before, self.last_step)]
        for key in stale:
            del self._data[key]
        return len(stale)
