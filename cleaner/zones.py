"""Head, body and tail: where in a document a line sits, relative to the article paragraphs.

Navigation comes before the headline and comment prompts after the last paragraph, so rules
scoped to a zone can be bold there and harmless elsewhere. An *article paragraph* is a line
with enough words that ends like a sentence (or is long enough to be prose even when a scraper
cut it off). A truncated teaser ending in "…" is not one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

import regex

# How a line ends, read off its end with str.rstrip and str.endswith (a pattern ending in
# ``\s*$`` is tried at every place of the line): a sentence end ``[.!?。！？।॥؟»"”’')\]]\s*$``
# (the Devanagari danda and double danda, the Arabic question mark among them)
# and a truncation ``(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$``, where ``\s`` is what `_SPACE` holds.
_SENTENCE_ENDS = frozenset(".!?。！？।॥؟»\"”’')]")
_TRUNCATIONS = ("…", "...", "[…]", "[...]")
# What regex's \s matches, Unicode's White_Space (a test checks every character); str.isspace,
# which a bare str.rstrip() follows, also holds \x1c-\x1f.
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")

MIN_WORDS = 12
LONG_WORDS = 25


@lru_cache(maxsize=1 << 16)
def words_of(line: str) -> int:
    """A cheap word count; CJK text counts one word per two characters.

    Cached, like `is_paragraph`: three stages ask about every line in every fixpoint round."""
    n = len(line.split())
    if n < MIN_WORDS and not line.isascii():
        n = max(n, len(_CJK.findall(line)) // 2)
    return n


def is_paragraph(line: str, words: int | None = None) -> bool:
    """Does this line look like article prose?"""
    return _is_paragraph(line, words_of(line) if words is None else words)


def _is_paragraph(line: str, w: int) -> bool:
    """`is_paragraph` given the word count. Most lines have fewer than `MIN_WORDS` words and
    are no paragraph whatever they say: answered without a cache entry (a miss costs more than
    the answer); only the longer ones, which need a pattern, are cached."""
    return w >= MIN_WORDS and _long_paragraph(line, w)


@lru_cache(maxsize=1 << 16)
def _long_paragraph(line: str, w: int) -> bool:
    end = line.rstrip(_SPACE)
    if end.endswith(_TRUNCATIONS):
        return False
    return w >= LONG_WORDS or (w >= MIN_WORDS and end[-1:] in _SENTENCE_ENDS)


@dataclass(frozen=True, slots=True)
class Zones:
    """Line indices: head is ``[0, body_start)``, tail is ``[tail_start, n)``."""

    body_start: int
    tail_start: int
    n: int

    def zone(self, i: int) -> str:
        if i < self.body_start:
            return "head"
        if i >= self.tail_start:
            return "tail"
        return "body"

    def allows(self, where: str, i: int) -> bool:
        return where == "any" or self.zone(i) == where


def find_zones(paragraph: Sequence[bool], end_markers: Sequence[int] = ()) -> Zones:
    """Zones from per-line paragraph flags; ``end_markers`` are lines that end an article.

    An end marker (a wire credit, an agency sign-off) starts the tail early when at most two
    paragraph-like lines follow it: those are publisher blurbs, not the article.
    """
    n = len(paragraph)
    paras = list(compress(range(n), paragraph))  # (in C: every stage asks, every round)
    if not paras:
        return Zones(0, n, n)  # no article found: everything is body, zone rules stay quiet
    body_start, tail_start = paras[0], paras[-1] + 1
    for m in end_markers:
        if m > paras[0] and sum(1 for p in paras if p > m) <= 2:
            tail_start = min(tail_start, m)
            break
    return Zones(body_start, tail_start, n)
