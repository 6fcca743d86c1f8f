"""Batches through a pool of worker processes, in input order, that outlive a worker's death.

`multiprocessing.Pool` replaces a worker that dies (killed by the kernel for memory, or a crash
in C code such as lxml on a hostile page), but the batch it held never comes back, so a run
waited for it forever. Here the main process notices the new worker, starts a new pool, and runs
the unfinished batches again one at a time; a batch that kills a worker again is run document by
document, and the document that kills one is given up with a reason, as any other reject.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, Generic, TypeVar

K = TypeVar("K")
X = TypeVar("X")
R = TypeVar("R")

POLL = 0.2  # seconds between looks at the workers while waiting for a batch


class WorkerDied(Exception):
    """A worker process ended while it held work."""


def _lost_reason(code: int | None) -> str:
    if code is None:
        return "a worker process died cleaning this document"
    if code < 0:
        try:
            return f"a worker process died cleaning this document (signal {signal.Signals(-code).name})"
        except ValueError:
            pass
    return f"a worker process died cleaning this document (exit code {code})"


def _actor_died(e: Exception) -> bool:
    """Is ``e`` Ray saying the worker (an actor) holding the batch died?"""
    try:
        from ray.exceptions import RayActorError, WorkerCrashedError
    except ImportError:
        return False
    return isinstance(e, (RayActorError, WorkerCrashedError))


class Workers(Generic[X, R]):
    """``fn`` over batches on a pool from ``factory(jobs, initializer=, initargs=)``."""

    def __init__(self, factory: tuple[Any, bool], jobs: int, initializer: Any, initargs: tuple[Any, ...],
                 fn: Callable[[list[X]], R]) -> None:
        """``factory``: the pool factory, and whether its workers are local processes (their
        deaths are watched; Ray's pool reports its own)."""
        factory, local = factory
        self.factory, self.jobs, self.init, self.fn, self.local = factory, jobs, (initializer, initargs), fn, local
        self.pool: Any = None
        self.pids: set[int] = set()
        self.last_death: int | None = None
        self._start()

    def _start(self) -> None:
        self.pool = self.factory(self.jobs, initializer=self.init[0], initargs=self.init[1])
        procs = getattr(self.pool, "_pool", None)  # (multiprocessing's; Ray's pool raises instead)
        self.procs = list(procs) if self.local and procs is not None else []
        self.pids = {p.pid for p in self.procs}
        if self.local:
            from cleaner.engines.local import _widen_pipes

            _widen_pipes(self.pool)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def send(self, payload: list[X]) -> Any:
        return self.pool.apply_async(self.fn, (payload,))

    def wait(self, result: Any) -> R:
        """The result of a batch sent, or `WorkerDied` when a worker ended meanwhile."""
        while self.pids and not result.ready():
            result.wait(POLL)
            if not result.ready() and {p.pid for p in self.pool._pool} != self.pids:
                # a worker was replaced: the batch it held is gone; its exit code says why
                gone = [p.exitcode for p in self.procs if p.exitcode is not None]
                self.last_death = gone[0] if gone else None
                raise WorkerDied
        try:
            return result.get()
        except Exception as e:
            if _actor_died(e):  # Ray's pool: the actor's death is an error on the result
                self.last_death = None
                raise WorkerDied from e
            raise

    def restart(self) -> None:
        self.close()
        self._start()

    def alone(self, payload: list[X]) -> R:
        """``payload`` with nothing else in flight, so a death is its own."""
        try:
            return self.wait(self.send(payload))
        except WorkerDied:
            self.restart()
            raise


def ordered(workers: Workers[X, R], work: Iterator[tuple[K, list[X]]], combine: Callable[[list[R]], R],
            lost: Callable[[X, str], R], ahead: int) -> Iterator[tuple[K, R]]:
    """``(key, fn(payload))`` for each ``(key, payload)`` of ``work``, in order, at most ``ahead``
    batches in flight. After a worker's death the batches in flight run again alone; one that
    kills a worker again runs item by item (``combine`` joins the items' results), and an item
    that kills one gets ``lost(item, why)``."""
    pending: deque[tuple[K, list[X], Any]] = deque()
    try:
        for key, payload in islice(work, ahead):
            pending.append((key, payload, workers.send(payload)))
        while pending:
            key, payload, result = pending.popleft()
            try:
                done = workers.wait(result)
            except WorkerDied:
                redo = [(key, payload), *((k, p) for k, p, _ in pending)]
                pending.clear()
                workers.restart()
                for k, p in redo:
                    yield k, _isolated(workers, p, combine, lost)
                for k, p in islice(work, ahead):
                    pending.append((k, p, workers.send(p)))
                continue
            nxt = next(work, None)
            if nxt is not None:
                pending.append((nxt[0], nxt[1], workers.send(nxt[1])))
            yield key, done
    finally:
        workers.close()


def _isolated(workers: Workers[X, R], payload: list[X], combine: Callable[[list[R]], R],
              lost: Callable[[X, str], R]) -> R:
    try:
        return workers.alone(payload)
    except WorkerDied:
        pass
    parts = []
    for x in payload:
        try:
            parts.append(workers.alone([x]))
        except WorkerDied:
            parts.append(lost(x, _lost_reason(workers.last_death)))
    return combine(parts)
