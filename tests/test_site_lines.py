"""`clean learn`'s counting in bounded memory (`cleaner.corpus.site_lines`), against plain counting.

The promises checked on generated corpora: exact below the bounds; past them, no proposed line
below the thresholds, none missed that is a site's floor above them, and never more stored than
the bounds allow; the same in any merge order (the Ray path merges partials as they come).
"""

import pickle
import random
from collections import Counter, defaultdict
from functools import reduce as fold_left

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from merge_orders import tree_merge  # (tests/merge_orders.py)

from cleaner.corpus.site_lines import Proposal, SiteCounts, add, finalize, map_doc, reduce
from cleaner.zones import is_paragraph

SITES = ["a.example", "b.example", "c.example", "d.example"]
# short lines (never prose), some differing only in case so the example spelling matters
VOCAB = ["Menu", "menu", "Share", "SHARE", "Log in", "Read more"] + [f"line {i}" for i in range(40)]
Page = tuple[str, str]

pages_st = st.lists(
    st.tuples(st.sampled_from(SITES), st.lists(st.sampled_from(VOCAB), max_size=10).map("\n".join)),
    max_size=50,
)
thresholds_st = st.tuples(st.integers(1, 4), st.sampled_from([0.0, 0.2, 0.5]))


def plain(pages: list[Page], min_pages: int, min_share: float) -> list[Proposal]:
    """`clean learn` as it was before the bounds: every (site, line) counted exactly."""
    sites: Counter[str] = Counter()
    lines: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], str] = {}
    for site, text in pages:
        sites[site] += 1
        for f, ex in map_doc(site, text).sites[site].examples.items():
            lines[(site, f)] += 1
            examples[(site, f)] = min(examples.get((site, f), ex), ex)
    out = []
    for site, n in sorted(sites.items()):
        picked = sorted(((f, k, examples[(s, f)]) for (s, f), k in lines.items()
                         if s == site and k >= max(min_pages, min_share * n) and not is_paragraph(examples[(s, f)])),
                        key=lambda t: (-t[1], t[0]))
        if n >= min_pages and picked:
            out.append(Proposal(site, n, tuple(picked)))
    return out


def truth(pages: list[Page]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Each site's pages and each of its lines' pages."""
    n: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for site, text in pages:
        n[site] += 1
        counts[site].update(map_doc(site, text).sites[site].lines.keys())
    return n, counts


def count(pages: list[Page], max_lines: int, max_total: int) -> SiteCounts:
    """Page by page, as `clean learn` does, checking the memory bounds after every page."""
    acc = SiteCounts(max_lines=max_lines, max_total=max_total)
    for site, text in pages:
        add(acc, map_doc(site, text))
        assert_within_bounds(acc)
    return acc


def assert_within_bounds(c: SiteCounts) -> None:
    assert all(len(s.lines) <= c.max_lines for s in c.sites.values())
    assert c.size == sum(1 + len(s.lines) for s in c.sites.values()) <= c.max_total
    for s in c.sites.values():
        assert s.lines.keys() == s.examples.keys() and s.slack.keys() <= s.lines.keys()


def assert_guarantee(c: SiteCounts, pages: list[Page], min_pages: int, min_share: float) -> None:
    """What the module docstring promises, for whatever the summary kept."""
    n, counts = truth(pages)
    for site in n.keys() - c.sites.keys():
        assert n[site] <= c.site_floor  # an evicted site is no bigger than the site floor
    for site, s in c.sites.items():
        assert s.pages <= n[site] <= s.max_pages
        for f, k in counts[site].items():
            if f in s.lines:
                assert s.lines[f] <= k <= s.lines[f] + s.slack.get(f, 0) <= s.lines[f] + s.floor
            else:
                assert k <= s.floor
        if not c.site_floor:  # never evicted: the a priori bound holds
            assert s.floor <= sum(counts[site].values()) // (c.max_lines // 2)
    proposed = {p.site: p for p in finalize(c, min_pages, min_share)}
    for site, p in proposed.items():
        for f, k, _ex in p.lines:
            assert k <= counts[site][f], "a shown count is a lower bound"
            assert counts[site][f] >= max(min_pages, min_share * n[site]), "never below the thresholds"
    for site, s in c.sites.items():
        need = max(min_pages, min_share * s.max_pages) + s.floor
        sure = {f for f, k in counts[site].items() if k >= need}
        shown = {f for f, _, _ in proposed[site].lines} if site in proposed else set()
        assert sure <= shown, "a line the floor above the thresholds is proposed"


@given(pages_st, thresholds_st)
def test_exact_below_the_bound(pages: list[Page], thresholds: tuple[int, float]) -> None:
    """(a) With room for every line, the counts are exact and the proposals are plain counting's."""
    min_pages, min_share = thresholds
    c = count(pages, max_lines=len(VOCAB), max_total=2 * len(VOCAB) * len(SITES))
    assert not c.approximate() and not c.site_floor
    assert finalize(c, min_pages, min_share) == plain(pages, min_pages, min_share)


@given(pages_st, thresholds_st, st.integers(2, 8), st.integers(0, 40))
@example(  # a.example is evicted after 3 pages, then comes back: its share is of 5 pages, not 2
    [("a.example", ""), ("a.example", ""), ("a.example", ""), ("a.example", "Menu\nShare"), ("b.example", "Menu"),
     ("a.example", "Menu")], (1, 0.5), 2, 0)
def test_guarantee_past_the_bound(pages: list[Page], thresholds: tuple[int, float], max_lines: int, extra: int) -> None:
    """(b) Past the bounds (per site, and over all sites: evictions), the documented guarantee
    holds, and (d) nothing stores more than the bounds allow (checked after every page)."""
    c = count(pages, max_lines=max_lines, max_total=2 * max_lines + extra)
    assert_guarantee(c, pages, *thresholds)


@given(pages_st, thresholds_st, st.integers(2, 8), st.randoms(use_true_random=False))
def test_merge_order(pages: list[Page], thresholds: tuple[int, float], max_lines: int, rnd: random.Random) -> None:
    """(c) Any order and grouping of merges: the same proposals while exact; past the bound, each
    order keeps the guarantee (which lines are dropped then may depend on the order)."""
    parts = [map_doc(site, text) for site, text in pages]
    roomy = SiteCounts(max_lines=len(VOCAB), max_total=2 * len(VOCAB) * len(SITES))
    assert finalize(tree_merge(parts, rnd, roomy, reduce), *thresholds) == plain(pages, *thresholds)
    tight = SiteCounts(max_lines=max_lines, max_total=4 * max_lines)
    merged = tree_merge(parts, rnd, tight, reduce)
    assert_within_bounds(merged)
    assert_guarantee(merged, pages, *thresholds)


@given(pages_st, st.integers(2, 8), st.integers(0, 20))
def test_add_is_reduce(pages: list[Page], max_lines: int, extra: int) -> None:
    """`add` (in place, page by page) gives what `reduce` gives, and `reduce` leaves its inputs."""
    parts = [map_doc(site, text) for site, text in pages]
    before = pickle.dumps(parts)
    empty = SiteCounts(max_lines=max_lines, max_total=2 * max_lines + extra)
    added = fold_left(add, parts, SiteCounts(max_lines=max_lines, max_total=2 * max_lines + extra))
    reduced = fold_left(reduce, parts, empty)
    assert added == reduced
    assert pickle.dumps(parts) == before and empty == SiteCounts(max_lines=max_lines, max_total=2 * max_lines + extra)
    other = fold_left(add, parts[::-1], SiteCounts(max_lines=max_lines, max_total=2 * max_lines + extra))
    snapshot = pickle.dumps((added, other))
    assert reduce(added, other) == add(pickle.loads(snapshot)[0], other)
    assert pickle.dumps((added, other)) == snapshot


def test_a_steady_line_survives_a_long_tail() -> None:
    """The case the bound is for: one line on every page of a site, among many more distinct
    article lines than the site may hold; it is kept, with its exact count."""
    pages = [("news.example", f"Subscribe now\nstory {i} first line\nstory {i} second line") for i in range(300)]
    c = count(pages, max_lines=16, max_total=64)
    [p] = finalize(c)
    assert p.lines == (("subscribe now", 300, "Subscribe now"),) and p.pages == 300
    assert c.approximate() == {"news.example": c.sites["news.example"].floor} and c.sites["news.example"].floor > 0


def test_bounds_are_checked() -> None:
    with pytest.raises(ValueError):
        SiteCounts(max_lines=1)
    with pytest.raises(ValueError):
        SiteCounts(max_lines=100, max_total=150)


def _learn(tmp_path, capsys, *args: str) -> tuple[int, str]:
    from cleaner.cli import main

    src = tmp_path / "in.jsonl"
    if not src.exists():
        import json

        rows = [{"url": f"https://news.example/{i}", "text": f"Subscribe now\nstory {i} a\nstory {i} b"} for i in range(40)]
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code = main(["learn", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", *args])
    return code, capsys.readouterr().err


def test_cli_notes_an_approximate_count(tmp_path, capsys) -> None:
    """The bound is an option of `clean learn`; when it drops lines a note on stderr names the
    site (not with -q), and the proposal is the same as with room for every line."""
    code, err = _learn(tmp_path, capsys)
    assert code == 0 and "memory bound" not in err
    roomy = (tmp_path / "out" / "news.example.toml").read_bytes()
    code, err = _learn(tmp_path, capsys, "--max-lines-per-site", "8")
    assert code == 0 and "memory bound reached" in err and "news.example" in err and len(err.splitlines()) == 2
    assert (tmp_path / "out" / "news.example.toml").read_bytes() == roomy
    code, err = _learn(tmp_path, capsys, "--max-lines-per-site", "8", "-q")
    assert code == 0 and err == ""
    code, err = _learn(tmp_path, capsys, "--max-lines-per-site", "1")
    assert code == 2 and "--max-lines-per-site" in err
    with pytest.raises(SystemExit):
        _learn(tmp_path, capsys, "--help")
    assert "--max-lines-per-site" in capsys.readouterr().out


def test_ray_site_proposals_match_local() -> None:
    ray = pytest.importorskip("ray")
    from cleaner.engines.ray import site_proposals

    pages = [(f"s{i % 3}.example", f"Share this story\nPage {i % 4}\nFollow us\nstory {i}") for i in range(60)]
    ds = ray.data.from_items([{"site": s, "text": t} for s, t in pages]).repartition(4)
    assert site_proposals(ds, min_pages=3) == plain(pages, 3, 0.5)
    bounded = site_proposals(ds, max_lines=4, max_total=16, min_pages=3)
    assert {(p.site, f) for p in bounded for f, _, _ in p.lines} <= {(p.site, f) for p in plain(pages, 3, 0.5)
                                                                    for f, _, _ in p.lines}
