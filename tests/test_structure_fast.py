"""The structure stage's shortcuts against the plain ways they replace, on generated input: a
fast path may only skip work that cannot change the result."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.stages import structure as S

LINES = [
    "", " ", "Home", "World News", "Jane Doe says:", "He said:", "Jane on May 3, 2019 at 4:47 pm said:",
    "Hi Milan,", "Hallo Jörg!", "12 thoughts on “The alliance met”", "3 reſponſes to \"It\"", "Leave a Reply",
    "COMMENTS (4)", "What do you think?", "İstanbul: the news", "ﬁne: ﬁsh", "Ω ω:", "a:b", "\u00a0- x",
]
lines_ = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=30)), max_size=30)


def test_heading_word_letters_are_ascii_only():
    """What finding the heading words in lowered UTF-8 bytes relies on: `regex` takes no
    character but the ASCII letter, in either case, for a letter of the heading words."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for c in set("".join(S._HEADING_WORDS)):
        assert set(regex.findall(regex.escape(c), every, flags=regex.IGNORECASE)) == {c, c.upper()}


@given(lines_, st.sampled_from([b":", b"pon", b"what", "ö".encode(), b"a"]), st.integers(0, 5))
def test_lines_holding_is_the_per_line_check(texts, needle, first):
    text = "\n".join(texts)
    found = S._lines_holding(text.encode().lower(), first, (needle, b"\xc3"))
    plain = [first + i for i, t in enumerate(text.split("\n")) if needle in t.encode().lower() or b"\xc3" in t.encode()]
    assert found == plain


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), st.integers(0, 25))
def test_comment_meta_without_a_colon_is_no_byline(line, words):
    """`_comment_meta` tries the byline pattern only on a line with a colon: it needs one."""
    assert S._comment_meta.__wrapped__(line, words) == (
        3 if words <= 3 and S._SALUTATION.match(line)
        else 0 if words > S.COMMENT_META_WORDS or not S._COMMENT_META.match(line) or S._NOT_A_NAME.match(line)
        else 2 if S._CLOCK.search(line)
        else 1 if words <= S.COMMENT_META_BARE_WORDS else 0)
