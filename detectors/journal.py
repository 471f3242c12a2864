"""Per-session memory of judged outputs: exactly one verdict per event_id, and retractions.

``judged`` remembers the last outputs judged (64-bit hashes of their event ids), so a
redelivered output after a restart gets no second verdict. ``flagged`` keeps the last few
flagged outputs with the keys that would explain each finding, so evidence that arrives late
(event time before the output) can retract what it explains in a follow-up verdict.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.models import Finding

JUDGED_CAP = 128
FLAGGED_CAP = 4
KEYS_PER_FINDING = 24


@dataclass(slots=True)
class FlaggedFinding:
    finding: Finding
    keys: tuple[int, ...]  # all known => explained
    alt_keys: tuple[int, ...] = ()  # or all of these (a name's words)

    def explained_by(self, knows: Any) -> bool:
        if self.keys and all(knows(k) for k in self.keys):
            return True
        return bool(self.alt_keys) and all(knows(k) for k in self.alt_keys)


@dataclass(slots=True)
class FlaggedOutput:
    event_id: str
    timestamp: float
    revision: int
    drift_score: float
    findings: list[FlaggedFinding]


@dataclass(slots=True)
class Journal:
    judged: deque[int] = field(default_factory=lambda: deque(maxlen=JUDGED_CAP))
    flagged: deque[FlaggedOutput] = field(default_factory=lambda: deque(maxlen=FLAGGED_CAP))

    def to_dict(self) -> dict[str, Any]:
        return {
            "j": list(self.judged),
            "f": [
                {
                    "e": f.event_id,
                    "t": f.timestamp,
                    "r": f.revision,
                    "d": f.drift_score,
                    "x": [
                        {"f": x.finding.model_dump(mode="json"), "k": list(x.keys), "a": list(x.alt_keys)}
                        for x in f.findings
                    ],
                }
                for f in self.flagged
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Journal:
        journal = cls()
        journal.judged.extend(data.get("j", ()))
        for f in data.get("f", ()):
            journal.flagged.append(
                FlaggedOutput(
                    event_id=f["e"],
                    timestamp=f["t"],
                    revision=f["r"],
                    drift_score=f["d"],
                    findings=[
                        FlaggedFinding(Finding.model_validate(x["f"]), tuple(x["k"]), tuple(x["a"]))
                        for x in f["x"]
                    ],
                )
            )
        return journal
