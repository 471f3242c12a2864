"""python -m tests.benchmarks.leakbench [generate|report] [--family tuned|heldout] ...

generate: write events.jsonl and labels.jsonl for a seeded benchmark of one family.
report:   generate in memory and print bleedwatch's and the naive baseline's figures. The tuned
          part is always measured; --family heldout adds the held-out part (text detection was
          not tuned on) and prints both parts' figures side by side.

Seeds default to the quality test's: 3 for the tuned part, 11 for the held-out part.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

from .generator import FAMILIES, generate

SEEDS = {"tuned": 3, "heldout": 11}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", nargs="?", default="report", choices=("generate", "report"))
    parser.add_argument("--family", choices=sorted(FAMILIES), default="tuned")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=None, help="tuned part (default 3)")
    parser.add_argument("--heldout-seed", type=int, default=None, help="held-out part (default 11)")
    parser.add_argument("--out", type=Path, default=Path(".bleedwatch/leakbench"))
    parser.add_argument("--naive", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--misses", type=int, default=5, help="masked misses shown per class")
    args = parser.parse_args()
    seeds = {"tuned": args.seed or SEEDS["tuned"], "heldout": args.heldout_seed or SEEDS["heldout"]}
    if args.command == "generate":
        seed = args.seed if args.seed is not None else seeds[args.family]
        events, labels = generate(args.events, seed, family=args.family)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "events.jsonl").write_bytes(b"\n".join(orjson.dumps(e) for e in events) + b"\n")
        (args.out / "labels.jsonl").write_bytes(b"\n".join(orjson.dumps(x) for x in labels) + b"\n")
        print(f"{len(events)} events, {len(labels)} labelled outputs in {args.out}")
        return
    from rich.console import Console

    from bleedwatch.models import Event
    from bleedwatch.streams.evaluate import run_eval, summary_table
    from bleedwatch.streams.settings import Settings

    console = Console()
    parts = ["tuned"] if args.family == "tuned" else ["tuned", args.family]
    combined: dict[str, dict[str, float]] = {}
    for part in parts:
        events, labels = generate(args.events, seeds[part], family=part)
        parsed = [Event.model_validate(e) for e in events]
        console.rule(f"{part} part: seed {seeds[part]}, {len(events)} events, {len(labels)} outputs")
        summaries = run_eval(
            Settings(), parsed, labels, console, naive=args.naive, misses=args.misses, title=f"{part} part"
        )
        combined |= {f"{part} {name}": figures for name, figures in summaries.items()}
    if len(parts) > 1:
        console.rule("both parts")
        console.print(summary_table("both parts", combined))


if __name__ == "__main__":
    main()
