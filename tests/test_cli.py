"""The installed `clean` command, run as a subprocess like a user would."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLEAN = str(Path(sys.executable).parent / "clean")
SEEDS = ROOT / "seeds"


def run(*args, input=None, cwd=None):
    return subprocess.run([CLEAN, *args], input=input, capture_output=True, cwd=cwd, timeout=300)


def test_clean_folder_of_seeds(tmp_path):
    out = tmp_path / "out"
    ledger = tmp_path / "ledger.jsonl"
    summary = tmp_path / "summary.json"
    p = run(str(SEEDS), "-o", str(out), "--explain", str(ledger), "--summary-json", str(summary), cwd=tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    assert sorted(f.name for f in out.iterdir()) == sorted(f.name for f in SEEDS.glob("*.txt"))
    assert b"boilerplate.en.comment-prompt" in p.stderr  # per-rule summary on stderr
    records = [json.loads(x) for x in ledger.read_text().splitlines()]
    assert len(records) == 5
    for rec in records:
        original = (SEEDS / rec["id"]).read_text(encoding="utf-8")
        for e in rec["edits"]:
            assert original[e["start"] : e["end"]] == e["removed"]
    s = json.loads(summary.read_text())
    assert s["docs"] == 5 and s["rejects"] == 0 and "never_fired" in s
    assert "Post a Comment" not in (out / "000_474cad912ef38b96.txt").read_text()


def test_jsonl_keeps_fields_and_order(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "url": "https://x.test/1", "text": "Hello world, this is the news.\n\nShare this article", "n": 1},
        {"z": [1, 2], "text": "Leave a Reply", "id": "b"},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    p = run(str(src), "-o", str(out), "-q")
    assert p.returncode == 0, p.stderr.decode()
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert [list(g) for g in got] == [list(r) for r in rows]
    assert got[0]["text"] == "Hello world, this is the news.\n" and got[0]["n"] == 1


def test_rejects_and_exit_code(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "fine"}\nnot json\n{"text": null}\n')
    rej = tmp_path / "rejects.jsonl"
    p = run(str(src), "-o", str(tmp_path / "o.jsonl"), "--rejects", str(rej), "-q")
    assert p.returncode == 1
    reasons = [json.loads(x) for x in rej.read_text().splitlines()]
    assert [r["line"] for r in reasons] == [2, 3]
    assert (tmp_path / "o.jsonl").read_text().count("\n") == 1


def test_stdin_to_stdout():
    p = run("-", "-q", input=b"Breaking News\n\nThe minister said the talks with the alliance would resume on Monday in Dushanbe.\n\nPost a Comment\n")
    assert p.returncode == 0
    assert p.stdout == b"The minister said the talks with the alliance would resume on Monday in Dushanbe.\n"


def test_list_and_show_rules():
    p = run("--list-rules")
    assert p.returncode == 0 and b"boilerplate.en.comment-prompt" in p.stdout
    p = run("--show-rule", "boilerplate.en.comment-prompt")
    assert p.returncode == 0 and b"why:" in p.stdout and b"removes:" in p.stdout
    p = run("--show-rule", "no.such.rule")
    assert p.returncode == 2 and b"no rule" in p.stderr


def test_safe_only_lists_and_applies_only_safe_rules(tmp_path):
    every = run("--list-rules").stdout.decode().splitlines()
    safe = run("--safe-only", "--list-rules").stdout.decode().splitlines()
    assert safe == [ln for ln in every if ln.split()[3] == "safe"]  # (id, kind, where, safety, why)
    assert 0 < len(safe) < len(every)
    ledger = tmp_path / "ledger.jsonl"
    p = run(str(SEEDS), "--safe-only", "-o", str(tmp_path / "out"), "--explain", str(ledger), "-q")
    assert p.returncode == 0, p.stderr.decode()
    edits = [e for line in ledger.read_text().splitlines() for e in json.loads(line)["edits"]]
    assert edits and all(e["safety"] == "safe" for e in edits)
    # the seeds' risky removals (a repeated caption, the machine-translated splice) are kept
    assert "said The current state of the country" in (tmp_path / "out" / "003_e7d5205f6744182c.txt").read_text()


def test_bad_rule_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nid = "x"\n[[rule]]\nid = "x.one"\nwhy = "w"\nkind = "regex"\npattern = "(unclosed"\nremove = ["a"]\n')
    p = run(str(SEEDS), "-o", str(tmp_path / "o"), "--rules", str(bad))
    assert p.returncode == 2
    err = p.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "bad.toml" in err and "x.one" in err and "pattern" in err
    assert "Traceback" not in err


def test_skip_stage_and_rule(tmp_path):
    text = b"Some article text that is long enough to be a paragraph, the minister said on Monday.\n\nPost a Comment\n"
    p = run("-", "-q", "--skip", "boilerplate", input=text)
    assert b"Post a Comment" in p.stdout
    p = run("-", "-q", "--skip", "boilerplate.en.comment-prompt", input=text)
    assert b"Post a Comment" in p.stdout
    p = run("-", "-q", "--skip", "nonsense", input=text)
    assert p.returncode == 2
    p = run("-", "-q", "--skip", "boilerplate.en", input=text)  # a prefix of rule ids
    assert p.returncode == 0 and b"Post a Comment" in p.stdout
    p = run("-", "-q", "--skip", "boilerplate.en.comment-promt", input=text)  # a typo skipped nothing, silently
    assert p.returncode == 2 and p.stderr.startswith(b"clean: error: --skip: no rule 'boilerplate.en.comment-promt'")
    p = run("-", "-q", "--skip", "names.alias", input=text)  # an edit id of a stage without rules
    assert p.returncode == 2 and b"--skip names turns off that whole stage" in p.stderr


def test_unreadable_option_files_and_unknown_lang(tmp_path):
    """A --names or --names-aliases file that cannot be read is one line and exit code 2 (it was
    a traceback); a --lang no pack is for (en-US for en) gets a note, as only the
    language-neutral rules then apply."""
    for flag in ("--names", "--names-aliases"):
        p = run("-", flag, str(tmp_path / "missing"), input=b"text")
        assert p.returncode == 2 and p.stderr.decode().startswith("clean: error: ") and b"Traceback" not in p.stderr
        assert p.stderr.decode().count("\n") == 1
    p = run("-", "--lang", "en-US", input=b"Some text.")
    assert p.returncode == 0 and b"clean: note: --lang en-US: no rule pack is for this language" in p.stderr
    p = run("-", "--lang", "en", input=b"Some text.")
    assert b"clean: note" not in p.stderr


def test_diff_names_rules(tmp_path):
    p = run(str(SEEDS / "002_8b5f3428fefe6c5b.txt"), "-o", str(tmp_path / "o.txt"), "--diff", "--color", "never", "-q")
    assert p.returncode == 0
    assert b"[residue.markdown-link] -[said](#) +said" in p.stdout


def test_verify_passes_on_seeds(tmp_path):
    p = run(str(SEEDS), "-o", str(tmp_path / "o"), "--verify", "-q")
    assert p.returncode == 0, p.stderr.decode()


@pytest.mark.slow
def test_wheel_ships_rules_and_runs_from_elsewhere(tmp_path):
    """`pip install .` (not editable) gives a `clean` that finds its rules from any folder."""
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(wheel_dir.glob("cleaner-*.whl"))
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    assert (target / "cleaner" / "_rules" / "boilerplate" / "en.toml").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import sys; from cleaner.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    p = subprocess.run([sys.executable, "-c", code, str(SEEDS), "-o", "cleaned", "-q"], cwd=elsewhere, env=env,
                       capture_output=True, timeout=300)
    assert p.returncode == 0, p.stderr.decode()
    assert len(list((elsewhere / "cleaned").glob("*.txt"))) == 5
    import_path = subprocess.run([sys.executable, "-c", "import cleaner.paths as p; print(p.rules_dir())"], cwd=elsewhere,
                                 env=env, capture_output=True, text=True).stdout
    assert str(target) in import_path


def test_outputs_get_the_mode_a_plain_open_gives(tmp_path):
    """Every file clean writes (text folder, .jsonl, .jsonl.zst, Parquet, ledger, summary) is
    made under a temporary name and renamed; it must still get 0o666 less the umask, as a file
    a plain ``open`` makes (mkstemp's 0o600 made outputs private), and keep the mode of the
    file it replaces."""
    import os
    import stat

    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Hello world.\nPost a Comment\n"}) + "\n")
    pq.write_table(pa.table({"id": ["a"], "text": ["Hello world.\nPost a Comment\n"]}), tmp_path / "in.parquet")
    mask = os.umask(0o022)
    os.umask(mask)
    want = 0o666 & ~mask
    outs = []
    for inp, out in (("in.jsonl", "o.jsonl"), ("in.jsonl", "o.jsonl.zst"), ("in.parquet", "o.parquet"), (str(SEEDS), "o_txt")):
        p = run(inp, "-o", out, "-q", "--explain", out + ".ledger.jsonl", "--summary-json", out + ".summary.json", cwd=tmp_path)
        assert p.returncode == 0, p.stderr.decode()
        outs += [tmp_path / out, tmp_path / (out + ".ledger.jsonl"), tmp_path / (out + ".summary.json")]
    files = [f for o in outs for f in (sorted(o.iterdir()) if o.is_dir() else [o])]
    assert len(files) == 16  # 3 files for each of the three single-file outputs, 5 texts + 2 for the folder
    assert {f.name: oct(stat.S_IMODE(f.stat().st_mode)) for f in files} == {f.name: oct(want) for f in files}
    (tmp_path / "o.jsonl.zst").chmod(0o640)
    assert run("in.jsonl", "-o", "o.jsonl.zst", "-q", cwd=tmp_path).returncode == 0
    assert stat.S_IMODE((tmp_path / "o.jsonl.zst").stat().st_mode) == 0o640


def _drain(fifo):
    """Read a FIFO to its end in a thread (a writer blocks until it has a reader)."""
    import threading

    got = []
    t = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    t.start()
    return t, got


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_streams_are_written_into_not_replaced(tmp_path):
    """An output, ledger or rejects path that is a stream (a FIFO here; /dev/null and
    /dev/stdout alike) is written into: renaming a temporary file onto it replaced /dev/null
    itself when run as root. A stream takes one input's output, not a folder's."""
    import os
    import stat

    from cleaner.io.writers import in_place

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Line {i} of the text.\u00a0Caf\u00c3\u00a9\n"}) + "\n" for i in range(30)))
    out, ledger = tmp_path / "out.fifo", tmp_path / "ledger.fifo"
    os.mkfifo(out)
    os.mkfifo(ledger)
    readers = [_drain(out), _drain(ledger)]
    p = run(str(src), "-o", str(out), "--explain", str(ledger), "-q", cwd=tmp_path)
    for t, _ in readers:
        t.join(60)
    assert p.returncode == 0, p.stderr.decode()
    (_, text), (_, edits) = readers
    assert all(stat.S_ISFIFO(f.stat().st_mode) for f in (out, ledger))
    assert sorted(f.name for f in tmp_path.iterdir()) == ["in.jsonl", "ledger.fifo", "out.fifo"]  # no temporary left
    assert run(str(src), "-o", "ref.jsonl", "--explain", "ref.ledger.jsonl", "-q", cwd=tmp_path).returncode == 0
    assert text[0] == (tmp_path / "ref.jsonl").read_bytes() and len(text[0].splitlines()) == 30
    assert edits[0] and edits[0] == (tmp_path / "ref.ledger.jsonl").read_bytes()
    p = run(str(SEEDS), "-o", str(out), cwd=tmp_path)
    assert p.returncode == 2 and b"a stream takes the output of one input" in p.stderr and b"Traceback" not in p.stderr
    assert in_place(Path("/dev/null")) and in_place(Path("/dev/stdout")) and in_place(out)
    assert not in_place(src) and not in_place(tmp_path) and not in_place(tmp_path / "new.jsonl")


def test_symlinked_output_keeps_its_link(tmp_path):
    """Writing through a symlink replaces the file it names, not the link."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "Hello world.\nPost a Comment\n"}) + "\n")
    for name in ("out.jsonl", "out.jsonl.gz"):
        real, link = tmp_path / ("real-" + name), tmp_path / name
        real.write_text("old\n")
        link.symlink_to(real.name)
        assert run(str(src), "-o", str(link), "-q").returncode == 0
        assert link.is_symlink() and link.resolve() == real
        assert real.read_bytes() != b"old\n"


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="no /dev/fd here")
def test_a_stream_named_as_input_is_read_like_stdin(tmp_path):
    """``clean <(zcat dump.jsonl.gz)`` names a pipe of the process, ``/dev/fd/N``: it is read
    like standard input (JSON Lines when it starts with "{", gzip by its magic bytes), giving
    what stdin gives. A named FIFO elsewhere, which could wait for a writer forever, and
    Parquet from a stream, which cannot seek, are rejects with their reasons."""
    import gzip
    import os
    import threading

    rows = "".join(json.dumps({"id": i, "text": f"Caf\u00c3\u00a9 number {i}.\nPost a Comment\n"}) + "\n" for i in range(20))
    want = run("-", "-q", input=rows.encode()).stdout
    seed = (SEEDS / "000_474cad912ef38b96.txt").read_bytes()
    for payload in (rows.encode(), gzip.compress(rows.encode()), seed):
        r, w = os.pipe()  # as bash's process substitution: the read end is /dev/fd/N in clean
        writer = threading.Thread(target=lambda w=w, payload=payload: (os.write(w, payload), os.close(w)), daemon=True)
        writer.start()
        p = subprocess.run([CLEAN, f"/dev/fd/{r}", "-o", "out.jsonl", "-q"], cwd=tmp_path, pass_fds=(r,),
                           capture_output=True, timeout=300)
        os.close(r)
        writer.join(60)
        assert p.returncode == 0, p.stderr.decode()
        got = (tmp_path / "out.jsonl").read_bytes()
        assert got == (run("-", "-q", input=payload).stdout if payload is seed else want)
    r, w = os.pipe()
    p = subprocess.run([CLEAN, f"/dev/fd/{r}", "--format", "parquet", "-o", "out.parquet"], cwd=tmp_path,
                       pass_fds=(r,), capture_output=True, timeout=300)
    os.close(r)
    os.close(w)
    assert p.returncode == 1 and b"Parquet needs a file it can seek in" in p.stderr
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "named.jsonl")
        p = run(str(tmp_path / "named.jsonl"), "-o", "named-out.jsonl", cwd=tmp_path)
        assert p.returncode == 1 and b"a named FIFO" in p.stderr

def test_negative_jobs_is_a_usage_error():
    p = run("-", "--jobs", "-2", input=b"text")
    assert p.returncode == 2 and p.stderr.decode().startswith("clean: error: --jobs -2") and not p.stdout


def _big_jsonl(path, n=3000):
    path.write_text("".join(json.dumps({"id": i, "text": f"Paragraph {i} of a long enough article about the border. " * 4}) + "\n"
                            for i in range(n)))
    return path


def test_closed_stdout_ends_quietly(tmp_path):
    """``clean dump.jsonl | head``: when the reader goes, clean stops with exit code 141 and
    prints nothing (no BrokenPipeError traceback, from it or its workers)."""
    src = _big_jsonl(tmp_path / "in.jsonl")
    p = subprocess.Popen([CLEAN, str(src), "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout.read(100)
    p.stdout.close()
    err = p.stderr.read()
    assert p.wait(timeout=120) == 141 and err == b"", err.decode()


def test_failed_write_is_one_line(tmp_path):
    """A write that fails (here the file size limit; a full disk alike) ends the run with exit
    code 74 and one line naming the output, no traceback; the output is left for --resume."""
    import resource

    src = _big_jsonl(tmp_path / "in.jsonl")

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))

    p = subprocess.run([CLEAN, str(src), "-o", "out.jsonl", "--jobs", "1"], cwd=tmp_path, capture_output=True,
                       timeout=300, preexec_fn=small_files)
    lines = p.stderr.decode().strip().splitlines()
    assert p.returncode == 74 and b"Traceback" not in p.stderr, p.stderr.decode()
    assert lines[-1].startswith("clean: error: ") and "out.jsonl" in lines[-1] and "--resume" in lines[-1]
    assert run(str(src), "-o", "out.jsonl", "--resume", "-q", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out.jsonl").read_bytes() == run(str(src), "-q").stdout


def test_output_folder_inside_the_input_folder(tmp_path):
    """``clean data -o data/cleaned`` run twice: the second run does not read the first run's
    outputs back as inputs (it stopped with "output would overwrite an input")."""
    import shutil

    shutil.copytree(SEEDS, tmp_path / "data")
    for _ in range(2):
        p = run("data", "-o", "data/cleaned", "-q", cwd=tmp_path)
        assert p.returncode == 0, p.stderr.decode()
        assert sorted(f.name for f in (tmp_path / "data" / "cleaned").iterdir()) == sorted(f.name for f in SEEDS.glob("*.txt"))


@pytest.mark.slow
def test_interrupted_parquet_output_leaves_no_temporary(tmp_path):
    """A Parquet (or compressed) output cannot be resumed mid-way, so Ctrl-C throws its
    temporary file away (it was left behind, next to the finished output of the resumed run)."""
    import os
    import signal
    import time

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": i, "text": f"Paragraph {i} of a long enough article about the border, the minister said. " * 8}
            for i in range(20_000)]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet", row_group_size=200)
    p = subprocess.Popen([CLEAN, "in.parquet", "-o", "out.parquet", "--jobs", "1"], cwd=tmp_path,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and p.poll() is None and not list(tmp_path.glob(".out.parquet.*.tmp")):
        time.sleep(0.02)
    assert p.poll() is None, "the run finished before it could be interrupted"
    os.killpg(p.pid, signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err.decode()
    assert not list(tmp_path.glob(".out.parquet.*")), "temporary file left behind"
    assert run("in.parquet", "-o", "out.parquet", "-q", "--resume", cwd=tmp_path).returncode == 0
    assert pq.read_table(tmp_path / "out.parquet").num_rows == 20_000
    assert sorted(f.name for f in tmp_path.iterdir()) == ["in.parquet", "out.parquet"]


def test_verify_cleans_again_with_the_records_own_language(tmp_path):
    """--verify's second pass used to drop the record's fields: a record given "lang": "de" kept an
    English comment prompt, which the second pass (language detected: en) then removed, and
    --verify reported a difference that a real second run would not make."""
    text = ("The minister said on Monday that the talks on the border would continue next week in "
            "Dushanbe, officials confirmed.\nLeave a Reply\nYour email address will not be published.")
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": text, "lang": "de"}) + "\n")
    for jobs in ("1", "2"):
        p = run(str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--verify", "-q", "--jobs", jobs)
        assert p.returncode == 0, p.stderr.decode()
    assert "Leave a Reply" in json.loads((tmp_path / "out.jsonl").read_text())["text"]


def test_jsonl_keeps_nan_infinity_and_out_of_range_numbers_as_written(tmp_path):
    """A record's other fields leave as they came: NaN and Infinity (which Python's json writes)
    and a number beyond a double's range were read by the standard library as floats and
    written by orjson as null, silently; they are written back as they were spelt."""
    import pickle

    from cleaner.io.readers import parse_json_line
    from cleaner.io.writers import dumps_line

    src = tmp_path / "in.jsonl"
    line = '{"text": "a", "n": NaN, "m": [Infinity, -Infinity, 1e999, 1.5], "k": {"x": -1E400}}'
    src.write_text(line + '\n{"text": "b", "n": 2.5}\n')
    out = tmp_path / "out.jsonl"
    p = run(str(src), "-o", str(out), "-q")
    assert p.returncode == 0, p.stderr.decode()
    assert out.read_text(encoding="utf-8").splitlines() == [line, '{"text":"b","n":2.5}']
    # as read (a lone surrogate too, which only the standard library writes) and after a trip
    # to a worker process
    line = line.replace('"a"', '"a\\ud800"')
    assert dumps_line(pickle.loads(pickle.dumps(parse_json_line(line.encode())))).decode() == line + "\n"


def test_standard_input_is_decompressed_by_its_first_bytes(tmp_path):
    """README: standard input is JSON Lines when it starts with "{", else one text, gzip or zstd
    by its first bytes. `clean -` read gzip and zstd as undecodable text ("cannot decode
    standard input": the whole input lost); only a named stream was decompressed."""
    import gzip

    import zstandard

    page = b"The minister said the talks with the alliance would resume on Monday in Dushanbe.\n\nShare this article\n"
    p = run("-", "-q", input=gzip.compress(page))
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout == page.split(b"\n\n")[0] + b"\n"
    p = run("-", "-q", input=zstandard.ZstdCompressor().compress(b'{"text": "Caf\\u00c3\\u00a9", "n": 1}\n{"text": "kept"}\n'))
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode() == '{"text":"Caf\u00e9","n":1}\n{"text":"kept"}\n'


def test_a_truncated_gzip_stream_of_text_is_one_reject_not_a_traceback(tmp_path):
    """A gzip text cut short, from standard input or a named stream (`clean <(cat x.gz)`, a pipe
    as /dev/stdin), ended in a traceback (EOFError from reading the stream whole); it is one
    reject naming the damage, and the text read before it is cleaned, as from a file."""
    import gzip
    import random

    rnd = random.Random(5)
    # (words no rule cuts when doubled: the output is then a prefix of the text)
    words = ["alpha", "gamma", "talks", "delta", "Monday", "alliance", "border", "Dushanbe"]
    text = "\n".join(" ".join(rnd.choice(words) for _ in range(12)) for _ in range(5000)).encode()
    data = gzip.compress(text)
    cut = data[: len(data) // 2]
    for name in ("-", "/dev/stdin"):
        out = tmp_path / f"out{len(name)}.txt"
        p = run(name, "-o", str(out), input=cut)
        assert p.returncode == 1, p.stderr.decode()
        assert b"Traceback" not in p.stderr
        assert b"damaged compressed stream: EOFError" in p.stderr
        kept = out.read_bytes()
        assert kept and text.startswith(kept.rstrip(b"\n"))
