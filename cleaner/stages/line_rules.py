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
from cleaner.prefilter import Prefilter, analyze, casefold_for
from cleaner.ruleset import Rule
from cleaner.stages.base import Context, Line, iter_lines, removal_span
from cleaner.zones import find_zones, is_paragraph, words_of

DEFAULT_TIMEOUT = 0.5


# Which zone-scoped regex rules can matter on a line (a bit mask; see `_zone_mask`).
_HEAD, _TAIL, _MARKER = 1, 2, 4
_ALL_ZONES = _HEAD | _TAIL | _MARKER


def _zone_mask(i: int, first_paragraph: int) -> int:
    """Zones line ``i`` may end up in, known before any rule runs (see `find_zones`).

    The head is the lines before the first article paragraph and the tail starts after it, so
    a head rule cannot fire on a later line and a tail rule cannot fire up to it; with no
    paragraph at all every line is body. An end marker (a rule with ``ends_article``) counts
    only after the first paragraph, wherever the rule is scoped, so there it always runs.
    """
    if first_paragraph < 0:
        return 0
    if i < first_paragraph:
        return _HEAD
    if i > first_paragraph:
        return _TAIL | _MARKER
    return 0


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
    _by_lang: dict[str | None, tuple[tuple[Rule, Any, Prefilter | None], ...]] = field(default_factory=dict, compare=False, repr=False)
    _compact_memo: dict[tuple[str | None, str | None], tuple[Any, ...]] = field(default_factory=dict, compare=False, repr=False)
    _prefilter: dict[str, Prefilter | None] = field(default_factory=dict, compare=False, repr=False)

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
                pat = r.compiled
                self.regexes.append((r, pat))
                self._prefilter[r.id] = analyze(pat.pattern, pat.flags)
            elif r.kind == "span":
                self.spans.append((r, r.compiled))
                self.anywhere[r.id] = regex.compile(r.pattern, r.compiled.flags | regex.MULTILINE)
        self.whole = {k: _dedup(v) for k, v in whole.items()}
        self.prefix = {k: _dedup(v) for k, v in prefix.items()}

    def line_rules(
        self, text: str, folded: str, words: int, dead: set[str], ctx: Context, zone: int = _ALL_ZONES
    ) -> list[Rule]:
        """Every whole-line rule (line, prefix, regex) that fires on this line, in pack order.

        ``zone`` says which zone-scoped regex rules can matter on this line (see `_zone_mask`);
        the others are not run (their hits would be dropped anyway).
        Memoized per line text while no regex has timed out: the fixpoint rounds and repeated
        boilerplate lines ask about the same lines again (``folded`` and ``words`` derive from it).
        """
        if dead:
            return self._line_rules(text, folded, words, dead, ctx, zone)
        key = (text, ctx.lang, ctx.site, zone)
        hit = self._memo.get(key)
        if hit is not None:
            return list(hit)
        out = self._line_rules(text, folded, words, dead, ctx, zone)
        if not dead:
            if len(self._memo) >= 1 << 16:
                self._memo.clear()
            self._memo[key] = tuple(out)
        return out

    def regexes_for(self, lang: str | None, site: str | None) -> tuple[tuple[Rule, Any, Prefilter | None], ...]:
        """The regex rules in scope (with their literal prefilters), so a document does not pay
        for other languages' patterns."""
        general = self._by_lang.get(lang)
        pf = self._prefilter
        if general is None:
            general = tuple((r, p, pf[r.id]) for r, p in self.regexes if not r.sites and r.applies_to(lang, None))
            self._by_lang[lang] = general
        if site is None:
            return general
        scoped = tuple((r, p, pf[r.id]) for r, p in self.regexes if r.sites and r.applies_to(lang, site))
        return general + scoped if scoped else general

    @property
    def _width(self) -> int:
        """How much of a line after its skipped run the anchored checks look at."""
        w = self.__dict__.get("_width_memo")
        if w is None:
            w = max([pf.fast_form()[1][4] for pf in self._prefilter.values()  # type: ignore[misc]
                     if pf is not None and pf.fast_form()[0] == 1] or [1])
            self.__dict__["_width_memo"] = w
        return w  # type: ignore[no-any-return]

    def _compact(self, lang: str | None, site: str | None) -> tuple[tuple[Any, ...], ...]:
        """`regexes_for` with each rule's word limit and zone bits ready for the per-line loop.

        ``needs_zone``: the `_zone_mask` bits one of which a line needs for the rule to matter
        (0: any line). A head rule that ends an article also matters after the first paragraph.
        """
        key = (lang, site)
        hit = self._compact_memo.get(key)
        if hit is None:
            out = []
            for r, pat, pf in self.regexes_for(lang, site):
                max_words = (1 << 62) if r.max_words is None else r.max_words
                if r.where == "head":
                    needs = _HEAD | (_MARKER if r.ends_article else 0)
                elif r.where == "tail":
                    needs = _TAIL
                else:
                    needs = 0
                form, args = pf.fast_form() if pf is not None else (0, ())
                out.append((r, pat, pf, max_words, needs, form, args))
            hit = tuple(out)
            if len(self._compact_memo) > 256:
                self._compact_memo.clear()
            self._compact_memo[key] = hit
        return hit

    def _line_rules(
        self, text: str, folded: str, words: int, dead: set[str], ctx: Context, zone: int = _ALL_ZONES
    ) -> list[Rule]:
        out: list[Rule] = list(self.whole.get(folded, ()))
        if self.prefix_len:
            toks = folded.split(" ")
            for k in range(1, min(self.prefix_len, len(toks)) + 1):
                for r in self.prefix.get(" ".join(toks[:k]), ()):
                    if r.max_words is None or words <= r.max_words:
                        out.append(r)
        low: str | None | bool = False  # casefold_for(text), computed when a check needs it
        heads: dict[str, tuple[str, str] | None] = {}  # skipped chars -> the line after them
        width = self._width
        for r, pat, pf, max_words, needs_zone, form, args in self._compact(ctx.lang, ctx.site):
            if words > max_words or (needs_zone and not zone & needs_zone):
                continue
            if dead and r.id in dead:
                continue
            # Prefilters (see cleaner.prefilter): skip the regex when it provably cannot match.
            if form == 1:  # ^ skip* (prefix|...): look at the text after the skipped run
                skip, prefixes, first_ok, icase, _, lits = args
                head = heads.get(skip, False)
                if head is False:
                    rest = text.lstrip(skip)
                    if rest:
                        cut = rest[:width]
                        head = (cut, cut.lower())
                    else:
                        head = None
                    heads[skip] = head
                if head is None:
                    continue  # nothing after the skipped run: no prefix can match
                raw_head, low_head = head
                if raw_head.isascii() and raw_head[0] not in first_ok:
                    if not (low_head if icase else raw_head).startswith(prefixes):
                        continue
                # else: a non-ASCII character near the start or a class-led alternative
                if lits is not None:
                    if icase and low is False:
                        low = casefold_for(text)
                    if _lacks_all(low if icase else text, lits):
                        continue
            elif form == 2:  # a literal one of which the line must hold
                lits, icase = args
                if icase and low is False:
                    low = casefold_for(text)
                if _lacks_all(low if icase else text, lits):
                    continue
            elif pf is not None:
                if low is False:
                    low = casefold_for(text)
                if not pf.may_match(text, low):  # type: ignore[arg-type]
                    continue
            try:
                if pat.search(text, timeout=self.timeout):
                    out.append(r)
            except TimeoutError:
                dead.add(r.id)
                ctx.counters[f"timeout:{r.id}"] += 1
        return out


def _lacks_all(hay: str | None, lits: tuple[str, ...]) -> bool:
    """True when ``hay`` holds none of ``lits`` (None: no safe haystack, so never skip)."""
    if hay is None:
        return False
    for lit in lits:
        if lit in hay:
            return False
    return True


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
        paragraph = [is_paragraph(ln.text, w) for ln, w in zip(lines, words, strict=True)]
        first_paragraph = next((i for i, p in enumerate(paragraph) if p), -1)
        raw: list[tuple[int, Rule]] = []
        for ln in lines:
            folded = fold(ln.text)
            if not folded and not ln.text.strip():
                continue
            zone = _zone_mask(ln.index, first_paragraph)
            for r in m.line_rules(ln.text, folded, words[ln.index], dead, ctx, zone):
                if r.applies_to(ctx.lang, ctx.site):
                    raw.append((ln.index, r))
        raw = [(i, r) for i, r in raw if r.id not in dead]
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
