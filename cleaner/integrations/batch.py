"""A batch of columns cleaned: the one body of the Hugging Face map function and the Ray Data
batch function, so both give the text (and the ledger) `clean` gives for the same records."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cleaner.api import Cleaner
from cleaner.document import Document
from cleaner.io.writers import edits_json
from cleaner.pipeline import context_meta


def clean_columns(cleaner: Cleaner, batch: Mapping[str, Any], text_field: str = "text",
                  ledger_field: str | None = None) -> dict[str, Any]:
    """``batch`` with ``text_field`` cleaned (non-strings kept as they are). A row's
    `CONTEXT_FIELDS` columns count as a JSON Lines record's fields count for `clean`. With
    ``ledger_field``, that column gets each row's edits as JSON: the ``edits`` of its `clean
    --explain` record (None for a row whose text is not a string)."""
    out = dict(batch)
    texts, ledgers = [], []
    for i, t in enumerate(batch[text_field]):
        if isinstance(t, str):
            res = cleaner.clean(Document("", t, context_meta(batch, i, text_field)))
            texts.append(res.text)
            ledgers.append(edits_json(res) if ledger_field else None)
        else:
            texts.append(t)
            ledgers.append(None)
    out[text_field] = texts
    if ledger_field:
        out[ledger_field] = ledgers
    return out
