"""Canonical forms of PII values, so the same value in another surface form still matches."""

from __future__ import annotations

import ipaddress
import re
import unicodedata

import phonenumbers

_NON_DIGIT = re.compile(r"\D+")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")
_HONORIFIC = re.compile(
    r"^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|dame|herr|frau|mme|mlle|sr|sra|srta)\.?\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s$")

# Entity types that share one namespace: a value matches across these labels.
_FAMILY = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "CREDIT_CARD": "card",
    "IBAN_CODE": "iban",
    "US_SSN": "natid",
    "UK_NINO": "natid",
    "NATIONAL_ID": "natid",
    "IP_ADDRESS": "ip",
    "PERSON": "name",
    "POSTAL_ADDRESS": "address",
}


def family(entity_type: str) -> str:
    return _FAMILY.get(entity_type, entity_type.lower())


# Trailing digits that identify a phone number across its national, international and E.164
# forms: "(11) 96123-7400", "+55 11 96123-7400" and "+5511961237400" share them, while country
# codes and trunk prefixes ("0", "1") fall outside. Eight, because Danish, Norwegian and
# Singaporean numbers have eight digits in all (measured: nine missed every Danish number).
_PHONE_TAIL = 8


def _phone(value: str, default_region: str) -> str:
    digits = _NON_DIGIT.sub("", value)
    if len(digits) >= _PHONE_TAIL:
        return digits[-_PHONE_TAIL:]
    try:
        parsed = phonenumbers.parse(value, default_region)
        if parsed.national_number:
            return str(parsed.national_number)[-_PHONE_TAIL:]
    except phonenumbers.NumberParseException:
        pass
    return digits.lstrip("0")


def _ip(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip("[]")))
    except ValueError:
        return value.strip().lower()


def person_name(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).casefold().strip(" .,;:")
    text = _POSSESSIVE.sub("", text)
    while True:
        stripped = _HONORIFIC.sub("", text)
        if stripped == text:
            break
        text = stripped
    return _SPACE.sub(" ", text).strip()


def normalize(entity_type: str, value: str, default_phone_region: str = "US") -> str:
    """The canonical string for ``value`` of ``entity_type`` (hashed afterwards, never stored)."""
    kind = family(entity_type)
    if kind == "email":
        return unicodedata.normalize("NFKC", value).strip().casefold()
    if kind == "phone":
        return _phone(value, default_phone_region)
    if kind == "card":
        return _NON_DIGIT.sub("", value)
    if kind in ("iban", "natid"):
        return _NON_ALNUM.sub("", value).upper()
    if kind == "ip":
        return _ip(value)
    if kind == "name":
        return person_name(value)
    if kind == "address":
        # case, spacing and punctuation folded: "Hauptstraße 5" = "HAUPTSTRASSE, 5"
        return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", value).casefold()).strip()
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", value)).strip().casefold()
