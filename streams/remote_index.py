"""The attribution index as a Faust table partitioned by fingerprint.

Session workers never read another worker's memory. Per batch they ask the index agent,
through the internal ``bleedwatch.fingerprints`` topic, for the sightings of every key the
batch's outputs may need (one request per index partition, in parallel), judge locally with
:class:`PrefetchedIndex`, and send the batch's new sightings back through the same topic.
Answers come back on ``bleedwatch.index-replies``, to the partition of the session that
asked, so whichever worker owns that partition (also after a rebalance) receives them.
Requests for a fingerprint always go to partition ``key % partitions``, so the index agent
that owns that partition owns the key. Index partitions a worker owns itself are read from
its own table copy instead (:class:`LocalIndexReads`), saving the two Kafka hops.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from bleedwatch.detectors import Origin, Sighting, expired, merge_sighting, merge_sightings
from bleedwatch.detectors.attribution import filter_as_of
from bleedwatch.models import EventKind


def index_partition(key: int, partitions: int) -> int:
    return key % partitions


def table_key(key: int) -> bytes:
    return key.to_bytes(8, "big")


def group_by_partition(keys: Iterable[int], partitions: int) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for key in set(keys):
        groups[index_partition(key, partitions)].append(key)
    return groups


def origin_to_dict(origin: Origin) -> dict[str, Any]:
    return {
        "t": origin.tenant_id,
        "s": origin.session_id,
        "e": origin.event_id,
        "k": origin.kind.value,
        "ts": origin.ts,
    }


def origin_from_dict(data: Mapping[str, Any]) -> Origin:
    return Origin(data["t"], data["s"], data["e"], EventKind(data["k"]), float(data["ts"]))


def lookup_request(keys: list[int], request_id: str, reply_partition: int) -> bytes:
    return orjson.dumps({"op": "lookup", "keys": keys, "rid": request_id, "reply": reply_partition})


def record_request(groups: list[tuple[list[int], Origin]], sender: str = "", seq: int = 0) -> bytes:
    """One message per index partition and batch: every (keys, origin) the batch recorded.

    ``sender`` and ``seq`` let the sending worker see when its own records are applied.
    """
    return orjson.dumps(
        {
            "op": "record",
            "groups": [{"keys": keys, "origin": origin_to_dict(o)} for keys, o in groups],
            "w": sender,
            "n": seq,
        }
    )


def expire_request(before: float, partitions: int) -> bytes:
    """Forget this index partition's fingerprints not newly seen since event time ``before``.

    Lookups already ignore them from event time ``before + index_ttl_seconds`` on: the sender
    picks a ``before`` no later lookup or record predates (see the worker's ``_send_ticks``).
    """
    return orjson.dumps({"op": "expire", "before": before, "partitions": partitions})


def decode_found(found: Mapping[str, Any]) -> dict[int, Sighting]:
    return {int(k): Sighting.from_dict(v) for k, v in found.items()}


@dataclass(frozen=True, slots=True)
class Reply:
    """The answer to one lookup request, for the session partition that asked."""

    request_id: str
    reply_partition: int
    payload: bytes


class IndexTableHandler:
    """What the index agent does with one request, against a mapping of key bytes -> JSON bytes.

    ``last_step`` and ``ttl`` are the detector's (``index_last_step``, ``index_ttl_seconds``):
    a record of a fingerprint whose sighting has expired starts a new one (see merge_sighting).
    """

    def __init__(
        self, table: Any, index_partition: int, last_step: float = 0.0, ttl: float | None = None
    ) -> None:
        self.table = table
        self.index_partition = index_partition
        self.last_step = last_step  # see merge_sighting
        self.ttl = ttl
        self.expired = 0
        self.last_record: tuple[str, int] | None = None  # (sender, seq) of the last record applied

    def expire(self, before: float, partitions: int) -> int:
        """Delete this partition's sightings whose latest new session is older than ``before``."""
        stale = []
        for raw_key, raw in list(self.table.items()):
            key = int.from_bytes(raw_key, "big")
            if index_partition(key, partitions) != self.index_partition:
                continue
            if expired(Sighting.from_dict(orjson.loads(raw)), before, self.last_step):
                stale.append(raw_key)
        for raw_key in stale:
            del self.table[raw_key]
        return len(stale)

    def handle(self, payload: bytes) -> Reply | None:
        """Apply a record or expire request (no reply), or answer a lookup."""
        request = orjson.loads(payload)
        table = self.table
        if request["op"] == "expire":
            self.expired += self.expire(float(request["before"]), int(request["partitions"]))
            return None
        if request["op"] == "record":
            # Merge the whole message first, then write each changed key once.
            loaded: dict[int, Sighting | None] = {}
            changed: set[int] = set()
            for group in request["groups"]:
                origin = origin_from_dict(group["origin"])
                for key in group["keys"]:
                    if key not in loaded:
                        raw = table.get(table_key(key))
                        loaded[key] = Sighting.from_dict(orjson.loads(raw)) if raw is not None else None
                    current = loaded[key]
                    merged = merge_sighting(current, origin, self.last_step, self.ttl)
                    if merged is not current:
                        loaded[key] = merged
                        changed.add(key)
            for key in changed:
                table[table_key(key)] = orjson.dumps(loaded[key].to_dict())  # type: ignore[union-attr]
            self.last_record = (str(request.get("w", "")), int(request.get("n", 0)))
            return None
        found = {}
        for key in request["keys"]:
            raw = table.get(table_key(key))
            if raw is not None:
                found[str(key)] = orjson.loads(raw)
        body = {"rid": request["rid"], "part": self.index_partition, "found": found}
        return Reply(request["rid"], int(request["reply"]), orjson.dumps(body))


class PendingLookup:
    """Collects the replies of every index partition asked for one batch."""

    def __init__(self, partitions: set[int]) -> None:
        self.expected = set(partitions)
        self.found: dict[int, Sighting] = {}
        self.done = asyncio.Event()

    def deliver(self, index_partition: int, found: Mapping[str, Any]) -> None:
        if index_partition in self.expected:
            self.expected.discard(index_partition)
            self.found.update(decode_found(found))
            if not self.expected:
                self.done.set()


class PrefetchedIndex:
    """An :class:`AttributionIndex` over one batch: fetched sightings plus the batch's own records.

    With the detector's ``last_step`` and ``ttl`` it reads and merges as the index agents and
    :class:`~bleedwatch.detectors.InMemoryAttributionIndex` do.
    """

    def __init__(
        self,
        prefetched: Mapping[int, Sighting] | None = None,
        last_step: float = 0.0,
        ttl: float | None = None,
    ) -> None:
        self._seen: dict[int, Sighting] = dict(prefetched or {})
        self.pending: list[tuple[list[int], Origin]] = []
        self.last_step = last_step
        self.ttl = ttl

    def lookup(self, keys: Iterable[int], as_of: float | None = None) -> dict[int, Sighting]:
        seen = self._seen
        return filter_as_of({k: seen[k] for k in keys if k in seen}, as_of, self.ttl, self.last_step)

    def record(self, keys: Iterable[int], origin: Origin) -> None:
        keys = list(keys)
        for key in keys:
            self._seen[key] = merge_sighting(self._seen.get(key), origin, self.last_step, self.ttl)
        if keys:
            self.pending.append((keys, origin))

    def record_groups(self, partitions: int) -> list[tuple[int, list[tuple[list[int], Origin]]]]:
        """The batch's records grouped by index partition: one message per partition."""
        by_partition: dict[int, list[tuple[list[int], Origin]]] = defaultdict(list)
        for keys, origin in self.pending:
            for partition, group in group_by_partition(keys, partitions).items():
                by_partition[partition].append((group, origin))
        return sorted(by_partition.items())


class LocalIndexReads:
    """Answers lookups from this worker's own copy of the index partitions it owns.

    A partition is read locally once this worker's index agent has processed a message of it
    (its table has recovered). What this worker recorded there but its index agent has not
    applied yet is overlaid from memory, so a batch sees every earlier batch's records without
    waiting for them to travel through Kafka. Other workers' records are eventually
    consistent, as over Kafka. ``last_step`` and ``ttl`` are the detector's, as for
    :class:`IndexTableHandler`.
    """

    def __init__(self, worker_id: str, last_step: float = 0.0, ttl: float | None = None) -> None:
        self.worker_id = worker_id
        self.last_step = last_step
        self.ttl = ttl
        self.ready: set[int] = set()
        self._seq: dict[int, int] = defaultdict(int)
        # per partition: unapplied messages in send order, and per key the number of unapplied
        # messages naming it with everything they recorded for it folded into one sighting
        # (bounded by the sighting caps, however many messages are in flight)
        self._unapplied: dict[int, deque[tuple[int, list[tuple[list[int], Origin]]]]] = defaultdict(deque)
        self._overlay: dict[int, dict[int, list[Any]]] = defaultdict(dict)

    def sent(self, partition: int, groups: list[tuple[list[int], Origin]]) -> int:
        """Note a record message to ``partition``; returns its sequence number."""
        self._seq[partition] += 1
        if partition in self.ready:
            self._unapplied[partition].append((self._seq[partition], groups))
            overlay = self._overlay[partition]
            for keys, origin in groups:
                for key in keys:
                    entry = overlay.get(key)
                    if entry is None:
                        overlay[key] = [1, merge_sighting(None, origin)]
                    else:
                        entry[0] += 1
                        entry[1] = merge_sighting(entry[1], origin, self.last_step, self.ttl)
        return self._seq[partition]

    def applied(self, partition: int, handler: IndexTableHandler) -> None:
        self.ready.add(partition)
        if handler.last_record is None:
            return
        sender, seq = handler.last_record
        handler.last_record = None
        if sender != self.worker_id:
            return
        pending, overlay = self._unapplied[partition], self._overlay[partition]
        while pending and pending[0][0] <= seq:
            for keys, _ in pending.popleft()[1]:
                for key in keys:
                    entry = overlay[key]
                    entry[0] -= 1
                    if not entry[0]:  # the table holds all of it now
                        del overlay[key]

    def revoked(self, partition: int) -> None:
        self.ready.discard(partition)
        self._unapplied.pop(partition, None)
        self._overlay.pop(partition, None)

    def read(
        self, partition: int, keys: Iterable[int], stored: Callable[[int], bytes | None]
    ) -> dict[int, Sighting]:
        """Sightings of ``keys`` in the partition's table, plus this worker's unapplied records."""
        overlay = self._overlay.get(partition, {})
        found: dict[int, Sighting] = {}
        for key in set(keys):
            raw = stored(key)
            sighting = Sighting.from_dict(orjson.loads(raw)) if raw is not None else None
            entry = overlay.get(key)
            if entry is not None:  # folding in what the table already applied changes nothing
                sighting = merge_sightings(sighting, entry[1], self.last_step, self.ttl)
            if sighting is not None:
                found[key] = sighting
        return found
