"""JSON Schemas of the public records, for consumers in other languages."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .dead_letter import DeadLetter
from .events import Event
from .verdicts import Finding, Verdict

PUBLIC_MODELS: dict[str, type[BaseModel]] = {
    "event": Event,
    "verdict": Verdict,
    "finding": Finding,
    "dead_letter": DeadLetter,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    return {name: model.model_json_schema() for name, model in PUBLIC_MODELS.items()}
