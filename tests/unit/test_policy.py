from __future__ import annotations

from bleedwatch.detectors import Policy
from bleedwatch.models import Action, FindingType


def test_defaults_block_leaks_and_high_risk_pii_and_alert_on_the_rest() -> None:
    policy = Policy()
    assert policy.action_for("t", FindingType.CROSS_TENANT_PII, "EMAIL_ADDRESS") is Action.BLOCK
    assert policy.action_for("t", FindingType.CROSS_SESSION_PII, "PERSON") is Action.BLOCK
    assert policy.action_for("t", FindingType.FOREIGN_PASSAGE, None) is Action.BLOCK
    assert policy.action_for("t", FindingType.PII_WITHOUT_PROVENANCE, "CREDIT_CARD") is Action.BLOCK
    assert policy.action_for("t", FindingType.PII_WITHOUT_PROVENANCE, "US_SSN") is Action.BLOCK
    assert policy.action_for("t", FindingType.PII_WITHOUT_PROVENANCE, "SECRET") is Action.BLOCK
    assert policy.action_for("t", FindingType.PII_WITHOUT_PROVENANCE, "EMAIL_ADDRESS") is Action.ALERT
    assert policy.action_for("t", FindingType.PII_WITHOUT_PROVENANCE, "PHONE_NUMBER") is Action.ALERT
    # a bare unexplained name is recorded, not alerted: mostly public figures and authors
    assert policy.action_for("t", FindingType.PII_WITHOUT_PROVENANCE, "PERSON") is Action.ALLOW
    assert policy.action_for("t", FindingType.TOPIC_DRIFT, None) is Action.ALERT


def test_yaml_overrides_defaults_and_per_tenant() -> None:
    policy = Policy.from_yaml(
        """
default:
  topic_drift: block
  pii_without_provenance:
    PHONE_NUMBER: allow
tenants:
  games-inc:
    topic_drift: allow
    cross_session_pii: alert
"""
    )
    assert policy.action_for("acme", FindingType.TOPIC_DRIFT, None) is Action.BLOCK
    assert policy.action_for("acme", FindingType.PII_WITHOUT_PROVENANCE, "PHONE_NUMBER") is Action.ALLOW
    assert policy.action_for("acme", FindingType.PII_WITHOUT_PROVENANCE, "CREDIT_CARD") is Action.BLOCK
    assert policy.action_for("games-inc", FindingType.TOPIC_DRIFT, None) is Action.ALLOW
    assert policy.action_for("games-inc", FindingType.CROSS_SESSION_PII, "PERSON") is Action.ALERT
    # a tenant override inherits the edited defaults, not the built-in ones
    assert policy.action_for("games-inc", FindingType.PII_WITHOUT_PROVENANCE, "PHONE_NUMBER") is Action.ALLOW
    assert Policy().version != policy.version
