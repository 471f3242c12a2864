#!/usr/bin/env bash
# The test suite, from a fresh clone: sets up Python, starts the local Kafka broker for the
# integration tests, runs pytest. Extra arguments go to pytest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash deploy/bootstrap.sh
if [[ -z "${BLEEDWATCH_BROKER:-}" ]]; then
  bash deploy/broker.sh start
fi
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [[ $status -eq 5 ]]; then
  echo "bleedwatch: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit $status
