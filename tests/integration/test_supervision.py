"""A dead extraction process does not stall a worker: it is restarted and no verdict is lost or
doubled; one that cannot be restarted makes /healthz answer 503 and the worker exit non-zero."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bleedwatch.streams.kafka_io import produce_lines
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import WorkerProcess, read_until_quiet
from bleedwatch.streams.topology import Topology

pytestmark = pytest.mark.kafka

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
NAMES = ["Ingrid Solberg", "Tomasz Wierzbicki", "Amara Okafor", "Lucía Ferrer", "Kenji Watanabe"]


def _event(event_id: str, session: str, kind: str, seconds: float, content: str) -> bytes:
    return json.dumps(
        {
            "event_id": event_id,
            "tenant_id": "bank",
            "session_id": session,
            "kind": kind,
            "timestamp": (T0 + timedelta(seconds=seconds)).isoformat(),
            "content": content,
        }
    ).encode()


def _traffic(turns: int, sessions: int = 5) -> tuple[list[bytes], set[str]]:
    """Turns of a question and an answer across ``sessions``; answers name people (NER runs)."""
    lines, outputs = [], set()
    for n in range(turns):
        session = f"s{n % sessions}"
        name = NAMES[n % len(NAMES)]
        lines.append(_event(f"in-{n}", session, "user_input", n, f"Hello, this is {name}. Card status {n}?"))
        lines.append(
            _event(f"out-{n}", session, "model_output", n + 0.5, f"Thank you {name}: card {n} is active.")
        )
        outputs.add(f"out-{n}")
    return lines, outputs


def _counter(metrics: str, name: str) -> float:
    match = re.search(rf"^{name} (\S+)$", metrics, re.MULTILINE)
    assert match, f"{name} not exported"
    return float(match.group(1))


def _extraction_pid(worker: WorkerProcess, timeout_s: float = 30.0) -> int:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        pid = worker.extraction_pid()
        if pid is not None:
            return pid
        time.sleep(0.2)
    raise AssertionError(f"no extraction process found: {worker.children()}")


def test_killed_extraction_process_is_restarted_and_every_output_gets_one_verdict(
    stream_settings: Settings,
    start_worker,  # type: ignore[no-untyped-def]
) -> None:
    worker = start_worker()
    worker.wait_assigned(count=4)
    first = _extraction_pid(worker)
    lines, outputs = _traffic(40)  # 80 events
    sent = [0]

    def kill_mid_stream() -> None:
        sent[0] += 1
        if sent[0] == 30:  # as the OOM killer would, with events before and after it
            os.kill(first, signal.SIGKILL)

    produce_lines(stream_settings, lines, rate=20.0, on_sent=kill_mid_stream)
    # No verdict comes while the new process loads its models (seconds on a busy machine):
    # read the topic once the restart is done, or the reader takes that pause for the end.
    deadline = time.monotonic() + 180
    while (
        time.monotonic() < deadline and _counter(worker.metrics(), "bleedwatch_extraction_restarts_total") < 1
    ):
        assert worker.alive(), worker.tail()
        time.sleep(0.5)

    verdicts = list(
        read_until_quiet(stream_settings, Topology(stream_settings).verdicts, quiet_s=10, timeout_s=240)
    )
    first_verdicts = Counter(v["event_id"] for v in verdicts if v["revision"] == 0)
    assert set(first_verdicts) == outputs, f"missing: {sorted(outputs - set(first_verdicts))}"
    assert [e for e, n in first_verdicts.items() if n > 1] == []
    assert _counter(worker.metrics(), "bleedwatch_extraction_restarts_total") >= 1, worker.tail()
    assert worker.alive()
    assert _extraction_pid(worker) != first
    status = worker.health_status()
    assert status is not None and status[0] == 200 and status[1]["status"] == "ok", status


def test_extraction_that_cannot_restart_turns_healthz_503_and_the_worker_exits_non_zero(
    stream_settings: Settings,
    start_worker,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    fault = tmp_path / "extraction-start-fails"
    worker = start_worker(BLEEDWATCH_FAULT_EXTRACTION_START_FAIL_FILE=str(fault))
    worker.wait_assigned(count=4)
    before = worker.health_status()
    assert before is not None and before[0] == 200, before
    pid = _extraction_pid(worker)
    fault.touch()  # from now on a new extraction process fails to start
    os.kill(pid, signal.SIGKILL)

    unhealthy: list[tuple[float, dict]] = []  # type: ignore[type-arg]
    deadline = time.monotonic() + 120
    while worker.alive() and time.monotonic() < deadline:
        answer = worker.health_status()
        if answer is not None and answer[0] == 503:
            unhealthy.append((time.monotonic(), answer[1]))
        time.sleep(0.05)
    exited_at = time.monotonic()

    assert not worker.alive(), "the worker did not exit"
    assert worker.process is not None and worker.process.returncode not in (0, None)
    assert unhealthy, "/healthz never answered 503"
    body = unhealthy[-1][1]
    assert body["status"] == "unhealthy"
    assert any(p.startswith("extraction: ") for p in body["problems"]), body
    assert {"assigned", "stream_time", "buffered"} <= set(body)
    log = worker.log_path.read_text(errors="replace")  # the whole log: a crash adds long tracebacks
    assert "extraction process could not be restarted" in log
    print(
        f"exit code {worker.process.returncode}; 503 seen for "
        f"{unhealthy[-1][0] - unhealthy[0][0]:.2f} s, exit {exited_at - unhealthy[0][0]:.2f} s after the first 503"
    )
