"""``bleedwatch eval``: run the pipeline and the naive baseline on a labelled benchmark, print tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from bleedwatch.detectors import DetectionPipeline
from bleedwatch.detectors.evaluation import Report, score, verdict_decisions
from bleedwatch.models import Event, EventKind

from .settings import Settings

LEAK_CLASSES = ("cross_session_pii", "cross_tenant_pii", "foreign_passage", "swapped_response")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def class_table(report: Report) -> Table:
    table = Table(title=f"{report.name}: per class")
    for column in ("class", "outputs", "detection", "block", "attribution"):
        table.add_column(column, justify="right" if column != "class" else "left")
    for name in sorted(report.classes):
        c = report.classes[name]
        table.add_row(name, str(c.total), _pct(c.detection_rate), _pct(c.block_rate), _pct(c.attribution))
    return table


def run_eval(
    settings: Settings,
    events: Sequence[Event],
    labels: Sequence[dict[str, Any]],
    console: Console,
    naive: bool = True,
    misses: int = 5,
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
            decisions: dict[str, tuple[str, set[str]]] = {}
            for event_id, text in contents.items():
                decisions[event_id] = ("alert" if detector.flags(text) else "allow", set())
                progress.advance(task)
            reports.append(score("naive", labels, decisions, contents, keep_misses=0))
    summaries = {r.name: r.summary(LEAK_CLASSES) for r in reports}
    overall = Table(title="overall")
    overall.add_column("figure")
    for r in reports:
        overall.add_column(r.name, justify="right")
    for figure in next(iter(summaries.values())):
        overall.add_row(figure, *[f"{summaries[r.name][figure]:.3f}" for r in reports])
    for r in reports:
        console.print(class_table(r))
    console.print(overall)
    for name, c in sorted(ours.classes.items()):
        for miss in c.misses:
            console.print(f"[dim]miss[/] {name}: {miss}")
    return summaries
