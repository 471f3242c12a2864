"""Session provenance and cross-session attribution, through the whole pipeline, real Presidio."""

from __future__ import annotations

import json

from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import Action, EventKind, FindingType

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
CTX = EventKind.RETRIEVED_CONTEXT
TOOL = EventKind.TOOL_TRACE

CRM = json.dumps(
    {
        "customer_name": "Adaeze Okafor",
        "email": "ADAEZE.OKAFOR@EXAMPLE.COM",
        "phone": "(212) 555-0187",
        "card": "4111-1111-1111-1111",
        "iban": "DE89 3704 0044 0532 0130 00",
    }
)


def _types(verdict) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.type.value, f.entity_type) for f in verdict.findings]


def test_session_pii_in_other_surface_forms_has_provenance(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", TOOL, CRM),
            ev(
                "bank",
                "s1",
                OUT,
                "Confirmation goes to adaeze.okafor@example.com and 212.555.0187.",
                event_id="o1",
            ),
            ev(
                "bank", "s1", OUT, "Paid with 4111 1111 1111 1111 from DE89370400440532013000.", event_id="o2"
            ),
            ev("bank", "s1", OUT, "Thank you, Ms. Okafor, it is done.", event_id="o3"),
        ],
    )
    for event_id in ("o1", "o2", "o3"):
        assert sink[event_id].action is Action.ALLOW, (event_id, _types(sink[event_id]))
        assert sink[event_id].findings == []


def test_an_account_number_no_recognizer_accepts_is_still_provenance_for_its_digits(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    # 21 characters: not a valid GB IBAN, so it is not an IBAN finding anywhere; spaced out in
    # an answer, its digits read as a phone number.
    record = json.dumps({"customer_name": "Naksh Raja", "iban": "GB30OGCP7312265775140"})
    answer = "Your statements cover account GB30 OGCP 7312 2657 7514 0."
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", USER, "Which account do my statements cover?"),
            ev("bank", "s1", TOOL, record),
            ev("bank", "s1", OUT, answer, event_id="own"),
            ev("bank", "s2", USER, "Which account do my statements cover?"),
            ev("bank", "s2", OUT, answer, event_id="other"),
        ],
    )
    assert sink["own"].action is Action.ALLOW, _types(sink["own"])
    assert ("pii_without_provenance", "PHONE_NUMBER") in _types(sink["other"])  # not s2's


def test_pii_the_session_never_saw_is_flagged_by_risk(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", USER, "What is the support line?"),
            # not 555-01xx: those numbers are reserved for fiction (documentation values)
            ev("bank", "s1", OUT, "Call (415) 273-9164 any time.", event_id="phone"),
            ev("bank", "s1", OUT, "Your card is 5500 0000 0000 0004.", event_id="card"),
        ],
    )
    assert _types(sink["phone"]) == [("pii_without_provenance", "PHONE_NUMBER")]
    assert sink["phone"].action is Action.ALERT
    assert _types(sink["card"]) == [("pii_without_provenance", "CREDIT_CARD")]
    assert sink["card"].action is Action.BLOCK


def test_cross_session_and_cross_tenant_leaks_name_their_source(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", TOOL, CRM, event_id="crm-1"),
            ev("bank", "s2", USER, "Which email do you have for me?"),
            ev("bank", "s2", OUT, "We have adaeze.okafor@example.com on file.", event_id="leak-1"),
            ev("games", "g1", USER, "Who should get the build report?"),
            ev("games", "g1", OUT, "Send it to Adaeze Okafor on (212) 555-0187.", event_id="leak-2"),
        ],
    )
    leak1 = sink["leak-1"]
    assert _types(leak1) == [("cross_session_pii", "EMAIL_ADDRESS")]
    assert leak1.action is Action.BLOCK
    source = leak1.findings[0].source
    assert source is not None
    assert (source.tenant_id, source.session_id, source.event_id, source.kind) == (
        "bank",
        "s1",
        "crm-1",
        TOOL,
    )
    leak2 = sink["leak-2"]
    assert {t for t, _ in _types(leak2)} == {"cross_tenant_pii"}
    assert {e for _, e in _types(leak2)} == {"PERSON", "PHONE_NUMBER"}
    assert all(f.source is not None and f.source.session_id == "s1" for f in leak2.findings)


def test_a_flagged_output_never_becomes_provenance(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", TOOL, CRM),
            ev("bank", "s2", OUT, "Her email is adaeze.okafor@example.com.", event_id="first"),
            ev("bank", "s2", OUT, "Again: adaeze.okafor@example.com.", event_id="repeat"),
        ],
    )
    assert sink["first"].action is Action.BLOCK
    assert sink["repeat"].action is Action.BLOCK
    assert _types(sink["repeat"]) == [("cross_session_pii", "EMAIL_ADDRESS")]


def test_an_allowed_output_becomes_provenance(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", USER, "My name is Adaeze Okafor"),
            ev("bank", "s1", OUT, "Hello Adaeze Okafor.", event_id="o1"),
            ev("bank", "s1", OUT, "Goodbye, Adaeze Okafor.", event_id="o2"),
        ],
    )
    assert sink["o1"].action is Action.ALLOW and sink["o2"].action is Action.ALLOW


POLICY_DOC = (
    "Transfer limits policy. Standard accounts may send up to 5,000 euros per day by SEPA "
    "transfer and up to 1,000 euros per day by instant transfer. Limits reset at midnight "
    "Central European Time."
)
NOTE = (
    "Internal note for the fraud desk only: the harbour merchant cluster flagged on Tuesday is "
    "linked to a mule network that reuses prepaid cards, so hold outbound instant transfers."
)


def test_verbatim_private_text_of_another_session_is_a_foreign_passage(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s4", CTX, NOTE, event_id="note"),
            ev("bank", "s5", USER, "Any news?"),
            ev(
                "bank",
                "s5",
                OUT,
                "Yes, the harbour merchant cluster flagged on Tuesday is linked to "
                "a mule network that reuses prepaid cards.",
                event_id="same-tenant",
            ),
            ev(
                "shop",
                "x1",
                OUT,
                "the merchant cluster flagged on Tuesday is linked to a mule network "
                "that reuses prepaid cards, so hold outbound instant transfers",
                event_id="other-tenant",
            ),
        ],
    )
    for event_id in ("same-tenant", "other-tenant"):
        passages = [f for f in sink[event_id].findings if f.type is FindingType.FOREIGN_PASSAGE]
        assert len(passages) == 1, _types(sink[event_id])
        assert passages[0].source is not None and passages[0].source.event_id == "note"
        assert sink[event_id].action is Action.BLOCK
        assert "harbour" not in passages[0].masked and "mule" not in passages[0].masked


def test_text_the_tenant_commonly_shares_is_not_foreign_within_it(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", CTX, POLICY_DOC),
            ev("bank", "s2", CTX, POLICY_DOC),
            ev("bank", "s3", USER, "What are my limits?"),
            ev("bank", "s3", OUT, POLICY_DOC, event_id="same-tenant"),
            ev("shop", "x1", OUT, POLICY_DOC, event_id="other-tenant"),
        ],
    )
    assert not [f for f in sink["same-tenant"].findings if f.type is FindingType.FOREIGN_PASSAGE]
    assert [f.type for f in sink["other-tenant"].findings if f.type is FindingType.FOREIGN_PASSAGE] == [
        FindingType.FOREIGN_PASSAGE
    ]


def test_a_whole_answer_delivered_to_the_wrong_session_is_attributed(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    answer = (
        "Your physiotherapy appointment has been moved to Tuesday at 10:30, Mei Tanaka. Please "
        "arrive ten minutes early and bring your referral letter and the exercise diary."
    )
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("clinic", "s20", USER, "Please move my physiotherapy appointment to Tuesday. Mei Tanaka."),
            ev("clinic", "s20", OUT, answer, event_id="original"),
            ev("clinic", "s21", USER, "Are my blood test results back?"),
            ev("clinic", "s21", OUT, answer, event_id="swapped"),
        ],
    )
    assert sink["original"].action is Action.ALLOW
    swapped = [f for f in sink["swapped"].findings if f.type is FindingType.FOREIGN_PASSAGE]
    assert len(swapped) == 1
    assert swapped[0].source is not None
    assert (swapped[0].source.session_id, swapped[0].source.kind) == ("s20", OUT)
    assert sink["swapped"].action is Action.BLOCK


def test_the_same_generic_answer_in_two_sessions_is_not_a_leak(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    generic = (
        "Standard accounts can send up to 1,000 euros per day by instant transfer; the limit "
        "resets at midnight and can be raised temporarily in the app under Settings."
    )
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "a", USER, "What is my instant transfer limit?"),
            ev("bank", "a", OUT, generic, event_id="a-out"),
            ev("bank", "b", USER, "How much can I send instantly per day?"),
            ev("bank", "b", OUT, generic, event_id="b-out"),
        ],
    )
    assert not [f for f in sink["b-out"].findings if f.type is FindingType.FOREIGN_PASSAGE]


def test_short_common_phrasing_shared_with_another_answer_is_not_a_swap(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    phrase = "Let me know if there is anything else I can help you with today"
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("shop", "a", USER, "Where is my parcel?"),
            ev("shop", "a", OUT, f"Your parcel left the depot this morning. {phrase}."),
            ev("shop", "b", USER, "Can I change the delivery address for my order?"),
            ev(
                "shop",
                "b",
                OUT,
                "Yes, you can change the delivery address in your order page until "
                f"dispatch. The courier will use the new address. {phrase}.",
                event_id="b-out",
            ),
        ],
    )
    assert not [f for f in sink["b-out"].findings if f.type is FindingType.FOREIGN_PASSAGE]


def test_nothing_raw_reaches_a_verdict(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", TOOL, CRM),
            ev(
                "bank",
                "s2",
                OUT,
                "Adaeze Okafor, adaeze.okafor@example.com, (212) 555-0187, 4111 1111 1111 1111",
                event_id="leak",
            ),
        ],
    )
    dumped = sink["leak"].model_dump_json()
    for raw in ("Okafor", "adaeze.okafor", "555-0187", "4111 1111 1111 1111", "Adaeze"):
        assert raw not in dumped
