"""Integration tests run real `bleedwatch worker` processes against the real local Kafka broker."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bleedwatch.streams.broker import ensure_local_broker
from bleedwatch.streams.settings import Settings
from bleedwatch.streams.testing import WorkerProcess, unique_prefix
from bleedwatch.streams.topology import create_topics

pytestmark = pytest.mark.kafka


@pytest.fixture(scope="session")
def broker() -> str:
    """BLEEDWATCH_BROKER if set; else the local KRaft broker from deploy/broker.sh."""
    return os.environ.get("BLEEDWATCH_BROKER") or ensure_local_broker()


@pytest.fixture
def stream_settings(broker: str) -> Settings:
    settings = Settings(broker=broker, topic_prefix=unique_prefix(), partitions=4)
    create_topics(settings)
    return settings


@pytest.fixture
def start_worker(stream_settings: Settings, tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    workers: list[WorkerProcess] = []

    def start(**env: str) -> WorkerProcess:
        worker = WorkerProcess(
            stream_settings.bootstrap,
            stream_settings.topic_prefix,
            tmp_path / f"worker{len(workers)}",
            partitions=stream_settings.partitions,
            env=env,
        ).start()
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
