"""Per-session memory of judged outputs: exactly one verdict per event_id, and retractions.

``judged`` remembers the last outputs judged (64-bit hashes of their event ids), so a
redelivered output after a restart gets no second verdict; ``learned`` does the same for
evidence (a rebalance redelivers what was applied but not yet committed, and learning it
twice would count its topic twice in the session's topic vector). ``flagged`` keeps the last few
flagged outputs with the keys that would explain each finding, so evidence that arrives late
(event time before the output) can retract what it explains in a follow-up verdict.
"""

from __future__ import annotations

import base64
import struct
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bleedwatch.models import Finding

JUDGED_CAP = 128
LEARNED_CAP = 64  # a redelivery replays at most the uncommitted seconds of a session
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
    learned: deque[int] = field(default_factory=lambda: deque(maxlen=LEARNED_CAP))

    def to_dict(self) -> dict[str, Any]:
        return {
            # markers packed: 8 bytes each instead of ~20 digits (state stays within 16 KiB)
            "j": _pack(self.judged),
            "l": _pack(self.learned),
            "f": [
                {
                    "e": f.event_id,
                    "t": f.timestamp,
                    "r": f.revision,
                    "d": f.drift_score,
                    "x": [
                        # keys packed as the markers are: 8 bytes each (the encoder profile's room)
                        {"f": x.finding.model_dump(mode="json"), "k": _pack(x.keys), "a": _pack(x.alt_keys)}
                        for x in f.findings
                    ],
                }
                for f in self.flagged
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Journal:
        journal = cls()
        journal.judged.extend(_unpack(data.get("j", "")))
        journal.learned.extend(_unpack(data.get("l", "")))
        for f in data.get("f", ()):
            journal.flagged.append(
                FlaggedOutput(
                    event_id=f["e"],
                    timestamp=f["t"],
                    revision=f["r"],
                    drift_score=f["d"],
                    findings=[
                        FlaggedFinding(Finding.model_validate(x["f"]), _unpack(x["k"]), _unpack(x["a"]))
                        for x in f["x"]
                    ],
                )
            )
        return journal


def _pack(markers: Iterable[int]) -> str:
    values = list(markers)
    return base64.b64encode(struct.pack(f">{len(values)}Q", *values)).decode()


def _unpack(data: str | list[int]) -> tuple[int, ...]:
    if isinstance(data, list):  # rows written before markers (or a finding's keys) were packed
        return tuple(data)
    packed = base64.b64decode(data)
    return struct.unpack(f">{len(packed) // 8}Q", packed)
