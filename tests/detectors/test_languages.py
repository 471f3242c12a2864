"""Term rarity in the event's own language: clean non-English answers are not drift."""

from __future__ import annotations

import pytest

from bleedwatch.detectors import DetectorConfig, DriftConfig
from bleedwatch.detectors.language import packaged_identifier, rarity_languages
from bleedwatch.detectors.terms import rarity, terms_of
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.detectors.text import tokenize
from bleedwatch.models import EventKind, FindingType

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
CTX = EventKind.RETRIEVED_CONTEXT

GERMAN = [
    (USER, "Ich habe vor zwei Wochen eine Jacke zurückgeschickt. Wann bekomme ich mein Geld zurück?"),
    (
        CTX,
        "Rückgabebedingungen: Nach Eingang der Ware im Lager wird die Erstattung innerhalb von "
        "fünf Werktagen auf das ursprüngliche Zahlungsmittel veranlasst.",
    ),
]
GERMAN_ANSWER = (
    "Die Erstattung kommt innerhalb von fünf Werktagen, sobald die Jacke im Lager eingegangen ist. "
    "Bei einer Kreditkarte kann die Gutschrift auf der Abrechnung etwas länger dauern."
)

SPANISH = [
    (USER, "Reservé una habitación doble para el viernes. ¿Puedo cambiar la fecha de llegada?"),
    (
        CTX,
        "Política de reservas: las fechas pueden modificarse sin coste hasta 48 horas antes de la "
        "llegada, según la disponibilidad del hotel.",
    ),
]
SPANISH_ANSWER = (
    "Sí, puede cambiar la fecha de llegada sin coste si nos avisa 48 horas antes; le "
    "confirmaremos por correo si hay disponibilidad de habitaciones para las nuevas noches."
)


def _drift(verdict) -> bool:  # type: ignore[no-untyped-def]
    return any(f.type is FindingType.TOPIC_DRIFT for f in verdict.findings)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (GERMAN_ANSWER, "de"),
        (SPANISH_ANSWER, "es"),
        ("Il faut redémarrer le serveur après la mise à jour du certificat.", "fr"),
        ("Call yaml.compose on the document to inspect the node graph.", "en"),
        ("pip install -e .", "en"),  # too little to tell: the default
    ],
)
def test_each_event_gets_its_language(text: str, language: str) -> None:
    assert packaged_identifier().detect(text) == language


def test_rarity_uses_the_language_word_frequencies() -> None:
    assert "de" in rarity_languages() and "es" in rarity_languages()
    assert rarity("innerhalb", "de") < 1.0 < rarity("innerhalb")  # common German, unknown English
    assert rarity("python", "de") == rarity("python")  # English loan words stay common
    german = terms_of(tokenize(GERMAN_ANSWER), "de")
    english_only = terms_of(tokenize(GERMAN_ANSWER))
    assert sum(german.values()) < 0.5 * sum(english_only.values())


@pytest.mark.parametrize(("session", "answer"), [(GERMAN, GERMAN_ANSWER), (SPANISH, SPANISH_ANSWER)])
def test_a_clean_non_english_answer_is_not_drift(make_pipeline, session, answer) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    events = [ev("shop", "s", kind, text) for kind, text in session]
    events.append(ev("shop", "s", OUT, answer, event_id="answer"))
    verdict = run(make_pipeline(), events)["answer"]
    assert not _drift(verdict), verdict.drift_score
    # lexically alone too (the encoder is English-only and stays out of non-English outputs)
    lexical = DetectorConfig(drift=DriftConfig(encoder=False, semantic=False))
    assert not _drift(run(make_pipeline(lexical), events)["answer"])
