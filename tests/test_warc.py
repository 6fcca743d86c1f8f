"""WARC input: HTML responses become JSON Lines records; everything else is counted; a damaged
or cut file ends in a reject, never in silence."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.io.readers import Record, Reject
from cleaner.io.sources import kind_of, out_name
from cleaner.io.warc import read_warc

CLEAN = str(Path(sys.executable).parent / "clean")
URL = "https://news.example.org/world/border-talks-resume-in-dushanbe"
ARTICLE = """<html><head><title>Border talks resume in Dushanbe</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Border talks resume in Dushanbe</h1>
<p>The ministers of the alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said.</p>
<p>They agreed to hold joint exercises near the border next month and to strengthen the military presence there.</p>
<p>Share this article</p>
</article><footer>Leave a Reply</footer></body></html>"""


def warc_bytes(gzip: bool = True) -> bytes:
    out = io.BytesIO()
    w = WARCWriter(out, gzip=gzip)
    w.write_record(w.create_warcinfo_record("crawl.warc", {"software": "test"}))

    def response(url: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: str = "200 OK") -> None:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))

    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
    w.write_record(w.create_warc_record(URL, "request", http_headers=request))
    response(URL, ARTICLE.encode())
    response("https://news.example.org/logo.png", b"\x89PNG\r\n", "image/png")
    response("https://news.example.org/gone", b"<html><body>Not found</body></html>", status="404 Not Found")
    # the charset is only in the HTTP header: windows-1251 bytes that are no valid UTF-8
    response("https://ru.example.org/a", ARTICLE.replace("Dushanbe", "Душанбе").encode("cp1251"),
             "text/html; charset=windows-1251")
    return out.getvalue()


def run(*args, input=None):
    return subprocess.run([CLEAN, *args], input=input, capture_output=True, timeout=300)


def test_names_and_kinds():
    assert kind_of("CC-MAIN-1.warc.gz") == "warc" and kind_of("crawl.WARC") == "warc"
    assert out_name("CC-MAIN-1.warc.gz", "warc") == "CC-MAIN-1.jsonl"


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_records_and_the_rest_is_counted(tmp_path, gzip):
    src = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    src.write_bytes(warc_bytes(gzip))
    summary = tmp_path / "summary.json"
    p = run(str(src), "-o", str(tmp_path / "out"), "--summary-json", str(summary), "-q")
    assert p.returncode == 0, p.stderr.decode()
    rows = [json.loads(x) for x in (tmp_path / "out" / "crawl.jsonl").read_text().splitlines()]
    assert [r["url"] for r in rows] == [URL, "https://ru.example.org/a"]
    assert all(r["id"].startswith("<urn:uuid:") and r["date"] for r in rows)
    assert rows[0]["text"].startswith("The ministers of the alliance met in Dushanbe")
    assert "Share this article" not in rows[0]["text"] and "Leave a Reply" not in rows[0]["text"]
    assert "Border talks resume" not in rows[0]["text"]  # the headline repeats the page title
    assert "met in Душанбе" in rows[1]["text"]  # decoded by the header's charset
    events = json.loads(summary.read_text())["events"]
    assert {k: v for k, v in events.items() if k.startswith("warc.")} == {
        "warc.skipped:warcinfo": 1, "warc.skipped:request": 1, "warc.skipped:not-html": 1,
        "warc.skipped:status-404": 1}


def test_jobs_and_standard_input_give_the_same_records(tmp_path):
    src = tmp_path / "crawl.warc.gz"
    src.write_bytes(warc_bytes())
    outs = []
    for jobs in ("1", "2"):
        p = run(str(src), "-o", str(tmp_path / f"j{jobs}.jsonl"), "--jobs", jobs, "-q")
        assert p.returncode == 0, p.stderr.decode()
        outs.append((tmp_path / f"j{jobs}.jsonl").read_bytes())
    p = run("-", "--format", "warc", "-q", input=src.read_bytes())
    assert p.returncode == 0, p.stderr.decode()
    assert outs[0] == outs[1] == p.stdout and len(p.stdout.splitlines()) == 2


@pytest.mark.parametrize("gzip", [True, False])
def test_a_cut_file_ends_in_a_reject(gzip):
    """Cut anywhere inside a record, the file's records before the cut are read and the cut is
    a reject (a record missing no more than its closing blank lines is whole)."""
    from warcio.archiveiterator import ArchiveIterator

    data = warc_bytes(gzip)
    whole = [x.doc.meta["url"] for x in read_warc(io.BytesIO(data), "w") if isinstance(x, Record)]
    it = ArchiveIterator(io.BytesIO(data))
    starts = {it.get_record_offset() for _ in it}  # (a file cut there is a shorter whole file)
    for cut in range(40, len(data) - 4, 7):
        items = list(read_warc(io.BytesIO(data[:cut]), "w"))
        urls = [x.doc.meta["url"] for x in items if isinstance(x, Record)]
        assert urls == whole[: len(urls)], cut
        whole_records = cut in starts or data[cut:].lstrip(b"\r\n").startswith(b"WARC/")  # or a terminator cut
        assert (items and isinstance(items[-1], Reject)) or whole_records, cut


def test_damage_is_a_reject_and_the_run_goes_on(tmp_path):
    data = warc_bytes(gzip=False)
    at = data.index(b"WARC/1", data.index(URL.encode()) + 1000)  # a record after the article's
    (tmp_path / "bad.warc").write_bytes(data[:at] + b"GARBAGE\r\n\r\n" + data[at:])
    (tmp_path / "good.warc").write_bytes(data)
    rejects = tmp_path / "rejects.jsonl"
    p = run(str(tmp_path / "bad.warc"), str(tmp_path / "good.warc"), "-o", str(tmp_path / "out"),
            "--rejects", str(rejects), "-q")
    assert p.returncode == 1 and b"Traceback" not in p.stderr
    [rej] = [json.loads(x) for x in rejects.read_text().splitlines()]
    assert rej["source"].endswith("bad.warc") and "cannot be read" in rej["reason"]
    assert len((tmp_path / "out" / "bad.jsonl").read_text().splitlines()) == 1  # the article before it
    assert len((tmp_path / "out" / "good.jsonl").read_text().splitlines()) == 2


def test_a_wet_files_text_conversions_are_records(tmp_path):
    """Common Crawl's WET files hold the text of each page as a ``conversion`` record."""
    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    w.write_record(w.create_warcinfo_record("crawl.warc.wet.gz", {"software": "test"}))
    text = ("The ministers of the alliance met in Dushanbe on Monday to discuss the border, officials said.\n"
            "Share this article\n")
    w.write_record(w.create_warc_record(URL, "conversion", payload=io.BytesIO(text.encode()),
                                        warc_content_type="text/plain"))
    src = tmp_path / "CC-MAIN-1.warc.wet.gz"
    src.write_bytes(out.getvalue())
    assert out_name(src.name, "warc") == "CC-MAIN-1.jsonl"
    p = run(str(src), "-o", str(tmp_path / "out"), "-q")
    assert p.returncode == 0, p.stderr.decode()
    [row] = [json.loads(x) for x in (tmp_path / "out" / "CC-MAIN-1.jsonl").read_text().splitlines()]
    assert row["url"] == URL and row["text"] == text.split("\n")[0] + "\n"


def test_a_page_too_large_is_a_reject_and_the_file_goes_on(monkeypatch):
    import cleaner.io.warc as warc

    monkeypatch.setattr(warc, "MAX_PAYLOAD", 300)  # (the article is larger, the 404 page smaller)
    items = list(warc.read_warc(io.BytesIO(warc_bytes()), "w"))
    assert [(type(i).__name__, i.line) for i in items] == [("Reject", 3), ("Reject", 6)]
    assert all("page larger than 300 bytes" in i.reason for i in items)
