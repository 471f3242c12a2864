"""bleedwatch's own Presidio recognizers."""

from .addresses import POSTAL_ADDRESS, VALUE_KEY, PostalAddressRecognizer
from .names import candidate_names
from .numbers import CodeAwareIpRecognizer, LooseNumberRecognizer, luhn
from .phones import FastPhoneRecognizer
from .secrets import (
    ATTRIBUTED_ONLY,
    SECRET,
    AssignedSecretRecognizer,
    CodeSecretRecognizer,
    VendorSecretRecognizer,
    shannon_entropy,
)

__all__ = [
    "ATTRIBUTED_ONLY",
    "POSTAL_ADDRESS",
    "SECRET",
    "VALUE_KEY",
    "AssignedSecretRecognizer",
    "CodeAwareIpRecognizer",
    "CodeSecretRecognizer",
    "FastPhoneRecognizer",
    "LooseNumberRecognizer",
    "PostalAddressRecognizer",
    "VendorSecretRecognizer",
    "candidate_names",
    "luhn",
    "shannon_entropy",
]
