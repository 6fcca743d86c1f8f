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
from cleaner.document import Result
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


def _clean_batch(batch: list[Item]) -> list[Outcome]:
    assert _WORKER is not None
    return [clean_one(_WORKER, it) for it in batch]


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
        pending: deque[Any] = deque()
        it = batches(items, batch_size)
        for b in islice(it, 2 * jobs):
            pending.append(pool.apply_async(_clean_batch, (b,)))
        while pending:
            done = pending.popleft().get()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(pool.apply_async(_clean_batch, (nxt,)))
            yield done
