"""API keys and secrets, declared as Presidio pattern recognizers.

Vendor formats have fixed prefixes and lengths. The generic ``key = value`` pattern only
fires on high-entropy values, so ``password = "changeme"`` in docs is not a secret.

:class:`CodeSecretRecognizer` reads secrets where code and configuration put them: a value
assigned to a secret-like name (``POSTGRES_PASSWORD=...``, ``"api_key": "..."``), the default
of an environment lookup (``os.getenv("DB_PASSWORD", "...")``), the password of a connection
string (``postgres://app:...@db``) and a random-looking token named in prose ("the token is
..."). Only the value is reported, so its fingerprint is the value's wherever it appears: a
password first seen in one session's tool trace and quoted back in another session's code is
attributed to the first.
"""

from __future__ import annotations

import math
from collections import Counter

import regex
from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

SECRET = "SECRET"
# recognition_metadata key: a value too weak in shape to be flagged on its own; it is reported
# only when the attribution index says another session supplied it (see detectors/judge.py).
ATTRIBUTED_ONLY = "bleedwatch_attributed_only"

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
    # "(?<![A-Za-z])", not "\b": "_" is a word character, so "\bpassword" missed POSTGRES_PASSWORD.
    r"(?<=(?<![A-Za-z])(?:api[_-]?key|secret|token|passwd|password|access[_-]?key|client[_-]?secret)"
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


# -- secrets in code and configuration ------------------------------------------------------
# The secret-like word ends the name: DB_PASSWORD, apiKey, "client_secret", STRIPE_TOKEN, SIGNING_KEY.
_WORD = r"(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|key|credentials?|auth)s?"
_CAMEL = r"(?:Pass(?:word|wd|phrase)?|Pwd|Secret|Token|ApiKey|Key|Credentials?|Auth)s?"
_NAME = (
    rf"(?P<name>[A-Za-z0-9_.\-]*?(?:(?<![A-Za-z])(?i:{_WORD})|(?<=[a-z0-9]){_CAMEL}))"
    r"(?![A-Za-z0-9_])"
)
_QUOTED = r"(?P<q>[\"'`])(?P<value>(?:(?!(?P=q))[^\n\\]){4,128})(?P=q)"
_BARE = r"(?P<bare>[^\s\"'`,;)}\]]{8,128})"
_CODE_PATTERNS = {
    # DB_PASSWORD = "...", "api_key": "...", password: ..., POSTGRES_PASSWORD=..., apiKey => "..."
    "assignment": regex.compile(
        rf"(?<![A-Za-z0-9_]){_NAME}[\"'`]?[ \t]*(?::=|=>|==|=|:)[ \t]*(?:{_QUOTED}|{_BARE})"
    ),
    # os.getenv("POSTGRES_PASSWORD", "..."), os.environ.get('API_KEY', default="...")
    "env_default": regex.compile(
        rf"(?:getenv|environ\.get|env\.get|\.get|setdefault|env)\(\s*[\"'`]{_NAME}[\"'`]\s*,\s*"
        rf"(?:default\s*=\s*)?{_QUOTED}"
    ),
    # scheme://user:password@host
    "url_credentials": regex.compile(
        r"\b[A-Za-z][A-Za-z0-9+.\-]{1,20}://(?P<user>[^\s:/@\"']{1,64}):(?P<value>[^\s@/\"']{3,128})@[\w.\-\[]"
    ),
    # "the API token is 9fK2...", "password: 9fK2..."
    "named_token": regex.compile(
        r"(?i:(?<![A-Za-z])(?:password|passwd|secret|token|api[ _-]?key|access[ _-]?key)s?)"
        r"(?:\s+(?:is|was|are)|\s*[:=])?\s+[\"'`]?(?P<value>[A-Za-z0-9_\-+/=.!@#$%^&*~]{12,128})"
    ),
}
_PLACEHOLDER = regex.compile(
    r"^(?:\$\{?|\{\{|<|%\(|\*{3,}|x{3,}|\.{3})|\{\{|\}\}|\$\{|"
    r"(?i:change[_-]?me|your[_-]|placeholder|redacted|example|dummy|sample|secret[_-]?here|"
    r"password|passwd|replace|insert|todo|fixme|xxx|test)",
)
_IDENTIFIER_LIKE = regex.compile(
    r"^[a-z]+(?:[_:.\-/][a-z0-9]+)*$|^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$"
)
_CALL_LIKE = regex.compile(r"[(\[{$%<>]")


def _classes(value: str) -> int:
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


def strong_secret(value: str) -> bool:
    """Random-looking enough to be a credential on its own: long, letters and digits, high entropy."""
    return (
        len(value) >= 16
        and any(c.isdigit() for c in value)
        and any(c.isalpha() for c in value)
        and shannon_entropy(value) >= AssignedSecretRecognizer.MIN_ENTROPY
    )


def plausible_secret(value: str, bare: bool = False) -> bool:
    """A value that may be a real password, not a placeholder, a variable or a common word."""
    if len(value) < 8 or _PLACEHOLDER.search(value) or _CALL_LIKE.search(value):
        return False
    if _IDENTIFIER_LIKE.match(value) or " " in value.strip():
        return False
    if len(set(value)) < 5 or shannon_entropy(value) < 2.5:
        return False
    if bare:  # an unquoted right-hand side is often code: ask for letters and digits
        return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)
    return _classes(value) >= 2


class CodeSecretRecognizer(EntityRecognizer):
    """Secret values in code, configuration and connection strings (see the module docstring).

    A value that is random-looking on its own (:func:`strong_secret`) is a finding wherever it
    appears. A weaker one ("Pg!2024prod") is a finding only when another session supplied it:
    a code answer may well invent ``password = "S3cret!x"`` as an example, and inventing it
    leaks nothing, while quoting another tenant's real password back is a proven leak.
    """

    SCORE = 0.6

    def __init__(self) -> None:
        super().__init__(supported_entities=[SECRET], name="CodeSecretRecognizer")

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()
        for kind, pattern in _CODE_PATTERNS.items():
            for match in pattern.finditer(text):
                group = "bare" if kind == "assignment" and match.group("bare") is not None else "value"
                value = match.group(group)
                if value is None:
                    continue
                start, end = match.span(group)
                if kind == "named_token" and not strong_secret(value):
                    continue  # prose names a token: only a random-looking one counts
                if kind == "url_credentials":
                    if value == match.group("user") or not _url_password(value):
                        continue
                elif not plausible_secret(value, bare=group == "bare"):
                    continue
                if (start, end) in seen:
                    continue
                seen.add((start, end))
                results.append(self._result(kind, start, end, strong_secret(value)))
        return results

    def _result(self, kind: str, start: int, end: int, strong: bool) -> RecognizerResult:
        name = str(getattr(self, "name", "CodeSecretRecognizer"))
        return RecognizerResult(
            entity_type=SECRET,
            start=start,
            end=end,
            score=self.SCORE,
            analysis_explanation=AnalysisExplanation(
                recognizer=name, original_score=self.SCORE, textual_explanation=f"secret in code: {kind}"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                ATTRIBUTED_ONLY: not strong,
            },
        )


def _url_password(value: str) -> bool:
    """A connection string's password: anything but a placeholder or a template."""
    if _PLACEHOLDER.search(value) or regex.search(r"[{}$<>]", value):
        return False
    return len(value) >= 4 and len(set(value)) >= 3
