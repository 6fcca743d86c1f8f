"""Corpus commands: `clean learn` (site boilerplate proposals) and `clean names` (name groups).

Both read inputs like `clean`, run a map step per document (on ``--jobs`` worker processes, or
on Ray) and a reduce over all of them (`cleaner.corpus.passes`), and write a file for a person
to review before it is used. Exit codes as `clean`'s: 0, 1 with rejects, 2 usage error, 74 the
output could not be written, 130 or 143 stopped (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from cleaner.corpus.names import MAX_NAMES
from cleaner.corpus.site_lines import MAX_LINES, MAX_LINES_PER_SITE
from cleaner.io.readers import Record, Reject
from cleaner.io.sources import Source, UsageError, plan


def _items(sources: Sequence[Source], text_field: str) -> Iterator[Record | Reject]:
    from cleaner.cli import read_source

    for src in sources:
        yield from read_source(src, text_field)


def build_parser(cmd: str) -> argparse.ArgumentParser:
    from cleaner.cli import _Parser

    what = "one TOML pack per site, of the lines repeated on its pages" if cmd == "learn" else \
        "a TSV of name groups: each person's spellings, with the one to use"
    p = _Parser(prog=f"clean {cmd}", description=f"Propose, for a person to review, {what}.",
                epilog="Exit codes: 0 done, 1 done with rejects, 2 usage error, 74 the output could not be "
                       "written, 130 or 143 stopped by Ctrl-C or SIGTERM (nothing is written then).")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True, help="folder for site packs (learn) or TSV file (names)")
    p.add_argument("--format", default="auto", choices=["auto", "txt", "html", "jsonl", "parquet"])
    p.add_argument("--text-field", default="text")
    p.add_argument("--rejects", metavar="FILE", help="write every record that could not be read or cleaned, with its reason")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: all cores); the same output")
    p.add_argument("--engine", default="local", choices=["local", "ray"], help="local worker processes, or Ray (pip install cleaner[ray]); same output")
    p.add_argument("--ray-address", metavar="ADDRESS", help="Ray cluster to join with --engine ray (default: RAY_ADDRESS or a local Ray)")
    p.add_argument("--quiet", "-q", action="store_true", help="no summary or progress on stderr")
    if cmd == "learn":
        p.add_argument("--min-pages", type=int, default=5, help="a line must repeat on at least this many pages")
        p.add_argument("--min-share", type=float, default=0.5, help="... and on at least this share of the site's pages")
        p.add_argument("--max-lines-per-site", type=int, default=MAX_LINES_PER_SITE, metavar="N",
                       help="memory bound: lines counted per site (default %(default)s); past it a site keeps the "
                            "N/2 lines on the most pages and its counts become lower bounds (a note says so)")
        p.add_argument("--max-lines", type=int, default=MAX_LINES, metavar="N",
                       help="memory bound: lines counted over all sites (default %(default)s; at least twice "
                            "--max-lines-per-site); past it the sites with the fewest pages are dropped")
    else:
        p.add_argument("--names-aliases", action="append", default=[], metavar="FILE")
        p.add_argument("--min-variants", type=int, default=2)
        p.add_argument("--max-names", type=int, default=MAX_NAMES, metavar="N",
                       help="memory bound: entries counted, a person and each of its spellings (default "
                            "%(default)s); past it the persons with the fewest mentions are dropped and "
                            "counts become lower bounds (a note says so)")
    return p


def main(argv: Sequence[str]) -> int:
    from cleaner import cli

    cmd, rest = argv[0], list(argv[1:])
    a = build_parser(cmd).parse_args(rest)
    if cmd == "learn" and not 2 <= a.max_lines_per_site <= a.max_lines // 2:
        print(f"clean {cmd}: error: need 2 <= --max-lines-per-site <= --max-lines / 2", file=sys.stderr)
        return cli.EXIT_USAGE
    if cmd == "names" and a.max_names < 2:
        print(f"clean {cmd}: error: --max-names {a.max_names}: give at least 2 (a person and one spelling)", file=sys.stderr)
        return cli.EXIT_USAGE
    try:
        jobs = cli.worker_count(a.jobs)
        sources, _ = plan(a.inputs, None, a.format, read_only=True)
        _check_output(cmd, Path(a.output))
    except UsageError as e:
        print(f"clean {cmd}: error: {e}", file=sys.stderr)
        return cli.EXIT_USAGE
    aliases: Any = ()
    if cmd == "names":  # read before the pass: a bad file is a usage error, not a lost hour
        from cleaner.names import default_table
        from cleaner.ruleset import RuleError

        try:
            aliases = default_table(a.names_aliases).aliases
        except RuleError as e:
            print(f"clean {cmd}: error: {e}", file=sys.stderr)
            return cli.EXIT_USAGE
        except OSError as e:
            print(f"clean {cmd}: error: {e.filename}: cannot read: {e.strerror or e}", file=sys.stderr)
            return cli.EXIT_USAGE
    with cli.sigterm_stops():
        return _run(cmd, a, sources, jobs, aliases)


def _check_output(cmd: str, out: Path) -> None:
    """Refuse an output of the wrong kind now, not after the whole pass."""
    if cmd == "names" and out.is_dir():
        raise UsageError(f"-o {out}: is a folder; clean names writes one TSV file")
    if cmd == "learn" and out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: is a file; clean learn writes a folder of site packs")


def _run(cmd: str, a: argparse.Namespace, sources: Sequence[Source], jobs: int, aliases: Any) -> int:
    from cleaner import cli
    from cleaner.corpus.passes import NAMES, SITE_LINES, count
    from cleaner.io.writers import AtomicWriter
    from cleaner.progress import Progress

    rejects = AtomicWriter(Path(a.rejects)) if a.rejects else None
    progress = Progress(cli.input_bytes(sources), quiet=a.quiet, label=f"clean {cmd}")
    seen = {"docs": 0, "rejects": 0}

    def on_batch(records: list[Record], bad: list[Reject]) -> None:
        for r in records:
            progress.update(len(r.doc.text.encode("utf-8", "surrogatepass")))
        seen["docs"] += len(records)
        seen["rejects"] += len(bad)
        for x in bad:
            cli.report_reject(x, rejects, a.quiet, f"clean {cmd}")

    try:
        pool_factory: Any = None
        if a.engine == "ray":
            from cleaner.engines.ray import ray_pool_factory

            pool_factory = ray_pool_factory(a.ray_address, quiet=a.quiet)
        p = (SITE_LINES.bounded(max_lines=a.max_lines_per_site, max_total=a.max_lines) if cmd == "learn"
             else NAMES.bounded(max_names=a.max_names))
        total = count(p, _items(sources, a.text_field), jobs,
                      pool_factory=pool_factory, on_batch=on_batch)
        progress.close()
        said = _learn(a, total) if cmd == "learn" else _names(a, total, aliases)
        if rejects is not None:
            rejects.commit()
    except (KeyboardInterrupt, OSError) as stop:
        progress.close()
        if rejects is not None:
            rejects.abort()
        why, code = cli.stop_reason(stop)
        print(f"clean {cmd}: {why}; nothing was written", file=sys.stderr)
        return code
    if not a.quiet:
        bad = f", {seen['rejects']} rejected" if seen["rejects"] else ""
        print(f"clean {cmd}: {seen['docs']} documents{bad}; {said}", file=sys.stderr)
    return cli.EXIT_REJECTS if seen["rejects"] else cli.EXIT_OK


def _learn(a: argparse.Namespace, total: Any) -> str:
    from cleaner.corpus.site_lines import finalize, write_proposals

    props = finalize(total, a.min_pages, a.min_share)
    written = write_proposals(props, Path(a.output), a.min_share)
    note = _approximate_note(total)
    if not total.sites and not total.site_floor:
        note = ("clean learn: note: no page had a site (a 'site' or 'url' field, or an HTML page's canonical "
                "link), so there was nothing to count per site")
    if note and not a.quiet:
        print(note, file=sys.stderr)
    return (f"{sum(s.pages for s in total.sites.values())} pages from {len(total.sites)} sites; "
            f"{len(written)} site pack{'s' * (len(written) != 1)} proposed in {a.output}")


def _approximate_note(total: Any) -> str | None:
    """One line naming the sites whose counts a memory bound made approximate, so nothing is lost silently."""
    approx = total.approximate()
    parts = []
    if approx:
        worst = max(approx.values())
        names = ", ".join(list(approx)[:3]) + (f" and {len(approx) - 3} more" if len(approx) > 3 else "")
        parts.append(f"counts are lower bounds for {len(approx)} sites ({names}): a line within {worst} "
                     f"page{'s' * (worst != 1)} of the thresholds may be missing (raise --max-lines-per-site)")
    if total.site_floor:
        parts.append(f"sites with at most {total.site_floor} pages were dropped (raise --max-lines)")
    return "clean learn: memory bound reached: " + "; ".join(parts) if parts else None


def _names(a: argparse.Namespace, total: Any, aliases: Any) -> str:
    from cleaner.corpus.names import finalize

    table = finalize(total, aliases, a.min_variants)
    table.to_tsv(a.output)
    note = _names_note(total)
    if note and not a.quiet:
        print(note, file=sys.stderr)
    n = len(table.groups)
    return f"{n} group{'s' * (n != 1)} written to {a.output}"


def _names_note(total: Any) -> str | None:
    """One line saying the memory bound dropped persons, and how much that may hide."""
    f = total.floor
    if not f:
        return None
    s = "s" * (f != 1)
    return (f"clean names: memory bound reached: persons with at most {f} mention{s} were dropped and counts may be "
            f"short by as many: a spelling seen at most {f} time{s} may be missing from its group (raise --max-names)")
