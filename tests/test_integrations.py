"""Integrations: the callables work without their frameworks; the real APIs when installed."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from cleaner.api import Cleaner
from cleaner.engines.ray import CleanBatch, clean_dataset
from cleaner.integrations.datatrove import CleanerStep, pipeline_step
from cleaner.integrations.hf import map_fn

DIRTY = "Caf\u00c3\u00a9 au lait is served here every morning.\nShare this article"


def _clean(s: str) -> str:
    return Cleaner.default().clean(s).text


def test_hf_map_fn_batch_and_pickle() -> None:
    fn = pickle.loads(pickle.dumps(map_fn()))
    out = fn({"text": [DIRTY, None], "id": [1, 2]})
    assert out == {"text": [_clean(DIRTY), None], "id": [1, 2]}


@dataclass
class _Doc:
    text: str
    id: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)


def test_datatrove_step_protocol() -> None:
    docs = list(CleanerStep()([_Doc(DIRTY), _Doc("Share this article")], 0, 1))
    assert [d.text for d in docs] == [_clean(DIRTY)]


def test_ray_batch_callable() -> None:
    assert CleanBatch()({"text": [DIRTY], "n": [1]}) == {"text": [_clean(DIRTY)], "n": [1]}


def test_with_datasets() -> None:
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_dict({"text": [DIRTY]}).map(map_fn(), batched=True)
    assert ds["text"] == [_clean(DIRTY)]


def test_with_datatrove() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    [d] = list(pipeline_step().run([Document(text=DIRTY, id="1")], 0, 1))
    assert d.text == _clean(DIRTY)


def test_with_ray() -> None:
    ray = pytest.importorskip("ray")
    ds = clean_dataset(ray.data.from_items([{"text": DIRTY}]))
    assert [r["text"] for r in ds.take_all()] == [_clean(DIRTY)]
