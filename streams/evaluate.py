"""``bleedwatch eval``: run the pipeline and the naive baseline on a labelled benchmark, print tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bleedwatch.detectors import DetectionPipeline
from bleedwatch.detectors.evaluation import Decision, Report, score, unattributed, verdict_decisions
from bleedwatch.models import Event, EventKind

from .settings import Settings

# Outputs carrying another session's data or text: they should be blocked and attributed.
LEAK_CLASSES = (
    "cross_session_pii",
    "cross_tenant_pii",
    "foreign_passage",
    "swapped_response",
    "evasion_invisible",
    "evasion_spelled",
    "secret_in_code",
    "postal_address",
)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def class_table(report: Report) -> Table:
    """Per class: outputs, flagged for any reason, caught by a fitting finding (positives), blocked,
    attributed."""
    table = Table(title=f"{report.name}: per class")
    for column in ("class", "expected", "outputs", "flagged", "caught", "block", "attribution"):
        table.add_column(column, justify="right" if column not in ("class", "expected") else "left")
    for name in sorted(report.classes):
        c = report.classes[name]
        table.add_row(
            name,
            c.expected,
            str(c.total),
            _pct(c.detection_rate),
            _pct(c.recall) if c.positive else "-",
            _pct(c.block_rate),
            _pct(c.attribution),
        )
    return table


def language_table(report: Report) -> Table:
    table = Table(title=f"{report.name}: per language")
    for column in ("lang", "positives", "recall", "clean", "false alerts"):
        table.add_column(column, justify="right" if column != "lang" else "left")
    for lang, figures in report.language_summary().items():
        table.add_row(
            lang,
            str(int(figures["positives"])),
            _pct(figures["recall"]),
            str(int(figures["clean"])),
            _pct(figures["false_alert_rate"]),
        )
    return table


def summary_table(title: str, summaries: dict[str, dict[str, float]]) -> Table:
    """Figures as rows, one column per summary (a figure a summary lacks shows as -)."""
    table = Table(title=title)
    table.add_column("figure", no_wrap=True)
    for name in summaries:
        table.add_column(name, justify="right")
    figures = list(dict.fromkeys(f for s in summaries.values() for f in s))
    for figure in figures:
        table.add_row(figure, *[_pct(s.get(figure)) for s in summaries.values()])
    return table


def run_eval(
    settings: Settings,
    events: Sequence[Event],
    labels: Sequence[dict[str, Any]],
    console: Console,
    naive: bool = True,
    misses: int = 5,
    title: str = "overall",
) -> dict[str, dict[str, float]]:
    contents = {e.event_id: e.content for e in events if e.kind is EventKind.MODEL_OUTPUT}
    pipeline = DetectionPipeline(settings.detector)
    verdicts = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("bleedwatch", total=len(events))
        for i in range(0, len(events), 64):
            for produced in pipeline.process_batch(events[i : i + 64]):
                verdicts.extend(produced)
            progress.advance(task, min(64, len(events) - i))
        ours = score("bleedwatch", labels, verdict_decisions(verdicts), contents, keep_misses=misses)
        reports = [ours]
        if naive:
            from bleedwatch.detectors.baseline import NaiveDetector

            detector = NaiveDetector()
            task = progress.add_task("naive baseline", total=len(contents))
            decisions: dict[str, Decision] = {}
            for event_id, text in contents.items():
                decisions[event_id] = unattributed(detector.flags(text))
                progress.advance(task)
            reports.append(score("naive", labels, decisions, contents, keep_misses=0))
    summaries = {r.name: r.summary(LEAK_CLASSES) for r in reports}
    for r in reports:
        console.print(class_table(r))
    if len(ours.languages) > 1:
        console.print(language_table(ours))
    console.print(summary_table(title, summaries))
    for name, c in sorted(ours.classes.items()):
        for miss in c.misses:
            console.print(f"[dim]miss[/] {name}: {miss}")
    return summaries
