"""Progress counts the input in its own bytes: a compressed input against its size on disk."""

import gzip
from pathlib import Path

import pytest

from cleaner.io.readers import METER, open_maybe_compressed, read_jsonl
from cleaner.progress import Progress


def test_the_meter_counts_compressed_bytes(tmp_path: Path) -> None:
    rows = "".join(f'{{"text": "Paragraph {i} of a text that repeats itself a lot."}}\n' for i in range(5000))
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(rows.encode()))
    (tmp_path / "b.jsonl").write_text(rows)
    METER.reset()
    n = sum(1 for _ in read_jsonl(tmp_path / "a.jsonl.gz", "a", "text"))
    assert n == 5000 and METER.read == (tmp_path / "a.jsonl.gz").stat().st_size < len(rows) // 5
    with open_maybe_compressed(tmp_path / "b.jsonl") as f:
        f.read()
    assert METER.read == (tmp_path / "a.jsonl.gz").stat().st_size + len(rows)


def test_log_lines_say_how_much_of_the_input_is_done(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n' * 20_000))
    size = (tmp_path / "a.jsonl.gz").stat().st_size
    p = Progress(size, every=0.0)
    for k, _ in enumerate(read_jsonl(tmp_path / "a.jsonl.gz", "a", "text")):
        if k % 5000 == 0:
            p.update(1)
    p.close()
    lines = capsys.readouterr().err.splitlines()
    assert lines and all("% of the input, ETA" in line for line in lines)
    assert lines[-1].split(", ")[3] == "100% of the input"
