"""Readers: turn input files into Records, or Rejects with a reason. Never raise on bad data.

Every input record ends in the output or in the rejects file: a reader yields a `Reject` for
what it cannot decode or parse (with file, line and the raw line) and goes on with the next.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson
import regex

from cleaner.document import Document

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{1,40})""", regex.I)


@dataclass(frozen=True)
class Record:
    """A document read from ``source``; ``raw`` is the parsed JSON object for JSON Lines."""

    doc: Document
    source: str
    line: int = 0
    raw: dict[str, Any] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Reject:
    """Something that could not be read or cleaned, and why."""

    source: str
    line: int
    reason: str
    raw: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw}


def _raw_text(b: bytes, limit: int = 100_000) -> str:
    s = b[:limit].decode("utf-8", "backslashreplace")
    return s + ("…[truncated]" if len(b) > limit else "")


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str | None, str]:
    """Decode a whole file: BOMs, strict UTF-8, ``<meta charset>``, then charset-normalizer.

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
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (LookupError, UnicodeDecodeError):
            pass
    # Mostly UTF-8 with a few bad bytes: keep the text, mark the bytes we could not read.
    bad = data.decode("utf-8", "replace").count("\ufffd")
    if bad <= max(3, len(data) // 1000):
        return data.decode("utf-8", "replace"), "utf-8 (with replacements)"
    return None, ""


def open_maybe_compressed(path: Path) -> IO[bytes]:
    """Open a file for binary reading, decompressing by its magic bytes, not its name."""
    f = path.open("rb")
    head = f.peek(4)[:4] if hasattr(f, "peek") else b""
    if head.startswith(GZIP_MAGIC):
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    if head.startswith(ZSTD_MAGIC):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(f, read_across_frames=True, closefd=True))  # type: ignore[arg-type]
    return f


def read_file_bytes(path: Path) -> tuple[bytes, str | None]:
    """All bytes of a (possibly compressed) file, and a note if the stream was damaged."""
    chunks: list[bytes] = []
    try:
        with open_maybe_compressed(path) as f:
            while True:
                b = f.read(1 << 20)
                if not b:
                    break
                chunks.append(b)
    except (EOFError, OSError, zlib.error, ValueError) as e:
        return b"".join(chunks), f"damaged compressed stream: {type(e).__name__}: {e}"
    except Exception as e:  # zstandard.ZstdError and the like
        return b"".join(chunks), f"damaged compressed stream: {type(e).__name__}: {e}"
    return b"".join(chunks), None


def read_text_file(path: Path, source: str, doc_id: str) -> Iterator[Record | Reject]:
    """A .txt file (or .txt.gz) is one document."""
    data, damage = read_file_bytes(path)
    if damage:
        yield Reject(source, 0, damage, "")
        if not data:
            return
    text, enc = decode_bytes(data)
    if text is None:
        yield Reject(source, 0, "cannot decode: not UTF-8 and no charset fits", _raw_text(data, 2000))
        return
    yield Record(Document(doc_id, text, dict({"source": source, "encoding": enc})), source)


def html_to_text(html: str, url: str | None = None) -> str | None:
    """Extract the article text of a page with trafilatura (settings measured on the benchmark)."""
    import trafilatura

    from cleaner.io.html_settings import TRAFILATURA_OPTIONS

    return trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS)


def read_html_file(path: Path, source: str, doc_id: str) -> Iterator[Record | Reject]:
    """A .html or .html.gz page: decoded, then extracted to text by trafilatura."""
    data, damage = read_file_bytes(path)
    if damage:
        yield Reject(source, 0, damage, "")
        if not data:
            return
    if b"\x00" in data[:1024] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield Reject(source, 0, "not HTML: binary content", _raw_text(data[:64]))
        return
    html, enc = decode_bytes(data, html=True)
    if html is None:
        yield Reject(source, 0, "cannot decode HTML", _raw_text(data, 2000))
        return
    try:
        text = html_to_text(html)
    except (RecursionError, MemoryError, ValueError, Exception) as e:  # lxml on hostile pages
        yield Reject(source, 0, f"HTML extraction failed: {type(e).__name__}", "")
        return
    if text is None:
        yield Reject(source, 0, "HTML extraction found no text", "")
        return
    yield Record(Document(doc_id, text, dict({"source": source, "encoding": enc})), source)


def parse_json_line(line: bytes) -> Any:
    """orjson first (fast); the standard library for what orjson refuses (lone surrogates, big ints)."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        pass
    return json.loads(line.decode("utf-8"))


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
        return Reject(source, lineno, f"no {text_field!r} field", _raw_text(line))
    text = obj[text_field]
    if not isinstance(text, str):
        return Reject(source, lineno, f"field {text_field!r} is {type(text).__name__}, not a string", _raw_text(line))
    meta = {k: v for k, v in obj.items() if k != text_field and isinstance(v, (str, int, float, bool))}
    meta.setdefault("source", source)
    doc_id = str(obj.get("id", f"{source}:{lineno}"))
    return Record(Document(doc_id, text, dict(meta)), source, lineno, obj)
