"""Issue 10: verdicts must not depend on speed, keys or crashes.

Real `bleedwatch worker` processes on the real broker judge leakbench traffic (2,000 events,
about 800 model outputs over some 270 sessions of 5 tenants), and every verdict must equal the
offline scan's of the same lines, field by field over the whole verdict JSON:

- 0 differ, 0 missing (and 0 unexpected): compared on each output's first (revision-0) verdict;
- 0 duplicated: no output gets a second revision-0 verdict;
- follow-ups (revision > 0) equal to the scan's, which has none: the scan reads the events in
  event-time order, so a follow-up from the stream means its first verdict was judged before
  its evidence. The first verdict is the one acted on (a block happens then, or not), so a
  final state equal to the scan's after retractions is not enough; it is printed for
  diagnosis only.

Ways: a backlog (everything produced before the workers start, as after an outage) for one
and two workers, a steady rate for two workers already assigned, and producers that key by
something else than the session (no key; a random key per event), at a steady rate and in a
backlog. Each run prints a one-line summary; a failure shows the first differing verdicts
(masked fields only: verdicts never carry raw text).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import orjson
import pytest

from bleedwatch.detectors import DetectionPipeline, DetectorConfig, PiiEngine
from bleedwatch.models import Verdict
from bleedwatch.streams.kafka_io import KeyMode, produce_lines
from bleedwatch.streams.scan import Scanner
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import Equivalence, WorkerProcess, equivalence, read_verdicts, wait_spread
from bleedwatch.streams.topology import Topology
from tests.benchmarks.leakbench.generator import generate

pytestmark = pytest.mark.kafka

EVENTS = 2000
SEED = 10
RATE = 175.0  # events/s for the steady ways: about a quarter of one worker's capacity


@dataclass(frozen=True)
class Traffic:
    lines: list[bytes]
    expected: list[dict[str, Any]]  # the scan's verdicts as JSON, in scan order
    outputs: list[str]  # event ids of the model outputs


@dataclass(frozen=True)
class Way:
    mode: str  # "backlog": produce everything, then start the workers; "steady": the reverse
    workers: int
    keys: KeyMode = "session"

    @property
    def name(self) -> str:
        return f"{self.mode}-{self.workers}w-{self.keys}-keys"


@pytest.fixture(scope="module")
def traffic(pii_engine: PiiEngine) -> Traffic:
    events, _ = generate(EVENTS, SEED)
    lines = [orjson.dumps(event) for event in events]
    scanner = Scanner(DetectionPipeline(DetectorConfig(), pii=pii_engine))
    expected = [v.model_dump(mode="json") for v in scanner.scan(lines) if isinstance(v, Verdict)]
    outputs = [e["event_id"] for e in events if e["kind"] == "model_output"]
    assert len(lines) >= 2000 and scanner.stats.dead_letters == 0
    assert sorted(v["event_id"] for v in expected if v["revision"] == 0) == sorted(outputs)
    return Traffic(lines, expected, outputs)


def run_way(
    way: Way, settings: Settings, start_worker: Callable[..., WorkerProcess], traffic: Traffic
) -> tuple[Equivalence, list[WorkerProcess]]:
    topic = Topology(settings).verdicts
    started = time.monotonic()
    # producers that do not key by session are declared, so marks flow from the first event
    env = {} if way.keys == "session" else {"BLEEDWATCH_INPUT_KEYS": "any"}
    if way.mode == "backlog":
        stats = produce_lines(settings, traffic.lines, keys=way.keys)
        assert stats.sent == len(traffic.lines) and not stats.rejected
        workers = [start_worker(**env) for _ in range(way.workers)]
        records = read_verdicts(settings, topic, traffic.outputs)
    else:
        workers = [start_worker(**env) for _ in range(way.workers)]
        wait_spread(workers, settings.partitions)
        started = time.monotonic()
        with ThreadPoolExecutor(1) as pool:
            producing = pool.submit(produce_lines, settings, traffic.lines, RATE, keys=way.keys)
            records = read_verdicts(settings, topic, traffic.outputs)
            stats = producing.result()
        assert stats.sent == len(traffic.lines) and not stats.rejected
    report = equivalence(traffic.expected, records)
    print(f"{report.summary(way.name)}; {time.monotonic() - started:.0f} s")
    if not report.ok:
        print(report.details())
    return report, workers


def _assert_equal_to_scan(report: Equivalence, workers: list[WorkerProcess]) -> None:
    assert all(w.alive() for w in workers), "a worker died:\n" + "\n".join(w.tail() for w in workers)
    if not report.ok:  # not a bare assert: pytest would print the whole report object too
        pytest.fail(f"not equal to the scan: {report.summary()}\n{report.details()}", pytrace=False)


# The slow profile (./deploy/test.sh -m slow), 30 to 100 s a way on two shared cores. The
# two-worker backlog failed once in CI (a rebalance while judging), so it is here too for now.
_slow = pytest.mark.slow
SPEED_WAYS = [
    pytest.param(Way("backlog", 1), marks=_slow),
    pytest.param(Way("backlog", 2), marks=_slow),
    pytest.param(Way("steady", 2), marks=_slow),
]
KEY_WAYS = [
    pytest.param(Way("steady", 2, "empty"), marks=_slow),
    pytest.param(Way("steady", 2, "random"), marks=_slow),
    pytest.param(Way("backlog", 2, "random"), marks=_slow),
]


@pytest.mark.parametrize("way", SPEED_WAYS, ids=lambda w: w.name)
def test_verdicts_do_not_depend_on_speed(
    way: Way,
    stream_settings: Settings,
    start_worker: Callable[..., WorkerProcess],
    traffic: Traffic,
) -> None:
    """Session-keyed traffic: a backlog drained by one or two workers, or a steady rate."""
    report, workers = run_way(way, stream_settings, start_worker, traffic)
    _assert_equal_to_scan(report, workers)


@pytest.mark.parametrize("way", KEY_WAYS, ids=lambda w: w.name)
def test_verdicts_do_not_depend_on_producer_keys(
    way: Way,
    stream_settings: Settings,
    start_worker: Callable[..., WorkerProcess],
    traffic: Traffic,
) -> None:
    """Producers that key by something else than the session: no key, or a random one."""
    report, workers = run_way(way, stream_settings, start_worker, traffic)
    _assert_equal_to_scan(report, workers)
