"""Ray Data: ``clean_dataset(ds)`` cleans a text column with ``ds.map_batches``.

A callable class, so each Ray actor builds (unpickles) the Cleaner once and reuses it for every
batch. Ray itself is not imported here; the dataset brings it.
"""

from __future__ import annotations

from typing import Any

from cleaner.api import Cleaner, default_cleaner
from cleaner.corpus.names import MAX_NAMES
from cleaner.corpus.site_lines import MAX_LINES, MAX_LINES_PER_SITE
from cleaner.document import Document
from cleaner.integrations.batch import clean_columns
from cleaner.pipeline import context_meta


class CleanBatch:
    """The batch function: replaces ``text_field`` of a numpy/dict batch with its cleaned text
    (and with ``ledger_field``, adds each row's edits as JSON), as `cleaner.integrations.batch`."""

    def __init__(self, cleaner: Cleaner | None = None, text_field: str = "text", ledger_field: str | None = None) -> None:
        self.cleaner = cleaner or default_cleaner()
        self.text_field = text_field
        self.ledger_field = ledger_field

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        return clean_columns(self.cleaner, batch, self.text_field, self.ledger_field)


def clean_dataset(ds: Any, cleaner: Cleaner | None = None, text_field: str = "text", *,
                  ledger_field: str | None = None, concurrency: int | tuple[int, int] = 1,
                  batch_size: int = 256, **kwargs: Any) -> Any:
    """A new Ray Dataset with ``text_field`` cleaned (lazy, like every Ray Data transform);
    ``ledger_field``: a new column with each row's edits as a JSON string."""
    return ds.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"cleaner": cleaner or default_cleaner(), "text_field": text_field,
                               "ledger_field": ledger_field},
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


class CountBatch:
    """The batch function of a corpus pass (`cleaner.corpus.passes`): one pickled partial count
    per batch, from the same pre-clean and map as `clean learn` / `clean names`. A callable
    class, so each actor builds the pre-clean's Cleaner once."""

    def __init__(self, pass_name: str, text_field: str = "text", site_field: str | None = None,
                 bounds: dict[str, int] | None = None) -> None:
        self.p = _bounded(pass_name, bounds)
        self.cleaner = self.p.pre_cleaner()
        self.text_field, self.site_field = text_field, site_field

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        import pickle

        from cleaner.corpus.passes import count_batch

        texts = batch[self.text_field]
        docs = [Document(str(k), t, self._meta(batch, k)) for k, t in enumerate(texts) if isinstance(t, str)]
        part, _ = count_batch(self.cleaner, self.p, docs)  # (a failed document is not counted, as in `clean`)
        return {"partial": [pickle.dumps(part)]}

    def _meta(self, batch: dict[str, Any], k: int) -> dict[str, Any]:
        """A row's `CONTEXT_FIELDS`, as `clean learn` reads them; ``site_field`` names the site."""
        meta = context_meta(batch, k, self.text_field)
        if self.site_field and self.site_field != "site" and self.site_field in batch:
            site = batch[self.site_field][k]
            if site:
                meta["site"] = str(site)
        return meta


def _bounded(pass_name: str, bounds: dict[str, int] | None) -> Any:
    """The pass, with ``bounds`` (its memory bounds, as keywords of its counts) or its defaults."""
    from cleaner.corpus import passes

    p = passes.NAMES if pass_name == "names" else passes.SITE_LINES
    return p.bounded(**bounds) if bounds else p


def _total(ds: Any, pass_name: str, text_field: str, site_field: str | None, concurrency: int | tuple[int, int],
           bounds: dict[str, int] | None = None) -> Any:
    """The partial counts mapped on the cluster, added up here as they arrive (in any order:
    `add` is associative and commutative, within each pass's guarantee past its bounds)."""
    import pickle

    p = _bounded(pass_name, bounds)
    parts = ds.map_batches(CountBatch, fn_constructor_kwargs={"pass_name": pass_name, "text_field": text_field,
                                                              "site_field": site_field, "bounds": bounds},
                           batch_format="numpy", concurrency=concurrency).iter_rows()
    total = p.empty()
    for row in parts:
        total = p.add(total, pickle.loads(row["partial"]))
    return total


def name_table(ds: Any, text_field: str = "text", aliases: Any = (), min_variants: int = 2,
               concurrency: int | tuple[int, int] = 1, max_names: int = MAX_NAMES) -> Any:
    """`clean names` on Ray Data: the same pre-clean and counts mapped on the cluster, reduced
    here, every partial and the total within the same memory bound (`NameCounts`), so the
    table equals the CLI's for the same texts (past the bound: within the same guarantee)."""
    from cleaner.corpus.names import finalize

    return finalize(_total(ds, "names", text_field, None, concurrency, {"max_names": max_names}), aliases,
                    min_variants)


def site_proposals(ds: Any, text_field: str = "text", site_field: str = "site",
                   concurrency: int | tuple[int, int] = 1, max_lines: int = MAX_LINES_PER_SITE,
                   max_total: int = MAX_LINES, **finalize_kw: Any) -> Any:
    """`clean learn` on Ray Data: per-site line counts mapped on the cluster, reduced here,
    every partial and the total within the same memory bounds (`SiteCounts`)."""
    from cleaner.corpus.site_lines import finalize

    return finalize(_total(ds, "learn", text_field, site_field, concurrency,
                           {"max_lines": max_lines, "max_total": max_total}), **finalize_kw)
