"""The `clean` command. Exit codes: 0 all clean, 1 finished with rejects, 2 usage or rule-file error, 74 an output could not be written, 130 or 143 stopped by Ctrl-C or SIGTERM (resume with --resume), 141 standard output closed.

    clean INPUT... -o OUTPUT [--explain LEDGER.jsonl] [--rejects REJECTS.jsonl] [--diff] ...
    clean --list-rules | --show-rule ID | --rules-doc
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NoReturn

from cleaner.api import Cleaner
from cleaner.config import STAGES, Config
from cleaner.document import Document, Result, apply_edits
from cleaner.engines.local import Cleaned, Outcome, clean_stream
from cleaner.io.readers import (
    Record,
    Reject,
    html_record,
    maybe_decompressed,
    open_maybe_compressed,
    read_html_file,
    read_jsonl,
    read_stream_bytes,
    read_text_file,
)
from cleaner.io.sources import Source, UsageError, plan
from cleaner.io.writers import AtomicWriter, dumps_line, in_place, write_text_atomic
from cleaner.ruleset import Rule, RuleError
from cleaner.summary import Summary

EXIT_OK, EXIT_REJECTS, EXIT_USAGE = 0, 1, 2
EXIT_IO = 74  # (sysexits' EX_IOERR) an output could not be written: disk full, no permission
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # (128 + SIGINT, 128 + SIGTERM) Ctrl-C, SIGTERM
EXIT_PIPE = 141  # (128 + SIGPIPE, as a shell reports a command killed by it) standard output closed


class _Parser(argparse.ArgumentParser):
    """Flag mistakes are one line (not the whole usage block), exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="clean",
        description="Clean scraped web and news text with explainable rules. Corpus passes, each with "
                    "its own --help: 'clean learn' proposes per-site rules, 'clean names' name groups.",
        epilog="Exit codes: 0 all clean, 1 finished with rejects, 2 usage or rule-file error, 74 an output could not be written, 130 or 143 stopped by Ctrl-C or SIGTERM (resume with --resume), 141 standard output closed.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help=".txt/.html/.jsonl[.gz|.zst]/.parquet/.warc[.gz] file, folder, or - for stdin")
    p.add_argument("-o", "--output", metavar="OUTPUT", help="output file or folder (default: stdout for one input)")
    p.add_argument("--format", default="auto", choices=["auto", "txt", "html", "jsonl", "parquet", "warc"], help="input format (default: from the file name)")
    p.add_argument("--text-field", default="text", help="JSON Lines / Parquet field holding the text (default: text)")
    p.add_argument("--explain", metavar="LEDGER", help="write the ledger: one JSON line per document with its edits")
    p.add_argument("--diff", action="store_true", help="print what was removed and by which rule")
    p.add_argument("--color", default="auto", choices=["auto", "always", "never"], help="colour in --diff (default: auto)")
    p.add_argument("--summary-json", metavar="FILE", help="write the per-rule summary as JSON")
    p.add_argument("--rejects", metavar="FILE", help="write every record that could not be read or cleaned, with its reason")
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder (repeatable)")
    p.add_argument("--no-default-rules", action="store_true", help="do not load the shipped rule packs")
    p.add_argument("--skip", action="append", default=[], metavar="STAGE_OR_RULE", help=f"turn off a stage ({', '.join(STAGES)}) or a rule id / id prefix (repeatable, comma-separated)")
    p.add_argument("--safe-only", action="store_true", help="apply only the rules marked safe (--list-rules shows each rule's safety)")
    p.add_argument("--names", metavar="NAMES_TSV", help="apply a reviewed name table written by `clean names`")
    p.add_argument("--names-aliases", action="append", default=[], metavar="FILE", help="extra alias table (TOML) for the names stage (repeatable)")
    p.add_argument("--lang", help="language of all documents (default: detect per document)")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: all cores)")
    p.add_argument("--engine", default="local", choices=["local", "ray"], help="local worker processes, or Ray (pip install cleaner[ray]); same output")
    p.add_argument("--ray-address", metavar="ADDRESS", help="Ray cluster to join with --engine ray (default: RAY_ADDRESS or a local Ray)")
    p.add_argument("--strict", action="store_true", help="stop at the first reject with exit code 1")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run (same command) from its last checkpoint")
    p.add_argument("--verify", action="store_true", help="re-clean every output and replay every ledger; fail loudly on a difference")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary or progress on stderr")
    p.add_argument("--list-rules", action="store_true", help="list every rule with its id, kind, zone, safety and why")
    p.add_argument("--show-rule", metavar="ID", help="show one rule with its examples")
    p.add_argument("--rules-doc", action="store_true", help="print the rule catalog (Markdown) of the loaded packs, as rules/RULES.md is made")
    return p


def _config(a: argparse.Namespace) -> Config:
    skip = tuple(s.strip() for arg in a.skip for s in arg.split(",") if s.strip())
    return Config(rules=tuple(a.rules), default_rules=not a.no_default_rules, skip=skip, safe_only=a.safe_only,
                  lang=a.lang, names=a.names, names_aliases=tuple(a.names_aliases))


def describe_rule(r: Rule) -> str:
    lines = [
        f"{r.id}",
        f"  why:     {r.why}",
        f"  kind:    {r.kind}{' (' + r.detector + ')' if r.detector else ''}",
        f"  where:   {r.where}    safety: {r.safety}    lang: {r.lang}" + (f"    sites: {', '.join(r.sites)}" if r.sites else ""),
        f"  file:    {r.source}",
    ]
    if r.extend != "none":
        lines.append(f"  extend:  {r.extend}")
    if r.ends_article:
        lines.append("  ends_article: true")
    if r.phrases:
        lines.append(f"  phrases ({len(r.phrases)}): " + "; ".join(r.phrases))
    if r.pattern:
        lines.append(f"  pattern: {r.pattern}")
    for x in r.remove:
        lines.append(f"  removes: {x!r}")
    for x in r.keep:
        lines.append(f"  keeps:   {x!r}")
    for k, (i, o) in enumerate(r.cases):
        fields = r.case_fields(k)
        lines.append(f"  case:    {i!r} -> {o!r}" + (f"  (record fields: {fields})" if fields else ""))
    return "\n".join(lines)


def _color(a: argparse.Namespace, stream: IO[str]) -> bool:
    if a.color == "always":
        return True
    if a.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def render_diff(result: Result, label: str, color: bool) -> str:
    red, green, dim, off = ("\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[0m") if color else ("", "", "", "")
    out = [f"{dim}=== {label}{off}"]
    for e in result.edits:
        old = result.original[e.start : e.end]
        tag = f"[{e.rule}{' ' + e.safety if e.safety == 'risky' else ''}]"
        old_s = old.replace("\n", "⏎")
        if e.replacement:
            out.append(f"{dim}{tag}{off} {red}-{old_s}{off} {green}+{e.replacement.replace(chr(10), '⏎')}{off}")
        else:
            out.append(f"{dim}{tag}{off} {red}-{old_s}{off}")
    return "\n".join(out)


def read_source(src: Source, text_field: str, skipped: Counter[str] | None = None) -> Iterator[Record | Reject]:
    """The records of one source, or rejects saying why not. ``skipped`` counts what a source
    holds besides records to clean (a WARC file's requests, metadata, non-HTML responses)."""
    if src.problem:
        yield Reject(src.label, 0, src.problem)
        return
    doc_id = src.path.name if src.path is not None else "stdin"
    try:
        if src.kind == "warc":
            from cleaner.io.warc import read_warc

            if src.path is None:
                yield from read_warc(sys.stdin.buffer, src.label, skipped)
            else:
                with open(src.path, "rb") as f:  # (warcio undoes the gzip of each record itself)
                    yield from read_warc(f, src.label, skipped)
            return
        if src.path is None or src.kind == "stdin":  # standard input, or a stream named like <(zcat x)
            # (gzip or zstd by their first bytes, as from a file or a named stream)
            data = maybe_decompressed(sys.stdin.buffer) if src.path is None else open_maybe_compressed(src.path)
            # kind "stdin" (auto): JSON Lines when it starts with "{", streamed when a peek tells
            if src.kind == "jsonl" or (src.kind == "stdin" and data.peek(1 << 16).lstrip()[:1] == b"{"):
                yield from read_jsonl(None, src.label, text_field, stream=data)
                return
            raw, damage = read_stream_bytes(data)  # (a gzip or zstd stream cut short: a reject)
            if damage:
                yield Reject(src.label, 0, damage, "")
                if not raw:
                    return
            if src.kind == "stdin" and raw.lstrip()[:1] == b"{":  # (white space beyond the peek)
                import io as _io

                yield from read_jsonl(None, src.label, text_field, stream=_io.BytesIO(raw))
                return
            if src.kind == "html":  # (--format html: a page on standard input)
                yield from html_record(raw, src.label, doc_id)
                return
            from cleaner.io.readers import decode_bytes

            text, enc = decode_bytes(raw)
            if text is None:
                yield Reject(src.label, 0, "cannot decode standard input" if src.path is None else "cannot decode the stream")
                return
            yield Record(Document(doc_id, text, {"source": src.label}), src.label)
        elif src.kind == "jsonl":
            yield from read_jsonl(src.path, src.label, text_field)
        elif src.kind == "html":
            yield from read_html_file(src.path, src.label, doc_id)
        elif src.kind == "parquet":
            from cleaner.io.parquet import read_parquet

            yield from read_parquet(src.path, src.label, text_field)
        else:
            yield from read_text_file(src.path, src.label, doc_id)
    except OSError as e:
        yield Reject(src.label, 0, f"cannot read: {e.strerror or e}")


class _Sinks:
    """Routes cleaned records to their output (file, JSON Lines stream, stdout)."""

    def __init__(self, sources: Sequence[Source], text_field: str) -> None:
        self.by_label = {s.label: s for s in sources}
        self.text_field = text_field
        self.open: dict[str, Any] = {}
        self.checkpoint: Any = None  # cleaner.io.resume.Checkpoint when the run can be resumed

    def _writer(self, src: Source) -> Any:
        """The open output of a JSON Lines / Parquet source, created on first use."""
        w = self.open.get(src.label)
        if w is None:
            assert src.out is not None
            if src.kind == "parquet" and src.out.name.lower().endswith(".parquet"):
                from cleaner.io.parquet import ParquetAtomicWriter

                w = ParquetAtomicWriter.for_source(src.out, src.path, self.text_field)
            elif self.checkpoint is not None and resumable(src):
                from cleaner.io.resume import PartialWriter

                w = PartialWriter(src.out, self.checkpoint.offset(src.label))
            else:
                w = _jsonl_writer(src.out)
            self.open[src.label] = w
        return w

    def write(self, rec: Record, text: str) -> None:
        src = self.by_label.get(rec.source) or self.by_label.get("-")
        assert src is not None
        if rec.raw is not None and src.out is not None and hasattr(w := self._writer(src), "write_row"):
            row = dict(rec.raw)
            row[self.text_field] = text
            w.write_row(row)
        elif rec.raw is not None:  # JSON Lines (or Parquet rows handled by its own writer)
            obj = dict(rec.raw)
            obj[self.text_field] = text
            line = dumps_line(obj)
            if src.out is None:
                sys.stdout.buffer.write(line)
                return
            self._writer(src).write(line)
        elif src.out is None:
            sys.stdout.write(text)
        else:
            write_text_atomic(src.out, text)

    def finish(self, label: str) -> None:
        w = self.open.pop(label, None)
        if self.checkpoint is not None:
            self.checkpoint.done(label, self.by_label[label].out if label in self.by_label else None, w)
        if w is not None:
            w.commit()

    def touch_empty(self, src: Source) -> None:
        if src.kind in ("jsonl", "parquet", "warc") and src.out is not None and src.problem is None:
            try:
                self._writer(src)
            except Exception:  # an unreadable Parquet schema: its reader reports the reject
                if src.kind != "parquet":
                    raise

    def abort(self, keep_resumable: bool = False) -> None:
        """Throw the open outputs away; ``keep_resumable``: all but the ``.partial`` files a
        resumed run goes on with (a Parquet or compressed output starts over, so its temporary
        file would only be left behind)."""
        from cleaner.io.resume import PartialWriter

        for w in self.open.values():
            if not (keep_resumable and isinstance(w, PartialWriter)):
                w.abort()


def resumable(src: Source) -> bool:
    """Can this source's output be resumed mid-way? (One .txt per input, or plain JSON Lines.)"""
    from cleaner.io.resume import appendable

    return src.out is not None and (src.kind in ("txt", "html", "stdin") or appendable(src.out))


def _jsonl_writer(out: Path) -> AtomicWriter:
    if out.name.endswith(".gz"):
        return _Compressed(out, _gzip)
    if out.name.endswith((".zst", ".zstd")):
        return _Compressed(out, _zstd)
    return AtomicWriter(out)


def _gzip(raw: IO[bytes]) -> IO[bytes]:
    import gzip

    return gzip.GzipFile(fileobj=raw, mode="wb", mtime=0)  # type: ignore[return-value]


def _zstd(raw: IO[bytes]) -> IO[bytes]:
    import zstandard

    return zstandard.ZstdCompressor().stream_writer(raw, closefd=False)  # type: ignore[return-value]


class _Compressed(AtomicWriter):
    """JSON Lines through a compressor (``wrap`` of the temporary file) into the temporary file."""

    def __init__(self, path: Path, wrap: Callable[[IO[bytes]], IO[bytes]]) -> None:
        self._wrap = wrap
        super().__init__(path)

    def _opened(self) -> None:
        self._raw = self.f
        self.f = self._wrap(self._raw)

    def commit(self) -> None:
        self.f.close()  # (the compressor's end, into the temporary file, which stays open)
        self.f = self._raw
        super().commit()

    def abort(self) -> None:
        raw = getattr(self, "_raw", None)
        try:
            super().abort()
        finally:
            if raw is not None:
                raw.close()


def _items(sources: Sequence[Source], text_field: str, sinks: _Sinks,
           skipped: Counter[str] | None = None) -> Iterator[Record | Reject]:
    from itertools import islice

    for src in sources:
        skip = sinks.checkpoint.skip(src.label) if sinks.checkpoint is not None else 0
        if skip is None:  # done in the run being resumed
            continue
        sinks.touch_empty(src)
        yield from islice(read_source(src, text_field, skipped), skip, None)


def _verify(cleaner: Cleaner, res: Result, meta: Any) -> str | None:
    """Does the ledger replay to the output, and does a second pass (with the record's own
    metadata: its language, its site) change nothing?"""
    if apply_edits(res.original, res.edits) != res.text:
        return "ledger does not reproduce the output"
    again = cleaner.clean(Document(res.doc_id, res.text, meta))
    if again.text != res.text:
        rules = sorted({e.rule for e in again.edits})
        return f"second pass changes the output (rules: {', '.join(rules)})"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("learn", "names"):
        from cleaner.cli_corpus import main as corpus_main

        return corpus_main(argv)
    parser = build_parser()
    a = parser.parse_args(argv)
    try:
        cleaner = Cleaner(_config(a))
    except (RuleError, ValueError) as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:  # --names or --names-aliases that cannot be read
        print(f"clean: error: {e.filename}: cannot read: {e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    if a.lang and not any(r.lang == a.lang for r in cleaner.rules.rules) and not a.quiet:
        langs = sorted({r.lang for r in cleaner.rules.rules} - {"any"})
        print(f"clean: note: --lang {a.lang}: no rule pack is for this language, so only the "
              f"language-neutral rules apply (packs: {', '.join(langs)})", file=sys.stderr)
    if a.list_rules:
        for r in cleaner.rules.rules:
            print(f"{r.id:48} {r.kind:8} {r.where:5} {r.safety:5}  {r.why}")
        return EXIT_OK
    if a.rules_doc:
        from cleaner.rule_docs import opt_in_rules, render

        sys.stdout.write(render(cleaner.rules, opt_in_rules() if not a.no_default_rules else None))
        return EXIT_OK
    if a.show_rule:
        r = cleaner.rules.get(a.show_rule)
        if r is None:
            print(f"clean: error: no rule {a.show_rule!r} (see --list-rules)", file=sys.stderr)
            return EXIT_USAGE
        print(describe_rule(r))
        return EXIT_OK
    try:
        sources, notes = plan(a.inputs, a.output, a.format)
    except UsageError as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    for n in notes:
        if not a.quiet:
            print(f"clean: note: {n}", file=sys.stderr)
    try:
        jobs = worker_count(a.jobs)
    except UsageError as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    with sigterm_stops():
        return run(cleaner, a, sources, jobs)


def worker_count(jobs: int) -> int:
    """The worker processes ``--jobs`` asks for: 0 means all cores, below 0 is a usage error."""
    if jobs < 0:
        raise UsageError(f"--jobs {jobs}: give 1 or more worker processes, or 0 for all cores")
    return jobs or (os.cpu_count() or 1)


def input_bytes(sources: Sequence[Source]) -> int:
    """The size on disk of the input files, what the progress bar measures the run against."""
    return sum(s.path.stat().st_size for s in sources if s.path is not None and s.problem is None and s.path.is_file())


def report_reject(x: Reject, rejects: AtomicWriter | None, quiet: bool, prog: str = "clean") -> None:
    """A reject into the ``--rejects`` file, else one line on stderr (none with ``-q``)."""
    if rejects is not None:
        rejects.write(dumps_line(x.to_dict()))
    elif not quiet:
        print(f"{prog}: reject: {x.source}:{x.line}: {x.reason}", file=sys.stderr)


class Terminated(KeyboardInterrupt):
    """SIGTERM (a scheduler stopping the job, ``kill PID``): handled like Ctrl-C, so the outputs
    are left resumable and the workers are ended, not left to fail on a broken pipe."""


def _raise_terminated(signum: int, frame: Any) -> None:
    raise Terminated


@contextmanager
def sigterm_stops() -> Iterator[None]:
    """Turn SIGTERM into `Terminated` for this run, then give back the handler it replaced
    (none is set outside the main thread, where no handler can be)."""
    try:
        before = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:
        before = None
    try:
        yield
    finally:
        if before is not None:
            signal.signal(signal.SIGTERM, before)


def stop_reason(stop: BaseException) -> tuple[str, int]:
    """Why a run stopped, in a few words, and its exit code: Ctrl-C, SIGTERM, standard output
    closed, or an output that could not be written (an `OSError`)."""
    if isinstance(stop, BrokenPipeError):
        return "standard output closed", EXIT_PIPE
    if isinstance(stop, Terminated):
        return "terminated", EXIT_TERMINATED
    if isinstance(stop, KeyboardInterrupt):
        return "interrupted", EXIT_INTERRUPTED
    assert isinstance(stop, OSError)
    return f"error: {stop.filename or 'output'}: {stop.strerror or stop}", EXIT_IO


def _stopped(stop: BaseException, ck: Any, sinks: _Sinks, side: tuple[Any, ...]) -> int:
    """End a run that cannot go on (Ctrl-C, SIGTERM, the reader of standard output gone, a
    write that failed): its outputs are left for --resume when it has a checkpoint, else
    removed; one line on stderr says why (none when standard output, its only output, was
    closed, as by ``clean dump.jsonl | head``)."""
    why, code = stop_reason(stop)
    if isinstance(stop, BrokenPipeError):
        try:  # so the flush at exit does not fail on the closed pipe again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
    if ck is not None:
        sinks.abort(keep_resumable=True)
        print(f"clean: {why}; run the same command with --resume to continue", file=sys.stderr)
        return code
    sinks.abort()
    for w in side:
        if w is not None:
            w.abort()
    if code != EXIT_PIPE:  # (as any command piped into head: nothing to say)
        print(f"clean: {why}; no partial output was left", file=sys.stderr)
    return code


def run(cleaner: Cleaner, a: argparse.Namespace, sources: Sequence[Source], jobs: int) -> int:
    summary = Summary()
    sinks = _Sinks(sources, a.text_field)
    try:
        sinks.checkpoint = ck = _checkpoint(a, sources)
    except ValueError as e:
        print(f"clean: error: --resume: {e}", file=sys.stderr)
        return EXIT_USAGE
    ledger = _side_writer(a.explain, ck)
    rejects = _side_writer(a.rejects, ck)
    diff_stream = sys.stderr if any(s.out is None for s in sources) else sys.stdout
    color = _color(a, diff_stream)
    current: str | None = None
    mid_way = False  # can the current source's output be resumed mid-way?
    strict_reason: str | None = None
    from cleaner.progress import Progress

    progress = Progress(input_bytes(sources), quiet=a.quiet)
    try:
        pool_factory = None
        if a.engine == "ray":
            from cleaner.engines.ray import ray_pool_factory

            pool_factory = ray_pool_factory(a.ray_address, quiet=a.quiet)
        edits = bool(a.explain or a.diff or a.verify)  # else the workers count the edits themselves
        skipped: Counter[str] = Counter()  # what the sources hold besides records (a WARC's requests...)
        for batch in clean_stream(cleaner, _items(sources, a.text_field, sinks, skipped), jobs,
                                  pool_factory=pool_factory, edits=edits):
            for out in batch:
                strict_reason = _handle(out, cleaner, a, sinks, summary, ledger, rejects, diff_stream, color, progress)
                label = out.source if isinstance(out, Reject) else out[0].source
                if label != current:
                    if current is not None:
                        sinks.finish(current)
                    current = label
                    mid_way = label in sinks.by_label and resumable(sinks.by_label[label])
                if ck is not None:
                    ck.count(label, mid_way)
                if strict_reason:
                    break
            if strict_reason:
                break
            if ck is not None:
                ck.sync(sinks.open, (ledger, rejects))
        summary.events.update(skipped)
        if strict_reason:
            sinks.abort()
            if ck is not None:
                ck.remove()
        else:
            for label in list(sinks.open):
                sinks.finish(label)
        for w in (ledger, rejects):
            if w is not None:
                w.commit()
        if a.summary_json:
            write_text_atomic(Path(a.summary_json), json.dumps(summary.to_dict(r.id for r in cleaner.rules.rules), indent=2) + "\n")
        if ck is not None:
            ck.remove()
    except (KeyboardInterrupt, OSError) as stop:
        return _stopped(stop, ck, sinks, (ledger, rejects))
    finally:
        progress.close()
    if not a.quiet:
        print(summary.render(r.id for r in cleaner.rules.rules), file=sys.stderr)
    if strict_reason:
        print(f"clean: error: --strict: {strict_reason}", file=sys.stderr)
        return EXIT_REJECTS
    return EXIT_REJECTS if summary.rejects or summary.events.get("verify-failed") else EXIT_OK


def _checkpoint(a: argparse.Namespace, sources: Sequence[Source]) -> Any:
    """A checkpoint when every output is a file (nothing to resume on stdout), else None."""
    if not a.output or a.output == "-" or in_place(Path(a.output)) or any(s.out is None for s in sources):
        return None
    from cleaner.io.resume import Checkpoint

    keep = {k: v for k, v in vars(a).items() if k not in ("resume", "jobs", "quiet", "color", "diff", "verify")}
    # and each input file as it is now: resuming over an input that changed since (appended to,
    # rewritten) would skip records by their count in another file and mix two runs' outputs
    keep["input_files"] = [_identity(s.path) for s in sources if s.path is not None]
    return Checkpoint.open(a.output, keep, getattr(a, "resume", False))  # syncs at most once a second


def _identity(path: Path) -> tuple[str, int, int] | str:
    """A file's name, size and modification time (its name alone for a stream, such as
    ``<(zcat x)``, resumed like standard input, or a file that cannot be read)."""
    try:
        st = path.stat()
    except OSError:
        return str(path)
    return (str(path), st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else str(path)


def _side_writer(name: str | None, ck: Any) -> Any:
    """The ledger / rejects file: resumable beside a checkpoint, else atomic."""
    if not name:
        return None
    if ck is None or in_place(Path(name)):  # (nothing to resume in a stream such as /dev/null)
        return AtomicWriter(Path(name))
    from cleaner.io.resume import PartialWriter

    return PartialWriter(Path(name), ck.file_offset(Path(name)) if ck.resumed else 0)


def _handle(out: Outcome, cleaner: Cleaner, a: argparse.Namespace, sinks: _Sinks, summary: Summary,
            ledger: AtomicWriter | None, rejects: AtomicWriter | None, diff_stream: IO[str], color: bool,
            progress: Any) -> str | None:
    if isinstance(out, Reject):
        summary.rejects += 1
        report_reject(out, rejects, a.quiet)
        return f"{out.source}:{out.line}: {out.reason}" if a.strict else None
    rec, res = out
    if a.verify:
        problem = _verify(cleaner, res, rec.doc.meta)
        if problem:
            summary.events["verify-failed"] += 1
            print(f"clean: verify failed: {rec.source}:{rec.line}: {problem}", file=sys.stderr)
    sinks.write(rec, res.text)
    if isinstance(res, Cleaned):
        summary.add_counts(len(res.original), len(res.text), res.tally, res.events)
    else:
        summary.add(res)
    progress.update(len(res.original.encode("utf-8", "surrogatepass")))
    if ledger is not None:
        d = res.ledger()
        d["source"] = rec.source
        if rec.line:
            d["line"] = rec.line
        ledger.write(dumps_line(d))
    if a.diff and res.edits:
        print(render_diff(res, f"{rec.source}{':' + str(rec.line) if rec.line else ''}", color), file=diff_stream)
    return None


if __name__ == "__main__":
    sys.exit(main())
