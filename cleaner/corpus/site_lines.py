"""Per-site learning: lines that repeat on many pages of one site are its boilerplate.

CCNet-style line counting, but scoped per site and shown to a person as proposed rules
(`clean learn`), never applied blindly. Map-reduce shaped: `map_doc` per document, `reduce`
is associative and commutative, `finalize` picks the lines, so the same code runs on Ray.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.normalize import fold
from cleaner.zones import is_paragraph

MIN_PAGES = 5
MIN_SHARE = 0.5


@dataclass
class SiteCounts:
    pages: Counter[str] = field(default_factory=Counter)  # site -> pages
    lines: Counter[tuple[str, str]] = field(default_factory=Counter)  # (site, folded) -> pages
    examples: dict[tuple[str, str], str] = field(default_factory=dict)  # first raw spelling seen


def map_doc(site: str | None, text: str) -> SiteCounts:
    """Count each distinct folded line of one page once."""
    out = SiteCounts()
    if not site:
        return out
    out.pages[site] += 1
    seen: set[str] = set()
    for line in text.splitlines():
        f = fold(line)
        if not f or f in seen or len(f) > 300:
            continue
        seen.add(f)
        out.lines[(site, f)] += 1
        out.examples.setdefault((site, f), line.strip())
    return out


def reduce(a: SiteCounts, b: SiteCounts) -> SiteCounts:
    """Merge two partial counts (associative, commutative; inputs are not changed)."""
    return add(SiteCounts(Counter(a.pages), Counter(a.lines), dict(a.examples)), b)


def add(acc: SiteCounts, b: SiteCounts) -> SiteCounts:
    """`reduce` into ``acc`` itself, and ``acc``: counting page by page with `reduce` copied
    the whole total for each page, so the time grew with the square of the corpus."""
    acc.pages.update(b.pages)  # (counts are positive: the same as Counter addition)
    acc.lines.update(b.lines)
    ex = acc.examples
    for k, v in b.examples.items():
        mine = ex.get(k)
        ex[k] = v if mine is None else min(mine, v)  # deterministic: the smaller spelling wins
    return acc


@dataclass(frozen=True)
class Proposal:
    site: str
    pages: int
    lines: tuple[tuple[str, int, str], ...]  # (folded, pages, example)


def finalize(c: SiteCounts, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE) -> list[Proposal]:
    """Lines on at least ``min_share`` of a site's pages (and ``min_pages`` pages), prose excluded.

    A line that reads like an article paragraph is never proposed, even when it repeats: a
    site's boilerplate is short furniture; a repeated paragraph is more likely syndication.
    """
    out = []
    for site, n in sorted(c.pages.items()):
        if n < min_pages:
            continue
        picked = []
        for (s, f), k in c.lines.items():
            if s != site or k < max(min_pages, min_share * n):
                continue
            ex = c.examples[(s, f)]
            if is_paragraph(ex):
                continue
            picked.append((f, k, ex))
        if picked:
            picked.sort(key=lambda t: (-t[1], t[0]))
            out.append(Proposal(site, n, tuple(picked)))
    return out


def _slug(site: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", site.lower()).strip("-")


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_proposals(props: list[Proposal], out_dir: Path) -> list[Path]:
    """One reviewed-by-a-person TOML pack per site (`rules/sites/<site>.toml`)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for p in props:
        slug = _slug(p.site)
        lines = [
            f"# Proposed by `clean learn` from {p.pages} pages of {p.site}.",
            "# Review: delete any phrase that could be article text, then use with --rules or copy to rules/sites/.",
            "[pack]",
            f'id = "sites.{slug}"',
            'lang = "any"',
            f"sites = [{_q(p.site)}]",
            "",
            "[[rule]]",
            f'id = "sites.{slug}.repeated-lines"',
            f'why = "Lines that repeat on at least {int(MIN_SHARE * 100)}% of the pages of {p.site}: site furniture, not articles."',
            'kind = "line"',
            'where = "any"',
            'safety = "risky"',
            "phrases = [",
        ]
        for _folded, k, ex in p.lines:
            lines.append(f"  {_q(ex)},  # on {k} of {p.pages} pages")
        lines.append("]")
        lines.append("remove = [" + ", ".join(_q(ex) for _, _, ex in p.lines[:3]) + "]")
        lines.append("")
        path = out_dir / f"{p.site}.toml"
        path.write_text("\n".join(lines), encoding="utf-8")
        written.append(path)
    return written
