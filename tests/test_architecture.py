"""The layering rule: models <- detectors <- streams, and no import-time side effects."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "models": (
        "bleedwatch.detectors",
        "bleedwatch.streams",
        "faust",
        "kafka",
        "aiokafka",
        "presidio_analyzer",
        "spacy",
    ),
    "detectors": ("bleedwatch.streams", "faust", "kafka", "aiokafka"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_layers_only_import_downwards() -> None:
    violations = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (REPO / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(forbidden):
                    violations.append(f"{path.relative_to(REPO)} imports {name}")
    assert violations == []


def test_no_generic_top_level_packages_are_installed() -> None:
    code = "import importlib.util as u;print([m for m in ('models','detectors','streams') if u.find_spec(m)])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True)
    assert result.stdout.strip() == "[]"


def test_importing_the_packages_loads_no_model_and_starts_nothing() -> None:
    code = (
        "import sys, bleedwatch.models, bleedwatch.detectors, bleedwatch.streams;"
        "print(sorted(m for m in ('spacy','faust','presidio_analyzer') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", check=True)
    # detectors imports Presidio's classes (cheap); no spaCy model is loaded and no Faust app made
    assert "faust" not in result.stdout
