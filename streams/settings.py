"""Configuration: defaults < YAML file (BLEEDWATCH_CONFIG or --config) < environment (BLEEDWATCH_*)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

from bleedwatch.detectors import DetectorConfig
from bleedwatch.models import EventKind

LOCAL_BROKER = "127.0.0.1:9092"


class KafkaSecurity(BaseModel):
    """Passed through to the Kafka clients for clusters that need SASL or TLS."""

    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: str | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None


class TopicNames(BaseModel):
    user_inputs: str = "bleedwatch.user-inputs"
    retrieved_contexts: str = "bleedwatch.retrieved-contexts"
    tool_traces: str = "bleedwatch.tool-traces"
    model_outputs: str = "bleedwatch.model-outputs"
    verdicts: str = "bleedwatch.verdicts"
    alerts: str = "bleedwatch.alerts"
    dead_letter: str = "bleedwatch.dead-letter"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BLEEDWATCH_",
        env_nested_delimiter="__",
        extra="ignore",
    )

    broker: str = Field(default="", description="bootstrap servers; empty starts the local broker")
    kafka: KafkaSecurity = Field(default_factory=KafkaSecurity)
    topic_prefix: str = Field(default="", description="prepended to every topic name")
    topics: TopicNames = Field(default_factory=TopicNames)
    partitions: int = Field(default=4, ge=1)
    app_id: str = "bleedwatch"
    detector: DetectorConfig = Field(default_factory=DetectorConfig)
    store: str = Field(default="rocksdb://", description="Faust table store: rocksdb:// or memory://")
    data_dir: Path = Path(".bleedwatch")
    grace_ms: int = Field(
        default=1000,
        ge=0,
        description="longest an output waits for evidence produced before it on other topics",
    )
    input_keys: Literal["session", "any"] = Field(
        default="session",
        description="how producers key input events. 'session': by tenant and session, as the "
        "input contract asks; a mis-keyed event is still re-keyed, and from the first one on this "
        "worker sends and waits for forward marks, but outputs judged in the round trip before "
        "that first mark (all at once in a backlog) may miss evidence still on its way. 'any': "
        "marks flow and are waited for from the start (empty, random or request-id keys)",
    )
    rekey_mark_interval_ms: int = Field(
        default=25,
        ge=1,
        description="once re-keying is seen: how often a worker tells every partition how far its "
        "input partitions have forwarded mis-keyed events (an output waits up to about this long "
        "for such marks)",
    )
    batch_size: int = Field(default=64, ge=1)
    max_buffered_events: int = Field(default=20000, ge=1, description="sequencer backpressure bound")
    batch_timeout_s: float = Field(
        default=0.005,
        gt=0,
        description="how long an input agent waits to fill a batch: under load batches fill anyway, "
        "at light load this is added latency",
    )
    lookup_timeout_s: float = Field(default=10.0, gt=0, description="index round trip before a retry")
    watermark_max_wait_s: float = Field(
        default=5.0,
        gt=0,
        description="longest the index holds a lookup for other session partitions to record "
        "up to the output's event time; past it the lookup is answered and counted "
        "(bleedwatch_watermark_timeouts_total)",
    )
    idle_mark_interval_s: float = Field(
        default=0.05,
        gt=0,
        description="how often an idle session partition publishes its progress to the index",
    )
    local_index_reads: bool = Field(
        default=True, description="read index partitions this worker owns from its own table"
    )
    extraction_max_restarts: int = Field(
        default=3,
        ge=0,
        description="restarts of a dead extraction process allowed within extraction_restart_window_s; "
        "one more and the worker exits non-zero",
    )
    extraction_restart_window_s: float = Field(
        default=60.0, gt=0, description="the window of extraction_max_restarts, seconds"
    )
    task_max_restarts: int = Field(
        default=3,
        ge=0,
        description="restarts of partition tasks that died of an unexpected error allowed within "
        "task_restart_window_s (all partitions together); one more and the worker exits non-zero",
    )
    task_restart_window_s: float = Field(default=60.0, gt=0, description="the window of task_max_restarts")
    healthz_max_event_age_s: float = Field(
        default=60.0,
        gt=0,
        description="/healthz answers 503 while the oldest buffered, unprocessed event is older than this",
    )
    fatal_exit_delay_s: float = Field(
        default=1.5,
        ge=0,
        description="after a fatal failure, how long /healthz answers 503 before the worker exits non-zero",
    )
    web_port: int = Field(default=6066, description="Faust web: /metrics and the dashboard")
    log_level: str = "INFO"
    log_format: Literal["json", "console"] = "console"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        config_file = os.environ.get("BLEEDWATCH_CONFIG")
        if config_file:
            sources.append(YamlConfigSettingsSource(settings_cls, yaml_file=config_file))
        return tuple(sources)

    def topic(self, name: str) -> str:
        return self.topic_prefix + str(getattr(self.topics, name))

    def input_topic(self, kind: EventKind) -> str:
        return self.topic(
            {
                EventKind.USER_INPUT: "user_inputs",
                EventKind.RETRIEVED_CONTEXT: "retrieved_contexts",
                EventKind.TOOL_TRACE: "tool_traces",
                EventKind.MODEL_OUTPUT: "model_outputs",
            }[kind]
        )

    @property
    def bootstrap(self) -> str:
        return self.broker or LOCAL_BROKER

    def kafka_client_options(self) -> dict[str, Any]:
        """Options in kafka-python / aiokafka spelling, only those that are set."""
        sec = self.kafka
        options: dict[str, Any] = {"security_protocol": sec.security_protocol}
        if sec.sasl_mechanism:
            options["sasl_mechanism"] = sec.sasl_mechanism
            options["sasl_plain_username"] = sec.sasl_username
            options["sasl_plain_password"] = (
                sec.sasl_password.get_secret_value() if sec.sasl_password else None
            )
        for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
            value = getattr(sec, name)
            if value:
                options[name] = str(value)
        return options


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    if config_file is not None:
        os.environ["BLEEDWATCH_CONFIG"] = str(config_file)
    return Settings(**overrides)
