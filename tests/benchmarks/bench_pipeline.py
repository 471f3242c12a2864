"""Detection pipeline throughput in one process against the naive Presidio loop, same events.

    taskset -c 0 .venv/bin/python -m tests.benchmarks.bench_pipeline --events 2000
    taskset -c 0 .venv/bin/python -m tests.benchmarks.bench_pipeline --traffic simple --sessions 400
    .venv/bin/python -m tests.benchmarks.bench_pipeline --profile   # pyinstrument profile

Prints events/s, per-event latency p50/p99, peak RSS and the ratio, all from this run.
"""

from __future__ import annotations

import argparse
import gc
import resource
import time

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bleedwatch.detectors import DetectionPipeline
from bleedwatch.detectors.baseline import NaiveDetector
from bleedwatch.models import Event, parse_event

from .leakbench.generator import generate as leakbench_traffic
from .traffic import generate


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_up(pipeline: DetectionPipeline, events: list) -> None:  # type: ignore[type-arg]
    """Load what loads lazily (the NER model, word lists), as a running worker has."""
    pipeline.process_batch(events[:8])
    pipeline.pii.analyze_outputs(["Warm-up text naming Ada Lovelace."])


def loaded_pipeline(events: list) -> DetectionPipeline:  # type: ignore[type-arg]
    pipeline = DetectionPipeline()
    _warm_up(pipeline, events)
    return DetectionPipeline(pii=pipeline.pii)


def loaded_naive() -> NaiveDetector:
    naive = NaiveDetector()
    naive.entities("warm up")
    return naive


def bench_pipeline(
    pipeline: DetectionPipeline,
    events: list,  # type: ignore[type-arg]
    batch: int,
    progress: Progress,
) -> dict[str, float]:
    task = progress.add_task("bleedwatch pipeline", total=len(events))
    per_event: list[float] = []
    started = time.perf_counter()
    for i in range(0, len(events), batch):
        chunk = events[i : i + batch]
        t = time.perf_counter()
        pipeline.process_batch(chunk)
        per_event.extend([(time.perf_counter() - t) / len(chunk)] * len(chunk))
        progress.advance(task, len(chunk))
    elapsed = time.perf_counter() - started
    return {"eps": len(events) / elapsed, "p50": _pct(per_event, 0.5), "p99": _pct(per_event, 0.99)}


def bench_naive(naive: NaiveDetector, events: list, progress: Progress) -> dict[str, float]:  # type: ignore[type-arg]
    task = progress.add_task("naive Presidio loop", total=len(events))
    per_event: list[float] = []
    started = time.perf_counter()
    for event in events:
        t = time.perf_counter()
        naive.entities(event.content)
        per_event.append(time.perf_counter() - t)
        progress.advance(task)
    elapsed = time.perf_counter() - started
    return {"eps": len(events) / elapsed, "p50": _pct(per_event, 0.5), "p99": _pct(per_event, 0.99)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--traffic",
        choices=("leakbench", "simple"),
        default="leakbench",
        help="leakbench: the labelled benchmark's traffic (--events); simple: traffic.py (--sessions)",
    )
    parser.add_argument("--events", type=int, default=2000, help="leakbench events")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sessions", type=int, default=400, help="simple traffic sessions")
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile of ours")
    args = parser.parse_args()
    console = Console()
    if args.traffic == "leakbench":
        events = [Event.model_validate(e) for e in leakbench_traffic(args.events, args.seed)[0]]
    else:
        events = [parse_event(line) for line in generate(args.sessions)]
    if args.profile:
        from pyinstrument import Profiler

        pipeline = loaded_pipeline(events)
        gc.freeze()
        with Profiler() as profiler:
            for i in range(0, len(events), args.batch):
                pipeline.process_batch(events[i : i + args.batch])
        console.print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    pipeline, naive_detector = loaded_pipeline(events), loaded_naive()
    # As a worker does once its models are loaded (both timed loops get the same treatment):
    # full collections no longer walk the models' objects.
    gc.freeze()
    with Progress(console=console, transient=True) as progress:
        ours = bench_pipeline(pipeline, events, args.batch, progress)
        rss_ours = _rss_mb()
        naive = bench_naive(naive_detector, events, progress)
        rss_total = _rss_mb()
    table = Table(title=f"pipeline vs naive loop, {len(events)} {args.traffic} events, same process and core")
    for column in ("", "events/s", "p50 ms/event", "p99 ms/event"):
        table.add_column(column, justify="right")
    table.add_row(
        "bleedwatch", f"{ours['eps']:.0f}", f"{ours['p50'] * 1000:.2f}", f"{ours['p99'] * 1000:.2f}"
    )
    table.add_row("naive", f"{naive['eps']:.0f}", f"{naive['p50'] * 1000:.2f}", f"{naive['p99'] * 1000:.2f}")
    console.print(table)
    console.print(
        f"ratio: {ours['eps'] / naive['eps']:.1f}x; peak RSS after ours {rss_ours:.0f} MB, "
        f"after both {rss_total:.0f} MB"
    )


if __name__ == "__main__":
    main()
