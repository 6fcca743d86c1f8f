"""`clean names`' counting in bounded memory (`cleaner.corpus.names`), against exact counting.

The promises checked on generated corpora: the table of plain counting while the bound is not
reached; past it, shown counts that are lower bounds short by at most the floor, groups only of
spellings truly seen, every person and spelling above the floor kept, and never more stored than
the bound allows; the same in any merge order (the Ray path merges partials as they come).
"""

import pickle
import random
from collections import Counter, defaultdict
from functools import reduce as fold_left

import pytest
from hypothesis import given
from hypothesis import strategies as st
from merge_orders import tree_merge  # (tests/merge_orders.py)

from cleaner.corpus.names import CONTEXT, NameCounts, add, finalize, map_doc, reduce
from cleaner.names import Alias, Group, NameTable, default_table, find_mentions, spelling

# 12 persons (variant keys): some in 2 or 3 spellings, some in one; Lavrov is in the alias table
NAMES = ["Ivan Petrov", "Ivan Petrow", "Sergey Lavrov", "Sergei Lavrov", "Sergej Lawrow", "Anna Petrova",
         "Dmitri Peskov", "Dmitry Peskov", "Tumika Ravelov", "Tumica Ravelow", "Kazimir Nilozov", "Kasimir Nilozov",
         "Alexei Tuvarin", "Aleksei Tuvarin", "Yuri Mokanenko", "Yury Mokanenko", "Olga Smirnova", "Boris Kalomirov",
         "Vera Lisomikov", "Pavel Golomirow"]
WORDS = ["again", "twice", "once", "today"]
ALIASES = default_table().aliases

docs_st = st.lists(
    st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(WORDS)), max_size=6)
    .map(lambda ms: " ".join(f"{n} said it {w}." for n, w in ms)),
    max_size=40,
)
aliases_st = st.sampled_from([(), ALIASES])


def exact(texts: list[str]) -> tuple[dict[str, Counter[str]], dict[str, set[str]]]:
    """Every mention counted: person key -> spelling -> mentions, and spelling -> its contexts."""
    sp = spelling()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    contexts: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        for m in find_mentions(text, sp):
            if m.has_given_name:
                counts[m.key(sp)][m.spelling] += 1
                contexts[m.spelling].add(" ".join(text[max(0, m.start - CONTEXT) : m.end + CONTEXT].split()))
    return counts, contexts


def plain(texts: list[str], aliases: tuple[Alias, ...] = (), min_variants: int = 2) -> NameTable:
    """`clean names` as it was before the bound: every count exact, each spelling shown with its
    smallest context."""
    counts, contexts = exact(texts)
    known = NameTable(aliases)
    groups = []
    for key, per in sorted(counts.items()):
        if len(per) < min_variants:
            continue
        hit = known.lookup(key)
        canonical = hit[1] if hit else min(per, key=lambda s: (-per[s], s))
        order = sorted(per, key=lambda s: (s != canonical, -per[s], s))
        groups.append(Group(canonical, tuple(order), tuple(per[s] for s in order), tuple(min(contexts[s]) for s in order)))
    return NameTable(aliases, tuple(sorted(groups, key=lambda g: g.canonical)))


def count(texts: list[str], max_names: int) -> NameCounts:
    """Document by document, as `clean names` adds up a batch, checking the bound after each."""
    acc = NameCounts(max_names=max_names)
    for t in texts:
        add(acc, map_doc(t))
        assert_within_bound(acc)
    return acc


def assert_within_bound(c: NameCounts) -> None:
    assert c.size == sum(1 + len(per) for per in c.counts.values()) <= c.max_names
    assert all(c.counts.values()) and c.examples.keys() == {s for per in c.counts.values() for s in per}
    assert c.slack.keys() <= c.counts.keys() and all(0 < e <= c.floor for e in c.slack.values())


def assert_guarantee(c: NameCounts, texts: list[str], aliases: tuple[Alias, ...]) -> None:
    """What the module docstring promises, for whatever the summary kept."""
    counts, contexts = exact(texts)
    for key in counts.keys() - c.counts.keys():
        assert sum(counts[key].values()) <= c.floor, "a person not kept has at most the floor"
    for key, per in c.counts.items():
        true = counts[key]
        assert sum(true.values()) <= c.most(key)
        for s, k in true.items():
            shown = per.get(s, 0)
            assert shown <= k <= shown + c.slack.get(key, 0), "a shown count is a lower bound, short by at most the slack"
            if k > c.floor:
                assert s in per, "a spelling above the floor is kept"
        for s in per:
            assert s in true and c.examples[s] in contexts[s], "only spellings and contexts truly seen"
    table = finalize(c, aliases)
    known = NameTable(aliases)
    key_of = {s: key for key, per in counts.items() for s in per}
    for g in table.groups:
        [key] = {key_of[v] for v in g.variants}
        per = c.counts[key]
        assert set(g.variants) == per.keys() and g.counts == tuple(per[v] for v in g.variants)
        hit = known.lookup(key)
        leader = [s for s in counts[key] if all(counts[key][s] > k + c.floor for o, k in counts[key].items() if o != s)]
        assert g.canonical == (hit[1] if hit else min(per, key=lambda s: (-per[s], s)))
        if not hit and leader:
            assert g.canonical == leader[0], "a spelling leading by more than the floor is canonical"
    grouped = {v for g in table.groups for v in g.variants}
    for per in counts.values():
        sure = {s for s, k in per.items() if k > c.floor}
        if len(sure) >= 2:
            assert sure <= grouped, "a person with two spellings above the floor is grouped"


ROOMY = 2 * len(NAMES) + 12  # a person and each of its spellings: room for every one


@given(docs_st, aliases_st)
def test_exact_below_the_bound(texts: list[str], aliases: tuple[Alias, ...]) -> None:
    """(a) With room for every person, the counts are exact and the table is plain counting's."""
    c = count(texts, ROOMY)
    assert c.floor == 0 and not c.slack
    assert finalize(c, aliases) == plain(texts, aliases)


@given(docs_st, aliases_st, st.integers(2, 14))
def test_guarantee_past_the_bound(texts: list[str], aliases: tuple[Alias, ...], max_names: int) -> None:
    """(b) Past the bound the documented guarantee holds, and (d) nothing stores more than the
    bound allows (checked after every document)."""
    c = count(texts, max_names)
    assert_guarantee(c, texts, aliases)
    if c.floor == 0:
        assert finalize(c, aliases) == plain(texts, aliases)


@given(docs_st, aliases_st, st.integers(2, 14), st.randoms(use_true_random=False))
def test_merge_order(texts: list[str], aliases: tuple[Alias, ...], max_names: int, rnd: random.Random) -> None:
    """(c) Any order and grouping of merges: the same table while exact; past the bound, each
    order keeps the guarantee (which persons are dropped then may depend on the order)."""
    parts = [map_doc(t) for t in texts]
    assert finalize(tree_merge(parts, rnd, NameCounts(max_names=ROOMY), reduce), aliases) == plain(texts, aliases)
    merged = tree_merge(parts, rnd, NameCounts(max_names=max_names), reduce)
    assert_within_bound(merged)
    assert_guarantee(merged, texts, aliases)


@given(docs_st, st.integers(2, 14))
def test_add_is_reduce(texts: list[str], max_names: int) -> None:
    """`add` (in place, document by document) gives what `reduce` gives, and `reduce` leaves its inputs."""
    parts = [map_doc(t) for t in texts]
    before = pickle.dumps(parts)
    empty = NameCounts(max_names=max_names)
    added = fold_left(add, parts, NameCounts(max_names=max_names))
    assert added == fold_left(reduce, parts, empty)
    assert pickle.dumps(parts) == before and empty == NameCounts(max_names=max_names)
    other = fold_left(add, parts[::-1], NameCounts(max_names=max_names))
    snapshot = pickle.dumps((added, other))
    assert reduce(added, other) == add(pickle.loads(snapshot)[0], other)
    assert pickle.dumps((added, other)) == snapshot


def tail_docs(n: int) -> list[str]:
    """Ivan Petrov in two spellings on every page, among two persons seen once each."""
    return [f"Ivan Petrov met Ivan Petrow. {_one_off(2 * i)} and {_one_off(2 * i + 1)} said so." for i in range(n)]


def _one_off(i: int) -> str:
    syl = ["Ka", "Lo", "Mi", "Ra", "Tu", "Ve", "Zo", "Ni"]
    return f"Boris {syl[i % 8]}{syl[i // 8 % 8].lower()}{syl[i // 64 % 8].lower()}nov"


def test_a_frequent_person_survives_a_long_tail() -> None:
    """The case the bound is for: one person on every page, among many more one-off persons than
    the bound holds; it is grouped, with its exact counts, and the floor stays small."""
    texts = tail_docs(200)
    c = count(texts, 16)
    assert c.floor > 0 and len(c.counts) < 8
    assert [(g.canonical, g.variants, g.counts) for g in finalize(c).groups] == [
        ("Ivan Petrov", ("Ivan Petrov", "Ivan Petrow"), (200, 200))]
    assert c.floor < 200 // 2
    assert_guarantee(c, texts, ())


def test_bound_is_checked() -> None:
    with pytest.raises(ValueError):
        NameCounts(max_names=1)


def _names(tmp_path, capsys, *args: str) -> tuple[int, str]:
    from cleaner.cli import main

    src = tmp_path / "in.jsonl"
    if not src.exists():
        import json

        src.write_text("".join(json.dumps({"text": t}) + "\n" for t in tail_docs(40)), encoding="utf-8")
    code = main(["names", str(src), "-o", str(tmp_path / "names.tsv"), "--jobs", "1", *args])
    return code, capsys.readouterr().err


def test_cli_notes_the_bound(tmp_path, capsys) -> None:
    """The bound is an option of `clean names`; when it drops persons a note on stderr says how
    far that reaches (not with -q), and the frequent person's group is the same as with room."""
    code, err = _names(tmp_path, capsys)
    assert code == 0 and "memory bound" not in err
    roomy = (tmp_path / "names.tsv").read_bytes()
    assert b"Ivan Petrov\tIvan Petrov|Ivan Petrow\t40|40\t" in roomy
    code, err = _names(tmp_path, capsys, "--max-names", "12")
    assert code == 0 and len(err.splitlines()) == 2, err
    assert err.startswith("clean names: memory bound reached: persons with at most ") and "--max-names" in err
    assert (tmp_path / "names.tsv").read_bytes() == roomy
    code, err = _names(tmp_path, capsys, "--max-names", "12", "-q")
    assert code == 0 and err == ""
    for bad in ("1", "-5"):
        code, err = _names(tmp_path, capsys, "--max-names", bad)
        assert code == 2 and len(err.splitlines()) == 1 and "--max-names" in err
    with pytest.raises(SystemExit):
        _names(tmp_path, capsys, "--help")
    assert "--max-names" in capsys.readouterr().out


def test_ray_name_table_within_the_bound() -> None:
    ray = pytest.importorskip("ray")
    from cleaner.corpus.passes import NAMES, count
    from cleaner.document import Document
    from cleaner.engines.ray import name_table
    from cleaner.io.readers import Record

    texts = tail_docs(60)
    ds = ray.data.from_items([{"text": t} for t in texts]).repartition(4)
    local = finalize(count(NAMES, [Record(Document(str(k), t), "in", k) for k, t in enumerate(texts)]), ALIASES)
    assert name_table(ds, aliases=ALIASES) == local
    bounded = name_table(ds, aliases=ALIASES, max_names=12)
    assert [(g.canonical, g.variants, g.counts) for g in bounded.groups] == [
        ("Ivan Petrov", ("Ivan Petrov", "Ivan Petrow"), (60, 60))]
