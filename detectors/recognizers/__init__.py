"""bleedwatch's own Presidio recognizers."""

from .names import candidate_names
from .phones import FastPhoneRecognizer
from .secrets import SECRET, AssignedSecretRecognizer, VendorSecretRecognizer, shannon_entropy

__all__ = [
    "SECRET",
    "AssignedSecretRecognizer",
    "FastPhoneRecognizer",
    "VendorSecretRecognizer",
    "candidate_names",
    "shannon_entropy",
]
