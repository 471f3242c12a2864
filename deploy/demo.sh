#!/usr/bin/env bash
# The main job on a fresh machine: set up Python, start the local Kafka broker, run a
# bleedwatch worker over the sample traffic and show the alerts as they arrive.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash deploy/bootstrap.sh
exec .venv/bin/bleedwatch demo "$@"
