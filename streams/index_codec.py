"""The one wire format of the attribution index: requests, replies, marks and table rows.

Everything that crosses Kafka for the index (the internal ``bleedwatch.index-requests`` and
``bleedwatch.index-replies`` topics, and the ``fingerprints`` table's changelog) is encoded
and decoded here and nowhere else. Every message carries ``"v"``, the codec version; a
decoder rejects versions it does not know instead of misreading them (a rolling upgrade
that changes the format must bump it). Table rows written before the version field existed
decode as version 1.

Messages on ``index-requests`` (partitioned by fingerprint, ``key % partitions``):

- ``record``: the (keys, origin) groups one session partition's batch recorded, with the
  sending worker and its sequence number (so the sender sees when its records are applied),
  and optionally that partition's progress mark;
- ``mark``: a session partition's progress alone (see :mod:`.watermarks`);
- ``lookup``: the keys a batch's outputs may read, the outputs' (event time, fetch time), the
  asking session partition, and where to reply;
- ``expire``: forget the partition's fingerprints not newly seen since an event time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from bleedwatch.detectors import Origin, Sighting
from bleedwatch.models import EventKind

VERSION = 1

RecordGroups = Sequence[tuple[Sequence[int], Origin]]


class CodecError(ValueError):
    """A message this codec cannot read (unknown version or malformed)."""


@dataclass(frozen=True, slots=True)
class Mark:
    """How far session partition ``source`` has recorded: every one of its events with event
    time below ``event_time`` is applied, and so is every event appended before wall time
    ``fetched`` (it was caught up with its input topics as of a fetch at that time)."""

    source: int
    event_time: float
    fetched: float


@dataclass(frozen=True, slots=True)
class Record:
    groups: list[tuple[list[int], Origin]]
    sender: str
    seq: int
    mark: Mark | None


@dataclass(frozen=True, slots=True)
class Lookup:
    request_id: str
    keys: list[int]
    asker: int  # session partition that asks
    reply_partition: int
    outputs: list[tuple[float, float]]  # (event time, fetched by) of the outputs, in order


@dataclass(frozen=True, slots=True)
class Expire:
    before: float
    partitions: int


@dataclass(frozen=True, slots=True)
class Reply:
    request_id: str
    index_partition: int
    found: dict[int, Sighting]
    complete: int  # how many leading outputs the index was complete for
    timed_out: bool  # answered by the maximum wait, not by the watermark


Request = Record | Lookup | Expire | Mark


# -- origins and sightings -------------------------------------------------------------------
def _origin(o: Origin) -> dict[str, Any]:
    return {"t": o.tenant_id, "s": o.session_id, "e": o.event_id, "k": o.kind.value, "ts": o.ts}


def _origin_from(data: Mapping[str, Any]) -> Origin:
    return Origin(data["t"], data["s"], data["e"], EventKind(data["k"]), float(data["ts"]))


def sighting_to_dict(s: Sighting) -> dict[str, Any]:
    return {
        **_origin(s.first),
        "seen": {t: [list(x) for x in seen] for t, seen in s.sessions.items()},
        "last": s.last,
    }


def sighting_from_dict(data: Mapping[str, Any]) -> Sighting:
    return Sighting(
        first=_origin_from(data),
        sessions={str(t): tuple((str(s), float(ts)) for s, ts in seen) for t, seen in data["seen"].items()},
        last=float(data.get("last", data["ts"])),  # rows written before "last": the first time
    )


def encode_sighting(s: Sighting) -> bytes:
    """A ``fingerprints`` table row."""
    return orjson.dumps({"v": VERSION, **sighting_to_dict(s)})


def decode_sighting(raw: bytes) -> Sighting:
    data = orjson.loads(raw)
    _check_version(data)
    return sighting_from_dict(data)


def table_key(key: int) -> bytes:
    """A fingerprint key as the ``fingerprints`` table's row key."""
    return key.to_bytes(8, "big")


# -- requests --------------------------------------------------------------------------------
def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None  # JSON has no -inf: "nothing yet" is null


def _time(value: Any) -> float:
    return float("-inf") if value is None else float(value)


def _mark(mark: Mark) -> dict[str, Any]:
    return {"p": mark.source, "x": _finite(mark.event_time), "f": _finite(mark.fetched)}


def _mark_from(data: Mapping[str, Any]) -> Mark:
    return Mark(int(data["p"]), _time(data["x"]), _time(data["f"]))


def encode_record(groups: RecordGroups, sender: str = "", seq: int = 0, mark: Mark | None = None) -> bytes:
    body: dict[str, Any] = {
        "v": VERSION,
        "op": "record",
        "groups": [{"keys": list(keys), "origin": _origin(o)} for keys, o in groups],
        "w": sender,
        "n": seq,
    }
    if mark is not None:
        body["mark"] = _mark(mark)
    return orjson.dumps(body)


def encode_mark(mark: Mark) -> bytes:
    return orjson.dumps({"v": VERSION, "op": "mark", **_mark(mark)})


def encode_lookup(
    request_id: str,
    keys: Sequence[int],
    asker: int,
    reply_partition: int,
    outputs: Sequence[tuple[float, float]],
) -> bytes:
    return orjson.dumps(
        {
            "v": VERSION,
            "op": "lookup",
            "rid": request_id,
            "keys": list(keys),
            "asker": asker,
            "reply": reply_partition,
            "outputs": [list(x) for x in outputs],
        }
    )


def encode_expire(before: float, partitions: int) -> bytes:
    return orjson.dumps({"v": VERSION, "op": "expire", "before": before, "partitions": partitions})


def decode_request(raw: bytes) -> Request:
    try:
        data = orjson.loads(raw)
        _check_version(data)
        op = data["op"]
        if op == "record":
            mark = data.get("mark")
            return Record(
                groups=[([int(k) for k in g["keys"]], _origin_from(g["origin"])) for g in data["groups"]],
                sender=str(data.get("w", "")),
                seq=int(data.get("n", 0)),
                mark=_mark_from(mark) if mark is not None else None,
            )
        if op == "mark":
            return _mark_from(data)
        if op == "lookup":
            return Lookup(
                request_id=str(data["rid"]),
                keys=[int(k) for k in data["keys"]],
                asker=int(data["asker"]),
                reply_partition=int(data["reply"]),
                outputs=[(float(t), float(f)) for t, f in data["outputs"]],
            )
        if op == "expire":
            return Expire(float(data["before"]), int(data["partitions"]))
    except CodecError:
        raise
    except Exception as exc:
        raise CodecError(f"malformed index request: {type(exc).__name__}") from None
    raise CodecError("unknown index request op")  # never the value: logs carry no payload


# -- replies -----------------------------------------------------------------------------------
def encode_reply(
    request_id: str, index_partition: int, found: Mapping[int, bytes], complete: int, timed_out: bool
) -> bytes:
    """``found``: raw table rows, passed through without decoding them."""
    rows = b",".join(b'"%d":%s' % (key, row) for key, row in found.items())
    head = orjson.dumps(
        {"v": VERSION, "rid": request_id, "part": index_partition, "complete": complete, "timeout": timed_out}
    )
    return head[:-1] + b',"found":{' + rows + b"}}"


def decode_reply(raw: bytes) -> Reply:
    try:
        data = orjson.loads(raw)
        _check_version(data)
        return Reply(
            request_id=str(data["rid"]),
            index_partition=int(data["part"]),
            found={int(k): sighting_from_dict(v) for k, v in data["found"].items()},
            complete=int(data["complete"]),
            timed_out=bool(data["timeout"]),
        )
    except CodecError:
        raise
    except Exception as exc:
        raise CodecError(f"malformed index reply: {type(exc).__name__}") from None


def _check_version(data: Any) -> None:
    if not isinstance(data, dict):
        raise CodecError("not an object")
    version = data.get("v", 1)
    if version != VERSION:
        # the version only if it is a small number: an error message is logged, a payload never
        shown = version if isinstance(version, int) and 0 <= version < 1000 else "unreadable"
        raise CodecError(f"index codec version {shown}; this worker reads {VERSION}")
