"""Hugging Face `datasets`: ``dataset.map(map_fn(), batched=True)`` cleans the text column.

A plain function of a batch dict, so it needs no import of `datasets` and pickles (the Cleaner
pickles as its config and rules) for ``num_proc`` workers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cleaner.api import Cleaner, default_cleaner
from cleaner.document import Document
from cleaner.pipeline import context_meta


class _MapFn:
    def __init__(self, cleaner: Cleaner, text_field: str) -> None:
        self.cleaner = cleaner
        self.text_field = text_field

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        texts = batch[self.text_field]
        out = dict(batch)
        out[self.text_field] = [
            self.cleaner.clean(Document("", t, context_meta(batch, i, self.text_field))).text if isinstance(t, str) else t
            for i, t in enumerate(texts)]
        return out


def map_fn(cleaner: Cleaner | None = None, text_field: str = "text") -> Callable[[dict[str, list[Any]]], dict[str, list[Any]]]:
    """A batched map function replacing ``text_field`` with its cleaned text (non-strings kept);
    a row's `CONTEXT_FIELDS` columns (``lang``, ``site``, ``url``, ``title``) count as in a JSON Lines
    record for `clean`."""
    return _MapFn(cleaner or default_cleaner(), text_field)
