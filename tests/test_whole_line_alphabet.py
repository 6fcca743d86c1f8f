"""Whole-line alphabets (`cleaner.prefilter`): a pattern that fixes which ASCII characters a line
may hold (``^CLASS+$``, or a leading ``(?=CLASS*$)``) never has a matching line ruled out."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.prefilter import analyze, casefold_for
from cleaner.ruleset import RuleSet

_SHAPES = [r"^[\s\p{P}\p{S}]+$", r"^(?=\P{Ll}*$)(?=(?:\S+\s+){2}\S).*\p{Lu}", r"^(?=[A-Z ]+$)\w+|^-+$"]
_RULES = [r for r in RuleSet.default().rules if r.kind == "regex" and r.pattern]


def _alphabet(src: str, flags: int = 0) -> bytes | None:
    pf = analyze(src, flags)
    return pf.branches[0].alphabet if pf is not None else None


def test_the_shapes_are_recognised() -> None:
    assert _alphabet(r"^[\s\p{P}]+$") is not None
    assert _alphabet(r"^(?=\P{Ll}*$).+") is not None
    assert _alphabet(r"^\W*tags") is None  # says nothing about the whole line
    assert _alphabet(r"^x(?=[a-z]*$)") is None  # the lookahead starts after a character
    pf = analyze(r"^(?=\P{Ll}*$).+", 0)
    assert pf is not None
    assert not pf.may_match("NO LOWER CASE here", casefold_for("NO LOWER CASE here"))
    assert pf.may_match("ALL CAPS — ÉTÉ", casefold_for("ALL CAPS — ÉTÉ"))


_LINE = st.lists(st.sampled_from(list("aZ9 .-—|•ÉéЖж\t") + ["WORD ", "Word ", "word "]), max_size=30).map("".join)


# (compiled and analysed once: the regex module keeps only 500 compilations, fewer than the rules)
_CHECKED = [(regex.compile(src, flags), pf) for src, flags in [
    *((s, 0) for s in _SHAPES), *((s, regex.IGNORECASE) for s in _SHAPES),
    *((r.compiled.pattern, r.compiled.flags) for r in _RULES)] if (pf := analyze(src, flags)) is not None]


@given(_LINE | st.text(max_size=40))
def test_never_rules_out_a_match(line) -> None:  # type: ignore[no-untyped-def]
    for pat, pf in _CHECKED:
        if pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (pat.pattern, line)
