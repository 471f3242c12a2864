"""The ``bleedwatch`` command line."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import orjson
import typer

from bleedwatch.models import DeadLetter, json_schemas

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bleedwatch.detectors import DetectionPipeline

    from .settings import Settings

app = typer.Typer(
    name="bleedwatch",
    help="Real-time detector of PII and cross-session leakage in LLM traffic.",
    no_args_is_help=True,
    add_completion=False,
)
broker_app = typer.Typer(help="The local single-node KRaft Kafka broker (for development, tests, demo).")
app.add_typer(broker_app, name="broker")

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="YAML config file (else BLEEDWATCH_CONFIG); env wins over it"),
]


def _settings(config: Path | None) -> Settings:
    from .logs import configure_logging
    from .settings import load_settings

    settings = load_settings(config)
    configure_logging(settings.log_level, settings.log_format)
    return settings


def _pipeline(settings: Settings) -> DetectionPipeline:
    from bleedwatch.detectors import DetectionPipeline

    return DetectionPipeline(settings.detector)


@app.command()
def scan(
    events: Annotated[str, typer.Argument(help="events JSONL file, or - for stdin")],
    output: Annotated[str, typer.Option("--output", "-o", help="verdicts JSONL, or - for stdout")] = "-",
    config: ConfigOption = None,
) -> None:
    """Run the detection pipeline over an events file: one verdict line per model output.

    Bad lines are reported on stderr with their line number and reason, and written to the
    output as dead_letter records; the scan goes on.
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from .logs import get_logger
    from .scan import Scanner

    settings = _settings(config)
    log = get_logger("bleedwatch.scan")
    scanner = Scanner(_pipeline(settings), batch_size=settings.batch_size)

    def report(record: DeadLetter) -> None:
        typer.echo(
            f"line {record.line}: {record.reason.value}"
            + (f" ({record.field})" if record.field else "")
            + f": {record.detail}",
            err=True,
        )

    with ExitStack() as stack:
        source: IO[bytes] = sys.stdin.buffer if events == "-" else stack.enter_context(open(events, "rb"))
        sink: IO[bytes] = sys.stdout.buffer if output == "-" else stack.enter_context(open(output, "wb"))
        total = None if events == "-" else Path(events).stat().st_size
        progress = stack.enter_context(
            Progress(
                TextColumn("scan"),
                BarColumn(),
                TextColumn("{task.fields[verdicts]} verdicts"),
                TimeRemainingColumn(),
                disable=not sys.stderr.isatty(),
                transient=True,
            )
        )
        task = progress.add_task("scan", total=total, verdicts=0)

        def lines() -> Iterator[bytes]:
            for line in source:
                progress.update(task, advance=len(line), verdicts=scanner.stats.verdicts)
                yield line

        for record in scanner.scan(lines(), on_dead_letter=report):
            sink.write(orjson.dumps(record.model_dump(mode="json")) + b"\n")
        sink.flush()
    stats = scanner.stats
    log.info(
        "scan finished",
        lines=stats.lines,
        verdicts=stats.verdicts,
        dead_letters=stats.dead_letters,
        **stats.actions,
    )


@app.command()
def alerts(
    verdicts: Annotated[str, typer.Argument(help="verdicts JSONL file, or - for stdin")] = "-",
) -> None:
    """Show the alert and block verdicts of a verdicts file as a table (masked values only)."""
    from rich.console import Console

    from bleedwatch.models import Verdict

    from .render import alert_table

    stream = sys.stdin.buffer if verdicts == "-" else open(verdicts, "rb")  # noqa: SIM115
    with stream:
        records = [orjson.loads(line) for line in stream if line.strip()]
    parsed = [Verdict.model_validate(r) for r in records if not r.get("dead_letter")]
    Console().print(alert_table(parsed))
    counts = {a: sum(v.action.value == a for v in parsed) for a in ("allow", "alert", "block")}
    typer.echo(f"{len(parsed)} verdicts: " + ", ".join(f"{n} {a}" for a, n in counts.items()))


@app.command()
def schema(
    name: Annotated[str | None, typer.Argument(help="event, verdict, finding or dead_letter")] = None,
) -> None:
    """Print the JSON Schema of the public records (all of them, or one)."""
    schemas = json_schemas()
    if name is not None:
        if name not in schemas:
            raise typer.BadParameter(f"unknown record {name!r}; one of {', '.join(schemas)}")
        schemas = {name: schemas[name]}
    typer.echo(orjson.dumps(schemas, option=orjson.OPT_INDENT_2).decode())


def _broker(action: str) -> None:
    from .broker import BrokerScriptMissing, run_broker

    try:
        result = run_broker(action)
    except BrokerScriptMissing as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    sys.stderr.write(result.stderr)
    typer.echo(result.stdout.rstrip())
    raise typer.Exit(result.returncode)


@broker_app.command("start")
def broker_start() -> None:
    """Assemble Kafka from Maven Central if needed, start it, wait until it answers."""
    _broker("start")


@broker_app.command("stop")
def broker_stop() -> None:
    """Stop the local broker (no-op when stopped)."""
    _broker("stop")


@broker_app.command("status")
def broker_status() -> None:
    """Print running/stopped, the bootstrap address and the log path."""
    _broker("status")


@app.command("version")
def show_version() -> None:
    """Print the package version."""
    from importlib.metadata import version

    typer.echo(version("bleedwatch"))


def main() -> None:
    app()
