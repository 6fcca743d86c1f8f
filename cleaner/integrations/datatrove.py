"""datatrove: a pipeline step that cleans each document's ``.text``.

datatrove is imported lazily (only for its stats helpers), so this module loads without it. The
step follows datatrove's `PipelineStep` protocol: ``run(data, rank, world_size)`` yields the
documents, and calling the step does the same, which is how executors run plain callables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.api import Cleaner, default_cleaner
from cleaner.document import Document
from cleaner.pipeline import context_meta


class CleanerStep:
    """Clean ``doc.text`` in place; documents cleaned to nothing are dropped unless ``keep_empty``."""

    name = "🧽 cleaner"
    type = "🔻 - FILTER"

    def __init__(self, cleaner: Cleaner | None = None, keep_empty: bool = False) -> None:
        self.cleaner = cleaner or default_cleaner()
        self.keep_empty = keep_empty

    def run(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for doc in data:
            meta = getattr(doc, "metadata", None) or {}
            ctx = context_meta(meta)  # lang, site, url and title, as `clean` reads a record's fields
            if "lang" not in ctx and isinstance(meta.get("language"), str):
                ctx["lang"] = meta["language"]  # (datatrove's own name for it)
            res = self.cleaner.clean(Document(str(getattr(doc, "id", "") or ""), doc.text, ctx))
            if not res.text.strip() and not self.keep_empty:
                continue
            if res.edits:
                doc.text = res.text
            yield doc

    def __call__(self, data: Iterable[Any], rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        return self.run(data, rank, world_size)


def pipeline_step(cleaner: Cleaner | None = None, keep_empty: bool = False) -> Any:
    """The step as a real datatrove `PipelineStep` subclass (needs datatrove installed)."""
    from datatrove.pipeline.base import PipelineStep

    class _Step(CleanerStep, PipelineStep):  # type: ignore[misc, valid-type]
        def __init__(self) -> None:
            PipelineStep.__init__(self)
            CleanerStep.__init__(self, cleaner, keep_empty)

    return _Step()
