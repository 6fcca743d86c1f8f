"""Per-site learning: lines that repeat on many pages of one site are its boilerplate.

CCNet-style line counting, but scoped per site and shown to a person as proposed rules
(`clean learn`), never applied blindly. Map-reduce shaped: `map_doc` per document, `reduce`
merges two partial counts (in any order or grouping), `finalize` picks the lines, so the same
code runs on Ray.

Memory is bounded, not proportional to the corpus: a site holds at most ``max_lines`` lines and
all sites together at most ``max_total`` entries (a site costs its lines plus one). Until a bound
is reached every count is exact and the proposals are those of plain counting. Past it, a site is
a Space-Saving summary (Metwally et al. 2005) in its mergeable form (Agarwal et al. 2012,
"Mergeable summaries"), kept so that, with ``floor`` the site's `SiteLines.floor`:

* a stored count is a lower bound of the line's true page count, exact for a line that was never
  dropped, and the share test uses an upper bound of the site's pages: a proposed line is truly
  on at least the pages it shows, never below ``min_pages`` or ``min_share``;
* a line is on at most its stored count plus ``floor`` pages (at most ``floor`` if not stored), so
  every line at least ``floor`` pages above the thresholds is still proposed;
* for a site that was never evicted, ``floor`` <= 2 * N / ``max_lines``, N the site's counted
  line occurrences: a full site keeps the ``max_lines // 2`` lines that may be on the most pages.
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
MAX_LINES_PER_SITE = 4096
MAX_LINES = 250_000  # (about 400 bytes each: some 100 MB, so `clean learn` stays under 300 MB a process)


@dataclass
class SiteLines:
    """One site's lines, as lower bounds (``lines``) and what each may lack (``slack``)."""

    pages: int = 0  # pages counted
    lines: Counter[str] = field(default_factory=Counter)  # folded -> pages counted
    examples: dict[str, str] = field(default_factory=dict)  # folded -> smallest raw spelling seen
    slack: dict[str, int] = field(default_factory=dict)  # folded -> pages it may have had uncounted (> 0 only)
    floor: int = 0  # no line is on more than lines[f] + floor pages (f not stored: floor); 0: exact
    page_slack: int = 0  # pages that may have gone uncounted while the site was evicted

    @property
    def max_pages(self) -> int:
        return self.pages + self.page_slack

    @property
    def exact(self) -> bool:
        return not (self.floor or self.page_slack)


@dataclass
class SiteCounts:
    """Every site's `SiteLines`, within ``max_lines`` lines a site and ``max_total`` entries in all."""

    sites: dict[str, SiteLines] = field(default_factory=dict)
    max_lines: int = MAX_LINES_PER_SITE
    max_total: int = MAX_LINES
    site_floor: int = 0  # a site not in ``sites`` is on at most this many pages; 0: none evicted
    size: int = 0  # stored lines plus one per site: what the bounds limit

    def __post_init__(self) -> None:
        if self.max_lines < 2 or self.max_total < 2 * self.max_lines:
            raise ValueError(f"need 2 <= max_lines ({self.max_lines}) and 2 * max_lines <= max_total ({self.max_total})")

    def approximate(self) -> dict[str, int]:
        """Site -> its floor, for the sites whose counts are not exact."""
        return {site: s.floor for site, s in sorted(self.sites.items()) if not s.exact}


def map_doc(site: str | None, text: str) -> SiteCounts:
    """Count each distinct folded line of one page once."""
    out = SiteCounts()
    if not site:
        return out
    s = out.sites[site] = SiteLines(pages=1)
    for line in text.splitlines():
        f = fold(line)
        if not f or f in s.lines or len(f) > 300:
            continue
        s.lines[f] = 1
        s.examples[f] = line.strip()
    out.size = 1 + len(s.lines)
    return out


def reduce(a: SiteCounts, b: SiteCounts) -> SiteCounts:
    """Merge two partial counts (inputs are not changed); exact, so any order gives the same
    result, until a bound is reached; past it every order keeps the guarantees above."""
    copy = SiteCounts({site: _copy(s) for site, s in a.sites.items()}, a.max_lines, a.max_total, a.site_floor, a.size)
    return add(copy, b)


def add(acc: SiteCounts, b: SiteCounts) -> SiteCounts:
    """`reduce` into ``acc`` itself, and ``acc``: counting page by page with `reduce` copied
    the whole total for each page, so the time grew with the square of the corpus.

    A site one side does not hold is, for the merge, an empty site with that side's site floor.
    """
    for site, part in b.sites.items():
        mine = acc.sites.get(site)
        if mine is None:
            mine = acc.sites[site] = SiteLines(floor=acc.site_floor, page_slack=acc.site_floor)
            acc.size += 1
        before = len(mine.lines)
        _merge(mine, part)
        if len(mine.lines) > acc.max_lines:
            _prune(mine, acc.max_lines // 2)
        acc.size += len(mine.lines) - before
    if b.site_floor:
        evicted_in_b = SiteLines(floor=b.site_floor, page_slack=b.site_floor)
        for site, mine in acc.sites.items():
            if site not in b.sites:
                _merge(mine, evicted_in_b)
        acc.site_floor += b.site_floor
    if acc.size > acc.max_total:
        _evict(acc)
    return acc


def _copy(s: SiteLines) -> SiteLines:
    return SiteLines(s.pages, Counter(s.lines), dict(s.examples), dict(s.slack), s.floor, s.page_slack)


def _merge(a: SiteLines, b: SiteLines) -> None:
    """``a`` += ``b``: a line one side does not hold may still have been on up to its floor pages."""
    slack = a.slack
    if b.floor:
        for f in a.lines.keys() - b.lines.keys():
            slack[f] = slack.get(f, 0) + b.floor
    if a.floor:
        for f in b.lines.keys() - a.lines.keys():
            slack[f] = slack.get(f, 0) + a.floor
    for f, e in b.slack.items():
        slack[f] = slack.get(f, 0) + e
    a.lines.update(b.lines)  # (counts are positive: the same as Counter addition)
    ex = a.examples
    for k, v in b.examples.items():
        mine = ex.get(k)
        ex[k] = v if mine is None else min(mine, v)  # deterministic: the smaller spelling wins
    a.pages += b.pages
    a.page_slack += b.page_slack
    a.floor += b.floor


def _prune(s: SiteLines, keep: int) -> None:
    """Keep the ``keep`` lines that may be on the most pages; the floor rises to what the dropped
    ones may be on. Halving, not trimming to the bound, pays for the sort with as many additions."""
    slack = s.slack
    ranked = sorted(s.lines.items(), key=lambda kv: (-kv[1] - slack.get(kv[0], 0), -kv[1], kv[0]))
    for f, n in ranked[keep:]:
        s.floor = max(s.floor, n + slack.pop(f, 0))
        del s.lines[f], s.examples[f]


def _evict(c: SiteCounts) -> None:
    """Drop the sites with the fewest pages until half the budget is used: they are the least
    likely to reach ``min_pages``, and a site that comes back starts from the site floor."""
    order = sorted(c.sites.items(), key=lambda kv: (kv[1].max_pages, kv[1].pages, kv[0]))
    for site, s in order:
        if c.size <= c.max_total // 2:
            break
        c.site_floor = max(c.site_floor, s.max_pages)
        c.size -= 1 + len(s.lines)
        del c.sites[site]


@dataclass(frozen=True)
class Proposal:
    site: str
    pages: int
    lines: tuple[tuple[str, int, str], ...]  # (folded, pages, example)


def finalize(c: SiteCounts, min_pages: int = MIN_PAGES, min_share: float = MIN_SHARE) -> list[Proposal]:
    """Lines on at least ``min_share`` of a site's pages (and ``min_pages`` pages), prose excluded.

    A line that reads like an article paragraph is never proposed, even when it repeats: a
    site's boilerplate is short furniture; a repeated paragraph is more likely syndication.
    Counts are lower bounds and the site's pages an upper bound, so an approximate count never
    lets a line below the thresholds through (and exact counts give plain counting's answer).
    """
    out = []
    for site, s in sorted(c.sites.items()):
        n = s.max_pages
        if n < min_pages:
            continue
        need = max(min_pages, min_share * n)
        picked = []
        for f, k in s.lines.items():
            if k < need:
                continue
            ex = s.examples[f]
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


def write_proposals(props: list[Proposal], out_dir: Path, min_share: float = MIN_SHARE) -> list[Path]:
    """One reviewed-by-a-person TOML pack per site (`rules/sites/<site>.toml`), each written
    atomically; ``min_share``: the share the lines were picked with, for the rule's why."""
    from cleaner.io.writers import write_text_atomic

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
            f'why = "Lines that repeat on at least {min_share * 100:g}% of the pages of {p.site}: site furniture, not articles."',
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
        write_text_atomic(path, "\n".join(lines))
        written.append(path)
    return written
