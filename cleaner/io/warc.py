"""WARC files (Common Crawl and other crawls): each HTML response becomes a record to clean,
and so does each text conversion of a WET file (the text Common Crawl extracted).

warcio reads the archive as a stream, record by record (gzip per record or not), and undoes the
HTTP transfer and content encodings. A response's page is decoded and extracted as an ``.html``
file is (`cleaner.io.readers.html_record`), with the record's target URI as its ``url``, so site
rules, `clean learn` and the URL headline rule see the real address. The output is JSON Lines:
``id`` (the WARC-Record-ID), ``url``, ``date`` and ``text``.

The other records are not errors but are never dropped silently: requests, metadata, non-HTML
or non-2xx responses are counted by kind (``skipped``), and `clean` prints the counts as events.
A record warcio cannot read ends that file with a reject saying where.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator

from cleaner.document import Document
from cleaner.io.readers import MAX_CHARS, Record, Reject, decode_bytes, html_record, too_large

HTML_TYPES = ("text/html", "application/xhtml+xml")
EVENT = "warc.skipped"  # the events' prefix: warc.skipped:request, warc.skipped:not-html, ...
MAX_PAYLOAD = 4 * MAX_CHARS  # bytes of one page read at most: a bigger one is a reject, not a memory spike


def read_warc(stream: IO[bytes], source: str, skipped: Counter[str] | None = None) -> Iterator[Record | Reject]:
    """The HTML responses of one WARC stream as records (``html=True``), in file order; a
    record's ``line`` is its position in the file (1-based), as a JSON Lines record's is.

    A file cut short is a reject, not a quiet end: warcio stops without a word when a gzip
    member or the headers of a last record are incomplete, so the end is checked here (the
    gzip stream must have ended, an uncompressed file must hold nothing after its last record)
    and so is each record's length."""
    skipped = skipped if skipped is not None else Counter()
    it = _CheckedIterator(stream)
    n = 0
    end = 0  # where the last complete record ends (uncompressed files)
    try:
        for rec in it:
            n += 1
            declared = (rec.rec_headers.get_header("Content-Length") or "").strip()
            if not declared.isdigit() or int(declared) != rec.length:  # (warcio's reading of a cut header)
                yield Reject(source, n, f"WARC record {n} is cut short or damaged: its Content-Length is {declared or 'missing'}")
                return
            why = _skip_reason(rec)
            data = b"" if why is not None else rec.content_stream().read(MAX_PAYLOAD + 1)
            it.read_to_end()  # (the rest of the record, as the iterator does before the next one)
            if rec.raw_stream.limit:
                yield Reject(source, n, f"WARC record {n} is cut short: {rec.raw_stream.limit} of its {rec.length} bytes are missing")
                return
            end = it.offset
            if why is not None:
                skipped[f"{EVENT}:{why}"] += 1
                continue
            if len(data) > MAX_PAYLOAD:
                yield Reject(source, n, f"WARC record {n}: page larger than {MAX_PAYLOAD:,} bytes")
                continue
            yield from (_text(rec, data, source, n) if rec.rec_type == "conversion" else _page(rec, data, source, n))
    except Exception as e:  # warcio on a damaged file: ArchiveLoadFailed, zlib errors, even AttributeError
        yield Reject(source, n + 1, f"WARC record {n + 1} cannot be read: {type(e).__name__}: {str(e)[:200]}")
        return
    if it.cut_short or _trailing_bytes(stream, end, it.gzipped):
        yield Reject(source, n + 1, f"WARC file ends inside record {n + 1}: it is cut short")


def _fields(rec: Any, source: str, n: int) -> dict[str, str]:
    headers = rec.rec_headers
    return {"id": headers.get_header("WARC-Record-ID") or f"{source}:{n}",
            "url": headers.get_header("WARC-Target-URI") or "",
            "date": headers.get_header("WARC-Date") or ""}


def _text(rec: Any, data: bytes, source: str, n: int) -> Iterator[Record | Reject]:
    """The record of one text conversion (a WET file's: the page's text, already extracted)."""
    fields = _fields(rec, source, n)
    text, enc = decode_bytes(data)
    if text is None:
        yield Reject(source, n, "cannot decode the converted text", "")
        return
    meta = {"source": source, "encoding": enc, **{k: v for k, v in fields.items() if v}}
    yield too_large(source, n, text) or Record(Document(fields["id"], text, meta), source, n, {**fields, "text": ""})


def _page(rec: Any, data: bytes, source: str, n: int) -> Iterator[Record | Reject]:
    """The record of one HTML response, with its WARC fields (or why it has none)."""
    fields = _fields(rec, source, n)
    for item in html_record(data, source, fields["id"], _header_charset(rec)):
        if isinstance(item, Reject):
            yield Reject(item.source, n, item.reason, item.raw)
            continue
        meta = {**item.doc.meta, **{k: v for k, v in fields.items() if v}}
        raw = {**fields, "text": ""}  # (the cleaned text takes its place when written)
        yield Record(Document(item.doc.id, item.doc.text, meta), source, n, raw, html=True)


def _trailing_bytes(stream: IO[bytes], end: int, gzipped: bool) -> bool:
    """Does an uncompressed file hold more than blank lines after its last complete record?
    (A stream that cannot seek is not checked.)"""
    if gzipped or not stream.seekable():
        return False
    stream.seek(end)
    return bool(stream.read(1 << 16).strip())


class _CheckedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's ArchiveIterator, remembering whether a gzip stream ended inside a member (it
    stops there as at a clean end)."""

    cut_short = False
    gzipped = False

    def close(self) -> None:
        dec = getattr(self.reader, "decompressor", None) if self.reader is not None else None
        if dec is not None:
            self.gzipped = True
            self.cut_short = not dec.eof
        super().close()


def _skip_reason(rec: object) -> str | None:
    """Why a WARC record holds no page to clean (None: it is an HTML response)."""
    kind = getattr(rec, "rec_type", "") or "unknown"
    if kind == "conversion":  # a WET file's text
        ctype = (rec.rec_headers.get_header("Content-Type") or "text/plain").split(";")[0].strip().lower()
        return None if ctype.startswith("text/") else "conversion-not-text"
    if kind != "response":
        return kind
    http = getattr(rec, "http_headers", None)
    if http is None:
        return "response-without-http"
    status = (http.get_statuscode() or "").strip()
    if not status.startswith("2"):
        return f"status-{status or 'unknown'}"
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype not in HTML_TYPES:
        return "not-html"
    return None


def _header_charset(rec: object) -> str | None:
    """The charset the HTTP Content-Type header names, if any: it wins over a ``<meta>`` one."""
    http = getattr(rec, "http_headers", None)
    ctype = (http.get_header("Content-Type") or "") if http is not None else ""
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None

