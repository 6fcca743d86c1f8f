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
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex
import tomllib

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
    table = _table(sp)
    s = unicodedata.normalize("NFKC", token).casefold().translate(table)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).translate(table)
    s = _NOT_AZ.sub("", s)
    for pattern, repl in _compiled_rules(sp):
        s = pattern.sub(repl, s)
    return s


_NOT_AZ = re.compile(r"[^a-z]")


@lru_cache(maxsize=16)
def _compiled_rules(sp: Spelling) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in sp.rules)


@lru_cache(maxsize=16)
def _table(sp: Spelling) -> dict[int, str]:
    return str.maketrans(dict(sp.letters))


@lru_cache(maxsize=8)
def _load_spelling(path: str) -> Spelling:
    return Spelling.load(path)


def spelling(path: Path | str | None = None) -> Spelling:
    """The spelling rules at ``path`` (default: the shipped ``names/spelling.toml``), cached."""
    return _load_spelling(str(path or rules_dir() / "names" / "spelling.toml"))


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


def _scan(text: str, sp: Spelling) -> list[list[Token]]:
    """Runs of candidate tokens separated only by spaces or one line break."""
    runs: list[list[Token]] = []
    cur: list[Token] = []
    gap_ok = _GAP.fullmatch
    for m in _token_re(sp).finditer(text):
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


def _is_stop(tok: Token, sp: Spelling, lower: frozenset[str]) -> bool:
    if tok.kind == "initial":
        return _ABBREV.fullmatch(tok.text) is not None  # U.S., U.K. are not initials
    if tok.kind != "name":
        return False
    w = tok.text.casefold().rstrip("'’")
    if w in sp.stopwords:
        return True
    plain = "-" not in w and tok.text[1:] == tok.text[1:].lower()
    return plain and w in lower


def _pieces(run: list[Token], sp: Spelling, lower: frozenset[str]) -> Iterable[list[Token]]:
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


def find_mentions(text: str, sp: Spelling | None = None) -> list[Mention]:
    """Person-name candidates in ``text``, in order; precision first.

    A mention is a run of capitalised name tokens, initials (V.) and particles (al-, bin, von,
    de) joined by spaces or a single line break. Stopwords (The, months, titles, countries,
    organisation words) and capitalised words that also occur in lower case in the text cut runs.
    One-token mentions are only surname candidates: callers rewrite them only when the surname
    was seen in full.
    """
    sp = sp or spelling()
    lower = frozenset(w.casefold() for w in _LOWER_WORD.findall(text))
    out: list[Mention] = []
    for run in _scan(text, sp):
        for piece in _pieces(run, sp, lower):
            out.append(Mention(piece[0].start, piece[-1].end, tuple(piece)))
    return out


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

    @property
    def spelling(self) -> Spelling:
        return spelling(self.spelling_path)

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
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(["canonical", "variants", "counts", "examples"])
            for g in self.groups:
                w.writerow([g.canonical, "|".join(g.variants), "|".join(map(str, g.counts)),
                            " | ".join(e.replace("\t", " ").replace("\n", " ") for e in g.examples)])

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
