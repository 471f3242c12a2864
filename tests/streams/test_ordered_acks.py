"""Acks reach Faust in offset order, whatever order events finish in (see streams/acks.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bleedwatch.streams.acks import OrderedAcks


@dataclass
class Msg:
    topic: str
    partition: int
    offset: int


@dataclass
class FakeEvent:
    message: Msg
    log: list[tuple[str, int, int]] = field(default_factory=list)

    def ack(self) -> bool:
        self.log.append((self.message.topic, self.message.partition, self.message.offset))
        return True


def events(log: list[tuple[str, int, int]], topic: str, partition: int, offsets: range) -> list[FakeEvent]:
    return [FakeEvent(Msg(topic, partition, o), log) for o in offsets]


def test_a_later_offset_waits_for_an_earlier_one() -> None:
    log: list[tuple[str, int, int]] = []
    acks = OrderedAcks()
    evs = events(log, "t", 0, range(5))
    for e in evs:
        acks.received(e)
    acks.ack(evs[0])
    acks.ack(evs[2])  # a forward confirmed while offset 1 still waits in a sequencer
    acks.ack(evs[3])
    assert log == [("t", 0, 0)]
    assert acks.waiting("t", 0) == 4
    acks.ack(evs[1])
    assert log == [("t", 0, 0), ("t", 0, 1), ("t", 0, 2), ("t", 0, 3)]
    acks.ack(evs[4])
    assert [o for _, _, o in log] == [0, 1, 2, 3, 4]
    assert acks.waiting("t", 0) == 0


def test_partitions_and_topics_are_independent() -> None:
    log: list[tuple[str, int, int]] = []
    acks = OrderedAcks()
    a = events(log, "t", 0, range(10, 12))
    b = events(log, "t", 1, range(3))
    c = events(log, "u", 0, range(2))
    for e in [*a, *b, *c]:
        acks.received(e)
    acks.ack(b[0])
    acks.ack(c[1])
    acks.ack(a[1])
    assert log == [("t", 1, 0)]
    acks.ack(a[0])
    assert log == [("t", 1, 0), ("t", 0, 10), ("t", 0, 11)]


def test_a_revoked_partition_forgets_and_late_acks_are_ignored() -> None:
    log: list[tuple[str, int, int]] = []
    acks = OrderedAcks()
    evs = events(log, "t", 0, range(3))
    for e in evs:
        acks.received(e)
    acks.revoked("t", 0)
    acks.ack(evs[0])  # a step that finished after the revoke: its events go to the new owner
    assert log == []
    again = events(log, "t", 0, range(3))  # reassigned: delivered again from the commit
    for e in again:
        acks.received(e)
    acks.received(again[1])  # a second delivery of one offset is one entry
    for e in reversed(again):
        acks.ack(e)
    assert [o for _, _, o in log] == [0, 1, 2]
