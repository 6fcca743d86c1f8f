"""Atomic outputs: a writer stopped at any point, even while it is being opened, leaves the old
output (or none) and no temporary file."""

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.cli import _jsonl_writer
from cleaner.io.parquet import ParquetAtomicWriter
from cleaner.io.writers import AtomicWriter


class _Stopped(AtomicWriter):
    def _opened(self) -> None:
        raise KeyboardInterrupt  # Ctrl-C while the writer is being set up


def test_a_writer_stopped_while_opening_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out.jsonl").write_text("old\n")
    with pytest.raises(KeyboardInterrupt):
        _Stopped(tmp_path / "out.jsonl")

    def stop(*a: object, **k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pq, "ParquetWriter", stop)
    with pytest.raises(KeyboardInterrupt):
        ParquetAtomicWriter(tmp_path / "out.parquet", pa.schema([("text", pa.string())]), "text")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert (tmp_path / "out.jsonl").read_text() == "old\n"


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst", "out.parquet"])
def test_commit_replaces_and_abort_leaves_the_old_output(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    out.write_bytes(b"old")

    def writer() -> AtomicWriter:
        if name.endswith(".parquet"):
            w = ParquetAtomicWriter(out, pa.schema([("text", pa.string())]), "text", batch_rows=2)
            for t in ("a", "b", "c"):
                w.write_row({"text": t})
            return w
        w = _jsonl_writer(out)  # (plain, gzip or zstd by the name)
        w.write(b"new\n")
        return w

    writer().abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name] and out.read_bytes() == b"old"
    writer().commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]
    if name.endswith(".parquet"):
        assert pq.read_table(out).column("text").to_pylist() == ["a", "b", "c"]
    elif name.endswith(".jsonl"):
        assert out.read_bytes() == b"new\n"
    else:
        from cleaner.io.readers import open_maybe_compressed

        with open_maybe_compressed(out) as f:
            assert f.read() == b"new\n"
