"""Every private Faust and aiokafka internal bleedwatch touches, and nothing else.

faust-streaming has no public call for these; each is used for a reason given below. When an
upgrade changes one, ``tests/streams/test_faust_compat.py`` fails loudly instead of the
worker silently losing what it relied on.

- ``faust.streams._current_event``: which event Faust considers current decides the
  partition a table read or write goes to. A batch from ``noack_take`` is handled outside
  Faust's per-event context, so the worker sets it (all events of a batch share one
  partition); local index reads clear it, so a RocksDB table reads the fingerprint's
  partition, not the session's.
- the consumer thread's aiokafka consumer and its ``last_poll_timestamp(tp)``: when the
  consumer last fetched a partition. An end offset is trusted for sequencing and progress
  marks only as of a fetch made after the event it is compared with.
- ``Worker.spinner``: Faust's terminal spinner hangs a DEBUG handler on the root logger, so
  every debug call builds a record (Faust's "send" record carries the raw message value).
- ``Stream.noack_take``: batches of events left unacked until they are judged.
- ``Message.generation_id`` and ``App.consumer_generation_id``: which rebalance generation a
  message was fetched in. ``noack_take`` fills its batch before Faust's own stale check, so a
  batch taken before a revoke can still reach an agent after it; the worker drops such
  events (Faust redelivers them to whoever owns the partition now) instead of re-creating a
  revoked partition's processor that would judge them a second time.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import Any

import faust
from faust.streams import _current_event
from faust.types import TP

__all__ = [
    "TP",
    "is_stale",
    "last_poll_timestamp",
    "no_current_event",
    "noack_take",
    "quiet_worker",
    "set_current_event",
]


def set_current_event(event: Any) -> None:
    """Make ``event`` Faust's current event, so table reads and writes use its partition."""
    _current_event.set(weakref.ref(event))


@contextlib.contextmanager
def no_current_event() -> Iterator[None]:
    """No current event inside: a table read goes to the key's own partition."""
    token = _current_event.set(None)
    try:
        yield
    finally:
        _current_event.reset(token)


def last_poll_timestamp(consumer: Any, tp: TP) -> float | None:
    """Wall time (seconds) of the consumer's last fetch of ``tp``; None if unknown."""
    try:
        polled_ms = consumer._thread._ensure_consumer().last_poll_timestamp(tp)
    except Exception:
        return None
    return None if polled_ms is None else polled_ms / 1000


def noack_take(stream: Any, max_: int, within: float) -> AsyncIterator[list[Any]]:
    """Batches of up to ``max_`` events (waiting at most ``within`` s), not acked."""
    return stream.noack_take(max_, within=within)  # type: ignore[no-any-return]


def quiet_worker(app: faust.App, loglevel: str) -> faust.Worker:
    """A Faust worker without its terminal spinner (4% of a busy worker's CPU in a profile)."""
    worker = faust.Worker(app, loglevel=loglevel, quiet=True, redirect_stdouts=False)
    worker.spinner = None
    return worker


def is_stale(app: faust.App, event: Any) -> bool:
    """Was ``event`` fetched in an earlier rebalance generation than the current one?"""
    return bool(event.message.generation_id != app.consumer_generation_id)
