"""Seeded multi-tenant traffic with labelled model outputs.

Identities come from Faker in several locales; phone numbers are drawn per country with
``phonenumbers`` and written in national, international or E.164 form; leak content is
another session's real data or text, never built from the detector's patterns.
"""

from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import phonenumbers
from faker import Faker

from .domains import DOMAINS, DRIFT_TEXTS, Domain

LOCALES = {
    "en_US": "US",
    "en_GB": "GB",
    "de_DE": "DE",
    "fr_FR": "FR",
    "es_ES": "ES",
    "it_IT": "IT",
    "nl_NL": "NL",
    "pl_PL": "PL",
    "pt_BR": "BR",
    "sv_SE": "SE",
    "en_IN": "IN",
    "en_AU": "AU",
    "en_IE": "IE",
    "fi_FI": "FI",
    "da_DK": "DK",
    "cs_CZ": "CZ",
}
CLINICIANS = ("Oyelaran", "Nakamura", "Fitzgerald", "Kowalczyk", "Haddad", "Lindqvist")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# class -> (share of outputs, expected action)
CLASSES: dict[str, tuple[float, str]] = {
    "clean_grounded": (0.30, "allow"),
    "clean_general": (0.17, "allow"),
    "clean_public": (0.08, "allow"),
    "cross_session_pii": (0.08, "block"),
    "cross_tenant_pii": (0.08, "block"),
    "foreign_passage": (0.06, "block"),
    "swapped_response": (0.07, "block"),
    "topic_drift": (0.09, "alert"),
    "hallucinated_pii": (0.07, "alert"),
}
LEAK_CLASSES = ("cross_session_pii", "cross_tenant_pii", "foreign_passage", "swapped_response")


@dataclass
class Identity:
    name: str
    first: str
    email: str
    phone: Any  # phonenumbers.PhoneNumber
    region: str
    iban: str
    card: str
    ref: str

    def phone_as(self, style: str) -> str:
        fmt = {
            "national": phonenumbers.PhoneNumberFormat.NATIONAL,
            "international": phonenumbers.PhoneNumberFormat.INTERNATIONAL,
            "e164": phonenumbers.PhoneNumberFormat.E164,
        }[style]
        return str(phonenumbers.format_number(self.phone, fmt))


@dataclass
class Session:
    tenant: Domain
    session_id: str
    who: Identity
    start: float
    note: str | None = None
    answers: list[str] = field(default_factory=list)  # grounded answers: personal to the session
    clinician: str = ""


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers = {loc: Faker(loc) for loc in LOCALES}
        for i, fake in enumerate(self.fakers.values()):
            fake.seed_instance(seed * 100 + i)
        self.t0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
        self.events: list[tuple[float, dict[str, Any]]] = []
        self.labels: list[dict[str, Any]] = []
        self.sessions: list[Session] = []
        self.first_reader: dict[str, Session] = {}  # note -> the first session that retrieved it
        self._ids = 0

    # -- identities --------------------------------------------------------------------------
    def _phone(self, region: str) -> Any:
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        base = str(example.national_number)
        for _ in range(50):
            digits = base[:-4] + "".join(self.rng.choice(string.digits) for _ in range(4))
            number = phonenumbers.parse(digits, region)
            if phonenumbers.is_valid_number(number):
                return number
        return example

    def identity(self) -> Identity:
        locale = self.rng.choice(list(LOCALES))
        fake = self.fakers[locale]
        first, last = fake.first_name(), fake.last_name()
        user = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
        user = "".join(c for c in user if c.isascii() and (c.isalnum() or c == ".")) or "user"
        domain = self.rng.choice(
            ("example.com", "mail.example.org", "post.example.net", fake.free_email_domain())
        )
        return Identity(
            name=f"{first} {last}",
            first=first,
            email=f"{user}{self.rng.randint(1, 99)}@{domain}",
            phone=self._phone(LOCALES[locale]),
            region=LOCALES[locale],
            iban=fake.iban(),
            card=fake.credit_card_number(),
            ref="".join(self.rng.choices(string.ascii_uppercase, k=2)) + str(self.rng.randint(10000, 99999)),
        )

    # -- events ------------------------------------------------------------------------------
    def _emit(self, session: Session, kind: str, at: float, content: str, **meta: Any) -> str:
        self._ids += 1
        event_id = f"ev-{self._ids:06d}"
        event = {
            "event_id": event_id,
            "tenant_id": session.tenant.tenant,
            "session_id": session.session_id,
            "kind": kind,
            "timestamp": (self.t0 + timedelta(seconds=at)).isoformat().replace("+00:00", "Z"),
            "content": content,
        }
        if meta:
            event["metadata"] = meta
        self.events.append((at, event))
        return event_id

    def _fill(self, template: str, who: Identity, session: Session) -> str:
        rng = self.rng
        email = who.email
        return template.format(
            name=who.name,
            first=who.first,
            email=rng.choice((email, email.capitalize())),
            email_upper=email.upper(),
            phone=who.phone_as(rng.choice(("national", "international"))),
            phone_alt=who.phone_as(rng.choice(("e164", "international", "national"))),
            account=who.iban,
            account_spaced=" ".join(who.iban[i : i + 4] for i in range(0, len(who.iban), 4)),
            last4=who.card[-4:],
            amount=rng.choice((120, 740, 2300, 85)),
            ref=who.ref,
            weekday=rng.choice(WEEKDAYS),
            clinician=session.clinician,
        )

    def _record(self, session: Session) -> str:
        who = session.who
        values = {
            "email": who.email,
            "phone": who.phone_as("national"),
            "iban": who.iban,
            "card": who.card,
            "nhs_ref": who.ref,
            "ticket": who.ref,
            "matter": who.ref,
            "booking": who.ref,
        }
        record: dict[str, str] = {f: values.get(f, who.name) for f in session.tenant.record_fields}
        if session.tenant.tenant == "cityclinic":
            record["clinician"] = "Dr. " + session.clinician
        return json.dumps({"tool": "records.lookup", "status": "ok", "result": record})

    def open_session(self, n: int) -> Session:
        tenant = self.rng.choice(DOMAINS)
        session = Session(
            tenant,
            f"{tenant.tenant[:4]}-{n:05d}",
            self.identity(),
            start=n * 7.0,
            clinician=self.rng.choice(CLINICIANS),
        )
        at = session.start
        who = session.who
        intro = self.rng.choice((f"Hi, this is {who.name}. ", f"Hello, {who.first} here. ", ""))
        question = self.rng.choice(tenant.questions).format(amount=740)
        contact = self.rng.choice(("", f" You can reach me at {who.email}.", ""))
        self._emit(session, "user_input", at, intro + question + contact)
        self._emit(session, "tool_trace", at + 1.0, self._record(session), tool="records.lookup")
        self._emit(session, "retrieved_context", at + 1.5, self.rng.choice(tenant.policies), doc_id="policy")
        if self.rng.random() < 0.35:
            session.note = self.rng.choice(tenant.notes)
            self.first_reader.setdefault(session.note, session)
            self._emit(session, "retrieved_context", at + 1.8, session.note, doc_id="note")
        self.sessions.append(session)
        return session

    def output(self, session: Session, at: float, cls: str) -> None:
        rng, tenant = self.rng, session.tenant
        label: dict[str, Any] = {"class": cls, "expected_action": CLASSES[cls][1]}
        if cls == "clean_grounded":
            text = self._fill(rng.choice(tenant.grounded_answers), session.who, session)
        elif cls == "clean_general":
            text = rng.choice(tenant.general_answers)
        elif cls == "clean_public":
            text = rng.choice(tenant.public)
        elif cls == "topic_drift":
            text = rng.choice(DRIFT_TEXTS)
        elif cls == "hallucinated_pii":
            text = self._fill(rng.choice(tenant.grounded_answers), self.identity(), session)
        else:
            source = self._source(session, cls)
            if source is None:
                return self.output(session, at, "clean_general")
            if cls == "foreign_passage" and source.note is not None:
                source = self.first_reader[source.note]  # where that text was first seen
            label |= {"source_session": source.session_id, "source_tenant": source.tenant.tenant}
            if cls in ("cross_session_pii", "cross_tenant_pii"):
                text = self._fill(rng.choice(tenant.grounded_answers), source.who, source)
            elif cls == "foreign_passage":
                assert source.note is not None
                words = source.note.split()
                cut = rng.randint(0, max(0, len(words) - 22))
                text = "Here is what I found: " + " ".join(words[cut : cut + rng.randint(18, 30)])
            else:  # swapped_response
                text = rng.choice(source.answers)
        event_id = self._emit(session, "model_output", at, text)
        if cls == "clean_grounded":
            session.answers.append(text)
        self.labels.append({"event_id": event_id, **label})

    def _source(self, session: Session, cls: str) -> Session | None:
        others = [s for s in self.sessions if s is not session]
        if cls == "cross_session_pii":
            pool = [s for s in others if s.tenant is session.tenant]
        elif cls == "cross_tenant_pii":
            pool = [s for s in others if s.tenant is not session.tenant]
        elif cls == "foreign_passage":
            pool = [s for s in others if s.tenant is not session.tenant and s.note]
        else:
            pool = [s for s in others if s.answers and len(s.answers[0]) > 80]
        return self.rng.choice(pool[-60:]) if pool else None


def generate(events: int = 5000, seed: int = 1) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """About ``events`` events in arrival order, and one label per model output."""
    gen = Generator(seed)
    names, weights = zip(*[(c, w) for c, (w, _) in CLASSES.items()], strict=True)
    n = 0
    while len(gen.events) < events:
        session = gen.open_session(n)
        for k in range(gen.rng.randint(2, 4)):
            at = session.start + 3.0 + k * gen.rng.uniform(5, 40)
            if k > 0 and gen.rng.random() < 0.5:
                follow = gen.rng.choice(session.tenant.questions).format(amount=120)
                gen._emit(session, "user_input", at - 1.0, follow)
            cls = gen.rng.choices(names, weights)[0] if k > 0 else "clean_grounded"
            gen.output(session, at, cls)
        n += 1
    ordered = [e for _, e in sorted(gen.events, key=lambda x: x[0])][:events]
    kept = {e["event_id"] for e in ordered}
    return ordered, [label for label in gen.labels if label["event_id"] in kept]
