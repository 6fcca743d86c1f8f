"""Ray Data: ``clean_dataset(ds)`` cleans a text column with ``ds.map_batches``.

A callable class, so each Ray actor builds (unpickles) the Cleaner once and reuses it for every
batch. Ray itself is not imported here; the dataset brings it.
"""

from __future__ import annotations

from typing import Any

from cleaner.api import Cleaner, default_cleaner


class CleanBatch:
    """The batch function: replaces ``text_field`` of a numpy/dict batch with its cleaned text."""

    def __init__(self, cleaner: Cleaner | None = None, text_field: str = "text") -> None:
        self.cleaner = cleaner or default_cleaner()
        self.text_field = text_field

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        out = dict(batch)
        out[self.text_field] = [self.cleaner.clean(t).text if isinstance(t, str) else t for t in batch[self.text_field]]
        return out


def clean_dataset(ds: Any, cleaner: Cleaner | None = None, text_field: str = "text", *,
                  concurrency: int | tuple[int, int] = 1, batch_size: int = 256, **kwargs: Any) -> Any:
    """A new Ray Dataset with ``text_field`` cleaned (lazy, like every Ray Data transform)."""
    return ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"cleaner": cleaner or default_cleaner(), "text_field": text_field},
        batch_format="numpy",
        batch_size=batch_size,
        concurrency=concurrency,
        **kwargs,
    )
