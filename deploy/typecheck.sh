#!/usr/bin/env bash
# mypy over the package as it is installed (bleedwatch.models, .detectors, .streams).
# The three layers live at the repository root, so a link tree gives mypy the namespaced view.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TREE="$ROOT/build/typecheck"
mkdir -p "$TREE/bleedwatch"
for layer in models detectors streams; do
  ln -sfn "$ROOT/$layer" "$TREE/bleedwatch/$layer"
done
cd "$ROOT"
MYPYPATH="$TREE" exec "$ROOT/.venv/bin/mypy" --explicit-package-bases -p bleedwatch.models -p bleedwatch.detectors -p bleedwatch.streams "$@"
