"""The edit algebra: composing stage edits onto the original text must replay exactly."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Edit, apply_edits, check_edits, compose, merge_overlapping


@st.composite
def edits_for(draw, text: str):
    n = len(text)
    cuts = sorted(draw(st.lists(st.integers(0, n), max_size=8)))
    out = []
    prev = 0
    for i in range(0, len(cuts) - 1, 2):
        s, e = cuts[i], cuts[i + 1]
        if s < prev:
            continue
        out.append(Edit(f"r{i}", s, e, draw(st.sampled_from(["", "x", "\n", "yz"]))))
        prev = e if e > s else e + 1
        if prev > n:
            break
    return [x for x in out if x.end <= n]


@given(st.data(), st.text(alphabet="ab\n ", max_size=40))
def test_compose_replays_sequential_application(data, text):
    done: list[Edit] = []
    current = text
    for _ in range(3):
        new = data.draw(edits_for(current))
        try:
            check_edits(current, new)
        except ValueError:
            continue
        expected = apply_edits(current, new)
        done = compose(text, done, new)
        current = apply_edits(text, done)
        assert current == expected
        check_edits(text, done)


def test_compose_keeps_rule_of_earlier_deletion():
    text = "A\n\nB\n\nC"
    done = compose(text, [], [Edit("bp", 3, 5)])  # remove "B\n"
    cur = apply_edits(text, done)
    assert cur == "A\n\n\nC"
    done2 = compose(text, done, [Edit("layout", 1, 4, "\n\n")])
    assert apply_edits(text, done2) == "A\n\nC"
    assert {e.rule for e in done2} == {"bp", "layout"}


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit("a", 0, 3), Edit("b", 2, 4)])


def test_merge_overlapping_keeps_first():
    kept = merge_overlapping([Edit("a", 0, 3), Edit("b", 2, 4), Edit("c", 4, 5)])
    assert [e.rule for e in kept] == ["a", "c"]


@given(st.lists(st.tuples(st.integers(-2, 12), st.integers(-2, 12)), max_size=6), st.integers(0, 10))
def test_check_edits_accepts_exactly_what_the_plain_loop_accepts(spans, n):
    """`check_edits`' C checks agree with a plain walk over the sorted edits."""
    edits = [Edit(f"r{i}", s, e) for i, (s, e) in enumerate(spans)]
    plain_ok, prev = True, 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if not (0 <= e.start <= e.end <= n) or e.start < prev:
            plain_ok = False
            break
        prev = e.end
    try:
        check_edits("x" * n, edits)
        ok = True
    except ValueError:
        ok = False
    assert ok == plain_ok
