"""Test seams that ship with the package: build events tersely, run a pipeline, collect verdicts."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from bleedwatch.models import Event, EventKind, Verdict

from .pipeline import DetectionPipeline

_T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


class EventFactory:
    """Makes events with increasing timestamps and unique ids."""

    def __init__(self, start: datetime = _T0, step_s: float = 1.0) -> None:
        self._clock = start
        self._step = timedelta(seconds=step_s)
        self._ids = itertools.count(1)

    def __call__(
        self,
        tenant: str,
        session: str,
        kind: EventKind | str,
        content: str,
        *,
        event_id: str | None = None,
        gap_s: float | None = None,
        **metadata: object,
    ) -> Event:
        self._clock += timedelta(seconds=gap_s) if gap_s is not None else self._step
        return Event(
            event_id=event_id or f"ev-{next(self._ids)}",
            tenant_id=tenant,
            session_id=session,
            kind=EventKind(kind),
            timestamp=self._clock,
            content=content,
            metadata=metadata or None,
        )


class VerdictSink:
    """Collects verdicts the way a consumer of the verdict topic would.

    ``sink[event_id]`` is the latest revision; ``history`` keeps every verdict in arrival order.
    """

    def __init__(self) -> None:
        self.history: list[Verdict] = []
        self.verdicts: dict[str, Verdict] = {}

    def __getitem__(self, event_id: str) -> Verdict:
        return self.verdicts[event_id]

    def __len__(self) -> int:
        return len(self.verdicts)

    def extend(self, verdicts: Iterable[Verdict]) -> None:
        for verdict in verdicts:
            self.history.append(verdict)
            latest = self.verdicts.get(verdict.event_id)
            if latest is None or verdict.revision >= latest.revision:
                self.verdicts[verdict.event_id] = verdict


def run(pipeline: DetectionPipeline, events: Iterable[Event]) -> VerdictSink:
    sink = VerdictSink()
    for event in events:
        sink.extend(pipeline.process(event))
    return sink
