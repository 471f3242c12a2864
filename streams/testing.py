"""Test seams for the stream layer: real worker processes on a real broker, topic readers, the
comparison of streamed verdicts with the offline scan's, and the partition processors run in
one process without Kafka (:mod:`.inprocess`).

Used by bleedwatch's integration tests and benchmarks; usable by anyone testing a
deployment. Nothing here mocks Kafka.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import orjson

from .inprocess import CollectingSink, InProcessIndex, InProcessStream
from .kafka_io import consume
from .processes import WorkerProcess, free_port
from .settings import Settings

__all__ = [
    "CollectingSink",
    "Equivalence",
    "FieldDifference",
    "InProcessIndex",
    "InProcessStream",
    "VerdictDifference",
    "VerdictsByEvent",
    "WorkerProcess",
    "compare_verdicts",
    "equivalence",
    "free_port",
    "latest_by_event",
    "read_json",
    "read_until_quiet",
    "read_verdicts",
    "unique_prefix",
    "verdicts_by_event",
    "wait_spread",
]


def unique_prefix(label: str = "it") -> str:
    """A topic prefix (and so app id) no other run shares."""
    return f"{label}{uuid.uuid4().hex[:8]}."


def read_json(settings: Settings, topic: str, count: int, timeout_s: float = 120.0) -> list[dict[str, Any]]:
    """The first ``count`` JSON values of ``topic`` (fewer if the timeout passes)."""
    records = consume(settings, [topic], stop=lambda seen: len(seen) >= count, timeout_s=timeout_s)
    return [orjson.loads(r.value) for r in records]


def read_until_quiet(
    settings: Settings, topic: str, quiet_s: float = 5.0, timeout_s: float = 180.0
) -> Iterator[dict[str, Any]]:
    """Every JSON value of ``topic``, stopping once nothing new came for ``quiet_s``."""
    last = [time.monotonic()]

    def stop(seen: list[Any]) -> bool:
        if seen and len(seen) != getattr(stop, "n", 0):
            stop.n = len(seen)  # type: ignore[attr-defined]
            last[0] = time.monotonic()
        return time.monotonic() - last[0] > quiet_s

    for record in consume(settings, [topic], stop=stop, timeout_s=timeout_s):
        yield orjson.loads(record.value)


def read_verdicts(
    settings: Settings,
    topic: str,
    expected: Collection[str],
    settle_s: float = 5.0,
    idle_s: float = 30.0,
    startup_s: float = 120.0,
    timeout_s: float = 600.0,
) -> list[dict[str, Any]]:
    """Every JSON value of ``topic`` until each of ``expected`` (event ids) has a first verdict
    (revision 0) and nothing new came for ``settle_s``, so that late duplicates and follow-ups
    are read too. Gives up when nothing came in the first ``startup_s`` (workers take a while
    to start), when nothing new came for ``idle_s`` after that, or after ``timeout_s``."""
    wanted = set(expected)
    judged: set[str] = set()
    values: list[dict[str, Any]] = []
    last = [time.monotonic()]

    def stop(_: list[Any]) -> bool:
        quiet = time.monotonic() - last[0]
        if not values:
            return quiet > startup_s
        return quiet > (settle_s if wanted <= judged else idle_s)

    for record in consume(settings, [topic], stop=stop, timeout_s=timeout_s):
        value = orjson.loads(record.value)
        values.append(value)
        last[0] = time.monotonic()
        if value.get("revision", 0) == 0:
            judged.add(str(value.get("event_id")))
    return values


def wait_spread(
    workers: Sequence[WorkerProcess], partitions: int, timeout_s: float = 180.0
) -> list[list[int]]:
    """Wait until ``workers`` own the ``partitions`` between them, each some and none twice."""
    deadline = time.monotonic() + timeout_s
    owned: list[list[int]] = []
    while time.monotonic() < deadline:
        for worker in workers:
            if not worker.alive():
                raise RuntimeError(f"worker exited; log:\n{worker.tail()}")
        owned = [worker.assigned() for worker in workers]
        flat = [p for parts in owned for p in parts]
        if all(owned) and sorted(flat) == list(range(partitions)):
            return owned
        time.sleep(0.5)
    raise TimeoutError(f"partitions not spread over {len(workers)} workers within {timeout_s}s: {owned}")


# -- verdicts compared with the offline scan's ------------------------------------------------


class VerdictsByEvent(NamedTuple):
    """Verdict records sorted out: ``first`` is each output's first revision-0 verdict,
    ``duplicates`` every further revision-0 verdict of an output that already had one,
    ``followups`` every verdict with revision > 0 (in the order read)."""

    first: dict[str, dict[str, Any]]
    duplicates: list[dict[str, Any]]
    followups: list[dict[str, Any]]


def verdicts_by_event(records: Iterable[Mapping[str, Any]]) -> VerdictsByEvent:
    """Sort verdict records (JSON objects, in the order read) into first verdicts, duplicated
    first verdicts and follow-ups."""
    first: dict[str, dict[str, Any]] = {}
    duplicates: list[dict[str, Any]] = []
    followups: list[dict[str, Any]] = []
    for record in records:
        verdict = dict(record)
        if verdict.get("revision", 0) > 0:
            followups.append(verdict)
        elif verdict["event_id"] in first:
            duplicates.append(verdict)
        else:
            first[verdict["event_id"]] = verdict
    return VerdictsByEvent(first, duplicates, followups)


def latest_by_event(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each output's latest verdict (highest revision; the last read among equals)."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        seen = latest.get(record["event_id"])
        if seen is None or record.get("revision", 0) >= seen.get("revision", 0):
            latest[record["event_id"]] = dict(record)
    return latest


@dataclass(frozen=True, slots=True)
class FieldDifference:
    field: str
    expected: Any
    got: Any


Problem = Literal["differs", "missing", "unexpected"]


@dataclass(frozen=True, slots=True)
class VerdictDifference:
    """How one output's verdict differs: ``missing`` (expected, not got), ``unexpected`` (got,
    not expected) or ``differs`` (field by field, over every field either side has)."""

    event_id: str
    problem: Problem
    fields: tuple[FieldDifference, ...] = ()

    def __str__(self) -> str:
        if self.problem != "differs":
            return f"{self.event_id}: {self.problem}"
        parts = [f"{self.event_id}: differs"]
        for diff in self.fields:
            parts.append(f"  {diff.field}: expected {_show(diff.field, diff.expected)}")
            parts.append(f"  {' ' * len(diff.field)}  got      {_show(diff.field, diff.got)}")
        return "\n".join(parts)


_ABSENT = object()


def _show(name: str, value: Any) -> str:
    """A field's value for a failure message. Verdicts carry masked text only, never raw."""
    if value is _ABSENT:
        return "(absent)"
    if name == "findings" and isinstance(value, list):
        return "[" + "; ".join(_show_finding(f) for f in value) + "]"
    return orjson.dumps(value).decode()


def _show_finding(finding: Any) -> str:
    if not isinstance(finding, Mapping):
        return orjson.dumps(finding).decode()
    source = finding.get("source")
    where = (
        f" from {source.get('tenant_id')}/{source.get('session_id')}/{source.get('event_id')}"
        if isinstance(source, Mapping)
        else " (no source)"
    )
    entity = f"/{finding['entity_type']}" if finding.get("entity_type") else ""
    return (
        f"{finding.get('type')}{entity} {finding.get('masked')!r} "
        f"@{finding.get('start')}-{finding.get('end')}{where} -> {finding.get('action')}"
    )


def compare_verdicts(
    expected: Mapping[str, Mapping[str, Any]], got: Mapping[str, Mapping[str, Any]]
) -> list[VerdictDifference]:
    """Differences between two sets of verdicts keyed by event id, compared field by field
    over the whole verdict (no field is left out); expected order first, then the unexpected."""
    differences: list[VerdictDifference] = []
    for event_id, want in expected.items():
        have = got.get(event_id)
        if have is None:
            differences.append(VerdictDifference(event_id, "missing"))
            continue
        fields = tuple(
            FieldDifference(name, want.get(name, _ABSENT), have.get(name, _ABSENT))
            for name in [*want, *(k for k in have if k not in want)]
            if want.get(name, _ABSENT) != have.get(name, _ABSENT)
        )
        if fields:
            differences.append(VerdictDifference(event_id, "differs", fields))
    differences.extend(VerdictDifference(e, "unexpected") for e in got if e not in expected)
    return differences


def _followup_key(verdict: Mapping[str, Any]) -> str:
    return f"{verdict['event_id']}#r{verdict.get('revision', 0)}"


@dataclass(slots=True)
class Equivalence:
    """A streamed run judged against the offline scan of the same events.

    ``differences`` compares the first (revision-0) verdicts; ``followup_differences`` the
    follow-ups keyed by (event id, revision) (the scan, reading in event-time order, normally
    has none); ``final_differences`` each output's latest verdict, for diagnosis only."""

    expected: int
    got: int
    differences: list[VerdictDifference]
    duplicates: list[dict[str, Any]]
    followups: list[dict[str, Any]]
    followup_differences: list[VerdictDifference]
    final_differences: list[VerdictDifference]
    changed_fields: Counter[str] = field(default_factory=Counter)
    action_changes: Counter[str] = field(default_factory=Counter)

    def count(self, problem: Problem) -> int:
        return sum(1 for d in self.differences if d.problem == problem)

    @property
    def differ(self) -> int:
        return self.count("differs")

    @property
    def missing(self) -> int:
        return self.count("missing")

    @property
    def unexpected(self) -> int:
        return self.count("unexpected")

    @property
    def duplicated(self) -> int:
        """Outputs with more than one revision-0 verdict."""
        return len({d["event_id"] for d in self.duplicates})

    @property
    def ok(self) -> bool:
        return not (self.differences or self.duplicates or self.followup_differences)

    def figures(self) -> dict[str, int]:
        return {
            "expected": self.expected,
            "got": self.got,
            "differ": self.differ,
            "missing": self.missing,
            "unexpected": self.unexpected,
            "duplicated": self.duplicated,
            "followups": len(self.followups),
            "final_differ": len(self.final_differences),
        }

    def summary(self, label: str = "") -> str:
        f = self.figures()
        line = (
            f"{label + ': ' if label else ''}{f['got']}/{f['expected']} outputs judged; "
            f"differ {f['differ']}, missing {f['missing']}, unexpected {f['unexpected']}, "
            f"duplicated {f['duplicated']}, follow-ups {f['followups']} "
            f"(final state differs for {f['final_differ']})"
        )
        if self.changed_fields:
            line += "; fields: " + ", ".join(f"{k} {n}" for k, n in self.changed_fields.most_common())
        if self.action_changes:
            line += "; actions: " + ", ".join(f"{k} {n}" for k, n in self.action_changes.most_common())
        return line

    def details(self, limit: int = 5) -> str:
        """The first differing first verdicts, duplicates and follow-ups (masked fields only)."""
        parts: list[str] = []
        differs = [d for d in self.differences if d.problem == "differs"]
        if differs:
            parts.append(f"first differing verdicts ({len(differs)}):")
            parts.extend(str(d) for d in differs[:limit])
        others = [d for d in self.differences if d.problem != "differs"]
        if others:
            parts.append(f"missing/unexpected ({len(others)}): " + ", ".join(str(d) for d in others[:20]))
        if self.duplicates:
            parts.append("duplicated: " + ", ".join(sorted({d["event_id"] for d in self.duplicates})[:20]))
        if self.followup_differences:
            parts.append(f"follow-ups not in the scan ({len(self.followup_differences)}):")
            parts.extend(str(d) for d in self.followup_differences[:limit])
        return "\n".join(parts)


def equivalence(
    expected_records: Iterable[Mapping[str, Any]], got_records: Iterable[Mapping[str, Any]]
) -> Equivalence:
    """Judge streamed verdict records against the expected (offline scan) ones."""
    expected_records, got_records = list(expected_records), list(got_records)
    want, have = verdicts_by_event(expected_records), verdicts_by_event(got_records)
    differences = compare_verdicts(want.first, have.first)
    followup_differences = compare_verdicts(
        {_followup_key(v): v for v in want.followups}, {_followup_key(v): v for v in have.followups}
    )
    final_differences = compare_verdicts(latest_by_event(expected_records), latest_by_event(got_records))
    changed: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    for diff in differences:
        changed.update(f.field for f in diff.fields)
        for f in diff.fields:
            if f.field == "action":
                actions[f"{f.expected}->{f.got}"] += 1
    return Equivalence(
        expected=len(want.first),
        got=len(have.first),
        differences=differences,
        duplicates=have.duplicates,
        followups=have.followups,
        followup_differences=followup_differences,
        final_differences=final_differences,
        changed_fields=changed,
        action_changes=actions,
    )
