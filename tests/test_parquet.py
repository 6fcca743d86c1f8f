"""Parquet in and out: other columns kept, the text column cleaned, bad rows rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from cleaner.cli import main  # noqa: E402
from cleaner.io.parquet import read_parquet  # noqa: E402


def test_parquet_roundtrip_keeps_columns(tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    table = pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "text": ["Hello   world.\nShare this article", None, "Caf\u00c3\u00a9 au lait."],
        "tags": [["a"], [], ["b", "c"]],
    })
    pq.write_table(table, src, row_group_size=2)
    recs = list(read_parquet(src, "in", "text", batch_rows=1))
    assert [getattr(r, "line", None) for r in recs] == [1, 2, 3]
    assert recs[0].raw == {"id": 1, "text": "Hello   world.\nShare this article", "tags": ["a"]}
    out = tmp_path / "out.parquet"
    rc = main([str(src), "-o", str(out), "-q", "--jobs", "1", "--rejects", str(tmp_path / "rej.jsonl")])
    assert rc == 1  # the null text is a reject
    got = pq.read_table(out)
    assert got.schema.names == ["id", "text", "tags"]
    assert got.column("id").to_pylist() == [1, 3]
    assert got.column("tags").to_pylist() == [["a"], ["b", "c"]]
    assert got.column("text").to_pylist()[1] == "Café au lait."
    assert not list(tmp_path.glob(".*.tmp"))


def test_parquet_missing_column_is_a_reject(tmp_path: Path) -> None:
    src = tmp_path / "in.parquet"
    pq.write_table(pa.table({"body": ["x"]}), src)
    [r] = list(read_parquet(src, "in", "text"))
    assert "no 'text' column" in r.reason
