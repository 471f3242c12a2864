from __future__ import annotations

from bleedwatch.models import Action, Finding, FindingType, Verdict
from bleedwatch.streams.dashboard import DashboardState, page


def _verdict(event_id: str, action: Action, findings: list[Finding]) -> Verdict:
    return Verdict(
        event_id=event_id,
        tenant_id="t",
        session_id="s",
        action=action,
        findings=findings,
        drift_score=0.1,
        detector_version="v",
    )


def test_summary_counts_actions_findings_and_keeps_only_alerts_masked() -> None:
    board = DashboardState(recent=2)
    leak = Finding(
        type=FindingType.CROSS_TENANT_PII,
        entity_type="EMAIL_ADDRESS",
        start=0,
        end=5,
        score=1.0,
        masked="j***@e***.com",
        fingerprint="ab" * 16,
    )
    board.record(_verdict("a", Action.ALLOW, []), now=100.0)
    board.record(_verdict("b", Action.BLOCK, [leak]), now=101.0)
    board.record(_verdict("c", Action.BLOCK, [leak]), now=125.0)
    board.record(_verdict("d", Action.ALERT, []), now=126.0)
    summary = board.summary()
    assert summary["actions"] == {"allow": 1, "block": 2, "alert": 1}
    assert summary["findings"] == {"cross_tenant_pii": 2}
    assert [r["event_id"] for r in summary["recent"]] == ["d", "c"]  # newest first, bounded
    assert [(b["t"], b.get("block", 0)) for b in summary["timeline"]] == [(100, 1), (120, 1)]
    assert "j***@e***.com" in summary["recent"][1]["what"]


def test_the_page_is_self_contained() -> None:
    html = page()
    assert "<svg" in html and "api/summary" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
