"""What a worker writes: verdicts, alerts and dead letters, and a step's commit.

:class:`FaustSink` is the :class:`~.partition.Sink` of the Faust worker: verdicts to the
verdicts topic (alerts and follow-ups also to the alerts topic), processing errors to the
dead-letter topic, and per step the session rows into the table and the acks.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import orjson

from bleedwatch.detectors import DeadLetterFactory
from bleedwatch.models import Action, DeadLetter, DeadLetterReason, Verdict

from .acks import OrderedAcks
from .dashboard import DashboardState
from .faust_compat import set_current_event
from .faust_store import TableSessionStore
from .logs import get_logger
from .metrics import Metrics
from .sequencer import Pending

log = get_logger("bleedwatch.worker")


class Emitter:
    """Verdicts, alerts and dead letters onto their topics, counted and logged (masked)."""

    def __init__(
        self,
        verdicts: Any,
        alerts: Any,
        dead_letter: Any,
        dead_letters: DeadLetterFactory,
        metrics: Metrics,
        dashboard: DashboardState,
    ) -> None:
        self.verdicts_topic = verdicts
        self.alerts_topic = alerts
        self.dead_letter_topic = dead_letter
        self.dead_letters = dead_letters
        self.metrics = metrics
        self.dashboard = dashboard

    def verdict(self, verdict: Verdict, produced: float) -> None:
        payload = orjson.dumps(verdict.model_dump(mode="json"))
        self.verdicts_topic.send_soon(key=verdict.event_id.encode(), value=payload)
        if verdict.action is not Action.ALLOW or verdict.revision > 0:
            self.alerts_topic.send_soon(key=verdict.tenant_id.encode(), value=payload)
        self.metrics.verdicts.labels(verdict.action.value, str(verdict.revision)).inc()
        self.dashboard.record(verdict)
        for finding in verdict.findings:
            self.metrics.findings.labels(finding.type.value).inc()
        if verdict.revision == 0:
            self.metrics.verdict_latency.observe(max(0.0, time.time() - produced))

    def dead_letter(self, record: DeadLetter) -> None:
        self.metrics.dead_letters.labels(record.reason.value).inc()
        self.dead_letter_topic.send_soon(
            key=record.payload_hmac.encode(), value=orjson.dumps(record.model_dump(mode="json"))
        )
        log.warning(
            "dead letter",
            reason=record.reason.value,
            field=record.field,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
        )

    def processing_error(self, fe: Any, event_id: str, exc: BaseException) -> None:
        raw = fe.value if isinstance(fe.value, bytes) else b""
        msg = fe.message
        # The exception type only: messages and tracebacks with locals can carry raw content.
        log.error("processing error", event_id=event_id, error=type(exc).__name__)
        self.dead_letter(
            self.dead_letters.build(
                raw,
                DeadLetterReason.PROCESSING_ERROR,
                type(exc).__name__,
                event_id=event_id,
                topic=msg.topic,
                partition=msg.partition,
                offset=msg.offset,
            )
        )


class FaustSink:
    """The partition processor's sink in the Faust worker."""

    def __init__(self, emitter: Emitter, store: TableSessionStore, acks: OrderedAcks) -> None:
        self.emitter = emitter
        self.store = store
        self.acks = acks

    def begin(self, item: Pending) -> None:
        set_current_event(item.message)

    def verdict(self, verdict: Verdict, item: Pending) -> None:
        self.emitter.verdict(verdict, item.message.message.timestamp)

    def error(self, item: Pending, exc: BaseException) -> None:
        self.emitter.processing_error(item.message, item.event.event_id, exc)

    def commit(self, items: Sequence[Pending]) -> None:
        if items:
            set_current_event(items[-1].message)  # every row of the step belongs to this partition
        self.store.commit()
        for item in items:
            self.acks.ack(item.message)

    def rollback(self) -> None:
        self.store.rollback()
