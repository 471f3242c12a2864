"""Secrets in code and configuration: the value is the finding, attributed to where it was seen."""

from __future__ import annotations

import json

import pytest

from bleedwatch.detectors import PiiEngine
from bleedwatch.detectors.testing import EventFactory, run
from bleedwatch.models import Action, EventKind

OUT = EventKind.MODEL_OUTPUT
USER = EventKind.USER_INPUT
TOOL = EventKind.TOOL_TRACE

PASSWORD = "Pg!prod-7741x"  # short and weakly random: not a secret by its shape alone


def _types(verdict) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(f.type.value, f.entity_type) for f in verdict.findings]


def _secrets(pii_engine: PiiEngine, text: str) -> list[str]:
    return [s.text for s in pii_engine.analyze_outputs([text])[0] if s.entity_type == "SECRET"]


@pytest.mark.parametrize(
    "text",
    [
        f'db = connect(password=os.getenv("POSTGRES_PASSWORD", "{PASSWORD}"))',
        f'password = os.environ.get("DB_PASSWORD", default="{PASSWORD}")',
        f"POSTGRES_PASSWORD={PASSWORD}x9",
        f'settings = {{"api_key": "{PASSWORD}"}}',
        f"DATABASE_URL = 'postgresql://app:{PASSWORD}@db.internal:5432/app'",
        f"const clientSecret = '{PASSWORD}';",
        f"STRIPE_WEBHOOK_SECRET: '{PASSWORD}'",
    ],
)
def test_secret_values_are_read_where_code_puts_them(pii_engine: PiiEngine, text: str) -> None:
    found = _secrets(pii_engine, text)
    assert len(found) == 1 and found[0].startswith(PASSWORD), found  # the value alone, not the line


@pytest.mark.parametrize(
    "text",
    [
        'password = os.getenv("DB_PASSWORD")',
        'password = "changeme"',
        'DB_PASSWORD = "<your-password>"',
        "DB_PASSWORD=${DB_PASSWORD}",
        "url = 'postgresql://user:password@localhost:5432/app'",
        "url = 'postgresql://postgres:postgres@localhost:5432/app'",
        "token = self.token",
        "primary_key = 'user_id'",
        "cache_key = 'user:123:profile'",
        "monkey = 'Qx7!mPz2xLr9'",
    ],
)
def test_placeholders_variables_and_lookalike_names_are_not_secrets(pii_engine: PiiEngine, text: str) -> None:
    assert _secrets(pii_engine, text) == []


def test_another_tenants_password_as_a_getenv_default_is_a_cross_tenant_block(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    trace = json.dumps({"tool": "vault.read", "result": {"POSTGRES_PASSWORD": PASSWORD, "host": "db-7"}})
    answer = (
        "Here is the connection helper:\n\n"
        "```python\nimport os\n"
        f'conn = psycopg.connect(host="db", password=os.getenv("POSTGRES_PASSWORD", "{PASSWORD}"))\n```'
    )
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("acme", "a1", TOOL, trace, event_id="vault"),
            ev("globex", "g1", USER, "Write me a Python helper that connects to Postgres."),
            ev("globex", "g1", OUT, answer, event_id="code"),
            ev("acme", "a2", USER, "Write me a Python helper that connects to Postgres."),
            ev("acme", "a2", OUT, answer, event_id="same-tenant"),
        ],
    )
    code = sink["code"]
    assert _types(code) == [("cross_tenant_pii", "SECRET")]
    assert code.action is Action.BLOCK
    finding = code.findings[0]
    assert finding.source is not None and finding.source.event_id == "vault"
    assert answer[finding.start : finding.end] == PASSWORD  # the value, not the line
    assert PASSWORD not in code.model_dump_json()
    assert _types(sink["same-tenant"]) == [("cross_session_pii", "SECRET")]


def test_a_sessions_own_secret_is_its_provenance(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev(
                "acme", "a1", USER, f"My .env has POSTGRES_PASSWORD={PASSWORD}, why does the app not connect?"
            ),
            ev(
                "acme",
                "a1",
                OUT,
                f'Use os.getenv("POSTGRES_PASSWORD", "{PASSWORD}") in settings.py.',
                event_id="o",
            ),
        ],
    )
    assert sink["o"].action is Action.ALLOW and sink["o"].findings == []


def test_a_weak_secret_nobody_supplied_is_not_flagged_but_a_random_one_is(make_pipeline) -> None:  # type: ignore[no-untyped-def]
    ev = EventFactory()
    sink = run(
        make_pipeline(),
        [
            ev("acme", "a1", USER, "Show me how to read the database password from the environment."),
            ev("acme", "a1", OUT, f'password = os.getenv("DB_PASSWORD", "{PASSWORD}")', event_id="example"),
            ev(
                "acme",
                "a1",
                OUT,
                'password = os.getenv("DB_PASSWORD", "q8Fz3LmX9vT2kWb7Rn4Y")',
                event_id="random",
            ),
        ],
    )
    assert sink["example"].action is Action.ALLOW and sink["example"].findings == []
    assert _types(sink["random"]) == [("pii_without_provenance", "SECRET")]
    assert sink["random"].action is Action.BLOCK
