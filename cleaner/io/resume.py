"""Checkpoints for `clean --resume`: continue an interrupted run, even after ``kill -9``.

Why this shape: append-only outputs (JSON Lines, the ledger, the rejects file) are written to
``OUTPUT.partial``; after each batch they are flushed and fsynced, and only then does a small
state file beside the output (``OUTPUT.clean-state.json``, replaced atomically) record, per
source, how many input records are done and how many output bytes are committed. On resume the
partial file is cut back to the committed size and that many input records are skipped, so no
record is lost or written twice. Outputs that cannot be appended to (one ``.txt`` per input,
Parquet, compressed JSON Lines) resume per source: a source marked done is skipped, any other
restarts. The state file is removed when the run completes.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cleaner.io.writers import AtomicWriter, give_mode, real_target, write_atomic

STATE_SUFFIX = ".clean-state.json"
PARTIAL_SUFFIX = ".partial"
VERSION = 1


def state_path(output: str) -> Path:
    """``out.jsonl`` → ``out.jsonl.clean-state.json``; ``outdir/`` → ``outdir.clean-state.json``."""
    return Path(output.rstrip("/" + os.sep) + STATE_SUFFIX)


def appendable(out: Path) -> bool:
    """Plain JSON Lines files can be cut back and appended to; compressed ones and Parquet cannot."""
    return out.name.lower().endswith((".jsonl", ".ndjson", ".json"))


class PartialWriter(AtomicWriter):
    """Append to ``PATH.partial`` from a committed offset; ``commit`` renames it to ``PATH``.

    Unlike its parent it has a fixed, findable name, so a resumed run can cut it back and go on.
    """

    def __init__(self, path: Path, offset: int = 0) -> None:  # not the parent's: the name is fixed
        self.path = path = real_target(path)
        self.tmp = path.with_name(path.name + PARTIAL_SUFFIX)
        path.parent.mkdir(parents=True, exist_ok=True)
        if offset > 0 and self.tmp.exists():
            self.f = open(self.tmp, "r+b")  # noqa: SIM115 - closed in commit/abort
            self.f.truncate(offset)
            self.f.seek(offset)
        else:
            self.f = open(self.tmp, "wb")  # noqa: SIM115
        give_mode(self.tmp, path)
        self.committed = self.f.tell()

    def sync(self) -> int:
        """Flush to disk and return the size that is now safe to record."""
        self.f.flush()
        os.fsync(self.f.fileno())
        self.committed = self.f.tell()
        return self.committed


class Checkpoint:
    """The state of one run: records done and bytes committed per source, plus extra files."""

    def __init__(self, path: Path, fingerprint: str, state: dict[str, Any] | None = None, every: float = 1.0) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.sources: dict[str, dict[str, Any]] = dict((state or {}).get("sources", {}))
        self.files: dict[str, int] = dict((state or {}).get("files", {}))
        self.resumed = state is not None
        self.every = every
        self.last = 0.0

    @staticmethod
    def fingerprint_of(options: dict[str, Any]) -> str:
        """A hash of the options that shape the output; resuming with other options is refused."""
        blob = json.dumps(options, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    @classmethod
    def open(cls, output: str, options: dict[str, Any], resume: bool) -> Checkpoint:
        """Load the state when resuming (and it exists), else start a fresh one."""
        path = state_path(output)
        fp = cls.fingerprint_of(options)
        if resume and path.exists():
            state = json.loads(path.read_bytes())
            if state.get("version") != VERSION or state.get("fingerprint") != fp:
                raise ValueError(f"{path}: written by a run with other options or inputs; remove it to start over")
            ck = cls(path, fp, state)
            ck.finish_renames()
            ck.check_partials()
            return ck
        return cls(path, fp)

    def skip(self, label: str) -> int | None:
        """Input records of ``label`` to skip; None when the whole source is done."""
        s = self.sources.get(label)
        if s is None:
            return 0
        return None if s.get("done") else int(s.get("records", 0))

    def offset(self, label: str) -> int:
        return int(self.sources.get(label, {}).get("bytes", 0))

    def file_offset(self, path: Path) -> int:
        return int(self.files.get(str(path), 0))

    def count(self, label: str, resumable: bool) -> None:
        """One more input record of ``label`` handled; a source whose output cannot be resumed
        mid-way (Parquet, compressed) keeps 0, so it restarts unless it is done."""
        s = self.sources.setdefault(label, {"records": 0, "bytes": 0, "done": False})
        if resumable:
            s["records"] += 1

    def done(self, label: str, out: Path | None, writer: Any) -> None:
        """Mark a source done *before* its partial file is renamed (resume finishes the rename)."""
        s = self.sources.setdefault(label, {"records": 0, "bytes": 0, "done": False})
        s["done"] = True
        if isinstance(writer, PartialWriter):
            s["bytes"] = writer.sync()
            s["partial"] = str(writer.tmp)
            s["out"] = str(writer.path)
            self.save()

    def finish_renames(self) -> None:
        """A crash between marking a source done and renaming its output: rename now."""
        for s in self.sources.values():
            if s.get("done") and s.get("partial") and os.path.exists(s["partial"]):
                os.replace(s["partial"], s["out"])

    def check_partials(self) -> None:
        """Refuse to resume when a partial output is shorter than the state says (removed by hand)."""
        want = [(s["partial"], s["bytes"]) for s in self.sources.values() if not s.get("done") and s.get("bytes")]
        want += [(p + PARTIAL_SUFFIX, n) for p, n in self.files.items() if n]
        for partial, n in want:
            if not os.path.exists(partial) or os.path.getsize(partial) < n:
                raise ValueError(f"{partial} is missing or shorter than the checkpoint; remove {self.path} to start over")

    def sync(self, writers: dict[str, Any], extra: Iterable[Any] = (), force: bool = False) -> None:
        """Flush every open output, then record how far it is safe to resume from."""
        now = time.monotonic()
        if not force and now - self.last < self.every:
            return
        self.last = now
        for label, w in writers.items():
            if isinstance(w, PartialWriter) and label in self.sources:
                self.sources[label].update(bytes=w.sync(), partial=str(w.tmp), out=str(w.path))
        for w in extra:
            if isinstance(w, PartialWriter):
                self.files[str(w.path)] = w.sync()
        self.save()

    def save(self) -> None:
        state = {"version": VERSION, "fingerprint": self.fingerprint, "sources": self.sources, "files": self.files}
        write_atomic(self.path, json.dumps(state, separators=(",", ":")).encode())

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
