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


def ray_pool_factory(address: str | None = None, quiet: bool = False) -> Any:
    """A pool factory for `clean_stream` backed by Ray (``--engine ray``).

    ``ray.util.multiprocessing.Pool`` keeps the local engine's ordered, bounded batching, so the
    output is byte-identical to ``--engine local``; ``address`` (or ``RAY_ADDRESS``) points it at
    a cluster, otherwise Ray starts locally. ``quiet`` (``clean -q``): Ray's own log lines
    below errors are not printed either.
    """
    import logging

    import ray
    from ray.util.multiprocessing import Pool

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
                 logging_level=logging.ERROR if quiet else logging.WARNING)

    def factory(processes: int, initializer: Any = None, initargs: tuple[Any, ...] = ()) -> Any:
        return Pool(processes=processes, initializer=initializer, initargs=initargs)

    return factory


def _name_counts(batch: dict[str, Any], text_field: str) -> dict[str, Any]:
    import pickle

    from cleaner.corpus.names import NameCounts, add, map_doc

    acc = NameCounts()
    for t in batch[text_field]:
        if isinstance(t, str):
            acc = add(acc, map_doc(t))
    return {"partial": [pickle.dumps(acc)]}


def name_table(ds: Any, text_field: str = "text", aliases: Any = (), min_variants: int = 2) -> Any:
    """The corpus pass for names on Ray Data: map per batch on the cluster, reduce here."""
    import pickle

    from cleaner.corpus.names import NameCounts, add, finalize

    parts = ds.map_batches(_name_counts, fn_kwargs={"text_field": text_field}, batch_format="numpy").take_all()
    total = NameCounts()
    for row in parts:
        total = add(total, pickle.loads(row["partial"]))
    return finalize(total, aliases, min_variants)


def _site_counts(batch: dict[str, Any], text_field: str, site_field: str) -> dict[str, Any]:
    import pickle

    from cleaner.corpus.site_lines import SiteCounts, add, map_doc

    acc = SiteCounts()
    for t, site in zip(batch[text_field], batch[site_field], strict=True):
        if isinstance(t, str):
            acc = add(acc, map_doc(str(site) if site else None, t))
    return {"partial": [pickle.dumps(acc)]}


def site_proposals(ds: Any, text_field: str = "text", site_field: str = "site", **finalize_kw: Any) -> Any:
    """`clean learn` on Ray Data: per-site line counts mapped on the cluster, reduced here."""
    import pickle

    from cleaner.corpus.site_lines import SiteCounts, add, finalize

    parts = ds.map_batches(_site_counts, fn_kwargs={"text_field": text_field, "site_field": site_field},
                           batch_format="numpy").take_all()
    total = SiteCounts()
    for row in parts:
        total = add(total, pickle.loads(row["partial"]))
    return finalize(total, **finalize_kw)
