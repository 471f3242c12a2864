"""A worker's health, as ``/healthz`` reports it.

Components (the extraction process, partition tasks, the worker itself when it is exiting)
report themselves down, with a reason, and up again. The worker is unhealthy while any
component is down, or while the oldest buffered event (received, not yet released for
judging) has waited longer than ``max_event_age_s``: a stall that no component noticed.
Reasons name the component and an exception type at most, never event content.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

OK = 200
UNAVAILABLE = 503


class Health:
    def __init__(
        self,
        max_event_age_s: float,
        oldest_arrival: Callable[[], float | None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``oldest_arrival()``: when the oldest buffered event arrived (``clock`` time), or None."""
        self.max_event_age_s = max_event_age_s
        self._oldest_arrival = oldest_arrival
        self._clock = clock
        self._down: dict[str, str] = {}

    def down(self, component: str, reason: str) -> None:
        self._down[component] = reason

    def up(self, component: str) -> None:
        self._down.pop(component, None)

    def is_down(self, component: str) -> bool:
        return component in self._down

    def problems(self) -> list[str]:
        problems = [f"{component}: {reason}" for component, reason in sorted(self._down.items())]
        arrived = self._oldest_arrival()
        if arrived is not None:
            age = self._clock() - arrived
            if age > self.max_event_age_s:
                problems.append(
                    f"backlog: the oldest buffered event has waited {age:.0f} s "
                    f"(more than {self.max_event_age_s:g} s)"
                )
        return problems

    def report(self, **fields: Any) -> tuple[int, dict[str, Any]]:
        """The HTTP status and JSON body of ``/healthz``; ``fields`` are added to the body."""
        problems = self.problems()
        body = {"status": "unhealthy" if problems else "ok", "problems": problems, **fields}
        return (UNAVAILABLE if problems else OK), body
