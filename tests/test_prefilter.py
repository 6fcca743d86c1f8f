"""The regex prefilters (cleaner.prefilter) only ever skip a regex that cannot match."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.prefilter import analyze, casefold_for
from cleaner.ruleset import RuleSet

_RULES = [r for r in RuleSet.default().rules if r.kind == "regex" and r.pattern]


def _lines() -> list[str]:
    base = [s for r in RuleSet.default().rules for s in (*r.remove, *r.keep) if isinstance(s, str)]
    base += ["", " ", "Tags: a", "-- Facebook", "© 2020 X", "All Rights Reserved.", "a | b | c | d"]
    out = []
    for s in base:
        for line in s.split("\n"):
            out += [line, line.upper(), "  " + line, "» " + line.title(), "ſ" + line,
                    line.replace("k", "\u212a"), line.replace("i", "\u0130"), line.replace("s", "ſ")]
    return list(dict.fromkeys(out))


def test_most_rules_get_a_prefilter() -> None:
    with_pf = [r for r in _RULES if analyze(r.compiled.pattern, r.compiled.flags) is not None]
    assert len(with_pf) >= len(_RULES) // 2


@pytest.mark.parametrize("rule", _RULES, ids=lambda r: r.id)
def test_prefilter_never_rejects_a_match(rule) -> None:  # type: ignore[no-untyped-def]
    pat = rule.compiled
    pf = analyze(pat.pattern, pat.flags)
    if pf is None:
        return
    for line in _LINES:
        if pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (rule.id, line)


def test_unknown_shapes_get_no_prefilter() -> None:
    assert analyze(r"(?i)^\W*tags", 0) is None  # inline flags
    assert analyze(r"\bfoo|.*", 0) is None  # an alternative that can match anything
    pf = analyze(r"^\W*(?:tags|filed under)\s*:", 0)
    assert pf is not None
    assert not pf.may_match("Nothing here", casefold_for("Nothing here"))
    assert pf.may_match("— tags: x", casefold_for("— tags: x"))
    assert not pf.may_match("— Tags: x", casefold_for("— Tags: x"))  # flags 0: case-sensitive


_LINES = _lines()


_SPAN_RULES = [r for r in RuleSet.default().rules if r.kind == "span" and r.pattern]
_BACKREF_PATTERNS = [
    r"(?<![\w*])(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1(?![\w*])",
    r"^(ab)\1+x",
    r"(a)\g<1>b",
    r"(\w+) \1",
]


@pytest.mark.parametrize("rule", _SPAN_RULES, ids=lambda r: r.id)
def test_span_prefilter_never_rejects_a_match(rule) -> None:  # type: ignore[no-untyped-def]
    pat = rule.compiled
    pf = analyze(pat.pattern, pat.flags)
    if pf is None:
        return
    for line in [*_LINES, *(s for s in (*rule.remove, *rule.keep) if isinstance(s, str))]:
        if pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (rule.id, line)


@given(st.text(alphabet="ab*_ x\n", max_size=30) | st.text(max_size=30))
def test_backreferences_are_opaque_to_the_prefilter(line) -> None:  # type: ignore[no-untyped-def]
    import regex

    for src in _BACKREF_PATTERNS:
        pat = regex.compile(src)
        pf = analyze(src, pat.flags)
        if pf is not None and pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (src, line)
