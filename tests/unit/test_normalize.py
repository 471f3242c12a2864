from __future__ import annotations

import pytest

from bleedwatch.detectors.masking import mask_passage, mask_value
from bleedwatch.detectors.normalize import normalize


@pytest.mark.parametrize(
    ("entity", "forms"),
    [
        ("PHONE_NUMBER", ["(212) 555-0187", "212.555.0187", "+1 212 555 0187", "212-555-0187"]),
        ("PHONE_NUMBER", ["+46 70 123 45 67", "070-123 45 67", "+46701234567"]),
        ("PHONE_NUMBER", ["+44 20 7946 0958", "020 7946 0958"]),
        ("PHONE_NUMBER", ["+45 34 41 52 47", "34 41 52 47", "+4534415247"]),
        ("PHONE_NUMBER", ["+55 11 96123-7400", "(11) 96123-7400"]),
        ("EMAIL_ADDRESS", ["Adaeze.Okafor@Example.com", "ADAEZE.OKAFOR@EXAMPLE.COM"]),
        ("CREDIT_CARD", ["4111-1111-1111-1111", "4111 1111 1111 1111", "4111111111111111"]),
        ("IBAN_CODE", ["DE89 3704 0044 0532 0130 00", "de89370400440532013000"]),
        ("US_SSN", ["536-22-8841", "536 22 8841"]),
        ("PERSON", ["Adaeze  Okafor", "adaeze okafor", "Ms. Adaeze Okafor", "Adaeze Okafor's"]),
        ("IP_ADDRESS", ["2001:db8::1", "2001:0db8:0000:0000:0000:0000:0000:0001"]),
    ],
)
def test_surface_forms_of_one_value_normalise_to_one_string(entity: str, forms: list[str]) -> None:
    assert len({normalize(entity, f) for f in forms}) == 1


def test_distinct_values_stay_distinct() -> None:
    assert normalize("PHONE_NUMBER", "(212) 555-0187") != normalize("PHONE_NUMBER", "(212) 555-0188")
    assert normalize("PERSON", "Adaeze Okafor") != normalize("PERSON", "Adaeze Okonkwo")


@pytest.mark.parametrize(
    ("entity", "value", "masked"),
    [
        ("EMAIL_ADDRESS", "john.smith@example.com", "j***@e***.com"),
        ("PHONE_NUMBER", "(212) 555-0187", "******0187"),
        ("CREDIT_CARD", "4111 1111 1111 1111", "************1111"),
        ("PERSON", "Adaeze Okafor", "A*** O***"),
    ],
)
def test_masks_keep_only_a_recognisable_hint(entity: str, value: str, masked: str) -> None:
    assert mask_value(entity, value) == masked


def test_passage_mask_hides_words_and_digits() -> None:
    masked = mask_passage("hold every transfer above 900 euros for review", max_words=5)
    assert masked == "h*** e**** t****** a**** #** …"
