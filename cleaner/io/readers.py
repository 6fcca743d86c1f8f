"""Readers: turn input files into Records, or Rejects with a reason. Never raise on bad data.

Every input record ends in the output or in the rejects file: a reader yields a `Reject` for
what it cannot decode or parse (with file, line and the raw line) and goes on with the next.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import math
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson
import regex

from cleaner.document import Document
from cleaner.io.writers import JSONLiteral

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_UTF8_MULTI = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# orjson reads integers beyond 64 bits as floats (lossy): a line with 19 digits in a row goes to the
# standard library. Found by mapping digits to "0" and all else to " " (a C loop, 5x a regex scan).
_DIGITS_AS_ZERO = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_BIG_NUMBER_RUN = b"0" * 19
_BINARY_MAGIC = {b"\x89PNG": "PNG image", b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image", b"%PDF": "PDF",
                 b"PK\x03\x04": "ZIP archive", b"\x7fELF": "executable", b"RIFF": "RIFF media", b"\x00asm": "wasm"}
_SURROGATE = regex.compile("[\ud800-\udfff]")
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)


@dataclass(frozen=True)
class Record:
    """A document read from ``source``; ``raw`` is the parsed JSON object for JSON Lines."""

    doc: Document
    source: str
    line: int = 0
    raw: dict[str, Any] | None = field(default=None, compare=False)
    html: bool = False  # ``doc.text`` is a page's HTML, to be extracted where it is cleaned (`extracted`)


@dataclass(frozen=True)
class Reject:
    """Something that could not be read or cleaned, and why."""

    source: str
    line: int
    reason: str
    raw: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"source": _printable(self.source), "line": self.line, "reason": _printable(self.reason),
                "raw": _printable(self.raw)}


def _printable(s: str) -> str:
    """``s`` as valid UTF-8: undecodable file-name bytes and lone surrogates as ``\\xe9`` escapes."""
    if not _SURROGATE.search(s):
        return s
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") if all(
        "\udc80" <= c <= "\udcff" for c in _SURROGATE.findall(s)) else s.encode("utf-8", "backslashreplace").decode("utf-8")


MAX_CHARS = 5_000_000
"""Documents longer than this are rejected: cleaning costs a few microseconds per character in
every stage (about 20 s at this size), and no article or page text comes near it."""


def too_large(source: str, line: int, text: str) -> Reject | None:
    why = size_problem(text)
    return None if why is None else Reject(source, line, why, text[:200] + "…[truncated]")


def size_problem(text: str) -> str | None:
    """Why ``text`` is too long to clean (`MAX_CHARS`), or None."""
    return f"document too large: {len(text):,} characters (limit {MAX_CHARS:,})" if len(text) > MAX_CHARS else None


def _raw_text(b: bytes, limit: int = 100_000) -> str:
    s = b[:limit].decode("utf-8", "backslashreplace")
    return s + ("…[truncated]" if len(b) > limit else "")


def decode_bytes(data: bytes, *, html: bool = False, declared: str | None = None) -> tuple[str | None, str]:
    """Decode a whole file: BOMs, the ``declared`` charset (an HTTP header's) when the file has
    no BOM and it decodes strictly, strict UTF-8, ``<meta charset>``, then charset-normalizer.

    Returns ``(text, encoding)``; ``text`` is None when nothing fits.
    """
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    else:  # no BOM: a charset the transport declares comes before any guess
        if declared:
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            enc = m.group(1).decode("ascii", "ignore").lower()
            try:
                return data.decode(enc), enc
            except (LookupError, UnicodeDecodeError):
                pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    enc = _guess_charset(data)
    if enc:
        try:
            return data.decode(enc), enc
        except (LookupError, UnicodeDecodeError):
            pass
    # Mostly UTF-8 with a few bad bytes: keep the text, mark the bytes we could not read.
    bad = data.decode("utf-8", "replace").count("\ufffd")
    if bad <= max(3, len(data) // 1000):
        return data.decode("utf-8", "replace"), "utf-8 (with replacements)"
    return None, ""


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _guess_charset(data: bytes) -> str | None:
    """charset-normalizer's guess, but cp1252 when it fits as well as the winner: for Western text
    the detector often ties cp1252 with cp1250 and picks the latter (``après`` → ``aprčs``)."""
    from charset_normalizer import from_bytes

    results = from_bytes(data[:1_000_000])
    best = results.best()
    if best is None or not best.encoding:
        return None
    for m in results:
        if m.encoding in _WESTERN and m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.02:
            return "cp1252" if m.encoding != "iso8859_15" else m.encoding
    return str(best.encoding)


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """A file of mostly UTF-8 lines with a few lines in a legacy encoding (concatenated sources):
    each line decoded on its own. None unless most non-ASCII lines are valid UTF-8."""
    lines = data.splitlines(keepends=True)
    bad = [i for i, ln in enumerate(lines) if not _is_utf8(ln)]
    non_ascii = sum(1 for ln in lines if not ln.isascii())
    if not bad or non_ascii - len(bad) < len(bad) or len(lines) < 2:
        return None
    # a bad line holding valid multi-byte UTF-8 is damaged UTF-8, not a legacy encoding
    legacy = {i for i in bad if not _UTF8_MULTI.search(lines[i])}
    enc = (_guess_charset(b"".join(lines[i] for i in legacy)) if legacy else None) or "cp1252"
    try:
        out = [ln.decode(enc) if i in legacy else ln.decode("utf-8", "replace") for i, ln in enumerate(lines)]
    except (LookupError, UnicodeDecodeError):
        return None
    return "".join(out), f"utf-8 (some lines {enc})"


def _is_utf8(b: bytes) -> bool:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class InputMeter:
    """How far into each input file the readers are, in the file's own bytes (compressed bytes
    for .gz and .zst): what a progress bar can compare with the files' sizes. Counting the text
    read instead overshot the size of a compressed file several times, and its ETA read 0 s."""

    def __init__(self) -> None:
        self.at: dict[str, int] = {}
        self.read = 0  # the sum of ``at``, kept as it moves: a progress bar asks for it per document

    def move(self, name: str, pos: int) -> None:
        self.read += pos - self.at.get(name, 0)
        self.at[name] = pos

    def reset(self) -> None:
        self.at.clear()
        self.read = 0


METER = InputMeter()


class _MeteredFile(io.FileIO):
    """A file that tells `METER` how far it has been read (counted, as a pipe cannot ``tell``)."""

    _read = 0

    def readinto(self, b: Any) -> int | None:
        n = super().readinto(b)
        self._moved(n or 0)
        return n

    def readall(self) -> bytes:  # (what a buffered ``read()`` of everything calls)
        data = super().readall()
        self._moved(len(data))
        return data

    def _moved(self, n: int) -> None:
        self._read += n
        METER.move(str(self.name), self._read)


def open_maybe_compressed(path: Path) -> IO[bytes]:
    """Open a file for binary reading, decompressing by its magic bytes, not its name."""
    return maybe_decompressed(io.BufferedReader(_MeteredFile(path), 1 << 16))


def maybe_decompressed(f: io.BufferedReader) -> IO[bytes]:
    """A buffered binary stream (a file, standard input), decompressed when its first bytes are
    gzip's or zstd's magic."""
    head = f.peek(4)[:4] if hasattr(f, "peek") else b""
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC):
        return io.BufferedReader(_ZstdFrames(f), 1 << 20)
    return f


class _ZstdFrames(io.RawIOBase):
    """Every zstd frame of a file, one after another; a truncated last frame or bytes after the
    last frame raise ``EOFError`` / ``zstandard.ZstdError`` (the stream reader stops silently)."""

    def __init__(self, f: IO[bytes]) -> None:
        import zstandard

        self._f = f
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._d = self._new()
        self._in_frame = False
        self._buf = b""
        self._error: Exception | None = None  # raised once the data before it has been read

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._buf:
            if self._error is not None:
                raise self._error
            chunk = self._f.read(1 << 16)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ended inside a frame (truncated file)")
                return 0
            try:
                while chunk:
                    self._in_frame = True
                    self._buf += self._d.decompress(chunk)
                    if not self._d.eof:
                        break
                    chunk = self._d.unused_data
                    self._d = self._new()
                    self._in_frame = False
            except Exception as e:  # zstandard.ZstdError: garbage after the last frame
                self._error = e
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        self._f.close()
        super().close()


def read_file_bytes(path: Path) -> tuple[bytes, str | None]:
    """All bytes of a (possibly compressed) file, and a note if the stream was damaged."""
    try:
        f = open_maybe_compressed(path)
    except Exception as e:  # (as below: a note, not a traceback)
        return b"", f"damaged compressed stream: {type(e).__name__}: {e}"
    with f:
        return read_stream_bytes(f)


def read_stream_bytes(f: IO[bytes]) -> tuple[bytes, str | None]:
    """All bytes of an open (possibly decompressing) stream, and a note if the stream was
    damaged: what was read before the damage is kept."""
    chunks: list[bytes] = []
    try:
        while True:
            b = f.read1(1 << 20)  # read1: what was decompressed before the damage is kept
            if not b:
                break
            chunks.append(b)
    except Exception as e:  # EOFError, zlib.error, zstandard.ZstdError, OSError and the like
        return b"".join(chunks), f"damaged compressed stream: {type(e).__name__}: {e}"
    return b"".join(chunks), None


def read_text_file(path: Path, source: str, doc_id: str) -> Iterator[Record | Reject]:
    """A .txt file (or .txt.gz) is one document."""
    data, damage = read_file_bytes(path)
    if damage:
        yield Reject(source, 0, damage, "")
        if not data:
            return
    what = binary_kind(data)
    if what:
        yield Reject(source, 0, f"not text: binary content ({what})", _raw_text(data[:64]))
        return
    text, enc = decode_bytes(data)
    if text is None:
        yield Reject(source, 0, "cannot decode: not UTF-8 and no charset fits", _raw_text(data, 2000))
        return
    yield too_large(source, 0, text) or Record(Document(doc_id, text, {"source": source, "encoding": enc}), source)


def html_to_text(html: str, url: str | None = None) -> str | None:
    """Extract the article text of a page with trafilatura (settings measured on the benchmark).

    With ``RECOVER_PARAGRAPHS`` and ``favor_precision``, a second extraction without
    ``favor_precision`` gives back the article paragraphs the precise one dropped from inside the
    article (`recover_paragraphs`), and stands in when the precise one finds no text."""
    import trafilatura

    from cleaner.io.html_settings import RECOVER_PARAGRAPHS, TRAFILATURA_OPTIONS

    text = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS)
    if RECOVER_PARAGRAPHS and TRAFILATURA_OPTIONS.get("favor_precision"):
        wide = trafilatura.extract(html, url=url, **{**TRAFILATURA_OPTIONS, "favor_precision": False})
        if wide:
            text = recover_paragraphs(text, wide) if text else wide
    return text


def recover_paragraphs(narrow: str, wide: str) -> str:
    """``narrow`` (a precise extraction) with the article paragraphs (``cleaner.zones.is_paragraph``)
    that ``wide`` (a broader extraction of the same page) has between two lines both share.

    Only whole paragraphs inside the shared stretch come back: what lies before the first or after
    the last shared line (headlines, teasers, footers) and short lines anywhere stay out. When
    ``narrow`` holds a line ``wide`` lacks, the order of the two cannot be merged: ``narrow``."""
    from collections import Counter

    from cleaner.zones import is_paragraph

    left = Counter(ln.strip() for ln in narrow.split("\n") if ln.strip())
    wide_lines = wide.split("\n")
    if left - Counter(ln.strip() for ln in wide_lines):
        return narrow
    shared = [i for i, ln in enumerate(wide_lines) if ln.strip() in left]
    if len(shared) < 2:
        return narrow
    first, last = shared[0], shared[-1]
    out = []
    added = False
    for i, ln in enumerate(wide_lines):
        s = ln.strip()
        if left[s] > 0:
            left[s] -= 1
            out.append(ln)
        elif first < i < last and s and s not in left and is_paragraph(s):
            out.append(ln)
            added = True
    return "\n".join(out) if added else narrow


def read_html_file(path: Path, source: str, doc_id: str) -> Iterator[Record | Reject]:
    """A .html or .html.gz page, decoded: a record whose article text `extracted` gives."""
    data, damage = read_file_bytes(path)
    if damage:
        yield Reject(source, 0, damage, "")
        if not data:
            return
    yield from html_record(data, source, doc_id)


def html_record(data: bytes, source: str, doc_id: str, charset: str | None = None) -> Iterator[Record | Reject]:
    """The bytes of one page: a record of its decoded HTML (``html=True``), or why not.
    ``charset``: the one an HTTP header names (a WARC response's), tried first."""
    what = binary_kind(data) or ("binary content" if b"\x00" in data[:1024] and not data.startswith(
        (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None)
    if what:
        yield Reject(source, 0, f"not HTML: {what}", _raw_text(data[:64]))
        return
    html, enc = decode_bytes(data, html=True, declared=charset)
    if html is None:
        yield Reject(source, 0, "cannot decode HTML", _raw_text(data, 2000))
        return
    yield Record(Document(doc_id, html, {"source": source, "encoding": enc}), source, html=True)


def extracted(doc: Document) -> Document | str:
    """A page read as HTML, with its article text (`html_to_text`) as its text, or why it has
    none. Run where the document is cleaned, in a worker: trafilatura takes longer than the
    cleaning, so extracting in the process that reads the files made ``--jobs`` useless."""
    try:
        text = html_to_text(doc.text)
    except Exception as e:  # lxml on hostile pages: recursion, memory, parse errors
        return f"HTML extraction failed: {type(e).__name__}"
    if text is None:
        return "HTML extraction found no text"
    why = size_problem(text)
    if why is not None:
        return why
    meta = doc.meta
    if not (meta.get("url") and meta.get("title")):
        found = {k: v for k, v in page_facts(doc.text).items() if not meta.get(k)}  # (the record's own win)
        meta = {**meta, **found}
    return Document(doc.id, text, meta)


def page_facts(html: str) -> dict[str, str]:
    """The page's own URL (its canonical link, else ``og:url``) and title (its headline, else
    ``<title>``), as trafilatura finds them, for the fields a page has not got. A page saved to
    a file carries no other URL, and its site is what site rules and `clean learn` go by; the
    title is a field of the record, so a headline that repeats it is a duplicate
    (``duplicates.title-line``). About 2 ms a page, against some 40 for the extraction."""
    try:
        from trafilatura.metadata import extract_title, extract_url
        from trafilatura.utils import load_html

        tree = load_html(html)
        if tree is None:
            return {}
        found = {"url": extract_url(tree), "title": extract_title(tree)}
    except Exception:  # (an older trafilatura, or a page lxml cannot parse: no facts, not an error)
        return {}
    return {k: v.strip() for k, v in found.items() if isinstance(v, str) and v.strip()}


def has_big_number(line: bytes) -> bool:
    """Does ``line`` hold 19 ASCII digits in a row (what ``\\d{19}`` finds in bytes)?"""
    return _BIG_NUMBER_RUN in line.translate(_DIGITS_AS_ZERO)


def _float(literal: str) -> float:
    x = float(literal)
    return x if math.isfinite(x) else JSONLiteral(literal)


def parse_json_line(line: bytes) -> Any:
    """orjson first (fast); the standard library for what orjson refuses or reads lossily
    (lone surrogates, integers beyond 64 bits, NaN and Infinity, numbers beyond a double's
    range: these are `JSONLiteral` floats, written back as they were spelt)."""
    if not has_big_number(line):
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return json.loads(line.decode("utf-8"), parse_constant=JSONLiteral, parse_float=_float)


def _scrub(x: Any) -> Any:
    """Lone surrogates (from ``\\ud800`` escapes) in fields other than the text become U+FFFD, so
    the output stays valid UTF-8; the text itself is cleaned, with a ledger, by the unicode stage."""
    if isinstance(x, str):
        return _SURROGATE.sub("\ufffd", x)
    if isinstance(x, dict):
        return {_scrub(k): _scrub(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_scrub(v) for v in x]
    return x


def binary_kind(data: bytes) -> str | None:
    """What a file that is not text is, from its first bytes (None when it may be text)."""
    return next((what for magic, what in _BINARY_MAGIC.items() if data.startswith(magic)), None)


def read_jsonl(path: Path | None, source: str, text_field: str, stream: IO[bytes] | None = None) -> Iterator[Record | Reject]:
    """JSON Lines, plain, .gz or .zst: one record per line; a bad line is one reject."""
    try:
        f = stream if stream is not None else open_maybe_compressed(path)  # type: ignore[arg-type]
    except OSError as e:
        yield Reject(source, 0, f"cannot open: {e.strerror or e}")
        return
    lineno = 0
    try:
        with f:
            for raw_line in f:
                lineno += 1
                line = raw_line.strip(b" \t\r\n")
                if not line:
                    continue
                yield _jsonl_record(line, source, lineno, text_field)
    except (EOFError, OSError, zlib.error, ValueError) as e:
        yield Reject(source, lineno + 1, f"damaged compressed stream after line {lineno}: {type(e).__name__}: {e}")
    except Exception as e:  # zstandard errors
        yield Reject(source, lineno + 1, f"damaged stream after line {lineno}: {type(e).__name__}: {e}")


def _jsonl_record(line: bytes, source: str, lineno: int, text_field: str) -> Record | Reject:
    if line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as e:
        return Reject(source, lineno, f"invalid UTF-8 at byte {e.start}", _raw_text(line))
    try:
        obj = parse_json_line(line)
    except RecursionError:
        return Reject(source, lineno, "JSON nested too deeply", _raw_text(line, 2000))
    except (ValueError, UnicodeDecodeError) as e:
        return Reject(source, lineno, f"malformed JSON: {str(e).splitlines()[0][:200]}", _raw_text(line))
    if not isinstance(obj, dict):
        return Reject(source, lineno, f"not a JSON object but {type(obj).__name__}", _raw_text(line))
    if text_field not in obj:
        fields = ", ".join(map(str, list(obj)[:20])) or "none"  # (a wrong --text-field shows at once)
        return Reject(source, lineno, f"no {text_field!r} field (fields: {fields})", _raw_text(line))
    text = obj[text_field]
    if not isinstance(text, str):
        return Reject(source, lineno, f"field {text_field!r} is {type(text).__name__}, not a string", _raw_text(line))
    if line.find(b"\\u") >= 0:
        obj = {k: (v if k == text_field else _scrub(v)) for k, v in obj.items()}
    meta = {k: v for k, v in obj.items() if k != text_field and isinstance(v, (str, int, float, bool))}
    meta.setdefault("source", source)
    doc_id = str(obj.get("id", f"{source}:{lineno}"))
    return too_large(source, lineno, text) or Record(Document(doc_id, text, dict(meta)), source, lineno, obj)
