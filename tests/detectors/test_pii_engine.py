"""Real Presidio on the packaged spaCy model: no detection is mocked here."""

from __future__ import annotations

import pytest

from bleedwatch.detectors import PiiEngine


def _types(spans: list) -> dict[str, list[str]]:  # type: ignore[type-arg]
    out: dict[str, list[str]] = {}
    for s in spans:
        out.setdefault(s.entity_type, []).append(s.text)
    return out


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("write to Adaeze.Okafor@Example.com today", "EMAIL_ADDRESS", "Adaeze.Okafor@Example.com"),
        ("call me on (212) 555-0187 please", "PHONE_NUMBER", "(212) 555-0187"),
        ("my mobile is +44 7911 123456", "PHONE_NUMBER", "+44 7911 123456"),
        ("ring the office at +49 30 901820", "PHONE_NUMBER", "+49 30 901820"),
        ("her number is +91 98765 43210", "PHONE_NUMBER", "+91 98765 43210"),
        ("Tokyo desk: +81 3-1234-5678", "PHONE_NUMBER", "+81 3-1234-5678"),
        ("card 4111-1111-1111-1111 on file", "CREDIT_CARD", "4111-1111-1111-1111"),
        ("IBAN DE89 3704 0044 0532 0130 00 for refunds", "IBAN_CODE", "DE89 3704 0044 0532 0130 00"),
        ("my social security number is 536-22-8841", "US_SSN", "536-22-8841"),
        ("national insurance number AB 12 34 56 C", "UK_NINO", "AB 12 34 56 C"),
        ("the VPN gateway is 10.20.30.40", "IP_ADDRESS", "10.20.30.40"),
        ("use key AKIAIOSFODNN7EXAMPLE for the bucket", "SECRET", "AKIAIOSFODNN7EXAMPLE"),
        (
            "token ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 leaked",
            "SECRET",
            "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
        ),
        ('config: api_key = "q8Fz3LmX9vT2kWb7Rn4Y"', "SECRET", "q8Fz3LmX9vT2kWb7Rn4Y"),
    ],
)
def test_default_entities_are_found_in_outputs(
    pii_engine: PiiEngine, text: str, entity: str, value: str
) -> None:
    found = _types(pii_engine.analyze_outputs([text])[0])
    assert value in found.get(entity, []), found


def test_names_come_from_spacy_ner(pii_engine: PiiEngine) -> None:
    found = _types(pii_engine.analyze_outputs(["I spoke with Jürgen Müller about the refund."])[0])
    assert found.get("PERSON") == ["Jürgen Müller"]


def test_low_entropy_assignments_are_not_secrets(pii_engine: PiiEngine) -> None:
    found = _types(pii_engine.analyze_outputs(['set password = "aaaaaaaaaaaaaaaaaaaa" in dev'])[0])
    assert "SECRET" not in found


def test_invalid_card_numbers_fail_the_luhn_check(pii_engine: PiiEngine) -> None:
    found = _types(pii_engine.analyze_outputs(["card 4111-1111-1111-1112 on file"])[0])
    assert "CREDIT_CARD" not in found


def test_evidence_analysis_uses_patterns_only(pii_engine: PiiEngine) -> None:
    found = _types(
        pii_engine.analyze_evidence("Jürgen Müller, juergen@example.de, +49 30 901820, 4111 1111 1111 1111")
    )
    assert "PERSON" not in found  # names in evidence come from name shapes, not NER
    assert set(found) == {"EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD"}


def test_email_validation_uses_the_bundled_public_suffix_list(pii_engine: PiiEngine) -> None:
    import tldextract.tldextract as tld

    assert tld.TLD_EXTRACTOR.suffix_list_urls == ()
    found = _types(pii_engine.analyze_outputs(["mail ops@example.co.uk now"])[0])
    assert found["EMAIL_ADDRESS"] == ["ops@example.co.uk"]


def test_custom_recognizers_load_from_yaml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from bleedwatch.detectors import DetectorConfig

    yaml_file = tmp_path / "recognizers.yaml"
    yaml_file.write_text(
        """
recognizers:
  - name: EmployeeIdRecognizer
    supported_language: en
    supported_entity: EMPLOYEE_ID
    patterns:
      - name: employee id
        regex: "\\\\bEMP-[0-9]{6}\\\\b"
        score: 0.9
"""
    )
    config = DetectorConfig().pii.model_copy(
        update={
            "custom_recognizers": [yaml_file],
            "entities": [*DetectorConfig().pii.entities, "EMPLOYEE_ID"],
        }
    )
    engine = PiiEngine(config)
    found = _types(engine.analyze_outputs(["badge EMP-004211 was revoked"])[0])
    assert found["EMPLOYEE_ID"] == ["EMP-004211"]
