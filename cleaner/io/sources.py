"""Plan a run: expand the command line's inputs into sources and decide each one's output path.

Folders are walked without following symlinks into loops; anything that is not a regular file
(FIFOs, sockets, dangling links) becomes a reject, never a hang. Inputs are never outputs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

KINDS = {
    ".txt": "txt", ".text": "txt", ".txt.gz": "txt",
    ".html": "html", ".htm": "html", ".html.gz": "html", ".htm.gz": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".jsonl.zst": "jsonl", ".ndjson": "jsonl",
    ".json.gz": "jsonl", ".ndjson.gz": "jsonl", ".ndjson.zst": "jsonl", ".jsonl.zstd": "jsonl",
    ".parquet": "parquet",
}


class UsageError(ValueError):
    """A command-line mistake: one line for the user, exit code 2."""


@dataclass(frozen=True)
class Source:
    path: Path | None  # None for stdin
    kind: str  # txt | html | jsonl | parquet
    out: Path | None  # None for stdout
    label: str
    problem: str | None = None  # set when the source cannot be read at all


def kind_of(name: str) -> str | None:
    low = name.lower()
    for suf in sorted(KINDS, key=len, reverse=True):
        if low.endswith(suf):
            return KINDS[suf]
    return None


def out_name(name: str, kind: str) -> str:
    """``page.html.gz`` → ``page.txt``; JSON Lines and Parquet keep their names."""
    if kind in ("txt", "html"):
        low = name.lower()
        for suf in (".html.gz", ".htm.gz", ".txt.gz", ".xhtml", ".html", ".htm", ".text", ".txt"):
            if low.endswith(suf):
                return name[: -len(suf)] + ".txt"
        return name + ".txt"
    if kind == "jsonl" and name.lower().endswith(".json.gz"):
        return name
    return name


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Files under ``root`` in sorted order; symlinked folders are not entered (no loops)."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for fn in sorted(filenames):
            p = Path(dirpath) / fn
            try:
                st = p.stat()
            except OSError as e:
                yield p, f"unreadable: {e.strerror or e}" + (" (dangling symlink)" if p.is_symlink() else "")
                continue
            if stat.S_ISDIR(st.st_mode):
                continue  # a symlink to a folder: not followed
            if not stat.S_ISREG(st.st_mode):
                yield p, "not a regular file (FIFO, socket or device)"
                continue
            yield p, None


def plan(inputs: list[str], output: str | None, fmt: str = "auto", *, read_only: bool = False) -> tuple[list[Source], list[str]]:
    """Sources with their outputs, plus notes (skipped files) for the user."""
    notes: list[str] = []
    if not inputs:
        raise UsageError("no input given (a file, a folder, or - for standard input)")
    single = len(inputs) == 1 and (inputs[0] == "-" or not Path(inputs[0]).is_dir())
    out_dir: Path | None = None
    out_file: Path | None = None
    if output is None or output == "-":
        if not single and not read_only:
            raise UsageError("-o OUTPUT is required for several inputs or a folder")
    else:
        o = Path(output)
        if single and not o.is_dir() and not output.endswith(("/", os.sep)) and (o.suffix or inputs[0] == "-"):
            out_file = o
        else:
            out_dir = o
    sources: list[Source] = []
    used: dict[Path, str] = {}

    def target(name: str, kind: str, rel: Path | None) -> Path | None:
        if out_file is not None:
            return out_file
        if out_dir is None:
            return None
        base = out_dir / (rel if rel is not None else Path())
        cand = base / out_name(name, kind)
        n = 2
        while cand in used:
            stem = out_name(name, kind)
            cand = base / f"{Path(stem).stem}~{n}{''.join(Path(stem).suffixes)}"
            n += 1
        if cand != base / out_name(name, kind):
            notes.append(f"{name}: output name already used by {used[base / out_name(name, kind)]}; writing {cand}")
        return cand

    for inp in inputs:
        if inp == "-":
            kind = fmt if fmt != "auto" else "stdin"
            sources.append(Source(None, kind, target("stdin.txt" if kind != "jsonl" else "stdin.jsonl", kind if kind != "stdin" else "txt", None), "-"))
            continue
        p = Path(inp)
        if p.is_dir():
            skipped = 0
            for f, problem in _walk(p):
                k = fmt if fmt != "auto" else kind_of(f.name)
                if k is None:
                    skipped += 1
                    continue
                rel = f.parent.relative_to(p)
                t = target(f.name, k, rel)
                if t is not None:
                    used.setdefault(t, str(f))
                sources.append(Source(f, k, t, str(f), problem))
            if skipped:
                notes.append(f"{inp}: skipped {skipped} files of unknown type")
            continue
        if not p.exists() and not p.is_symlink():
            raise UsageError(f"{inp}: no such file or folder")
        problem = None
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                problem = "not a regular file (FIFO, socket or device)"
        except OSError as e:
            problem = f"unreadable: {e.strerror or e}"
        k = fmt if fmt != "auto" else (kind_of(p.name) or "txt")
        t = target(p.name, k, None)
        if t is not None:
            used.setdefault(t, str(p))
        sources.append(Source(p, k, t, str(p), problem))
    in_paths = {s.path.resolve() for s in sources if s.path is not None}
    for s in sources:
        if s.out is not None and s.out.resolve() in in_paths:
            raise UsageError(f"{s.out}: output would overwrite an input")
    return sources, notes
