"""datatrove: a pipeline step that cleans each document's ``.text``.

datatrove is imported only by `pipeline_step`, so this module loads without it. The step follows
datatrove's `PipelineStep` protocol: ``run(data, rank, world_size)`` yields the documents, and
calling the step does the same, which is how executors run plain callables. Run as a real
`PipelineStep`, it counts in datatrove's stats: documents seen, changed and dropped, and the hits
of each rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.api import Cleaner, default_cleaner
from cleaner.document import Document
from cleaner.io.writers import edits_json
from cleaner.pipeline import context_meta


class CleanerStep:
    """Clean ``doc.text`` in place; documents cleaned to nothing are dropped unless ``keep_empty``.
    ``ledger_key``: a metadata key that gets each document's edits as a JSON string (the
    ``edits`` of its `clean --explain` record)."""

    name = "🧽 cleaner"
    type = "🔻 - FILTER"

    def __init__(self, cleaner: Cleaner | None = None, keep_empty: bool = False, ledger_key: str | None = None) -> None:
        self.cleaner = cleaner or default_cleaner()
        self.keep_empty = keep_empty
        self.ledger_key = ledger_key

    def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for doc in data:
            meta = getattr(doc, "metadata", None) or {}
            ctx = context_meta(meta)  # lang, site, url and title, as `clean` reads a record's fields
            if "lang" not in ctx and isinstance(meta.get("language"), str):
                ctx["lang"] = meta["language"]  # (datatrove's own name for it)
            res = self.cleaner.clean(Document(str(getattr(doc, "id", "") or ""), doc.text, ctx))
            dropped = not self.keep_empty and not res.text.strip()
            self._count(res.edits, dropped)
            if dropped:
                continue
            if res.edits:
                doc.text = res.text
            if self.ledger_key:
                if getattr(doc, "metadata", None) is None:
                    doc.metadata = {}
                doc.metadata[self.ledger_key] = edits_json(res)
            yield doc

    def _count(self, edits: Iterable[Any], dropped: bool) -> None:
        """datatrove's counters (a `PipelineStep` has ``stat_update``; the plain step has none)."""
        stat = getattr(self, "stat_update", None)
        if stat is None:
            return
        hits = Counter(e.rule for e in edits)
        stat("documents")
        if hits:
            stat("changed")
        if dropped:
            stat("dropped_empty")
        for rule, n in sorted(hits.items()):
            stat(rule, value=n)

    def __call__(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        return self.run(data, rank, world_size)


def pipeline_step(cleaner: Cleaner | None = None, keep_empty: bool = False, ledger_key: str | None = None) -> Any:
    """The step as a real datatrove `PipelineStep` subclass (needs datatrove installed)."""
    from datatrove.pipeline.base import PipelineStep

    class _Step(CleanerStep, PipelineStep):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            PipelineStep.__init__(self)
            CleanerStep.__init__(self, cleaner, keep_empty, ledger_key)

    return _Step()
