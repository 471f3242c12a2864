"""The README's main job runs end to end and shows the incident alerts."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.kafka


def test_demo_shows_the_minecraft_incident_and_the_leaks(broker: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bleedwatch.streams", "demo", "--rate", "20"],
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
        env={**os.environ, "BLEEDWATCH_BROKER": broker, "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "14 verdicts" in out
    for expected in ("globex-6", "topic_drift", "cross_tenant_pii", "cross_session_pii", "foreign_passage"):
        assert expected in out
    assert "adaeze.okafor@example.com" not in out  # masked only
