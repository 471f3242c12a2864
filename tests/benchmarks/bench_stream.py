"""End-to-end benchmark through Kafka: producer -> broker -> worker(s) -> verdict topic.

Prints, per worker count: maximum sustained events/s (a backlog drained as fast as the
workers go), then produce-to-verdict latency p50/p99 at half that rate, and consumer lag
over time. Figures are printed, never asserted.

    .venv/bin/python -m tests.benchmarks.bench_stream --sessions 600 --workers 1 2
    .venv/bin/python -m tests.benchmarks.bench_stream --sessions 1000 --no-half-load --rates 60 300
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bleedwatch.streams.broker import ensure_local_broker
from bleedwatch.streams.kafka_io import consume, produce_lines
from bleedwatch.streams.processes import WorkerProcess
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import unique_prefix
from bleedwatch.streams.topology import Topology, create_topics

from .traffic import generate


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class VerdictClock:
    """Consumes the verdict topic in a thread, noting when each first verdict arrives."""

    def __init__(self, settings: Settings, expected: int) -> None:
        self.arrivals: dict[str, float] = {}
        self.errors: list[str] = []
        self.expected = expected
        self._thread = threading.Thread(target=self._run, args=(settings,), daemon=True)
        self._thread.start()

    def _run(self, settings: Settings) -> None:
        topic = Topology(settings).verdicts
        for record in consume(
            settings, [topic], stop=lambda _: len(self.arrivals) >= self.expected, timeout_s=1800
        ):
            verdict = orjson.loads(record.value)
            self.arrivals.setdefault(verdict["event_id"], time.time())

    def wait(self, timeout_s: float) -> None:
        self._thread.join(timeout_s)


def topic_messages(settings: Settings) -> dict[str, int]:
    """Messages in each of this run's topics (end offsets), the changelogs included."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap.split(","), **settings.kafka_client_options()
    )
    try:
        out = {}
        for topic in sorted(t for t in consumer.topics() if t.startswith(settings.topic_prefix)):
            parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
            out[topic.removeprefix(settings.topic_prefix)] = sum(consumer.end_offsets(parts).values())
        return out
    finally:
        consumer.close()


def run(
    workers: int, lines: list[bytes], broker: str, console: Console, rate: float | None, partitions: int
) -> dict[str, float]:
    settings = Settings(broker=broker, topic_prefix=unique_prefix("bench"), partitions=partitions)
    create_topics(settings)
    outputs = sum(1 for line in lines if b'"model_output"' in line)
    with tempfile.TemporaryDirectory() as tmp:
        procs = [
            WorkerProcess(broker, settings.topic_prefix, Path(tmp) / f"w{i}", partitions).start()
            for i in range(workers)
        ]
        try:
            deadline = time.monotonic() + 300
            while sum(len(p.assigned()) for p in procs) < partitions and time.monotonic() < deadline:
                time.sleep(0.5)
            clock = VerdictClock(settings, outputs)
            lag: list[tuple[float, int, int]] = []
            sent = [0]
            started = time.time()
            with Progress(console=console, transient=True) as progress:
                task = progress.add_task(f"{workers} worker(s), rate {rate or 'max'}", total=outputs)

                def on_sent() -> None:
                    sent[0] += 1

                producer = threading.Thread(
                    target=lambda: stats.append(produce_lines(settings, lines, rate, on_sent=on_sent))
                )
                stats: list = []  # type: ignore[type-arg]
                producer.start()
                while len(clock.arrivals) < outputs and time.time() - started < 1200:
                    time.sleep(1.0)
                    lag.append((time.time() - started, sent[0], len(clock.arrivals)))
                    progress.update(task, completed=len(clock.arrivals))
                producer.join()
            elapsed = max(clock.arrivals.values(), default=time.time()) - started
            if clock.errors:
                console.print(f"[yellow]verdict consumer errors: {clock.errors[:3]}[/]")
            for proc in procs:
                if not proc.alive():
                    console.print(f"[red]a worker died[/]; log tail:\n{proc.tail()}")
            internals = [worker_internals(proc.metrics()) for proc in procs if proc.alive()]
            messages = topic_messages(settings)
            send_times = stats[0].send_times
            latencies = [clock.arrivals[e] - send_times[e] for e in clock.arrivals if e in send_times]
        finally:
            for proc in procs:
                proc.stop()
    return {
        "events": len(lines),
        "verdicts": len(clock.arrivals),
        "events_per_s": len(lines) / elapsed if elapsed > 0 else 0.0,
        "p50_ms": 1000 * _percentile(latencies, 0.5),
        "p99_ms": 1000 * _percentile(latencies, 0.99),
        "mean_ms": 1000 * statistics.fmean(latencies) if latencies else float("nan"),
        "lag": lag,  # type: ignore[dict-item]
        "internals": internals,  # type: ignore[dict-item]
        "messages": messages,  # type: ignore[dict-item]
    }


_MEANS = {
    "batch_size": "batch size",
    "extract_seconds": "extraction s/batch",
    "ner_seconds": "NER round trip s",
    "index_lookup_seconds": "index lookup s",
    "verdict_latency_seconds": "produce-to-verdict-sent s",
}
_STAGES = ("consume", "sequence", "extract", "judge")
_COUNTS = ("ner_outputs_total", "index_local_lookups_total", "grace_expired_total", "end_offset_reads_total")


def worker_internals(text: str) -> dict[str, float]:
    """Means of the worker's histograms and its counters, from its /metrics page."""
    values: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("bleedwatch_") and " " in line:
            name, _, value = line.rpartition(" ")
            key = name.removeprefix("bleedwatch_")
            values[key] = values.get(key, 0.0) + float(value)
    out = {}
    for key, label in _MEANS.items():
        count = values.get(f"{key}_count", 0.0)
        if count:
            out[label] = values.get(f"{key}_sum", 0.0) / count
    for key in _COUNTS:
        out[key.removesuffix("_total")] = values.get(key, 0.0)
    for stage in _STAGES:  # labelled histogram: its lines carry {stage="..."}
        count = values.get(f'stage_seconds_count{{stage="{stage}"}}', 0.0)
        if count:
            out[f"stage {stage} s"] = values.get(f'stage_seconds_sum{{stage="{stage}"}}', 0.0) / count
    return out


def report(table: Table, console: Console, workers: int, load: str, result: dict[str, Any]) -> None:
    """One table row, and the consumer lag over time of that run."""
    table.add_row(
        str(workers),
        load,
        f"{result['events_per_s']:.0f}",
        str(result["verdicts"]),
        f"{result['p50_ms']:.0f}",
        f"{result['p99_ms']:.0f}",
    )
    console.print(
        f"consumer lag, {workers} worker(s), load {load} (s, produced, verdicts):",
        [(round(t), p, v) for t, p, v in result["lag"]],
    )
    for i, internals in enumerate(result["internals"]):
        console.print(f"worker {i} internals:", {k: round(v, 4) for k, v in internals.items()})
    # what one input event costs Kafka: verdicts, index traffic and changelog writes
    per_event = {t: round(n / result["events"], 2) for t, n in result["messages"].items() if n}
    console.print("Kafka messages per input event, by topic:", per_event)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=600)
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--half-load", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument(
        "--rates", type=float, nargs="*", default=[], help="also measure latency at these events/s"
    )
    args = parser.parse_args()
    console = Console()
    broker = os.environ.get("BLEEDWATCH_BROKER") or ensure_local_broker()
    lines = generate(args.sessions)
    table = Table(title=f"end to end through Kafka: {len(lines)} events, {args.partitions} partitions")
    for column in ("workers", "load", "events/s", "verdicts", "p50 ms", "p99 ms"):
        table.add_column(column, justify="right")
    maxima = {}
    for workers in args.workers:
        result = run(workers, lines, broker, console, None, args.partitions)
        maxima[workers] = result["events_per_s"]
        report(table, console, workers, "max", result)
        rates = [result["events_per_s"] / 2] if args.half_load else []
        for rate in [*rates, *args.rates]:
            paced = run(workers, lines, broker, console, rate, args.partitions)
            report(table, console, workers, f"{rate:.0f}/s", paced)
    console.print(table)
    if 1 in maxima and 2 in maxima:
        console.print(f"two workers vs one: {maxima[2] / maxima[1]:.2f}x")


if __name__ == "__main__":
    main()
