"""Human-readable alerts for the terminal (rich). Shows masked values only."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from bleedwatch.models import Action, Verdict

_STYLE = {Action.BLOCK: "bold red", Action.ALERT: "yellow", Action.ALLOW: "green"}


def describe(verdict: Verdict) -> str:
    parts = []
    for f in verdict.findings:
        what = f.type.value + (f"/{f.entity_type}" if f.entity_type else "")
        src = f" from {f.source.tenant_id}/{f.source.session_id}" if f.source else ""
        masked = f.masked if f.entity_type else " ".join(f.masked.split()[:4]) + " …"
        parts.append(f"{what} {masked}{src}")
    return "; ".join(parts)


def alert_table(verdicts: Iterable[Verdict], title: str = "bleedwatch alerts") -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    table.add_column("action", no_wrap=True)
    table.add_column("tenant / session", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("drift", justify="right")
    table.add_column("findings (masked)")
    for v in verdicts:
        if v.action is Action.ALLOW and not v.retracted:
            continue
        label = v.action.value.upper() + (f" r{v.revision}" if v.revision else "")
        table.add_row(
            Text(label, style=_STYLE[v.action]),
            f"{v.tenant_id} / {v.session_id}",
            v.event_id,
            f"{v.drift_score:.2f}",
            describe(v) or ("retracts " + ", ".join(v.retracted) if v.retracted else ""),
        )
    return table


def alert_line(verdict: Verdict) -> Text:
    text = Text()
    text.append(f"{verdict.action.value.upper():5} ", style=_STYLE[verdict.action])
    text.append(f"{verdict.tenant_id}/{verdict.session_id} {verdict.event_id} ")
    text.append(describe(verdict) or "all clear", style="dim" if not verdict.findings else "")
    return text
