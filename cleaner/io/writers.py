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


class AtomicWriter:
    """Write to a hidden temporary file beside ``path``; ``commit`` renames it into place.

    A run that dies leaves the old output (or none), never a torn file.
    """

    def __init__(self, path: Path, mode: str = "wb") -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.tmp = Path(tmp)
        self.f: IO[Any] = os.fdopen(fd, mode)
        give_mode(self.tmp, path)

    def write(self, data: Any) -> None:
        self.f.write(data)

    def commit(self) -> None:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.f.close()
        finally:
            self.tmp.unlink(missing_ok=True)


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


def dumps_line(obj: Any) -> bytes:
    """One JSON Lines line, strict UTF-8; falls back to the standard library (big ints, surrogates)."""
    try:
        return orjson.dumps(obj) + b"\n"
    except (TypeError, orjson.JSONEncodeError):
        s = json.dumps(obj, ensure_ascii=False)
        try:
            return s.encode("utf-8") + b"\n"
        except UnicodeEncodeError:
            return json.dumps(obj, ensure_ascii=True).encode("ascii") + b"\n"
