"""bleedwatch's own Presidio recognizers."""

from .names import candidate_names
from .secrets import SECRET, AssignedSecretRecognizer, VendorSecretRecognizer, shannon_entropy

__all__ = [
    "SECRET",
    "AssignedSecretRecognizer",
    "VendorSecretRecognizer",
    "candidate_names",
    "shannon_entropy",
]
