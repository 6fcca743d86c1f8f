"""Which regex rules a line can need, found without running them: the dispatch of the
line-rule matcher (`cleaner.stages.line_rules`).

A rule set is a bit mask over the rules in pack order. `Dispatch` narrows it for a line by the
literals the line holds (one Aho-Corasick pass over the whole text), the character after the
skipped run its anchored alternatives start with, its word count and zone, and the cheap checks
of the rules' own prefilters (`cleaner.prefilter`). Every check only rules out provable misses:
the survivors still meet their prefilter and regex, so dispatch never changes a result.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Any

import regex

from cleaner.prefilter import Prefilter, casefold_for, ending_lacks

_FIRST, _SECOND = itemgetter(0), itemgetter(1)  # a pair's parts

# Which zone-scoped regex rules can matter on a line (a bit mask; see `line_rules._zone_mask`).
HEAD, TAIL, MARKER = 1, 2, 4
ALL_ZONES = HEAD | TAIL | MARKER


@dataclass(frozen=True)
class Dispatch:
    """Which regex rules a line can need, found without looking at every rule.

    Rule sets are bit masks over the rules' pack order (bit ``i``: ``compact[i]``), so ruling
    out many rules at once costs one ``&``. A line's candidates are the rules that pass all of:

    * literals: a rule every match of which holds one of some literals (``^\\W*(?:tags|filed
      under)``, ``newsletter``) is a candidate only on the lines holding one. All those literals
      go into two Aho-Corasick automatons (ahocorasick_rs: one for the rules that ignore case,
      run on the lower-cased text, one for the others), so one pass over a whole text finds,
      for every line, the rules whose literals it holds (`others_for`), whatever their number;
    * first character: anchored alternatives (``^ skip* (prefix|...)``, see `cleaner.prefilter`)
      are grouped by their skipped characters, and per group one ``lstrip`` and one dictionary
      lookup on the first character after the run name the rules one of whose prefixes (or
      class-led alternatives) can start with it; a non-ASCII character near the start sends the
      line to every rule of the group, as the prefilter itself does. The others (``always``)
      pass this test on every line;
    * size and place: ``by_words`` drops the rules whose word limit the line exceeds and
      ``by_zone`` those scoped to a zone the line cannot be in;
    * `screens`: the other checks of the rules' own prefilters (the ASCII alphabet of a
      whole-line pattern, a character class every match needs, a literal suffix), each run once
      per line for every rule that has it.

    Survivors then go through their full prefilter and regex as before: this only skips
    provable misses, in the same cases the prefilter does.
    """

    groups: tuple[tuple[str, int, dict[str, int], int], ...]  # (skip, width, first char -> mask, all)
    always: int
    by_words: tuple[int, ...]  # [min(words, len - 1)]: the rules whose word limit admits that many
    by_zone: tuple[int, ...]  # [zone bits]: the rules that matter on a line that may be in those zones
    screens: tuple[tuple[int, Any, bool, int], ...]  # (check, argument, ignores case, rules needing it)
    screened: int  # the rules some screen may rule out
    # for a line starting with an ASCII letter or digit: first character -> the groups' rules
    # (None when some group skips such a character), and how far the groups look
    lead: dict[str, int] | None
    lead_width: int
    free: int  # the rules not gated by literals
    icase_rules: int  # the literal-gated rules that ignore case
    icase_literals: Literals | None  # literal -> mask of rules needing it (lower case)
    exact_literals: Literals | None  # the same for the rules that respect case
    _screens_for: dict[int, tuple[Any, ...]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, compact: Sequence[tuple[Any, ...]]) -> Dispatch:
        # skip characters -> (rule index, prefixes, first_ok, icase, width) per anchored branch
        by_skip: dict[str, list[tuple[int, tuple[str, ...], frozenset[str], bool, int]]] = defaultdict(list)
        always = 0
        gated = 0
        icase_rules = 0
        needs: tuple[dict[str, int], dict[str, int]] = ({}, {})  # literal -> rules, (icase, exact)
        for i, entry in enumerate(compact):
            pf = entry[2]
            lits = required_literals(pf)
            if pf is not None and lits is not None and all(map(_scannable, lits)):
                gated |= 1 << i
                if pf.icase:
                    icase_rules |= 1 << i
                table = needs[0 if pf.icase else 1]
                for lit in lits:
                    table[lit] = table.get(lit, 0) | 1 << i
            branches = _anchored_branches(pf)
            if branches is None:
                always |= 1 << i
                continue
            for skip, prefixes, first_ok, icase, width in branches:
                by_skip[skip].append((i, prefixes, first_ok, icase, width))
        groups = []
        for skip, members in by_skip.items():
            buckets: dict[str, int] = defaultdict(int)
            for i, prefixes, first_ok, icase, _ in members:
                keys = set(first_ok)
                for p in prefixes:
                    keys |= {p[0], p[0].lower(), p[0].upper()} if icase else {p[0]}
                for k in keys:
                    buckets[k] |= 1 << i
            width = max(m[4] for m in members)
            every = 0
            for m in members:
                every |= 1 << m[0]
            groups.append((skip, width, dict(buckets), every))
        limits = [entry[3] for entry in compact]
        top = max([w for w in limits if w < 1 << 62] or [0]) + 2
        # by_words[w]: the rules whose limit is at least w, accumulated from the largest limit down
        admits = [0] * (top + 1)
        for i, lim in enumerate(limits):
            admits[min(lim, top)] |= 1 << i
        for w in range(top - 1, -1, -1):
            admits[w] |= admits[w + 1]
        by_words = tuple(admits[:top])
        by_zone = tuple(_mask(not need or zone & need for need in (e[4] for e in compact)) for zone in range(ALL_ZONES + 1))
        every_rule = (1 << len(compact)) - 1
        screens = _screens(compact, gated)
        screened = 0
        for *_, mask in screens:
            screened |= mask
        lead: dict[str, int] | None = None
        if not any(c.isascii() and c.isalnum() for skip, *_ in groups for c in skip):
            lead = defaultdict(int)
            for _, _, buckets, _ in groups:
                for c, m in buckets.items():
                    lead[c] |= m
            lead = dict(lead)
        lead_width = max([g[1] for g in groups] or [1])
        return cls(tuple(groups), always, by_words, by_zone, screens, screened, lead, lead_width,
                   every_rule & ~gated,
                   icase_rules, _automaton(needs[0]), _automaton(needs[1]))

    def others_for(self, text: str, starts: Sequence[int]) -> tuple[int, dict[int, int]]:
        """The literal evidence for each line of ``text`` (its lines start at ``starts``):
        ``(default, by_line)``, masks of the rules a line may need as far as literals tell
        (`free` plus the gated rules one of whose literals it holds); ``by_line`` maps a line
        index to its mask, ``default`` is for the other lines. One automaton pass over the
        text, not one per line."""
        base = self.free
        found: dict[int, int] = {}
        for automaton, icase in ((self.icase_literals, True), (self.exact_literals, False)):
            if automaton is None:
                continue
            hay: str | None = text
            if icase:
                hay = casefold_text(text)
                if hay is None or len(hay) != len(text):
                    base |= self.icase_rules  # lower-casing is unsafe or moved offsets: no evidence
                    continue
            hits = automaton.found(hay)
            masks = automaton.masks
            for k, lit in zip(map(partial(bisect_right, starts), map(_SECOND, hits)), map(_FIRST, hits), strict=True):
                found[k] = found.get(k, 0) | masks[lit]  # (k is the line's index + 1)
        if found:
            found = {k - 1: v for k, v in found.items()}
        return base, {k: v | base for k, v in found.items()}

    def _grouped(self, text: str, gate: int) -> int:
        """``always`` plus the rules of each group the first character after its skipped run
        (or a non-ASCII character near it) may start, within ``gate``."""
        out = self.always & gate
        for skip, width, buckets, members in self.groups:
            if not gate & members:
                continue
            rest = text.lstrip(skip)
            if not rest:
                continue
            if rest[:width].isascii():
                out |= buckets.get(rest[0], 0) & gate
            else:
                out |= members & gate
        return out

    def others_in(self, line: str) -> int:
        """`others_for` one line alone."""
        out = self.free
        if self.icase_literals is not None:
            low = casefold_for(line)
            if low is None:
                out |= self.icase_rules
            else:
                out |= self.icase_literals.mask_in(low)
        if self.exact_literals is not None:
            out |= self.exact_literals.mask_in(line)
        return out

    def candidates(self, text: str, others: int, words: int, zone: int) -> int:
        """The rules (a mask) that may match line ``text`` of ``words`` words in ``zone``, given
        the literal evidence ``others`` (`others_for`)."""
        by_words = self.by_words
        gate = others & by_words[words if words < len(by_words) else -1] & self.by_zone[zone]
        if not gate:
            return 0
        head = text[: self.lead_width]
        if head[:1].isalnum() and head.isascii() and self.lead is not None:
            # no group skips a letter or digit, so every group looks at this first character
            out = (self.always | self.lead.get(head[0], 0)) & gate
        else:
            out = self._grouped(text, gate)
        if not out & self.screened:
            return out
        ascii_part = text.encode("ascii", "ignore")
        plain = len(ascii_part) == len(text)  # an ASCII line: the class checks apply
        low: str | None | bool = False
        todo = self._screens_for.get(out)
        if todo is None:  # the screens some candidate of this set has; candidate sets repeat a lot
            if len(self._screens_for) >= 4096:
                self._screens_for.clear()
            todo = self._screens_for[out] = tuple(x for x in self.screens if x[3] & out)
        for check, arg, icase, mask in todo:
            if not out & mask:
                continue  # its rules are gone already
            if check == _SCREEN_ALPHABET:
                if ascii_part.translate(None, arg[0]):
                    out &= ~mask  # an ASCII character no atom of those ^...$ patterns can match
                elif not plain and arg[1] is not None and not _fullmatch_some(arg[1], text):
                    out &= ~mask  # another character none of them can match
            elif check == _SCREEN_CLASS:
                if plain:
                    if len(ascii_part.translate(None, arg[0])) == len(ascii_part):
                        out &= ~mask  # none of the characters one of which every match holds (`lacks_class`)
                elif arg[1] is not None and arg[1].search(text) is None:
                    out &= ~mask  # the same, in a line with other characters
            elif check == _SCREEN_ENDING:
                if ending_lacks(text, arg, icase):
                    out &= ~mask  # the line does not end with a suffix the patterns end with
            else:  # _SCREEN_LITERALS, for literals the automatons do not hold
                if icase and low is False:
                    low = casefold_for(text)
                if lacks_all(low if icase else text, arg):
                    out &= ~mask
        return out


def _fullmatch_some(alternatives: Sequence[Sequence[Any]], text: str) -> bool:
    """Does ``text`` fullmatch every pattern of one of the alternatives?"""
    for patterns in alternatives:
        for p in patterns:
            if p.fullmatch(text) is None:
                break
        else:
            return True
    return False


_last_low: tuple[str, str | None] | None = None


def casefold_text(text: str) -> str | None:
    """`casefold_for` a whole text, kept for the last text: the literal scan and the span
    rules of a stage both ask for it (one slot, set in one assignment, as `line_facts`)."""
    global _last_low
    last = _last_low
    if last is not None and last[0] is text:
        return last[1]
    low = casefold_for(text)
    _last_low = (text, low)
    return low


def _scannable(lit: str) -> bool:
    """Worth an automaton entry: not a single letter or digit (a "y" is on most lines, and every
    occurrence costs a step in Python), and not spanning lines."""
    return (len(lit) >= 2 or not lit.isalnum()) and "\n" not in lit


class Literals:
    """Literals, each with the mask of the rules needing it, found in one pass over a text.

    ahocorasick_rs (the Rust aho-corasick crate's DFA) scans a text several times faster than
    pyahocorasick's trie did; its matcher cannot be pickled, so a pickled `Literals` carries
    its literals and builds the matcher again (a `Cleaner` travels to worker processes)."""

    __slots__ = ("literals", "masks", "_matcher")

    def __init__(self, needs: dict[str, int]) -> None:
        import ahocorasick_rs

        self.literals = tuple(needs)
        self.masks = tuple(needs.values())
        self._matcher = ahocorasick_rs.AhoCorasick(
            self.literals, matchkind=ahocorasick_rs.MatchKind.Standard, implementation=ahocorasick_rs.Implementation.DFA)

    def __reduce__(self) -> tuple[Any, ...]:
        return Literals, (dict(zip(self.literals, self.masks, strict=True)),)

    def found(self, hay: str) -> list[tuple[int, int, int]]:
        """Every occurrence, overlapping ones too: ``(literal index, start, end)``."""
        return self._matcher.find_matches_as_indexes(hay, overlapping=True)

    def mask_in(self, hay: str) -> int:
        """The rules one of whose literals ``hay`` holds."""
        out = 0
        masks = self.masks
        for i, _, _ in self._matcher.find_matches_as_indexes(hay, overlapping=True):
            out |= masks[i]
        return out


def _automaton(needs: dict[str, int]) -> Literals | None:
    """The literals' matcher, mapping each literal to the mask of the rules needing it."""
    return Literals(needs) if needs else None


_SCREEN_ALPHABET, _SCREEN_CLASS, _SCREEN_ENDING, _SCREEN_LITERALS = range(4)


def _mask(flags: Iterable[bool]) -> int:
    """A bit mask with bit ``i`` set where the ``i``-th flag is true."""
    out = 0
    for i, f in enumerate(flags):
        if f:
            out |= 1 << i
    return out


def _screens(compact: Sequence[tuple[Any, ...]], gated: int) -> tuple[tuple[int, Any, bool, int], ...]:
    """The prefilter checks each rule cannot match without, merged across rules: one entry per
    distinct check with the mask of the rules that need it, most shared first.

    A check is taken from a rule only when failing it proves the rule's own prefilter would
    reject the line: a check of its only alternative, or one every alternative needs (the
    union of their character classes, alphabets or literals)."""
    found: dict[tuple[int, Any, bool], int] = defaultdict(int)
    for i, entry in enumerate(compact):
        pf: Prefilter | None = entry[2]
        if pf is None:
            continue
        flat = pf._flat  # type: ignore[attr-defined]
        bit = 1 << i
        lits = required_literals(pf)
        if lits is not None and not gated & bit:  # (the automatons check the others)
            found[(_SCREEN_LITERALS, lits, pf.icase)] |= bit
        full = pf._full  # type: ignore[attr-defined]
        alphabets = [b[3] for b in flat]
        if all(a is not None for a in alphabets):
            # (bytes for the ASCII characters, and for a line with others the patterns one
            # alternative's line fullmatches, all of them; None: no such check)
            only = tuple(f[0] for f in full)
            arg = (bytes(sorted(set(b"".join(alphabets)))), only if all(only) else None)
            found[(_SCREEN_ALPHABET, arg, False)] |= bit
        needs = [b[4] for b in flat]
        if all(n is not None for n in needs):
            # (bytes, and for a line with other characters one pattern: the alternatives' needs)
            wide = [f[1] for f in full]
            either = None
            if all(w is not None for w in wide):
                either = wide[0] if len(wide) == 1 else regex.compile("|".join(w.pattern for w in wide), wide[0].flags)
            found[(_SCREEN_CLASS, (bytes(sorted(set(b"".join(needs)))), either), False)] |= bit
        if len(flat) == 1 and flat[0][2] is not None:
            found[(_SCREEN_ENDING, flat[0][2], pf.icase)] |= bit
    order = sorted(found.items(), key=lambda kv: (-kv[1].bit_count(), kv[0][0]))
    return tuple((check, arg, icase, mask) for (check, arg, icase), mask in order)




def required_literals(pf: Prefilter | None) -> tuple[str, ...] | None:
    """Literals one of which every match holds (None: some alternative needs none)."""
    if pf is None:
        return None
    out: list[str] = []
    for _, contains, *_ in pf._flat:  # type: ignore[attr-defined]
        if contains is None:
            return None
        out.extend(contains)
    return tuple(out)


def _anchored_branches(pf: Prefilter | None) -> list[tuple[str, tuple[str, ...], frozenset[str], bool, int]] | None:
    """``(skip, prefixes, first_ok, icase, width)`` per alternative of ``pf`` when every
    alternative is anchored and no skipped character can start a prefix, else None."""
    if pf is None:
        return None
    out = []
    for anch, *_ in pf._flat:  # type: ignore[attr-defined]
        if anch is None:
            return None
        skip, prefixes, first, icase, first_ok, width = anch
        if any(c in first_ok or (c.lower() if icase else c) in first for c in skip):
            return None  # a prefix could start inside the skipped run
        out.append(("".join(sorted(skip)), prefixes, first_ok, icase, width))
    return out


def lacks_all(hay: str | None, lits: tuple[str, ...]) -> bool:
    """True when ``hay`` holds none of ``lits`` (None: no safe haystack, so never skip)."""
    if hay is None:
        return False
    for lit in lits:
        if lit in hay:
            return False
    return True
