"""A live dashboard on the worker's web port: counts, a timeline, and the latest alerts.

Self-contained HTML with inline SVG drawn by a few lines of script: nothing is fetched from
outside the worker. Only masked values and fingerprints are shown.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from importlib.resources import files
from typing import Any

from bleedwatch.models import Action, Verdict

from .render import describe

_BUCKET_S = 10
_BUCKETS = 60


class DashboardState:
    """What the page shows, kept in memory by the worker (bounded)."""

    def __init__(self, recent: int = 50) -> None:
        self.actions: Counter[str] = Counter()
        self.findings: Counter[str] = Counter()
        self.recent: deque[dict[str, Any]] = deque(maxlen=recent)
        self.timeline: deque[tuple[int, Counter[str]]] = deque(maxlen=_BUCKETS)

    def record(self, verdict: Verdict, now: float | None = None) -> None:
        now = time.time() if now is None else now
        bucket = int(now // _BUCKET_S) * _BUCKET_S
        if not self.timeline or self.timeline[-1][0] != bucket:
            self.timeline.append((bucket, Counter()))
        self.timeline[-1][1][verdict.action.value] += 1
        self.actions[verdict.action.value] += 1
        for finding in verdict.findings:
            self.findings[finding.type.value] += 1
        if verdict.action is not Action.ALLOW or verdict.revision:
            self.recent.appendleft(
                {
                    "at": now,
                    "event_id": verdict.event_id,
                    "tenant": verdict.tenant_id,
                    "session": verdict.session_id,
                    "action": verdict.action.value,
                    "revision": verdict.revision,
                    "drift": verdict.drift_score,
                    "what": describe(verdict),
                }
            )

    def summary(self) -> dict[str, Any]:
        return {
            "actions": dict(self.actions),
            "findings": dict(self.findings),
            "timeline": [{"t": t, **dict(c)} for t, c in self.timeline],
            "recent": list(self.recent),
            "bucket_seconds": _BUCKET_S,
        }


def page() -> str:
    """The dashboard's HTML (``static/dashboard.html``, shipped with the package)."""
    return (files("bleedwatch.streams") / "static" / "dashboard.html").read_text(encoding="utf-8")
