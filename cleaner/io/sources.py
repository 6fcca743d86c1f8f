"""Plan a run: expand the command line's inputs into sources and decide each one's output path.

Folders are walked without following symlinks into loops; anything in them that is not a regular
file (FIFOs, sockets, dangling links) becomes a reject, never a hang. A stream named on the command
line as ``<(zcat dump.jsonl.gz)`` or ``/dev/stdin`` is read like standard input; a named FIFO is a
reject (it could wait for a writer forever). Inputs are never outputs.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.io.writers import STREAM_DIRS, in_place

KINDS = {
    ".txt": "txt", ".text": "txt", ".txt.gz": "txt",
    ".html": "html", ".htm": "html", ".html.gz": "html", ".htm.gz": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".jsonl.zst": "jsonl", ".ndjson": "jsonl",
    ".json.gz": "jsonl", ".ndjson.gz": "jsonl", ".ndjson.zst": "jsonl", ".jsonl.zstd": "jsonl",
    ".parquet": "parquet",
    ".warc": "warc", ".warc.gz": "warc", ".wet": "warc", ".wet.gz": "warc",
}


class UsageError(ValueError):
    """A command-line mistake: one line for the user, exit code 2."""


@dataclass(frozen=True)
class Source:
    path: Path | None  # None for stdin
    kind: str  # txt | html | jsonl | parquet | warc
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
    """``page.html.gz`` → ``page.txt``, ``crawl.warc.gz`` → ``crawl.jsonl``; JSON Lines and
    Parquet keep their names."""
    if kind in ("txt", "html"):
        low = name.lower()
        for suf in (".html.gz", ".htm.gz", ".txt.gz", ".xhtml", ".html", ".htm", ".text", ".txt"):
            if low.endswith(suf):
                return name[: -len(suf)] + ".txt"
        return name + ".txt"
    if kind == "jsonl" and name.lower().endswith(".json.gz"):
        return name
    if kind == "warc":  # its pages become JSON Lines records
        low = name.lower()
        for suf in (".warc.wet.gz", ".warc.wet", ".warc.gz", ".warc", ".wet.gz", ".wet"):
            if low.endswith(suf):
                return name[: -len(suf)] + ".jsonl"
        return name + ".jsonl"
    return name


def _walk(root: Path, skip: Path | None = None) -> Iterator[tuple[Path, str | None]]:
    """Files under ``root`` in sorted order; symlinked folders are not entered (no loops), nor
    the folder ``skip`` (the output folder, when it lies inside: ``clean data -o data/clean``
    run twice would read its own outputs back as inputs)."""
    skip_real = os.path.realpath(skip) if skip is not None else None
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if skip_real is not None:
            dirnames[:] = [d for d in dirnames if os.path.realpath(os.path.join(dirpath, d)) != skip_real]
        dirnames.sort()
        for fn in sorted(filenames):
            p = Path(dirpath) / fn
            try:
                st = p.stat()
            except OSError as e:
                what = " (symlink loop)" if e.errno == errno.ELOOP else " (dangling symlink)" if p.is_symlink() else ""
                yield p, f"unreadable: {e.strerror or e}{what}"
                continue
            if stat.S_ISDIR(st.st_mode):
                continue  # a symlink to a folder: not followed
            if not stat.S_ISREG(st.st_mode):
                yield p, "not a regular file (FIFO, socket or device)"
                continue
            yield p, None


def _process_stream(name: str, mode: int) -> bool:
    """A stream of this process named on the command line: a pipe or terminal under ``/dev`` or
    ``/proc`` (``/dev/fd/63`` from ``<(zcat x)``, ``/dev/stdin``). Opening one never waits, as
    opening a named FIFO elsewhere does until some writer comes."""
    return (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)) and name.startswith(STREAM_DIRS)


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
        if in_place(o):  # /dev/null, /dev/stdout, a FIFO: one stream, not a folder
            if not single:
                raise UsageError(f"-o {output}: a stream takes the output of one input, not of several or of a folder")
            out_file = o
        elif single and not o.is_dir() and not output.endswith(("/", os.sep)) and (o.suffix or inputs[0] == "-"):
            out_file = o
        else:
            out_dir = o
    sources: list[Source] = []
    used: dict[Path, str] = {}  # output file -> the input writing it
    dirs: set[Path] = set()  # output folders (a file may not take their name, nor they a file's)
    moved: dict[Path, Path] = {}  # output folder -> its renamed folder, after a clash with a file

    def free(cand: Path, taken: Any) -> Path:
        n = 2
        stem, suffixes = cand.name.split(".", 1)[0], "".join(cand.suffixes)
        new = cand
        while taken(new):
            new = cand.with_name(f"{stem}~{n}{suffixes}")
            n += 1
        return new

    def target(name: str, kind: str, rel: Path | None, src: str) -> Path | None:
        if out_file is not None:
            return out_file
        if out_dir is None:
            return None
        base = out_dir
        for part in (rel.parts if rel is not None else ()):  # folders: not where a file goes
            want = moved.get(base / part, base / part)
            if want == base / part and want in used:
                want = moved[base / part] = free(want, lambda c: c in used or c in dirs)
                notes.append(f"{src}: folder {base / part} clashes with output file of {used[base / part]}; writing into {want}")
            base = want
            dirs.add(base)
        first = base / out_name(name, kind)
        cand = free(first, lambda c: c in used or c in dirs)
        if cand != first:
            by = used.get(first, "a folder of the same name")
            notes.append(f"{src}: output name already used by {by}; writing {cand}")
        used[cand] = src
        return cand

    for inp in inputs:
        if inp == "-":
            kind = fmt if fmt != "auto" else "stdin"
            sources.append(Source(None, kind, target("stdin.jsonl" if kind in ("jsonl", "warc") else "stdin.txt", kind if kind != "stdin" else "txt", None, "-"), "-"))
            continue
        p = Path(inp)
        if p.is_dir():
            skipped = 0
            for f, problem in _walk(p, out_dir):
                k = fmt if fmt != "auto" else kind_of(f.name)
                if k is None:
                    skipped += 1
                    continue
                t = target(f.name, k, f.parent.relative_to(p), str(f))
                sources.append(Source(f, k, t, str(f), problem))
            if skipped:
                notes.append(f"{inp}: skipped {skipped} files of unknown type")
            continue
        if not p.exists() and not p.is_symlink():
            raise UsageError(f"{inp}: no such file or folder")
        problem = None
        k = fmt if fmt != "auto" else (kind_of(p.name) or "txt")
        try:
            st = p.stat()
            if _process_stream(inp, st.st_mode):  # <(zcat x), /dev/stdin: read like standard input
                if fmt == "auto" and kind_of(p.name) is None:
                    k = "stdin"  # told apart like standard input: JSON Lines when it starts with "{"
                if k == "parquet":
                    problem = "Parquet needs a file it can seek in, not a stream"
            elif stat.S_ISFIFO(st.st_mode):
                problem = "a named FIFO, which could wait for a writer forever (give it as standard input: clean - < FIFO)"
            elif not stat.S_ISREG(st.st_mode):
                problem = "not a regular file (socket or device)"
        except OSError as e:
            problem = f"unreadable: {e.strerror or e}"
        t = target(p.name, k if k != "stdin" else "txt", None, str(p))
        sources.append(Source(p, k, t, str(p), problem))
    in_paths = {os.path.realpath(s.path) for s in sources if s.path is not None}  # no error on link loops
    for s in sources:
        if s.out is not None and os.path.realpath(s.out) in in_paths:
            raise UsageError(f"{s.out}: output would overwrite an input")
    return sources, notes
