"""Person names: spelling-variant keys, mentions in running text, and the table of canonical names.

Scraped news spells one person many ways (Sergey / Sergei / Sergej Lawrow). `variant_key` folds
spellings that differ only by transliteration scheme to one key, using the correspondences in
``rules/names/spelling.toml`` (data, so a reader can check and extend them). `find_mentions`
finds person-name mentions conservatively, and a `NameTable` says which spelling is canonical:
the shipped alias table (``rules/names/aliases.toml``) first, then groups built by the corpus pass
(`cleaner.corpus.names`). Rewriting is done by `cleaner.stages.names.NamesStage`.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import methodcaller
from pathlib import Path

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib  # type: ignore[no-redef]

try:
    from re import _compiler as _sre_compile  # type: ignore[attr-defined]
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_compile as _sre_compile  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

from cleaner.paths import rules_dir

__all__ = [
    "Alias",
    "Group",
    "Mention",
    "NameTable",
    "Spelling",
    "Token",
    "default_table",
    "find_mentions",
    "load_aliases",
    "spelling",
    "token_key",
    "variant_key",
]


# --------------------------------------------------------------------------- spelling rules


@dataclass(frozen=True, eq=False)  # identity hash: it keys the token-key cache on every call
class Spelling:
    """The spelling rules of ``spelling.toml``: letter table, ordered rewrites, mention lexicon."""

    letters: tuple[tuple[str, str], ...]
    rules: tuple[tuple[str, str], ...]
    particles: frozenset[str] = frozenset()
    joined_articles: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    max_tokens: int = 5
    source: str = ""

    @classmethod
    def load(cls, path: Path | str) -> Spelling:
        """Read and check one spelling file; a broken pattern fails here, naming the rule."""
        with open(path, "rb") as f:
            data = tomllib.load(f)
        letters = tuple((str(k), str(v)) for k, v in data.get("letters", {}).items())
        rules = []
        for i, r in enumerate(data.get("rule", [])):
            try:
                re.compile(r["pattern"])
            except (KeyError, re.error) as e:
                raise ValueError(f"{path}: rule {i + 1}: bad or missing pattern: {e}") from e
            rules.append((r["pattern"], r.get("replace", "")))
        m = data.get("mentions", {})
        low = _casefolded
        return cls(letters, tuple(rules), low(m.get("particles", ())),
                   low(m.get("joined_articles", ())), low(m.get("stopwords", ())),
                   int(m.get("max_tokens", 5)), str(path))

    def key(self, token: str) -> str:
        """The variant key of one name token (letters only, lower case)."""
        return _token_key(self, token)


def _casefolded(words: Iterable[object]) -> frozenset[str]:
    return frozenset(str(w).casefold() for w in words)


@lru_cache(maxsize=65536)
def _token_key(sp: Spelling, token: str) -> str:
    s = _base(sp, token)
    for pattern, repl, needed in _compiled_rules(sp):
        if needed in s:
            s = pattern.sub(repl, s)
    return s


def _base(sp: Spelling, token: str) -> str:
    """The token in the letters a-z, before the rewrite rules."""
    table = _table(sp)
    if token.isascii() and _ascii_untouched(sp):
        # NFKC, NFKD and casefold leave ASCII as it is (casefold is lower), it has no combining
        # marks, and the letter table (no ASCII keys) maps none of it: the long way's result.
        s = token.lower()
        return s if s.isalpha() else _NOT_AZ.sub("", s)
    s = unicodedata.normalize("NFKC", token).casefold().translate(table)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(table)
    return _NOT_AZ.sub("", s)


_NOT_AZ = re.compile(r"[^a-z]")


@lru_cache(maxsize=16)
def _compiled_rules(sp: Spelling) -> tuple[tuple[re.Pattern[str], _Repl, str], ...]:
    """The rules for `_token_key`, made faster as for `_keys` (`_joined_rules`)."""
    return tuple((_literal_first(p, 0), _replacement(r), _needed(p, 0)) for p, r in sp.rules)


def _keys(sp: Spelling, words: Sequence[str]) -> list[str]:
    """`_token_key` of each word, faster for many words at once: the bases are made in one go
    (`_bases`), and a rule that `_line_blind` says gives the same on keys joined by line breaks
    as on each key alone runs once over them all, and not at all when they lack the text
    `_needed` says every match holds (keys hold no line break: `_NOT_AZ` drops it, and no
    replacement adds one)."""
    rules = _joined_rules(sp)
    if rules is None or not words:
        return [_token_key(sp, w) for w in words]
    s = _bases(sp, words)
    for pattern, repl, blind, needed in rules:
        if needed not in s:
            continue
        s = pattern.sub(repl, s) if blind else "\n".join([pattern.sub(repl, k) for k in s.split("\n")])
    return s.split("\n")


def _bases(sp: Spelling, words: Sequence[str]) -> str:
    """`_base` of each word, joined by line breaks, made on the words joined by line breaks.

    No step drops a line break (normalization keeps it, it is its own casefold, no mark, and
    the letter table does not map it), and each step works character by character or, for
    normalization, between characters like the line break that nothing composes with: so the
    pieces between the line breaks are the words' bases unless a step made a line break of
    something else, or a word held one, which the count of line breaks tells."""
    s = "\n".join(words)
    if s.isascii() and _ascii_untouched(sp):  # as in `_base`
        s = _NOT_AZ_LINES.sub("", s.lower())
    elif 10 in _table(sp):
        return "\n".join([_base(sp, w) for w in words])
    else:
        s = _replaced(unicodedata.normalize("NFKC", s).casefold(), sp)
        s = unicodedata.normalize("NFKD", s)
        for mark in [c for c in set(s) if unicodedata.combining(c)]:
            s = s.replace(mark, "")
        s = _NOT_AZ_LINES.sub("", _replaced(s, sp))
    if s.count("\n") != len(words) - 1:
        return "\n".join([_base(sp, w) for w in words])
    return s


_NOT_AZ_LINES = re.compile(r"[^a-z\n]")


def _replaced(s: str, sp: Spelling) -> str:
    """``s.translate(_table(sp))`` by a str.replace of each of the few distinct characters of
    ``s`` that the table maps (translate looks up every character: much slower on a long text);
    the same when no character a letter becomes is itself a letter the table maps."""
    table = _table(sp)
    if not _values_unmapped(sp):
        return s.translate(table)
    for c in set(s):
        if (new := table.get(ord(c))) is not None:
            s = s.replace(c, new)
    return s


@lru_cache(maxsize=16)
def _values_unmapped(sp: Spelling) -> bool:
    """True when every value of the letter table is a string of characters it does not map."""
    table = _table(sp)
    return all(isinstance(v, str) and not any(ord(x) in table for x in v) for v in table.values())


_Repl = str | Callable[[re.Match[str]], str | None]  # what `re.sub` takes as the replacement

# A replacement that adds no line break: plain characters and group references.
_PLAIN_REPL = re.compile(r"(?:[^\\\n]|\\[1-9])*")


@lru_cache(maxsize=16)
def _joined_rules(sp: Spelling) -> tuple[tuple[re.Pattern[str], _Repl, bool, str], ...] | None:
    """The rules for `_keys`: pattern (with ^ and $ at line breaks when it runs on joined keys,
    compiled by `_literal_first`), replacement (`_replacement`), whether it runs on joined keys,
    and text every match holds (`_needed`); None when a replacement may add a line break."""
    if not all(_PLAIN_REPL.fullmatch(r) for _, r in sp.rules):
        return None
    out = []
    for p, r in sp.rules:
        blind = _line_blind(p)
        flags = re.MULTILINE if blind else 0
        out.append((_literal_first(p, flags), _replacement(r), blind, _needed(p, flags)))
    return tuple(out)


def _replacement(repl: str) -> _Repl:
    """``repl`` as `re.sub` takes it, but a lone group reference ``\\N`` as a call of the match's
    ``group(N)`` (in C, where `re` would expand the template in Python for each match); `re.sub`
    inserts nothing for a group that took no part (None), as the template does."""
    return methodcaller("group", int(repl[1])) if _GROUP_REF.fullmatch(repl) else repl


_GROUP_REF = re.compile(r"\\[1-9]")


def _needed(pattern: str, flags: int) -> str:
    """Text that every match of ``pattern`` holds (a text without it has no match): its longest
    run of literals outside any group, repeat, branch or lookaround, of single characters the
    rarest in English; else ""."""
    parsed = _sre.parse(pattern, flags)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    runs, run = [], ""
    for op, av in parsed:
        if op == _sre.LITERAL:
            run += chr(av)  # type: ignore[call-overload]
        else:
            runs.append(run)
            run = ""
    runs.append(run)
    return max(runs, key=lambda r: (len(r), max(map(_rarity, r), default=-1)))


def _rarity(c: str) -> int:
    return _ENGLISH_FREQUENCY.find(c) if c in _ENGLISH_FREQUENCY else len(_ENGLISH_FREQUENCY)


_ENGLISH_FREQUENCY = "etaoinshrdlcumwfgypbvkjxqz"  # most frequent first; others count as rarest


def _literal_first(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` compiled with a leading lookbehind (or ^ with MULTILINE, that is ``(?<![^\\n])``)
    moved behind the single characters that follow it: ``(?<=[aeiou])ch`` as ``ch(?<=[aeiou]ch)``.
    The same matches (the lookbehind, of fixed width, then looks at the same characters), but
    `re` can look for the literal first instead of trying the lookbehind at every position,
    which is several times faster. In each alternative of a leading branch, too."""
    try:  # (`re`'s parser and compiler are internals: should they change, the plain pattern)
        parsed = _sre.parse(pattern, flags)
        items = list(parsed)
        if len(items) == 1 and items[0][0] == _sre.BRANCH:
            for alt in items[0][1][1]:  # type: ignore[index]
                alt.data[:] = _moved_lookbehind(list(alt), parsed.state, flags)
        else:
            parsed.data[:] = _moved_lookbehind(items, parsed.state, flags)
        return _sre_compile.compile(parsed, flags)  # type: ignore[no-any-return]
    except Exception:
        return re.compile(pattern, flags)


_ONE_CHAR = (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY)


def _moved_lookbehind(items: list[tuple[object, object]], state: object, flags: int) -> list[tuple[object, object]]:
    if not items:
        return items
    op, av = items[0]
    if op == _sre.AT and av == _sre.AT_BEGINNING and flags & re.MULTILINE:
        op, av = _sre.ASSERT_NOT, (-1, _sre.SubPattern(state, [(_sre.NOT_LITERAL, ord("\n"))]))
    if op not in (_sre.ASSERT, _sre.ASSERT_NOT) or av[0] != -1:  # type: ignore[index]
        return items
    body = list(av[1])  # type: ignore[index]
    n = 1
    while n < len(items) and items[n][0] in _ONE_CHAR:
        n += 1
    if n == 1 or not all(o in _ONE_CHAR for o, _ in body):
        return items
    moved = items[1:n]
    return [*moved, (op, (-1, _sre.SubPattern(state, body + moved))), *items[n:]]


def _line_blind(pattern: str) -> bool:
    """True when ``pattern``, with ^ and $ matching at line breaks, finds in keys joined by line
    breaks exactly the matches it finds in each key alone: it never matches empty, and no part
    of it (lookarounds included) can match a line break, so no match or lookaround crosses one
    and a lookaround or \\b sees one as it sees the end of the text (or, `_same_at_line_end`, a
    lookahead gives the same there anyway). ``\\A``, ``\\Z``, ``[^x]``, ``\\s``-like classes and
    anything not understood here make it False."""
    if re.compile(pattern).flags & re.DOTALL:
        return False
    parsed = _sre.parse(pattern)
    return parsed.getwidth()[0] > 0 and _no_line_break(list(parsed))


def _no_line_break(items: list[tuple[object, object]]) -> bool:
    for op, av in items:
        if op == _sre.LITERAL:
            ok = av != ord("\n")
        elif op == _sre.IN:  # a set of literals and ranges without the line break
            ok = all(o == _sre.LITERAL and v != ord("\n") or o == _sre.RANGE and not v[0] <= 10 <= v[1]  # type: ignore[index]
                     for o, v in av)  # type: ignore[attr-defined]
        elif op == _sre.AT:
            ok = av not in (_sre.AT_BEGINNING_STRING, _sre.AT_END_STRING)
        elif op in (_sre.ANY, _sre.GROUPREF):  # no DOTALL; a group holds no line break
            ok = True
        elif op == _sre.BRANCH:
            ok = all(_no_line_break(list(b)) for b in av[1])  # type: ignore[index]
        elif op == _sre.SUBPATTERN:
            ok = not av[1] & re.DOTALL and _no_line_break(list(av[3]))  # type: ignore[index, operator]
        elif op in _REPEATS:
            ok = _no_line_break(list(av[2]))  # type: ignore[index]
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            ok = _no_line_break(list(av[1])) or _same_at_line_end(av)  # type: ignore[arg-type, index]
        else:
            ok = False
        if not ok:
            return False
    return True


def _same_at_line_end(av: tuple[int, object]) -> bool:
    """A lookahead like ``(?=[^aeiou]|$)``: alternatives of one character or ``$``, one of
    them ``$``. Inside a key it reads the next character of the key, joined or alone; at the
    end of a key it is true alone by ``$``, and joined by ``$`` before the line break too."""
    direction, body = av
    items = list(body)  # type: ignore[call-overload]
    if direction != 1 or len(items) != 1 or items[0][0] != _sre.BRANCH:
        return False
    end = (_sre.AT, _sre.AT_END)
    alts = [list(a) for a in items[0][1][1]]
    return [end] in alts and all(len(a) == 1 and (a[0][0] in _ONE_CHAR or a[0] == end) for a in alts)


_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT))


@lru_cache(maxsize=16)
def _table(sp: Spelling) -> dict[int, str]:
    return str.maketrans(dict(sp.letters))


@lru_cache(maxsize=16)
def _ascii_untouched(sp: Spelling) -> bool:
    """True when the letter table has no ASCII key."""
    return all(k >= 128 for k in _table(sp))


@lru_cache(maxsize=8)
def _load_spelling(path: str) -> Spelling:
    return Spelling.load(path)


def spelling(path: Path | str | None = None) -> Spelling:
    """The spelling rules at ``path`` (default: the shipped ``names/spelling.toml``), cached."""
    return _load_spelling(str(path)) if path else _default_spelling()


@lru_cache(maxsize=1)
def _default_spelling() -> Spelling:
    return _load_spelling(str(rules_dir() / "names" / "spelling.toml"))


_SPLIT = re.compile(r"[\s\-‐‑–]+")


def token_key(token: str, sp: Spelling | None = None) -> str:
    """Variant key of a single token (a hyphenated token keys its parts, space-joined)."""
    sp = sp or spelling()
    return " ".join(k for k in (sp.key(p) for p in _SPLIT.split(token)) if k)


def variant_key(name: str, sp: Spelling | None = None) -> str:
    """Equal keys mean "spellings of the same name": ``Sergey Lavrov`` = ``Sergej Lawrow``.

    Works on a token or a whole name; tokens are keyed one by one and joined by spaces, so
    gendered and derived forms stay apart (Ivanov / Ivanova, Sergei / Sergeev).
    """
    return token_key(name.replace(".", " "), sp)


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a mention: ``kind`` is "name", "initial" or "particle"."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A person-name mention ``text[start:end]`` (a possessive 's is never included)."""

    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def names(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.kind == "name")

    @property
    def full(self) -> bool:
        """Given name (or initial) plus surname, not a lone surname."""
        return len(self.tokens) > 1 and self.tokens[0].kind != "particle"

    @property
    def has_given_name(self) -> bool:
        return any(t.kind == "name" for t in self.tokens[:-1])

    @property
    def surname(self) -> Token:
        return self.tokens[-1]

    @property
    def spelling(self) -> str:
        """The mention as one line (a line break inside it read as a space)."""
        return " ".join(t.text for t in self.tokens)

    def key(self, sp: Spelling | None = None) -> str:
        return " ".join(token_key(t.text, sp) for t in self.tokens)


_WORD_START = r"(?<![\p{L}\p{M}\p{N}'’.\-])"
_WORD_END = r"(?![\p{L}\p{M}\p{N}])"
_PART = r"(?:\p{Lu}['’](?=\p{Lu}))?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)*"
_GAP = regex.compile(r"[ \t\u00a0]*\n?[ \t\u00a0]*")
_ABBREV = regex.compile(r"(?:\p{Lu}\.){2,}")
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]*")


@lru_cache(maxsize=8)
def _token_re(sp: Spelling) -> regex.Pattern[str]:
    arts = "|".join(sorted(map(regex.escape, sp.joined_articles), key=len, reverse=True)) or "(?!)"
    parts = "|".join(sorted(map(regex.escape, sp.particles), key=len, reverse=True)) or "(?!)"
    name = rf"(?:(?:{arts})-)?{_PART}(?:-{_PART})*"
    initial = r"\p{Lu}\.(?:-?\p{Lu}\.)*"
    return regex.compile(
        rf"{_WORD_START}(?:(?P<name>{name})|(?P<initial>{initial})|(?P<particle>{parts})){_WORD_END}"
    )


def _scan(text: str, sp: Spelling, start: int = 0, end: int | None = None) -> list[list[Token]]:
    """Runs of candidate tokens in ``text[start:end]`` separated only by spaces or one line break."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    gap_ok = _GAP.fullmatch
    for m in _token_re(sp).finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "name"
        start, end = m.span()
        if cur:
            last = cur[-1]
            if start == last.end:  # no gap: only initials run together ("J.R.")
                joined = kind == "initial" and last.kind == "initial"
            else:
                gap = text[last.end : start]
                joined = gap == " " or gap_ok(gap) is not None
            if not joined:
                runs.append(cur)
                cur = []
        if kind == "particle" and not cur:
            continue  # a particle never starts a mention
        cur.append(Token(m.group(), start, end, kind))
    if cur:
        runs.append(cur)
    return runs


def _is_stop(tok: Token, sp: Spelling, lower: Container[str]) -> bool:
    if tok.kind == "initial":
        return _ABBREV.fullmatch(tok.text) is not None  # U.S., U.K. are not initials
    if tok.kind != "name":
        return False
    w = tok.text.casefold().rstrip("'’")
    if w in sp.stopwords:
        return True
    plain = "-" not in w and tok.text[1:] == tok.text[1:].lower()
    return plain and w in lower


def _pieces(run: list[Token], sp: Spelling, lower: Container[str]) -> Iterable[list[Token]]:
    """Cut a run at stopwords, then trim particles and initials that cannot end a name."""
    piece: list[Token] = []
    for tok in [*run, None]:
        if tok is not None and not _is_stop(tok, sp, lower):
            piece.append(tok)
            continue
        while piece and piece[0].kind == "particle":
            piece.pop(0)
        while piece and piece[-1].kind != "name":
            piece.pop()
        if piece and len(piece) <= sp.max_tokens:
            yield piece
        piece = []


class _LowerWords:
    """The casefolded lower-case words of a text (`_LOWER_WORD`), asked about one by one.

    Few texts are asked about at all, and then about a few words. When every lower-case letter
    and mark of the text casefolds to itself (no ß, ﬁ or ς), each lower-case word is its own
    casefold; so `_has_lower_word` answers with `str.find` for the first `_ASKED` words, and
    only then are all of them collected."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: frozenset[str] | None = None
        self._asked = 0
        self._plain: bool | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._asked += 1
            if self._plain is None:
                self._plain = _folds_to_itself(self._text)
            if self._plain and self._asked <= _ASKED and isinstance(word, str):
                return _has_lower_word(self._text, word)
            self._words = frozenset(map(str.casefold, set(_lower_words(self._text))))
        return word in self._words


_ASKED = 32
_LOWER_RUN = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]*")
_LETTER_OR_MARK = regex.compile(r"[\p{L}\p{M}]")
_LOWER_OR_MARK = regex.compile(r"[\p{Ll}\p{M}]")


def _lower_words(text: str) -> list[str]:
    """``_LOWER_WORD.findall(text)``, with plain `re` (much faster) when it finds the same."""
    return _findall(text, _bmp_lower_word_re, _LOWER_WORD)


def _findall(text: str, bmp: Callable[[], re.Pattern[str]], full: regex.Pattern[str]) -> list[str]:
    """``full.findall(text)``: by the `re` spelling ``bmp()`` of the pattern (see `_bmp_class`)
    when no letter or mark of ``text`` lies beyond the Basic Multilingual Plane."""
    if text.isascii() or not _ASTRAL_LETTER.search(text):
        return bmp().findall(text)
    return full.findall(text)


@lru_cache(maxsize=1)
def _bmp_lower_word_re() -> re.Pattern[str]:
    """`_LOWER_WORD` for `re`, like `_bmp_part_re`."""
    letter, lower = _bmp_class(r"[\p{L}\p{M}]"), _bmp_class(r"\p{Ll}")
    lower_or_mark = _bmp_class(r"[\p{Ll}\p{M}]")
    return re.compile(f"(?<![{letter}])[{lower}][{lower_or_mark}]*")


def _folds_to_itself(text: str) -> bool:
    """No lower-case letter or mark of ``text`` casefolds to other characters (a-z do not)."""
    if _NON_ASCII_LETTER.search(text) is None:
        return True
    return _LOWER_OR_MARK.search("".join([c for c in set(text) if c.casefold() != c])) is None


def _has_lower_word(text: str, word: str) -> bool:
    """``word`` is a lower-case word of ``text`` (a `_LOWER_WORD` match): an occurrence after
    no letter or mark and before no lower-case letter or mark, as `_LOWER_WORD` is greedy."""
    if _LOWER_RUN.fullmatch(word) is None:
        return False
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or _LETTER_OR_MARK.match(text, i - 1) is None) and (
            j == len(text) or _LOWER_OR_MARK.match(text, j) is None
        ):
            return True
        i = text.find(word, i + 1)
    return False


def find_mentions(
    text: str, sp: Spelling | None = None, surnames: Container[str] | None = None
) -> list[Mention]:
    """Person-name candidates in ``text``, in order; precision first.

    A mention is a run of capitalised name tokens, initials (V.) and particles (al-, bin, von,
    de) joined by spaces or a single line break. Stopwords (The, months, titles, countries,
    organisation words) and capitalised words that also occur in lower case in the text cut runs.
    One-token mentions are only surname candidates: callers rewrite them only when the surname
    was seen in full.

    With ``surnames`` (variant keys of single name parts), only the mentions whose surname's
    key ends in one of them are returned, and only the text around such words is read.
    """
    sp = sp or spelling()
    spans = [(0, len(text))] if surnames is None else _spans_near(text, sp, surnames)
    if not spans:
        return []
    lower = _LowerWords(text)
    out: list[Mention] = []
    for start, end in spans:
        for run in _scan(text, sp, start, end):
            for piece in _pieces(run, sp, lower):
                m = Mention(piece[0].start, piece[-1].end, tuple(piece))
                if surnames is None or _last_key(m.surname.text, sp) in surnames:
                    out.append(m)
    return out


def _last_key(token: str, sp: Spelling) -> str | None:
    """The key of a token's last part with a non-empty key (None when there is none)."""
    key = token_key(token, sp)
    return key.rsplit(" ", 1)[-1] if key else None


_PART_RE = regex.compile(_PART)
# `_PART` with its optional prefix ``X'`` moved after the first capital: the same matches, tried
# in the same order, and a capital to look for first (faster).
_CAPITAL_FIRST_PART = r"\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)*"
_CAPITAL_FIRST_PART_RE = regex.compile(_CAPITAL_FIRST_PART)
_NON_ASCII_LETTER = regex.compile(r"[^\x00-\x7f](?<=[\p{L}\p{M}])")
_ASTRAL_LETTER = regex.compile(r"[^\x00-\uffff](?<=[\p{L}\p{M}])")


def _part_words(text: str) -> list[str]:
    """``_PART_RE.findall(text)``, with plain `re` (much faster) when it finds the same."""
    return _findall(text, _bmp_part_re, _CAPITAL_FIRST_PART_RE)


@lru_cache(maxsize=1)
def _bmp_part_re() -> re.Pattern[str]:
    """`_CAPITAL_FIRST_PART` for `re` (much faster), its classes spelled out by `_bmp_class`:
    the same matches in a text with no letter or mark beyond the Basic Multilingual Plane."""
    upper, lower = _bmp_class(r"\p{Lu}"), _bmp_class(r"[\p{Ll}\p{M}]")
    return re.compile(f"[{upper}](?:['’][{upper}])?[{lower}]+(?:[{upper}][{lower}]+)*")


@lru_cache(maxsize=8)
def _bmp_class(cls: str) -> str:
    """The inside of a `re` set holding the characters of the Basic Multilingual Plane that
    the `regex` set ``cls`` matches, as ranges of code points. (`re` looks a character of the
    plane up in a table; one beyond it makes `re` try range after range.) A few ms each."""
    e = re.escape  # (of no use for letters and marks; it keeps the set a set all the same)
    runs = (m.span() for m in regex.finditer(f"{cls}+", _bmp()))  # at code points a to b - 1
    return "".join(e(chr(a)) if b == a + 1 else f"{e(chr(a))}-{e(chr(b - 1))}" for a, b in runs)


@lru_cache(maxsize=1)
def _bmp() -> str:
    """Every code point of the Basic Multilingual Plane in order, built as UTF-32 (four times
    faster than one `chr` each): low byte, high byte, two zero bytes."""
    utf32 = bytearray(0x40000)
    utf32[0::4] = bytes(range(256)) * 256
    utf32[1::4] = b"".join(bytes([high]) * 256 for high in range(256))
    return utf32.decode("utf-32-le", "surrogatepass")


def _part_keys(sp: Spelling, words: set[str]) -> dict[str, str]:
    """The memo of ``word -> _token_key(sp, word)``, holding each of ``words`` (and others)."""
    known = _known_keys(sp)
    new = words.difference(known)
    if new:
        if len(known) > 1 << 16:  # as many as the lru cache of _token_key keeps
            known.clear()
            new = words  # (the others are gone with it)
        ordered = list(new)
        known.update(zip(ordered, _keys(sp, ordered), strict=True))
    return known


@lru_cache(maxsize=8)
def _known_keys(sp: Spelling) -> dict[str, str]:
    return {}


_known_keys.holds_memo = True  # type: ignore[attr-defined]  # a memo of words: emptied by `benchmarks/throughput.clear_caches`


# A line break that a run of tokens may span: the text before it (spaces aside) ends like a
# token, in a letter or mark (a name or particle) or in an upper-case letter and a period (an
# initial). Runs never span other line breaks, as their gaps hold only spaces around the break.
_JOINABLE_BREAK = regex.compile(r"(?<=(?:[\p{L}\p{M}]|\p{Lu}\.)[ \t\u00a0]*)\n")


def _spans_near(text: str, sp: Spelling, surnames: Container[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` holding every mention whose surname's last key is in ``surnames``.

    Such a surname is a name token whose last part with a non-empty key is a `_PART` (or a
    joined article: then the whole text is read). Every `_PART` of a token is also a match of
    `_PART_RE.findall`: the character before it (a hyphen or a token boundary) can be in no
    match, and a shorter match than the longest would end before a letter, where no token ends.
    So only the text around the words whose key is in ``surnames`` can hold one, and a mention
    lies in one run of tokens, which stays between two `_RUN_STOP` characters.
    """
    judge = _surname_words(sp, surnames)
    if judge.whole:
        return [(0, len(text))]
    hits = sorted(i for w in judge.among(_part_words(text)) for i in _occurrences(text, w))
    spans: list[tuple[int, int]] = []
    for i in hits:
        if spans and i < spans[-1][1]:
            continue
        start = i
        while (b := _RUN_STOP_BEFORE.search(text, 0, start)) and _JOINABLE_BREAK.match(text, b.start()):
            start = b.start()
        end = i
        while (e := _RUN_STOP.search(text, end)) and _JOINABLE_BREAK.match(text, e.start()):
            end = e.end()
        spans.append((b.end() if b else 0, e.start() if e else len(text)))
    return spans


# A character that no token holds and no gap between the tokens of a run holds either, unless
# it is a line break that `_JOINABLE_BREAK` accepts: it ends any run. Tokens hold letters, marks,
# ' ’ . - and the characters of particles and joined articles (`_has_loose_affixes` checks
# those), and gaps spaces around one line break. It is not a letter, mark or digit, so a scan
# that starts or stops next to one sees tokens start and end there as a scan of the whole text.
_RUN_STOP = regex.compile(r"[^\p{L}\p{M}\p{N}'’.\- \t\u00a0]")
_RUN_STOP_BEFORE = regex.compile(_RUN_STOP.pattern, regex.REVERSE)


class _SurnameWords:
    """Which `_PART` words have their key's last part in ``surnames``, remembered across texts.

    A text's words are mostly words seen before: one pass over the memo finds whether any is
    new, and one intersection with the (few) words known to hit gives the answer, with no
    lookup of each word's key. Whether a joined article or a loose affix makes every text be read whole
    is settled once, too."""

    def __init__(self, sp: Spelling, surnames: Container[str]) -> None:
        self._sp = sp
        self._surnames = surnames
        self.whole = _has_loose_affixes(sp) or any(
            _token_key(sp, a) in surnames for a in sp.joined_articles)
        self._seen: set[str] = set()
        self._hits: set[str] = set()

    def among(self, words: list[str]) -> set[str]:
        """The ones of ``words`` whose key is in the surnames."""
        if not self._seen.issuperset(words):  # (no set of the words made when none is new)
            parts = set(words)
            new = parts.difference(self._seen)
            if len(self._seen) > 1 << 16:  # as many as the key memo keeps
                self._seen.clear()
                self._hits.clear()
                new = parts
            keys = _part_keys(self._sp, new)
            self._seen.update(new)
            self._hits.update(compress(new, map(self._surnames.__contains__, map(keys.__getitem__, new))))
        return self._hits.intersection(words)


def _surname_words(sp: Spelling, surnames: Container[str]) -> _SurnameWords:
    """The memo for ``surnames``: kept while it cannot change (a frozenset), else a new one."""
    if isinstance(surnames, frozenset):
        return _kept_surname_words(sp, surnames)
    return _SurnameWords(sp, surnames)


@lru_cache(maxsize=8)
def _kept_surname_words(sp: Spelling, surnames: frozenset[str]) -> _SurnameWords:
    return _SurnameWords(sp, surnames)


_kept_surname_words.holds_memo = True  # type: ignore[attr-defined]  # (as `_known_keys`)


def _occurrences(text: str, word: str) -> Iterable[int]:
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


@lru_cache(maxsize=8)
def _has_loose_affixes(sp: Spelling) -> bool:
    """True unless every particle ends in a letter or mark and every particle and joined article
    is made of letters, marks, digits and ' ’ . -, which `_JOINABLE_BREAK` and `_RUN_STOP` take
    for granted."""
    token_chars = regex.compile(r"[\p{L}\p{M}\p{N}'’.\-]*")
    ends_well = regex.compile(r"[\p{L}\p{M}\p{N}'’.\-]*[\p{L}\p{M}]")
    return not all(ends_well.fullmatch(p) for p in sp.particles) or not all(
        token_chars.fullmatch(a) for a in sp.joined_articles
    )

# --------------------------------------------------------------------------- the name table


@dataclass(frozen=True)
class Alias:
    """One person of the alias table: the canonical spelling and known variant spellings."""

    canonical: str
    variants: tuple[str, ...] = ()
    source: str = ""


@dataclass(frozen=True)
class Group:
    """One person found by the corpus pass: spellings seen, their counts and a few examples."""

    canonical: str
    variants: tuple[str, ...]
    counts: tuple[int, ...]
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameTable:
    """Canonical spellings: aliases (shipped or user) first, then corpus groups.

    Lookup is by the variant key of a whole mention, so a mention is rewritten only as a whole
    name: "Sergey Brin" does not match "Sergei Lavrov" although "Sergey" is a variant of "Sergei".
    """

    aliases: tuple[Alias, ...] = ()
    groups: tuple[Group, ...] = ()
    spelling_path: str | None = None
    _index: dict[str, tuple[str, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _surnames: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sp = self.spelling
        index: dict[str, tuple[str, str]] = {}
        for g in self.groups:  # aliases below override groups
            for v in (g.canonical, *g.variants):
                index.setdefault(variant_key(v, sp), ("names.corpus", g.canonical))
        alias_keys: dict[str, tuple[str, str]] = {}
        for a in self.aliases:
            for v in (a.canonical, *a.variants):
                alias_keys.setdefault(variant_key(v, sp), ("names.alias", a.canonical))
        index.update(alias_keys)
        self._index.update(index)
        # frozen, so that `find_mentions` may remember which words hit it
        object.__setattr__(self, "_surnames", frozenset(k.rsplit(" ", 1)[-1] for k in index))

    @property
    def spelling(self) -> Spelling:
        return spelling(self.spelling_path)

    @property
    def surnames(self) -> Container[str]:
        """The last word of every key the table knows (see `find_mentions`)."""
        return self._surnames

    def lookup(self, key: str) -> tuple[str, str] | None:
        """``(rule, canonical)`` for a whole-name variant key, or None."""
        return self._index.get(key)

    def canonical(self, name: str) -> str | None:
        """The canonical spelling of a whole name, if the table knows the person."""
        hit = self.lookup(variant_key(name, self.spelling))
        return hit[1] if hit else None

    def with_aliases(self, aliases: Sequence[Alias]) -> NameTable:
        """A new table with ``aliases`` taking precedence over the ones already here."""
        return NameTable((*aliases, *self.aliases), self.groups, self.spelling_path)

    def with_groups(self, groups: Sequence[Group]) -> NameTable:
        return NameTable(self.aliases, tuple(groups), self.spelling_path)

    def to_tsv(self, path: Path | str) -> None:
        """Write the corpus groups for review: canonical, variants, counts, examples."""
        from cleaner.io.writers import write_text_atomic  # (a stopped run leaves no half table)

        f = io.StringIO(newline="")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(["canonical", "variants", "counts", "examples"])
        for g in self.groups:
            w.writerow([g.canonical, "|".join(g.variants), "|".join(map(str, g.counts)),
                        " | ".join(e.replace("\t", " ").replace("\n", " ") for e in g.examples)])
        write_text_atomic(Path(path), f.getvalue())

    @classmethod
    def from_tsv(cls, path: Path | str, aliases: Sequence[Alias] = ()) -> NameTable:
        """Read groups written by `to_tsv` (possibly edited by a person); ``aliases`` go first."""
        groups = []
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if not row.get("canonical"):
                    continue
                variants = tuple(v for v in (row.get("variants") or "").split("|") if v)
                counts = tuple(int(c) for c in (row.get("counts") or "").split("|") if c.strip())
                examples = tuple(e for e in (row.get("examples") or "").split(" | ") if e)
                groups.append(Group(row["canonical"], variants, counts, examples))
        return cls(tuple(aliases), tuple(groups))


def load_aliases(paths: Iterable[Path | str]) -> tuple[Alias, ...]:
    """Read alias files (``[[person]]`` with ``canonical`` and ``variants``); earlier files win."""
    out: list[Alias] = []
    for path in paths:
        with open(path, "rb") as f:
            data = tomllib.load(f)
        for i, p in enumerate(data.get("person", [])):
            if not isinstance(p.get("canonical"), str) or not p["canonical"].strip():
                raise ValueError(f"{path}: person {i + 1}: missing canonical")
            out.append(Alias(p["canonical"], tuple(p.get("variants", ())), str(path)))
    return tuple(out)


def default_aliases() -> tuple[Alias, ...]:
    return load_aliases([rules_dir() / "names" / "aliases.toml"])


def default_table(extra_aliases: Iterable[Path | str] = ()) -> NameTable:
    """The shipped alias table, with user alias files (which win) in front."""
    return NameTable(load_aliases([*extra_aliases, rules_dir() / "names" / "aliases.toml"]))
