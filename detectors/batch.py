"""The one batch algorithm every path runs: extract, plan, fetch, apply.

A batch of events (in event-time order) goes through four steps:

1. **extract** (stateless, :class:`~.extract.Extractor`): tokens, PII, shingles, topic;
2. **plan** (:class:`Batch`): which outputs need NER (:meth:`Batch.names_needed`), and which
   index keys judging the outputs may read (:meth:`Batch.lookup_keys`);
3. **fetch**: the caller reads those keys from wherever the attribution index lives (an
   in-process dict offline, Kafka-partitioned tables in the stream) into a
   :class:`BatchIndex`;
4. **apply** (:meth:`Batch.apply`): learn and judge each event in order against the session
   store and the batch index, which also collects what the batch records, for the caller to
   write back (:meth:`BatchIndex.record_groups`).

``scan``, ``replay`` and the stream differ only in how they do step 3 and where step 1 runs,
so a verdict never depends on the path. The stream may apply a batch in several steps:
``apply(index, outputs=k)`` stops before the (k+1)-th output not yet judged, so that a worker
can judge the outputs the index is complete for and publish its progress before it asks
again for the rest (see ``bleedwatch.streams.watermarks``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from bleedwatch.models import EventKind, Verdict

from .attribution import Origin, Sighting, filter_as_of, merge_sighting, merge_sightings
from .extract import Extraction

if TYPE_CHECKING:
    from .pipeline import DetectionPipeline, Provisional


def index_partition(key: int, partitions: int) -> int:
    """The index partition that owns a fingerprint key."""
    return key % partitions


def group_by_partition(keys: Iterable[int], partitions: int) -> dict[int, list[int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for key in set(keys):
        groups[index_partition(key, partitions)].append(key)
    return dict(groups)


RecordGroup = tuple[list[int], Origin]


class BatchIndex:
    """An attribution index over one batch: the sightings fetched for it, plus what the batch
    itself records, so a later event of the batch sees an earlier one's records.

    :meth:`add` folds in more fetched sightings (a later fetch for the rest of the batch);
    folding in what is already there changes nothing.
    """

    def __init__(
        self,
        fetched: Mapping[int, Sighting] | None = None,
        last_step: float = 0.0,
        ttl: float | None = None,
    ) -> None:
        """``last_step`` and ``ttl``: the detector's ``index_last_step`` and
        ``index_ttl_seconds``, so it merges and reads as every index does."""
        self._seen: dict[int, Sighting] = dict(fetched or {})
        self.last_step = last_step
        self.ttl = ttl
        self.pending: list[RecordGroup] = []
        # set while the fetched sightings may be incomplete (the stream's lookup passed its
        # maximum wait): the pipeline hands it each output it judges (see ``Provisional``)
        self.keep_provisional: Callable[[Provisional], None] | None = None

    def add(self, fetched: Mapping[int, Sighting]) -> None:
        seen = self._seen
        for key, sighting in fetched.items():
            current = seen.get(key)
            seen[key] = (
                sighting if current is None else merge_sightings(current, sighting, self.last_step, self.ttl)
            )

    def lookup(self, keys: Iterable[int], as_of: float | None = None) -> dict[int, Sighting]:
        seen = self._seen
        return filter_as_of({k: seen[k] for k in keys if k in seen}, as_of, self.ttl, self.last_step)

    def record(self, keys: Iterable[int], origin: Origin) -> None:
        keys = list(keys)
        for key in keys:
            self._seen[key] = merge_sighting(self._seen.get(key), origin, self.last_step, self.ttl)
        if keys:
            self.pending.append((keys, origin))

    def take_records(self) -> list[RecordGroup]:
        """What the batch recorded since the last call, in order (to write back)."""
        pending, self.pending = self.pending, []
        return pending


def records_by_partition(
    records: Sequence[RecordGroup], partitions: int
) -> list[tuple[int, list[RecordGroup]]]:
    """Records grouped by index partition: one message per partition."""
    by_partition: dict[int, list[RecordGroup]] = defaultdict(list)
    for keys, origin in records:
        for partition, group in group_by_partition(keys, partitions).items():
            by_partition[partition].append((group, origin))
    return sorted(by_partition.items())


Result = list[Verdict] | Exception


class Batch:
    """The stateful half of one batch: plan it, then apply it in event order.

    ``extracted[i]`` is event i's extraction, or the exception extracting it raised (that
    event then yields the exception as its result, so the caller can dead-letter it).
    """

    def __init__(self, pipeline: DetectionPipeline, extracted: Sequence[Extraction | Exception]) -> None:
        self.pipeline = pipeline
        self.extracted = list(extracted)
        self.applied = 0  # events applied so far

    def __len__(self) -> int:
        return len(self.extracted)

    @property
    def done(self) -> bool:
        return self.applied >= len(self.extracted)

    def names_needed(self) -> list[int]:
        """Positions of the outputs that need NER (see :meth:`DetectionPipeline.names_needed`)."""
        return self.pipeline.names_needed(self.extracted)

    def set_names(self, positions: Sequence[int], named: Sequence[Extraction | Exception]) -> None:
        for i, ex in zip(positions, named, strict=True):
            self.extracted[i] = ex

    def remaining_outputs(self) -> list[int]:
        """Positions of the outputs not applied yet, in order."""
        return [
            i
            for i in range(self.applied, len(self.extracted))
            if isinstance(ex := self.extracted[i], Extraction) and ex.event.kind is EventKind.MODEL_OUTPUT
        ]

    def lookup_keys(self) -> list[int]:
        """Every index key judging the outputs not applied yet may read."""
        keys = self.pipeline.remote_lookup_keys
        return [
            k
            for i in self.remaining_outputs()
            for k in keys(self.extracted[i])  # type: ignore[arg-type]
        ]

    def apply(
        self,
        index: BatchIndex,
        outputs: int | None = None,
        on_result: Callable[[int, Result], None] | None = None,
    ) -> list[tuple[int, Result]]:
        """Learn and judge events in order, stopping before the (``outputs`` + 1)-th output
        (all of them when None). Returns (position, verdicts or exception) per applied event.

        An event whose processing raises yields its exception and changes no state beyond
        what the pipeline committed before raising.
        """
        results: list[tuple[int, Result]] = []
        judged = 0
        pipeline = self.pipeline
        while self.applied < len(self.extracted):
            i = self.applied
            ex = self.extracted[i]
            is_output = isinstance(ex, Extraction) and ex.event.kind is EventKind.MODEL_OUTPUT
            if is_output and outputs is not None and judged >= outputs:
                break
            result: Result
            if isinstance(ex, Exception):
                result = ex
            else:
                try:
                    result = pipeline.apply(ex, index=index)
                except Exception as exc:
                    result = exc
            judged += is_output
            self.applied += 1
            results.append((i, result))
            if on_result is not None:
                on_result(i, result)
        return results
