"""The local development broker: a thin wrapper over deploy/broker.sh."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class BrokerScriptMissing(RuntimeError):
    pass


def broker_script() -> Path:
    """deploy/broker.sh of this checkout, or of BLEEDWATCH_DEPLOY_DIR."""
    configured = os.environ.get("BLEEDWATCH_DEPLOY_DIR")
    candidates = [Path(configured)] if configured else []
    candidates.append(Path(__file__).resolve().parents[1] / "deploy")
    for folder in candidates:
        script = folder / "broker.sh"
        if script.is_file():
            return script
    raise BrokerScriptMissing(
        "deploy/broker.sh not found: run from a bleedwatch checkout, set BLEEDWATCH_DEPLOY_DIR, "
        "or point BLEEDWATCH_BROKER at your own cluster"
    )


def run_broker(action: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(broker_script()), action], capture_output=True, text=True, check=False)


def ensure_local_broker() -> str:
    """Start the local broker if needed; return its bootstrap address."""
    result = run_broker("start")
    if result.returncode != 0:
        raise RuntimeError(f"local broker failed to start:\n{result.stderr}{result.stdout}")
    for part in result.stdout.split():
        if part.startswith("bootstrap="):
            return part.removeprefix("bootstrap=")
    return "127.0.0.1:9092"
