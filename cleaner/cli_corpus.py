"""Corpus commands: `clean learn` (site boilerplate proposals) and `clean names` (name groups).

Both read inputs like `clean`, run a map step per document and a reduce over all of them, and
write a file for a person to review before it is used.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from cleaner.api import Cleaner
from cleaner.config import Config
from cleaner.io.readers import Record, Reject
from cleaner.io.sources import UsageError, plan
from cleaner.pipeline import site_of


def _records(inputs: list[str], fmt: str, text_field: str, quiet: bool) -> Iterator[Record]:
    from cleaner.cli import read_source

    sources, _ = plan(inputs, None, fmt, read_only=True)
    for src in sources:
        for item in read_source(src, text_field):
            if isinstance(item, Reject):
                if not quiet:
                    print(f"clean: reject: {item.source}:{item.line}: {item.reason}", file=sys.stderr)
                continue
            yield item


def main(argv: Sequence[str]) -> int:
    cmd, rest = argv[0], list(argv[1:])
    p = argparse.ArgumentParser(prog=f"clean {cmd}")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-o", "--output", required=True, help="folder for site packs (learn) or TSV file (names)")
    p.add_argument("--format", default="auto", choices=["auto", "txt", "html", "jsonl", "parquet"])
    p.add_argument("--text-field", default="text")
    p.add_argument("--quiet", "-q", action="store_true")
    if cmd == "learn":
        p.add_argument("--min-pages", type=int, default=5, help="a line must repeat on at least this many pages")
        p.add_argument("--min-share", type=float, default=0.5, help="... and on at least this share of the site's pages")
    else:
        p.add_argument("--names-aliases", action="append", default=[], metavar="FILE")
        p.add_argument("--min-variants", type=int, default=2)
    a = p.parse_args(rest)
    try:
        records = _records(a.inputs, a.format, a.text_field, a.quiet)
        if cmd == "learn":
            return _learn(a, records)
        return _names(a, records)
    except UsageError as e:
        print(f"clean: error: {e}", file=sys.stderr)
        return 2


def _learn(a: argparse.Namespace, records: Iterator[Record]) -> int:
    from cleaner.corpus.site_lines import SiteCounts, add, finalize, map_doc, write_proposals

    # unicode repairs only, so the counted lines are what the boilerplate stage will see
    pre = Cleaner(Config(skip=("boilerplate", "duplicates", "fragments", "names")))
    total = SiteCounts()
    for rec in records:
        total = add(total, map_doc(site_of(rec.doc.meta), pre.clean(rec.doc).text))
    props = finalize(total, a.min_pages, a.min_share)
    written = write_proposals(props, Path(a.output))
    if not a.quiet:
        print(f"clean learn: {sum(total.pages.values())} pages from {len(total.pages)} sites; "
              f"{len(written)} site packs proposed in {a.output}", file=sys.stderr)
    return 0


def _names(a: argparse.Namespace, records: Iterator[Record]) -> int:
    from cleaner.corpus.names import NameCounts, add, finalize, map_doc
    from cleaner.names import default_table

    pre = Cleaner(Config(skip=("names",)))
    total = NameCounts()
    n = 0
    for rec in records:
        total = add(total, map_doc(pre.clean(rec.doc).text))
        n += 1
    table = finalize(total, default_table(a.names_aliases).aliases, a.min_variants)
    table.to_tsv(a.output)
    if not a.quiet:
        print(f"clean names: {n} documents; {len(table.groups)} groups written to {a.output}", file=sys.stderr)
    return 0
