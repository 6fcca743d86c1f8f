"""The local engine: clean a stream of records in order, on one process or a pool of workers.

Records go out in batches; at most ``2 * jobs`` batches are in flight, so memory stays bounded
however large the input, and results come back in input order, so ``--jobs N`` writes the same
bytes as a serial run. One document that fails to clean becomes a reject, not a crash.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import partial
from typing import Any, NamedTuple

from cleaner.api import Cleaner
from cleaner.document import Document, Edit, Result
from cleaner.io.readers import Record, Reject, extracted
from cleaner.summary import Tally, tally

Item = Record | Reject


class Cleaned(NamedTuple):
    """A cleaned document without its edits, when no ledger, diff or verify needs them: the
    output text and what the summary counts (`cleaner.summary.tally`, the events)."""

    text: str
    original: str
    tally: Tally
    events: Mapping[str, int]


Outcome = tuple[Record, Result | Cleaned] | Reject

_WORKER: Cleaner | None = None


def _init_worker(cleaner: Cleaner) -> None:
    global _WORKER
    _WORKER = cleaner
    try:  # Ctrl-C reaches the whole process group: the main process alone handles it (and
        # ends the pool), so the workers do not each print a KeyboardInterrupt traceback;
        # SIGTERM, which the pool ends them with, ends them (not the CLI's handler they inherit)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    except ValueError:  # not a process's main thread (a Ray worker): nothing to quiet
        pass


def _failure(e: Exception) -> str:
    """Why a document could not be cleaned."""
    if isinstance(e, RecursionError):
        return "cleaning failed: recursion limit"
    return f"cleaning failed: {type(e).__name__}: {str(e)[:200]}"


def clean_one(cleaner: Cleaner, item: Item) -> Outcome:
    if isinstance(item, Reject):
        return item
    if item.html:
        doc = extracted(item.doc)
        if isinstance(doc, str):
            return Reject(item.source, item.line, doc, "")
        item = replace(item, doc=doc, html=False)
    try:
        return item, cleaner.clean(item.doc)
    except Exception as e:  # a bug or a pathological document must not end the run
        return Reject(item.source, item.line, _failure(e), "")


# What a worker sends back for one document: the cleaned text (None: unchanged), then the edits
# as plain tuples and the stats, or (``edits=False``) only its `tally` and events, then the text
# it extracted from a page read as HTML with its metadata (else None); or the reason it failed. Not the original
# text nor the record, which the main process still holds: with two cores, every byte pickled
# and every object built in the main process is time taken from a worker.
Packed = tuple[str | None, Any, Any, tuple[str, Any] | None] | str


def _pack(cleaner: Cleaner, doc: Document, edits: bool, html: bool = False) -> Packed:
    if html:
        got = extracted(doc)
        if isinstance(got, str):
            return got
        doc = got
    try:
        r = cleaner.clean(doc)
    except Exception as e:  # as in `clean_one`
        return _failure(e)
    text = None if r.text == r.original else r.text
    page = (r.original, doc.meta) if html else None  # (the page's own URL is in its metadata now)
    if edits:
        return text, tuple(map(tuple, r.edits)), r.stats, page  # plain tuples: smaller pickles than named ones
    return text, tally(r.edits), r.stats.get("events", {}), page


def _unpack(item: Item, packed: Packed | None, edits: bool) -> Outcome:
    if isinstance(item, Reject):
        return item
    if isinstance(packed, str):
        return Reject(item.source, item.line, packed, "")
    assert packed is not None  # (None stands for a reject)
    text, done, info, page = packed  # edits and stats, or tally and events; the extracted page
    if page is not None:
        item = replace(item, doc=Document(item.doc.id, page[0], page[1]), html=False)
    original = item.doc.text
    if text is None:
        text = original
    if not edits:
        return item, Cleaned(text, original, done, info)
    return item, Result(text=text, edits=tuple(map(Edit._make, done)), original=original,
                        doc_id=item.doc.id, stats=info)


def _clean_batch(docs: list[tuple[str, str, Any, bool] | None], edits: bool = True) -> list[Packed | None]:
    """Clean one batch in a worker: documents as `_light` sends them."""
    assert _WORKER is not None
    return [None if d is None else _pack(_WORKER, Document(d[0], d[1], d[2]), edits, d[3]) for d in docs]


def _light(item: Item) -> tuple[str, str, Any, bool] | None:
    """What a worker needs of an item: a document's fields and whether its text is HTML to
    extract (a tuple pickles several times faster than the dataclass), or None for a reject."""
    if isinstance(item, Reject):
        return None
    d = item.doc
    return d.id, d.text, d.meta, item.html


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


def _widen_pipes(pool: Any, size: int = 1 << 20) -> None:
    """Make the pool's pipes large enough for a batch or its results (Linux: 64 KB by default).

    A batch is a few hundred KB: through a 64 KB pipe, a worker sending its results (or taking
    its next batch) waits at each chunk for the main process's pool thread to be scheduled and
    take the GIL, which the main thread holds while it reads and writes records: a tenth of a
    second per worker and run of 16 MB, on two cores. Best effort: elsewhere nothing changes.
    """
    try:
        import fcntl

        for q in (pool._inqueue, pool._outqueue):
            fcntl.fcntl(q._writer.fileno(), fcntl.F_SETPIPE_SZ, size)
    except (ImportError, AttributeError, OSError):  # not Linux, or a pipe limit below ``size``
        pass


def clean_stream(cleaner: Cleaner, items: Iterable[Item], jobs: int = 1, batch_size: int = 64,
                 pool_factory: Any = None, edits: bool = True) -> Iterator[list[Outcome]]:
    """Yield cleaned batches in input order.

    With ``edits=False`` a document cleaned by a worker comes back as `Cleaned`, not `Result`:
    the caller needs no edit, and the workers, not the main process, count them.

    ``pool_factory(jobs, initializer, initargs)`` makes the worker pool: local processes by
    default; the Ray engine passes Ray's drop-in ``Pool``, so both engines share this code.
    """
    if jobs <= 1 and pool_factory is None:
        for b in batches(items, batch_size):
            yield [clean_one(cleaner, it) for it in b]
        return
    from cleaner.engines.pool import Workers, ordered

    workers = Workers(_factory(pool_factory), jobs, _init_worker, (cleaner,), partial(_clean_batch, edits=edits))
    work = ((b, [_light(x) for x in b]) for b in batches(items, batch_size))
    for b, done in ordered(workers, work, _concat, lambda x, why: [why], 2 * jobs):
        yield [_unpack(x, p, edits) for x, p in zip(b, done, strict=True)]


def _factory(pool_factory: Any) -> tuple[Any, bool]:
    """The pool factory, and whether it is local processes (fork where there is fork)."""
    if pool_factory is not None:
        return pool_factory, False
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    return ctx.Pool, True


def _concat(parts: list[list[Any]]) -> list[Any]:
    return [x for part in parts for x in part]
