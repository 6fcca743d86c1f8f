"""The ftfy fast path must give exactly what ftfy gives, whenever it answers."""

import ftfy
from hypothesis import given
from hypothesis import strategies as st

from cleaner.stages.unicode import FTFY_CONFIG, ftfy_fast

PIECES = list("abc XYZ.,;:!?'\"-0123") + list("‘’‚‛“”„‟ʼ—–…•·°©é à ü ñ ç ø ß ł ą ž č ы ж 東京 の") + [
    "Ã©", "â€™", "â€œ", "Â ", "Ã", "Â", "â", "€", "™", "\x85", "\x92", "ﬁ", "Ｔ", "e\u0301", "&amp;", "\u200b", "\ufeff",
    "Ð¸", "Ñ\u0081", "ðŸ˜€", "\u00a0", "Ã\u00a0", "Ã ",
    "&", "AT&T", "Q&A", "&amp", "&#", "&#233", "&#x41;", "&eacute;", "&EACUTE;", "&nbsp;", "&notin", ";", "<", ">",
]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40))
def test_fast_path_agrees_with_ftfy(line):
    fast = ftfy_fast(line)
    if fast is not None:
        assert fast == ftfy.fix_and_explain(line, config=FTFY_CONFIG).text


def test_fast_path_takes_common_lines():
    assert ftfy_fast("It’s “quoted” — and fine…") == "It's \"quoted\" — and fine…"
    assert ftfy_fast("canâ€™t") is None
    assert ftfy_fast("AT&T’s Q&A") == "AT&T's Q&A"  # an ampersand that starts no entity
    assert ftfy_fast("P&eacute;rez") is None



@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join) | st.text(max_size=40))
def test_badness_shortcut_is_exact(line):
    """A line without any of the characters ftfy's badness pattern needs is never bad."""
    import ftfy.badness

    from cleaner.stages.unicode import _BADNESS_NEEDS, _may_be_bad

    if _BADNESS_NEEDS is None:  # another ftfy, another pattern shape: the shortcut is off
        return
    if ftfy.badness.is_bad(line):
        assert _may_be_bad(line)


@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_diff_edits_turn_one_line_into_the_other(head, a_mid, b_mid, tail):
    from cleaner.document import apply_edits
    from cleaner.ruleset import Rule
    from cleaner.stages.unicode import diff_edits

    rule = Rule(id="unicode.ftfy", kind="detector", why="test", family="unicode")
    a, b = head + a_mid + tail, head + b_mid + tail
    assert apply_edits(a, diff_edits(rule, 0, a, b)) == b


@given(st.lists(st.sampled_from([*PIECES, " ", "word ", "x" * 20]), max_size=40).map("".join) | st.text(max_size=60))
def test_windowed_badness_never_misses(line):
    """`_looks_bad` finds every line ftfy calls bad (it may flag more: those go to ftfy)."""
    import ftfy.badness

    from cleaner.stages.unicode import _BADNESS_WIDTH, _looks_bad

    if _BADNESS_WIDTH is None:  # another ftfy: _looks_bad is ftfy's is_bad itself
        return
    if ftfy.badness.is_bad(line):
        assert _looks_bad(line)


def test_the_installed_ftfy_gets_the_shortcuts():
    """With the ftfy this project is tested on, both shortcuts are on (a newer ftfy whose
    pattern has another shape turns them off: slower, still exact)."""
    import ftfy

    from cleaner.stages.unicode import _BADNESS_NEEDS, _BADNESS_WIDTH

    if ftfy.__version__.startswith("6."):
        assert _BADNESS_NEEDS is not None and _BADNESS_WIDTH is not None
