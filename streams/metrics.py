"""Prometheus metrics of a worker, served at /metrics by the Faust web server."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.events = Counter("bleedwatch_events_total", "input events processed", ["kind"], registry=r)
        self.verdicts = Counter(
            "bleedwatch_verdicts_total", "verdicts emitted", ["action", "revision"], registry=r
        )
        self.findings = Counter("bleedwatch_findings_total", "findings emitted", ["type"], registry=r)
        self.dead_letters = Counter(
            "bleedwatch_dead_letters_total", "inputs sent to the dead-letter topic", ["reason"], registry=r
        )
        self.duplicates = Counter(
            "bleedwatch_redelivered_outputs_total", "outputs already judged, skipped", registry=r
        )
        self.batch_size = Histogram(
            "bleedwatch_batch_size",
            "events per processed batch",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
            registry=r,
        )
        self.extract_seconds = Histogram(
            "bleedwatch_extract_seconds", "feature extraction time per batch", registry=r
        )
        self.ner_outputs = Counter(
            "bleedwatch_ner_outputs_total",
            "outputs that needed NER: a capitalised uncommon word no evidence of the session held",
            registry=r,
        )
        self.ner_seconds = Histogram(
            "bleedwatch_ner_seconds", "NER round trip to the extraction process per batch", registry=r
        )
        self.fingerprints_expired = Counter(
            "bleedwatch_fingerprints_expired_total",
            "fingerprints swept from the index (about two detector.index_ttl_seconds of event time "
            "after the last new session saw them; lookups ignore them after one)",
            registry=r,
        )
        self.local_lookups = Counter(
            "bleedwatch_index_local_lookups_total",
            "index partitions a batch read from this worker's own table instead of over Kafka",
            registry=r,
        )
        self.lookup_seconds = Histogram(
            "bleedwatch_index_lookup_seconds", "attribution index round trip per batch", registry=r
        )
        self.index_request_delay = Histogram(
            "bleedwatch_index_request_delay_seconds",
            "from an index request's Kafka timestamp to the index agent handling it",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1),
            registry=r,
        )
        self.verdict_latency = Histogram(
            "bleedwatch_verdict_latency_seconds",
            "from the output's Kafka timestamp to its verdict being sent",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=r,
        )
        self.stage_seconds = Histogram(
            "bleedwatch_stage_seconds",
            "where latency goes: consume (Kafka timestamp to this worker, per event), sequence "
            "(waiting for event-time order, per event), extract (release to features, incl. "
            "queueing behind the batch ahead, per batch), judge (NER, index, apply, emit, per batch)",
            ["stage"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
            registry=r,
        )
        self.index_errors = Counter(
            "bleedwatch_index_errors_total", "index requests or replies that failed (resent)", registry=r
        )
        self.grace_expired = Counter(
            "bleedwatch_grace_expired_total",
            "output batches judged before their evidence topics caught up",
            registry=r,
        )
        self.end_offset_reads = Counter(
            "bleedwatch_end_offset_reads_total",
            "end offsets read from the broker: a sequencer head waited on a topic no recent fetch covered",
            registry=r,
        )
        self.watermark_steps = Counter(
            "bleedwatch_watermark_steps_total",
            "extra apply steps batches took because the index was complete for only part of "
            "their outputs (another session partition had not recorded up to them yet)",
            registry=r,
        )
        self.watermark_timeouts = Counter(
            "bleedwatch_watermark_timeouts_total",
            "lookups answered by watermark_max_wait_s, not by every partition's progress",
            registry=r,
        )
        self.watermark_followups = Counter(
            "bleedwatch_watermark_followups_total",
            "follow-up verdicts for outputs judged past watermark_max_wait_s, once the index was "
            "complete as of their time and judged them otherwise",
            registry=r,
        )
        self.provisional_outputs = Gauge(
            "bleedwatch_provisional_outputs",
            "outputs judged past watermark_max_wait_s, kept in memory until the index is "
            "complete as of their time and they can be judged again",
            registry=r,
        )
        self.provisional_dropped = Counter(
            "bleedwatch_provisional_dropped_total",
            "provisional outputs given up on (over the cap, or older than the index TTL before "
            "the index was complete): their first verdict stands",
            registry=r,
        )
        self.watermark_wait_seconds = Histogram(
            "bleedwatch_watermark_wait_seconds",
            "how long the index held a lookup for other session partitions' progress (waits only)",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=r,
        )
        self.marks_sent = Counter(
            "bleedwatch_marks_sent_total",
            "progress marks sent to index partitions (with records, or alone)",
            registry=r,
        )
        self.rekeyed = Counter(
            "bleedwatch_rekeyed_total",
            "input events on a partition not their session's, forwarded to it through the repartition topic",
            ["topic"],
            registry=r,
        )
        self.forward_marks = Counter(
            "bleedwatch_forward_marks_total",
            "forward marks sent to the repartition topic (only once re-keying has been seen)",
            registry=r,
        )
        self.sessions_expired = Counter(
            "bleedwatch_sessions_expired_total", "sessions dropped by TTL", registry=r
        )
        self.extraction_restarts = Counter(
            "bleedwatch_extraction_restarts_total",
            "extraction processes started again after the previous one died",
            registry=r,
        )
        self.task_restarts = Counter(
            "bleedwatch_task_restarts_total",
            "partition tasks started again after dying of an unexpected error",
            registry=r,
        )
        self.assigned_partitions = Gauge(
            "bleedwatch_assigned_partitions",
            "session partitions owned by this worker",
            ["partition"],
            registry=r,
        )
