"""Fast paths of `cleaner.names`, each compared with the plain way on generated input."""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import names as N
from cleaner.names import default_table, find_mentions, token_key

TABLE = default_table()
SP = TABLE.spelling

_BITS = [
    "Sergei", "Sergey", "Lavrov", "Lawrow", "Putin", "Vladimir", "V.", "al-Assad", "Assad", "The",
    "said", "lavrov", "O'Brien", "Zelensky", "Lavrov-Putin", "Moscow", "Сергей", "Лавров", "Qwerty",
    "Müller", "Peskow", "Dmitri", "bin", "de", "al-", "Putin2", "V.V.", "U.S.", "d,e",
]
_SEPS = [" ", "\n", ". ", ", ", " \n ", "-", "\t", "\u00a0", "\n\n", ".\n", "’s ", "(", "\r\n", "2 ", ""]
_TEXTS = st.lists(st.tuples(st.sampled_from(_BITS), st.sampled_from(_SEPS)), max_size=12).map(
    lambda bits: "".join(a + b for a, b in bits))


def _filtered(text: str, sp: N.Spelling = SP) -> list[N.Mention]:
    """The plain way: every mention, kept when its surname's last key part is a table surname."""
    return [m for m in find_mentions(text, sp)
            if (k := token_key(m.surname.text, sp)) and k.rsplit(" ", 1)[-1] in TABLE.surnames]


@settings(max_examples=200)
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_remembered_surname_words_give_the_filtered_mentions(texts: list[str]) -> None:
    """The memo kept for a frozen surname set (carried across texts and examples) and a fresh
    one for a plain set both find what filtering all mentions finds."""
    assert isinstance(TABLE.surnames, frozenset)
    for text in texts:
        want = _filtered(text)
        assert find_mentions(text, SP, TABLE.surnames) == want
        assert find_mentions(text, SP, set(TABLE.surnames)) == want


def test_surname_words_after_the_memo_starts_over() -> None:
    """A full memo is emptied; the words asked about then are all judged again."""
    judge = N._SurnameWords(SP, TABLE.surnames)
    assert judge.among(["Lavrov", "Moscow", "Lavrov"]) == {"Lavrov"}
    judge._seen.update(f"Xx{i}" for i in range((1 << 16) + 1))  # full
    assert judge.among(["Lavrov", "Qwerty", "Putin"]) == {"Lavrov", "Putin"}  # a new word
    assert len(judge._seen) == 3


_ODD_PARTICLES = replace(SP, particles=SP.particles | {"d,e", "bin x"})


@settings(max_examples=50)
@given(_TEXTS)
def test_particles_a_run_stop_cuts_make_the_whole_text_read(text: str) -> None:
    """A particle holding a character that ends runs elsewhere: whole texts are read."""
    assert N._has_loose_affixes(_ODD_PARTICLES)
    assert find_mentions(text, _ODD_PARTICLES, TABLE.surnames) == _filtered(text, _ODD_PARTICLES)


# lower case that casefolds to itself or not (ß, ſ, ﬁ, ς, µ, Cherokee, U+0345), marks, digits
_LOWER_TEXT = st.text(alphabet="abAB sßſﬁσςΣµᏸꭰéе\u0301\u0345'’.-1\n", max_size=30)


@settings(max_examples=300)
@given(_LOWER_TEXT, st.lists(_LOWER_TEXT | st.sampled_from(["ss", "fi", "σ", "a", "ab", "é"]), max_size=40))
def test_lower_words_asked_are_the_casefolded_lower_words(text: str, words: list[str]) -> None:
    every = frozenset(w.casefold() for w in N._LOWER_WORD.findall(text))
    asked = N._LowerWords(text)
    assert [w in asked for w in words] == [w in every for w in words]


@given(st.text(alphabet="aBcOxÉéÄäДдΣσǅ'’-. \n\u0301\u0345", max_size=60))
def test_part_words_capital_first_are_the_part_regex_findall(text: str) -> None:
    assert N._CAPITAL_FIRST_PART_RE.findall(text) == N._PART_RE.findall(text)
    assert N._part_words(text) == N._PART_RE.findall(text)


@given(st.text(st.characters(max_codepoint=0xFFFF) | st.sampled_from("AbÉéДдǅ'’\u0301"), max_size=60))
def test_words_spelled_out_for_re_are_the_regex_findall(text: str) -> None:
    assert N._bmp_part_re().findall(text) == N._PART_RE.findall(text)
    assert N._bmp_lower_word_re().findall(text) == N._LOWER_WORD.findall(text)


@given(st.text(alphabet="AbÉéǅ'’ \u0301𝐀𝐚𐐀𐐨", max_size=30))  # 𝐀 𐐀 upper case, 𝐚 𐐨 lower
def test_words_beyond_the_plane_are_the_regex_findall(text: str) -> None:
    assert N._part_words(text) == N._PART_RE.findall(text)
    assert N._lower_words(text) == N._LOWER_WORD.findall(text)


def test_bmp_is_every_code_point_of_the_plane() -> None:
    assert N._bmp() == "".join(map(chr, range(0x10000)))


# --------------------------------------------------------------------------- rule patterns

_BEHIND = ["", "(?<=a)", "(?<![ab])", "(?<=s.)", "(?<=[^a]b)", "^", "(?<!\\n)"]
_ONE = ["a", "b", "h", "[ab]", "[^a]", ".", "\\n"]
_REST = ["", "(?=a)", "(?![^b]|$)", "(?=[^ab]|$)", "(?=$|h)", "(?=[^a]|b)", "b*", "(a|h)", "$", "a+b", "(?=ab|$)"]
_PATTERNS = st.builds(lambda b, one, rest: b + "".join(one) + rest, st.sampled_from(_BEHIND),
                      st.lists(st.sampled_from(_ONE), max_size=3), st.sampled_from(_REST))
_PATTERNS = _PATTERNS | st.builds(lambda a, b: f"{a}|{b}", _PATTERNS, _PATTERNS)
_SUBJECT = st.text(alphabet="absh\n", max_size=24)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in pattern.finditer(text)]


@settings(max_examples=300)
@given(_PATTERNS, st.sampled_from([0, re.MULTILINE]), _SUBJECT)
def test_lookbehind_moved_behind_the_literals_finds_the_same(pattern: str, flags: int, text: str) -> None:
    assert _spans(N._literal_first(pattern, flags), text) == _spans(re.compile(pattern, flags), text)


@settings(max_examples=300)
@given(_PATTERNS, st.sampled_from([0, re.MULTILINE]), _SUBJECT)
def test_the_needed_text_is_in_every_match(pattern: str, flags: int, text: str) -> None:
    needed = N._needed(pattern, flags)
    if needed:
        assert all(needed in m.group() for m in re.finditer(pattern, text, flags))


@settings(max_examples=60)
@given(st.lists(st.sampled_from([*_ONE, "a+", "(a|h)", "b*", "(?:ab)?"]), min_size=1, max_size=5).map("".join),
       st.data())
def test_the_needed_text_is_in_every_text_the_pattern_matches(pattern: str, data: st.DataObject) -> None:
    assert N._needed(pattern, 0) in data.draw(st.from_regex(pattern, fullmatch=True))


_AHEAD = ["(?=a)", "(?![^b]|$)", "(?=[^ab]|$)", "(?=$|h)", "(?=[^a]|b)", "(?=.|$)", "(?!.)", "(?=[^b])"]
_ENDING_IN_LOOKAHEAD = st.builds(lambda one, ahead: "".join(one) + ahead,
                                 st.lists(st.sampled_from(_ONE), min_size=1, max_size=2), st.sampled_from(_AHEAD))


@settings(max_examples=400)
@given(_ENDING_IN_LOOKAHEAD | _PATTERNS, st.lists(st.text(alphabet="absh", max_size=4), min_size=2, max_size=6))
def test_line_blind_rules_find_the_same_on_joined_keys(pattern: str, keys: list[str]) -> None:
    if N._line_blind(pattern):
        joined = re.compile(pattern, re.MULTILINE).sub("<>", "\n".join(keys))
        assert joined == "\n".join(re.sub(pattern, "<>", k) for k in keys)


_CHAINED = replace(SP, letters=(("ä", "ł"), ("ł", "ß"), ("ß", "ss")))  # one letter at a time


@settings(max_examples=300)
@given(st.lists(st.text(alphabet="aZß\u0130ﬁΣς\u0301\u0345Ää\u0308öłъ\n\u2028\u00a0'’İǅ½x", max_size=5), max_size=8),
       st.sampled_from([SP, _CHAINED]))
def test_bases_at_once_are_the_bases_one_by_one(words: list[str], sp: N.Spelling) -> None:
    assert N._values_unmapped(sp) == (sp is SP)
    if words:
        assert N._bases(sp, words).split("\n") == [N._base(sp, w) for w in words]


@given(_PATTERNS, _SUBJECT)
def test_a_lone_group_reference_replaces_as_the_template(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    if compiled.groups:  # (in a branch, the group may take no part)
        assert compiled.sub(N._replacement(r"\1"), text) == compiled.sub(r"\1", text)
    assert N._replacement("x\\1") == "x\\1"
