"""Supervision without Kafka: the health registry, restart budgets, supervised tasks, and the
extraction supervisor over a real child process (a bare one: no models to load)."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

from bleedwatch.detectors import DetectorConfig
from bleedwatch.streams import extraction_pool
from bleedwatch.streams.extraction_pool import ExtractionSupervisor, ExtractionUnavailable
from bleedwatch.streams.health import Health
from bleedwatch.streams.supervision import FatalExit, RestartBudget, TaskSupervisor, next_while_alive


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- health ----------------------------------------------------------------------------------
def test_health_is_ok_until_a_component_is_down_and_ok_again_once_it_is_up() -> None:
    health = Health(max_event_age_s=60)
    assert health.report(buffered=3) == (200, {"status": "ok", "problems": [], "buffered": 3})
    health.down("extraction", "the process died (BrokenProcessPool); restarting")
    health.down("partition 2", "died (KeyError); restarting")
    status, body = health.report(assigned=[1, 2])
    assert status == 503
    assert body["status"] == "unhealthy"
    assert body["assigned"] == [1, 2]
    assert body["problems"] == [
        "extraction: the process died (BrokenProcessPool); restarting",
        "partition 2: died (KeyError); restarting",
    ]
    health.up("extraction")
    health.up("partition 2")
    health.up("never-down")
    assert health.report()[0] == 200


def test_health_reports_a_backlog_older_than_the_limit() -> None:
    clock = Clock()
    oldest: list[float | None] = [None]
    health = Health(max_event_age_s=60, oldest_arrival=lambda: oldest[0], clock=clock)
    assert health.report()[0] == 200
    oldest[0] = clock.now - 59
    assert health.report()[0] == 200
    clock.now += 2
    status, body = health.report()
    assert status == 503
    assert body["problems"] == ["backlog: the oldest buffered event has waited 61 s (more than 60 s)"]


# -- restart budget --------------------------------------------------------------------------
def test_restart_budget_allows_n_restarts_within_the_window() -> None:
    clock = Clock()
    budget = RestartBudget(max_restarts=3, window_s=60, clock=clock)
    assert [budget.try_restart() for _ in range(3)] == [True, True, True]
    clock.now += 59
    assert budget.try_restart() is False  # a fourth within 60 s
    clock.now += 1  # the first three are now 60 s old: out of the window
    assert budget.try_restart() is True
    assert budget.try_restart() is True
    assert budget.try_restart() is True
    assert budget.try_restart() is False


def test_restart_budget_of_zero_allows_no_restart() -> None:
    assert RestartBudget(max_restarts=0, window_s=60).try_restart() is False


def test_a_refused_restart_is_not_counted() -> None:
    clock = Clock()
    budget = RestartBudget(max_restarts=1, window_s=10, clock=clock)
    assert budget.try_restart()
    for _ in range(4):
        clock.now += 2  # up to 8 s later: still within the window
        assert not budget.try_restart()
    clock.now = 1010.0  # the one restart ages out; refusals did not extend the window
    assert budget.try_restart()


# -- supervised tasks ------------------------------------------------------------------------
class Crashes:
    def __init__(self) -> None:
        self.crashes: list[BaseException] = []

    async def __call__(self, exc: BaseException) -> None:
        self.crashes.append(exc)


def _fatal(health: Health) -> tuple[FatalExit, Crashes]:
    crashes = Crashes()
    return FatalExit(health, crashes, linger_s=0.05, hard_exit_after_s=3600), crashes


async def _until(condition: Any, timeout_s: float = 10.0) -> None:
    async with asyncio.timeout(timeout_s):
        while not condition():
            await asyncio.sleep(0.01)


def test_a_dead_task_is_restarted_within_its_budget_then_the_worker_exits() -> None:
    async def scenario() -> None:
        health = Health(max_event_age_s=60)
        fatal, crashes = _fatal(health)
        restarts: list[int] = []
        supervisor = TaskSupervisor(
            health, RestartBudget(2, 60), fatal, on_restart=lambda: restarts.append(1)
        )
        runs: list[int] = []
        tracked: list[asyncio.Future[None]] = []

        async def dies() -> None:
            runs.append(1)
            await asyncio.sleep(0)
            raise KeyError("boom")

        supervisor.start("partition 0", dies, track=tracked.append)
        await _until(lambda: fatal.triggered)
        assert len(runs) == 3  # the first run and two restarts
        assert len(tracked) == 3 and len(restarts) == 2
        status, body = health.report()
        assert status == 503
        assert "partition 0: died (KeyError); more than 2 restarts within 60 s" in body["problems"]
        await _until(lambda: bool(crashes.crashes))
        assert len(crashes.crashes) == 1
        assert "partition 0" in str(crashes.crashes[0])

    asyncio.run(scenario())


def test_a_cancelled_or_unwanted_task_is_not_restarted() -> None:
    async def scenario() -> None:
        health = Health(max_event_age_s=60)
        fatal, _ = _fatal(health)
        supervisor = TaskSupervisor(health, RestartBudget(5, 60), fatal)
        started: list[str] = []

        async def forever() -> None:
            started.append("forever")
            await asyncio.Event().wait()

        task = supervisor.start("partition 1", forever)
        await asyncio.sleep(0)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

        async def dies() -> None:
            started.append("dies")
            raise RuntimeError

        revoked = supervisor.start("partition 2", dies, wanted=lambda: False)
        await asyncio.gather(revoked, return_exceptions=True)
        await asyncio.sleep(0.05)
        assert started == ["forever", "dies"]
        assert supervisor.restarts == 0 and not fatal.triggered
        assert health.report()[0] == 200

    asyncio.run(scenario())


def test_the_consumer_of_a_queue_learns_that_its_producer_died() -> None:
    async def scenario() -> None:
        queue: asyncio.Queue[int] = asyncio.Queue(maxsize=1)

        async def produce() -> None:
            await queue.put(1)
            await queue.put(2)
            raise ValueError("producer bug")

        producer = asyncio.ensure_future(produce())
        assert await next_while_alive(queue, producer) == 1
        assert await next_while_alive(queue, producer) == 2
        with pytest.raises(ValueError):
            async with asyncio.timeout(5):
                await next_while_alive(queue, producer)

    asyncio.run(scenario())


# -- the extraction supervisor, over a bare child process ------------------------------------
def _bare_pool(config_json: str) -> ProcessPoolExecutor:
    """Like extraction_pool._start_pool, without models; fails while the fault file exists."""
    fault = os.environ.get(extraction_pool.FAULT_START_FAIL_FILE)
    if fault and os.path.exists(fault):
        raise RuntimeError("start failure injected")
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    pool.submit(len, []).result()
    return pool


@pytest.fixture
def bare_pools(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Iterator[Any]:
    monkeypatch.setattr(extraction_pool, "_start_pool", _bare_pool)
    fault = tmp_path / "fail-start"
    monkeypatch.setenv(extraction_pool.FAULT_START_FAIL_FILE, str(fault))
    yield fault


def _supervisor(**kwargs: Any) -> tuple[ExtractionSupervisor, Health, list[tuple[str, str]], list[int]]:
    health = Health(max_event_age_s=60)
    failed: list[tuple[str, str]] = []
    restarts: list[int] = []
    supervisor = ExtractionSupervisor(
        DetectorConfig(),
        health=health,
        on_restart=lambda: restarts.append(1),
        on_failed=lambda component, reason: failed.append((component, reason)),
        **kwargs,
    )
    supervisor.start()
    return supervisor, health, failed, restarts


def _kill(supervisor: ExtractionSupervisor) -> int:
    pid = supervisor.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    return pid


def test_work_in_flight_when_the_process_dies_runs_again_after_one_restart(bare_pools: Any) -> None:
    supervisor, health, failed, restarts = _supervisor()

    async def scenario() -> list[int]:
        assert await supervisor.run(len, [1, 2]) == 2
        first = _kill(supervisor)
        # concurrent callers, all after the death: one restart serves them all
        results = await asyncio.wait_for(
            asyncio.gather(*(supervisor.run(len, list(range(n))) for n in range(6))), 60
        )
        assert supervisor.pid not in (None, first)
        return results

    try:
        assert asyncio.run(scenario()) == [0, 1, 2, 3, 4, 5]
        assert restarts == [1] and supervisor.restarts == 1
        assert failed == [] and health.report()[0] == 200
    finally:
        supervisor.shutdown()


def test_the_watch_restarts_a_process_that_dies_while_idle(bare_pools: Any) -> None:
    supervisor, health, failed, restarts = _supervisor()

    async def scenario() -> None:
        watch = asyncio.ensure_future(supervisor.watch())
        await asyncio.sleep(0.05)
        first = _kill(supervisor)
        await _until(lambda: supervisor.restarts == 1, timeout_s=60)
        assert supervisor.pid not in (None, first)
        assert not watch.done()
        watch.cancel()
        assert await supervisor.run(len, [1]) == 1

    try:
        asyncio.run(scenario())
        assert restarts == [1] and failed == [] and health.report()[0] == 200
    finally:
        supervisor.shutdown()


def test_past_its_budget_the_supervisor_fails_and_run_raises(bare_pools: Any) -> None:
    supervisor, health, failed, restarts = _supervisor(max_restarts=1, restart_window_s=60)

    async def scenario() -> None:
        _kill(supervisor)
        assert await supervisor.run(len, [1]) == 1  # restart 1 of 1
        _kill(supervisor)
        with pytest.raises(ExtractionUnavailable, match="more than 1 restarts within 60 s"):
            await asyncio.wait_for(supervisor.run(len, [1]), 60)
        with pytest.raises(ExtractionUnavailable):
            await supervisor.run(len, [1])

    try:
        asyncio.run(scenario())
        assert restarts == [1]
        assert [component for component, _ in failed] == ["extraction"]
        status, body = health.report()
        assert status == 503 and body["problems"][0].startswith("extraction: ")
    finally:
        supervisor.shutdown()


def test_a_process_that_fails_to_start_again_fails_the_supervisor(bare_pools: Any) -> None:
    supervisor, health, failed, restarts = _supervisor()

    async def scenario() -> None:
        bare_pools.touch()
        _kill(supervisor)
        with pytest.raises(ExtractionUnavailable, match="failed to start"):
            await asyncio.wait_for(supervisor.run(len, [1]), 60)

    try:
        asyncio.run(scenario())
        assert restarts == [] and len(failed) == 1
        assert health.is_down("extraction")
    finally:
        supervisor.shutdown()


def test_the_real_child_initializer_honours_the_fault_file(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    fault = tmp_path / "fail-start"
    fault.touch()
    monkeypatch.setenv(extraction_pool.FAULT_START_FAIL_FILE, str(fault))
    with pytest.raises(RuntimeError, match="injected"):
        extraction_pool._initialise(DetectorConfig().model_dump_json())


def test_a_cancelled_sequencer_wait_is_cancelled_even_when_woken_at_the_same_time() -> None:
    """A partition's extraction stage is cancelled when its task dies or its partition is
    revoked; it must stop, not go on popping events (``wait_for`` on 3.11 lost this cancel)."""
    from bleedwatch.streams.sequencer import PartitionSequencer

    async def scenario() -> bool:
        sequencer = PartitionSequencer(["t"], 1.0, lambda topic: None)
        waiting = asyncio.ensure_future(sequencer.wait(5.0))
        await asyncio.sleep(0)  # now suspended in the wait
        sequencer.wake()  # e.g. events put back, or new ones pushed
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        return waiting.cancelled()

    assert asyncio.run(scenario())
