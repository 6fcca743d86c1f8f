"""The matcher shared by the residue and boilerplate stages: line, prefix, regex and span rules.

Phrase rules cost one dictionary lookup per line (``line``) or one per leading word count up to
the longest phrase (``prefix``), however many phrases the packs hold. Regex rules run with a
per-match timeout; a rule that times out is dropped for that document and reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from cleaner.document import Edit
from cleaner.normalize import fold
from cleaner.ruleset import Rule
from cleaner.stages.base import Context, Line, iter_lines, removal_span
from cleaner.zones import find_zones, is_paragraph, words_of

DEFAULT_TIMEOUT = 0.5


class _Anywhere:
    """Zones for span-only stages: every rule applies everywhere."""

    @staticmethod
    def allows(where: str, i: int) -> bool:
        return True


_ANYWHERE = _Anywhere()


@dataclass(frozen=True)
class Hit:
    rule: Rule
    line: int
    note: str = ""


@dataclass
class _Matcher:
    """Compiled lookup tables for a tuple of rules (immutable once built)."""

    rules: tuple[Rule, ...]
    timeout: float = DEFAULT_TIMEOUT
    whole: dict[str, list[Rule]] = field(default_factory=dict)
    prefix: dict[str, list[Rule]] = field(default_factory=dict)
    prefix_len: int = 0
    regexes: list[tuple[Rule, Any]] = field(default_factory=list)
    spans: list[tuple[Rule, Any]] = field(default_factory=list)
    anywhere: dict[str, Any] = field(default_factory=dict)  # span patterns in MULTILINE mode, as prefilters
    _memo: dict[tuple[str, str | None, str | None], tuple[Rule, ...]] = field(default_factory=dict, compare=False, repr=False)
    _by_lang: dict[str | None, tuple[tuple[Rule, Any], ...]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        whole: dict[str, list[Rule]] = defaultdict(list)
        prefix: dict[str, list[Rule]] = defaultdict(list)
        for r in self.rules:
            if r.kind == "line":
                for p in r.phrases:
                    whole[fold(p)].append(r)
            elif r.kind == "prefix":
                for p in r.phrases:
                    f = fold(p)
                    prefix[f].append(r)
                    self.prefix_len = max(self.prefix_len, len(f.split()))
            elif r.kind == "regex":
                self.regexes.append((r, r.compiled))
            elif r.kind == "span":
                self.spans.append((r, r.compiled))
                self.anywhere[r.id] = regex.compile(r.pattern, r.compiled.flags | regex.MULTILINE)
        self.whole = {k: _dedup(v) for k, v in whole.items()}
        self.prefix = {k: _dedup(v) for k, v in prefix.items()}

    def line_rules(self, text: str, folded: str, words: int, dead: set[str], ctx: Context) -> list[Rule]:
        """Every whole-line rule (line, prefix, regex) that fires on this line, in pack order.

        Memoized per line text while no regex has timed out: the fixpoint rounds and repeated
        boilerplate lines ask about the same lines again (``folded`` and ``words`` derive from it).
        """
        if dead:
            return self._line_rules(text, folded, words, dead, ctx)
        key = (text, ctx.lang, ctx.site)
        hit = self._memo.get(key)
        if hit is not None:
            return list(hit)
        out = self._line_rules(text, folded, words, dead, ctx)
        if not dead:
            if len(self._memo) >= 1 << 16:
                self._memo.clear()
            self._memo[key] = tuple(out)
        return out

    def regexes_for(self, lang: str | None, site: str | None) -> tuple[tuple[Rule, Any], ...]:
        """The regex rules in scope, so a document does not pay for other languages' patterns."""
        general = self._by_lang.get(lang)
        if general is None:
            general = tuple((r, p) for r, p in self.regexes if not r.sites and r.applies_to(lang, None))
            self._by_lang[lang] = general
        if site is None:
            return general
        scoped = tuple((r, p) for r, p in self.regexes if r.sites and r.applies_to(lang, site))
        return general + scoped if scoped else general

    def _line_rules(self, text: str, folded: str, words: int, dead: set[str], ctx: Context) -> list[Rule]:
        out: list[Rule] = list(self.whole.get(folded, ()))
        if self.prefix_len:
            toks = folded.split(" ")
            for k in range(1, min(self.prefix_len, len(toks)) + 1):
                for r in self.prefix.get(" ".join(toks[:k]), ()):
                    if r.max_words is None or words <= r.max_words:
                        out.append(r)
        for r, pat in self.regexes_for(ctx.lang, ctx.site):
            if r.id in dead or (r.max_words is not None and words > r.max_words):
                continue
            try:
                if pat.search(text, timeout=self.timeout):
                    out.append(r)
            except TimeoutError:
                dead.add(r.id)
                ctx.counters[f"timeout:{r.id}"] += 1
        return out


def _dedup(rules: list[Rule]) -> list[Rule]:
    return list({r.id: r for r in rules}.values())


class LineRulesStage:
    """A stage that applies line/prefix/regex/span rules, scoped by language, site and zone."""

    def __init__(self, name: str, rules: Sequence[Rule], timeout: float = DEFAULT_TIMEOUT) -> None:
        self.name = name
        self.rules = tuple(rules)
        self.timeout = timeout
        self._matcher = _Matcher(self.rules, timeout)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.rules, self.timeout))

    def hits(self, text: str, ctx: Context) -> tuple[list[Line], list[Hit], list[Edit]]:
        """Whole-line hits (zone-filtered, with extensions) and span edits for ``text``."""
        m = self._matcher
        lines = list(iter_lines(text))
        dead: set[str] = set()
        if not (m.whole or m.prefix or m.regexes) and all(r.where == "any" for r, _ in m.spans):
            # span rules only (residue): no zones to find, no lines to fold
            return lines, [], self._span_edits(text, lines, _ANYWHERE, set(), dead, ctx)
        words = [words_of(ln.text) for ln in lines]
        raw: list[tuple[int, Rule]] = []
        for ln in lines:
            folded = fold(ln.text)
            if not folded and not ln.text.strip():
                continue
            for r in m.line_rules(ln.text, folded, words[ln.index], dead, ctx):
                if r.applies_to(ctx.lang, ctx.site):
                    raw.append((ln.index, r))
        raw = [(i, r) for i, r in raw if r.id not in dead]
        paragraph = [is_paragraph(ln.text, w) for ln, w in zip(lines, words, strict=True)]
        markers = sorted({i for i, r in raw if r.ends_article})
        zones = find_zones(paragraph, markers)
        hits: list[Hit] = []
        taken: set[int] = set()
        for i, r in raw:
            if i in taken or not zones.allows(r.where, i):
                continue
            taken.add(i)
            hits.append(Hit(r, i))
            if r.extend == "rest-of-tail" and zones.zone(i) == "tail":
                for j in range(i + 1, len(lines)):
                    if j not in taken and lines[j].text.strip():
                        taken.add(j)
                        hits.append(Hit(r, j, f"rest of tail after line {i + 1}"))
        spans = self._span_edits(text, lines, zones, taken, dead, ctx)
        return lines, hits, spans

    def _span_edits(self, text: str, lines: list[Line], zones: Any, taken: set[int], dead: set[str], ctx: Context) -> list[Edit]:
        out: list[Edit] = []
        rules = []
        for r, pat in self._matcher.spans:
            if not r.applies_to(ctx.lang, ctx.site):
                continue
            try:  # one search over the whole text first: most documents have no markup at all
                if not self._matcher.anywhere[r.id].search(text, timeout=self.timeout):
                    continue
            except TimeoutError:
                pass
            rules.append((r, pat))
        if not rules:
            return out
        for ln in lines:
            if ln.index in taken:
                continue
            used: list[tuple[int, int]] = []
            for r, pat in rules:
                if r.id in dead or not zones.allows(r.where, ln.index):
                    continue
                try:
                    found = list(pat.finditer(ln.text, timeout=self.timeout))
                except TimeoutError:
                    dead.add(r.id)
                    ctx.counters[f"timeout:{r.id}"] += 1
                    continue
                for mt in found:
                    s, e = mt.span()
                    if s == e or any(s < ue and e > us for us, ue in used):
                        continue
                    used.append((s, e))
                    repl = mt.expand(r.replacement) if r.replacement else ""
                    out.append(Edit(r.id, ln.start + s, ln.start + e, repl, r.safety))  # type: ignore[arg-type]
        return [e for e in out if e.rule not in dead]

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        lines, hits, spans = self.hits(text, ctx)
        edits = [
            Edit(h.rule.id, *removal_span(lines, h.line), "", h.rule.safety, h.note)  # type: ignore[arg-type]
            for h in hits
        ]
        return edits + spans


def line_hits(rules: Iterable[Rule], line: str) -> list[str]:
    """Ids of the whole-line rules that fire on ``line`` alone (zones ignored): for rule tests."""
    rules = tuple(rules)
    m = _Matcher(rules)
    ctx = Context(site=next((r.sites[0] for r in rules if r.sites), None))  # scope is not tested here
    return [r.id for r in m.line_rules(line, fold(line), words_of(line), set(), ctx)]


def span_apply(rules: Iterable[Rule], text: str) -> str:
    """``text`` after the span rules alone (zones ignored): for rule tests."""
    from cleaner.document import apply_edits

    stage = LineRulesStage("test", [r for r in rules if r.kind == "span"])
    lines = list(iter_lines(text))
    zones = find_zones([False] * len(lines))
    return apply_edits(text, stage._span_edits(text, lines, zones, set(), set(), Context()))
