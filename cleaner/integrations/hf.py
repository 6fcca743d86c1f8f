"""Hugging Face `datasets`: ``dataset.map(map_fn(), batched=True)`` cleans the text column.

A plain function of a batch dict, so it needs no import of `datasets` and pickles (the Cleaner
pickles as its config and rules) for ``num_proc`` workers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cleaner.api import Cleaner, default_cleaner
from cleaner.integrations.batch import clean_columns


class _MapFn:
    def __init__(self, cleaner: Cleaner, text_field: str, ledger_field: str | None) -> None:
        self.cleaner = cleaner
        self.text_field = text_field
        self.ledger_field = ledger_field

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        return clean_columns(self.cleaner, batch, self.text_field, self.ledger_field)


def map_fn(cleaner: Cleaner | None = None, text_field: str = "text",
           ledger_field: str | None = None) -> Callable[[dict[str, list[Any]]], dict[str, list[Any]]]:
    """A batched map function replacing ``text_field`` with its cleaned text (non-strings kept);
    a row's `CONTEXT_FIELDS` columns (``lang``, ``site``, ``url``, ``title``) count as in a JSON Lines
    record for `clean`. ``ledger_field``: a new column with each row's edits as a JSON string
    (the ``edits`` of its `clean --explain` record)."""
    return _MapFn(cleaner or default_cleaner(), text_field, ledger_field)
