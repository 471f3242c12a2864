"""python -m tests.benchmarks.leakbench generate|report

generate: write events.jsonl and labels.jsonl for a seeded benchmark.
report:   generate in memory and print bleedwatch's and the naive baseline's figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

from .generator import generate


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("generate", "report"))
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(".bleedwatch/leakbench"))
    parser.add_argument("--naive", action=argparse.BooleanOptionalAction, default=True)
    args = parser.parse_args()
    events, labels = generate(args.events, args.seed)
    if args.command == "generate":
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "events.jsonl").write_bytes(b"\n".join(orjson.dumps(e) for e in events) + b"\n")
        (args.out / "labels.jsonl").write_bytes(b"\n".join(orjson.dumps(x) for x in labels) + b"\n")
        print(f"{len(events)} events, {len(labels)} labelled outputs in {args.out}")
        return
    from rich.console import Console

    from bleedwatch.models import Event
    from bleedwatch.streams.evaluate import run_eval
    from bleedwatch.streams.settings import Settings

    parsed = [Event.model_validate(e) for e in events]
    run_eval(Settings(), parsed, labels, Console(), naive=args.naive)


if __name__ == "__main__":
    main()
