"""Hostile input and faults: `clean` run as a subprocess on a generated fault corpus.

Every case checks the promise: the documented exit code, no traceback, every record in the
output or the rejects file, strict UTF-8 output without lone surrogates, inputs unchanged, a
time limit, and at most 2 GB of address space. Set HOSTILE_REPORT=FILE to get one JSON line
per case (exit code, records, time, max RSS).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.cli import main as clean_main

CLEAN = Path(sys.executable).parent / "clean"
MEMORY_LIMIT = 2 << 30
SLOW = {"big_line", "big_jsonl_line", "interrupt", "rules_backtracking", "compression"}

_spec = importlib.util.spec_from_file_location("make_corpus", Path(__file__).parent / "hostile" / "make_corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["make_corpus"] = corpus
_spec.loader.exec_module(corpus)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_clean(args: list[str], cwd: Path, timeout: float) -> Run:
    """Run `clean` in its own process group under the memory limit; kill the group on timeout."""
    t0 = time.monotonic()
    with open(cwd / ".stdout", "w+b") as out, open(cwd / ".stderr", "w+b") as err:
        p = subprocess.Popen([str(CLEAN), *args], cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             preexec_fn=_limit, start_new_session=True)
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - t0 > timeout:
                os.killpg(p.pid, signal.SIGKILL)
                os.wait4(p.pid, 0)
                pytest.fail(f"clean {' '.join(args)} did not finish in {timeout} s")
            time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(p.returncode, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                   time.monotonic() - t0, ru.ru_maxrss / 1024)


def snapshot(root: Path) -> dict[str, Any]:
    """Every entry under ``root`` without following links or opening FIFOs: content hash or link target."""
    snap: dict[str, Any] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            p = Path(dirpath) / name
            st_ = p.lstat()
            if stat.S_ISLNK(st_.st_mode):
                snap[str(p)] = ("link", os.readlink(p))
            elif stat.S_ISREG(st_.st_mode) and os.access(p, os.R_OK):
                snap[str(p)] = ("file", st_.st_mode, st_.st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            else:
                snap[str(p)] = ("other", st_.st_mode, st_.st_mtime_ns)
    return snap


def _read_any(p: Path) -> bytes:
    data = p.read_bytes()
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if data[:4] == b"\x28\xb5\x2f\xfd":
        with zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True) as r:
            return r.read()
    return data


def _no_surrogates(x: Any) -> None:
    if isinstance(x, str):
        assert not any("\ud800" <= ch <= "\udfff" for ch in x), f"lone surrogate in {x[:80]!r}"
    elif isinstance(x, dict):
        for k, v in x.items():
            _no_surrogates(k)
            _no_surrogates(v)
    elif isinstance(x, list):
        for v in x:
            _no_surrogates(v)


def output_records(out: Path) -> tuple[int, dict[str, str]]:
    """Records in an output file or folder (a JSON Lines line or a text file is one), and the texts."""
    files = [out] if out.is_file() else sorted(p for p in out.rglob("*") if p.is_file()) if out.is_dir() else []
    n = 0
    texts: dict[str, str] = {}
    for p in files:
        assert not p.name.startswith("."), f"temporary file left behind: {p}"
        text = _read_any(p).decode("utf-8")  # strict
        _no_surrogates(text)
        rel = p.name if out.is_file() else str(p.relative_to(out))
        texts[rel] = text
        if ".jsonl" in p.name or ".ndjson" in p.name:
            for line in text.split("\n")[:-1] if text else []:  # not splitlines(): U+2028 is not a record break
                _no_surrogates(json.loads(line))
                n += 1
        else:
            n += 1
    return n, texts


def reject_lines(p: Path) -> list[dict[str, Any]]:
    if not p.exists():
        return []
    lines = [json.loads(line) for line in p.read_bytes().decode("utf-8").split("\n")[:-1]]
    for r in lines:
        _no_surrogates(r)
        assert set(r) >= {"source", "line", "reason", "raw"} and r["reason"], r
    return lines


def _report(case: Any, run: Run, n_out: int, n_rej: int) -> None:
    path = os.environ.get("HOSTILE_REPORT")
    if path:
        with open(path, "a") as f:
            f.write(json.dumps({"case": case.name, "group": case.group, "exit": run.code, "in": case.records_in,
                                "out": n_out, "rejects": n_rej, "seconds": round(run.seconds, 2),
                                "max_rss_mb": round(run.max_rss_mb)}) + "\n")


def _command(case: Any, d: Path) -> list[str]:
    args = ["--rejects", "rejects.jsonl", "--summary-json", "summary.json"]
    if "--jobs" not in case.args:
        args += ["--jobs", "1"]  # lean on a shared machine; the interruption test uses workers
    if case.output is not None:
        args += ["-o", case.output]
    return args + case.args + case.inputs


def check_case(case: Any, d: Path, run: Run) -> tuple[int, int]:
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.code == case.exit, f"exit {run.code}, expected {case.exit}\n{run.stderr[-3000:]}"
    for s in case.stderr_has:
        assert s in run.stderr, f"{s!r} not on stderr:\n{run.stderr[-2000:]}"
    if case.stderr_lines is not None:
        assert len(run.stderr.strip().splitlines()) == case.stderr_lines, run.stderr
    if case.exit == 2:  # usage error: nothing written
        assert case.output is None or not (d / case.output).exists() or case.output.startswith("in/")
        assert not (d / "rejects.jsonl").exists()
        return 0, 0
    n_out, texts = output_records(d / case.output) if case.output else (0, {})
    rejects = reject_lines(d / "rejects.jsonl")
    assert (n_out, len(rejects)) == (case.out, case.rejects), f"out/rejects {(n_out, len(rejects))}\n{rejects[:20]}"
    for name, subs in case.must_contain.items():
        assert name in texts, f"no output {name!r} in {sorted(texts)}"
        for s in subs:
            assert s in texts[name], f"{s!r} missing from {name}: {texts[name][:500]!r}"
    for name, subs in case.must_not_contain.items():
        for s in subs:
            assert s not in texts.get(name, ""), f"{s!r} left in {name}: {texts[name][:500]!r}"
    if case.events:
        events = json.loads((d / "summary.json").read_text())["events"]
        for e in case.events:
            assert e in events, f"event {e} missing from {events}"
    return n_out, len(rejects)


CASES = [n for n in corpus.BUILDERS if n != "interrupt"]


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in CASES])
def test_case(name: str, tmp_path: Path) -> None:
    case = corpus.build(tmp_path, name)
    d = tmp_path / name
    before = snapshot(d / "in") if (d / "in").exists() else {}
    run = run_clean(_command(case, d), d, case.timeout)
    n_out, n_rej = check_case(case, d, run)
    _report(case, run, n_out, n_rej)
    assert (snapshot(d / "in") if (d / "in").exists() else {}) == before, "an input was modified"


@pytest.mark.slow
def test_rules_timeout_is_per_match_bounded() -> None:
    from cleaner.config import Config

    assert Config().regex_timeout <= 1.0


def _writing(out_dir: Path) -> bool:
    """Output is being written: a hidden temporary file or a resumable ``.partial`` file with data."""
    if not out_dir.exists():
        return False
    files = [*out_dir.glob(".data.jsonl.*"), *out_dir.glob("data.jsonl.partial")]
    return any(f.stat().st_size > 0 for f in files)


def _wait_for(pred: Any, timeout: float) -> bool:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.slow
def test_interrupt_kill9_then_rerun(tmp_path: Path) -> None:
    case = corpus.build(tmp_path, "interrupt")
    d = tmp_path / "interrupt"
    before = snapshot(d / "in")
    out = d / "out" / "data.jsonl"
    args = ["-q", "--jobs", "2", "-o", "out/data.jsonl", "--rejects", "rejects.jsonl", "in/data.jsonl"]
    p = subprocess.Popen([str(CLEAN), *args], cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         preexec_fn=_limit, start_new_session=True)
    # kill once a part of the output has been written to the temporary file
    started = _wait_for(lambda: _writing(d / "out"), 60)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    assert started, "no output was being written"
    assert not out.exists() or output_records(out)[0] == 50_000, "torn output after kill -9"
    run = run_clean(args, d, 300)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    n, _ = output_records(out) if out.exists() else (0, {})
    ids = [json.loads(line)["id"] for line in out.read_text().split("\n")[:-1]]
    assert n == 50_000 and ids == list(range(50_000))
    _report(case, run, n, 0)
    assert snapshot(d / "in") == before


@pytest.mark.slow
def test_interrupt_then_resume(tmp_path: Path) -> None:
    corpus.build(tmp_path, "interrupt")
    d = tmp_path / "interrupt"
    args = ["-q", "--jobs", "2", "-o", "out/data.jsonl", "--rejects", "rejects.jsonl", "in/data.jsonl"]
    p = subprocess.Popen([str(CLEAN), *args], cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         preexec_fn=_limit, start_new_session=True)
    _wait_for(lambda: _writing(d / "out"), 60)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    run = run_clean([*args, "--resume"], d, 300)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    ids = [json.loads(line)["id"] for line in (d / "out" / "data.jsonl").read_text().split("\n")[:-1]]
    assert ids == list(range(50_000)), "every record exactly once, in order"


@pytest.mark.slow
@pytest.mark.parametrize("sig, group, code, says", [(signal.SIGINT, True, 130, "interrupted"),
                                                    (signal.SIGTERM, False, 143, "terminated")])
def test_stop_then_resume(tmp_path: Path, sig: int, group: bool, code: int, says: str) -> None:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) and SIGTERM (to the
    main process, as ``kill PID`` or a scheduler sends it) end the run at once with one line
    and exit code 128 + the signal, no traceback from the main process or its workers; the same
    command with --resume then finishes it, record for record, ledger included."""
    corpus.build(tmp_path, "interrupt")
    d = tmp_path / "interrupt"
    args = ["--jobs", "2", "-o", "out/data.jsonl", "--explain", "ledger.jsonl", "in/data.jsonl"]

    def with_sigint() -> None:  # (a shell's background job starts with SIGINT ignored)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _limit()

    p = subprocess.Popen([str(CLEAN), *args], cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         preexec_fn=with_sigint, start_new_session=True)
    assert _wait_for(lambda: _writing(d / "out"), 60), "no output was being written"
    if group:
        os.killpg(p.pid, sig)
    else:
        os.kill(p.pid, sig)
    _, err = p.communicate(timeout=60)
    assert p.returncode == code, err.decode()
    assert err.decode().strip().splitlines()[-1].startswith(f"clean: {says};") and b"Traceback" not in err, err.decode()
    run = run_clean([*args, "--resume", "-q"], d, 300)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    ids = [json.loads(line)["id"] for line in (d / "out" / "data.jsonl").read_text().split("\n")[:-1]]
    assert ids == list(range(50_000)), "every record exactly once, in order"
    ref = run_clean(["--jobs", "2", "-o", "ref/data.jsonl", "--explain", "ref.ledger.jsonl", "-q", "in/data.jsonl"], d, 300)
    assert ref.code == 0
    assert (d / "out" / "data.jsonl").read_bytes() == (d / "ref" / "data.jsonl").read_bytes()
    assert (d / "ledger.jsonl").read_bytes() == (d / "ref.ledger.jsonl").read_bytes()


# Property tests: any bytes, in-process (fast), never a crash and never a lost record -------------

_PROP = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
_noise = st.sampled_from([b"\x00", b"\xff", b"\xef\xbb\xbf", b"\r", b"\r\n", b"\\ud800", b'"', b"{", b"}", b"\xe2\x80\xa8",
                          b"\xcc\x81" * 40, b"&amp;", b"<p>", "é".encode("latin-1"), b"\xed\xa0\x80", b'{"text": "'])
_bytes = st.one_of(st.binary(max_size=400), st.lists(st.one_of(_noise, st.binary(max_size=8)), max_size=40).map(b"".join))


def _in_process(tmp: Path, name: str, data: bytes) -> tuple[int, int, int]:
    (tmp / name).write_bytes(data)
    code = clean_main(["-q", "--jobs", "1", "-o", str(tmp / "out"), "--rejects", str(tmp / "rej.jsonl"), str(tmp / name)])
    n_out, _ = output_records(tmp / "out") if (tmp / "out").exists() else (0, {})
    return code, n_out, len(reject_lines(tmp / "rej.jsonl"))


@_PROP
@given(data=_bytes)
def test_any_bytes_as_txt(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    tmp = tmp_path_factory.mktemp("prop_txt")
    code, n_out, n_rej = _in_process(tmp, "doc.txt", data)
    assert n_out + n_rej >= 1 and n_out <= 1
    assert code == (1 if n_rej else 0)


@_PROP
@given(data=_bytes)
def test_any_bytes_as_jsonl(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    if data[:2] == b"\x1f\x8b" or data[:4] == b"\x28\xb5\x2f\xfd":
        data = b" " + data  # compressed-stream magic is its own case (test_case[compression])
    tmp = tmp_path_factory.mktemp("prop_jsonl")
    code, n_out, n_rej = _in_process(tmp, "doc.jsonl", data)
    records = sum(1 for line in data.split(b"\n") if line.strip(b" \t\r\n"))
    assert n_out + n_rej == records
    assert code == (1 if n_rej else 0)
