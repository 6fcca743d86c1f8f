"""`fold`: the matching key of a line. Its fast paths must agree with the plain definition."""

import unicodedata

import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner import normalize as n

TRICKY = list("Aa İıßﬁ½Ｔ\u200b\u00ad\u0301é’—·|-_") + ["Ѕhаre", "Поделиться", "東京", "e\u0301", "\ud800"]


_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")


def slow_fold(line: str) -> str:
    """The definition, with the ``regex`` patterns throughout."""
    s = n._INVISIBLE.sub("", line)
    s = unicodedata.normalize("NFKD", s)
    s = n._MARKS.sub("", s).casefold().replace("ı", "i")
    latin = len(n._LATIN.findall(s))
    if latin and latin >= len(n._CYR_GREEK.findall(s)):
        s = s.translate(n._HOMOGLYPHS)
    s = unicodedata.normalize("NFKC", s)
    return " ".join(_NON_WORD.sub(" ", s).split())


@given(st.lists(st.sampled_from(TRICKY), max_size=20).map("".join) | st.text(max_size=40))
def test_fold_fast_paths_agree_with_the_definition(line):
    assert n.fold(line) == slow_fold(line)


def test_fold_examples():
    assert n.fold("  Share this — ARTICLE! ") == "share this article"
    assert n.fold("Ѕhаre") == "share"  # Cyrillic look-alikes in a Latin line
    assert n.fold("Поделиться") == "поделиться"  # a Russian line stays Russian
    assert n.fold("Yanıtla") == n.fold("YANITLA")


_SEPARATOR_PIECES = ["a", "B", "1", " ", "-", "'", '"', ".", "\t", "é", "\u200b", "\u0301", "а", "ı", "K", "ﬁ", "Ｔ",
                     *"‘’‚‛“”„‟‐‑‒–—―…•·\u00a0«»‹›′″−©®°\u2009\u202f\u2002\u2003§¶™½"]


@given(st.lists(st.sampled_from(_SEPARATOR_PIECES), max_size=20).map("".join) | st.text(max_size=30))
def test_separator_shortcut_folds_like_the_full_fold(line):
    """A line whose only non-ASCII characters are common punctuation folds as the full way does."""
    n.fold.cache_clear()
    assert n.fold(line) == n._fold_full(line) == slow_fold(line)


def test_no_letter_or_digit_is_white_space():
    """What `_fold_full` takes for granted: joining the runs of letters and digits is the same
    as splitting on white space after every other run became a space."""
    spaces = [c for c in map(chr, range(0x110000)) if c.isspace()]
    assert spaces and not any(n._WORD.match(c) for c in spaces)
