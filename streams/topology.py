"""Topic names and topic creation. Input topics are keyed by session and co-partitioned."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from kafka.partitioner.default import murmur2

from bleedwatch.detectors import session_key
from bleedwatch.models import Event, EventKind

from .settings import Settings


def session_partition_key(tenant_id: str, session_id: str) -> bytes:
    """The Kafka key of a session's events on every input topic (and of its table rows):
    :func:`bleedwatch.detectors.session_key`, the one definition, as bytes."""
    return session_key(tenant_id, session_id).encode()


def event_key(event: Event) -> bytes:
    return session_partition_key(event.tenant_id, event.session_id)


def partition_for(key: bytes, partitions: int) -> int:
    """Kafka's default (Java-compatible murmur2) partitioner, as producers and Faust use it."""
    return int(murmur2(key) & 0x7FFFFFFF) % partitions


@dataclass(frozen=True)
class Topology:
    settings: Settings

    @property
    def inputs(self) -> dict[EventKind, str]:
        return {kind: self.settings.input_topic(kind) for kind in EventKind}

    @property
    def verdicts(self) -> str:
        return self.settings.topic("verdicts")

    @property
    def alerts(self) -> str:
        return self.settings.topic("alerts")

    @property
    def dead_letter(self) -> str:
        return self.settings.topic("dead_letter")

    @property
    def index_requests(self) -> str:
        """Internal topic of index requests (records, marks, lookups), partitioned by
        fingerprint (``key % partitions``)."""
        return f"{self.settings.topic_prefix}bleedwatch.index-requests"

    @property
    def index_replies(self) -> str:
        """Internal topic of index answers, partitioned like the sessions that asked."""
        return f"{self.settings.topic_prefix}bleedwatch.index-replies"

    @property
    def ticks(self) -> str:
        """Internal topic of housekeeping ticks (TTL sweeps), one per session partition."""
        return f"{self.settings.topic_prefix}bleedwatch.ticks"

    @property
    def repartition(self) -> str:
        """Internal topic of re-keyed input: events that arrived on a partition not their
        session's, forwarded to it, and forward marks (see :mod:`.repartition`)."""
        return f"{self.settings.topic_prefix}bleedwatch.repartition"

    @property
    def app_id(self) -> str:
        return f"{self.settings.topic_prefix}{self.settings.app_id}"

    def all_topics(self) -> list[str]:
        return [
            *self.inputs.values(),
            self.verdicts,
            self.alerts,
            self.dead_letter,
            self.index_requests,
            self.index_replies,
            self.ticks,
            self.repartition,
        ]


def create_topics(settings: Settings, partitions: int | None = None, replication: int = 1) -> list[str]:
    """Create every bleedwatch topic that does not exist yet; return those created."""
    from kafka.admin import KafkaAdminClient, NewTopic
    from kafka.errors import TopicAlreadyExistsError

    count = partitions or settings.partitions
    topology = Topology(settings)
    admin = KafkaAdminClient(
        bootstrap_servers=settings.bootstrap.split(","),
        client_id="bleedwatch-admin",
        **settings.kafka_client_options(),
    )
    try:
        existing = set(admin.list_topics())
        wanted = [t for t in topology.all_topics() if t not in existing]
        if wanted:
            with contextlib.suppress(TopicAlreadyExistsError):
                admin.create_topics(
                    [NewTopic(t, num_partitions=count, replication_factor=replication) for t in wanted]
                )
        return wanted
    finally:
        admin.close()
