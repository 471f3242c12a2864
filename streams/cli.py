"""The ``bleedwatch`` command line."""

from __future__ import annotations

import gc
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import orjson
import typer

from bleedwatch.models import DeadLetter, json_schemas

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from bleedwatch.detectors import DetectionPipeline
    from bleedwatch.models import Verdict

    from .scan import ScanStats
    from .settings import Settings

app = typer.Typer(
    name="bleedwatch",
    help="Real-time detector of PII and cross-session leakage in LLM traffic.",
    no_args_is_help=True,
    add_completion=False,
)
broker_app = typer.Typer(help="The local single-node KRaft Kafka broker (for development, tests, demo).")
app.add_typer(broker_app, name="broker")
topics_app = typer.Typer(help="bleedwatch's Kafka topics.")
app.add_typer(topics_app, name="topics")

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="YAML config file (else BLEEDWATCH_CONFIG); env wins over it"),
]


def _settings(config: Path | None, **overrides: object) -> Settings:
    from .logs import configure_logging
    from .settings import load_settings

    settings = load_settings(config, **{k: v for k, v in overrides.items() if v is not None})
    configure_logging(settings.log_level, settings.log_format)
    return settings


def _pipeline(settings: Settings) -> DetectionPipeline:
    from bleedwatch.detectors import DetectionPipeline

    return DetectionPipeline(settings.detector)


def _write_records(records: Iterable[Verdict | DeadLetter], sink: IO[bytes]) -> None:
    """Verdicts and dead letters as JSON lines, the format of scan, replay and the topics."""
    for record in records:
        sink.write(orjson.dumps(record.model_dump(mode="json")) + b"\n")
    sink.flush()


def _log_stats(log: Any, message: str, stats: ScanStats) -> None:
    log.info(
        message,
        records=stats.lines,
        verdicts=stats.verdicts,
        dead_letters=stats.dead_letters,
        **stats.actions,
    )


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

        _write_records(scanner.scan(lines(), on_dead_letter=report), sink)
    _log_stats(log, "scan finished", scanner.stats)


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


@app.command("eval")
def evaluate(
    events: Annotated[Path, typer.Argument(help="events JSONL (a labelled benchmark)")],
    labels: Annotated[
        Path, typer.Argument(help="labels JSONL: event_id, class, expected_action, source_session")
    ],
    naive: Annotated[bool, typer.Option("--naive/--no-naive", help="also score the naive baseline")] = True,
    misses: Annotated[int, typer.Option("--misses", help="misses listed per class (masked)")] = 5,
    config: ConfigOption = None,
) -> None:
    """Precision, recall, block rate and attribution per class, against the naive baseline."""
    from rich.console import Console

    from bleedwatch.models import EventKind, parse_event

    from .evaluate import run_eval

    settings = _settings(config)
    parsed = [parse_event(line) for line in events.read_bytes().splitlines() if line.strip()]
    label_rows = [orjson.loads(line) for line in labels.read_bytes().splitlines() if line.strip()]
    outputs = sum(e.kind is EventKind.MODEL_OUTPUT for e in parsed)
    console = Console()
    console.print(f"{len(parsed)} events, {outputs} model outputs, {len(label_rows)} labels")
    run_eval(settings, parsed, label_rows, console, naive=naive, misses=misses)


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


def _broker_ready(settings: Settings) -> Settings:
    """With no broker configured, start the local one (and say so)."""
    if settings.broker:
        return settings
    from .broker import ensure_local_broker

    bootstrap = ensure_local_broker()
    typer.echo(f"bleedwatch: using the local broker at {bootstrap}", err=True)
    return settings.model_copy(update={"broker": bootstrap})


PrefixOption = Annotated[
    str | None, typer.Option("--prefix", help="topic prefix (else BLEEDWATCH_TOPIC_PREFIX)")
]


@topics_app.command("create")
def topics_create(
    partitions: Annotated[int | None, typer.Option("--partitions", "-p", help="partitions per topic")] = None,
    replication: Annotated[int, typer.Option("--replication", help="replication factor")] = 1,
    prefix: PrefixOption = None,
    config: ConfigOption = None,
) -> None:
    """Create the input, output and internal topics (idempotent)."""
    from .topology import Topology, create_topics

    settings = _broker_ready(_settings(config, topic_prefix=prefix, partitions=partitions))
    created = create_topics(settings, partitions, replication)
    for topic in Topology(settings).all_topics():
        typer.echo(f"{'created' if topic in created else 'exists '} {topic}")


@app.command()
def worker(
    web_port: Annotated[int | None, typer.Option("--web-port", help="port of /metrics and /healthz")] = None,
    store: Annotated[str | None, typer.Option("--store", help="rocksdb:// or memory://")] = None,
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="table and state directory")] = None,
    prefix: PrefixOption = None,
    partitions: Annotated[int | None, typer.Option("--partitions", "-p")] = None,
    loglevel: Annotated[str, typer.Option("--loglevel", "-l", help="Faust's own log level")] = "WARNING",
    config: ConfigOption = None,
) -> None:
    """Run a stream worker. Start more with other --web-port and --data-dir to scale out."""
    from .app import BleedwatchApp
    from .logs import get_logger
    from .topology import create_topics

    settings = _broker_ready(
        _settings(
            config,
            web_port=web_port,
            store=store,
            data_dir=data_dir,
            topic_prefix=prefix,
            partitions=partitions,
        )
    )
    create_topics(settings)
    get_logger("bleedwatch.worker").info(
        "starting worker",
        broker=settings.bootstrap,
        prefix=settings.topic_prefix,
        store=settings.store,
        web_port=settings.web_port,
    )
    worker = BleedwatchApp(settings).worker(loglevel)
    gc.freeze()  # what start-up loaded lives as long as the worker: keep full collections off it
    worker.execute_from_commandline()


@app.command()
def produce(
    events: Annotated[str, typer.Argument(help="events JSONL file, or - for stdin")],
    rate: Annotated[
        float | None, typer.Option("--rate", "-r", help="events per second; default: as fast as possible")
    ] = None,
    keys: Annotated[
        str,
        typer.Option(
            "--keys",
            help="session: key by session (default); empty: no key; random: a request-id-like key "
            "per event (the last two test re-keying)",
        ),
    ] = "session",
    prefix: PrefixOption = None,
    config: ConfigOption = None,
) -> None:
    """Publish an events file onto the input topics, keyed by session (or not: --keys)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .kafka_io import produce_lines

    if keys not in ("session", "empty", "random"):
        raise typer.BadParameter("one of session, empty, random", param_hint="--keys")
    settings = _broker_ready(_settings(config, topic_prefix=prefix))
    source = sys.stdin.buffer if events == "-" else open(events, "rb")  # noqa: SIM115
    with source:
        lines = source.read().splitlines()
    with Progress(
        TextColumn("produce"),
        BarColumn(),
        MofNCompleteColumn(),
        disable=not sys.stderr.isatty(),
        transient=True,
    ) as progress:
        task = progress.add_task("produce", total=len(lines))
        stats = produce_lines(
            settings,
            lines,
            rate,
            on_sent=lambda: progress.advance(task),
            keys=keys,  # type: ignore[arg-type]
        )
    for number, reason in stats.rejected:
        typer.echo(f"line {number}: not produced: {reason}", err=True)
    for topic, count in sorted(stats.by_topic.items()):
        typer.echo(f"{count:6d} -> {topic}")
    typer.echo(f"{stats.sent} events produced, {len(stats.rejected)} lines rejected")


@app.command()
def replay(
    output: Annotated[str, typer.Option("--output", "-o", help="verdicts JSONL, or - for stdout")] = "-",
    since: Annotated[
        str | None, typer.Option("--since", help="ISO time to start from; default: the beginning")
    ] = None,
    prefix: PrefixOption = None,
    config: ConfigOption = None,
) -> None:
    """Judge the history of the input topics again, offline, with the current pipeline.

    Merges the four input topics by event time up to their end offsets at start; writes one
    verdict per model output (and dead_letter records) like ``scan``.
    """
    from datetime import datetime

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .logs import get_logger
    from .replay import read_history
    from .scan import Scanner

    settings = _broker_ready(_settings(config, topic_prefix=prefix))
    since_ms = int(datetime.fromisoformat(since).timestamp() * 1000) if since else None
    scanner = Scanner(_pipeline(settings), batch_size=settings.batch_size)
    with ExitStack() as stack:
        sink: IO[bytes] = sys.stdout.buffer if output == "-" else stack.enter_context(open(output, "wb"))
        progress = stack.enter_context(
            Progress(
                TextColumn("replay"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                disable=not sys.stderr.isatty(),
                transient=True,
            )
        )
        task = progress.add_task("replay", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        _write_records(scanner.scan_records(read_history(settings, since_ms, advance)), sink)
    _log_stats(get_logger("bleedwatch.replay"), "replay finished", scanner.stats)


@app.command()
def demo(
    events: Annotated[Path | None, typer.Argument(help="events JSONL; default: the bundled sample")] = None,
    rate: Annotated[float, typer.Option("--rate", "-r", help="events per second")] = 10.0,
    prefix: PrefixOption = None,
    config: ConfigOption = None,
) -> None:
    """The main job, end to end: broker (local unless configured), topics, a worker, the sample
    traffic (Minecraft incident, cross-tenant leak, swapped answer...), alerts live."""
    import time as _time

    from rich.console import Console

    from .demo import run_demo, sample_events

    settings = _settings(config, topic_prefix=prefix)
    if not settings.topic_prefix:
        # a fresh namespace per run, so earlier demos' topics and state do not mix in
        settings = settings.model_copy(update={"topic_prefix": f"demo{int(_time.time())}."})
    settings = _broker_ready(settings)
    verdicts = run_demo(settings, events or sample_events(), rate, Console(stderr=False))
    expected = sum(
        1 for line in (events or sample_events()).read_bytes().splitlines() if b'"model_output"' in line
    )
    if len({v.event_id for v in verdicts}) < expected:
        typer.echo(f"only {len(verdicts)} of {expected} verdicts arrived", err=True)
        raise typer.Exit(1)


@app.command("version")
def show_version() -> None:
    """Print the package version."""
    from importlib.metadata import version

    typer.echo(version("bleedwatch"))


def main() -> None:
    app()
