"""A worker's logging builds no debug records: they cost CPU and Faust's carry raw values."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import faust
import pytest

from bleedwatch.streams.faust_compat import quiet_worker


@pytest.fixture
def restored_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield
    root.setLevel(level)
    root.handlers[:] = handlers


@pytest.mark.usefixtures("restored_root_logger")
def test_faust_debug_records_are_not_built_at_warning_level() -> None:
    app = faust.App("bleedwatch-logging-test", broker="kafka://127.0.0.1:1", autodiscover=False)
    worker = quiet_worker(app, "WARNING")
    worker._setup_logging()
    built: list[logging.LogRecord] = []
    factory = logging.getLogRecordFactory()

    def spy(*args: object, **kwargs: object) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        built.append(record)
        return record

    logging.setLogRecordFactory(spy)
    try:
        logging.getLogger("faust.topics").debug("send: topic=%r v=%r", "t", b"raw value")
    finally:
        logging.setLogRecordFactory(factory)
    assert logging.getLogger("faust.topics").getEffectiveLevel() == logging.WARNING
    assert built == []
