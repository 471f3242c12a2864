"""The offline scan sweeps its in-memory stores as it goes, and that changes no verdict."""

from __future__ import annotations

import json

from bleedwatch.detectors import DetectionPipeline, DetectorConfig, PiiEngine
from bleedwatch.models import Verdict
from bleedwatch.streams.scan import Scanner


def _line(n: int, seconds: int, session: str, kind: str, content: str) -> bytes:
    minutes, seconds = divmod(seconds, 60)
    event = {
        "event_id": f"e{n}",
        "tenant_id": "bank",
        "session_id": session,
        "kind": kind,
        "timestamp": f"2026-11-20T{9 + minutes // 60:02d}:{minutes % 60:02d}:{seconds:02d}Z",
        "content": content,
    }
    return json.dumps(event).encode()


def test_a_scan_that_sweeps_gives_the_verdicts_of_one_that_does_not(pii_engine: PiiEngine) -> None:
    crm = json.dumps({"customer_name": "Mei Tanaka", "email": "mei.tanaka@example.org"})
    leak = "Your statement went to mei.tanaka@example.org."
    lines = []
    for round_ in range(6):  # every 400 s: past the session TTL, and past the index TTL by round 2
        t = round_ * 400
        lines += [
            _line(4 * round_, t, f"crm{round_ % 2}", "tool_trace", crm),
            _line(4 * round_ + 1, t + 100, "s1", "user_input", "Hello, I am Jonas Weber."),
            _line(4 * round_ + 2, t + 110, "s1", "model_output", "Thank you, Mr. Weber."),
            _line(4 * round_ + 3, t + 390 + round_ * 100, "leaky", "model_output", leak),
        ]
    lines.sort(key=lambda line: json.loads(line)["timestamp"])
    config = DetectorConfig(session_ttl_seconds=120, index_ttl_seconds=300)

    def scan(sweep_every: int) -> tuple[list[Verdict], DetectionPipeline]:
        pipeline = DetectionPipeline(config, pii=pii_engine)
        verdicts = Scanner(pipeline, batch_size=2, sweep_every=sweep_every).scan(lines)
        return [v for v in verdicts if isinstance(v, Verdict)], pipeline

    kept, unswept = scan(sweep_every=0)
    swept, pipeline = scan(sweep_every=1)
    assert len(pipeline.sessions) < len(unswept.sessions)  # type: ignore[arg-type]
    assert len(pipeline.index) < len(unswept.index)  # type: ignore[arg-type]
    assert [v.model_dump() for v in swept] == [v.model_dump() for v in kept]
    assert {f.type.value for v in kept for f in v.findings} >= {"cross_session_pii", "pii_without_provenance"}
