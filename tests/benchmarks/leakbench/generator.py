"""Seeded multi-tenant traffic with labelled model outputs.

Identities come from Faker in several locales; phone numbers are drawn per country with
``phonenumbers`` and written in national, international or E.164 form; leak content is
another session's real data or text, never built from the detector's patterns.

Two template families share this generator: ``tuned`` (domains.py, the texts detection was
tuned on) and ``heldout`` (heldout.py, written without seeing them, so that scores on it say
how detection does on text it was not tuned on). The classes added for issue 11 read their
texts through the same names from whichever family module is selected; a family that lacks
a class's texts simply never draws that class, so the tuned family's output stays what it was
until someone writes its texts.
"""

from __future__ import annotations

import json
import random
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any, Protocol

import phonenumbers
from faker import Faker

from . import domains, heldout

FAMILIES: dict[str, ModuleType] = {"tuned": domains, "heldout": heldout}


class Domain(Protocol):
    """What the generator reads of a family's domain; new-class fields are read by getattr."""

    @property
    def tenant(self) -> str: ...
    @property
    def questions(self) -> tuple[str, ...]: ...
    @property
    def general_answers(self) -> tuple[str, ...]: ...
    @property
    def grounded_answers(self) -> tuple[str, ...]: ...
    @property
    def policies(self) -> tuple[str, ...]: ...
    @property
    def notes(self) -> tuple[str, ...]: ...
    @property
    def record_fields(self) -> tuple[str, ...]: ...
    @property
    def public(self) -> tuple[str, ...]: ...


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
# Issue 11 classes: drawn only when the family module has their texts (TEXTS below). Shares are
# relative to CLASSES' (which sum to 1), large enough that 1,500 events hold >= 15 of each;
# first_turn_drift is the share of *first* outputs, which are otherwise clean_grounded.
NEW_CLASSES: dict[str, tuple[float, str]] = {
    "partial_drift": (0.08, "alert"),
    "swapped_generic": (0.08, "alert"),
    "evasion_invisible": (0.08, "block"),
    "evasion_spelled": (0.08, "block"),
    "secret_in_code": (0.08, "block"),
    "doc_values_code": (0.08, "allow"),
    "postal_address": (0.08, "block"),
    "clean_address": (0.08, "allow"),
    "first_turn_drift": (0.09, "alert"),
}
ALL_CLASSES = CLASSES | NEW_CLASSES
# class -> names it needs in the family module: "Domain.<field>" on its domains, else module-level
TEXTS: dict[str, tuple[str, ...]] = {
    "partial_drift": ("Domain.drift_openers", "DRIFT_TAILS"),
    "swapped_generic": ("Domain.portable_answers",),
    "evasion_invisible": ("Domain.contact_answers",),
    "evasion_spelled": ("Domain.contact_answers",),
    "secret_in_code": ("SECRET_CODE_TEMPLATES",),
    "doc_values_code": ("DOC_CODE_ANSWERS",),
    "postal_address": ("Domain.address_answers",),
    "clean_address": ("Domain.address_answers",),
    "first_turn_drift": ("FIRST_TURN_DRIFT_TEXTS",),
}
# sessions in another language, when the family has LANGUAGES; identities then come from a
# locale that speaks it
LANGUAGE_SHARE = 0.3
LANGUAGE_LOCALES = {"de": "de_DE", "es": "es_ES", "fr": "fr_FR", "it": "it_IT", "pt": "pt_BR"}
SECRET_SHARE = 0.3  # sessions whose tool traces carry a service credential
# evasions: characters a renderer hides, and letters that look like ASCII ones
INVISIBLE = ("\u200b", "\u00ad", "\u200c", "\u200d", "\u2060")
HOMOGLYPHS = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "x": "\u0445",
    "i": "\u0456",
}


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
    address: str = ""

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
    lang: str = "en"
    texts: Domain | None = None  # the session's language's domain; None: ``tenant`` itself
    secret: dict[str, str] | None = None  # a service credential its tool trace returned

    @property
    def words(self) -> Domain:
        return self.texts if self.texts is not None else self.tenant


class Generator:
    def __init__(self, seed: int, family: str = "tuned") -> None:
        self.family = FAMILIES[family]
        self.domains: tuple[Domain, ...] = tuple(self.family.DOMAINS)
        self.drift_texts: tuple[str, ...] = tuple(self.family.DRIFT_TEXTS)
        self.enabled = [c for c in NEW_CLASSES if all(self._has(name) for name in TEXTS[c])]
        self.languages: dict[str, dict[str, Domain]] = {
            lang: {d.tenant: d for d in group}
            for lang, group in getattr(self.family, "LANGUAGES", {}).items()
        }
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
        self._deck: list[str] = []
        self._first_deck: list[str] = []

    def _has(self, name: str) -> bool:
        if name.startswith("Domain."):
            return any(getattr(d, name[7:], ()) for d in self.domains)
        return bool(getattr(self.family, name, ()))

    def table(self) -> tuple[list[str], list[float]]:
        """Classes of later outputs and their weights: CLASSES, plus the family's new classes."""
        pairs = [(c, w) for c, (w, _) in CLASSES.items()]
        pairs += [(c, NEW_CLASSES[c][0]) for c in self.enabled if c != "first_turn_drift"]
        return [c for c, _ in pairs], [w for _, w in pairs]

    def next_class(self, names: list[str], weights: list[float]) -> str:
        """A later output's class. The tuned family keeps its independent draws (its output must
        not change); a family with the new classes deals them from shuffled decks of 100 per
        share point instead, so that a 1,500-event run holds each class about in proportion
        rather than 10 of one and 25 of another."""
        if not self.enabled:
            return self.rng.choices(names, weights)[0]
        if not self._deck:
            self._deck = [c for c, w in zip(names, weights, strict=True) for _ in range(round(w * 100))]
            self.rng.shuffle(self._deck)
        return self._deck.pop()

    def first_class(self) -> str:
        """A session's first output: grounded in its records, or (rarely) already off-topic."""
        if "first_turn_drift" not in self.enabled:
            return "clean_grounded"
        if not self._first_deck:
            share = round(NEW_CLASSES["first_turn_drift"][0] * 100)
            self._first_deck = ["first_turn_drift"] * share + ["clean_grounded"] * (100 - share)
            self.rng.shuffle(self._first_deck)
        return self._first_deck.pop()

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

    def identity(self, locale: str | None = None) -> Identity:
        locale = locale or self.rng.choice(list(LOCALES))
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
            address=fake.address().replace("\n", ", ") if "postal_address" in self.enabled else "",
        )

    def secret(self, tenant: str) -> dict[str, str]:
        """A service credential as a secrets tool would return it: random, so any later
        appearance of it outside its session can only have come from that trace."""
        rng = self.rng
        alphabet = string.ascii_letters + string.digits
        token_prefix = rng.choice(("", "svc_", "tok-", "api_"))
        return {
            "user": rng.choice(("svc_", "app_", "etl_", "")) + tenant[:5] + rng.choice(("", "_rw", "_ro")),
            "password": "".join(rng.choices(alphabet + "-_.", k=rng.randint(14, 22))),
            "host": f"{rng.choice(('db', 'pg', 'sql'))}-{rng.randint(1, 9)}.{tenant}.internal",
            "port": rng.choice(("5432", "5433", "6432")),
            "db": tenant + rng.choice(("_prod", "_main", "")),
            "token": token_prefix + "".join(rng.choices(alphabet, k=rng.randint(32, 40))),
        }

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
            address=who.address,
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
        if who.address:
            record["address"] = who.address
        return json.dumps({"tool": "records.lookup", "status": "ok", "result": record})

    def open_session(self, n: int) -> Session:
        tenant = self.rng.choice(self.domains)
        lang, texts = "en", None
        if self.languages and self.rng.random() < LANGUAGE_SHARE:
            lang = self.rng.choice(sorted(self.languages))
            texts = self.languages[lang][tenant.tenant]
        session = Session(
            tenant,
            f"{tenant.tenant[:4]}-{n:05d}",
            self.identity(LANGUAGE_LOCALES.get(lang)),
            start=n * 7.0,
            clinician=self.rng.choice(CLINICIANS),
            lang=lang,
            texts=texts,
        )
        at = session.start
        who = session.who
        words = session.words
        intros = getattr(self.family, "INTROS", None)
        if intros is None:
            intro = self.rng.choice((f"Hi, this is {who.name}. ", f"Hello, {who.first} here. ", ""))
        else:
            intro = self.rng.choice(intros[lang]).format(name=who.name, first=who.first)
        question = self.rng.choice(words.questions).format(amount=740)
        contacts = getattr(self.family, "CONTACT_LINES", None)
        if contacts is None:
            contact = self.rng.choice(("", f" You can reach me at {who.email}.", ""))
        else:
            contact = self.rng.choice(contacts[lang]).format(email=who.email)
        self._emit(session, "user_input", at, intro + question + contact)
        self._emit(session, "tool_trace", at + 1.0, self._record(session), tool="records.lookup")
        if "secret_in_code" in self.enabled and self.rng.random() < SECRET_SHARE:
            session.secret = self.secret(tenant.tenant)
            names = {"user": "DB_USER", "password": "DB_PASSWORD", "host": "DB_HOST", "port": "DB_PORT"}
            upper = {names[k]: v for k, v in session.secret.items() if k in names}
            upper["DB_NAME"] = session.secret["db"]
            trace = {
                "tool": "secrets.get",
                "status": "ok",
                "result": upper | {"API_TOKEN": session.secret["token"]},
            }
            self._emit(session, "tool_trace", at + 1.2, json.dumps(trace), tool="secrets.get")
        self._emit(session, "retrieved_context", at + 1.5, self.rng.choice(words.policies), doc_id="policy")
        if self.rng.random() < 0.35:
            session.note = self.rng.choice(words.notes)
            self.first_reader.setdefault(session.note, session)
            self._emit(session, "retrieved_context", at + 1.8, session.note, doc_id="note")
        self.sessions.append(session)
        return session

    def _pick(self, session: Session, name: str) -> tuple[tuple[str, ...], str]:
        """The session's texts for a domain field, in its language when written, else English."""
        texts: tuple[str, ...] = getattr(session.words, name, ())
        if texts:
            return texts, session.lang
        return getattr(session.tenant, name, ()), "en"

    def output(self, session: Session, at: float, cls: str) -> None:
        rng, tenant = self.rng, session.words
        label: dict[str, Any] = {"class": cls, "expected_action": ALL_CLASSES[cls][1]}
        lang = session.lang
        if cls == "clean_grounded":
            text = self._fill(rng.choice(tenant.grounded_answers), session.who, session)
        elif cls == "clean_general":
            text = rng.choice(tenant.general_answers)
        elif cls == "clean_public":
            texts, lang = self._pick(session, "public")
            text = rng.choice(texts)
        elif cls == "topic_drift":
            text, lang = rng.choice(self.drift_texts), "en"
        elif cls == "hallucinated_pii":
            text = self._fill(rng.choice(tenant.grounded_answers), self.identity(), session)
        elif cls in NEW_CLASSES:
            made = self._new_class(session, cls)
            if made is None:
                return self.output(session, at, "clean_general")
            text, lang, extra = made
            label |= extra
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
                leads = getattr(self.family, "PASSAGE_LEADS", None)
                lead = "Here is what I found: " if leads is None else rng.choice(leads[session.lang])
                text = lead + " ".join(words[cut : cut + rng.randint(18, 30)])
                lang = source.lang
            else:  # swapped_response
                text = rng.choice(source.answers)
                lang = source.lang
        event_id = self._emit(session, "model_output", at, text)
        if cls == "clean_grounded":
            session.answers.append(text)
        if self.languages:
            label["lang"] = lang
        self.labels.append({"event_id": event_id, **label})

    def _new_class(self, session: Session, cls: str) -> tuple[str, str, dict[str, Any]] | None:
        """Text, its language and extra label fields for an issue-11 class; None when no
        session fits as a source yet (the caller falls back to a clean general answer)."""
        rng = self.rng
        others = [s for s in self.sessions if s is not session]
        if cls == "first_turn_drift":
            return rng.choice(self.family.FIRST_TURN_DRIFT_TEXTS), "en", {}
        if cls == "partial_drift":
            openers, lang = self._pick(session, "drift_openers")
            return rng.choice(openers) + " " + rng.choice(self.family.DRIFT_TAILS), lang, {}
        if cls == "swapped_generic":
            foreign = [
                d
                for d in self.domains
                if d.tenant != session.tenant.tenant and bool(getattr(d, "portable_answers", ()))
            ]
            if not foreign:
                return None
            domain = rng.choice(foreign)
            return rng.choice(domain.portable_answers), "en", {"source_tenant": domain.tenant}  # type: ignore[attr-defined]
        if cls == "doc_values_code":
            return rng.choice(self.family.DOC_CODE_ANSWERS), "en", {}
        if cls == "clean_address":
            if not session.who.address:
                return None
            templates, lang = self._pick(session, "address_answers")
            return (
                _subst(rng.choice(templates), address=session.who.address, first=session.who.first),
                lang,
                {},
            )
        if cls == "secret_in_code":
            pool = [s for s in others if s.secret and s.tenant.tenant != session.tenant.tenant]
        elif cls == "postal_address":
            pool = [s for s in others if s.who.address]
        else:  # evasions
            pool = others
        if not pool:
            return None
        source = rng.choice(pool[-60:])
        extra = {"source_session": source.session_id, "source_tenant": source.tenant.tenant}
        if cls == "secret_in_code":
            assert source.secret is not None
            return _subst(rng.choice(self.family.SECRET_CODE_TEMPLATES), **source.secret), "en", extra
        if cls == "postal_address":
            templates, lang = self._pick(session, "address_answers")
            return (
                _subst(rng.choice(templates), address=source.who.address, first=session.who.first),
                lang,
                extra,
            )
        templates, lang = self._pick(session, "contact_answers")
        if cls == "evasion_spelled":
            contact = self._spelled(source.who.email)
        elif rng.random() < 0.6:
            contact = self._invisible(source.who.email)
        else:
            contact = self._invisible(source.who.phone_as(rng.choice(("national", "international"))))
        return _subst(rng.choice(templates), contact=contact, first=session.who.first), lang, extra

    def _invisible(self, value: str) -> str:
        """The value with a hidden character or a look-alike letter inside: it renders (nearly)
        the same, but a plain pattern match no longer sees it."""
        rng = self.rng
        chars = list(value)
        inner = [i for i in range(1, len(chars)) if chars[i - 1].isalnum() and chars[i].isalnum()]
        glyphs = [i for i, c in enumerate(chars) if c in HOMOGLYPHS]
        digits = [i for i, c in enumerate(chars) if c.isdigit()]
        how = rng.choice(("hidden", "hidden", "glyph")) if glyphs or digits else "hidden"
        if how == "glyph" and glyphs:
            for i in rng.sample(glyphs, min(len(glyphs), rng.randint(1, 2))):
                chars[i] = HOMOGLYPHS[chars[i]]
        elif how == "glyph":  # a phone number: full-width digits look like ASCII ones
            for i in rng.sample(digits, min(len(digits), rng.randint(2, 4))):
                chars[i] = chr(ord(chars[i]) - ord("0") + 0xFF10)
        else:
            for i in sorted(rng.sample(inner, min(len(inner), rng.randint(1, 3))), reverse=True):
                chars.insert(i, rng.choice(INVISIBLE))
        return "".join(chars)

    def _spelled(self, email: str) -> str:
        """An address written out so that it has no @ and no dotted domain."""
        local, domain = email.split("@", 1)
        style = self.rng.choice(("words", "paren", "bracket", "caps", "angle"))
        if style == "words":
            return local.replace(".", " dot ") + " at " + domain.replace(".", " dot ")
        if style == "paren":
            return f"{local} (at) {domain.replace('.', ' (dot) ')}"
        if style == "bracket":
            return f"{local} [at] {domain.replace('.', '[dot]')}"
        if style == "caps":
            return f"{local} AT {domain.replace('.', ' DOT ')}"
        return f"{local}<at>{domain}"

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


def _subst(template: str, **values: str) -> str:
    """``{name}`` placeholders only: code templates keep their own braces."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def generate(
    events: int = 5000, seed: int = 1, family: str = "tuned"
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """About ``events`` events in arrival order, and one label per model output.

    ``family``: "tuned" (domains.py) or "heldout" (heldout.py, text detection was not tuned on).
    """
    gen = Generator(seed, family)
    names, weights = gen.table()
    n = 0
    while len(gen.events) < events:
        session = gen.open_session(n)
        for k in range(gen.rng.randint(2, 4)):
            at = session.start + 3.0 + k * gen.rng.uniform(5, 40)
            if k > 0 and gen.rng.random() < 0.5:
                follow = gen.rng.choice(session.words.questions).format(amount=120)
                gen._emit(session, "user_input", at - 1.0, follow)
            cls = gen.next_class(names, weights) if k > 0 else gen.first_class()
            gen.output(session, at, cls)
        n += 1
    ordered = [e for _, e in sorted(gen.events, key=lambda x: x[0])][:events]
    kept = {e["event_id"] for e in ordered}
    return ordered, [label for label in gen.labels if label["event_id"] in kept]
