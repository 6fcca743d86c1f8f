"""Corpus pass for person names not in the alias table: map, reduce, finalize to a NameTable.

``map_doc`` is pure and per document; ``reduce`` is associative and commutative, so documents
can be counted in any order and on any number of workers; ``finalize`` picks each person's
canonical spelling: the alias table's if it knows the person, else the most frequent spelling,
ties broken by the smallest string. A person is a variant key of the whole name (given names and
surname), so "Sergey Brin" and "Sergei Lavrov" never share a group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce as _fold

from cleaner.names import Alias, Group, NameTable, Spelling, find_mentions, spelling

MAX_EXAMPLES = 2
CONTEXT = 40


@dataclass(frozen=True)
class NameCounts:
    """Partial counts: person key -> spelling -> count, and a few example contexts per spelling."""

    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    examples: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def map_doc(text: str, sp: Spelling | None = None) -> NameCounts:
    """Count the full-name mentions (given name + surname) of one document."""
    sp = sp or spelling()
    counts: dict[str, dict[str, int]] = {}
    examples: dict[str, set[str]] = {}
    for m in find_mentions(text, sp):
        if not m.has_given_name:
            continue
        per = counts.setdefault(m.key(sp), {})
        per[m.spelling] = per.get(m.spelling, 0) + 1
        ctx = " ".join(text[max(0, m.start - CONTEXT) : m.end + CONTEXT].split())
        examples.setdefault(m.spelling, set()).add(ctx)
    return NameCounts(counts, {k: _keep(v) for k, v in examples.items()})


def reduce(a: NameCounts, b: NameCounts) -> NameCounts:
    """Merge two partial counts (associative, commutative; inputs are not changed)."""
    return add(NameCounts({k: dict(v) for k, v in a.counts.items()}, dict(a.examples)), b)


def add(acc: NameCounts, b: NameCounts) -> NameCounts:
    """`reduce` into ``acc`` itself (its own dictionaries, as `NameCounts()` makes them), and
    ``acc``: a corpus counted document by document with `reduce` copied its whole total for
    each document, so the time grew with the square of the corpus (64 MB took 224 s)."""
    counts, examples = acc.counts, acc.examples
    assert isinstance(counts, dict) and isinstance(examples, dict)
    for key, per in b.counts.items():
        mine = counts.setdefault(key, {})
        for s, n in per.items():
            mine[s] = mine.get(s, 0) + n
    for s, ex in b.examples.items():
        examples[s] = _keep((*examples.get(s, ()), *ex))
    return acc


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
        examples = tuple(e for s in order for e in counts.examples.get(s, ())[:1])
        groups.append(Group(canonical, tuple(order), tuple(per[s] for s in order), examples))
    groups.sort(key=lambda g: g.canonical)
    return NameTable(tuple(aliases), tuple(groups), spelling_path)


def build_table(
    texts: Iterable[str], aliases: Sequence[Alias] = (), min_variants: int = 2
) -> NameTable:
    """Map, reduce and finalize over ``texts`` in one process (the pipeline may parallelise)."""
    sp = spelling()
    return finalize(_fold(reduce, (map_doc(t, sp) for t in texts), NameCounts()), aliases,
                    min_variants)


def _keep(examples: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(examples))[:MAX_EXAMPLES])
