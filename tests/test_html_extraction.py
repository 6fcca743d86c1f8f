"""The HTML path: trafilatura's precise extraction, with article paragraphs it dropped put back."""

import pytest

from cleaner.io.readers import recover_paragraphs

H = "Officials meet in Dushanbe"
P1 = "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."
P2 = "The next meeting is planned for December in Moscow, the ministry said in a statement on Tuesday."
P3 = "The ministry added that more troops could be sent to the border region if the fighting continued."
LOST = "A spokesman said the talks had been constructive and that both sides wanted to continue them soon."


def test_paragraph_dropped_inside_the_article_comes_back():
    narrow = "\n".join([P1, P2, P3])
    wide = "\n".join([H, P1, LOST, P2, P3, "Most read", "Teaser headline about something else entirely here"])
    assert recover_paragraphs(narrow, wide) == "\n".join([P1, LOST, P2, P3])


def test_only_paragraphs_inside_the_shared_stretch():
    narrow = "\n".join([P1, P2])
    before = "Another story: the president visited a factory in the north of the country on Friday."
    after = "Sign up to get the best stories of the week in your inbox every Friday, it is free to join."
    wide = "\n".join([before, P1, "Related", "Short teaser line", P2, after])
    assert recover_paragraphs(narrow, wide) == narrow  # short lines inside, paragraphs outside: nothing


def test_narrow_kept_when_lines_cannot_be_aligned():
    narrow = "\n".join([P1, "A line only the precise extraction has, written out as a long sentence here.", P3])
    wide = "\n".join([P1, LOST, P3])
    assert recover_paragraphs(narrow, wide) == narrow
    assert recover_paragraphs(P1, "\n".join([P1, LOST])) == P1  # one shared line: no stretch


def test_repeated_lines_not_multiplied():
    narrow = "\n".join([P1, P2, P3])
    wide = "\n".join([P1, P1, LOST, P2, P3, P3])
    assert recover_paragraphs(narrow, wide) == "\n".join([P1, LOST, P2, P3])


def test_html_to_text_smoke():
    pytest.importorskip("trafilatura")
    from cleaner.io.readers import html_to_text

    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, LOST))
    html = f"<html><head><title>{H}</title></head><body><article><h1>{H}</h1>{body}</article></body></html>"
    text = html_to_text(html)
    assert text is not None and P1 in text and LOST in text


PAGE = f"""<html><head><title>{H}</title><link rel="canonical" href="https://news.example.com/a/1"></head><body><nav>Home | World | Sport</nav>
<article><h1>{H}</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>
<footer>Leave a Reply. Your email address will not be published.</footer></body></html>"""


def test_pages_are_extracted_where_they_are_cleaned(tmp_path):
    """The reader only decodes a page; trafilatura (slower than the cleaning) runs in the worker
    that cleans it, so ``--jobs 2`` splits it; the outcome is the same on one process or two."""
    from cleaner.api import Cleaner
    from cleaner.engines.local import clean_stream
    from cleaner.io.readers import Record, extracted, read_html_file

    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "empty.html").write_text("<html><body><div></div></body></html>", encoding="utf-8")
    items = [*read_html_file(tmp_path / "a.html", "a.html", "a.html"),
             *read_html_file(tmp_path / "empty.html", "empty.html", "empty.html")]
    assert all(isinstance(x, Record) and x.html and x.doc.text.startswith("<html>") for x in items)
    page = extracted(items[0].doc)
    assert not isinstance(page, str) and P1 in page.text and "<p>" not in page.text
    assert extracted(items[1].doc) == "HTML extraction found no text"
    c = Cleaner.default()
    runs = [[o for b in clean_stream(c, items, jobs) for o in b] for jobs in (1, 2)]
    assert runs[0] == runs[1]
    (rec, res), reject = runs[0]
    assert not rec.html and rec.doc.text == res.original == page.text and P2 in res.text
    assert rec.doc.meta["url"] == "https://news.example.com/a/1"  # (found in the worker, sent back)
    assert reject.source == "empty.html" and reject.reason == "HTML extraction found no text"


def test_a_page_on_standard_input_with_format_html(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    clean = str(Path(sys.executable).parent / "clean")
    p = subprocess.run([clean, "-", "--format", "html", "-q"], input=PAGE.encode(), capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    out = p.stdout.decode()
    assert P1 in out and "<p>" not in out and "<html>" not in out


def test_a_page_gets_its_own_url_so_site_rules_and_learn_see_its_site(tmp_path):
    """A page saved to a file has no URL but its canonical link: `extracted` puts it in the
    document's meta, and `clean learn` on a folder of pages proposes the site's furniture."""
    import subprocess
    import sys
    from pathlib import Path

    from cleaner.document import Document
    from cleaner.io.readers import extracted

    def page(k: int) -> str:
        return (f'<html><head><link rel="canonical" href="https://news.example.com/a/{k}"></head><body>'
                f"<article><h1>{H}</h1><p>{P1} {k}</p><p>{P2}</p><p>{P3}</p>"
                f"<p>Subscribe to the Daily Ledger newsletter</p></article></body></html>")

    doc = extracted(Document("p", page(1), {}))
    assert isinstance(doc, Document) and doc.meta["url"] == "https://news.example.com/a/1"
    kept = extracted(Document("p", page(1), {"url": "https://other.example.org/x"}))
    assert isinstance(kept, Document) and kept.meta["url"] == "https://other.example.org/x"  # a given URL wins
    for k in range(6):
        (tmp_path / f"{k}.html").write_text(page(k), encoding="utf-8")
    clean = str(Path(sys.executable).parent / "clean")
    p = subprocess.run([clean, "learn", str(tmp_path), "-o", str(tmp_path / "packs"), "--jobs", "1"],
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    pack = (tmp_path / "packs" / "news.example.com.toml").read_text(encoding="utf-8")
    assert "Subscribe to the Daily Ledger newsletter" in pack and P2[:40] not in pack


def test_a_page_title_is_a_field_and_its_headline_a_duplicate(tmp_path):
    """The page's title goes into the record (as its URL does); the headline that prints it
    again at the top of the text is then a duplicate (``duplicates.title-line``): the text is
    the article body, as in trafilatura's own output, and the ledger keeps the line. A record's
    own ``title`` wins over the page's."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from cleaner.document import Document
    from cleaner.io.readers import extracted

    doc = extracted(Document("p", PAGE, {}))
    assert isinstance(doc, Document) and doc.meta["title"] == H and doc.text.lstrip().startswith(H)
    kept = extracted(Document("p", PAGE, {"title": "Given title"}))
    assert isinstance(kept, Document) and kept.meta["title"] == "Given title"
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    clean = str(Path(sys.executable).parent / "clean")
    out, ledger = tmp_path / "out.txt", tmp_path / "ledger.jsonl"
    p = subprocess.run([clean, str(tmp_path / "a.html"), "-o", str(out), "--explain", str(ledger), "-q"],
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    assert out.read_text(encoding="utf-8").startswith(P1)
    edits = json.loads(ledger.read_text(encoding="utf-8"))["edits"]
    assert [(e["rule"], e["removed"]) for e in edits] == [("duplicates.title-line", H + "\n")]


def test_a_jsonl_title_field_removes_the_headline_that_repeats_it(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    text = f"{H.upper()}\n\n{P1}\n\n{P2}"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "1", "title": H, "text": text}) + "\n"
                   + json.dumps({"id": "2", "text": text}) + "\n", encoding="utf-8")
    clean = str(Path(sys.executable).parent / "clean")
    p = subprocess.run([clean, str(src), "-q"], capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode()
    with_title, without = (json.loads(x) for x in p.stdout.decode().splitlines())
    assert with_title["text"] == f"{P1}\n\n{P2}" and with_title["title"] == H
    assert without["text"] == text  # no title field: the headline is the text's own
