"""Corpus pass for person names not in the alias table: map, reduce, finalize to a NameTable.

``map_doc`` is pure and per document; ``reduce`` merges two partial counts (in any order or
grouping), so documents can be counted on any number of workers; ``finalize`` picks each
person's canonical spelling: the alias table's if it knows the person, else the most frequent
spelling, ties broken by the smallest string. A person is a variant key of the whole name (given
names and surname), so "Sergey Brin" and "Sergei Lavrov" never share a group.

Memory is bounded, not proportional to the corpus: at most ``max_names`` entries are stored (a
person costs one plus one per spelling, which holds its count and its example context).
Until the bound is reached every count is exact and the table is that of plain counting. Past
it, the persons with the fewest possible mentions are dropped until half the bound is used: a
Space-Saving summary over persons weighted by their mentions (Metwally et al. 2005), in its
mergeable form (Agarwal et al. 2012, "Mergeable summaries"), kept so that, with ``floor``
`NameCounts.floor`:

* a shown count is a lower bound of the spelling's true mentions, short by at most ``floor``
  (by the person's ``slack``); a group is only formed from spellings truly seen;
* a person not kept has at most ``floor`` mentions, and so has a spelling not kept: every person
  with more than ``floor`` mentions is kept, with each of its spellings seen more than ``floor``
  times, so a person with at least ``min_variants`` such spellings is grouped;
* a person seen in one spelling only forms no group yet, but may meet a second spelling later, so
  it is dropped on the same terms as any other, by its mentions (on a tie, before a person seen
  in several): a group whose spellings each pass the floor is found however late they come;
* the canonical spelling is chosen as above from the shown counts, so it is deterministic for an
  input read in the same order (any ``--jobs``), and it is the truly most frequent spelling
  whenever that one leads every other by more than ``floor`` mentions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce as _fold

from cleaner.names import Alias, Group, NameTable, Spelling, find_mentions, spelling

CONTEXT = 40
MAX_NAMES = 200_000  # (about 400 bytes each: some 80 MB, so `clean names` stays under 300 MB a process)


@dataclass
class NameCounts:
    """Partial counts: person key -> spelling -> mentions counted (lower bounds), an example
    context per spelling (a spelling has one person key), and what each person may lack
    (``slack``), within ``max_names`` entries: a person and each of its spellings.

    The example is the smallest context seen, the one the table shows: a second one (it kept
    two) cost memory for every spelling and was never written."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)  # spelling -> its smallest context seen
    slack: dict[str, int] = field(default_factory=dict)  # person key -> mentions it may have had uncounted (> 0 only)
    max_names: int = MAX_NAMES
    floor: int = 0  # a person not in ``counts`` has at most this many mentions; 0: none dropped, exact
    size: int = 0  # stored persons plus their spellings: what the bound limits

    def __post_init__(self) -> None:
        if self.max_names < 2:
            raise ValueError(f"need max_names >= 2 (a person and one spelling), not {self.max_names}")

    def most(self, key: str) -> int:
        """An upper bound of a stored person's mentions."""
        return sum(self.counts[key].values()) + self.slack.get(key, 0)


def map_doc(text: str, sp: Spelling | None = None) -> NameCounts:
    """Count the full-name mentions (given name + surname) of one document."""
    sp = sp or spelling()
    counts: dict[str, dict[str, int]] = {}
    examples: dict[str, str] = {}
    for m in find_mentions(text, sp):
        if not m.has_given_name:
            continue
        per = counts.setdefault(m.key(sp), {})
        per[m.spelling] = per.get(m.spelling, 0) + 1
        ctx = " ".join(text[max(0, m.start - CONTEXT) : m.end + CONTEXT].split())
        have = examples.get(m.spelling)
        examples[m.spelling] = ctx if have is None else min(have, ctx)
    return NameCounts(counts, examples, size=len(counts) + len(examples))


def reduce(a: NameCounts, b: NameCounts) -> NameCounts:
    """Merge two partial counts (inputs are not changed); exact, so any order gives the same
    result, until the bound is reached; past it every order keeps the guarantees above."""
    counts = {k: dict(v) for k, v in a.counts.items()}
    return add(NameCounts(counts, dict(a.examples), dict(a.slack), a.max_names, a.floor, a.size), b)


def add(acc: NameCounts, b: NameCounts) -> NameCounts:
    """`reduce` into ``acc`` itself, and ``acc``: a corpus counted document by document with
    `reduce` copied its whole total for each document, so the time grew with the square of the
    corpus (64 MB took 224 s).

    A person one side does not hold is, for the merge, one with no counts and that side's floor
    of slack: it may have had that many mentions there.
    """
    counts, examples, slack = acc.counts, acc.examples, acc.slack
    for key, per in b.counts.items():
        mine = counts.get(key)
        if mine is None:
            mine = counts[key] = {}
            acc.size += 1
            if acc.floor:
                slack[key] = acc.floor
        for s, n in per.items():
            have = mine.get(s)
            if have is None:
                acc.size += 1
            mine[s] = n if have is None else have + n
    for s, ex in b.examples.items():
        have_ex = examples.get(s)
        examples[s] = ex if have_ex is None else min(have_ex, ex)  # deterministic: the smallest context
    for key, e in b.slack.items():
        slack[key] = slack.get(key, 0) + e
    if b.floor:
        for key in counts:
            if key not in b.counts:
                slack[key] = slack.get(key, 0) + b.floor
        acc.floor += b.floor
    if acc.size > acc.max_names:
        _evict(acc)
    return acc


def _evict(c: NameCounts) -> None:
    """Drop the persons with the fewest possible mentions until half the bound is used (halving,
    not trimming to the bound, pays for the sort with as many additions); the floor rises to
    what the dropped ones may have had. On a tie a person seen in one spelling goes first."""
    ranked = sorted(c.counts, key=lambda k: (c.most(k), len(c.counts[k]) > 1, k))
    for key in ranked:
        if c.size <= c.max_names // 2:
            break
        c.floor = max(c.floor, c.most(key))
        per = c.counts.pop(key)
        for s in per:
            del c.examples[s]
        c.slack.pop(key, None)
        c.size -= 1 + len(per)


def finalize(
    counts: NameCounts, aliases: Sequence[Alias] = (), min_variants: int = 2,
    spelling_path: str | None = None,
) -> NameTable:
    """Choose canonical spellings; keep persons seen in at least ``min_variants`` spellings."""
    known = NameTable(tuple(aliases), (), spelling_path)
    groups = []
    for key in sorted(counts.counts):
        per = counts.counts[key]
        if len(per) < min_variants:
            continue
        hit = known.lookup(key)
        canonical = hit[1] if hit else min(per, key=lambda s: (-per[s], s))
        order = sorted(per, key=lambda s: (s != canonical, -per[s], s))
        examples = tuple(counts.examples[s] for s in order)
        groups.append(Group(canonical, tuple(order), tuple(per[s] for s in order), examples))
    groups.sort(key=lambda g: g.canonical)
    return NameTable(tuple(aliases), tuple(groups), spelling_path)


def build_table(
    texts: Iterable[str], aliases: Sequence[Alias] = (), min_variants: int = 2
) -> NameTable:
    """Map, reduce and finalize over ``texts`` in one process (the pipeline may parallelise)."""
    sp = spelling()
    return finalize(_fold(add, (map_doc(t, sp) for t in texts), NameCounts()), aliases,
                    min_variants)

