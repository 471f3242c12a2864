#!/usr/bin/env bash
# The main job on a fresh machine: set up, then run bleedwatch over the sample traffic and
# show the alerts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash deploy/bootstrap.sh
mkdir -p .bleedwatch
.venv/bin/bleedwatch scan streams/data/sample_events.jsonl -o .bleedwatch/demo-verdicts.jsonl
.venv/bin/bleedwatch alerts .bleedwatch/demo-verdicts.jsonl
