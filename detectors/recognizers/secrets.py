"""API keys and secrets, declared as Presidio pattern recognizers.

Vendor formats have fixed prefixes and lengths. The generic ``key = value`` pattern only
fires on high-entropy values, so ``password = "changeme"`` in docs is not a secret.
"""

from __future__ import annotations

import math
from collections import Counter

from presidio_analyzer import Pattern, PatternRecognizer

SECRET = "SECRET"

_VENDOR_PATTERNS = [
    Pattern("aws_access_key", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b", 0.9),
    Pattern("github_token", r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b", 0.95),
    Pattern("github_pat", r"\bgithub_pat_[A-Za-z0-9_]{60,255}\b", 0.95),
    Pattern("slack_token", r"\bxox[abprs]-[A-Za-z0-9-]{10,120}\b", 0.9),
    Pattern("stripe_key", r"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,99}\b", 0.95),
    Pattern("openai_key", r"\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,200}\b", 0.85),
    Pattern("google_api_key", r"\bAIza[0-9A-Za-z_-]{35}\b", 0.9),
    Pattern("jwt", r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b", 0.85),
    Pattern("private_key", r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----", 0.99),
]

# The value after a secret-ish key name; the key name itself is not part of the match.
_GENERIC = Pattern(
    "assigned_secret",
    r"(?<=\b(?:api[_-]?key|secret|token|passwd|password|access[_-]?key|client[_-]?secret)"
    r"[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9_\-+/=.]{16,128}",
    0.5,
)


def shannon_entropy(value: str) -> float:
    counts = Counter(value)
    total = len(value)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


class VendorSecretRecognizer(PatternRecognizer):
    """Credentials whose format is published by their issuer."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity=SECRET,
            patterns=_VENDOR_PATTERNS,
            name="VendorSecretRecognizer",
            context=["key", "token", "secret", "credential", "api"],
        )


class AssignedSecretRecognizer(PatternRecognizer):
    """``api_key = <value>``-style assignments with a random-looking value."""

    MIN_ENTROPY = 3.5

    def __init__(self) -> None:
        super().__init__(supported_entity=SECRET, patterns=[_GENERIC], name="AssignedSecretRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        has_digit = any(c.isdigit() for c in pattern_text)
        has_alpha = any(c.isalpha() for c in pattern_text)
        return has_digit and has_alpha and shannon_entropy(pattern_text) >= self.MIN_ENTROPY
