"""`find_zones` against the plain scan it replaces, on generated flags and end markers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.zones import Zones, find_zones


def _find_zones_plain(paragraph, end_markers):
    n = len(paragraph)
    paras = [i for i, p in enumerate(paragraph) if p]
    if not paras:
        return Zones(0, n, n)
    body_start, tail_start = paras[0], paras[-1] + 1
    for m in end_markers:
        if m > paras[0] and sum(1 for p in paras if p > m) <= 2:
            tail_start = min(tail_start, m)
            break
    return Zones(body_start, tail_start, n)


@given(st.lists(st.booleans(), max_size=30), st.lists(st.integers(0, 30), max_size=4))
def test_find_zones_is_the_plain_scan(paragraph, end_markers):
    assert find_zones(paragraph, end_markers) == _find_zones_plain(paragraph, end_markers)
    assert find_zones(tuple(paragraph)) == _find_zones_plain(paragraph, ())
