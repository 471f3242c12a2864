"""Offline scan: the detection pipeline over a JSONL file, in arrival order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from bleedwatch.detectors import DeadLetterFactory, DetectionPipeline
from bleedwatch.models import DeadLetter, Event, EventValidationError, Verdict, parse_event


@dataclass(frozen=True, slots=True)
class Coordinates:
    line: int | None = None
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None


@dataclass(slots=True)
class ScanStats:
    lines: int = 0
    events: int = 0
    verdicts: int = 0
    dead_letters: int = 0
    actions: dict[str, int] = field(default_factory=dict)


class Scanner:
    """Turns raw lines into verdicts and dead-letter records, batching NER across lines.

    Every ``sweep_every`` events (0: never) the pipeline's in-memory stores drop what reads
    already ignore as of the latest event time seen (:meth:`DetectionPipeline.sweep`), so
    memory stays bounded on long histories; no verdict changes unless a later event is more
    than a tenth of a TTL older than that.
    """

    def __init__(self, pipeline: DetectionPipeline, batch_size: int = 64, sweep_every: int = 10_000) -> None:
        self.pipeline = pipeline
        self.dead_letters = DeadLetterFactory(pipeline.hasher, pipeline.pii)
        self.batch_size = batch_size
        self.sweep_every = sweep_every
        self.stats = ScanStats()
        self._latest: float | None = None  # the latest event time seen
        self._unswept = 0  # events since the last sweep

    def scan(
        self,
        lines: Iterable[bytes],
        on_dead_letter: Callable[[DeadLetter], None] | None = None,
    ) -> Iterator[Verdict | DeadLetter]:
        """Lines of a JSONL file; dead letters name their line number."""
        numbered = ((raw, Coordinates(line=n)) for n, raw in enumerate(lines, start=1))
        return self.scan_records(numbered, on_dead_letter)

    def scan_records(
        self,
        records: Iterable[tuple[bytes, Coordinates]],
        on_dead_letter: Callable[[DeadLetter], None] | None = None,
    ) -> Iterator[Verdict | DeadLetter]:
        """Raw records with where they came from (a line, or a topic/partition/offset)."""
        pending: list[Event | DeadLetter] = []
        for raw, where in records:
            self.stats.lines += 1
            if not raw.strip():
                continue
            raw = raw.rstrip(b"\r\n")
            try:
                pending.append(parse_event(raw))
            except EventValidationError as error:
                record = self.dead_letters.from_error(
                    raw,
                    error,
                    line=where.line,
                    topic=where.topic,
                    partition=where.partition,
                    offset=where.offset,
                )
                self.stats.dead_letters += 1
                if on_dead_letter:
                    on_dead_letter(record)
                pending.append(record)
            if len(pending) >= self.batch_size:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _flush(self, pending: list[Event | DeadLetter]) -> Iterator[Verdict | DeadLetter]:
        events = [p for p in pending if isinstance(p, Event)]
        results = iter(self.pipeline.process_batch(events))
        self._sweep(events)
        for item in pending:
            if isinstance(item, DeadLetter):
                yield item
                continue
            self.stats.events += 1
            for verdict in next(results):
                self.stats.verdicts += 1
                action = verdict.action.value
                self.stats.actions[action] = self.stats.actions.get(action, 0) + 1
                yield verdict

    def _sweep(self, events: list[Event]) -> None:
        if not events:
            return
        latest = max(e.timestamp.timestamp() for e in events)
        self._latest = latest if self._latest is None else max(self._latest, latest)
        self._unswept += len(events)
        if self.sweep_every and self._unswept >= self.sweep_every:
            self._unswept = 0
            self.pipeline.sweep(self._latest)
