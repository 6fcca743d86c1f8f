"""Writers: atomic output files (temporary name, renamed when complete) and JSON Lines records."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import orjson


@lru_cache(maxsize=1)
def _umask() -> int:
    """The process's umask (read by setting it and back, once: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def give_mode(tmp: Path, path: Path) -> None:
    """Give the temporary file ``tmp`` the mode ``path`` gets from a plain ``open``: the mode
    ``path`` has when it exists (an overwrite keeps it), else 0o666 less the umask. mkstemp
    makes 0o600 files and the rename keeps that, so outputs came out readable by their owner
    only, not by the other users or services a shared corpus folder is meant for."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    os.chmod(tmp, mode)


STREAM_DIRS = ("/dev/", "/proc/")  # where a path names a device or a process's own stream


def in_place(path: Path) -> bool:
    """Is ``path`` a stream to write into rather than a file to replace: a device (``/dev/null``),
    a process's own stream (``/dev/stdout``, ``/dev/fd/3``), a FIFO or a socket? Renaming a
    temporary file onto such a path would replace the device itself (as root) or fail."""
    if str(path).startswith(STREAM_DIRS):
        return True
    try:
        st = os.stat(path)  # (through symlinks)
    except OSError:
        return False  # nothing there yet: a file to create
    return not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode))


def real_target(path: Path) -> Path:
    """The file a write to ``path`` means: through symlinks, so renaming into place replaces
    the file a link names and keeps the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def temporary_beside(path: Path) -> tuple[Path, Path, int]:
    """For an atomic write to ``path``: the file it means (`real_target`), and a new hidden
    temporary file beside it, with the mode a plain ``open`` would give (`give_mode`), and its
    open descriptor."""
    path = real_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        give_mode(Path(tmp), path)
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return path, Path(tmp), fd


class AtomicWriter:
    """Write to a hidden temporary file beside ``path``; ``commit`` renames it into place.

    A run that dies leaves the old output (or none), never a torn file. A stream (see
    `in_place`: ``/dev/null``, ``/dev/stdout``, a FIFO) is written into directly instead.
    """

    def __init__(self, path: Path, mode: str = "wb") -> None:
        self.path = path
        self.tmp: Path | None = None
        if in_place(path):
            self.f: IO[Any] = open(path, mode)  # noqa: SIM115 - closed in commit/abort
        else:
            self.path, self.tmp, fd = temporary_beside(path)
            try:
                self.f = os.fdopen(fd, mode)
            except BaseException:
                os.close(fd)
                self.tmp.unlink(missing_ok=True)
                raise
        try:
            self._opened()
        except BaseException:  # Ctrl-C too: a writer that never was leaves no temporary file
            self.abort()
            raise

    def _opened(self) -> None:
        """Set up what writes into ``self.f`` (a compressor, a Parquet writer): a subclass's hook."""

    def write(self, data: Any) -> None:
        try:
            self.f.write(data)
        except OSError as e:
            raise named_error(e, self.path) from None

    def commit(self) -> None:
        try:
            self.f.flush()
            if self.tmp is None:  # a stream: nothing to sync or rename
                self.f.close()
                return
            os.fsync(self.f.fileno())
            self.f.close()
            os.replace(self.tmp, self.path)
        except OSError as e:
            raise named_error(e, self.path) from None

    def abort(self) -> None:
        try:
            self.f.close()
        except OSError:  # (what was left to flush is being thrown away: a full disk again)
            pass
        finally:
            if self.tmp is not None:
                self.tmp.unlink(missing_ok=True)


def named_error(e: OSError, path: Path) -> OSError:
    """``e`` with the output's name on it: a write to an open file carries none, and "No space
    left on device" should say where."""
    return e if e.filename else type(e)(e.errno, e.strerror, str(path))


def write_atomic(path: Path, data: bytes) -> None:
    """Write a whole file at once, atomically (temporary name, fsync, rename)."""
    w = AtomicWriter(path)
    try:
        w.write(data)
        w.commit()
    except BaseException:
        w.abort()
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_atomic(path, text.encode("utf-8", "replace"))


def edits_json(res: Any) -> str:
    """A `Result`'s edits as one JSON array: the ``edits`` of its ledger record (``--explain``),
    for the integrations that keep them in a column or in a document's metadata."""
    return dumps_line(res.ledger()["edits"])[:-1].decode("utf-8")


class JSONLiteral(float):
    """A number of a JSON Lines record that a float cannot write back as it was read: ``NaN``,
    ``Infinity`` and ``-Infinity`` (not JSON, but what Python's json writes for such floats, and
    reads), and numbers beyond a double's range (``1e999``, read as inf). orjson writes every
    one of them as ``null``; this keeps the spelling, which `dumps_line` writes back, so a
    record's other fields leave as they came (`cleaner.io.readers.parse_json_line` makes them)."""

    __slots__ = ("literal",)
    literal: str

    def __new__(cls, literal: str) -> JSONLiteral:
        self = super().__new__(cls, float(literal))
        self.literal = literal
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (JSONLiteral, (self.literal,))


def _literals_out(obj: Any, found: dict[str, str], mark: str) -> Any:
    """``obj`` with each `JSONLiteral` replaced by a unique placeholder string (``found``:
    placeholder -> literal), only as deep as containers go."""
    if isinstance(obj, JSONLiteral):
        key = f"{mark}{len(found)}"
        found[key] = obj.literal
        return key
    if isinstance(obj, dict):
        return {k: _literals_out(v, found, mark) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_literals_out(v, found, mark) for v in obj]
    return obj


def dumps_line(obj: Any) -> bytes:
    """One JSON Lines line, strict UTF-8; falls back to the standard library (big ints,
    surrogates, `JSONLiteral` numbers, which orjson refuses as not floats)."""
    try:
        return orjson.dumps(obj) + b"\n"
    except (TypeError, orjson.JSONEncodeError):
        found: dict[str, str] = {}
        obj = _literals_out(obj, found, f"cleaner-json-literal-{os.urandom(8).hex()}-")
        s = json.dumps(obj, ensure_ascii=False)
        try:
            s.encode("utf-8")
        except UnicodeEncodeError:
            s = json.dumps(obj, ensure_ascii=True)
        for key, literal in found.items():
            s = s.replace(f'"{key}"', literal, 1)
        return s.encode("utf-8") + b"\n"
