"""Documentation values: reserved domains, documentation networks, fictional phone numbers,
published test cards and IBANs (the lists live in :class:`.config.DocumentationValues`).

They are printed in every tutorial and SDK, so seeing one proves nothing about anyone. The
rule (applied by the judge) is that such a value in an answer is reported only when the
attribution index says a session supplied it: then it was somebody's data in this system and
quoting it in another session is a leak like any other.

A reserved domain is a namespace, not a value: ``user@example.com`` is the documentation
address, but ``ana.ruiz17@example.com`` is written as a person's address, the way test data
and synthetic customer records (and the leak benchmark) write them. So an address is a
documentation value only when its domain is reserved *and* its local part is a placeholder
(``user``, ``john.doe``, ``alice``, ``test42``, ...). The other kinds are specific values
(a test card, a documentation IBAN, a 555-01xx number, an address in 192.0.2.0/24), and are
documentation values as they stand.
"""

from __future__ import annotations

import ipaddress
import re

from .config import DocumentationValues
from .normalize import family, normalize

_NON_DIGIT = re.compile(r"\D+")


class DocumentationMatcher:
    def __init__(self, config: DocumentationValues) -> None:
        self.domains = tuple(d.lower().strip(".") for d in config.domains)
        self.placeholder_locals = frozenset(p.casefold() for p in config.placeholder_locals)
        self.networks = [ipaddress.ip_network(n, strict=False) for n in config.ip_networks]
        self.fictional_phones = config.fictional_phone_exchange
        self.cards = {normalize("CREDIT_CARD", v) for v in config.card_numbers}
        self.ibans = {normalize("IBAN_CODE", v) for v in config.ibans}
        self.extra = list(config.extra_values)
        self._extra_by_family: dict[str, set[str]] = {}

    def matches(self, entity_type: str, surface: str, canonical: str) -> bool:
        """Whether a value (as read, and in canonical form) is a documentation value."""
        kind = family(entity_type)
        if self.extra and canonical in self._extras(entity_type, kind):
            return True
        if kind == "email":
            local, _, domain = canonical.rpartition("@")
            reserved = any(domain == d or domain.endswith("." + d) for d in self.domains)
            return reserved and local.rstrip("0123456789") in self.placeholder_locals
        if kind == "ip":
            try:
                address = ipaddress.ip_address(canonical)
            except ValueError:
                return False
            return any(address.version == n.version and address in n for n in self.networks)
        if kind == "phone":
            return self.fictional_phones and _fictional_nanp(surface)
        if kind == "card":
            return canonical in self.cards
        if kind == "iban":
            return canonical in self.ibans
        return False

    def _extras(self, entity_type: str, kind: str) -> set[str]:
        found = self._extra_by_family.get(kind)
        if found is None:
            found = self._extra_by_family[kind] = {normalize(entity_type, v) for v in self.extra}
        return found


def _fictional_nanp(surface: str) -> bool:
    """555-0100 to 555-0199, with or without an area code and a leading 1."""
    digits = _NON_DIGIT.sub("", surface)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10:
        digits = digits[3:]
    return len(digits) == 7 and digits.startswith("55501")
