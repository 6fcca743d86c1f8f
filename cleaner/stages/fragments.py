"""The ``fragments`` stage: cut broken machine-translation fragments, keep the good text.

Rules are data (``rules/fragments/<lang>.toml``); each names one of the detectors below, which
reads its word lists and limits from ``Rule.extra``. Every edit is a pure deletion (the
replacement is always ""), so the output is the input with spans removed.

Detectors
  capital-function-word  "... Rahmon said The current state ..." -> cut the garbled rest
  orphan-token           "... via video link. 19th" -> cut the lone token
  doubled-word           "by the the heads" -> cut the repeat
  cut-off-repeat         a sentence cut off mid-way that another line carries whole -> cut it
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, count, repeat
from operator import and_, ge, gt, itemgetter, not_, or_
from pathlib import Path
from string import ascii_lowercase, ascii_uppercase
from typing import Any, ClassVar

import regex
from ahocorasick_rs import AhoCorasick, Implementation

from cleaner.document import Edit, apply_edits, compose, merge_overlapping
from cleaner.normalize import fold
from cleaner.paths import rules_dir
from cleaner.prefilter import _probe_range
from cleaner.ruleset import Rule, RuleSet
from cleaner.sentences import is_abbreviation, sentence_spans
from cleaner.stages.base import Context, Line, Lines, line_starts, positions

_CLOSERS = "\"'”’»)]"
_TERMINAL = ".!?…"
_TERMINALS = tuple(_TERMINAL)
_TRAILS = ("…", "...")  # a teaser cut short says so: "… phase out all remaining imp…"
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’-]*")
# Lines that look like code or tables: never prose.
_CODE = regex.compile(r"[{}<>]|=>|\(\);|`|\t|\s\|\s|^\s{4}|[;=]\s*$")

# Punctuation and spaces outside ASCII that `fold` reads as a word break wherever they stand:
# not Cf, no letter, digit or mark in their NFKD or NFKC form (… is three periods). A line whose
# only non-ASCII characters are these folds, whole or in part, as ASCII with spaces for them.
FOLDS_TO_SPACE = "\u00a0‘’“”«»–—…"
_NON_PLAIN = re.compile(rf"[^\x00-\x7f{FOLDS_TO_SPACE}]")
# Characters that make the fold of a line more than the folds of its characters put together,
# by whole blocks: those that decompose (NFKD, case-folded) to a letter `fold` may read as a
# Latin one (its Greek and Cyrillic lookalikes, decided line by line), or to a Hangul jamo
# (joined to syllables by NFKC). A line without them folds character by character, so the fold
# of any part of it is in the line's fold. (A test checks every character outside the blocks.)
_TANGLING = re.compile(
    "[\u0261\u0370-\u052f\u1100-\u11ff\u1c80-\u1c8f\u1d00-\u1dbf\u1f00-\u1fff\u2de0-\u2dff"
    "\u3130-\u318f\u3200-\u32ff\ua640-\ua69f\ua720-\ua7ff\ua960-\ua97f\uac00-\ud7ff\uffa0-\uffdf"
    "\U0001d400-\U0001d7ff]"
)


# --------------------------------------------------------------------------------------------
# Helpers


@dataclass(frozen=True, slots=True)
class _Sent:
    """One sentence of a line, as offsets into the whole text."""

    start: int
    end: int


def _sentences(line: Line) -> list[_Sent]:
    return [_Sent(line.start + s, line.start + e) for s, e in sentence_spans(line.text)]


class _Lines(Lines):
    """`Lines` with the folds the detectors look for phrases in, each made on first use."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._text = text

    @cached_property
    def folds(self) -> list[str]:
        """`fold` of every line: the stage before (duplicates) folded the same lines, so the
        cache of `fold` has them."""
        return list(map(fold, self.texts))

    @cached_property
    def folded(self) -> str:
        """The folds, one a line."""
        return "\n".join(self.folds)

    @cached_property
    def fold_starts(self) -> list[int]:
        """Where each line's fold starts in `folded`."""
        return line_starts(self.folds)

    @cached_property
    def odd(self) -> frozenset[int]:
        """Indices of the lines that are not plain: not ASCII but for `FOLDS_TO_SPACE`. (The
        lines that are ASCII are known by a flag, `str.isascii`; only the others are read.)"""
        if self._text.isascii():
            return frozenset()
        texts = self.texts
        return frozenset(k for k in compress(count(), map(not_, map(str.isascii, texts))) if _NON_PLAIN.search(texts[k]))

    @cached_property
    def tangled(self) -> frozenset[int]:
        """Indices of the odd lines that hold a `_TANGLING` character: the lines whose fold
        may lack the fold of a part of them."""
        return frozenset(k for k in self.odd if _TANGLING.search(self.texts[k]))



class _LazySentences(Sequence[list[_Sent]]):
    """Sentences per line, split on first use: most lines never need them."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        self._done: list[list[_Sent] | None] = [None] * len(lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        got = self._done[i]
        if got is None:
            got = self._done[i] = _sentences(self._lines[i])
        return got

    def __iter__(self):  # type: ignore[no-untyped-def]
        for i in range(len(self._lines)):
            yield self[i]


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _ends_sentence(s: str) -> bool:
    return s.rstrip().rstrip(_CLOSERS).endswith(_TERMINALS)


def _terminal_start(text: str, sent: _Sent) -> int:
    """Offset where the sentence's closing punctuation (and closing quotes) begin."""
    j = sent.end
    while j > sent.start and text[j - 1] in _CLOSERS:
        j -= 1
    k = j
    while k > sent.start and text[k - 1] in _TERMINAL:
        k -= 1
    return k if k < j else sent.end


def _is_prose(line: str, min_words: int, max_title_share: float) -> bool:
    words = _words(line)
    if len(words) < min_words or _CODE.search(line):
        return False
    alpha = [w for w in words if w[0].isalpha()]
    if not alpha:
        return False
    caps = sum(1 for w in alpha if w[0].isupper())
    return caps / len(alpha) < max_title_share


def _remove_sentence(text: str, line: Line, sents: list[_Sent], i: int) -> tuple[int, int]:
    """Span removing sentence ``i`` of a line with the whitespace that separated it."""
    s = sents[i]
    if len(sents) == 1:
        return _remove_line(text, line)
    if i + 1 < len(sents):
        return s.start, sents[i + 1].start
    return sents[i - 1].end, line.end


def _remove_line(text: str, line: Line) -> tuple[int, int]:
    """Span removing a whole line with its break and the blank lines after it (or, for the
    last line, the line breaks before it)."""
    end = line.stop
    while end < len(text):
        nl = text.find("\n", end)
        if nl < 0 or text[end:nl].strip():
            break
        end = nl + 1
    if line.stop == len(text):
        start = line.start
        while start > 0 and text[start - 1] in " \t\n":
            start -= 1
        return start, line.stop
    return line.start, end


_PER_RULE: dict[tuple[int, str], tuple[Rule, Any]] = {}


def _per_rule(rule: Rule, key: str, make: Callable[[], Any]) -> Any:
    """``make()``, made once per rule object and key: a rule's word lists and limits do not
    change, and hashing them (tuples of many words) on every document costs more than a look
    up by identity. The rule is kept with its value, so its id cannot be reused meanwhile."""
    got = _PER_RULE.get((id(rule), key))
    if got is None or got[0] is not rule:
        if len(_PER_RULE) > 1024:  # rules of many cleaners in one process: start over
            _PER_RULE.clear()
        got = _PER_RULE[(id(rule), key)] = (rule, make())
    return got[1]


def _words_set(rule: Rule, key: str) -> frozenset[str]:
    return _per_rule(rule, key, lambda: _casefolded(tuple(rule.extra.get(key, ()))))


def _sorted_words(rule: Rule, *keys: str) -> tuple[str, ...]:
    """The casefolded words of these lists of the rule, sorted: the key of its pattern caches."""
    return _per_rule(rule, "sorted:" + ",".join(keys),
                     lambda: tuple(sorted(frozenset().union(*(_words_set(rule, k) for k in keys)))))


@lru_cache(maxsize=256)
def _casefolded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _alt(words: Iterable[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------------------------
# Detectors: (rule, text, lines, sentences per line) -> edits

Detector = Callable[[Rule, str, _Lines, Sequence[list[_Sent]]], list[Edit]]


@lru_cache(maxsize=64)
def _capital_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    """A word, a listed word capitalized, a lower-case word. The word before may be in any case
    (a name or an acronym too, "Reuters", "TASS", "l'AFP"): `capital_function_word` decides."""
    caps = [w[:1].upper() + w[1:] for w in words]
    return regex.compile(
        r"(?<![\p{L}\p{N}.@/#_&'’-])(?P<prev>\p{L}[\p{L}'’-]*) (?P<cap>" + _alt(caps) + r")"
        r" (?P<next>\p{Ll}[\p{Ll}'’-]*)(?=[\s,.;:!?…]|$)"
    )


def _names_speaker(
    clause: str, verbs: frozenset[str], articles: frozenset[str], most: int, links: frozenset[str] = frozenset()
) -> bool:
    """``said Rahmon``, ``sagte der Präsident``, ``according to TASS``, ``selon l'AFP``,
    ``dijo el presidente Emomali Rahmon``: a reporting verb followed by a name (capitalized
    words, with articles, an elided article glued to the name, the ``links`` words such as the
    "to" of "according to", and at most two other lower-case words such as a title)."""
    words = _words(clause)[-(most + 1) :]
    for i in range(len(words) - 1, -1, -1):  # the last verb: "según informó la agencia EFE"
        if words[i].casefold() in verbs:
            rest = [_unelided(r, articles) for r in words[i + 1 :]]
            if not rest or not rest[-1][0].isupper():
                return False
            other = [r for r in rest if not r[0].isupper() and r.casefold() not in articles and r.casefold() not in links]
            return len(other) <= 2
    return False


def _unelided(word: str, articles: frozenset[str]) -> str:
    """``l'AFP`` -> ``AFP``: the word without an elided article glued to it."""
    head, mark, tail = word.replace("’", "'").partition("'")
    return tail if mark and tail and head.casefold() in articles else word


def capital_function_word(
    rule: Rule, text: str, lines: _Lines, sents: Sequence[list[_Sent]]
) -> list[Edit]:
    ex = rule.extra
    words, any_case = _sorted_words(rule, "words", "after_verb_words"), bool(ex.get("prev_any_case", False))
    found = _lines_at(_capital_spaces(text, words), lines)
    if not found:  # (most texts: the rest of the rule is not even looked up)
        return []
    verb_only = _words_set(rule, "after_verb_words")
    pat = _capital_pattern(words)
    capitalized_before = _words_set(rule, "capitalized_before")
    links = _words_set(rule, "speaker_links")
    verbs = _words_set(rule, "reporting_verbs")
    dangling = _words_set(rule, "dangling")
    title_words = _words_set(rule, "title_words")
    articles = _words_set(rule, "articles")
    max_clause = int(ex.get("max_clause_words", 5))
    min_words = int(ex.get("min_line_words", 8))
    max_share = float(ex.get("max_title_share", 0.45))
    out: list[Edit] = []
    for k in found:
        line = lines[k]
        prose: bool | None = None  # asked only when the pattern matches (most lines: never)
        done_until = -1
        for m in pat.finditer(line.text):
            if prose is None:
                prose = _is_prose(line.text, min_words, max_share)
            if not prose:
                break
            ss = sents[k]
            cap = line.start + m.start("cap")
            if cap < done_until:
                continue
            prev = regex.split(r"['’]", m.group("prev").casefold())[-1] or m.group("prev").casefold()
            if prev in title_words or (m.group("cap").casefold() in verb_only and prev not in verbs):
                continue
            if _stranded(line.text[: m.start("prev")].rstrip(" ")):
                continue  # ". and The ...", ". per cent It ...": orphans (orphan-token), not a clause
            idx = next((k for k, s in enumerate(ss) if s.start <= cap < s.end), None)
            if idx is None:
                continue
            sent = ss[idx]
            if _starts_over(text, sent.start, cap):  # "… contract for the The review of the contract for the …"
                done_until = cap
                out.append(Edit(rule.id, sent.start, cap, "", rule.safety,  # type: ignore[arg-type]
                                f"cut a cut-off copy of the sentence that starts over (at {m.group('cap')!r})"))
                continue
            stop = _terminal_start(text, sent)
            head = text[sent.start : cap]
            note_word = m.group("cap")
            comma = head.rfind(", ")
            clause = head[comma + 2 :] if comma >= 0 else head
            speaker = _names_speaker(clause, verbs, articles, max_clause, links)
            if not m.group("prev").islower() and not any_case and prev not in capitalized_before and not speaker:
                continue  # a capital word before it: a name or a title ("Ohio The ..."), unless a speaker's
            clause_words = [w.casefold() for w in _words(clause)]
            short_clause = (
                comma >= 0 and len(clause_words) <= max_clause and len(_words(head[:comma])) >= 3
            )
            if prev in dangling and short_clause:
                start, end, how = sent.start + comma, stop, "cut the broken clause from its comma"
            elif prev in dangling:
                start, end = _remove_sentence(text, line, ss, idx)
                how = "removed the sentence (no complete head to keep)"
            elif prev in verbs or speaker:
                start, end, how = cap - 1, stop, "cut the rest of the sentence after a reporting verb"
            elif comma < 0 and len(clause_words) < 5 and text[sent.start : cap].strip() and not verbs.intersection(clause_words):
                # A short head (no comma, under five words) before a whole sentence is the fragment.
                start, end, how = sent.start, cap, "cut the fragment before a spliced sentence"
            elif short_clause:
                start, end, how = sent.start + comma, stop, "cut the broken clause from its comma"
            else:
                start, end, how = cap - 1, stop, "cut the spliced fragment to the sentence end"
            done_until = end
            out.append(
                Edit(rule.id, start, end, "", rule.safety, f"{how} (at {note_word!r})")  # type: ignore[arg-type]
            )
    return out


def _stranded(before: str) -> bool:
    """Does ``before`` end with a sentence's end, or with one lower-case word after it? Then the
    word that follows it, and that one, stand after a sentence, not inside one."""
    if before.endswith(_TERMINALS):
        return not is_abbreviation(before, len(before))
    rest, _, word = before.rpartition(" ")
    rest = rest.rstrip(" ")
    return word.islower() and rest.endswith(_TERMINALS) and not is_abbreviation(rest, len(rest))


def _capital_spaces(text: str, words: tuple[str, ...]) -> list[int]:
    """The space before the capital word of every `_capital_pattern` match (and more), found
    by one Aho-Corasick pass for all the words: a space after a letter, ' or -, then a listed
    capital word, a space and a lower-case letter. Letters are widened to [a-zA-Z] and all of
    non-ASCII, lower-case ones to [a-z] and all of non-ASCII, so this holds whatever Unicode
    tables `regex` uses."""
    return [i for _, i, j in _capital_matcher(words).find_matches_as_indexes(text, overlapping=True)
            if i and j < len(text) and (text[i - 1] in _LETTERS_BEFORE or not text[i - 1].isascii())
            and (text[j] in ascii_lowercase or not text[j].isascii())]


_LETTERS_BEFORE = frozenset("'-" + ascii_lowercase + ascii_uppercase)


@lru_cache(maxsize=64)
def _capital_matcher(words: tuple[str, ...]) -> AhoCorasick:
    """Finds " Word " for each word, capitalized."""
    return AhoCorasick([f" {w[:1].upper()}{w[1:]} " for w in words], implementation=Implementation.DFA)


def _lines_at(positions: Iterable[int], lines: Sequence[Line]) -> list[int]:
    """Indices of the lines holding these offsets of the text, in order."""
    starts = lines.starts if isinstance(lines, _Lines) else [ln.start for ln in lines]
    return sorted({bisect_right(starts, p) - 1 for p in positions})


# A token pattern (of orphan-token) built only from literals, classes, groups, alternatives
# and greedy or lazy quantifiers: no anchor, lookaround, word boundary, atomic group or
# possessive quantifier, nothing whose truth depends on whether the text goes on after the
# line's end. So it matches at a place of a line alone iff it does, in the same way, there in
# the whole text.
_PLAIN_TOKEN = re.compile(
    r"(?:(?:[^\\\[\](){}^$*+?|]|\\[dDwWsS]|\\[pP]\{\w+\}|\\[^a-zA-Z0-9]|\[\^?(?:[^\\\]]|\\.)*\]"
    r"|\((?!\?)|\(\?:|\)|\|)(?:(?:[*+?]|\{\d+(?:,\d*)?\})\??)?)*"
)


@dataclass(frozen=True)
class _OrphanShapes:
    """The token shapes of an orphan-token rule: the regex parts (ordinal, number, lower-case
    word), the capital words one of which a mid-line ordinal, number or end word must stand
    before (``next_words``), the debris words (``debris_words``: function words, units, am/pm)
    and the capitalized words that are debris of a date (``end_words``: months, days)."""

    ordinal: str
    number: str
    word: str
    nexts: tuple[str, ...]
    debris: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()

    def _token(self) -> str:
        """What an orphan at a line's end is: up to three pieces (ordinals, numbers, debris and
        end words: ". on the 14th", ". 15 de"), or one lower-case word."""
        pieces = [f"(?:{p})" for p in (self.ordinal, self.number) if p]
        pieces += [f"(?:{_alt(ws)})" for ws in (self.debris, self.ends) if ws]
        parts = []
        if pieces:
            piece = "|".join(pieces)
            parts.append(f"(?:{piece})(?: (?:{piece})){{0,2}}")
        if self.word:
            parts.append(f"(?:{self.word})")
        return "|".join(parts) or "(?!)"

    def _mid(self) -> str:
        """What an orphan between two sentences is, with what must follow it: an ordinal, a
        number or an end word before a capital function word ("19th The leaders", "March The
        ministry"), or one or two debris words before any capitalized word ("and the Several")."""
        mid_token = "|".join(f"(?:{p})" for p in (self.ordinal, self.number, _alt(self.ends)) if p)
        caps = [w[:1].upper() + w[1:] for w in self.nexts]
        out = []
        if mid_token and caps:
            # (not one ending in a period: "… rise. 2. Die Renten …" numbers a list)
            out.append(f"(?:{mid_token})(?<!\\.)(?= (?:{_alt(caps)}) \\p{{L}})")
        if self.debris:  # right after one closing mark, no quote between: '"…?" and Smith said' and an
            # ellipsis that leaves words out of a quote ("we will ask... the International Court") stay
            debris = _alt(self.debris)
            out.append(f"(?<=(?<![.…])[.!?][ \\t]+)(?:{debris})(?: (?:{debris}))?(?= \\p{{Lu}}\\p{{Ll}})")
        return "|".join(out) or "(?!)"

    @cached_property
    def patterns(self) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
        at_end = regex.compile(
            r"(?<=[.!?…][\"'”’»)\]]*)(?P<cut>[ \t]+(?P<tok>" + self._token() + r"))[ \t]*$"
        )
        mid = regex.compile(r"(?<=[.!?…][\"'”’»)\]]*)(?P<cut>[ \t]+(?P<tok>" + self._mid() + r"))")
        return at_end, mid

    @cached_property
    def ordinal_before(self) -> regex.Pattern[str] | None:
        """An ordinal that ends with the period the patterns took for a sentence's end (German
        "am 25. September 2018"): then nothing after it is an orphan."""
        return regex.compile(r"(?<![\p{L}\p{N}])(?:" + self.ordinal + r")$") if self.ordinal.endswith(r"\.") else None

    @cached_property
    def trigger(self) -> regex.Pattern[str] | None:
        """What every match of `patterns` is, found in the whole text: the closing punctuation
        their lookbehind saw, consumed, then the same cut and token, and the line's end ($ at
        line breaks) or what the mid-line token needs after it. A match stays within its line,
        so each line with a match holds one; None unless every token part is `_PLAIN_TOKEN`
        (the word lists are literals)."""
        if not all(_PLAIN_TOKEN.fullmatch(p) for p in (self.ordinal, self.number, self.word)):
            return None
        return regex.compile(
            r"[.!?…][\"'”’»)\]]*[ \t]+(?:(?:" + self._token() + r")[ \t]*$|" + self._mid() + ")",
            regex.MULTILINE,
        )


@lru_cache(maxsize=64)
def _orphan_shapes(
    ordinal: str, number: str, word: str, nexts: tuple[str, ...], debris: tuple[str, ...], ends: tuple[str, ...]
) -> _OrphanShapes:
    return _OrphanShapes(ordinal, number, word, nexts, debris, ends)


def orphan_token(
    rule: Rule, text: str, lines: _Lines, sents: Sequence[list[_Sent]]
) -> list[Edit]:
    ex = rule.extra
    shapes = _orphan_shapes(str(ex.get("ordinal", "")), str(ex.get("number", "")), str(ex.get("word", "")),
                            _sorted_words(rule, "next_words"), _sorted_words(rule, "debris_words"),
                            _per_rule(rule, "end_words", lambda: tuple(sorted(ex.get("end_words", ())))))
    trigger = shapes.trigger
    if trigger is not None:  # (its matches stay within a line: one per line found is enough)
        lines = [lines[k] for k in _lines_at((m.start() for m in trigger.finditer(text)), lines)]
    if not lines:
        return []
    at_end, mid = shapes.patterns
    min_words = int(ex.get("min_sentence_words", 4))
    out: list[Edit] = []
    for line in lines:
        code: bool | None = None  # asked only when a pattern matches
        for pat in (mid, at_end):
            for m in pat.finditer(line.text):
                if code is None:
                    code = bool(_CODE.search(line.text))
                if code:
                    break
                before = line.text[: m.start("cut")]
                if is_abbreviation(line.text, m.start("cut")) or (
                        shapes.ordinal_before is not None and shapes.ordinal_before.search(before)):
                    continue
                spans = sentence_spans(before)
                if not spans or len(_words(before[spans[-1][0] :])) < min_words:
                    continue
                out.append(
                    Edit(rule.id, line.start + m.start("cut"), line.start + m.end("cut"), "",
                         rule.safety, f"orphan {m.group('tok')!r}")  # type: ignore[arg-type]
                )
    return out


def _plain_words(words: Iterable[str]) -> tuple[str, ...]:
    """The ASCII letters-and-digits words among these (those a pair of words is built from)."""
    return tuple(w for w in words if w.isascii() and w.isalnum())


@lru_cache(maxsize=64)
def _doubled_pattern(
    words: tuple[str, ...], pairs: tuple[str, ...] = (), pair_firsts: tuple[str, ...] | None = None
) -> regex.Pattern[str]:
    """A listed word, or a word of ``pair_firsts`` (default: the listed words) and one of
    ``pairs`` ("of the", "in the"), said again after spaces."""
    one = _alt(words)
    firsts, seconds = _plain_words(words if pair_firsts is None else pair_firsts), _plain_words(pairs)
    unit = f"(?:{_alt(firsts)}) (?:{_alt(seconds)})|{one}" if firsts and seconds else one
    return regex.compile(
        r"(?<![\p{L}\p{N}'’-])(?P<w>" + unit + r")(?P<rep>(?:[ ]+(?P=w))+)(?![\p{L}\p{N}'’-])",
        regex.IGNORECASE,
    )


# The characters of a plain line (`_Lines.odd`): a word with one that none of them matches,
# case aside, is never found in such a line.
_PLAIN_CHARS = "".join(map(chr, range(128))) + FOLDS_TO_SPACE


@lru_cache(maxsize=64)
def _doubled_keys(
    words: tuple[str, ...], pairs: tuple[str, ...] = (), pair_firsts: tuple[str, ...] | None = None
) -> tuple[tuple[str, ...], str] | None:
    """What a `_doubled_pattern` match is in the fold of its line: a word's fold twice, "w w"
    (for a pair "a b" said twice, "a b a"), and which lines are read whatever their folds hold:
    "odd", "tangled" or "none".

    The match is the word, spaces and the word again. In a plain line it is ASCII: its fold is
    the word in lower case twice, whole words there (the characters around it, none a letter,
    digit, ' ’ or -, fold to word breaks). In another line it may hold the non-ASCII characters
    that match ASCII letters, case aside (K, ſ, İ, ı), which fold to those letters; fold drops
    the marks and invisible characters around it and maps no Latin letter to another, so the
    two words are still there, maybe inside longer words. A word not of ASCII that no plain line
    can hold (one of its characters matches no character of such a line) is keyed too when
    `_fold_alike` gives its fold: then the tangled lines are read (their folds may lack it);
    else every odd line is. None: a word whose fold is not itself (ASCII other than letters and
    digits, or not ASCII but possible in a plain line): every line is read."""
    keys, read = [], "none"
    for w in words:
        if w.isascii():
            if not w.isalnum():
                return None
            keys.append(f"{w.lower()} {w.lower()}")
        elif all(c in _PLAIN_CHARS or regex.search(regex.escape(c), _PLAIN_CHARS, regex.IGNORECASE) for c in w):
            return None
        elif (f := _fold_alike(w)) and read != "odd":
            keys.append(f"{f} {f}")
            read = "tangled"
        else:
            read = "odd"
    firsts, seconds = _plain_words(words if pair_firsts is None else pair_firsts), _plain_words(pairs)
    if firsts and seconds:  # ("of the of the" folds to "of the of the", which holds "of the of")
        keys.extend(f"{a.lower()} {b.lower()} {a.lower()}" for a in firsts for b in seconds)
    return tuple(keys), read


def _fold_alike(word: str) -> str | None:
    """The fold of every text the word matches case aside, in a line that is not tangled (such a
    line folds character by character): when each of its characters is outside `_TANGLING` and
    folds to letters or digits, as does every character that the engine matches to it case
    aside (but those of `_TANGLING`, found only in tangled lines)."""
    folds = []
    for c in word:
        f = fold(c)
        if not f or " " in f or _TANGLING.match(c):
            return None
        alike = regex.findall(regex.escape(c), _probe_range(), flags=regex.IGNORECASE)
        if any(fold(a) != f for a in alike if not _TANGLING.match(a)):
            return None
        folds.append(f)
    return "".join(folds)


@lru_cache(maxsize=64)
def _keys_matcher(keys: tuple[str, ...]) -> AhoCorasick:
    """Finds every place of a text that holds one of these keys, overlapping places too: what
    `str.find` from each next offset finds for each key, in one pass of the text for all keys
    (ahocorasick_rs, the Rust aho-corasick crate, as a DFA: a third of the NFA's time on a
    thousand keys) rather than one per key."""
    return AhoCorasick(list(keys), implementation=Implementation.DFA)


def _doubled_lines(
    words: tuple[str, ...], lines: _Lines, pairs: tuple[str, ...] = (), pair_firsts: tuple[str, ...] | None = None
) -> Iterable[int]:
    """Indices of the lines where a listed word may follow itself after spaces (every
    `_doubled_pattern` match is in one): those whose fold holds a key of `_doubled_keys`, as
    whole words in a plain line."""
    got = _doubled_keys(words, pairs, pair_firsts)
    if got is None:
        return range(len(lines))
    keys, read = got
    folded, odd = lines.folded, lines.odd
    spots = []
    for _, i, j in _keys_matcher(keys).find_matches_as_indexes(folded, overlapping=True):
        whole = (i == 0 or folded[i - 1] in " \n") and (j == len(folded) or folded[j] in " \n")
        if whole or odd:
            spots.append((i, whole))
    found = set(odd) if read == "odd" else set(lines.tangled) if read == "tangled" else set()
    for i, whole in spots:
        k = bisect_right(lines.fold_starts, i) - 1
        if whole or k in odd:
            found.add(k)
    return sorted(found)


def doubled_word(
    rule: Rule, text: str, lines: _Lines, sents: Sequence[list[_Sent]]
) -> list[Edit]:
    words, pairs = _sorted_words(rule, "words"), _sorted_words(rule, "pair_words")
    firsts = _sorted_words(rule, "words", "pair_first_words")
    pat = _doubled_pattern(words, pairs, firsts)
    out: list[Edit] = []
    for k in _doubled_lines(words, lines, pairs, firsts):
        line = lines[k]
        code: bool | None = None  # asked only when the pattern matches
        for m in pat.finditer(line.text):
            if code is None:
                code = bool(_CODE.search(line.text))
            if code:
                break
            first, rep = m.group("w"), m.group("rep")
            if " " in first:  # two words: said again as they were ("Prime Minister Prime Minister")
                if first.isupper() or rep.split() != first.split() * (len(rep.split()) // 2):
                    continue
            elif rep != rep.lower() or not (first.islower() or first[1:].islower() or len(first) == 1):
                continue  # "The The" (a band), "THE THE" (shouting): leave them
            elif len(first) == 1 and first.isupper():
                continue
            out.append(
                Edit(rule.id, line.start + m.start("rep"), line.start + m.end("rep"), "",
                     rule.safety, f"doubled {first.casefold()!r}")  # type: ignore[arg-type]
            )
    return out


def cut_off_repeat(
    rule: Rule, text: str, lines: _Lines, sents: Sequence[list[_Sent]]
) -> list[Edit]:
    ex = rule.extra
    min_words = int(ex.get("min_words", 6))
    dangling = _words_set(rule, "dangling")
    return _started_over(rule, text, lines, min_words) + _cut_off_copies(rule, text, lines, sents, min_words, dangling)


def _started_over(rule: Rule, text: str, lines: _Lines, min_words: int) -> list[Edit]:
    """A line that starts over: its head, cut off mid-way, then the whole sentence ("Rescue
    teams were searching … buried part of the Rescue teams were searching … buried part of the
    village."), loses the cut-off head. The lines whose first characters come again later on
    the line are found by C loops; only those are read."""
    texts = lines.texts
    longer = list(compress(count(), map(ge, map(len, texts), repeat(2 * _MIN_RESTART + 1))))
    keys = map(itemgetter(slice(_MIN_RESTART)), map(texts.__getitem__, longer))
    again = list(map(str.find, map(texts.__getitem__, longer), keys, repeat(1)))
    out: list[Edit] = []
    for k, at in compress(zip(longer, again, strict=True), map(gt, again, repeat(0))):
        t = texts[k]
        if not t[:1].isupper():
            continue  # (a sentence starts the line; not a rule of dashes or spaces)
        while at > 0:
            if t[at - 1] == " " and t[at - 2 : at - 1].isalpha() and _starts_over(t, 0, at) and len(_words(t[:at])) >= min_words:
                start = lines.starts[k]
                out.append(Edit(rule.id, start, start + at, "", rule.safety,  # type: ignore[arg-type]
                                "cut-off start of the line, which then starts over"))
                break
            at = t.find(t[:_MIN_RESTART], at + _MIN_RESTART)
    return out


def _cut_off_copies(
    rule: Rule, text: str, lines: _Lines, sents: Sequence[list[_Sent]], min_words: int, dangling: frozenset[str]
) -> list[Edit]:
    """Cut-off heads and tails of sentences that another line carries whole."""
    ends = _cut_off_lines(lines.texts, min_words)
    if not ends:
        return []
    tangled, folds, folded = lines.tangled, lines.folds, lines.folded
    # Candidates: a line's last sentence that stops without closing punctuation (a cut-off
    # head), and a line's first sentence that starts with a lower-case letter (a cut-off tail).
    heads: list[tuple[Line, list[_Sent], str, bool]] = []
    tails: list[tuple[Line, list[_Sent], str]] = []
    for k, may_head, may_tail in ends:
        if not tangled and min_words > 0:
            # A head folds to words ending in the line's last `min_words`, a tail to words
            # starting with its first: unless those come twice, neither has a copy to match.
            words = folds[k].split()
            may_head = may_head and _twice(" ".join(words[-min_words:]), folded)
            may_tail = may_tail and _twice(" ".join(words[:min_words]), folded)
            if not (may_head or may_tail):
                continue
        ss = sents[k]
        if not ss:
            continue
        line = lines[k]
        # (each fold only after the cheaper checks on the raw text)
        frag = text[ss[-1].start : ss[-1].end]
        trails = frag.rstrip().endswith(_TRAILS)
        if may_head and (trails or not _ends_sentence(frag)) and frag.rstrip()[-1:] not in ":;":
            f = fold(frag)
            if f and len(f.split()) >= min_words:
                weak = trails or frag.rstrip().endswith(",") or f.split()[-1] in dangling
                heads.append((line, ss, f, weak))
        frag = text[ss[0].start : ss[0].end]
        if may_tail and frag[:1].islower() and _ends_sentence(frag):
            f = fold(frag)
            if f and len(f.split()) >= min_words:
                tails.append((line, ss, f))
    # A head or tail can match a line that is not tangled only if its fold comes there too:
    # twice in the folded lines when its own line is not tangled either, once when it is (its
    # line's fold may lack it). Every one may match a tangled line: those are all read.
    repeated = [f for line, _, f, *_ in heads + tails
                if (f in folded if line.index in tangled else _twice(f, folded))]
    if not repeated and not tangled:
        return []
    # Sentences of other lines, by their first and last folded word, for the words looked up
    # below: of the tangled lines, and of the others whose fold holds a repeated head or tail.
    firsts = {f.split()[0] for _, _, f, _ in heads}
    lasts = {f.split()[-1] for _, _, f in tails}
    reading = _lines_holding_all(repeated, text, lines) if repeated else sorted(tangled)
    by_first: dict[str, list[tuple[int, int, int, int]]] = {}
    by_last: dict[str, list[tuple[int, int, int]]] = {}
    for k in reading:
        line = lines[k]
        for sn in sents[k]:
            words = fold(text[sn.start : sn.end]).split()
            if words and words[0] in firsts:
                by_first.setdefault(words[0], []).append((line.index, sn.start, line.end, sn.end))
            if words and words[-1] in lasts:
                by_last.setdefault(words[-1], []).append((line.index, line.start, sn.end))
    out: list[Edit] = []
    for line, ss, f, weak in heads:
        room = 2 * len(f) + 64
        head_start = ss[-1].start
        for idx, start, stop, sent_end in by_first.get(f.split()[0], ()):
            if idx == line.index and sent_end > head_start:
                continue  # (on its own line, only a whole sentence before it counts)
            other = fold(text[start : min(stop, start + room)])
            if len(other) <= len(f) or not other.startswith(f):
                continue
            # cut mid-word, or after a comma / function word; or, in prose, a copy of the start of
            # a whole sentence that came before it (not a headline or lead the article goes on from,
            # nor a caption repeating an image's text)
            if other[len(f)] != " " or weak or (
                    idx <= line.index and _ends_sentence(text[start:sent_end])
                    and _is_prose(text[head_start : ss[-1].end], min_words, _MAX_TITLE_SHARE)):
                start, end = _remove_sentence(text, line, ss, len(ss) - 1)
                where = "earlier on its line" if idx == line.index else "on another line"
                out.append(Edit(rule.id, start, end, "", rule.safety,  # type: ignore[arg-type]
                                f"cut-off sentence repeated whole {where}"))
                break
    for line, ss, f in tails:
        room = 2 * len(f) + 64
        for idx, start, stop in by_last.get(f.split()[-1], ()):
            if idx == line.index:
                continue
            other = fold(text[max(start, stop - room) : stop])
            if len(other) > len(f) and other.endswith(f):
                start, end = _remove_sentence(text, line, ss, 0)
                out.append(Edit(rule.id, start, end, "", rule.safety,  # type: ignore[arg-type]
                                "cut-off sentence tail repeated whole on another line"))
                break
    return out


_MAX_TITLE_SHARE = 0.45  # a head with this share of capitalized words is a headline, not a cut-off sentence
_MIN_RESTART = 12  # characters of a head that starts over, at least


def _starts_over(text: str, start: int, at: int) -> bool:
    """Does the text at ``at`` begin with what the sentence starting at ``start`` held before
    it (the space before ``at`` aside)? Then that head is a cut-off copy of what follows."""
    head = text[start : at - 1]
    return len(head) >= _MIN_RESTART and text.startswith(head, at)


def _twice(folded: str, within: str) -> bool:
    """Does ``folded`` come at two places of ``within``?"""
    i = within.find(folded)
    return i >= 0 and within.find(folded, i + 1) >= 0


def _cut_off_lines(texts: list[str], min_words: int) -> list[tuple[int, bool, bool]]:
    """The lines that `cut_off_repeat` may take a head or a tail from, each with whether it may
    give a head (it does not end like a sentence, or trails off with an ellipsis) and a tail (it starts in lower case): a head's
    last sentence ends where the line does and holds a word, so it ends like the line; the
    first sentence starts at the line's first non-space. Both found for all lines in C loops.
    And the head or tail folds to ``min_words`` words or more: the line is not ASCII, or ASCII
    with as many runs of letters and digits (what `fold` keeps of an ASCII line, and of any
    part of it)."""
    stripped = list(map(str.rstrip, texts))
    heads = list(map(or_, map(not_, map(str.endswith, map(str.rstrip, stripped, repeat(_CLOSERS)), repeat(_TERMINALS))),
                     map(str.endswith, stripped, repeat(_TRAILS))))
    tails = list(map(str.islower, map(itemgetter(slice(1)), map(str.lstrip, texts))))
    runs = _word_runs(min_words)
    # (min_words runs of letters or digits and the breaks between them take 2 * min_words - 1
    # characters at least: shorter ASCII lines, menus and labels mostly, are left out in C; a
    # character outside ASCII may fold to more than one word, "㏂" to "a m")
    long = map(or_, map(ge, map(len, texts), repeat(2 * min_words - 1)), map(not_, map(str.isascii, texts)))
    return [(k, heads[k], tails[k]) for k in compress(count(), map(and_, map(or_, heads, tails), long))
            if not texts[k].isascii() or runs.match(texts[k])]


@lru_cache(maxsize=16)
def _word_runs(min_words: int) -> re.Pattern[str]:
    """At least ``min_words`` runs of ASCII letters and digits from the start."""
    return re.compile(rf"[^a-zA-Z0-9]*[a-zA-Z0-9]+(?:[^a-zA-Z0-9]+[a-zA-Z0-9]+){{{max(min_words - 1, 0)}}}"
                      if min_words > 0 else "")


def _lines_holding_all(wanted: list[str], text: str, lines: _Lines) -> list[int]:
    """Indices of the tangled lines of ``text`` and of those whose fold holds one of the
    ``wanted`` folds: where another line can start or end with one (the fold of any part of a
    line that is not tangled is in the line's fold)."""
    hits = set(lines.tangled)
    hits.update(bisect_right(lines.fold_starts, i) - 1 for i in positions(lines.folded, wanted))
    return sorted(hits)


DETECTORS: dict[str, Detector] = {
    "capital-function-word": capital_function_word,
    "orphan-token": orphan_token,
    "doubled-word": doubled_word,
    "cut-off-repeat": cut_off_repeat,
}

# --------------------------------------------------------------------------------------------
# Language guess (only English is guessed; other languages need ctx.lang)

def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_EN = _wordset(
    "the of and to in is that for on with was as by it at from are be this have has he she "
    "they said were been which their his its not but an or will would"
)
_OTHER = _wordset(
    "der die das und ist nicht mit den dem ein eine auf sich le la les et est une des du dans "
    "pour que qui pas el los las y es del por con una para se su"
)


def looks_english(text: str) -> bool:
    words = [w.casefold() for w in _words(text[:20000])]
    if len(words) < 5:
        return False
    en = sum(1 for w in words if w in _EN)
    other = sum(1 for w in words if w in _OTHER)
    return en >= 3 and en / len(words) >= 0.12 and en > 2 * other


# --------------------------------------------------------------------------------------------
# The stage


def load_fragment_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    """The shipped fragment rules (``rules/fragments/*.toml``)."""
    return RuleSet.load([folder or rules_dir() / "fragments"]).family("fragments")


@dataclass(frozen=True)
class FragmentsStage:
    """Cut broken MT fragments.

    ``rules``: the fragment rules to use (``None``: the shipped ``rules/fragments`` packs; an
    empty tuple: none, the stage then does nothing). Only the safe ones: `RuleSet.safe`, as
    ``Config(safe_only=True)`` does for every stage.
    """

    rules: tuple[Rule, ...] | None = None
    name: str = "fragments"
    settles_in_one_round: ClassVar[bool] = True  # cuts inside sentences; removals elsewhere don't matter

    def __post_init__(self) -> None:
        rules = load_fragment_rules() if self.rules is None else tuple(self.rules)
        for r in rules:
            if r.kind != "detector" or r.detector not in DETECTORS:
                raise ValueError(f"{r.source}: rule {r.id!r}: unknown detector {r.detector!r}")
        object.__setattr__(self, "rules", rules)

    @classmethod
    def from_ruleset(cls, ruleset: RuleSet) -> FragmentsStage:
        return cls(ruleset.family("fragments"))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        """Cuts on ``text``, repeated until none is left: a cut can leave a new orphan behind
        ("… time ... when The gaming …" loses the splice, then the stranded "when"), and the
        stage settles in one pipeline round, so it reaches its own fixpoint here."""
        done: list[Edit] = []
        current = text
        for _ in range(4):
            new = self._edits_once(current, ctx)
            if not new:
                break
            done = compose(text, done, new, current)
            current = apply_edits(text, done)
        return done

    def _edits_once(self, text: str, ctx: Context) -> list[Edit]:
        lang = ctx.lang
        if lang is None:
            if not looks_english(text):
                return []
            lang = "en"
        rules = [r for r in self.rules or () if r.lang in (lang, "any")]
        if not rules:
            return []
        lines = _Lines(text)
        sents = _LazySentences(lines)
        found: list[Edit] = []
        for r in rules:
            assert r.detector is not None
            found.extend(DETECTORS[r.detector](r, text, lines, sents))
        return merge_overlapping(found)
