"""``bleedwatch scan`` as a user runs it: a real subprocess, real files, real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BIN = [sys.executable, "-m", "bleedwatch.streams"]


def _scan(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*BIN, "scan", *args], input=stdin, capture_output=True, timeout=300, check=False)


def test_scan_writes_one_verdict_per_output_and_dead_letters_bad_lines(
    tmp_path: Path, sample_path: Path
) -> None:
    lines = sample_path.read_bytes().splitlines()
    bad = [
        b"{not json",
        b'["a", "list"]',
        b'{"event_id":"x1","tenant_id":"t","session_id":"s","kind":"model_output",'
        b'"timestamp":"2026-11-20T09:00:00Z"}',
    ]
    mixed = [*lines[:5], bad[0], *lines[5:20], bad[1], *lines[20:], bad[2]]
    events = tmp_path / "events.jsonl"
    events.write_bytes(b"\n".join(mixed) + b"\n")
    out = tmp_path / "verdicts.jsonl"

    result = _scan([str(events), "-o", str(out)])

    assert result.returncode == 0, result.stderr.decode()
    records = [json.loads(line) for line in out.read_text().splitlines()]
    dead = [r for r in records if r.get("dead_letter")]
    verdicts = [r for r in records if not r.get("dead_letter")]
    assert len(verdicts) == 14
    assert [(d["line"], d["reason"], d["field"]) for d in dead] == [
        (6, "invalid_json", None),
        (22, "not_an_object", None),
        (len(mixed), "missing_field", "content"),
    ]
    stderr = result.stderr.decode()
    assert "line 6: invalid_json" in stderr
    assert f"line {len(mixed)}: missing_field (content)" in stderr


def test_scan_reads_stdin_and_writes_stdout(sample_path: Path) -> None:
    result = _scan(["-"], stdin=sample_path.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    verdicts = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {v["event_id"]: v["action"] for v in verdicts}["globex-6"] == "alert"
    assert len(verdicts) == 14


def test_dead_letters_carry_masked_payloads_not_raw_pii(tmp_path: Path) -> None:
    events = tmp_path / "bad.jsonl"
    events.write_bytes(
        b'{"event_id":"x","tenant_id":"t","session_id":"s","kind":"nope",'
        b'"timestamp":"2026-11-20T09:00:00Z","content":"mail adaeze.okafor@example.com"}\n'
    )
    result = _scan([str(events)])
    record = json.loads(result.stdout.decode().splitlines()[0])
    assert record["reason"] == "invalid_field" and record["field"] == "kind"
    assert "adaeze.okafor@example.com" not in result.stdout.decode()
    assert "a***@e***.com" in record["payload_masked"]


def test_schema_command_prints_every_schema() -> None:
    result = subprocess.run([*BIN, "schema"], capture_output=True, check=True, timeout=60)
    assert set(json.loads(result.stdout)) == {"event", "verdict", "finding", "dead_letter"}


def test_help_lists_the_commands() -> None:
    result = subprocess.run([*BIN, "--help"], capture_output=True, check=True, timeout=60)
    for command in ("scan", "schema", "broker"):
        assert command in result.stdout.decode()
