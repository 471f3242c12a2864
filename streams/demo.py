"""The main job on a laptop: local broker, topics, a worker, the sample traffic, live alerts."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import orjson
from rich.console import Console

from bleedwatch.models import Verdict

from .kafka_io import consume, produce_lines
from .processes import WorkerProcess
from .render import alert_line, alert_table
from .settings import Settings
from .topology import Topology, create_topics


def sample_events() -> Path:
    return Path(str(files("bleedwatch.streams") / "data" / "sample_events.jsonl"))


def run_demo(
    settings: Settings,
    events: Path,
    rate: float,
    console: Console,
    timeout_s: float = 300.0,
    on_verdict: Callable[[Verdict], None] | None = None,
) -> list[Verdict]:
    """Run one worker over ``events`` and print every alert as it arrives; return all verdicts."""
    topology = Topology(settings)
    create_topics(settings)
    lines = events.read_bytes().splitlines()
    expected = sum(1 for line in lines if b'"model_output"' in line)
    verdicts: list[Verdict] = []
    done = threading.Event()

    def watch() -> None:
        def stop(seen: list[object]) -> bool:
            return done.is_set() or len(verdicts) >= expected

        for record in consume(settings, [topology.verdicts], stop=stop, timeout_s=timeout_s):
            verdict = Verdict.model_validate(orjson.loads(record.value))
            verdicts.append(verdict)
            if verdict.is_alert or verdict.revision:
                console.print(alert_line(verdict))
            if on_verdict:
                on_verdict(verdict)

    with tempfile.TemporaryDirectory(prefix="bleedwatch-demo-") as data_dir:
        worker = WorkerProcess(
            settings.bootstrap, settings.topic_prefix, Path(data_dir), partitions=settings.partitions
        )
        worker.start()
        try:
            with console.status("starting a worker (loading spaCy, joining the group)…"):
                owned = worker.wait_assigned(timeout_s=180)
            console.print(
                f"[green]worker ready[/] on partitions {owned}; metrics at "
                f"http://127.0.0.1:{worker.port}/metrics"
            )
            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            console.print(f"producing {len(lines)} events at {rate:g}/s; alerts appear as they arrive:")
            produce_lines(settings, lines, rate)
            deadline = time.monotonic() + timeout_s
            while watcher.is_alive() and time.monotonic() < deadline:
                watcher.join(0.5)
        finally:
            done.set()
            worker.stop()
    console.print(alert_table(verdicts, title=f"{len(verdicts)} verdicts, alerts and blocks"))
    return verdicts
