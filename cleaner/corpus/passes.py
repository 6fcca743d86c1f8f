"""The corpus passes as map and reduce, run the same way on one process, on worker processes
(`clean learn --jobs N`) or on Ray (``--engine ray``, and `cleaner.engines.ray` on Ray Data).

A pass first cleans each document with the stages before it (so it counts what those stages
leave, as the run that applies its table will see), then maps it to a partial count; partial
counts are added up and finalized once. A worker adds up a whole batch and sends back one
partial count, not one per document. Batches are added in input order, and the passes' ``add``
is associative, so every way of running a pass gives the same table (past a memory bound too:
each batch is counted from an empty count, and the batches are added in the same order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Generic, TypeVar

from cleaner.api import Cleaner
from cleaner.config import Config
from cleaner.corpus import names, site_lines
from cleaner.document import Document
from cleaner.engines.local import _factory, _failure, _light, batches
from cleaner.engines.local import _init_worker as _init_clean_worker
from cleaner.engines.pool import Workers, ordered
from cleaner.io.readers import Record, Reject, extracted
from cleaner.pipeline import site_of

T = TypeVar("T")
Item = Record | Reject


@dataclass(frozen=True)
class CorpusPass(Generic[T]):
    """One corpus pass: the stages its pre-clean skips, and its map and add.

    ``map_doc(doc, text)``: the partial count of one document, ``text`` being its pre-cleaned
    text; ``empty()``: a count of nothing; ``add(acc, part)``: ``part`` added into ``acc``."""

    name: str
    skip: tuple[str, ...]
    map_doc: Callable[[Document, str], T]
    empty: Callable[..., T]
    add: Callable[[T, T], T]

    def pre_cleaner(self) -> Cleaner:
        return Cleaner(Config(skip=self.skip))

    def bounded(self, **bounds: int) -> CorpusPass[T]:
        """The pass with its memory bounds (`SiteCounts`'s ``max_lines`` and ``max_total``, or
        `NameCounts`'s ``max_names``), for every partial count (on a worker too) and the total."""
        return replace(self, empty=partial(self.empty, **bounds))


def _names_map(doc: Document, text: str) -> Any:
    return names.map_doc(text)


def _site_map(doc: Document, text: str) -> Any:
    return site_lines.map_doc(site_of(doc.meta), text)


# `clean names`: every stage but names, so boilerplate and fragments are not counted as names.
NAMES: CorpusPass[Any] = CorpusPass("names", ("names",), _names_map, names.NameCounts, names.add)
# `clean learn`: unicode repairs and residue only, so the counted lines are what the
# boilerplate stage will see.
SITE_LINES: CorpusPass[Any] = CorpusPass(
    "learn", ("boilerplate", "duplicates", "fragments", "names"), _site_map, site_lines.SiteCounts, site_lines.add)


def count_batch(cleaner: Cleaner, p: CorpusPass[T], docs: Iterable[Document | str]) -> tuple[T, list[tuple[int, str]]]:
    """The partial count of a batch, and ``(index, reason)`` for each document that failed
    (a str among ``docs``: why that document has no text, as `extracted` says)."""
    acc = p.empty()
    failed: list[tuple[int, str]] = []
    for k, doc in enumerate(docs):
        if isinstance(doc, str):
            failed.append((k, doc))
            continue
        try:
            acc = p.add(acc, p.map_doc(doc, cleaner.clean(doc).text))
        except Exception as e:  # one pathological document must not end a long pass
            failed.append((k, _failure(e)))
    return acc, failed


_WORKER: tuple[Cleaner, CorpusPass[Any]] | None = None


def _init_worker(cleaner: Cleaner, p: CorpusPass[Any]) -> None:
    global _WORKER
    _WORKER = (cleaner, p)
    _init_clean_worker(cleaner)  # (its signal handling)


def _count_in_worker(docs: list[tuple[str, str, Any, bool]]) -> tuple[Any, list[tuple[int, str]]]:
    assert _WORKER is not None
    return count_batch(_WORKER[0], _WORKER[1], (_doc(Document(d[0], d[1], d[2]), d[3]) for d in docs))


def _doc(doc: Document, html: bool) -> Document | str:
    """The document to count: a page read as HTML extracted (here, in the worker), or why not."""
    return extracted(doc) if html else doc


def count(p: CorpusPass[T], items: Iterable[Item], jobs: int = 1, batch_size: int = 64,
          pool_factory: Any = None, on_batch: Callable[[list[Record], list[Reject]], None] | None = None) -> T:
    """The total count of ``items``; ``on_batch(records, rejects)`` after each batch: the
    records counted, and the rejects read or documents that failed to clean. At most ``2 * jobs`` batches are in
    flight, so memory holds the total and a few batches, not the corpus."""
    total = p.empty()
    cleaner = p.pre_cleaner()

    def settle(b: list[Item], part: T, failed: list[tuple[int, str]]) -> None:
        nonlocal total
        total = p.add(total, part)
        if on_batch is not None:
            records = [x for x in b if isinstance(x, Record)]
            rejects = [x for x in b if isinstance(x, Reject)]
            if failed:
                why = dict(failed)
                rejects += [Reject(r.source, r.line, why[k], "") for k, r in enumerate(records) if k in why]
                records = [r for k, r in enumerate(records) if k not in why]
            on_batch(records, rejects)

    if jobs <= 1 and pool_factory is None:
        for b in batches(items, batch_size):
            settle(b, *count_batch(cleaner, p, (_doc(x.doc, x.html) for x in b if isinstance(x, Record))))
        return total

    def combine(parts: list[tuple[T, list[tuple[int, str]]]]) -> tuple[T, list[tuple[int, str]]]:
        """Single documents' results as one batch's (after a worker died on the batch)."""
        acc = p.empty()
        failed = []
        for k, (part, fails) in enumerate(parts):
            acc = p.add(acc, part)
            failed += [(k, why) for _, why in fails]
        return acc, failed

    workers = Workers(_factory(pool_factory), jobs, _init_worker, (cleaner, p), _count_in_worker)
    work = ((b, [d for d in map(_light, b) if d is not None]) for b in batches(items, batch_size))
    for b, (part, failed) in ordered(workers, work, combine, lambda x, why: (p.empty(), [(0, why)]), 2 * jobs):
        settle(b, part, failed)
    return total
