"""Documentation values are nobody's data, unless a session supplied them as its own."""

from __future__ import annotations

import json

import pytest

from bleedwatch.detectors import DetectorConfig, PiiEngine
from bleedwatch.detectors.config import DocumentationValues, PiiConfig
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import Action, EventKind

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
TOOL = EventKind.TOOL_TRACE

CODE_ANSWER = """Here is a test fixture for the payments client:

```python
CUSTOMER = {"email": "user@example.com", "support": "jane.doe@mail.example.org"}
CARDS = ["4242 4242 4242 4242", "4111-1111-1111-1111", "5555555555554444", "378282246310005"]
IBANS = ["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "NL91ABNA0417164300"]
ALLOWED = ["192.0.2.10", "198.51.100.7", "203.0.113.250", "2001:db8::1"]
PHONE = "+1 202 555 0143"
evens, odds, every_third = digits[0::2], digits[1::2], a[::3]
matrix[1:2:3]
```
"""


def _types(verdict) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.type.value, f.entity_type) for f in verdict.findings]


def test_documentation_values_in_a_code_answer_are_allowed(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("dev", "s1", USER, "Write me a test fixture for the payments client."),
            ev("dev", "s1", OUT, CODE_ANSWER, event_id="code"),
        ],
    )
    assert sink["code"].action is Action.ALLOW
    assert sink["code"].findings == []


def test_they_are_still_found_and_only_marked(pii_engine: PiiEngine) -> None:
    """Recognition is unchanged (a supplied value must still be fingerprinted); the judge decides."""
    found = {s.entity_type for s in pii_engine.analyze_outputs([CODE_ANSWER])[0]}
    assert {"EMAIL_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "PHONE_NUMBER"} <= found


@pytest.mark.parametrize("code", ["x = digits[0::2]", "y = a[::3]", "z = x[1:2:3]", "w = m[::-1]"])
def test_slices_are_not_ip_addresses(pii_engine: PiiEngine, code: str) -> None:
    assert [s for s in pii_engine.analyze_outputs([code])[0] if s.entity_type == "IP_ADDRESS"] == []


def test_real_ipv6_addresses_are_still_found(pii_engine: PiiEngine) -> None:
    spans = pii_engine.analyze_outputs(["the host is 2a02:6b8:a::a and fe80::1ff:fe23:4567:890a"])[0]
    assert [s.text for s in spans if s.entity_type == "IP_ADDRESS"] == [
        "2a02:6b8:a::a",
        "fe80::1ff:fe23:4567:890a",
    ]


def test_a_documentation_value_a_session_supplied_is_its_provenance_and_attributable(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    """The test card stored against a real customer's record is that customer's data."""
    record = json.dumps(
        {"customer_name": "Mei Tanaka", "card": "4111 1111 1111 1111", "phone": "(212) 555-0187"}
    )
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("bank", "s1", TOOL, record, event_id="crm"),
            ev(
                "bank",
                "s1",
                OUT,
                "Your card 4111-1111-1111-1111 and 212.555.0187 are on file.",
                event_id="own",
            ),
            ev("bank", "s2", USER, "Which card do you have for me?"),
            ev("bank", "s2", OUT, "We have 4111111111111111 and (212) 555-0187 on file.", event_id="other"),
        ],
    )
    assert sink["own"].action is Action.ALLOW and sink["own"].findings == []
    assert sorted(_types(sink["other"])) == [
        ("cross_session_pii", "CREDIT_CARD"),
        ("cross_session_pii", "PHONE_NUMBER"),
    ]
    assert sink["other"].action is Action.BLOCK
    assert all(f.source is not None and f.source.event_id == "crm" for f in sink["other"].findings)


def test_a_persons_address_at_a_reserved_domain_is_not_a_documentation_value(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    """Reserved domains are where test data puts realistic people: only placeholder local parts
    (user@, jane.doe@, test42@) are documentation values there."""
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("shop", "s1", USER, "Where is my order?"),
            ev("shop", "s1", OUT, "We wrote to ana.ruiz17@mail.example.org yesterday.", event_id="person"),
            ev("shop", "s1", OUT, "We wrote to test42@mail.example.org yesterday.", event_id="placeholder"),
        ],
    )
    assert _types(sink["person"]) == [("pii_without_provenance", "EMAIL_ADDRESS")]
    assert sink["placeholder"].findings == []


def test_the_list_is_configurable_and_extendable(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    answer = "Call our demo line +44 20 7946 0321 or write to help@contoso-demo.com."
    extended = DetectorConfig(
        pii=PiiConfig(
            documentation_values=DocumentationValues(
                extra_values=["+44 20 7946 0321", "help@contoso-demo.com"]
            )
        )
    )
    no_cards = DetectorConfig(pii=PiiConfig(documentation_values=DocumentationValues(card_numbers=[])))
    ev = EventFactory()
    events = [ev("t", "s", USER, "How do I reach you?"), ev("t", "s", OUT, answer, event_id="o")]
    assert len(run(make_pipeline(), events)["o"].findings) == 2
    assert run(make_pipeline(extended), events)["o"].findings == []

    card = [
        ev("t", "c", USER, "Give me a test card."),
        ev("t", "c", OUT, "Use 4242 4242 4242 4242.", event_id="c"),
    ]
    assert run(make_pipeline(), card)["c"].findings == []
    assert _types(run(make_pipeline(no_cards), card)["c"]) == [("pii_without_provenance", "CREDIT_CARD")]


def test_the_config_file_extends_the_list(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bleedwatch.streams.settings import Settings

    config = tmp_path / "bleedwatch.yaml"
    config.write_text(
        "detector:\n  pii:\n    documentation_values:\n      extra_values: ['+44 20 7946 0321']\n"
    )
    monkeypatch.setenv("BLEEDWATCH_CONFIG", str(config))
    values = Settings().detector.pii.documentation_values
    assert values.extra_values == ["+44 20 7946 0321"]
    assert "4242424242424242" in values.card_numbers  # the defaults stay
