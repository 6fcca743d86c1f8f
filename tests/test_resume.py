"""`clean --resume` after kill -9: the output equals an uninterrupted run, byte for byte."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLEAN = [sys.executable, "-m", "cleaner.cli"]
N = 50_000


def _corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i in range(N):
            text = f"Record {i}: the council met and approved the budget.\nShare this article\nCaf\u00c3\u00a9 {i % 97}.  end"
            f.write(json.dumps({"id": i, "text": text, "n": i}) + "\n")


def _cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [*CLEAN, str(src), "-o", str(out), "-q", "--jobs", "1", "--no-default-rules",
            "--explain", str(out) + ".ledger", *extra]


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_resume_after_sigkill_is_byte_identical(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _corpus(src)
    ref, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    subprocess.run(_cmd(src, ref), check=True)
    state = Path(str(out) + ".clean-state.json")
    p = subprocess.Popen(_cmd(src, out), start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and p.poll() is None:
        if state.exists() and json.loads(state.read_bytes() or b"{}").get("sources"):
            s = next(iter(json.loads(state.read_bytes())["sources"].values()))
            if s["records"] > 2000:
                break
        time.sleep(0.05)
    assert p.poll() is None, "the run finished before it could be interrupted"
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    assert not out.exists() and state.exists()
    done = next(iter(json.loads(state.read_bytes())["sources"].values()))["records"]
    assert 0 < done < N
    subprocess.run(_cmd(src, out, "--resume"), check=True)
    assert out.read_bytes() == ref.read_bytes()
    assert Path(str(out) + ".ledger").read_bytes() == Path(str(ref) + ".ledger").read_bytes()
    assert not state.exists() and not Path(str(out) + ".partial").exists()


def test_resume_refuses_other_options(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "hello world"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    Path(str(out) + ".clean-state.json").write_text('{"version": 1, "fingerprint": "x", "sources": {}, "files": {}}')
    r = subprocess.run([*CLEAN, str(src), "-o", str(out), "-q", "--resume"], capture_output=True, text=True)
    assert r.returncode == 2 and "--resume" in r.stderr


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_resume_refuses_an_input_that_changed(tmp_path: Path) -> None:
    """An input appended to or rewritten since the interrupted run: resuming would skip records
    by their count in another file and mix two runs' outputs, so it is refused (exit code 2)."""
    src = tmp_path / "in.jsonl"
    _corpus(src)
    out = tmp_path / "out.jsonl"
    state = Path(str(out) + ".clean-state.json")
    p = subprocess.Popen(_cmd(src, out), start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and p.poll() is None and not (state.exists() and state.stat().st_size):
        time.sleep(0.05)
    assert p.poll() is None, "the run finished before it could be interrupted"
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    with src.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": N, "text": "one more"}) + "\n")
    r = subprocess.run(_cmd(src, out, "--resume"), capture_output=True, text=True)
    assert r.returncode == 2 and "other options or inputs" in r.stderr
    assert state.exists() and not out.exists()
