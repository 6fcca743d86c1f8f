"""The rule catalog (``rules/RULES.md``), written from the rule packs themselves.

As ruff and sqlfluff generate their rule pages from the rules, the catalog is rendered from what
the packs say: each rule's id, why, scope, safety, phrases or pattern, and the examples its tests
run (what it removes, what it keeps). So the docs cannot drift from the rules: ``clean
--rules-doc`` prints it for the loaded packs (a user's own too), and a test holds the shipped
``rules/RULES.md`` to the output for the shipped packs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from cleaner.paths import rules_dir
from cleaner.ruleset import OPT_IN, Rule, RuleSet

FAMILY_ORDER = ("unicode", "residue", "boilerplate", "sites", "structure", "duplicates", "fragments", "layout")
SHOWN_PHRASES = 12  # phrases listed per rule; the rest are counted
SHOWN_CHARS = 200  # an example longer than this is cut (the pack holds it whole)
REGENERATE = "clean --rules-doc > rules/RULES.md"


def opt_in_rules() -> RuleSet:
    """The shipped packs that are loaded only when named (``rules/opt-in``)."""
    folder = rules_dir() / OPT_IN
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return RuleSet.load(files) if files else RuleSet(())


def render(rules: RuleSet, opt_in: RuleSet | None = None) -> str:
    """The catalog of ``rules`` (and of the shipped ``opt_in`` packs, marked as such)."""
    packs = _packs([*rules.rules, *(opt_in.rules if opt_in else ())])
    risky = sum(r.safety == "risky" for _, rs in packs for r in rs)
    total = sum(len(rs) for _, rs in packs)
    out = [
        "# Rule catalog",
        "",
        f"Generated from the rule packs by `{REGENERATE}`: edit the packs, not this file (a test",
        "checks that it is current). The schema of the packs is in [README.md](README.md).",
        "",
        f"{total} rules in {len(packs)} packs; {risky} are **risky** (likely noise, not certainly:",
        "`clean --safe-only` leaves them off). Every example below is checked by the test suite",
        "(`tests/test_rule_examples.py`): a rule must remove what it lists under *removes* and keep",
        "what it lists under *keeps*.",
        "",
        "| pack file | family | language | rules | risky |",
        "|---|---|---|---:|---:|",
    ]
    for source, rs in packs:
        name = _shown_path(source)
        opt = " (opt-in)" if _is_opt_in(source) else ""
        langs = ", ".join(sorted({r.lang for r in rs}))
        out.append(f"| [{name}](#{_anchor(name)}){opt} | {rs[0].family} | {langs} | {len(rs)} | "
                   f"{sum(r.safety == 'risky' for r in rs)} |")
    for source, rs in packs:
        out += ["", f"## {_shown_path(source)}", ""]
        about = _file_comment(source)
        if _is_opt_in(source):
            about.append("Opt-in: shipped but not loaded unless named with `--rules`.")
        if about:
            out += [*about, ""]
        for r in rs:
            out += _rule(r)
    text = "\n".join(out)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip() + "\n"


def _packs(rules: Iterable[Rule]) -> list[tuple[str, list[Rule]]]:
    """Rules grouped by their file, files in pipeline order of their family, then by name."""
    by_file: dict[str, list[Rule]] = {}
    for r in rules:
        by_file.setdefault(r.source, []).append(r)

    def order(source: str) -> tuple[int, bool, str]:
        fam = by_file[source][0].family
        rank = FAMILY_ORDER.index(fam) if fam in FAMILY_ORDER else len(FAMILY_ORDER)
        return rank, _is_opt_in(source), _shown_path(source)

    return [(s, by_file[s]) for s in sorted(by_file, key=order)]


def _rule(r: Rule) -> list[str]:
    facts = [f"kind `{r.kind}`" + (f" (`{r.detector}`)" if r.detector else ""), f"zone `{r.where}`",
             "**risky**" if r.safety == "risky" else "safe", f"language `{r.lang}`"]
    if r.sites:
        facts.append("sites " + ", ".join(f"`{s}`" for s in r.sites))
    if r.max_words is not None:
        facts.append(f"lines of at most {r.max_words} words")
    if r.case:
        facts.append("case-sensitive")
    if r.ends_article:
        facts.append("marks the end of the article")
    if r.extend == "rest-of-tail":
        facts.append("also removes the rest of the tail")
    if r.aliases:
        facts.append("formerly " + ", ".join(f"`{a}`" for a in r.aliases))
    out = ["", f"### {r.id}", "", r.why, "", " · ".join(facts)]
    if r.phrases:
        shown = ", ".join(_code(p) for p in r.phrases[:SHOWN_PHRASES])
        more = len(r.phrases) - SHOWN_PHRASES
        out += ["", f"Phrases ({len(r.phrases)}): {shown}" + (f" and {more} more" if more > 0 else "")]
    if r.pattern:
        out += ["", "Pattern: " + _code(r.pattern, cut=False)]
    if r.kind == "span" and r.replacement:
        out += ["", "Replacement: " + _code(r.replacement, cut=False)]
    out += _examples("Removes", r.remove)
    out += _examples("Keeps", r.keep)
    if r.cases:
        out += ["", "Cases:", ""]
        for i, (given, want) in enumerate(r.cases):
            fields = r.case_fields(i)
            with_fields = f" (with {', '.join(f'{k} = {_code(v)}' for k, v in fields.items())})" if fields else ""
            out.append(f"- {_code(given)} → {_code(want)}{with_fields}")
    out += _examples("Known misses (expected failures)", r.known_misses)
    return out


def _examples(title: str, items: Sequence[str]) -> list[str]:
    return ["", f"{title}:", "", *(f"- {_code(x)}" for x in items)] if items else []


def _code(s: str, cut: bool = True) -> str:
    """``s`` as one inline code span: line breaks shown as ⏎, invisible and control characters
    as escapes, long examples cut, and a delimiter the text cannot close early."""
    shown = "".join(_char(c) for c in s)
    if cut and len(shown) > SHOWN_CHARS:
        shown = shown[:SHOWN_CHARS] + "…"
    if not shown:
        return "(empty)"
    ticks = "`"
    while ticks in shown:
        ticks += "`"
    pad = " " if shown.startswith("`") or shown.endswith("`") or ticks != "`" else ""
    return f"{ticks}{pad}{shown}{pad}{ticks}"


def _char(c: str) -> str:
    if c == "\n":
        return "⏎"
    if c == " ":
        return c
    cat = unicodedata.category(c)
    if cat[0] in "CZ":  # controls, invisible formats, odd spaces, surrogates
        return f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"
    return c


def _shown_path(source: str) -> str:
    """A pack's path below ``rules/`` when it is a shipped one, else as it was given."""
    p = Path(source)
    try:
        return p.resolve().relative_to(rules_dir().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def _is_opt_in(source: str) -> bool:
    return _shown_path(source).startswith(OPT_IN + "/")


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation but - and _ dropped."""
    return "".join(c for c in heading.lower().replace(" ", "-") if c.isalnum() or c in "-_")


def _file_comment(source: str) -> list[str]:
    """The comment at the top of a pack file, before its first table: what the pack is for."""
    out: list[str] = []
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        if not line.startswith("#"):
            break
        out.append(line.lstrip("#").strip())
    text = " ".join(x for x in out if x)
    return [text] if text else []
