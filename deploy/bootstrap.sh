#!/usr/bin/env bash
# Idempotent Python set-up: a project-local virtualenv with bleedwatch and its dev tools.
# Everything comes from PyPI; nothing is fetched at run time afterwards.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${BLEEDWATCH_VENV:-$ROOT/.venv}"
STAMP="$VENV/.bleedwatch-installed"
if [[ -f "$STAMP" && "$STAMP" -nt "$ROOT/pyproject.toml" ]]; then
  exit 0
fi
if [[ ! -x "$VENV/bin/python" ]]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
touch "$STAMP"
echo "bleedwatch: python environment ready in $VENV" >&2
