"""The ftfy fast path must give exactly what ftfy gives, whenever it answers."""

import functools

import ftfy
import ftfy.badness
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

    from cleaner.stages.unicode import _BADNESS_NEEDS, _BADNESS_WIDTH, _SCAN

    if ftfy.__version__.startswith("6."):
        assert _BADNESS_NEEDS is not None and _BADNESS_WIDTH is not None and _SCAN is not None


# Text that ftfy's badness pattern matches, with its ASCII quotes sometimes curled: every
# alternative of the pattern gets exercised, not only the ones the pieces above happen to hit.
BAD = st.from_regex(ftfy.badness.BADNESS_RE)
QUOTES = st.sampled_from(["'", '"', "‘", "’", "“", "”", "„", "‟", "ʼ", "‚", "‛"])
RICH = (
    st.lists(st.sampled_from([*PIECES, "вЂ", "”“", "é”", "×²", "│®", "ВЂВ", "ā€", "β€™"]) | BAD | QUOTES, max_size=20)
    .map("".join)
    | st.text(max_size=40)
)


@given(RICH)
def test_badness_keys_are_in_every_bad_line(line):
    """Every line ftfy calls bad holds a key (searched for where `_looks_bad` puts its windows)."""
    from cleaner.stages.unicode import _BADNESS_NEEDS, _looks_bad, _may_be_bad

    if ftfy.badness.is_bad(line):
        assert _BADNESS_NEEDS is None or _may_be_bad(line)
        assert _looks_bad(line)


@given(BAD)
def test_every_badness_match_holds_a_key(match):
    from cleaner.stages.unicode import _may_be_bad

    assert _may_be_bad(match)


@given(RICH)
def test_uncurling_makes_no_line_bad(line):
    """What `_UNCURL_KEEPS_GOOD` proves at import, tried: a line that is not bad stays so uncurled."""
    from cleaner.stages.unicode import _UNCURL_KEEPS_GOOD, _uncurl

    if _UNCURL_KEEPS_GOOD and not ftfy.badness.is_bad(line):
        assert not ftfy.badness.is_bad(_uncurl(line))


def test_uncurl_proof_rejects_patterns_that_see_ascii_quotes(monkeypatch):
    import re

    from cleaner.stages import unicode

    assert unicode._uncurl_keeps_good()  # the installed ftfy: the second check can go
    # "Ã['’]" sees one curly quote of the three that become "'"
    for pattern in ["Ã'", "[^’]x", "x(?!y)", r"\bÃ", "Ã[\"a]", "Ã['’]", r"Ã\W"]:
        monkeypatch.setattr(ftfy.badness, "BADNESS_RE", re.compile(pattern))
        assert not unicode._uncurl_keeps_good(), pattern
    # (Ã\W is rejected above: "ʼ", which becomes "'", is a word character)
    for pattern in [r"Ã[\s\S]", "Ã[^a]", "[^a-z]Â", r"^[^a-z]*Ã", "Ã.+", r"Ã\w"]:
        monkeypatch.setattr(ftfy.badness, "BADNESS_RE", re.compile(pattern))
        assert unicode._uncurl_keeps_good(), pattern


BREAKY = st.lists(st.sampled_from([*PIECES, "\n", "\r\n", "\r", "\u2028", "\x85", "\x0c", "plain", "x y"]), max_size=30).map("".join)


@given(BREAKY | st.text(max_size=60))
def test_needy_lines_are_the_segments_ftfy_needs(text):
    from cleaner.stages.unicode import _SEGMENT, _ftfy_needed, _needy_lines

    plain = [(m.start(), m.group()) for m in _SEGMENT.finditer(text) if _ftfy_needed(m.group())]
    assert list(_needy_lines(text)) == plain


@given(BREAKY | RICH)
def test_ftfy_stage_gives_ftfy_line_by_line(text):
    """The stage's edits turn the text into ftfy's repair of each segment, memo or not (ASCII
    segments without ``&`` or ``<`` are left alone by design: their control characters are
    the control-chars rule's)."""
    from cleaner.document import apply_edits
    from cleaner.ruleset import Rule
    from cleaner.stages.base import Context
    from cleaner.stages.unicode import _SEGMENT, FtfyStage, _ftfy_needed

    def fix(seg):
        return ftfy.fix_and_explain(seg, config=FTFY_CONFIG).text if _ftfy_needed(seg) else seg

    stage = FtfyStage([Rule(id="unicode.ftfy", kind="detector", why="test", family="unicode")])
    want = _SEGMENT.sub(lambda m: fix(m.group()), text)
    assert apply_edits(text, stage.edits(text, Context())) == want
    assert apply_edits(text, stage.edits(text, Context())) == want  # the second time from the memo


ODD = st.lists(st.sampled_from([*PIECES, "\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\x07",
                                "\x7f", "\u202e", "\u2066", "\u200b", "\u00ad", "\u00a0", "\u2009", "\u202f", "\ud800", "\udc00", "\udfff",
                                "e" + "\u0301" * 29, "\u0301" * 3, "\u0483", "x"]), max_size=40).map("".join)


@functools.cache
def _default_stage(cls):
    """The default pipeline's stage of this class (built once: building a pipeline takes a while)."""
    from cleaner.api import Cleaner

    return next(s for s in Cleaner.default()._pipeline.stages if isinstance(s, cls))


@given(ODD | st.text(max_size=60))
def test_breaks_stage_is_the_plain_patterns(text):
    """The pass-1 edits are the matches of the plain patterns (the ``regex`` originals), lone
    surrogates too (a surrogate that is not half of a pair, in runs)."""
    import regex

    from cleaner.stages.base import Context
    from cleaner.stages.unicode import BreaksStage

    stage = _default_stage(BreaksStage)
    want = [(m.start(), m.end(), "\n") for m in regex.finditer(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]", text)]
    want += [(m.start(), m.end(), "") for m in regex.finditer(r"(?<=\p{M}{30})\p{M}+", text)]
    lone = [i for i, c in enumerate(text) if "\ud800" <= c <= "\udbff" and not "\udc00" <= text[i + 1 : i + 2] <= "\udfff"
            or "\udc00" <= c <= "\udfff" and not (i and "\ud800" <= text[i - 1] <= "\udbff")]
    runs = [[i] for k, i in enumerate(lone) if not k or lone[k - 1] != i - 1]  # lone ones next to each other: one edit
    for r in runs:
        while r[-1] + 1 in lone:
            r.append(r[-1] + 1)
    want += [(r[0], r[-1] + 1, "") for r in runs]
    assert [(e.start, e.end, e.replacement) for e in stage.edits(text, Context())] == want


@given(ODD | st.text(max_size=60))
def test_chars_stage_is_the_plain_alternation(text):
    from cleaner.stages.base import Context
    from cleaner.stages.unicode import CharsStage

    stage = _default_stage(CharsStage)
    want = [(stage._by_group[m.lastgroup][0].id, m.start(), m.end()) for m in stage._pattern.finditer(text)]
    assert [(e.rule, e.start, e.end) for e in stage.edits(text, Context())] == want


def _difflib_spans(ta, tb):
    import difflib

    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]


TOKENS = st.lists(st.sampled_from(["a", "b", "c", " ", ",", "the", "x"]), max_size=60)


@st.composite
def similar_token_lists(draw):
    """A token list and a copy with a few local changes (like a repaired line), from a small
    alphabet so that short runs repeat and tie."""
    ta = draw(TOKENS)
    tb = list(ta)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(tb)))
        cut = draw(st.integers(0, 3))
        tb[at : at + cut] = draw(st.lists(st.sampled_from(["a", " ", "é", "'", "â", "€"]), max_size=3))
    return (ta, tb) if draw(st.booleans()) else (tb, ta)


@given(similar_token_lists() | st.tuples(TOKENS, TOKENS), st.sampled_from([(8, 4), (1, 1), (2, 1), (1, 2), (2, 2), (3, 2)]))
def test_changed_spans_are_difflibs_opcodes(pair, sizes):
    """The long-run shortcut picks what difflib's find_longest_match picks, range after range
    (small samples and grams make the shortcut answer for short runs too)."""
    from cleaner.stages.unicode import changed_spans

    ta, tb = pair
    assert changed_spans(ta, tb, *sizes) == _difflib_spans(ta, tb)


TEXTS = st.lists(
    st.lists(st.sampled_from([*PIECES, "”“", "é”", "‘’", "\x07", "\x1b[0m", "plain words", "ﬁ"]) | BAD | QUOTES, max_size=8).map("".join),
    max_size=8,
).map("\n".join)


@given(TEXTS | BREAKY | st.text(max_size=60))
def test_ftfy_stage_scan_is_the_line_by_line_path(text):
    """The whole-text scan (curly quotes of easy lines made edits directly) gives exactly the
    edits of judging every needy line with ``ftfy_fast`` and ftfy."""
    from cleaner.ruleset import Rule
    from cleaner.stages.base import Context
    from cleaner.stages.unicode import FtfyStage, _needy_lines

    rule = Rule(id="unicode.ftfy", kind="detector", why="test", family="unicode")
    stage = FtfyStage([rule])
    plain = [e for start, line in _needy_lines(text) for e in stage._line_edits(rule, start, line, Context())]
    assert stage.edits(text, Context()) == plain


def test_ftfy_stage_scan_takes_plain_text():
    from cleaner.stages.unicode import _scan

    hard, curly = _scan("It’s “fine”\ncanâ€™t\nAT&T &amp; co\nnaïve ’’")
    assert hard == [(12, "canâ€™t"), (20, "AT&T &amp; co")]
    assert curly == [2, 5, 10, 40, 41]
    assert _scan("cafe\u0301 ’") is None  # not in NFC: line by line


def _mojibake(s, codec):
    """``s`` as UTF-8 read in a single-byte codec: the mojibake ftfy repairs."""
    return s.encode("utf-8").decode(codec, errors="replace")


WORDS = st.text(st.sampled_from("aeé ü’“”—…ñ€ß東ж\u00a0\u0301ﬁＴ"), max_size=12)
MOJIBAKE = st.tuples(WORDS, st.sampled_from(["latin-1", "windows-1252", "cp437", "mac_roman"])).map(lambda p: _mojibake(*p))
MESSY = st.lists(MOJIBAKE | WORDS | st.sampled_from([*PIECES, "<b>", "\x1b[31m", "\x07", "\x9d", "\ud800"]) | BAD, max_size=8).map("".join)


@given(MESSY | RICH)
def test_fix_and_explain_is_ftfys(line):
    """The mirrored loop gives ftfy's text and steps, mojibake, entities, odd characters and all."""
    from cleaner.stages.unicode import fix_and_explain

    try:
        want = ftfy.fix_and_explain(line, config=FTFY_CONFIG)
    except Exception as e:  # noqa: BLE001 - ftfy's own failure must be the mirror's too
        try:
            fix_and_explain(line)
        except type(e):
            return
        raise AssertionError("ftfy failed, the mirror did not") from e
    assert fix_and_explain(line) == want


def test_lone_surrogate_is_removed_not_made_a_replacement_character():
    """README: lone surrogate escapes are removed by the unicode stage (unicode.lone-surrogate,
    in the ledger). In the whole pipeline ftfy (pass 2) got them first and made each one U+FFFD
    (unicode.ftfy), so only the rule alone did what its own example says; they now go in pass 1.
    ftfy still joins the two halves of a pair."""
    from cleaner import Cleaner

    c = Cleaner.default()
    res = c.clean("broken \ud800 escape, \udc00\ud800 twice")
    assert res.text == "broken  escape,  twice"
    assert [e.rule for e in res.edits] == ["unicode.lone-surrogate"] * 2
    res = c.clean("a pair \ud83d\ude00 and a half \ud83d\ud83d\ude00")
    assert res.text == "a pair \U0001f600 and a half \U0001f600"
    assert [e.rule for e in res.edits] == ["unicode.ftfy", "unicode.lone-surrogate", "unicode.ftfy"]
