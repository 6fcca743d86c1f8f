"""The local engine: clean a stream of records in order, on one process or a pool of workers.

Records go out in batches; at most ``2 * jobs`` batches are in flight, so memory stays bounded
however large the input, and results come back in input order, so ``--jobs N`` writes the same
bytes as a serial run. One document that fails to clean becomes a reject, not a crash.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from cleaner.api import Cleaner
from cleaner.document import Edit, Result
from cleaner.io.readers import Record, Reject

Item = Record | Reject
Outcome = tuple[Record, Result] | Reject

_WORKER: Cleaner | None = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner


def clean_one(cleaner: Cleaner, item: Item) -> Outcome:
    if isinstance(item, Reject):
        return item
    try:
        return item, cleaner.clean(item.doc)
    except RecursionError:
        return Reject(item.source, item.line, "cleaning failed: recursion limit", "")
    except Exception as e:  # a bug or a pathological document must not end the run
        return Reject(item.source, item.line, f"cleaning failed: {type(e).__name__}: {str(e)[:200]}", "")


# What a worker sends back for one document: the cleaned text (None: unchanged), the edits as
# plain tuples, the stats; or the reason it failed. Not the original text nor the record, which
# the main process still holds: with two cores, every byte pickled is time taken from a worker.
Packed = tuple[str | None, tuple[tuple[Any, ...], ...], Any] | str


def _pack(outcome: Outcome) -> Packed:
    if isinstance(outcome, Reject):
        return outcome.reason
    _, r = outcome
    edits = tuple(map(tuple, r.edits))  # plain tuples: smaller pickles than named ones
    return (None if r.text == r.original else r.text), edits, r.stats


def _unpack(item: Item, packed: Packed) -> Outcome:
    if isinstance(item, Reject):
        return item
    if isinstance(packed, str):
        return Reject(item.source, item.line, packed, "")
    text, edits, stats = packed
    original = item.doc.text
    return item, Result(text=original if text is None else text, edits=tuple(map(Edit._make, edits)),
                        original=original, doc_id=item.doc.id, stats=stats)


def _clean_batch(docs: list[Item]) -> list[Packed]:
    """Clean one batch in a worker; records arrive without their raw fields (`_light`)."""
    assert _WORKER is not None
    return [_pack(clean_one(_WORKER, it)) for it in docs]


def _light(item: Item) -> Item:
    """The part of an item a worker needs: a record without its parsed JSON (``raw``)."""
    return Record(item.doc, item.source, item.line) if isinstance(item, Record) else item


def batches(items: Iterable[Item], size: int, max_chars: int = 8 << 20) -> Iterator[list[Item]]:
    """Batches of at most ``size`` items or about ``max_chars`` characters."""
    batch: list[Item] = []
    chars = 0
    for it in items:
        batch.append(it)
        if isinstance(it, Record):
            chars += len(it.doc.text)
        if len(batch) >= size or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def clean_stream(cleaner: Cleaner, items: Iterable[Item], jobs: int = 1, batch_size: int = 64,
                 pool_factory: Any = None) -> Iterator[list[Outcome]]:
    """Yield cleaned batches in input order.

    ``pool_factory(jobs, initializer, initargs)`` makes the worker pool: local processes by
    default; the Ray engine passes Ray's drop-in ``Pool``, so both engines share this code.
    """
    if jobs <= 1 and pool_factory is None:
        for b in batches(items, batch_size):
            yield [clean_one(cleaner, it) for it in b]
        return
    if pool_factory is None:
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        pool_factory = ctx.Pool
    with pool_factory(jobs, initializer=_init_worker, initargs=(cleaner,)) as pool:
        pending: deque[tuple[list[Item], Any]] = deque()
        it = batches(items, batch_size)

        def send(b: list[Item]) -> None:
            pending.append((b, pool.apply_async(_clean_batch, ([_light(x) for x in b],))))

        for b in islice(it, 2 * jobs):
            send(b)
        while pending:
            b, result = pending.popleft()
            done = result.get()
            nxt = next(it, None)
            if nxt is not None:
                send(nxt)
            yield [_unpack(x, p) for x, p in zip(b, done, strict=True)]
