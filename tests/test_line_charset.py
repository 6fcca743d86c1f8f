"""`allowed_ascii` only ever rules out lines the regex cannot match."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.line_charset import allowed_ascii, may_hold
from cleaner.ruleset import RuleSet

_RULES = [r for r in RuleSet.default().rules if r.kind == "regex" and r.pattern
          and allowed_ascii(r.compiled.pattern, r.compiled.flags) is not None]
_SHAPES = [r"^[\s\p{P}\p{S}]+$", r"^(?=\P{Ll}*$)(?=(?:\S+\s+){2}\S).*\p{Lu}", r"^(?=[A-Z ]+$)\w+|^-+$"]


def test_the_shapes_are_recognised() -> None:
    assert allowed_ascii(r"^[\s\p{P}]+$", 0) is not None
    assert allowed_ascii(r"^(?=\P{Ll}*$).+", 0) is not None
    assert allowed_ascii(r"^\W*tags", 0) is None  # says nothing about the whole line
    assert allowed_ascii(r"^x(?=[a-z]*$)", 0) is None  # the lookahead starts after a character
    assert not may_hold("NO LOWER CASE here", allowed_ascii(r"^(?=\P{Ll}*$).+", 0) or b"")
    assert may_hold("ALL CAPS — ÉTÉ", allowed_ascii(r"^(?=\P{Ll}*$).+", 0) or b"")


@pytest.mark.parametrize("rule", _RULES, ids=lambda r: r.id)
def test_rule_examples_pass(rule) -> None:  # type: ignore[no-untyped-def]
    allowed = allowed_ascii(rule.compiled.pattern, rule.compiled.flags)
    assert allowed is not None
    for line in [s for s in (*rule.remove, *rule.keep) if isinstance(s, str)]:
        if rule.compiled.search(line):
            assert may_hold(line, allowed), (rule.id, line)


_LINE = st.lists(st.sampled_from(list("aZ9 .-—|•ÉéЖж\t") + ["WORD ", "Word ", "word "]), max_size=30).map("".join)


@given(_LINE | st.text(max_size=40))
def test_never_rules_out_a_match(line) -> None:  # type: ignore[no-untyped-def]
    for src, flags in [*((s, 0) for s in _SHAPES), *((s, regex.IGNORECASE) for s in _SHAPES),
                       *((r.compiled.pattern, r.compiled.flags) for r in _RULES)]:
        allowed = allowed_ascii(src, flags)
        if allowed is not None and regex.compile(src, flags).search(line):
            assert may_hold(line, allowed), (src, line)
