"""A poll's records reach the agents in produce-time order, whatever the topics' densities."""

from __future__ import annotations

from typing import NamedTuple

from faust.transport.utils import DefaultSchedulingStrategy
from faust.types import TP

from bleedwatch.streams.scheduling import ProduceTimeOrder


class Record(NamedTuple):
    offset: int
    timestamp: int


def _poll() -> dict[TP, list[Record]]:
    # two model outputs per turn against one context: the dense topic has twice the records
    outputs = TP("model-outputs", 0)
    contexts = TP("retrieved-contexts", 0)
    return {
        outputs: [Record(i, 1000 + 5 * i) for i in range(8)],
        contexts: [Record(i, 1000 + 10 * i) for i in range(4)],
    }


def test_records_come_in_timestamp_order_and_each_partition_in_offset_order() -> None:
    order = list(ProduceTimeOrder().iterate(_poll()))
    stamps = [record.timestamp for _, record in order]
    assert stamps == sorted(stamps) and len(order) == 12
    for tp in _poll():
        offsets = [record.offset for t, record in order if t == tp]
        assert offsets == sorted(offsets)


def test_the_dense_topic_does_not_fall_behind_as_with_faust_round_robin() -> None:
    def outputs_behind(order: list[tuple[TP, Record]]) -> int:
        """Produce-time lag of the outputs delivered when the last context is delivered (ms)."""
        last_context = max(i for i, (tp, _) in enumerate(order) if tp.topic == "retrieved-contexts")
        seen = [r.timestamp for tp, r in order[: last_context + 1] if tp.topic == "model-outputs"]
        return order[last_context][1].timestamp - max(seen)

    assert outputs_behind(list(DefaultSchedulingStrategy().iterate(_poll()))) > 0
    assert outputs_behind(list(ProduceTimeOrder().iterate(_poll()))) <= 0
