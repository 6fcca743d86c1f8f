"""Document, Edit and Result, and the only code that builds output text.

Every stage reports *edits* on its own input text. `compose` maps those edits back onto the
ORIGINAL text, so the ledger always points at spans of what the user gave us, and `apply_edits`
replays it: ``apply_edits(original, result.edits) == result.text`` is the provenance promise.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from operator import add, ge, itemgetter, le, sub
from typing import Any, Literal, NamedTuple

Safety = Literal["safe", "risky"]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement`` ("" removes), on behalf of ``rule``.

    An immutable value. A named tuple, not a frozen dataclass: a document has dozens of edits
    and every stage, `compose` and the worker pool make them, several times faster this way."""

    rule: str
    start: int
    end: int
    replacement: str = ""
    safety: Safety = "safe"
    note: str = ""

    def to_dict(self, original: str | None = None) -> dict[str, Any]:
        """The ledger form of the edit; with ``original`` the removed text is included."""
        d: dict[str, Any] = {"rule": self.rule, "start": self.start, "end": self.end}
        if original is not None:
            d["removed"] = original[self.start : self.end]
        d["replacement"] = self.replacement
        d["safety"] = self.safety
        if self.note:
            d["note"] = self.note
        return d


@dataclass(frozen=True, slots=True)
class Document:
    """One input record: an id, its text and free metadata (url, site, lang, ...)."""

    id: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str | None:
        return self.meta.get("url")

    @property
    def lang(self) -> str | None:
        return self.meta.get("lang")


@dataclass(frozen=True, slots=True)
class Result:
    """The cleaned text, the edits (offsets into ``original``) and per-document stats."""

    text: str
    edits: tuple[Edit, ...]
    original: str
    doc_id: str = ""
    stats: Mapping[str, Any] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def replay(self, original: str | None = None) -> str:
        """Apply the ledger to the original text; equals ``self.text`` (tests rely on it)."""
        return apply_edits(self.original if original is None else original, self.edits)

    def ledger(self) -> dict[str, Any]:
        """One ledger record (JSON-ready) for this document."""
        return {"id": self.doc_id, "edits": [e.to_dict(self.original) for e in self.edits]}


_START_END = itemgetter(1, 2)  # the sort key of edits (start, end), as a lambda would give it but in C
_START, _END, _REPLACEMENT = itemgetter(1), itemgetter(2), itemgetter(3)


def check_edits(text: str, edits: Iterable[Edit]) -> list[Edit]:
    """Sort edits and check that they are in range and do not overlap; returns the sorted list.

    The checks run as C loops over the offsets; only a failure walks the edits in Python, to
    name the first one at fault."""
    out = sorted(edits, key=_START_END)
    if not out:
        return out
    starts, ends = list(map(_START, out)), list(map(_END, out))
    n = len(text)
    if starts[0] >= 0 and max(ends) <= n and all(map(le, starts, ends)) and all(map(ge, starts[1:], ends)):
        return out
    prev_end = 0
    for e in out:
        if not (0 <= e.start <= e.end <= n):
            raise ValueError(f"edit {e.rule} [{e.start}:{e.end}] out of range 0..{n}")
        if e.start < prev_end:
            raise ValueError(f"edit {e.rule} [{e.start}:{e.end}] overlaps an earlier edit")
        prev_end = e.end
    raise AssertionError("unreachable: the C checks and the loop disagree")


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Build the output: the text with every (non-overlapping) edit applied."""
    return apply_checked(text, check_edits(text, edits))


def apply_checked(text: str, edits: Sequence[Edit]) -> str:
    """`apply_edits` for edits that `check_edits` returned (sorted, in range, no overlap), as
    `compose` returns them: the check is not made twice."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def merge_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """Drop edits that overlap an earlier-starting one (first wins), so a stage's rules can't clash.

    Rules inside one stage may flag the same span (two phrases on one line); the first, in text
    order, is kept and the ledger stays unambiguous.
    """
    out: list[Edit] = []
    end = -1
    edits = list(edits)
    if not edits:
        return edits  # most stages, most of the time
    for e in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if e.start < end or (out and e.start == out[-1].start and e.start == e.end == end):
            continue
        out.append(e)
        end = max(end, e.end)
    return out


def _weaker(a: Safety, b: Safety) -> Safety:
    return "risky" if "risky" in (a, b) else "safe"


def compose(
    original: str, done: list[Edit], stage_edits: Iterable[Edit], current: str | None = None,
    *, far_by_shift: bool = True,
) -> list[Edit]:
    """Map edits made on ``apply_edits(original, done)`` back onto ``original`` and merge them.

    ``done`` is sorted and non-overlapping. An edit that reaches into the output of an earlier
    edit absorbs it: the merged edit covers both original spans and its replacement is what the
    two together produce, so replaying the result still gives the same text. ``current``: that
    text, when the caller has it already. ``far_by_shift=False`` sends every edit through every
    loop below (the plain way, which the tests compare the shortcut with).
    """
    if current is None:
        current = apply_edits(original, done)
    new = check_edits(current, stage_edits)
    if not new:
        return list(done)
    if not done:  # nothing earlier to map through: offsets are already original ones
        return new
    # where each earlier edit's output sits in the current text
    starts, lengths = list(map(_START, done)), list(map(len, map(_REPLACEMENT, done)))
    shifts = accumulate(map(sub, lengths, map(sub, map(_END, done), starts)), initial=0)
    t_starts = list(map(add, starts, shifts))  # (shifts has one more: map stops with starts)
    t_ends = list(map(add, t_starts, lengths))

    def orig_after(p: int) -> int:
        """Original offset of current offset p, placed after earlier edits that end at p."""
        idx = bisect.bisect_right(t_ends, p)
        return p if idx == 0 else done[idx - 1].end + (p - t_ends[idx - 1])

    def orig_before(p: int) -> int:
        """Original offset of current offset p, placed before earlier deletions sitting at p."""
        idx = bisect.bisect_left(t_ends, p)
        while idx < len(done) and t_ends[idx] == p and t_starts[idx] < p:
            idx += 1
        return p if idx == 0 else done[idx - 1].end + (p - t_ends[idx - 1])

    def hits_of(s: int, t: int) -> list[int]:
        out = []
        for i in range(bisect.bisect_left(t_ends, s), len(done)):
            ts, te = t_starts[i], t_ends[i]
            if ts > t:
                break
            if (ts < t and te > s) or (ts == te and s < ts < t) or (s == t and ts <= s <= te):
                out.append(i)
        return out

    # Split new edits around earlier pure deletions they span, so those keep their own rule.
    # A new edit that ends before the next earlier edit's output starts (most of them) spans
    # none, reaches into none and maps by the shift of the earlier edits before it: it is
    # mapped here (flagged True) and passes the loops below untouched.
    deletions = [ts for ts, te in zip(t_starts, t_ends, strict=True) if ts == te]
    split: list[tuple[Edit, bool]] = []  # (edit, mapped onto the original already)
    n_done = len(done)
    for ne in new:
        i = bisect.bisect_left(t_ends, ne.start)  # earlier edits before i end before ne starts
        if far_by_shift and (i == n_done or t_starts[i] > ne.end):
            shift = 0 if i == 0 else done[i - 1].end - t_ends[i - 1]
            split.append((Edit(ne.rule, ne.start + shift, ne.end + shift, ne.replacement, ne.safety, ne.note), True))
            continue
        lo = bisect.bisect_right(deletions, ne.start)
        cuts = []
        while lo < len(deletions) and deletions[lo] < ne.end:
            cuts.append(deletions[lo])
            lo += 1
        if not cuts:
            split.append((ne, False))
            continue
        bounds = [ne.start, *dict.fromkeys(cuts), ne.end]
        for k in range(len(bounds) - 1):
            repl = ne.replacement if k == 0 else ""
            split.append((Edit(ne.rule, bounds[k], bounds[k + 1], repl, ne.safety, ne.note), False))

    # Join new edits that reach into the same earlier edit, so each earlier edit is absorbed once.
    groups: list[tuple[Edit, list[int] | None]] = []  # None: mapped already, joins nothing
    for ne, mapped in split:
        if mapped:
            groups.append((ne, None))
            continue
        hits = hits_of(ne.start, ne.end)
        if groups and hits and groups[-1][1] and hits[0] <= groups[-1][1][-1]:
            pe, phits = groups[-1]
            joined = Edit(
                pe.rule,
                pe.start,
                ne.end,
                pe.replacement + current[pe.end : ne.start] + ne.replacement,
                _weaker(pe.safety, ne.safety),
                (pe.note + "; " if pe.note else "") + f"joined with {ne.rule}",
            )
            groups[-1] = (joined, sorted(set(phits or ()) | set(hits)))
        else:
            groups.append((ne, hits))

    absorbed: set[int] = set()
    merged: list[Edit] = []
    for ne, hits in groups:
        if hits is None:
            merged.append(ne)
            continue
        s, t = ne.start, ne.end
        if not hits:
            merged.append(Edit(ne.rule, orig_after(s), orig_before(t) if t > s else orig_after(s),
                               ne.replacement, ne.safety, ne.note))
            continue
        first, last = hits[0], hits[-1]
        ts0, te1 = t_starts[first], t_ends[last]
        o_start = done[first].start if ts0 <= s else orig_after(s)
        o_end = done[last].end if te1 >= t else orig_before(t)
        repl = current[min(s, ts0) : s] + ne.replacement + current[t : max(t, te1)]
        safety: Safety = ne.safety
        for i in hits:
            absorbed.add(i)
            safety = _weaker(safety, done[i].safety)
        extra = "absorbs " + ",".join(dict.fromkeys(done[i].rule for i in hits))
        note = f"{ne.note}; {extra}" if ne.note else extra
        merged.append(Edit(ne.rule, o_start, o_end, repl, safety, note))
    result = [e for i, e in enumerate(done) if i not in absorbed] + merged
    return check_edits(original, result)
