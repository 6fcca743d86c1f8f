"""The matcher shared by the residue and boilerplate stages: line, prefix, regex and span rules.

Phrase rules cost one dictionary lookup per line (``line``) or one per leading word count up to
the longest phrase (``prefix``), however many phrases the packs hold. Regex rules run with a
per-match timeout; a rule that times out is dropped for that document and reported.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import is_
from typing import Any

import regex

from cleaner.document import Edit
from cleaner.normalize import fold
from cleaner.prefilter import Prefilter, analyze, casefold_for, ending_lacks, lacks_class, prepare
from cleaner.ruleset import Rule, _site_match
from cleaner.stages.base import Context, Line, Lines, line_facts, removal_span
from cleaner.stages.rule_dispatch import (
    ALL_ZONES,
    HEAD,
    MARKER,
    TAIL,
    Dispatch,
    casefold_text,
    lacks_all,
    required_literals,
)
from cleaner.zones import find_zones, words_of

DEFAULT_TIMEOUT = 0.5


_MEMO_LIMIT = 1 << 16  # lines the memos of one matcher keep, all scopes together
_OTHER_LANG = "*"  # any language no regex rule names (see `_Matcher._scope`)



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
        return HEAD
    if i > first_paragraph:
        return TAIL | MARKER
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
    prefix_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> word counts
    regexes: list[tuple[Rule, Any]] = field(default_factory=list)
    spans: list[tuple[Rule, Any]] = field(default_factory=list)
    anywhere: dict[str, Any] = field(default_factory=dict)  # span patterns in MULTILINE mode, as prefilters
    span_filters: dict[str, Prefilter | None] = field(default_factory=dict)  # their literal prefilters
    # (lang, site, zone) -> line -> its rules: one dictionary per scope, so a whole zone of a
    # text is looked up with one `map`; `_memo_size` bounds them all together
    _memo: dict[tuple[str | None, str | None, int], dict[str, tuple[Rule, ...]]] = field(default_factory=dict, compare=False, repr=False)
    _memo_size: list[int] = field(default_factory=lambda: [0], compare=False, repr=False)
    _by_lang: dict[str | None, tuple[tuple[Rule, Any, Prefilter | None], ...]] = field(default_factory=dict, compare=False, repr=False)
    _compact_memo: dict[tuple[str | None, str | None], tuple[Any, ...]] = field(default_factory=dict, compare=False, repr=False)
    _prefilter: dict[str, Prefilter | None] = field(default_factory=dict, compare=False, repr=False)
    _dispatch_memo: dict[tuple[str | None, str | None], Dispatch] = field(default_factory=dict, compare=False, repr=False)
    _langs: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # languages regex rules name
    _sites: frozenset[str] = field(default=frozenset(), compare=False, repr=False)  # sites regex rules name
    _site_memo: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    # how much of a line after its skipped run the anchored checks look at
    _width_memo: int = field(default=1, compare=False, repr=False)

    def __post_init__(self) -> None:
        whole: dict[str, list[Rule]] = defaultdict(list)
        prefix: dict[str, list[Rule]] = defaultdict(list)
        prepare(r.pattern for r in self.rules if r.kind in ("regex", "span") and r.pattern)  # one pass for all
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
                self.span_filters[r.id] = analyze(r.compiled.pattern, r.compiled.flags)
                self.anywhere[r.id] = regex.compile(r.pattern, r.compiled.flags | regex.MULTILINE)
        self.whole = {k: _dedup(v) for k, v in whole.items()}
        self.prefix = {k: _dedup(v) for k, v in prefix.items()}
        lengths: dict[str, set[int]] = defaultdict(set)
        for f in self.prefix:
            toks = f.split(" ")
            lengths[toks[0]].add(len(toks))
        self.prefix_lengths = {k: tuple(sorted(v)) for k, v in lengths.items()}
        self._langs = frozenset(r.lang for r, _ in self.regexes if r.lang != "any")
        self._sites = frozenset(site for r, _ in self.regexes for site in r.sites)
        self._width_memo = max([pf.fast_form()[1][4] for pf in self._prefilter.values()  # type: ignore[misc]
                                if pf is not None and pf.fast_form()[0] == 1] or [1])
        if self.regexes:  # built now, like the patterns: the first documents of a run do not pay
            for lang in (None, _OTHER_LANG, *sorted(self._langs)):
                self._dispatch(lang, None)

    def _scope(self, lang: str | None) -> str | None:
        """The language the regex rules see: a language none of them names sees only the rules
        for any language, like every other such language (one plan serves them all)."""
        return lang if lang is None or lang in self._langs else _OTHER_LANG

    def _site_scope(self, site: str | None) -> str | None:
        """The site the regex rules see: one no rule names sees the rules for every site, as no
        site does. So a corpus of many sites shares one plan and one line memo per language
        (each new site used to build its own plan: a quarter of the time of a 50-site run)."""
        if site is None or not self._sites:
            return None
        memo = self._site_memo
        if site not in memo:
            if len(memo) >= 4096:
                memo.clear()
            named = any(_site_match(site, pattern) for pattern in self._sites)  # as `Rule.applies_to`
            memo[site] = site if named else None
        return memo[site]

    def line_rules(
        self, text: str, folded: str, words: int, dead: set[str], ctx: Context, zone: int = ALL_ZONES,
        others: int | None = None,
    ) -> list[Rule]:
        """Every whole-line rule (line, prefix, regex) that fires on this line, in pack order.

        ``zone`` says which zone-scoped regex rules can matter on this line (see `_zone_mask`);
        the others are not run (their hits would be dropped anyway).
        Memoized per line text while no regex has timed out: the fixpoint rounds and repeated
        boilerplate lines ask about the same lines again (``folded`` and ``words`` derive from it).
        """
        if dead:
            return self._line_rules(text, folded, words, dead, ctx, zone, others)
        memo = self._memo_for(ctx.lang, ctx.site, zone)
        hit = memo.get(text)
        if hit is not None:
            return list(hit)
        out = self._line_rules(text, folded, words, dead, ctx, zone, others)
        if not dead:
            self._remember(memo, text, out)
        return out

    def _memo_for(self, lang: str | None, site: str | None, zone: int) -> dict[str, tuple[Rule, ...]]:
        """The memo of one scope: line text -> the rules that fire on it there (the phrase rules
        of every scope, filtered later, and the regex rules of the plan, so the plan's scope)."""
        key = (self._scope(lang), self._site_scope(site), zone)
        memo = self._memo.get(key)
        if memo is None:
            memo = self._memo.setdefault(key, {})
        return memo

    def _remember(self, memo: dict[str, tuple[Rule, ...]], text: str, rules: list[Rule]) -> None:
        """Keep a line's rules for `line_rules` and `LineRulesStage.hits` (bounded: all emptied
        when full). An empty line is never kept: no rule runs on it."""
        if not text:
            return
        size = self._memo_size
        if size[0] >= _MEMO_LIMIT:
            self._forget()
        size[0] += 1
        memo[text] = tuple(rules)

    def _forget(self) -> None:
        """Empty the line memos (every scope keeps its dictionary)."""
        for kept in list(self._memo.values()):
            kept.clear()
        self._memo_size[0] = 0

    def regexes_for(self, lang: str | None, site: str | None) -> tuple[tuple[Rule, Any, Prefilter | None], ...]:
        """The regex rules in scope (with their literal prefilters), so a document does not pay
        for other languages' patterns."""
        lang = self._scope(lang)
        general = self._by_lang.get(lang)
        pf = self._prefilter
        if general is None:
            general = tuple((r, p, pf[r.id]) for r, p in self.regexes if not r.sites and r.applies_to(lang, None))
            self._by_lang[lang] = general
        if site is None:
            return general
        scoped = tuple((r, p, pf[r.id]) for r, p in self.regexes if r.sites and r.applies_to(lang, site))
        return general + scoped if scoped else general

    def _compact(self, lang: str | None, site: str | None) -> tuple[tuple[Any, ...], ...]:
        """`regexes_for` with each rule's word limit and zone bits ready for the per-line loop.

        ``needs_zone``: the `_zone_mask` bits one of which a line needs for the rule to matter
        (0: any line). A head rule that ends an article also matters after the first paragraph.
        """
        lang, site = self._scope(lang), self._site_scope(site)
        key = (lang, site)
        hit = self._compact_memo.get(key)
        if hit is None:
            out = []
            for r, pat, pf in self.regexes_for(lang, site):
                max_words = (1 << 62) if r.max_words is None else r.max_words
                if r.where == "head":
                    needs = HEAD | (MARKER if r.ends_article else 0)
                elif r.where == "tail":
                    needs = TAIL
                else:
                    needs = 0
                form, args = pf.fast_form() if pf is not None else (0, ())
                post = pf.whole_line() if form else (None, None, None)  # type: ignore[union-attr]
                out.append((r, pat, pf, max_words, needs, form, args, post if any(x is not None for x in post) else None))
            hit = tuple(out)
            if len(self._compact_memo) > 256:
                self._compact_memo.clear()
            self._compact_memo[key] = hit
        return hit

    def _dispatch(self, lang: str | None, site: str | None) -> Dispatch:
        """`Dispatch` of the rules in scope, built once per language and site."""
        lang, site = self._scope(lang), self._site_scope(site)
        key = (lang, site)
        hit = self._dispatch_memo.get(key)
        if hit is None:
            hit = Dispatch.build(self._compact(lang, site))
            if len(self._dispatch_memo) > 256:
                self._dispatch_memo.clear()
            self._dispatch_memo[key] = hit
        return hit

    def _line_rules(
        self, text: str, folded: str, words: int, dead: set[str], ctx: Context, zone: int = ALL_ZONES,
        others: int | None = None, plan: tuple[tuple[Any, ...], Dispatch] | None = None,
    ) -> list[Rule]:
        """``others``: `Dispatch.others_for` the document, a mask (None: this line's own);
        ``plan``: ``(_compact, _dispatch)`` of the context, when the caller has them at hand."""
        out: list[Rule] = list(self.whole.get(folded, ()))
        lengths = self.prefix_lengths.get(folded.partition(" ")[0])
        if lengths:
            toks = folded.split(" ")
            for k in lengths:
                if k > len(toks):
                    break
                for r in self.prefix.get(" ".join(toks[:k]), ()):
                    if r.max_words is None or words <= r.max_words:
                        out.append(r)
        compact, dispatch = plan if plan is not None else (self._compact(ctx.lang, ctx.site), self._dispatch(ctx.lang, ctx.site))
        if others is None:  # no document to scan: the evidence of this line alone
            others = dispatch.others_in(text)
        low: str | None | bool = False  # casefold_for(text), computed when a check needs it
        width = self._width_memo
        cand = dispatch.candidates(text, others, words, zone)
        while cand:
            bit = cand & -cand  # the lowest rule left: pack order
            cand ^= bit
            r, pat, pf, max_words, needs_zone, form, args, post = compact[bit.bit_length() - 1]
            if dead and r.id in dead:
                continue
            # Prefilters (see cleaner.prefilter): skip the regex when it provably cannot match.
            if form == 1:  # ^ skip* (prefix|...): look at the text after the skipped run
                skip, prefixes, first_ok, icase, _, lits = args
                rest = text.lstrip(skip)
                if not rest:
                    continue  # nothing after the skipped run: no prefix can match
                raw_head = rest[:width]
                if raw_head.isascii() and raw_head[0] not in first_ok:
                    if not (raw_head.lower() if icase else raw_head).startswith(prefixes):
                        continue
                # else: a non-ASCII character near the start or a class-led alternative
                if lits is not None:
                    if icase and low is False:
                        low = casefold_for(text)
                    if lacks_all(low if icase else text, lits):
                        continue
            elif form == 2:  # a literal one of which the line must hold
                lits, icase = args
                if icase and low is False:
                    low = casefold_for(text)
                if lacks_all(low if icase else text, lits):
                    continue
            elif pf is not None:
                if low is False:
                    low = casefold_for(text)
                if not pf.may_match(text, low):  # type: ignore[arg-type]
                    continue
            if post is not None:  # the checks of `Prefilter.whole_line`, as in `_Branch.may_match`
                ending, alphabet, need_class = post
                if ending is not None and ending_lacks(text, ending, pf.icase):
                    continue  # the line does not end with a suffix the pattern ends with
                if alphabet is not None and text.encode("ascii", "ignore").translate(None, alphabet):
                    continue  # an ASCII character no atom of a ^...$ pattern can match
                if need_class is not None and lacks_class(text, need_class):
                    continue  # none of the characters one of which a match holds
            try:
                if pat.search(text, timeout=self.timeout):
                    out.append(r)
            except TimeoutError:
                dead.add(r.id)
                ctx.counters[f"timeout:{r.id}"] += 1
        return out

def _lines_holding(hay: str, lits: Sequence[str], lines: Lines) -> set[int]:
    """Indices of the lines where ``hay`` (the text, or its lower-cased form of equal length)
    holds one of ``lits``; a literal never spans lines unless it holds a line break."""
    out: set[int] = set()
    starts = lines.starts
    for lit in lits:
        if "\n" in lit:
            return set(range(len(lines)))
        pos = hay.find(lit)
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            out.add(k)
            pos = hay.find(lit, lines[k].stop)
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

    def hits(self, text: str, ctx: Context) -> tuple[Sequence[Line], list[Hit], list[Edit]]:
        """Whole-line hits (zone-filtered, with extensions) and span edits for ``text``."""
        m = self._matcher
        dead: set[str] = set()
        if not (m.whole or m.prefix or m.regexes) and all(r.where == "any" for r, _ in m.spans):
            # span rules only (residue): no zones to find, no lines to fold (nor, mostly, to split)
            return [], [], self._span_edits(text, None, _ANYWHERE, set(), dead, ctx)
        lines, words, paragraph = line_facts(text)
        first_paragraph = next((i for i, p in enumerate(paragraph) if p), -1)
        lang, site, fp, n = ctx.lang, ctx.site, first_paragraph, len(lines)
        # `_Matcher.line_rules`' memo, looked up here first, one zone at a time (`_zone_mask`): a
        # line seen before (a repeated line, the next fixpoint round) costs one lookup; no regex
        # has run yet, so none is dead. An empty line is never in it: no rule runs on it.
        texts = lines.texts
        found: list[tuple[Rule, ...] | list[Rule] | None] = [None] * n
        missing: list[tuple[int, str, int]] = []
        memos: dict[int, dict[str, tuple[Rule, ...]]] = {}
        scopes = ((0, n, 0),) if fp < 0 else ((0, fp, HEAD), (fp, fp + 1, 0), (fp + 1, n, TAIL | MARKER))
        for lo, hi, zone in scopes:
            if lo >= hi:
                continue
            memo = memos[zone] = m._memo_for(lang, site, zone)
            part = list(map(memo.get, texts[lo:hi]))
            found[lo:hi] = part
            for i in compress(range(lo, hi), map(is_, part, repeat(None))):
                line = texts[i]
                if line and (line.strip() or fold(line)):  # else a blank line: no rule to run
                    missing.append((i, line, zone))
        if missing:
            plan = (m._compact(lang, site), m._dispatch(lang, site))
            dispatch = plan[1]
            # the literal scan of the whole text, unless few lines need it (a later round)
            always, by_line = dispatch.others_for(text, lines.starts) if 4 * len(missing) > len(lines) else (0, None)
            for i, line, zone in missing:
                others = by_line.get(i, always) if by_line is not None else dispatch.others_in(line)
                got = m._line_rules(line, fold(line), words[i], dead, ctx, zone, others, plan)
                found[i] = got
                if not dead:  # a timed-out rule may have missed: not for keeps
                    m._remember(memos[zone], line, got)
        raw = [(i, r) for i, got in enumerate(found) if got for r in got if r.applies_to(lang, site)]
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
                    if j not in taken and texts[j].strip():
                        taken.add(j)
                        hits.append(Hit(r, j, f"rest of tail after line {i + 1}"))
        spans = self._span_edits(text, lines, zones, taken, dead, ctx)
        return lines, hits, spans

    def _span_edits(
        self, text: str, lines: Lines | None, zones: Any, taken: set[int], dead: set[str], ctx: Context
    ) -> list[Edit]:
        """Span rule edits; ``lines`` None: split ``text`` only if some rule may match."""
        out: list[Edit] = []
        rules: list[tuple[Rule, Any, tuple[tuple[str, ...], str] | None]] = []
        low: str | None | bool = False
        for r, pat in self._matcher.spans:
            if not r.applies_to(ctx.lang, ctx.site):
                continue
            pf = self._matcher.span_filters.get(r.id)
            lits = required_literals(pf)
            if pf is not None and lits is not None:  # a literal every match holds
                if pf.icase and low is False:
                    low = casefold_text(text)
                    if low is not None and len(low) != len(text):
                        low = None  # lower-casing moved offsets: no line can be told apart
                hay = low if pf.icase else text
                if hay is not None:
                    if not lacks_all(hay, lits):
                        rules.append((r, pat, (lits, hay)))  # run on the lines holding one
                    continue
            try:  # one search over the whole text first: most documents have no markup at all
                if not self._matcher.anywhere[r.id].search(text, timeout=self.timeout):
                    continue
            except TimeoutError:
                pass
            rules.append((r, pat, None))
        if not rules:
            return out
        if lines is None:
            lines = Lines(text)
        where: dict[str, set[int]] = {}
        for r, _, found_in in rules:
            if found_in is not None:
                where[r.id] = _lines_holding(found_in[1], found_in[0], lines)
        visit: Iterable[Line] = lines
        if len(where) == len(rules):  # every rule needs a literal: only the lines holding one
            visit = [lines[i] for i in sorted(set().union(*where.values()))]
        for ln in visit:
            if ln.index in taken:
                continue
            used: list[tuple[int, int]] = []
            for r, pat, _ in rules:
                if r.id in dead or not zones.allows(r.where, ln.index):
                    continue
                if r.id in where and ln.index not in where[r.id]:
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
    lines = Lines(text)
    zones = find_zones([False] * len(lines))
    return apply_edits(text, stage._span_edits(text, lines, zones, set(), set(), Context()))
