"""The local engine's shortcuts against the plain way: workers that send a per-rule tally instead
of every edit, the summary counted from it, and the JSON Lines big-number check."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.api import Cleaner
from cleaner.document import Document, Edit, Result
from cleaner.engines.local import Cleaned, clean_stream
from cleaner.io.readers import Record, Reject, has_big_number
from cleaner.summary import RuleStats, Summary, tally
from tests.conftest import SEEDS

digits_and_noise = st.lists(st.sampled_from([b"1", b"23456789", b"0", b"x", b" ", b"\xd9\xa3", b"-", b"."]),
                            max_size=40).map(b"".join)


@given(st.one_of(digits_and_noise, st.binary(max_size=60)))
def test_big_number_check_is_the_regex(line: bytes) -> None:
    assert has_big_number(line) == bool(regex.search(rb"\d{19}", line))


rules = st.sampled_from(["a", "b.c", "d"])
edits = st.lists(st.builds(Edit, rules, st.integers(0, 50), st.integers(0, 50), st.text(max_size=5)), max_size=8)


def _plain_add(s: Summary, r: Result) -> None:
    """`Summary.add` as it was before `tally`: the reference."""
    s.docs += 1
    s.chars_in += len(r.original)
    s.chars_out += len(r.text)
    if r.edits:
        s.docs_changed += 1
    for rule in {e.rule for e in r.edits}:
        mine = [e for e in r.edits if e.rule == rule]
        got = s.rules.setdefault(rule, RuleStats())
        got.hits += len(mine)
        got.chars_removed += sum(max(0, e.end - e.start - len(e.replacement)) for e in mine)
        got.docs += 1
    for k, v in r.stats.get("events", {}).items():
        s.events[k] += v


@given(st.lists(st.tuples(edits, st.dictionaries(st.sampled_from(["x", "y"]), st.integers(0, 3))), max_size=5))
def test_summary_from_tally_is_the_summary_from_edits(docs: list) -> None:
    plain, via_add, via_tally = Summary(), Summary(), Summary()
    for i, (es, events) in enumerate(docs):
        r = Result(text="t" * i, edits=tuple(es), original="o" * (2 * i), stats={"events": events})
        _plain_add(plain, r)
        via_add.add(r)
        via_tally.add_counts(len(r.original), len(r.text), tally(r.edits), events)
    assert plain.to_dict(["a", "z"]) == via_add.to_dict(["a", "z"]) == via_tally.to_dict(["a", "z"])
    assert plain.render(["a", "z"]) == via_tally.render(["a", "z"])


def test_workers_without_edits_send_what_the_summary_and_output_need() -> None:
    cleaner = Cleaner()
    items: list[Record | Reject] = [Record(Document(p.name, p.read_text(encoding="utf-8")), "seeds", i + 1)
                                    for i, p in enumerate(SEEDS[:12])]
    items.insert(3, Reject("seeds", 99, "unreadable"))
    full = [o for b in clean_stream(cleaner, items, jobs=2, batch_size=4) for o in b]
    light = [o for b in clean_stream(cleaner, items, jobs=2, batch_size=4, edits=False) for o in b]
    assert len(full) == len(light) == len(items)
    for f, g in zip(full, light, strict=True):
        if isinstance(f, Reject):
            assert f == g
            continue
        (rec, res), (rec2, c) = f, g
        assert rec is rec2 and isinstance(res, Result) and isinstance(c, Cleaned)
        assert (c.text, c.original, c.tally, dict(c.events)) == (res.text, res.original, tally(res.edits),
                                                               res.stats["events"])


def test_the_local_pool_pipes_hold_a_batch() -> None:
    """`_widen_pipes`: on Linux the pool's pipes take a whole batch (or its results) at once; a
    pool that cannot be widened (no such pipes, another OS) is left as it is."""
    import multiprocessing as mp
    import sys

    from cleaner.engines.local import _widen_pipes

    _widen_pipes(object())  # not a multiprocessing pool: nothing happens
    if not sys.platform.startswith("linux"):
        return
    import fcntl

    with mp.get_context("fork").Pool(1) as pool:
        _widen_pipes(pool)
        for q in (pool._inqueue, pool._outqueue):  # type: ignore[attr-defined]
            assert fcntl.fcntl(q._writer.fileno(), fcntl.F_GETPIPE_SZ) >= 1 << 20
