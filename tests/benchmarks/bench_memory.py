"""State size and process memory over a long stream: does it stay flat with TTL expiry?

    .venv/bin/python -m tests.benchmarks.bench_memory --events 1000000 --sessions 100000
    .venv/bin/python -m tests.benchmarks.bench_memory --events 1000000 --sessions 100000 --no-ttl

Runs the detection pipeline (the same code the worker runs) over a lazily generated stream:
``--sessions`` sessions of ``events / sessions`` events each, ``--concurrent`` of them open at
a time, one event every ``--step`` seconds of event time. The TTLs are the detector's
(``--session-ttl``, ``--index-ttl``); with ``--ttl`` the pipeline's sweep drops what reads
already ignore, as the worker's tick and index agents do (``--no-ttl``: nothing is swept). At each checkpoint it prints live
sessions, the stored size of a session (the bytes a worker's table row holds), index entries
and the process's resident memory.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bleedwatch.detectors import (
    DetectionPipeline,
    DetectorConfig,
    InMemoryAttributionIndex,
    InMemorySessionStore,
)
from bleedwatch.models import Event, EventKind

from .traffic import TOPICS

_FIRST = [
    "Ana",
    "Bruno",
    "Chen",
    "Dara",
    "Emil",
    "Farah",
    "Goran",
    "Hana",
    "Ivan",
    "Jun",
    "Kofi",
    "Lena",
    "Mateo",
    "Nia",
    "Omar",
    "Priya",
]
_LAST = [
    "Okafor",
    "Novak",
    "Silva",
    "Tanaka",
    "Müller",
    "Haddad",
    "Kowalski",
    "Nguyen",
    "Rossi",
    "Berg",
    "Costa",
    "Ivanova",
]
_OUTPUTS = (
    "Thanks {first}. {doc} We will write to {email}.",
    "Hello {name}, your request about {words} is noted; a confirmation goes to {phone}.",
    "{first}, here is the summary: {doc}",
)


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def _session_events(n: int, per_session: int, rng: random.Random) -> Iterator[tuple[str, str, str]]:
    tenant = rng.choice(list(TOPICS))
    words, doc = TOPICS[tenant]
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    name = f"{first} {last}"
    email = f"{first.lower()}.{last.lower()}{n}@example.org"
    phone = f"+44 20 7{n % 1000:03d} {n // 1000 % 10000:04d}"
    topic = " ".join(rng.sample(words.split(), 3))
    yield tenant, "user_input", f"Hi, I'm {name}. Question about {topic}."
    yield tenant, "tool_trace", json.dumps({"customer_name": name, "email": email, "phone": phone, "ref": n})
    yield tenant, "retrieved_context", doc
    for k in range(per_session - 3):
        kind = "model_output" if k % 2 == 0 else "user_input"
        if kind == "user_input":
            yield tenant, kind, f"And about {rng.choice(words.split())}, {first}?"
        else:
            template = rng.choice(_OUTPUTS)
            yield (
                tenant,
                kind,
                template.format(first=first, name=name, email=email, phone=phone, doc=doc, words=topic),
            )


def stream(events: int, sessions: int, concurrent: int, step: float, seed: int) -> Iterator[Event]:
    """Events in time order; at most ``concurrent`` sessions open; nothing held beyond them."""
    rng = random.Random(seed)
    per_session = max(4, events // sessions)
    t0 = datetime(2026, 11, 20, tzinfo=UTC)
    started = 0
    open_sessions: list[tuple[int, Iterator[tuple[str, str, str]]]] = []
    for i in range(events):
        while len(open_sessions) < concurrent and started < sessions:
            open_sessions.append((started, _session_events(started, per_session, rng)))
            started += 1
        if not open_sessions:
            return
        slot = rng.randrange(len(open_sessions))
        n, turns = open_sessions[slot]
        turn = next(turns, None)
        if turn is None:
            open_sessions[slot] = open_sessions[-1]
            open_sessions.pop()
            continue
        tenant, kind, content = turn
        yield Event(
            event_id=f"e{i}",
            tenant_id=tenant,
            session_id=f"s{n}",
            kind=EventKind(kind),
            timestamp=t0 + timedelta(seconds=i * step),
            content=content,
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--concurrent", type=int, default=2_000, help="sessions open at a time")
    parser.add_argument("--step", type=float, default=0.02, help="event-time seconds between events")
    parser.add_argument("--session-ttl", type=float, default=1800.0, help="event-time seconds")
    parser.add_argument("--index-ttl", type=float, default=3600.0, help="event-time seconds")
    parser.add_argument("--ttl", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--checkpoints", type=int, default=10)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    console = Console()
    sessions = InMemorySessionStore()
    config = DetectorConfig(session_ttl_seconds=args.session_ttl, index_ttl_seconds=args.index_ttl)
    # stepped and expiring as the stream's index agents
    index = InMemoryAttributionIndex(last_step=config.index_last_step, ttl=config.index_ttl_seconds)
    pipeline = DetectionPipeline(config, sessions=sessions, index=index)
    every = max(1, args.events // args.checkpoints)
    sweep_every = 10_000
    table = Table(
        title=f"memory over {args.events:,} events, {args.sessions:,} sessions, TTL {'on' if args.ttl else 'off'}"
    )
    for column in ("events", "live sessions", "state bytes/session (mean, max)", "index entries", "RSS MB"):
        table.add_column(column, justify="right")
    baseline_rss = _rss_mb()
    batch: list[Event] = []
    done = 0
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("events", total=args.events)
        for event in stream(args.events, args.sessions, args.concurrent, args.step, args.seed):
            batch.append(event)
            if len(batch) < args.batch:
                continue
            pipeline.process_batch(batch)
            now = batch[-1].timestamp.timestamp()
            done += len(batch)
            progress.advance(task, len(batch))
            batch = []
            if args.ttl and done % sweep_every < args.batch:
                pipeline.sweep(now)
            if done % every < args.batch:
                gc.collect()
                sizes = [len(s.to_bytes()) for s in sessions.values()][:: max(1, len(sessions) // 500)]
                table.add_row(
                    f"{done:,}",
                    f"{len(sessions):,}",
                    f"{sum(sizes) / max(1, len(sizes)):,.0f}, {max(sizes, default=0):,}",
                    f"{len(index):,}",
                    f"{_rss_mb():,.0f}",
                )
        if batch:
            pipeline.process_batch(batch)
    console.print(table)
    console.print(f"RSS before the first event (models loaded): {baseline_rss:,.0f} MB")


if __name__ == "__main__":
    main()
