"""Supervision: restart what dies, within a budget; past it, exit loudly and non-zero.

- :class:`RestartBudget`: at most ``max_restarts`` restarts within any ``window_s`` seconds.
- :class:`FatalExit`: the worker cannot go on. Logs at error level, reports itself down (so
  ``/healthz`` answers 503) for ``linger_s``, then crashes the Faust app: the worker stops and
  ``faust.Worker.execute_from_commandline`` re-raises the crash reason, which exits with
  status 1 for the orchestrator to restart the worker. A watchdog thread ends the process
  with the same status if that shutdown hangs.
- :class:`TaskSupervisor`: asyncio tasks (partition processors) restarted when they die of
  an unexpected exception, within a budget; a fatal exit past it.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from .health import Health
from .logs import get_logger

log = get_logger("bleedwatch.supervision")

EXIT_FAILURE = 1  # what Faust's worker exits with when it re-raises a crash
T = TypeVar("T")


class WorkerFailed(RuntimeError):
    """A fatal failure: the worker exits so that its orchestrator restarts it."""


class RestartBudget:
    """At most ``max_restarts`` restarts within any ``window_s`` seconds."""

    def __init__(
        self, max_restarts: int, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_restarts = max_restarts
        self.window_s = window_s
        self._clock = clock
        self._restarts: deque[float] = deque()

    def try_restart(self) -> bool:
        """Count a restart and return True if the budget allows it; else False (counts nothing)."""
        now = self._clock()
        while self._restarts and self._restarts[0] <= now - self.window_s:
            self._restarts.popleft()
        if len(self._restarts) >= self.max_restarts:
            return False
        self._restarts.append(now)
        return True

    def describe(self) -> str:
        return f"more than {self.max_restarts} restarts within {self.window_s:g} s"


class FatalExit:
    """Called with the failed component and a reason (no event content); acts once."""

    def __init__(
        self,
        health: Health,
        crash: Callable[[BaseException], Awaitable[None]],
        linger_s: float = 1.5,
        hard_exit_after_s: float = 60.0,
    ) -> None:
        """``crash``: ``faust.App.crash``. ``linger_s``: how long ``/healthz`` shows the failure
        before the worker stops. ``hard_exit_after_s``: the process ends regardless this long
        after the failure, if the orderly shutdown has not."""
        self.health = health
        self._crash = crash
        self.linger_s = linger_s
        self.hard_exit_after_s = hard_exit_after_s
        self.reason: str | None = None
        self._exiting: asyncio.Future[None] | None = None

    @property
    def triggered(self) -> bool:
        return self.reason is not None

    def __call__(self, component: str, reason: str) -> None:
        if self.reason is not None:
            return
        self.reason = f"{component}: {reason}"
        log.error("fatal failure: the worker exits", component=component, reason=reason)
        self.health.down(component, reason)
        self.health.down("worker", "exiting after a fatal failure")
        watchdog = threading.Timer(self.hard_exit_after_s, self._hard_exit)
        watchdog.daemon = True
        watchdog.start()
        self._exiting = asyncio.ensure_future(self._exit())

    async def _exit(self) -> None:
        await asyncio.sleep(self.linger_s)  # let probes see the 503
        await self._crash(WorkerFailed(self.reason or "fatal failure"))

    def _hard_exit(self) -> None:
        log.error("worker shutdown hung after a fatal failure; exiting now", status=EXIT_FAILURE)
        os._exit(EXIT_FAILURE)


class TaskSupervisor:
    """Starts tasks and restarts those that die of an unexpected exception (not cancellation)."""

    def __init__(
        self,
        health: Health,
        budget: RestartBudget,
        fatal: FatalExit,
        on_restart: Callable[[], None] | None = None,
    ) -> None:
        self.health = health
        self.budget = budget
        self.fatal = fatal
        self.on_restart = on_restart
        self.restarts = 0

    def start(
        self,
        name: str,
        factory: Callable[[], Coroutine[Any, Any, None]],
        *,
        wanted: Callable[[], bool] = lambda: True,
        track: Callable[[asyncio.Future[None]], None] | None = None,
    ) -> asyncio.Future[None]:
        """Run ``factory()`` as a task. If it dies, and ``wanted()`` still holds, run a new one
        (``track`` is called with each task started, the first included)."""
        task = asyncio.ensure_future(factory())
        if track is not None:
            track(task)
        task.add_done_callback(lambda done: self._ended(done, name, factory, wanted, track))
        return task

    def _ended(
        self,
        task: asyncio.Future[None],
        name: str,
        factory: Callable[[], Coroutine[Any, Any, None]],
        wanted: Callable[[], bool],
        track: Callable[[asyncio.Future[None]], None] | None,
    ) -> None:
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        error = type(exc).__name__
        log.error("task died", task=name, error=error)
        if self.fatal.triggered or not wanted():
            return  # the worker is exiting anyway, or the task's work went elsewhere
        if not self.budget.try_restart():
            self.fatal(name, f"died ({error}); {self.budget.describe()}")
            return
        self.health.down(name, f"died ({error}); restarting")
        self.start(name, factory, wanted=wanted, track=track)
        self.restarts += 1
        if self.on_restart is not None:
            self.on_restart()
        self.health.up(name)
        log.warning("task restarted", task=name, restarts=self.restarts)


async def next_while_alive(queue: asyncio.Queue[T], producer: asyncio.Future[Any]) -> T:
    """The queue's next item; raises what ``producer``, the task that fills it, died of."""
    if queue.empty() and not producer.done():
        getter = asyncio.ensure_future(queue.get())
        try:
            await asyncio.wait((getter, producer), return_when=asyncio.FIRST_COMPLETED)
        finally:
            got = getter.done()
            if not got:
                getter.cancel()
        if got:
            return getter.result()
    if not queue.empty():
        return queue.get_nowait()
    producer.result()  # raises its exception, or CancelledError
    raise WorkerFailed("the task filling the queue ended")
