"""From findings to an action: a YAML policy with per-tenant overrides.

```yaml
default:
  cross_tenant_pii: block
  cross_session_pii: block
  foreign_passage: block
  topic_drift: alert
  pii_without_provenance:
    default: alert
    CREDIT_CARD: block
tenants:
  acme:
    topic_drift: allow
```
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from bleedwatch.models import Action, Finding, FindingType

HIGH_RISK_ENTITIES = ("CREDIT_CARD", "US_SSN", "UK_NINO", "IBAN_CODE", "SECRET")


class Rule(BaseModel):
    """An action, optionally refined per entity type."""

    model_config = ConfigDict(extra="forbid")

    default: Action
    by_entity: dict[str, Action] = Field(default_factory=dict)

    def action_for(self, entity_type: str | None) -> Action:
        if entity_type is not None and entity_type in self.by_entity:
            return self.by_entity[entity_type]
        return self.default


def _default_rules() -> dict[FindingType, Rule]:
    return {
        FindingType.CROSS_TENANT_PII: Rule(default=Action.BLOCK),
        FindingType.CROSS_SESSION_PII: Rule(default=Action.BLOCK),
        FindingType.FOREIGN_PASSAGE: Rule(default=Action.BLOCK),
        FindingType.TOPIC_DRIFT: Rule(default=Action.ALERT),
        # A bare name the session never mentioned is most often a public figure or an author;
        # names alert when they are attributed to another session (the leak evidence).
        FindingType.PII_WITHOUT_PROVENANCE: Rule(
            default=Action.ALERT,
            by_entity={"PERSON": Action.ALLOW, **{e: Action.BLOCK for e in HIGH_RISK_ENTITIES}},
        ),
    }


def _parse_rules(raw: Mapping[str, Any], base: Mapping[FindingType, Rule]) -> dict[FindingType, Rule]:
    rules = dict(base)
    for name, value in raw.items():
        finding = FindingType(name)
        if isinstance(value, str):
            rules[finding] = Rule(default=Action(value))
        else:
            value = dict(value)
            default = Action(value.pop("default", rules[finding].default))
            by_entity = {**rules[finding].by_entity, **{k: Action(v) for k, v in value.items()}}
            rules[finding] = Rule(default=default, by_entity=by_entity)
    return rules


class Policy:
    def __init__(
        self,
        default: Mapping[FindingType, Rule] | None = None,
        tenants: Mapping[str, Mapping[FindingType, Rule]] | None = None,
        source: str = "builtin",
    ) -> None:
        self._default = dict(default or _default_rules())
        self._tenants = {t: dict(r) for t, r in (tenants or {}).items()}
        self.version = hashlib.sha256(source.encode()).hexdigest()[:8]

    @classmethod
    def from_yaml(cls, text: str) -> Policy:
        raw = yaml.safe_load(text) or {}
        default = _parse_rules(raw.get("default") or {}, _default_rules())
        tenants = {str(t): _parse_rules(r or {}, default) for t, r in (raw.get("tenants") or {}).items()}
        return cls(default, tenants, source=text)

    @classmethod
    def from_file(cls, path: Path | None) -> Policy:
        return cls() if path is None else cls.from_yaml(path.read_text())

    def action_for(self, tenant_id: str, finding_type: FindingType, entity_type: str | None) -> Action:
        rules = self._tenants.get(tenant_id, self._default)
        return rules[finding_type].action_for(entity_type)

    def decide(self, tenant_id: str, findings: Iterable[Finding]) -> Action:
        return max((f.action for f in findings), key=lambda a: a.severity, default=Action.ALLOW)
