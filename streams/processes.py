"""``bleedwatch worker`` as a child process: used by the demo, the benchmarks and the tests."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class WorkerProcess:
    """``bleedwatch worker`` in a subprocess, with its own web port and data directory."""

    def __init__(
        self,
        broker: str,
        prefix: str,
        data_dir: Path,
        partitions: int = 4,
        env: dict[str, str] | None = None,
        store: str = "memory://",
    ) -> None:
        self.port = free_port()
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = data_dir / "worker.log"
        self.args = [
            sys.executable,
            "-m",
            "bleedwatch.streams",
            "worker",
            "--prefix",
            prefix,
            "--partitions",
            str(partitions),
            "--store",
            store,
            "--web-port",
            str(self.port),
            "--data-dir",
            str(data_dir),
        ]
        self.env = {**os.environ, "BLEEDWATCH_BROKER": broker, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        log = open(self.log_path, "ab")  # noqa: SIM115 - kept open for the child's lifetime
        self.process = subprocess.Popen(self.args, stdout=log, stderr=subprocess.STDOUT, env=self.env)
        return self

    def health(self) -> dict[str, Any] | None:
        """The body of ``/healthz`` (healthy or not), or None while it does not answer."""
        answer = self.health_status()
        return answer[1] if answer else None

    def health_status(self) -> tuple[int, dict[str, Any]] | None:
        """``/healthz``'s HTTP status (200, or 503 with ``problems``) and body; None if no answer."""
        url = f"http://127.0.0.1:{self.port}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                return int(reply.status), json.loads(reply.read())
        except urllib.error.HTTPError as error:
            try:
                return int(error.code), json.loads(error.read())
            except ValueError:
                return int(error.code), {}
        except OSError:
            return None

    def children(self) -> list[tuple[int, str]]:
        """(pid, command line) of the worker's child processes (Linux /proc)."""
        if self.process is None:
            return []
        out = []
        for path in Path("/proc").glob(f"{self.process.pid}/task/*/children"):
            for pid in path.read_text().split():
                try:
                    cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                except OSError:
                    continue
                out.append((int(pid), cmdline))
        return out

    def extraction_pid(self) -> int | None:
        """The pid of the worker's extraction process (a multiprocessing spawn child)."""
        pids = [pid for pid, cmdline in self.children() if "spawn_main" in cmdline]
        return pids[0] if len(pids) == 1 else None

    def metrics(self) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/metrics", timeout=5) as reply:
            return reply.read().decode()  # type: ignore[no-any-return]

    def assigned(self) -> list[int]:
        health = self.health()
        return list(health["assigned"]) if health else []

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait_assigned(self, count: int | None = None, timeout_s: float = 120.0) -> list[int]:
        """Wait until the worker owns partitions (``count`` of them, if given)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"worker exited; log:\n{self.tail()}")
            assigned = self.assigned()
            if assigned and (count is None or len(assigned) == count):
                return assigned
            time.sleep(0.5)
        raise TimeoutError(f"worker not assigned within {timeout_s}s; log:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout_s: float = 30.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
