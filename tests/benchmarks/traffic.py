"""Synthetic multi-tenant session traffic for the throughput benchmarks (seeded)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from faker import Faker

TOPICS = {
    "bank": (
        "transfer limit card payment account statement fee",
        "Standard accounts may send up to "
        "5,000 euros per day by SEPA transfer; instant transfers are limited to 1,000 euros.",
    ),
    "clinic": (
        "appointment referral physiotherapy prescription results",
        "Appointments can be moved up to 24 hours in advance; bring your referral letter and insurance card.",
    ),
    "code": (
        "python parser test pipeline deploy function error",
        "Use pytest fixtures to share setup between tests; run the suite in CI before every deploy.",
    ),
}


def generate(sessions: int, seed: int = 7, outputs_per_session: int = 2) -> list[bytes]:
    """Events for ``sessions`` sessions, interleaved in time, in arrival order."""
    rng = random.Random(seed)
    fake = Faker(["en_US", "en_GB", "de_DE", "fr_FR"])
    fake.seed_instance(seed)
    t0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    events: list[tuple[float, dict[str, object]]] = []
    for n in range(sessions):
        tenant = rng.choice(list(TOPICS))
        words, doc = TOPICS[tenant]
        name, email, phone = fake.name(), fake.email(), fake.phone_number()
        session = f"{tenant}-s{n}"
        start = rng.uniform(0, sessions * 0.2)
        topic_words = " ".join(rng.sample(words.split(), 3))
        turns = [
            ("user_input", 0.0, f"Hi, I'm {name}. Question about {topic_words}."),
            ("tool_trace", 0.5, json.dumps({"customer_name": name, "email": email, "phone": phone})),
            ("retrieved_context", 0.8, doc),
        ]
        turns += [
            ("model_output", 1.5 + k, f"Thanks {name.split()[0]}. {doc} We will write to {email}.")
            for k in range(outputs_per_session)
        ]
        for i, (kind, offset, content) in enumerate(turns):
            at = start + offset
            event = {
                "event_id": f"{session}-{i}",
                "tenant_id": tenant,
                "session_id": session,
                "kind": kind,
                "timestamp": (t0 + timedelta(seconds=at)).isoformat(),
                "content": content,
            }
            events.append((at, event))
    events.sort(key=lambda e: e[0])
    return [json.dumps(e).encode() for _, e in events]
