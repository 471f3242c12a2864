"""Feature extraction in a child process, off the event loop and outside its GIL.

The worker's event loop runs Faust (consumers, producers, tables); extraction (Presidio
recognizers, spaCy NER, hashing) is CPU-bound. A thread would share the GIL with the loop,
so each worker owns one extraction process (``spawn``ed, so it inherits no sockets or
threads), loaded once with the same detector configuration.

:class:`ExtractionSupervisor` owns that process. When it dies (the OOM killer, a crash in
native code), the supervisor logs it, reports the extraction down in the worker's health,
starts a new process off the event loop, and runs the work that was under way again: a batch
is never lost, and so every output still gets its one verdict. Concurrent callers wait for
the one restart. Past ``max_restarts`` within ``restart_window_s``, or when a new process
fails to start, the supervisor has failed: ``run`` raises :class:`ExtractionUnavailable` and
``on_failed`` is told, for the worker to exit.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

import orjson

from bleedwatch.detectors import DetectorConfig, Extraction, Extractor, PiiEngine
from bleedwatch.models import Event

from .health import Health
from .logs import get_logger
from .supervision import RestartBudget

log = get_logger("bleedwatch.extraction")

_extractor: Extractor | None = None
T = TypeVar("T")
R = TypeVar("R")

# Fault injection, for tests only: while the file this variable names exists, a new extraction
# process fails to start. Set in the worker's environment by a test; no input reaches it.
FAULT_START_FAIL_FILE = "BLEEDWATCH_FAULT_EXTRACTION_START_FAIL_FILE"


class ExtractionUnavailable(RuntimeError):
    """The extraction process died and could not be restarted: the worker has to exit."""


def _initialise(config_json: str) -> None:
    global _extractor
    fault = os.environ.get(FAULT_START_FAIL_FILE)
    if fault and os.path.exists(fault):
        raise RuntimeError("extraction start failure injected by a test (fault file present)")
    # Ctrl-C reaches the whole process group: the worker stops this process, not the terminal.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    config = DetectorConfig.model_validate_json(config_json)
    pii = PiiEngine(config.pii)
    # Load the NER model and word lists now, not under the first batch of live traffic.
    pii.analyze_outputs(["Warm-up text naming Ada Lovelace."])
    _extractor = Extractor.for_config(config, pii)
    # The loaded models are millions of objects that live as long as the process; each full
    # collection walked them all (~0.1 s, a latency spike). Frozen, the collector skips them.
    gc.freeze()


def _detached(results: list[Extraction | Exception]) -> list[Extraction | Exception]:
    """Drop each result's event before it is pickled back: the parent has the events, and
    pickling them back costs more than all the rest (measured 0.11 of 0.18 ms per event)."""
    for ex in results:
        if isinstance(ex, Extraction):
            ex.event = None  # type: ignore[assignment]  # re-attached by ``attach``
    return results


def attach(
    results: Sequence[Extraction | Exception], events: Sequence[Event]
) -> list[Extraction | Exception]:
    """Give results from the extraction process their events back, in order."""
    for ex, event in zip(results, events, strict=True):
        if isinstance(ex, Extraction):
            ex.event = event
    return list(results)


def extract(events: Sequence[Event]) -> list[Extraction | Exception]:
    """Extract a batch; if the batch fails, isolate the event that breaks it."""
    assert _extractor is not None, "extraction process not initialised"
    return _isolating(_extractor.extract_batch, events)


def add_names(extractions: Sequence[Extraction]) -> list[Extraction | Exception]:
    """NER for the outputs whose names the session's evidence does not explain."""
    assert _extractor is not None, "extraction process not initialised"
    return _isolating(_extractor.with_names, extractions)


def _isolating(
    run: Callable[[Sequence[T]], list[Extraction]], items: Sequence[T]
) -> list[Extraction | Exception]:
    """``run`` over the batch; if it fails, item by item, so one bad item fails alone."""
    try:
        return _detached(list(run(items)))
    except Exception:
        out: list[Extraction | Exception] = []
        for item in items:
            try:
                out.extend(run([item]))
            except Exception as exc:
                out.append(RuntimeError(type(exc).__name__))
        return _detached(out)


def start_pool(config: DetectorConfig) -> ProcessPoolExecutor:
    """One extraction process with the worker's detector configuration, models loaded."""
    return _start_pool(_config_json(config))


def _config_json(config: DetectorConfig) -> str:
    # The secret travels to the child through the pool's pipe, never argv or the environment.
    data = orjson.loads(config.model_dump_json())
    data["hmac_secret"] = config.hmac_secret.get_secret_value()
    return orjson.dumps(data).decode()


def _start_pool(config_json: str) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_initialise,
        initargs=(config_json,),
    )
    try:
        pool.submit(extract, []).result()  # load the models now, not on the first event
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    return pool


class ExtractionSupervisor:
    """The worker's extraction process, restarted when it dies (see the module docstring)."""

    COMPONENT = "extraction"

    def __init__(
        self,
        config: DetectorConfig,
        *,
        max_restarts: int = 3,
        restart_window_s: float = 60.0,
        health: Health | None = None,
        on_restart: Callable[[], None] | None = None,
        on_failed: Callable[[str, str], None] | None = None,
    ) -> None:
        """``on_restart()``: after each successful restart (a metric). ``on_failed(component,
        reason)``: once, when the supervisor gives up."""
        self._config_json = _config_json(config)
        self.budget = RestartBudget(max_restarts, restart_window_s)
        self.health = health or Health(max_event_age_s=float("inf"))
        self.on_restart = on_restart
        self.on_failed = on_failed
        self.restarts = 0
        self.failure: str | None = None  # why the supervisor gave up
        self._pool: ProcessPoolExecutor | None = None
        self._restarting: asyncio.Future[None] | None = None

    def start(self) -> None:
        """Start the process and load its models (blocking: call it before the loop runs)."""
        self._pool = _start_pool(self._config_json)

    @property
    def pid(self) -> int | None:
        """The current extraction process's pid (None before start or during a restart)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return next(iter(processes), None)

    async def run(self, fn: Callable[[Sequence[T]], R], items: Sequence[T]) -> R:
        """``fn(items)`` in the extraction process; again in a new one if the process dies."""
        while True:
            if self.failure is not None:
                raise ExtractionUnavailable(self.failure)
            pool = self._pool
            if pool is None:
                raise ExtractionUnavailable("extraction process not started")
            try:
                return await asyncio.wrap_future(pool.submit(fn, items))
            except BrokenProcessPool as exc:
                await self._restart(pool, f"the process died ({type(exc).__name__})")

    async def watch(self) -> None:
        """Notice a process that dies while idle, and restart it, without waiting for work.

        Runs until the supervisor fails. It needs the pool's private process table; without it
        (another Python), a death is noticed by the next ``run``.
        """
        while self.failure is None:
            pool = self._pool
            process = next(iter((getattr(pool, "_processes", None) or {}).values()), None)
            if pool is None or process is None:
                return
            await _exited(process.sentinel)
            if self._pool is pool and self.failure is None:
                await self._restart(pool, _exit_reason(process.exitcode))

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    async def _restart(self, broken: ProcessPoolExecutor, why: str) -> None:
        """One restart for every caller that saw ``broken`` die."""
        if self._pool is not broken:
            return  # already replaced: try the new process
        if self._restarting is None:
            self._restarting = asyncio.ensure_future(self._replace(broken, why))
        # shielded: a caller that is cancelled (its partition revoked) leaves the restart going
        await asyncio.shield(self._restarting)

    async def _replace(self, broken: ProcessPoolExecutor, why: str) -> None:
        try:
            log.error("extraction process died; restarting it", reason=why, restarts=self.restarts)
            self.health.down(self.COMPONENT, f"{why}; restarting")
            broken.shutdown(wait=False, cancel_futures=True)
            if not self.budget.try_restart():
                self._fail(f"{why}; not restarted: {self.budget.describe()}")
                return
            try:
                # off the event loop: loading the models takes seconds, and /healthz must answer
                pool = await asyncio.to_thread(_start_pool, self._config_json)
            except Exception as exc:
                self._fail(f"{why}; a new process failed to start ({type(exc).__name__})")
                return
            self._pool = pool
            self.restarts += 1
            if self.on_restart is not None:
                self.on_restart()
            self.health.up(self.COMPONENT)
            log.warning("extraction process restarted", restarts=self.restarts, pid=self.pid)
        finally:
            self._restarting = None

    def _fail(self, reason: str) -> None:
        self.failure = reason
        self.health.down(self.COMPONENT, reason)
        log.error("extraction process could not be restarted", reason=reason)
        if self.on_failed is not None:
            self.on_failed(self.COMPONENT, reason)


def _exit_reason(code: int | None) -> str:
    """How a process ended, when known (the pool's own thread may have reaped it first)."""
    if code is None:
        return "the process exited"
    if code < 0:
        try:
            return f"the process was killed ({signal.Signals(-code).name})"
        except ValueError:
            pass
    return f"the process exited (status {code})"


async def _exited(sentinel: int) -> None:
    """Wait until a process's sentinel (readable once the process has ended) is readable."""
    loop = asyncio.get_running_loop()
    fd = os.dup(sentinel)  # ours: the pool may close its own once the process is gone
    ended: asyncio.Future[None] = loop.create_future()

    def readable() -> None:
        if not ended.done():
            ended.set_result(None)

    loop.add_reader(fd, readable)
    try:
        await ended
    finally:
        loop.remove_reader(fd)
        os.close(fd)
