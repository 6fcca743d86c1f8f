"""A worker process that dies (killed for memory, a crash in C code) neither hangs nor ends a run:
its batch runs again, and the one document that kills a worker each time becomes a reject."""

import os
import signal

import pytest

from cleaner.api import Cleaner
from cleaner.corpus import passes
from cleaner.document import Document
from cleaner.engines import local
from cleaner.io.readers import Record, Reject

TEXT = "The talks on the border went on for hours, and officials said they would meet again. Post a Comment"


def items() -> list[Record]:
    out = [Record(Document(str(k), f"{TEXT} {k}\nShare this article"), "in.jsonl", k + 1) for k in range(40)]
    out[17] = Record(Document("17", "POISON " + TEXT), "in.jsonl", 18)
    return out


def _die_on_poison(text: str) -> None:
    if text.startswith("POISON") and mp_child():
        os.kill(os.getpid(), signal.SIGKILL)


def mp_child() -> bool:
    import multiprocessing

    return multiprocessing.parent_process() is not None


@pytest.mark.timeout(120)
def test_clean_stream_survives_a_document_that_kills_its_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    pack = local._pack

    def deadly(cleaner: Cleaner, doc: Document, *a: object) -> object:
        _die_on_poison(doc.text)
        return pack(cleaner, doc, *a)

    monkeypatch.setattr(local, "_pack", deadly)
    c = Cleaner.default()
    got = [o for b in local.clean_stream(c, items(), jobs=2, batch_size=4) for o in b]
    serial = [o for b in local.clean_stream(c, items(), jobs=1, batch_size=4) for o in b]
    assert len(got) == 40
    reject = got[17]
    assert isinstance(reject, Reject) and reject.line == 18
    assert reject.reason == "a worker process died cleaning this document (signal SIGKILL)"
    assert got[:17] + got[18:] == serial[:17] + serial[18:]  # everything else, as a serial run


@pytest.mark.timeout(120)
def test_a_corpus_pass_survives_it_too(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = passes._doc

    def deadly(d: Document, html: bool) -> object:
        _die_on_poison(d.text)
        return doc(d, html)

    monkeypatch.setattr(passes, "_doc", deadly)
    seen: list[Reject] = []
    total = passes.count(passes.NAMES, items(), jobs=2, batch_size=4, on_batch=lambda r, b: seen.extend(b))
    assert [(x.line, x.reason) for x in seen] == [(18, "a worker process died cleaning this document (signal SIGKILL)")]
    rest = [x for k, x in enumerate(items()) if k != 17]
    assert total == passes.count(passes.NAMES, rest, jobs=1)


def test_a_ray_actor_that_dies_counts_as_a_worker_death() -> None:
    """Ray's pool reports a dead actor as an error on the batch's result (measured: a SIGKILLed
    actor ended `clean --engine ray` with a traceback; now the run goes on, byte-identical)."""
    exceptions = pytest.importorskip("ray.exceptions")
    from cleaner.engines.pool import WorkerDied, Workers

    class Result:
        def __init__(self, error: Exception) -> None:
            self.error = error

        def get(self) -> object:
            raise self.error

    class Pool:  # a pool with no `_pool` of processes, as Ray's
        def terminate(self) -> None: ...

        def join(self) -> None: ...

    w = Workers((lambda *a, **k: Pool(), False), 2, None, (), len)
    with pytest.raises(WorkerDied):
        w.wait(Result(exceptions.ActorDiedError()))
    with pytest.raises(ValueError):  # any other error is the caller's
        w.wait(Result(ValueError("a bug")))
