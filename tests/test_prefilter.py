"""The regex prefilters (cleaner.prefilter) only ever skip a regex that cannot match."""

from __future__ import annotations

import pytest
import regex
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


def _never_rejects(rule, lines) -> None:  # type: ignore[no-untyped-def]
    """The rule's prefilter (if it has one) passes every line its regex matches."""
    pat = rule.compiled
    pf = analyze(pat.pattern, pat.flags)
    if pf is None:
        return
    for line in lines:
        if pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (rule.id, line)


def test_most_rules_get_a_prefilter() -> None:
    with_pf = [r for r in _RULES if analyze(r.compiled.pattern, r.compiled.flags) is not None]
    assert len(with_pf) >= len(_RULES) // 2


@pytest.mark.parametrize("rule", _RULES, ids=lambda r: r.id)
def test_prefilter_never_rejects_a_match(rule) -> None:  # type: ignore[no-untyped-def]
    _never_rejects(rule, _LINES)


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
    _never_rejects(rule, [*_LINES, *(s for s in (*rule.remove, *rule.keep) if isinstance(s, str))])


@given(st.text(alphabet="ab*_ x\n", max_size=30) | st.text(max_size=30))
def test_backreferences_are_opaque_to_the_prefilter(line) -> None:  # type: ignore[no-untyped-def]
    import regex

    for src in _BACKREF_PATTERNS:
        pat = regex.compile(src)
        pf = analyze(src, pat.flags)
        if pf is not None and pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (src, line)


_PF = {r.id: analyze(r.compiled.pattern, r.compiled.flags) for r in _RULES}


# --------------------------------------------------------------------------- property tests

_PIECES = ["Facebook", "Twitter", "X", "e-mail", "mail", "Photo", "AFP", "Getty Images", "jpg", "2019",
           "Nov", "May 3", "12:30", "·", "|", "•", "—", "“", "”", "…", "-", "/", "_", ":", " ", "  ",
           "\t", "\n", "K", "\u212a", "ſ", "İ", "ı", "a", "aa", "(", ")", "[", "]", ".", ",", "!", "?",
           "The", "news", "line", "ok", "print", "Вконтакте", "微博", "é", "ß", "0", "9", "\u200b", "ᲀ", "Σ", "ς"]
_line = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
_real = st.sampled_from(_LINES)
_mixed = st.one_of(_line, _real, st.text(max_size=20), st.tuples(_real, _line).map("".join),
                   st.tuples(_line, _real).map("".join))


@given(line=_mixed)
def test_prefilters_hold_on_arbitrary_lines(line: str) -> None:
    low = casefold_for(line)
    for rule in _RULES:
        pf = _PF[rule.id]
        if pf is not None and rule.compiled.search(line):
            assert pf.may_match(line, low), (rule.id, line)


# patterns of the whole-line shapes: ^ skip* (word|word ...)+ skip* $, a class run, and the like
_word = st.sampled_from(["ok", "x", "e-?mail", "tiff?", "jpe?g", "ab+", "ab*", "k", "s", "a b", "вк", "微博", "x\\b"])
_skip = st.sampled_from(["", r"\W*", r"[\W_]*", r"\s*", r"[\s(]*", r"[^\w]*?"])
_shape = st.one_of(
    st.tuples(_skip, st.lists(_word, min_size=1, max_size=4), st.sampled_from(["", "+", "{2,}", "?", "*"]), _skip)
    .map(lambda t: f"^{t[0]}(?:(?:{'|'.join(t[1])})\\b{t[3]}){t[2]}{t[3]}$"),
    st.tuples(_skip, st.lists(_word, min_size=1, max_size=4), _skip).map(lambda t: f"^{t[0]}(?:{'|'.join(t[1])}){t[2]}$"),
    st.sampled_from([r"^[\s\p{P}\p{S}]+$", r"^[\s\p{P}]*$", r"^\W*[\w.]+\.(?:jpe?g|png)\W*$", r"^(?:a|b)+$", r"^\d+$"]),
)


@given(pattern=_shape, flags=st.sampled_from([regex.IGNORECASE | regex.V0, regex.V0]),
       lines=st.lists(_line, min_size=1, max_size=10))
def test_whole_line_shapes_never_reject_a_match(pattern: str, flags: int, lines: list[str]) -> None:
    pat = regex.compile(pattern, flags)
    pf = analyze(pattern, flags)
    if pf is None:
        return
    for line in lines:
        if pat.search(line):
            assert pf.may_match(line, casefold_for(line)), (pattern, line)


def test_whole_line_shapes_are_understood() -> None:
    pf = analyze(r"^[\W_]*(?:(?:facebook|twitter|x|e-?mail)\b[\W_]*){2,}$", regex.IGNORECASE)
    assert pf is not None and pf.branches[0].ending is not None
    assert not pf.may_match("Email me, a book", casefold_for("Email me, a book"))
    assert pf.may_match("Twitter · E-mail ·", casefold_for("Twitter · E-mail ·"))
    sep = analyze(r"^[\s\p{P}\p{S}\p{Cf}]+$", regex.IGNORECASE)
    assert sep is not None and sep.branches[0].alphabet is not None
    assert not sep.may_match("— a —", "— a —")
    assert sep.may_match("— · —", "— · —")
    hostile = analyze(r"(a+)+$", 0)  # unanchored: left to the regex and its timeout
    assert hostile is None or all(b.ending is None and b.alphabet is None for b in hostile.branches)


def test_lowers_alike_agrees_with_one_probe_per_character() -> None:
    from cleaner.prefilter import _LOWERS_ALIKE, _probe_range, prepare

    prepare(["вкйСσΣςёİıſ\u212aßẞ"])
    for c in "вкйСσΣςёİıſ\u212aßẞ":
        found = regex.findall(regex.escape(c), _probe_range(), flags=regex.IGNORECASE | regex.V0)
        assert _LOWERS_ALIKE[c] == (len(c.lower()) == 1 and all(x.lower() == c.lower() for x in found)), c
    assert not _LOWERS_ALIKE["в"]  # "ᲀ" matches it too
    assert _LOWERS_ALIKE["к"]


def _wide_checks_pass(pf, line: str) -> bool:  # type: ignore[no-untyped-def]
    """Does some alternative pass the checks for lines with non-ASCII characters?"""
    for only, needs in pf._full:
        if only is not None and not all(p.fullmatch(line) for p in only):
            continue
        if needs is not None and not needs.search(line):
            continue
        return True
    return False


_WIDE_RULES = [r for r in _RULES if (pf := analyze(r.compiled.pattern, r.compiled.flags)) is not None
               and any(o is not None or n is not None for o, n in pf._full)]
_WIDE_PIECES = ["Фото", ":", "：", "٣", "2019", "—", " ", "\u00a0", "©", "PHOTO", "ДАТА", "12.05.2019", "가",
                "é", "ǅ", "\u200b", "ſ", "\u212a", "|", "…", "»", "x", "Ⅻ", "𝟙", "a"]


def test_wide_checks_hold_for_some_rules() -> None:
    assert len(_WIDE_RULES) >= 5


@given(rule=st.sampled_from(_WIDE_RULES),
       line=st.one_of(st.text(max_size=25), st.lists(st.sampled_from(_WIDE_PIECES), max_size=8).map("".join)))
def test_wide_checks_never_reject_a_match(rule, line: str) -> None:  # type: ignore[no-untyped-def]
    """The checks for lines with non-ASCII characters (`_whole_line_only`, the class need's
    own pattern) only reject lines the rule's regex cannot match, for any characters."""
    pf = analyze(rule.compiled.pattern, rule.compiled.flags)
    line = line.replace("\n", " ")
    if rule.compiled.search(line):
        assert _wide_checks_pass(pf, line), (rule.id, line)


def test_wide_checks_never_reject_real_matches() -> None:
    lines = _lines()  # (once: it loads every pack)
    for rule in _WIDE_RULES:
        pf = analyze(rule.compiled.pattern, rule.compiled.flags)
        for line in lines:
            if rule.compiled.search(line):
                assert _wide_checks_pass(pf, line), (rule.id, line)
