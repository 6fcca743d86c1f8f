"""The structure stage: boilerplate recognised by the *shape* of a run of lines, not its words.

Phrase rules know "Share" and "Related Posts"; they cannot know a site's own menu ("Tech / Cars /
Gaming / Reviews") or a list of teaser headlines. Those have a shape instead: runs of short lines
without sentence punctuation, sitting before the first or after the last article paragraph.
Each detector is a ``kind = "detector"`` rule in ``rules/structure/*.toml`` (all ``risky``):

``menu-run``       a run of >= 3 short link-like lines (menus, tag clouds, category lists) in
                   the head or tail zone.
``outside-block``  on a whole page (many short lines around the text, or short lines on both
                   sides of the main block when a long cookie notice moves the zones),
                   everything before and after the main text block: the block is the stretch
                   of lines with the most prose, found as a maximum-sum segment (paragraph words
                   count for, short lines against: Finn et al.'s body text extraction, on
                   lines). A line of 40+ words without any punctuation (a tag cloud, a category
                   <select>) is no prose. When a line repeats the page title (the first line,
                   less its " | Site" part) and prose starts right under it, the block starts
                   after that headline (unless that prose is a mere footer), and a run of
                   five or more short lines inside the block (a tag list, a menu) splits it: the
                   best-scoring part is the article. Lists right before or after the block (tour
                   dates, results, numbered items: lines sharing their punctuation and digits,
                   or numbered in sequence) join it.
``teaser-list``    three or more bulleted headlines ("- Pochettino fired by Tottenham ...")
                   after the last paragraph, with no lead-in ending in ":" before them.
``comment-section`` a comment-section heading ("12 thoughts on ...", "Top Rated Comments")
                   after the article, with everything after it; "N thoughts on "<title>""
                   may be long (up to 40 words). A comment byline counts as a heading: a
                   dated one ("Jane on May 3, 2019 at 4:47 pm said:") alone, a bare one
                   ("Jane says:") when another follows; so does the first of three or more
                   reply salutations alone on a line ("Hi Milan,").

``standfirst``     the line between the headline and the first paragraph when it is no sentence
                   ("Twenty teams have punched tickets for next summer's tournament"): the
                   publisher's summary (dek) of the article. The headline above it stays.
``link-line``      a bare URL alone on a line after the article (a link target the scraper
                   kept), unless it sits right under a list item ("3) Blade Runner (4K)"): a
                   list of items, each with its link, is content the article gives.

Zones come from `cleaner.zones`; a paragraph is >= 12 words ending like a sentence or >= 25 words.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import compress, filterfalse, islice, repeat
from operator import is_not, itemgetter, le, methodcaller, not_
from typing import AnyStr

import regex

from cleaner.document import Edit
from cleaner.normalize import fold
from cleaner.ruleset import Rule
from cleaner.stages.base import Context, Line, Lines, line_facts, positions, removal_span
from cleaner.zones import Zones, find_zones

# A line that ends like a sentence (or a list lead-in) is prose, however short.
_SENTENCE_END = regex.compile(r"[.!?:;。！？…\"”’»)]\s*$")
_END_CHARS = frozenset('.!?:;。！？…"”’»)')  # its characters: a match ends in one, then spaces
_TRUNCATED = regex.compile(r"(?:…|\.\.\.)\s*$")
_HAS_LETTER = regex.compile(r"\p{L}")
# Punctuation inside a line: prose of 25+ words has some; a tag cloud or a <select> list has none.
_PUNCT = regex.compile(r"[,.;:!?\u3001\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u2026\u060c\u061b](?:\s|$)")
UNPUNCTUATED_WORDS = 40
_START = methodcaller("start")  # of a match

MENU_MAX_WORDS = 4
MENU_MIN_RUN = 3

# outside-block: a page is "whole" when it has this many short lines outside its paragraphs.
PAGE_MIN_SHORT = 12
SHORT_WORDS = 3
PARA_OFFSET = 10

_COMMENT_HEADING = regex.compile(
    r"""^\W*(?:
        \d+\s+(?:thoughts?|comments?|responses?|replies|reactions?)\s+(?:on|to)\b.*
      | (?:top\s+rated\s+|latest\s+|recent\s+|reader\s+)?comments?\s*(?:\(\d+\)|\d+)?
      | \d+\s+(?:comments?|responses?|replies)
      | (?:one|two|three)\s+(?:thoughts?|comments?|responses?)\s+(?:on|to)\b.*
      | (?:view|show|read|load|see)\s+(?:all\s+)?(?:\d+\s+)?comments?
      | leave\s+a\s+(?:reply|comment)
      | what\s+do\s+you\s+think\??
    )\W*$""",
    regex.IGNORECASE | regex.VERBOSE,
)


# "12 thoughts on "<the article's title>"": the quoted title can be long.
_TITLED_HEADING = regex.compile(
    r"""^\W*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+
        (?:thoughts?|comments?|responses?|replies|reactions?)\s+(?:on|to)\s+["“'‘«].{3,200}["”'’»]\W*$""",
    regex.IGNORECASE | regex.VERBOSE,
)
COMMENT_HEADING_WORDS = 12
TITLED_HEADING_WORDS = 40


@lru_cache(maxsize=1 << 12)  # a pure function of the line, asked again in the next round
def _comment_heading(line: str, words: int) -> bool:
    if words <= COMMENT_HEADING_WORDS and _COMMENT_HEADING.match(line):
        return True
    return words <= TITLED_HEADING_WORDS and bool(_TITLED_HEADING.match(line))


# A comment's byline as blog themes print it: "Jane Doe on May 3, 2019 at 4:47 pm said:" (with a
# clock time: one is enough) or "Jane Doe says:" (five words at most: two are needed).
_META_VERB = r"(?:says|said|wrote|writes|sagt|schreibt|schrieb|dice|ha\s+detto|dit|a\s+dit|écrit|diz|disse|escribió|escreveu|zegt|schreef|pisze|napisał|говорит|пишет|написал|каже|пише|dedi|yazdı)"
_COMMENT_META = regex.compile(rf"^\W*\p{{Lu}}.{{0,120}}?\s{_META_VERB}\s*:\s*$", regex.IGNORECASE)
_CLOCK = regex.compile(r"\b\d{1,2}[:.]\d{2}\b")
# "He said:", "On Monday, the minister said:" lead into a quote; a byline starts with a name.
_NOT_A_NAME = regex.compile(
    r"^\W*(?:he|she|they|it|we|i|you|who|one|on|in|at|as|and|but|then|er|sie|am|il|elle|ils|le|la|él|ella|el|ele|lui|lei|он|она)\b",
    regex.IGNORECASE,
)
COMMENT_META_WORDS = 20
COMMENT_META_BARE_WORDS = 5


# "Hi Milan," alone on a line: a reply in a comment thread (three or more make a thread).
_GREETING = r"(?:hi|hello|hey|dear|hallo|liebe|lieber|bonjour|salut|cher|chère|hola|querid[oa]|ciao|car[oa]|olá|oi|привет|здравствуйте|witam|merhaba)"
_SALUTATION = regex.compile(rf"^\W*{_GREETING}(?:\s+\p{{Lu}}[\p{{L}}.'’-]*){{0,2}}\s*[,!]?\s*$", regex.IGNORECASE)
_WORD_CHARS = string.ascii_letters + string.digits + "_"


def _no_start(pattern: str) -> frozenset[str]:
    """The pairs of `_WORD_CHARS` no match of ``pattern`` (case aside) starts with: all but
    those a match can start with, tried only after the characters one can start with (made on
    import: some 1,300 tries, not 4,000)."""
    start = regex.compile(pattern, regex.IGNORECASE)
    firsts = [a for a in _WORD_CHARS if start.match(a, partial=True)]
    return frozenset(a + b for a in _WORD_CHARS for b in _WORD_CHARS).difference(
        a + b for a in firsts for b in _WORD_CHARS if start.match(a + b, partial=True))


# Two ASCII letters, digits or "_" no `_SALUTATION` match starts with: no greeting starts so (in
# either case), and \W* takes neither. Most short lines (menus, labels) start with one of them.
_NO_GREETING = _no_start(_GREETING)
_FIRST_TWO = itemgetter(slice(0, 2))
SALUTATIONS = 3


@lru_cache(maxsize=1 << 12)  # a pure function of the line, asked again in the next round
def _comment_meta(line: str, words: int) -> int:
    """2 for a dated comment byline, 1 for a bare "Name says:", 3 for a salutation ("Hi Jane,"),
    0 for anything else."""
    if words <= 3 and _SALUTATION.match(line):
        return 3
    if words > COMMENT_META_WORDS or ":" not in line or not _COMMENT_META.match(line) or _NOT_A_NAME.match(line):
        return 0
    if _CLOCK.search(line):
        return 2
    return 1 if words <= COMMENT_META_BARE_WORDS else 0


# Every `_COMMENT_HEADING` or `_TITLED_HEADING` match holds one of these words, in ASCII letters
# of either case: `regex` takes no other character for one of their letters, case aside (s has ſ,
# so "responses" is found by "pon"). So they are found in the text's UTF-8 bytes, lowered.
_HEADING_WORDS = ("thought", "comment", "pon", "repl", "reac", "leave", "what")
_HEADING_BYTES = tuple(w.encode() for w in _HEADING_WORDS)
_FEW_WORDS = frozenset(range(1, 4))  # a salutation's word counts


def _lines_holding(data: bytes, first: int, needles: Sequence[bytes]) -> list[int]:
    """The lines holding one of ``needles`` in ``data`` (lines of text in UTF-8, the first of
    them line ``first``), in order, each once: each found with `bytes.find`, then its line
    counted in C, where a loop over every line would cost more than the few hits."""
    return _lines_at(data, sorted(positions(data, needles)), first)


def _lines_at(hay: AnyStr, offsets: Iterable[int], first: int = 0) -> list[int]:
    """The lines of ``hay`` (lines joined by "\\n", the first of them line ``first``) that hold
    the ``offsets`` (in order), each once: each line counted in C from the last."""
    nl = b"\n" if isinstance(hay, bytes) else "\n"
    out: list[int] = []
    line, at = first, 0
    for i in offsets:
        line += hay.count(nl, at, i)  # type: ignore[arg-type]
        at = i
        if not out or out[-1] != line:
            out.append(line)
    return out


# A line that ends in ":" (`str.rstrip` before it), in lines joined by "\n": `re`'s \s is what
# str.isspace is; `regex`'s \s, which `_COMMENT_META` ends in, is less.
_COLON_END = re.compile(r":[^\S\n]*$", re.MULTILINE)


def _heading_lines(text: str, starts: Sequence[int], pos: int, end: int) -> list[int]:
    """Lines holding a `_HEADING_WORDS` word in ``text[pos:end]``, in order."""
    return _lines_holding(text[pos:end].encode().lower(), bisect_right(starts, pos) - 1, _HEADING_BYTES)


def comment_section(text: str, lines: Lines, words: Sequence[int], para: Sequence[bool]) -> int | None:
    """The line where the comment section starts, or None: the first line after the first
    paragraph, once 40 words of prose came, that is a comment heading, a dated byline, a bare
    byline with another after it, or the first of three or more reply salutations.

    Only lines from that point on are read, and of those only the ones that can be something:
    a salutation (three words at most, not starting with a pair in `_NO_GREETING`), a byline
    (ending in ":", 20 words at most) or a heading (one of `_HEADING_WORDS`, 40 words at most),
    the last two found at once in the lines of 40 words at most (half the text), joined."""
    if True not in para:
        return None
    n = len(lines)
    first_para = para.index(True)
    start, prose = n, 0
    for i in range(first_para, n):
        if para[i]:
            prose += words[i]
        if i > first_para and prose >= 40:
            start = i
            break
    if start == n:
        return None
    cut = n
    texts = lines.texts
    some = list(compress(range(start, n), map(le, words[start:], repeat(TITLED_HEADING_WORDS))))
    joined = "\n".join(map(texts.__getitem__, some))
    few = list(compress(range(start, n), map(_FEW_WORDS.__contains__, words[start:])))
    greets = map(not_, map(_NO_GREETING.__contains__, map(_FIRST_TWO, map(texts.__getitem__, few))))
    colons = map(some.__getitem__, _lines_at(joined, map(_START, _COLON_END.finditer(joined))))
    metas: list[tuple[int, int]] = []
    for i in sorted({*compress(few, greets), *colons}):
        w = words[i]
        if 0 < w <= COMMENT_META_WORDS and (m := _comment_meta(texts[i], w)):
            metas.append((i, m))
    bylines = [(i, m) for i, m in metas if m in (1, 2)]
    for k, (i, m) in enumerate(bylines):
        if m == 2 or k + 1 < len(bylines):  # a bare byline counts when another follows
            cut = i
            break
    replies = [i for i, m in metas if m == 3]
    if len(replies) >= SALUTATIONS:
        cut = min(cut, replies[0])
    for i in map(some.__getitem__, _lines_holding(joined.encode().lower(), 0, _HEADING_BYTES)):
        if i >= cut:
            break
        if words[i] <= TITLED_HEADING_WORDS and _comment_heading(texts[i], words[i]):
            return i
    return cut if cut < n else None


_BULLET = regex.compile(r"^\s*([-*•·–]|\d{1,2}[.)])\s+")


def _bullet(line: str) -> str | None:
    m = _BULLET.match(line)
    return m.group(1) if m else None


def _list_continues(lines: list[Line], run: list[int]) -> bool:
    """Is the run the end of a list the article started (a lead-in ending in ':' or a bullet of
    the same kind just before it)? Articles list things too; menus have no lead-in sentence."""
    first = run[0]
    k = first - 1
    while k >= 0 and not lines[k].text.strip():
        k -= 1
    if k < 0:
        return False
    prev = lines[k].text.strip()
    if prev.endswith(":"):
        return True
    b = _bullet(lines[first].text)
    return b is not None and _bullet(prev) == b


def _is_table(lines: list[Line], run: list[int]) -> bool:
    """Half or more of the run are list items (``list_items``): prices, scores, dates: a table
    the article gives, not a menu (menu entries carry no punctuation or digits in common)."""
    items = _Items([lines[k].text for k in run])
    need, left = len(run), len(run)  # stop as soon as the count decides it
    for k in range(len(run)):
        left -= 1
        if items[k]:
            need -= 2
        if need <= 0:
            return True
        if need > 2 * left:
            return False
    return need <= 0


# A link alone on a line: with a scheme or "www.", or a bare host with a path ("twitter.com/jdoe").
_URL_LINE = regex.compile(
    r"^[\s(\[<]*(?:(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*)[\s)\]>]*$", regex.IGNORECASE)


def link_lines(texts: Sequence[str], tail_start: int) -> list[int]:
    """Bare URL lines from ``tail_start`` on, except a URL right under a list item (bulleted or
    numbered): that is the item's link, in a list the article gives."""
    out = []
    k = tail_start - 1
    while k >= 0 and not texts[k].strip():
        k -= 1
    prev = texts[k].strip() if k >= 0 else ""  # the last paragraph may itself be a list item
    for i in range(tail_start, len(texts)):
        s = texts[i].strip()
        if not s:
            continue
        if "." in s and " " not in s and _URL_LINE.match(s) and _bullet(prev) is None:
            out.append(i)
        prev = s
    return out


_INNER_SENTENCE_END = regex.compile(r"[.!?。！？]\s")
HEADLINE_WORDS = (4, 25)
STANDFIRST_WORDS = (6, 30)


def standfirst(texts: Sequence[str], words: Sequence[int], para: Sequence[bool]) -> int | None:
    """The index of the second non-blank line when it is a standfirst: under a headline (4-25
    words, no sentence end), 6-30 words without a sentence end (inside or at its end) or a
    bullet, not the headline again, and followed by an article paragraph that ends like a
    sentence (so the text does use punctuation)."""
    first: list[int] = []
    for i, t in enumerate(texts):
        if t.strip():
            first.append(i)
            if len(first) == 3:
                break
    if len(first) < 3:
        return None
    h, d, p = first
    if not HEADLINE_WORDS[0] <= words[h] <= HEADLINE_WORDS[1] or _SENTENCE_END.search(texts[h].strip()):
        return None
    dek = texts[d].strip()
    if not STANDFIRST_WORDS[0] <= words[d] <= STANDFIRST_WORDS[1] or _SENTENCE_END.search(dek) or _bullet(dek):
        return None
    if _INNER_SENTENCE_END.search(dek) or fold(dek) == fold(texts[h]):
        return None  # a sentence and a credit (a caption), or the headline again (a repeat)
    if not para[p] or not _SENTENCE_END.search(texts[p].strip()):
        return None
    return d


TEASER_MIN_ITEMS = 3
TEASER_MIN_WORDS = 4
_TEASER_START = regex.compile(r"^\s*[-*•·]\s+[\"'“‘]?[\p{Lu}\d]")
_TEASER_MARKS = frozenset("-*•·")


def teaser_lists(text: str, texts: Sequence[str], words: Sequence[int], para: Sequence[bool]) -> list[list[int]]:
    """Bulleted runs of headlines after the article ("- Pochettino fired by Tottenham ..."): three
    or more "- " items of four or more words each, starting with a capital, with at most two
    paragraphs after them, no lead-in line ending in ":" before them, and mostly no shared
    punctuation and digits (a table the article gives; a table at the head of the run stays).

    ``texts`` are the lines of ``text``; only those starting with a mark, found in the text at
    once, are read, and the paragraphs only when there is one."""
    if True not in para:
        return []
    prose: list[int] | None = None
    runs: list[list[int]] = []
    n = len(texts)
    j = para.index(True) + 1  # the lines before j are read
    for i in _marked_lines(text):
        if i < j:
            continue
        if prose is None:
            prose = [k for k, p in enumerate(para) if p and not _bullet(texts[k])]
            if not prose:
                return []
            if i <= prose[0]:
                j = prose[0] + 1
                continue
        if not _TEASER_START.match(texts[i]):
            continue
        mark = _bullet(texts[i])
        run = [i]
        j = i + 1
        while j < n and (not texts[j].strip() or (_bullet(texts[j]) == mark and _TEASER_START.match(texts[j]))):
            if texts[j].strip():
                run.append(j)
            j += 1
        k = i - 1
        while k >= 0 and not texts[k].strip():
            k -= 1
        lead_in = k >= 0 and texts[k].rstrip().endswith(":")
        table = list_items([_BULLET.sub("", texts[m]) for m in run])
        head = next((t for t, x in enumerate(table) if not x), len(run))  # a table heads the run
        rest = run[head:]
        if (len(rest) >= TEASER_MIN_ITEMS and (not lead_in or head > 0)
                and 2 * sum(table[head:]) < len(rest)
                and all(words[m] >= TEASER_MIN_WORDS for m in rest)
                and sum(1 for p in prose if p > rest[-1]) <= 2):
            runs.append(rest)
    return runs


# A line starting with a teaser mark (`str.lstrip` before it), after its line break: in `re`, \s is
# what str.isspace is (in `regex` less: a `_TEASER_START` match has one).
_MARKED = re.compile(r"\n[^\S\n]*[" + re.escape("".join(sorted(_TEASER_MARKS))) + "]")


def _marked_lines(text: str) -> Iterator[int]:
    """The lines of ``text`` after the first that start with a teaser mark, in order."""
    line, at = 0, 0
    for m in _MARKED.finditer(text):
        line += text.count("\n", at, m.start()) + 1
        at = m.start() + 1
        yield line


def is_short(line: str, words: int) -> bool:
    """A link-like line: few words and no sentence punctuation at its end."""
    s = line.strip()
    return 0 < words <= MENU_MAX_WORDS and not _SENTENCE_END.search(s)


def _rule(rules: Sequence[Rule], detector: str) -> Rule | None:
    return next((r for r in rules if r.kind == "detector" and r.detector == detector), None)


def is_prose(line: str, words: int, paragraph: bool) -> bool:
    """A paragraph (``cleaner.zones.is_paragraph``) that is not a long run of words without any
    punctuation (tag clouds, category <select> lists, keyword stuffing).

    Not cached: prose holds ", " or ". " (each a `_PUNCT` match), found faster than a cached
    answer (the line's hash) or the pattern."""
    return paragraph and not (words >= UNPUNCTUATED_WORDS and ", " not in line and ". " not in line
                              and not _PUNCT.search(line))


@lru_cache(maxsize=1 << 12)  # a pure function of the line, asked again in the next round
def line_score(line: str, words: int, paragraph: bool) -> float:
    """Evidence that a line belongs to the article text (positive) or the page around it."""
    if words == 0:
        return 0.0
    if paragraph:
        # Less the length of a teaser summary: a run of headline + one-line blurb teasers nets
        # below zero, a real article paragraph well above it (measured: offset 10 gave the best
        # F1 on whole pages, 0, 6, 14 and 18 less).
        return float(words - PARA_OFFSET)
    if _SENTENCE_END.search(line.strip()) and words >= 6 and not _TRUNCATED.search(line):
        return 0.3 * words  # a short sentence (a teaser cut off with "…" is none)
    if words <= SHORT_WORDS:
        return -2.0 * (words + 1)  # a link, a label, a menu entry
    return -0.5 * words  # a headline, a list item, a table row


# `line_score` of a line of fewer than six words that is no paragraph: its words alone decide.
_SHORT_SCORES = tuple(line_score("", w, False) for w in range(6))
_SHORT_COUNTS = frozenset(range(1, SHORT_WORDS + 1))  # the word counts of a short line


def is_whole_page(words: Sequence[int], para: Sequence[bool], zones: Zones, bs: int, be: int,
                  anchored: bool = False) -> bool:
    """Is this a whole page (navigation around the text) rather than an extractor's output?

    Either a dozen short lines sit in the head and tail zones, or, when a long cookie or sign-up
    notice counts as a paragraph and moves the zones, short lines sit on *both* sides of the main
    block ``[bs, be)``: at least six before and six after, two dozen in all. An extracted article
    that ends with a long list has its short lines on one side only. A page whose first line (its
    title) comes back as the headline (``anchored``) needs only a dozen short lines anywhere
    around the block: extractors print the title once."""
    short = [i for i, (w, p) in enumerate(zip(words, para, strict=True)) if 0 < w <= SHORT_WORDS and not p]
    return _whole_page(short, zones, bs, be, anchored)


def _short_lines(words: Sequence[int]) -> list[int]:
    """The short lines (`is_whole_page`) of the stage's text, found in C by their word counts
    alone: a paragraph has `MIN_WORDS` words or more (`cleaner.zones.is_paragraph`)."""
    return list(compress(range(len(words)), map(_SHORT_COUNTS.__contains__, words)))


def _whole_page(short: Sequence[int], zones: Zones, bs: int, be: int, anchored: bool) -> bool:
    """`is_whole_page` given its short lines (their indices, in order): each count of them
    before or after a line is found by bisection. It takes a dozen of them or more."""
    head, tail = zones.body_start, max(zones.tail_start, zones.body_start)  # the lines not in "body"
    if bisect_left(short, head) + len(short) - bisect_left(short, tail) >= PAGE_MIN_SHORT:
        return True
    before, after = bisect_left(short, bs), len(short) - bisect_left(short, be)
    if anchored and before + after >= PAGE_MIN_SHORT:
        return True
    return min(before, after) >= PAGE_MIN_SHORT // 2 and before + after >= 2 * PAGE_MIN_SHORT


_SHAPE_SKIP = regex.compile(r"[\p{L}\p{M}\s'\"‘’“”«»]+")
_DIGITS = regex.compile(r"\d+")
LIST_MIN_ITEMS = 4
LIST_SIMILAR = 0.6
LIST_HEADING_WORDS = 8
# "Politics (12)": a category or archive entry with its count of posts
_COUNTED = regex.compile(r"^\W*\p{L}[\p{L}\p{M}\s&.'’-]{0,40}\(\d{1,5}\)\W*$")
LIST_MAX_LINES = 1000  # a list longer than this is left to the line scores


@lru_cache(maxsize=1 << 12)  # the lines of a document or two: kept small, a worker holds many caches
def shape(line: str) -> frozenset[str]:
    """The punctuation and digits of a line, as a set: "June 9 – Tampa, FL @ Arena" -> {0 – , @}.
    Items of one list (tour dates, results, numbered products) share most of theirs; menu entries
    and teaser headlines have none, or none in common."""
    if line.isascii():  # the same, by byte tables made from the two patterns
        return frozenset(line.encode().translate(_ASCII_SHAPE, _ASCII_SKIP).decode())
    return frozenset(_DIGITS.sub("0", _SHAPE_SKIP.sub("", line)))


# What `shape` does to each ASCII character: dropped (_SHAPE_SKIP), a digit read as 0 (a run of
# digits is one 0 there, several here: the set is the same), or kept. As bytes.translate
# tables: a lookup in C per character (str.translate asks a dictionary for each).
_ASCII_SKIP = bytes(c for c in range(128) if _SHAPE_SKIP.fullmatch(chr(c)))
_ASCII_SHAPE = bytes(ord("0") if c < 128 and _DIGITS.fullmatch(chr(c)) else c for c in range(256))


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    common = len(a & b)
    return common >= 2 and common >= LIST_SIMILAR * len(a | b)


_NUMBERED = regex.compile(r"^\s*(\d{1,3})[.)]\s")


def _number(line: str) -> int | None:
    m = _NUMBERED.match(line)
    return int(m.group(1)) if m else None


class _Items:
    """`list_items` of some lines, each worked out on first use (``items[k]``) from the lines at
    most two away: a caller that stops at its first non-item reads only the lines around it."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self.n = len(texts)
        self._shapes: dict[int, frozenset[str]] = {}
        self._numbers: dict[int, int | None] = {}

    def _shape(self, k: int) -> frozenset[str]:
        got = self._shapes.get(k)
        if got is None:
            got = self._shapes[k] = shape(self.texts[k])
        return got

    def _number(self, k: int) -> int | None:
        if k in self._numbers:
            return self._numbers[k]
        got = self._numbers[k] = _number(self.texts[k])
        return got

    def __getitem__(self, k: int) -> bool:
        sk, nk = self._shape(k), self._number(k)
        if len(sk) < 2 and nk is None:
            return False  # _alike needs two shared marks, a number needs a number
        for d in (-2, -1, 1, 2):
            if not 0 <= k + d < self.n:
                continue
            if _alike(sk, self._shape(k + d)):
                return True
            if nk is not None and self._number(k + d) == nk + (1 if d > 0 else -1):
                return True
        return False


def list_items(texts: Sequence[str]) -> list[bool]:
    """Which of these non-blank lines are list items: shaped like a line at most two away
    (items, or items alternating with their links), or numbered one up or down from it."""
    items = _Items(texts)
    return [items[k] for k in range(len(texts))]


def list_after(texts: Sequence[str], words: Sequence[int], para: Sequence[bool], end: int) -> int:
    """The end of a list (``list_items``, four or more, not mostly "Politics (12)" counts) that
    directly follows the main block ``[.., end)`` after at most one heading line, or ``end``
    when there is none. (``words`` are the lines' word counts: a blank line has none.)"""
    return _list_beside(texts, words, para, end, 1)


LIST_FIRST_LINES = 16  # non-blank lines read first: the list next to a block usually ends in them


def _list_beside(texts: Sequence[str], words: Sequence[int], para: Sequence[bool], edge: int, step: int) -> int:
    """`list_after` going down from line ``edge`` (``step`` 1), or up from line ``edge - 1``
    (``step`` -1: the list before a block ``[edge, ..)``, read backwards): the new edge.

    The first `LIST_FIRST_LINES` non-blank lines are read, and the rest only when the list
    reaches within two lines of their end (an item is told from the lines two away)."""
    span = (range(edge, min(len(texts), edge + LIST_MAX_LINES)) if step > 0
            else range(edge - 1, max(edge - 1 - LIST_MAX_LINES, -1), -1))
    rest = compress(span, map(words.__getitem__, span))
    idx = list(islice(rest, LIST_FIRST_LINES))
    while True:
        items = _Items([texts[i] for i in idx])  # read up to the first line that is no item
        n = len(idx)
        start = 0
        if n > 1 and not items[0] and words[idx[0]] <= LIST_HEADING_WORDS and not para[idx[0]]:
            start = 1  # a heading for the list ("Tour dates", "Qualified teams")
        k = start
        while k < n and items[k]:
            k += 1
        if k + 2 < n or n < LIST_FIRST_LINES:
            break
        more = list(rest)
        if not more:
            break
        idx += more
    if k - start < LIST_MIN_ITEMS or sum(1 for i in idx[start:k] if _COUNTED.match(texts[i])) * 2 >= k - start:
        return edge  # "Dezembro (111)", "Politics (12)": an archive or category widget
    return idx[k - 1] + 1 if step > 0 else idx[k - 1]


def _grow(texts: Sequence[str], words: Sequence[int], para: Sequence[bool], edge: int, step: int) -> int:
    while (new := _list_beside(texts, words, para, edge, step)) != edge:
        edge = new
    return edge


def grow_block(texts: Sequence[str], words: Sequence[int], para: Sequence[bool],
               bs: int, be: int) -> tuple[int, int]:
    """The main block ``[bs, be)`` grown over the lists right before or after it (``list_after``)."""
    return _grow(texts, words, para, bs, -1), _grow(texts, words, para, be, 1)


GAP_LINES = 5
TITLE_MIN_WORDS = 4
ANCHOR_NEAR = 10  # non-blank lines between the headline and its article (byline, date, caption)
ANCHOR_SHARE = 0.2  # of the whole page's best block score
# "Headline - Site name": the page title's last " - ", " | " or " – " part names the site.
_SITE_SUFFIX = regex.compile(r"\s+[|–—-]\s+(?!.*\s[|–—-]\s)")


_ASCII_NOT_ALNUM = "".join(chr(c) for c in range(128) if not chr(c).isalnum())


def title_anchor(texts: Sequence[str]) -> int | None:
    """The line that repeats the page title (a whole page's first line, less its " | Site"
    part) as the article's headline; the article starts after it. None when there is none.

    (A blank line after the first is read like any other: it folds to nothing, and the key is
    four words or more.)"""
    first = next((i for i, t in enumerate(texts) if t.strip()), None)
    if first is None:
        return None
    title = texts[first]
    m = _SITE_SUFFIX.search(title)
    key = fold(title[: m.start()] if m else title)
    if len(key.split()) < TITLE_MIN_WORDS:
        return None
    n = len(key.split())
    first_word = key.split()[0]
    k = len(first_word)
    for i in range(first + 1, len(texts)):
        t = texts[i]
        # An ASCII line folds to its runs of letters and digits, lower-cased: the first is the key's.
        if t.isascii() and t.lstrip(_ASCII_NOT_ALNUM)[:k].lower() != first_word:
            continue
        if len(t.split()) <= n + 5 and fold(t).startswith(key):
            return i
    return None


def split_at_gaps(texts: Sequence[str], words: Sequence[int], para: Sequence[bool],
                  scores: Sequence[float], bs: int, be: int) -> tuple[int, int]:
    """The first part of the block ``[bs, be)`` that scores above zero, when runs of five or more
    short lines in a row (a tag list, a menu: no list items, no bullets, no lead-in ending in
    ":") cut it. Called when the block starts under the page's headline: the article comes
    first, then the menus and the teaser cards, which score above zero too."""
    idx = list(compress(range(bs, be), words[bs:be]))  # the non-blank lines
    items = _Items([texts[i] for i in idx])  # read for the short lines only
    cuts: list[tuple[int, int]] = []
    k = 0
    while k < len(idx):
        m = k
        while m < len(idx) and 0 < words[idx[m]] <= SHORT_WORDS and not para[idx[m]] and not items[m]:
            m += 1
        # "Ingredients:" (the line before the run or its first line) announces a list
        if (m - k >= GAP_LINES and not any(texts[idx[j]].rstrip().endswith(":") for j in range(max(k - 1, 0), k + 1))
                and not any(_bullet(texts[idx[j]]) for j in range(k, m))):
            cuts.append((idx[k], idx[m - 1] + 1))
        k = max(m, k + 1)
    if not cuts:
        return bs, be
    pieces, start = [], bs
    for a, b in cuts:
        pieces.append((start, a))
        start = b
    pieces.append((start, be))
    return next(((a, b) for a, b in pieces if sum(scores[a:b]) > 0), (bs, be))


def main_block(scores: Sequence[float]) -> tuple[int, int, float]:
    """The maximum-sum run of lines ``[start, end)`` and its sum (0-length when all <= 0)."""
    best, bs, be = 0.0, 0, 0
    cur, s = 0.0, 0
    for i, x in enumerate(scores):
        if cur <= 0:
            cur, s = 0.0, i
        cur += x
        if cur > best:
            best, bs, be = cur, s, i + 1
    return bs, be, best


class StructureStage:
    """Detectors over runs of lines; each detector is enabled by its rule being loaded."""

    name = "structure"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._menu = _rule(self.rules, "menu-run")
        self._teasers = _rule(self.rules, "teaser-list")
        self._outside = _rule(self.rules, "outside-block")
        self._comments = _rule(self.rules, "comment-section")
        self._links = _rule(self.rules, "link-line")
        self._standfirst = _rule(self.rules, "standfirst")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        lines, words, paragraph = line_facts(text)
        if not lines:
            return []
        n = len(lines)
        texts = lines.texts
        # (`is_prose` asked only of the paragraphs long enough to be a tag cloud; `line_score` only
        # where the flags and the word count leave doubt)
        para = list(paragraph)
        for i in [i for i, w in enumerate(words) if w >= UNPUNCTUATED_WORDS and paragraph[i]]:
            para[i] = is_prose(texts[i], words[i], True)
        zones = find_zones(para)
        removed: dict[int, tuple[Rule, str]] = {}
        if True not in para:
            return []  # no article found: nothing to measure the structure against

        if self._comments:
            cut = comment_section(text, lines, words, para)
            if cut is not None:
                _remove(removed, compress(range(cut, n), words[cut:]),
                        (self._comments, f"comment section from line {cut + 1}"))

        # (no whole page without a dozen short lines: then the main block goes unused)
        if self._outside and len(short := _short_lines(words)) >= PAGE_MIN_SHORT:
            # (a longer line that is no paragraph scores by its words unless it ends like a sentence)
            scores = [float(w - PARA_OFFSET) if p else _SHORT_SCORES[w] if w < 6
                      else line_score(t, w, p) if t.rstrip()[-1:] in _END_CHARS else -0.5 * w
                      for t, w, p in zip(texts, words, para, strict=True)]
            bs, be, best = main_block(scores)
            # The headline is looked for only when it can matter: a page that is no whole page even
            # when anchored (the weaker test) is none either way, and then the anchor goes unused.
            anchor, whole = None, False
            if best > 0 and _whole_page(short, zones, bs, be, True):
                anchor = title_anchor(texts)
                whole = anchor is not None or _whole_page(short, zones, bs, be, False)
            if whole:
                if anchor is not None and bs <= anchor:
                    a_bs, a_be, a_best = main_block(scores[anchor + 1 :])
                    a_bs, a_be = anchor + 1 + a_bs, anchor + 1 + a_be
                    # the headline's article starts right under it and is no mere footer
                    near = sum(1 for i in range(anchor + 1, a_bs) if texts[i].strip()) <= ANCHOR_NEAR
                    if a_best >= ANCHOR_SHARE * best and near:
                        bs, be = a_bs, a_be
                if anchor is not None and anchor < bs:  # the block starts under the headline
                    bs, be = split_at_gaps(texts, words, para, scores, bs, be)
                bs, be = grow_block(texts, words, para, bs, be)
                _remove(removed, [*compress(range(bs), words[:bs]), *compress(range(be, n), words[be:])],
                        (self._outside, f"outside the main block (lines {bs + 1}-{be})"))

        if self._standfirst:
            d = standfirst(texts, words, para)
            if d is not None:
                removed.setdefault(d, (self._standfirst, "standfirst under the headline"))

        links: set[int] = set()
        if self._links and zones.tail_start < n:
            links = set(link_lines(texts, zones.tail_start))
            for k in links:
                removed.setdefault(k, (self._links, "bare link after the article"))

        if self._menu:
            for lo, hi in ((0, zones.body_start), (zones.tail_start, n)):  # head, tail
                ids = list(filterfalse(links.__contains__, compress(range(lo, hi), words[lo:hi])))
                for run in _short_runs(texts, words, ids, removed):
                    if len(run) >= MENU_MIN_RUN and not _list_continues(lines, run) and not _is_table(lines, run):
                        why = (self._menu, f"run of {len(run)} short lines")
                        for k in run:
                            removed.setdefault(k, why)
        if self._teasers:
            for run in teaser_lists(text, texts, words, para):
                for k in run:
                    removed.setdefault(k, (self._teasers, f"list of {len(run)} teaser headlines"))
        return _group_edits(lines, words, removed)


def _remove(removed: dict[int, tuple[Rule, str]], ids: Iterable[int], why: tuple[Rule, str]) -> None:
    """``removed.setdefault(i, why)`` for each of ``ids``, in C: a whole page removes thousands.
    (The order of ``removed`` goes unread: nothing taken yet, the ids go in as they come.)"""
    removed.update(dict.fromkeys(set(ids).difference(removed) if removed else ids, why))


def _short_runs(texts: Sequence[str], words: Sequence[int], ids: Sequence[int],
                done: Container[int]) -> list[list[int]]:
    """The runs of short lines (`is_short`) in a row among the lines ``ids`` (blank lines and
    links left out) that hold a line not in ``done``: a run whose lines all went already changes
    nothing. Each is found from such a line outwards, so on a whole page, where nearly every
    line around the article went, few lines are read."""

    def short(k: int) -> bool:
        i = ids[k]
        return 0 < words[i] <= MENU_MAX_WORDS and texts[i].rstrip()[-1:] not in _END_CHARS

    runs: list[list[int]] = []
    end = 0  # the runs found end before this
    for k in compress(range(len(ids)), map(not_, map(done.__contains__, ids))):
        if k < end or not short(k):
            continue
        a = k
        while a > end and short(a - 1):
            a -= 1
        end = k + 1
        while end < len(ids) and short(end):
            end += 1
        runs.append(list(ids[a:end]))
    return runs


def _group_edits(lines: Sequence[Line], words: Sequence[int], removed: dict[int, tuple[Rule, str]]) -> list[Edit]:
    """One edit per run of removed lines with the same rule (blank lines inside the run go too),
    so a removed menu leaves no blank lines behind; a run that ends the text also takes the
    blank lines before it.

    A removed line is never blank: the runs are those of the non-blank lines in a row that are
    removed by one rule. Each line's (rule, note) is looked up in C, and the rules are compared
    only where that pair changes (a detector gives a whole run one pair, mostly)."""
    if not removed:
        return []
    n = len(lines)
    kept = list(compress(range(n), words))  # the non-blank lines
    whys = list(map(removed.get, kept))
    cuts = [k for k in compress(range(1, len(kept)), map(is_not, whys[1:], whys))
            if whys[k] is None or whys[k - 1] is None or whys[k][0].id != whys[k - 1][0].id]
    out: list[Edit] = []
    for a, b in zip([0, *cuts], [*cuts, len(kept)], strict=True):
        if whys[a] is None:
            continue  # a run of lines that stay
        i, j = kept[a], kept[b - 1]
        rule, note = whys[a]
        start, stop = removal_span(lines, i)
        stop = max(stop, lines[j].stop)
        if i == 0 or not words[i - 1]:  # the run starts a paragraph: take the blanks after it
            m = j + 1
            while m < n and not words[m]:
                stop = lines[m].stop
                m += 1
        if b == len(kept):  # only blank lines after it
            stop = lines[n - 1].stop
            k = i
            while k > 0 and not words[k - 1]:
                k -= 1
            if k > 0:
                start = lines[k].start
        out.append(Edit(rule.id, start, stop, "", rule.safety, note))  # type: ignore[arg-type]
    return out

__all__ = ["StructureStage", "grow_block", "is_prose", "is_short", "is_whole_page", "line_score", "link_lines", "list_after", "list_items", "main_block", "standfirst", "teaser_lists", "title_anchor"]
_ = Line  # re-exported type for callers that build lines themselves
