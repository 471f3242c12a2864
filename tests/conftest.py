"""Shared fixtures. The whole suite runs with the network closed to everything but loopback."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bleedwatch.detectors import DetectionPipeline, DetectorConfig, PiiEngine

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "streams" / "data" / "sample_events.jsonl"


def _is_loopback(host: Any) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True, scope="session")
def _no_internet() -> Iterator[None]:
    """Refuse every connection and name lookup that is not loopback: run time is offline."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guard(address: Any) -> None:
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            raise NetworkBlocked(f"test tried to reach {address!r}")

    def connect(self: socket.socket, address: Any) -> None:
        guard(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        guard(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_loopback(host):
            raise NetworkBlocked(f"test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo
    yield
    socket.socket.connect = real_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = real_getaddrinfo


@pytest.fixture(scope="session")
def pii_engine() -> PiiEngine:
    return PiiEngine(DetectorConfig().pii)


@pytest.fixture
def make_pipeline(pii_engine: PiiEngine) -> Callable[..., DetectionPipeline]:
    """A fresh pipeline (empty state) sharing the session's loaded Presidio engine."""

    def make(config: DetectorConfig | None = None, **kwargs: Any) -> DetectionPipeline:
        return DetectionPipeline(config or DetectorConfig(), pii=pii_engine, **kwargs)

    return make


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE
