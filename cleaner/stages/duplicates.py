"""The duplicates stage: a line the same document already said.

Scrapers repeat headlines, leads and captions. Five rules, all comparing folded lines:
``duplicates.repeated-line`` (the same line again: the repeat goes), ``duplicates.caption-repeat``
(a caption whose words a later, longer paragraph starts with, give or take a photo credit: the
caption goes, the paragraph stays), ``duplicates.near-repeat`` (a headline or lead repeated
with small differences in the head of the document: the repeat goes), ``duplicates.title-line``
(the record's own ``title`` field printed again as the text's headline: the line goes, the field
stays) and ``duplicates.url-headline`` (a headline before the article whose words are, for the
most part, the words of the record's URL slug, which names the page: the line goes).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import ge, ne
from urllib.parse import unquote, urlsplit

import regex

from cleaner.document import Edit
from cleaner.normalize import fold
from cleaner.ruleset import Rule, find_rule
from cleaner.stages.base import Context, line_facts, removal_span
from cleaner.zones import find_zones

MIN_WORDS = 3
MIN_CHARS = 20
CAPTION_KEY = 8
MAX_CREDIT_WORDS = 6
NEAR = 0.85
STRUCTURED_REPEATS = 3
SLUG_MIN_WORDS = 3  # a slug, and a headline, of fewer words says too little
SLUG_SHARE = 0.6  # of the line's words in the slug, and of the slug's words in the line
_HEAD = 2 * CAPTION_KEY - 1  # the shortest CAPTION_KEY words of a folded line: one letter each
# "— Jane Doe (@janedoe) October 9, 2018": the signature of an embedded tweet. Two tweets of one
# account on one day sign alike; each signature belongs to its own tweet.
_TWEET_SIGNATURE = regex.compile(r"^\s*[—–-]\s*.{1,80}\(@\w{1,30}\)\s+\p{L}+\.?\s+\d{1,2},\s+\d{4}\s*$")


def _eligible(folded: str, spaces: int) -> bool:
    """Long enough to count as a repeat: MIN_WORDS words or MIN_CHARS characters, folded."""
    return bool(folded) and (spaces >= MIN_WORDS - 1 or len(folded) >= MIN_CHARS)


def slug_words(url: object) -> frozenset[str]:
    """The folded words of a URL's slug: the path segment with the most words
    (``/news/article/Cat-found-in-New-Mexico-14848175.php``: cat found in new mexico ...)."""
    return _slug_words(url) if isinstance(url, str) and url else frozenset()


@lru_cache(maxsize=4096)  # (every round, and every page of a site's section, asks again)
def _slug_words(url: str) -> frozenset[str]:
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return frozenset()
    best: list[str] = []
    for segment in path.split("/"):
        words = fold(segment.rsplit(".", 1)[0] if "." in segment[-6:] else segment).split()
        words = [w for w in words if not w.isdigit()]  # (an article id is no word of the title)
        if len(words) > len(best):
            best = words
    return frozenset(best)


def _names_slug(words: list[str], slug: frozenset[str]) -> bool:
    """Are most of the line's words in the slug, and most of the slug's words in the line?"""
    if len(words) < SLUG_MIN_WORDS or len(slug) < SLUG_MIN_WORDS:
        return False
    inside = sum(w in slug for w in words)
    return inside >= SLUG_SHARE * len(words) and len(slug.intersection(words)) >= SLUG_SHARE * len(slug)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


class DuplicatesStage:
    name = "duplicates"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._repeat = find_rule(self.rules, "duplicates.repeated-line")
        self._caption = find_rule(self.rules, "duplicates.caption-repeat")
        self._near = find_rule(self.rules, "duplicates.near-repeat")
        self._title = find_rule(self.rules, "duplicates.title-line")
        self._url_headline = find_rule(self.rules, "duplicates.url-headline")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        lines, _, paragraph = line_facts(text)
        folded = list(map(fold, lines.texts))
        # A folded line is words joined by single spaces: it has one word more than spaces (none
        # when empty). Counting spaces in C spares splitting every line into words.
        spaces = list(map(str.count, folded, repeat(" ")))
        n = len(lines)
        removed: dict[int, Rule] = {}
        zones = find_zones(paragraph)
        # The first line of each folding (built backwards, so the earliest wins), and the lines
        # that fold like an earlier one, found with C loops: most lines repeat none.
        first = dict(zip(reversed(folded), range(n - 1, -1, -1), strict=True))
        later = compress(range(n), map(ne, map(first.__getitem__, folded), range(n)))
        repeats = [(i, first[folded[i]]) for i in later if _eligible(folded[i], spaces[i])]
        # A document that repeats three or more distinct lines after its article started repeats
        # a structure (meal plans, schedules, recipe variants), not a page template.
        structured = len({folded[i] for i, j in repeats if j >= zones.body_start}) >= STRUCTURED_REPEATS
        if self._repeat:
            # Short lines repeated inside the body are lists and recipes; only a repeated
            # paragraph, or a repeat that sits in the head or tail, is a duplicate.
            for i, j in repeats:
                if _TWEET_SIGNATURE.match(lines[i].text):
                    continue
                question = lines[i].text.rstrip().endswith("?")  # interview templates repeat questions
                if structured and j >= zones.body_start:
                    continue
                if (paragraph[i] and not question) or zones.zone(i) != "body" or zones.zone(j) != "body":
                    removed[i] = self._repeat
        if self._caption:
            # Lines with the same first CAPTION_KEY words share their first _HEAD characters, so
            # only lines that share those are split into words. The groups come out in another
            # order, which changes nothing: two groups have no line in common.
            by_head: dict[str, list[int]] = {}
            for i in compress(range(n), map(ge, spaces, repeat(CAPTION_KEY - 1))):  # CAPTION_KEY words or more
                if i not in removed:
                    by_head.setdefault(folded[i][:_HEAD], []).append(i)
            by_key: dict[str, list[int]] = {}
            for i in chain.from_iterable(g for g in by_head.values() if len(g) > 1):
                by_key.setdefault(" ".join(folded[i].split(None, CAPTION_KEY)[:CAPTION_KEY]), []).append(i)
            for group in by_key.values():
                for a_pos, a in enumerate(group):
                    for b in group[a_pos + 1 :]:
                        if a in removed or b in removed or (structured and a >= zones.body_start):
                            continue
                        ta, tb = folded[a].split(), folded[b].split()
                        common = 0
                        while common < min(len(ta), len(tb)) and ta[common] == tb[common]:
                            common += 1
                        if len(tb) > common and len(ta) - common <= MAX_CREDIT_WORDS and len(tb) > len(ta):
                            removed[a] = self._caption
        if self._near:
            limit = min(len(lines), zones.body_start + 1)
            earlier: list[set[str]] = []
            for i in range(limit):
                if i in removed or spaces[i] < 3:  # fewer than four words
                    continue
                s = set(folded[i].split())
                if any(_jaccard(s, e) >= NEAR for e in earlier):
                    removed[i] = self._near
                else:
                    earlier.append(s)
        if self._title:
            title = ctx.meta.get("title") if ctx.meta else None
            key = fold(title) if isinstance(title, str) else ""
            if _eligible(key, key.count(" ")):
                for i in range(zones.body_start):  # the head: a headline, not a line the article quotes
                    if folded[i] == key and i not in removed:
                        removed[i] = self._title
        if self._url_headline and zones.body_start:
            slug = slug_words(ctx.meta.get("url") if ctx.meta else None)
            if slug:
                for i in range(zones.body_start):
                    if i not in removed and _names_slug(folded[i].split(), slug):
                        removed[i] = self._url_headline
        return [
            Edit(r.id, *removal_span(lines, i), "", r.safety)  # type: ignore[arg-type]
            for i, r in sorted(removed.items())
        ]
