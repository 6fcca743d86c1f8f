"""The corpus passes (`cleaner.corpus.passes`) and the commands that run them, `clean learn` and
`clean names`: the same table serially, on worker processes and on Ray; rejects kept, not lost."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.corpus.passes import NAMES, SITE_LINES, CorpusPass, count, count_batch
from cleaner.document import Document
from cleaner.io.readers import Record, Reject

ROOT = Path(__file__).resolve().parent.parent
CLEAN = str(Path(sys.executable).parent / "clean")
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

NAV = "Subscribe to the Daily Ledger newsletter"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([CLEAN, *args], capture_output=True, timeout=300)


def pages() -> list[dict[str, str]]:
    """Seeds under two sites, each page with its site's furniture line, and name variants."""
    out = []
    for k in range(24):
        seed = SEEDS[k % len(SEEDS)].read_text(encoding="utf-8")
        name = ("Sergey Lavrov", "Sergei Lavrov", "Jens Stoltenberg")[k % 3]
        site = "a.example" if k % 2 else "b.example"
        text = f"{NAV}\n{name} spoke on day {k} about the talks that went on for hours.\n{seed}"
        out.append({"id": str(k), "url": f"https://{site}/news/{k}", "text": text})
    return out


def write_jsonl(path: Path, rows: list[dict[str, str]], bad: str = "") -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + bad, encoding="utf-8")
    return path


def records(rows: list[dict[str, str]]) -> list[Record]:
    return [Record(Document(r["id"], r["text"], {"url": r["url"]}), "in.jsonl", k + 1) for k, r in enumerate(rows)]


def test_learn_and_names_same_tables_on_one_or_two_processes(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", pages())
    for j in ("1", "2"):
        p = run("learn", str(src), "-o", str(tmp_path / f"learn{j}"), "--jobs", j)
        assert p.returncode == 0, p.stderr.decode()
        assert b"24 documents" in p.stderr
        p = run("names", str(src), "-o", str(tmp_path / f"names{j}.tsv"), "--jobs", j)
        assert p.returncode == 0, p.stderr.decode()
    packs = sorted(x.name for x in (tmp_path / "learn1").iterdir())
    assert packs == ["a.example.toml", "b.example.toml"]
    for name in packs:
        pack = (tmp_path / "learn1" / name).read_text(encoding="utf-8")
        assert NAV in pack and "spoke on day" not in pack
        assert pack == (tmp_path / "learn2" / name).read_text(encoding="utf-8")
    table = (tmp_path / "names1.tsv").read_text(encoding="utf-8")
    assert table == (tmp_path / "names2.tsv").read_text(encoding="utf-8")
    assert any("Sergey Lavrov" in line and "Sergei Lavrov" in line for line in table.splitlines()[1:])


def test_rejects_are_written_or_said_and_set_the_exit_code(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", pages()[:3], bad='{"text": 5}\nnot json\n')
    p = run("names", str(src), "-o", str(tmp_path / "n.tsv"), "--rejects", str(tmp_path / "rej.jsonl"))
    assert p.returncode == 1, p.stderr.decode()
    reasons = [json.loads(x)["reason"] for x in (tmp_path / "rej.jsonl").read_text().splitlines()]
    assert len(reasons) == 2 and "int, not a string" in reasons[0] and "malformed JSON" in reasons[1]
    assert b"3 documents, 2 rejected" in p.stderr and (tmp_path / "n.tsv").exists()
    p = run("learn", str(src), "-o", str(tmp_path / "l"))
    assert p.returncode == 1 and p.stderr.count(b"clean learn: reject: ") == 2


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", pages()[:2])
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("")
    for cmd, args in (("names", ("-o", "n.tsv", "--jobs", "-1")), ("names", ("-o", "n.tsv", "--names-aliases", "missing.toml")),
                      ("names", ("-o", "n.tsv", "--bogus")), ("names", ("-o", "a-folder")), ("learn", ("-o", "a-file"))):
        p = subprocess.run([CLEAN, cmd, str(src), *args], capture_output=True, timeout=300, cwd=tmp_path)
        assert p.returncode == 2, (args, p.stderr.decode())
        assert len(p.stderr.decode().strip().splitlines()) == 1 and b"Traceback" not in p.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a-file", "a-folder", "in.jsonl"]  # nothing written


def _map_or_fail(doc: Document, text: str) -> object:
    if "POISON" in text:
        raise ValueError("poisoned")
    return NAMES.map_doc(doc, text)


FAILING = CorpusPass("names", ("names",), _map_or_fail, NAMES.empty, NAMES.add)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_fails_is_a_reject_and_the_rest_is_counted(jobs: int) -> None:
    rows = pages()[:6]
    rows[2]["text"] += "\nPOISON"
    items: list[Record | Reject] = [*records(rows), Reject("in.jsonl", 99, "malformed JSON", "x")]
    seen: list[tuple[list[Record], list[Reject]]] = []
    total = count(FAILING, items, jobs=jobs, batch_size=4, on_batch=lambda r, b: seen.append((r, b)))
    counted = [r.line for rs, _ in seen for r in rs]
    rejected = [(x.line, x.reason) for _, bs in seen for x in bs]
    assert counted == [1, 2, 4, 5, 6]
    assert rejected == [(3, "cleaning failed: ValueError: poisoned"), (99, "malformed JSON")]
    clean_rows = [r for k, r in enumerate(rows) if k != 2]
    assert total == count(NAMES, records(clean_rows), jobs=1)


@pytest.mark.parametrize("p", [NAMES, SITE_LINES], ids=["names", "learn"])
def test_batches_and_processes_do_not_change_the_count(p: CorpusPass[object]) -> None:
    recs = records(pages())
    one = p.empty()
    cleaner = p.pre_cleaner()
    for r in recs:  # document by document: the plain definition
        one = p.add(one, p.map_doc(r.doc, cleaner.clean(r.doc).text))
    assert count(p, recs, jobs=1, batch_size=5) == one
    assert count(p, recs, jobs=2, batch_size=3) == one
    assert count_batch(cleaner, p, [r.doc for r in recs])[0] == one


@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_read_as_html_are_extracted_then_counted(jobs: int) -> None:
    from cleaner.io.readers import extracted

    body = "".join(f"<p>{line}</p>" for line in pages()[0]["text"].split("\n") if line.strip())
    page = Document("p", f"<html><body><article>{body}</article></body></html>", {"url": "https://a.example/1"})
    empty = Document("e", "<html><body></body></html>", {"url": "https://a.example/2"})
    items = [Record(page, "p.html", html=True), Record(empty, "e.html", html=True)]
    seen: list[tuple[list[Record], list[Reject]]] = []
    total = count(NAMES, items, jobs=jobs, on_batch=lambda r, b: seen.append((r, b)))
    text = extracted(page)
    assert isinstance(text, Document) and "<p>" not in text.text
    assert total == count(NAMES, [Record(text, "p.html")]) and total != NAMES.empty()
    assert [x.reason for _, bs in seen for x in bs] == ["HTML extraction found no text"]


def test_learn_says_when_no_page_has_a_site(tmp_path: Path) -> None:
    p = run("learn", str(ROOT / "seeds"), "-o", str(tmp_path / "packs"))
    assert p.returncode == 0 and b"no page had a site" in p.stderr and b"0 site packs proposed" in p.stderr
