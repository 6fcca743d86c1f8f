"""Merging partial counts in a random order and grouping, as they reach a Ray driver: shared by
the property tests of the two corpus passes (`test_site_lines`, `test_names_counts`)."""

import random
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def tree_merge(parts: list[T], rnd: random.Random, empty: T, reduce: Callable[[T, T], T]) -> T:
    """``parts`` merged with ``reduce`` in a random order and grouping, each first brought within
    ``empty``'s bounds, as a Ray partial is."""
    parts = [reduce(empty, p) for p in parts]
    rnd.shuffle(parts)
    while len(parts) > 1:
        i = rnd.randrange(len(parts) - 1)
        parts[i : i + 2] = [reduce(parts[i], parts[i + 1])]
    return reduce(empty, parts[0]) if parts else empty
