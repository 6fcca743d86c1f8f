"""Rules as data: load TOML rule packs, validate them, select them, and compile them for speed.

A bad file stops with one `RuleError` line naming the file, the rule id and the field. The
schema is documented in ``rules/README.md``; this module is its single implementation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the same parser, from PyPI
    import tomli as tomllib  # type: ignore[no-redef]

from cleaner.normalize import fold
from cleaner.paths import rules_dir

KINDS = ("line", "prefix", "regex", "span", "detector")
ZONES = ("head", "body", "tail", "any")
SAFETIES = ("safe", "risky")
EXTENDS = ("none", "rest-of-tail")
OWN_SCHEMA = {"names", "lang"}  # folders of data files with their own schema, not rule packs
OPT_IN = "opt-in"  # a folder of rule packs that are shipped but loaded only when named (--rules)
# Fields every rule may carry; anything else is stage-specific and kept in Rule.extra.
_COMMON = {
    "id", "why", "kind", "where", "safety", "phrases", "pattern", "replacement", "case",
    "max_words", "remove", "keep", "cases", "known_misses", "aliases", "lang", "sites",
    "extend", "detector", "ends_article",
}


class RuleError(ValueError):
    """A rule file or rule that cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Rule:
    """One rule, as written in its pack (plus the pack's language and sites)."""

    id: str
    why: str
    kind: str
    family: str
    where: str = "any"
    safety: str = "safe"
    lang: str = "any"
    sites: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    pattern: str | None = None
    replacement: str = ""
    case: bool = False
    max_words: int | None = None
    extend: str = "none"
    ends_article: bool = False
    detector: str | None = None
    remove: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    cases: tuple[tuple[str, str], ...] = ()
    # per case, the record fields it is cleaned with (``meta = {title = "..."}``), as pairs
    case_meta: tuple[tuple[tuple[str, str], ...], ...] = ()
    known_misses: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def compiled(self) -> Any:
        """The compiled pattern (`compile_pattern`: once per process)."""
        if self.pattern is None:
            return None
        return compile_pattern(self.pattern, self.case)

    def case_fields(self, i: int) -> dict[str, str]:
        """The record fields case ``i`` is cleaned with (none for most cases)."""
        return dict(self.case_meta[i]) if i < len(self.case_meta) else {}

    def applies_to(self, lang: str | None, site: str | None) -> bool:
        """Scope check: language (unknown language lets every pack through) and site."""
        if self.sites and (site is None or not any(_site_match(site, s) for s in self.sites)):
            return False
        return self.lang == "any" or lang is None or self.lang == lang


@cache
def compile_pattern(pattern: str, case: bool) -> Any:
    """A rule's pattern, compiled once per process. The regex module keeps only its last 500
    compilations, fewer than the packs' patterns, so loading the rules and building the stages
    compiled each of them twice, and every new `Cleaner` (a test, a worker) again: most of its
    start-up. Bounded by the rules loaded; results are the module's own."""
    return regex.compile(pattern, regex.V0 | (0 if case else regex.IGNORECASE))


def find_rule(rules: Iterable[Rule], rid: str) -> Rule | None:
    """The rule with this id, if loaded: detector stages switch a detector on by its rule."""
    return next((r for r in rules if r.id == rid), None)


def _named_by(rule: Rule, name: str) -> bool:
    """Is ``name`` the rule's id or an alias, or a prefix of one followed by '.'?"""
    return any(k == name or k.startswith(name + ".") for k in (rule.id, *rule.aliases))


def _site_match(site: str, pattern: str) -> bool:
    return site == pattern or site.endswith("." + pattern)


def _fail(path: Path | str, rid: str, fld: str, msg: str) -> RuleError:
    return RuleError(f"{path}: rule {rid!r}: field {fld!r}: {msg}")


def _str_list(path: Path, rid: str, fld: str, v: Any) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise _fail(path, rid, fld, "must be a list of strings")
    return tuple(v)


def _parse_rule(path: Path, pack: dict[str, Any], raw: Any, n: int) -> Rule:
    if not isinstance(raw, dict):
        raise _fail(path, f"#{n}", "rule", "each [[rule]] must be a table")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid:
        raise _fail(path, f"#{n}", "id", "missing or not a string")
    pack_id = pack["id"]
    if not rid.startswith(pack_id + "."):
        raise _fail(path, rid, "id", f"must start with the pack id {pack_id!r} followed by '.'")
    why = raw.get("why")
    if not isinstance(why, str) or not why.strip() or "\n" in why.strip():
        raise _fail(path, rid, "why", "must be one non-empty line")
    kind = raw.get("kind", "line")
    if kind not in KINDS:
        raise _fail(path, rid, "kind", f"must be one of {', '.join(KINDS)}, not {kind!r}")
    where = raw.get("where", "any")
    if where not in ZONES:
        raise _fail(path, rid, "where", f"must be one of {', '.join(ZONES)}, not {where!r}")
    safety = raw.get("safety", "safe")
    if safety not in SAFETIES:
        raise _fail(path, rid, "safety", f"must be 'safe' or 'risky', not {safety!r}")
    extend = raw.get("extend", "none")
    if extend not in EXTENDS:
        raise _fail(path, rid, "extend", f"must be one of {', '.join(EXTENDS)}, not {extend!r}")
    phrases = _str_list(path, rid, "phrases", raw.get("phrases", []))
    pattern = raw.get("pattern")
    if kind in ("line", "prefix") and not phrases:
        raise _fail(path, rid, "phrases", f"a {kind} rule needs a non-empty phrases list")
    if kind in ("line", "prefix"):
        for p in phrases:
            if not fold(p):
                raise _fail(path, rid, "phrases", f"phrase {p!r} is empty once folded")
    if kind in ("regex", "span"):
        if not isinstance(pattern, str) or not pattern:
            raise _fail(path, rid, "pattern", f"a {kind} rule needs a pattern")
        try:
            compile_pattern(pattern, bool(raw.get("case")))
        except regex.error as e:
            raise _fail(path, rid, "pattern", f"does not compile: {e}") from None
    if kind == "detector" and not isinstance(raw.get("detector"), str):
        raise _fail(path, rid, "detector", "a detector rule names its detector")
    max_words = raw.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise _fail(path, rid, "max_words", "must be a positive integer")
    replacement = raw.get("replacement", "")
    if not isinstance(replacement, str):
        raise _fail(path, rid, "replacement", "must be a string")
    cases_raw = raw.get("cases", [])
    if not isinstance(cases_raw, list):
        raise _fail(path, rid, "cases", "must be a list of {input, output} tables")
    cases = []
    case_meta = []
    for c in cases_raw:
        if not (isinstance(c, dict) and isinstance(c.get("input"), str) and isinstance(c.get("output"), str)):
            raise _fail(path, rid, "cases", "each case needs string 'input' and 'output'")
        meta = c.get("meta", {})
        if not (isinstance(meta, dict) and all(isinstance(v, str) for v in meta.values())):
            raise _fail(path, rid, "cases", "a case's 'meta' is a table of string fields, such as {title = \"...\"}")
        case_meta.append(tuple(sorted(meta.items())))
        if c.get("escaped"):  # for characters TOML cannot hold, such as lone surrogates
            c = {k: c[k].encode("ascii", "backslashreplace").decode("unicode_escape") for k in ("input", "output")}
        cases.append((c["input"], c["output"]))
    remove = _str_list(path, rid, "remove", raw.get("remove", []))
    keep = _str_list(path, rid, "keep", raw.get("keep", []))
    if not (remove or cases):
        raise _fail(path, rid, "remove", "a rule needs examples: remove = [...] or [[rule.cases]]")
    lang = raw.get("lang", pack.get("lang", "any"))
    sites = raw.get("sites", pack.get("sites", []))
    return Rule(
        id=rid,
        why=why.strip(),
        kind=kind,
        family=pack_id.split(".")[0],
        where=where,
        safety=safety,
        lang=lang if isinstance(lang, str) else "any",
        sites=_str_list(path, rid, "sites", sites),
        phrases=phrases,
        pattern=pattern,
        replacement=replacement,
        case=bool(raw.get("case", False)),
        max_words=max_words,
        extend=extend,
        ends_article=bool(raw.get("ends_article", False)),
        detector=raw.get("detector"),
        remove=remove,
        keep=keep,
        cases=tuple(cases),
        case_meta=tuple(case_meta) if any(case_meta) else (),
        known_misses=_str_list(path, rid, "known_misses", raw.get("known_misses", [])),
        aliases=_str_list(path, rid, "aliases", raw.get("aliases", [])),
        source=str(path),
        extra={k: v for k, v in raw.items() if k not in _COMMON},
    )


def load_file(path: Path | str) -> list[Rule]:
    """Load and validate one rule file."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{path}: not valid TOML: {e}") from None
    except OSError as e:
        raise RuleError(f"{path}: cannot read: {e.strerror or e}") from None
    pack = data.get("pack")
    if not isinstance(pack, dict) or not isinstance(pack.get("id"), str):
        raise RuleError(f"{path}: missing [pack] table with a string 'id'")
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        raise RuleError(f"{path}: 'rule' must be an array of tables ([[rule]])")
    return [_parse_rule(path, pack, r, i) for i, r in enumerate(rules)]


def rule_files(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders to the ``*.toml`` rule files inside them (sorted, for determinism)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(
                f for f in sorted(p.rglob("*.toml"))
                if f.parent.name not in OWN_SCHEMA and f.parent.name != OPT_IN
            )
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class RuleSet:
    """An immutable, ordered collection of rules with unique ids."""

    rules: tuple[Rule, ...]

    @classmethod
    def load(cls, paths: Sequence[Path | str]) -> RuleSet:
        rules: list[Rule] = []
        seen: dict[str, str] = {}
        for f in rule_files(paths):
            for r in load_file(f):
                for key in (r.id, *r.aliases):
                    if key in seen:
                        raise _fail(f, r.id, "id", f"duplicate id, also in {seen[key]}")
                    seen[key] = str(f)
                rules.append(r)
        return cls(tuple(rules))

    @classmethod
    def default(cls) -> RuleSet:
        return cls.load([rules_dir()])

    def family(self, name: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.family == name)

    def without(self, skip: Iterable[str]) -> RuleSet:
        """Drop rules whose id (or an alias) equals or starts with one of ``skip`` + '.'."""
        skip = tuple(skip)
        return RuleSet(tuple(r for r in self.rules if not any(_named_by(r, s) for s in skip)))

    def safe(self) -> RuleSet:
        """Only the rules marked ``safety = "safe"`` (`Config.safe_only`)."""
        return RuleSet(tuple(r for r in self.rules if r.safety == "safe"))

    def naming_none(self, skip: Iterable[str]) -> list[str]:
        """Those of ``skip`` that `without` would drop no rule for."""
        return [s for s in skip if not any(_named_by(r, s) for r in self.rules)]

    def get(self, rid: str) -> Rule | None:
        for r in self.rules:
            if r.id == rid or rid in r.aliases:
                return r
        return None

    def __add__(self, other: RuleSet) -> RuleSet:
        return RuleSet(self.rules + other.rules)

    def __len__(self) -> int:
        return len(self.rules)
