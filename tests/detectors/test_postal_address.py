"""Postal addresses of the leak benchmark's countries, as Faker writes them."""

from __future__ import annotations

import json

import pytest

from bleedwatch.detectors import PiiEngine
from bleedwatch.detectors.normalize import normalize
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import Action, EventKind

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
TOOL = EventKind.TOOL_TRACE


def _addresses(pii_engine: PiiEngine, text: str) -> list[str]:
    return [
        text[s.start : s.end]
        for s in pii_engine.analyze_outputs([text])[0]
        if s.entity_type == "POSTAL_ADDRESS"
    ]


@pytest.mark.parametrize(
    "address",
    [
        "221B Baker Street, London NW1 6XE",  # GB
        "Flat 37\nBennett Mall\nEast Harrietport\nN8 8HN",  # GB, Faker
        "1777 Kramer Court\nJohnsonfurt, NE 80119",  # US
        "083 Crosby Plaza Apt. 533\nFarleytown, MT 73436",  # US
        "Hauptstraße 5, 10115 Berlin",  # DE
        "Murat-Heinrich-Allee 7740\n24158 Ochsenfurt",  # DE
        "12 rue de la Paix, 75002 Paris",  # FR
        "5, avenue Samson\n57583 LacroixBourg",  # FR
        "Pasaje Juan Pablo Granados 115 Apt. 08 \nJaén, 45989",  # ES
        "Viale Goffredo, 19 Appartamento 0\n13031, Arborio (VC)",  # IT
        "Gerritsingel 7\n1317 YB\n's-Heer Hendrikskinderen",  # NL
        "ul. Paderewskiego 77\n61-668 Kołobrzeg",  # PL
        "Jardim Campos, 87\nVila Da Luz\n31706-690 da Mata de Silveira / SE",  # BR
        "Skolvägen 76\n71706 Ängelholm",  # SE
        "H.No. 17, Sodhi Chowk\nBhagalpur-706690",  # IN
        "17 Kennedy Laneway\nEast Tony, VIC, 2609",  # AU
        "17 O'Rafferty Street W31AWX4 Roisin Ville",  # IE
        "Tuulilasinkatu 40\n81241 Sulkava",  # FI
        "Sankt Jørgensgade 10\n4806 Bjert",  # DK
        "U Nového Dvora 136\n537 78 Kostelec nad Černými lesy",  # CZ
    ],
)
def test_addresses_with_their_postcode_line_are_found_whole(pii_engine: PiiEngine, address: str) -> None:
    text = f"Please ship it to {address}. Thanks!"
    assert _addresses(pii_engine, text) == [address.rstrip()]


@pytest.mark.parametrize(
    "text",
    [
        "We have 3 Main Points to cover today.",
        "Version 3, 2024 Release notes are out.",
        "Order 12, 12345 Total items shipped.",
        "Chapter 5, 2019 Edition of the handbook.",
        "Hauptstraße 5 is a common street name.",  # a street alone, no context word, in an output
    ],
)
def test_prose_and_bare_streets_are_not_addresses_in_outputs(pii_engine: PiiEngine, text: str) -> None:
    assert _addresses(pii_engine, text) == []


def test_a_street_after_a_context_word_is_an_address(pii_engine: PiiEngine) -> None:
    assert _addresses(pii_engine, "Her home address is Hauptstraße 5.") == ["Hauptstraße 5"]


def test_the_canonical_form_folds_case_spacing_and_punctuation() -> None:
    assert normalize("POSTAL_ADDRESS", "221B Baker Street") == normalize(
        "POSTAL_ADDRESS", "221b  BAKER street."
    )


def test_another_sessions_address_is_a_cross_session_block_and_ones_own_is_not(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = json.dumps({"customer_name": "Jörg Müller", "address": "Hauptstraße 5, 10115 Berlin"})
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("shop", "s1", TOOL, record, event_id="crm"),
            ev(
                "shop",
                "s1",
                OUT,
                "We will deliver to HAUPTSTRASSE 5, 10115 BERLIN on Monday.",
                event_id="own",
            ),
            ev("shop", "s2", USER, "Where will my parcel go?"),
            ev("shop", "s2", OUT, "Your parcel goes to Hauptstraße 5, 10115 Berlin.", event_id="other"),
            ev("shop", "s3", USER, "Where do I live again?"),
            ev("shop", "s3", OUT, "Your delivery address is Hauptstraße 5.", event_id="street-only"),
        ],
    )
    assert sink["own"].action is Action.ALLOW and sink["own"].findings == []
    for event_id in ("other", "street-only"):
        verdict = sink[event_id]
        assert [(f.type.value, f.entity_type) for f in verdict.findings] == [
            ("cross_session_pii", "POSTAL_ADDRESS")
        ]
        assert verdict.action is Action.BLOCK
        assert verdict.findings[0].source is not None and verdict.findings[0].source.event_id == "crm"
        assert "Hauptstra" not in verdict.model_dump_json()
