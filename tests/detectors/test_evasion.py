"""Evasion: disguised values are the same values, through the whole pipeline, real Presidio."""

from __future__ import annotations

import json

import pytest

from bleedwatch.detectors import PiiEngine
from bleedwatch.detectors.fold import fold
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import Action, EventKind

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
TOOL = EventKind.TOOL_TRACE

RECORD = json.dumps(
    {
        "customer_name": "Adaeze Okafor",
        "email": "adaeze.okafor@okafor-family.ng",
        "phone": "+1 212 479 3811",
        "card": "4929 3813 3266 4295",
        "iban": "DE75 5121 0800 1245 1261 99",
    }
)


def _types(verdict) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.type.value, f.entity_type) for f in verdict.findings]


def _leak(make_pipeline, answer: str, user: str = "What do you have on file for me?"):  # type: ignore[no-untyped-def]
    """Session s1's tool trace holds the record; session s2 gets ``answer``."""
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", TOOL, RECORD, event_id="crm"),
            ev("bank", "s2", USER, user),
            ev("bank", "s2", OUT, answer, event_id="leak"),
        ],
    )
    return sink["leak"]


@pytest.mark.parametrize(
    ("answer", "entity"),
    [
        ("Her email is adaeze.okafor\u200b@okafor-family.ng.", "EMAIL_ADDRESS"),  # zero-width space
        (
            "Her email is adaeze\u00ad.okafor@okafor\u2060-family.ng.",
            "EMAIL_ADDRESS",
        ),  # soft hyphen, word joiner
        ("Her email is \ufeffadaeze.okafor@okafor-fаmily.ng.", "EMAIL_ADDRESS"),  # BOM, Cyrillic "а"
        ("Her email is ａｄａｅｚｅ.okafor@okafor-family.ng.", "EMAIL_ADDRESS"),  # fullwidth letters
        ("Her email is adaeze dot okafor at okafor-family dot ng.", "EMAIL_ADDRESS"),
        ("Her email is adaeze.okafor(at)okafor-family(dot)ng.", "EMAIL_ADDRESS"),
        ("Her email is adaeze.okafor [at] okafor-family [dot] ng.", "EMAIL_ADDRESS"),
        ("Her card is 4929.3813.3266.4295.", "CREDIT_CARD"),
        ("Her card is 49 293 8133 266 42 95.", "CREDIT_CARD"),
        ("Her card is ４９２９３８１３３２６６４２９５.", "CREDIT_CARD"),  # fullwidth digits
        ("Her card is four nine two nine 3813 3266 four two nine five.", "CREDIT_CARD"),
        ("Her IBAN is DE75.5121.0800.1245.1261.99.", "IBAN_CODE"),
        ("Her IBAN is DE 7 5 5121 0800 1245 1261 nine nine.", "IBAN_CODE"),
        ("Her IBAN is de75 5121 0800 1245 1261 99.", "IBAN_CODE"),
        ("Her phone is 212.479.3811.", "PHONE_NUMBER"),
        ("Her phone is two one two four seven nine three eight one one.", "PHONE_NUMBER"),
    ],
)
def test_another_sessions_value_in_disguise_is_a_cross_session_block(make_pipeline, answer, entity) -> None:  # type: ignore[no-untyped-def]
    verdict = _leak(make_pipeline, answer)
    assert ("cross_session_pii", entity) in _types(verdict)
    assert verdict.action is Action.BLOCK
    found = next(f for f in verdict.findings if f.entity_type == entity)
    assert found.source is not None and found.source.event_id == "crm"


def test_the_finding_covers_the_original_characters_of_a_disguised_value(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    disguised = "adaeze.okafor\u200b@okafor-family.ng"
    answer = f"Her email is {disguised}, as requested."
    verdict = _leak(make_pipeline, answer)
    (finding,) = verdict.findings
    assert answer[finding.start : finding.end] == disguised
    assert "okafor" not in finding.masked and finding.masked.startswith("a***@")

    spelled = "adaeze dot okafor at okafor-family dot ng"
    answer = f"Write to {spelled} today."
    (finding,) = _leak(make_pipeline, answer).findings
    assert answer[finding.start : finding.end] == spelled
    assert "okafor" not in finding.masked


def test_the_users_own_spelled_out_email_is_provenance(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("shop", "s1", USER, "Please send the receipt to ana dot ruiz at mail-ruiz dot es, thanks."),
            ev("shop", "s1", OUT, "Done: the receipt went to ana.ruiz@mail-ruiz.es.", event_id="own"),
            ev("shop", "s2", USER, "Where did my receipt go?"),
            ev("shop", "s2", OUT, "It went to ana.ruiz (at) mail-ruiz (dot) es.", event_id="other"),
        ],
    )
    assert sink["own"].action is Action.ALLOW and sink["own"].findings == []
    assert _types(sink["other"]) == [("cross_session_pii", "EMAIL_ADDRESS")]
    assert sink["other"].action is Action.BLOCK


def test_a_spelled_out_card_the_user_gave_is_provenance_for_the_plain_form(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("shop", "s1", USER, "My card is four nine two nine three eight one three 3266 4295."),
            ev("shop", "s1", OUT, "Charged 4929 3813 3266 4295.", event_id="own"),
        ],
    )
    assert sink["own"].action is Action.ALLOW, _types(sink["own"])


@pytest.mark.parametrize(
    "text",
    [
        "Meet me at the station at five.",
        "Visit us at shop.okafor-family.ng for details.",  # prose: no spelled "dot", no bracketed "at"
        "The bubble burst at the dot com peak in 2000.",
        "One of the two options is better; three or four people agreed.",
        "The pipeline has one two three stages.",
        "Ирина сказала, что сор в доме.",  # all-Cyrillic words are not folded
    ],
)
def test_ordinary_prose_yields_no_pii(pii_engine: PiiEngine, text: str) -> None:
    assert pii_engine.analyze_outputs([text])[0] == []


def test_folding_keeps_real_letters_and_maps_every_character_back() -> None:
    folded = fold("Jörg Müller: jörg.müller\u200b@müller-mail.de")
    assert folded.text == "Jörg Müller: jörg.müller@müller-mail.de"  # Latin letters are not disguises
    start = folded.text.index("jörg.")
    end = len(folded.text)
    assert folded.original(start, end) == (13, 13 + len("jörg.müller\u200b@müller-mail.de"))
    assert not fold("plain ascii text, nothing to fold").changed


@pytest.mark.parametrize(
    ("intro", "name"),
    [
        ("I'm Ana Ruiz", "Ana Ruiz"),
        ("Soy Ana Ruiz", "Ana Ruiz"),
        ("Ich bin Jörg Müller", "Jörg Müller"),
        ("c'est Jean Dupont", "Jean Dupont"),
        ("Mi chiamo Giulia Conti", "Giulia Conti"),
        ("Meu nome é João Silva", "João Silva"),
        ("hi, this is ana ruiz", "Ana Ruiz"),
        ("My name is Lars Eriksson", "Lars Eriksson"),
    ],
)
def test_a_name_given_in_a_sentence_is_provenance_and_attributable(make_pipeline, intro, name) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    answer = f"Hello {name}, your parcel left the depot this morning."
    sink = run(
        make_pipeline(),
        [
            ev("shop", "s1", USER, f"{intro}. Where is my parcel?"),
            ev("shop", "s1", OUT, answer, event_id="own"),
            ev("shop", "s2", USER, "Where is my parcel?"),
            ev("shop", "s2", OUT, answer, event_id="other"),
        ],
    )
    assert sink["own"].action is Action.ALLOW and sink["own"].findings == []
    assert ("cross_session_pii", "PERSON") in _types(sink["other"])
    assert sink["other"].action is Action.BLOCK


def test_a_record_serialised_with_json_escapes_is_read_unescaped(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    record = json.dumps({"customer_name": "Jörg Müller", "email": "jörg.müller@müller-post.de"})
    assert "\\u00f6" in record  # json.dumps escapes non-ASCII by default, as many tools do
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("shop", "s1", TOOL, record, event_id="crm"),
            ev(
                "shop", "s1", OUT, "Herr Jörg Müller, we wrote to jörg.müller@müller-post.de.", event_id="own"
            ),
            ev("shop", "s2", USER, "Who is the account holder?"),
            ev("shop", "s2", OUT, "The holder is Jörg Müller, jörg.müller@müller-post.de.", event_id="other"),
        ],
    )
    assert sink["own"].action is Action.ALLOW and sink["own"].findings == []
    assert sorted(_types(sink["other"])) == [
        ("cross_session_pii", "EMAIL_ADDRESS"),
        ("cross_session_pii", "PERSON"),
    ]
