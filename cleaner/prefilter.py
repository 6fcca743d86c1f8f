"""Exact literal prefilters for anchored line regexes (a speed-up only; never changes a result).

Most whole-line regex rules look like ``^\\W*(?:tags|filed under|posted in)\\s*:...``: after an
optional run of skipped characters at the start of the line, one of a few literal words must
follow. `analyze` reads that shape out of the pattern source; `Prefilter.may_match` then answers
"can the regex match this line?" with a string comparison instead of a regex search. It answers
``False`` only when the regex provably cannot match and ``True`` (run the regex) otherwise: any
non-ASCII character where the check looks is sent to the regex, and a pattern the analysis does
not understand gets no prefilter at all. Cost per line is flat: it does not grow with the rules.

A ``^...$`` pattern gets three more checks of the same kind: the line must end, before its
trailing skipped run, with one of the pattern's literal suffixes (`_ending`); it may hold only
ASCII characters some atom of the pattern can match (`_whole_line_alphabet`); an ASCII line must
hold a character of a class every match needs, such as the digit of a date (`_class_need`; any
``^`` pattern). They are kept to ``^``-anchored patterns: an unanchored pathological rule (the
hostile tests' ``(a+)+$``) still meets the regex and its timeout, as before.

A line with other characters gets the same two checks from small patterns built out of the
rule's own classes (`_whole_line_only`, `_class_need_sources`), so the engine itself says what
``\\p{P}`` or ``\\d`` matches: one-character alternatives, possessive where repeated, hence
linear in the line and run without a timeout.
"""

from __future__ import annotations

import sys
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

_CLASS = "\x00"  # a prefix item "\x00<class source>": the first character is in that class
_ZERO_WIDTH_ESC = frozenset("bBAZGm")  # \b, \B, \A, \Z, ... consume nothing
_SKIP_ESC = frozenset("wWsSdDpPh")


class _Fail(Exception):
    pass


# --------------------------------------------------------------------------- a small parser
# AST: alternation = list of sequences; sequence = list of atoms; atom = (kind, value, quant)
# kinds: "lit" (one char), "esc" (escape source), "class" (class source), "group" (alternation),
# "zero" (lookaround or zero-width escape), "ahead" (positive lookahead), "anchor" ("^"/"$"),
# "dot".


def _parse(src: str) -> list[list[tuple[str, object, str]]]:
    pos, alt = _parse_alt(src, 0)
    if pos != len(src):
        raise _Fail("trailing input")
    return alt


def _parse_alt(src: str, i: int) -> tuple[int, list[list[tuple[str, object, str]]]]:
    seqs = []
    while True:
        i, seq = _parse_seq(src, i)
        seqs.append(seq)
        if i < len(src) and src[i] == "|":
            i += 1
            continue
        return i, seqs


def _parse_quant(src: str, i: int) -> tuple[int, str]:
    if i >= len(src):
        return i, ""
    c = src[i]
    if c in "?*+":
        q = c
        i += 1
    elif c == "{":
        m = regex.match(r"\{(\d*)(?:,(\d*))?\}", src[i:])
        if not m or (m.group(1) == "" and m.group(2) is None):
            return i, ""  # a literal brace
        q = m.group()
        i += m.end()
    else:
        return i, ""
    if i < len(src) and src[i] in "?+":  # lazy / possessive
        q += src[i]
        i += 1
    return i, q


def _parse_seq(src: str, i: int) -> tuple[int, list[tuple[str, object, str]]]:
    seq: list[tuple[str, object, str]] = []
    n = len(src)
    while i < n and src[i] not in "|)":
        c = src[i]
        if c == "\\":
            if i + 1 >= n:
                raise _Fail("trailing backslash")
            e = src[i + 1]
            j = i + 2
            if e in "pPNx" and j < n and src[j] == "{":
                k = src.find("}", j)
                if k < 0:
                    raise _Fail("unclosed escape")
                j = k + 1
            elif e in "pP" and j < n:
                j += 1
            elif e == "x":
                j += 2
            elif e == "u":
                j += 4
            elif e == "U":
                j += 8
            elif e.isdigit() or e in "gk":
                # a backreference: an opaque atom (it adds no literal, and no prefix goes past it)
                if e in "gk":
                    if j >= n or src[j] != "<" or src.find(">", j) < 0:
                        raise _Fail("bad backreference")
                    j = src.find(">", j) + 1
                else:
                    while j < n and src[j].isdigit():
                        j += 1
                atom_src = src[i:j]
                i, q = _parse_quant(src, j)
                seq.append(("backref", atom_src, q))
                continue
            kind = "zero" if e in _ZERO_WIDTH_ESC else "esc"
            atom_src = src[i:j]
            i = j
        elif c == "[":
            j = i + 1
            if j < n and src[j] == "^":
                j += 1
            if j < n and src[j] == "]":
                j += 1
            while j < n and src[j] != "]":
                if src[j] == "\\":
                    j += 1
                elif src[j] == "[":
                    raise _Fail("nested set")
                j += 1
            if j >= n:
                raise _Fail("unclosed class")
            kind, atom_src = "class", src[i : j + 1]
            i = j + 1
        elif c == "(":
            if src.startswith("(?:", i) or src.startswith("(?>", i):
                i += 3
                kind = "group"
            elif src.startswith("(?=", i):
                i += 3
                kind = "ahead"  # a positive lookahead: zero-width, but its content must match
            elif src.startswith("(?!", i):
                i += 3
                kind = "zero"
            elif src.startswith("(?<=", i) or src.startswith("(?<!", i):
                i += 4
                kind = "zero"
            elif src.startswith("(?P<", i) or src.startswith("(?<", i):
                k = src.find(">", i)
                if k < 0:
                    raise _Fail("bad group name")
                i = k + 1
                kind = "group"
            elif src.startswith("(?", i):
                raise _Fail("inline flags or special group")
            else:
                i += 1
                kind = "group"
            i, inner = _parse_alt(src, i)
            if i >= n or src[i] != ")":
                raise _Fail("unclosed group")
            i += 1
            i, q = _parse_quant(src, i)
            seq.append((kind, inner, q))
            continue
        elif c in "^$":
            kind, atom_src = "anchor", c
            i += 1
        elif c == ".":
            kind, atom_src = "dot", c
            i += 1
        elif c in "*+?":
            raise _Fail("quantifier without atom")
        else:
            kind, atom_src = "lit", c
            i += 1
        i, q = _parse_quant(src, i)
        seq.append((kind, atom_src, q))
    return i, seq


# --------------------------------------------------------------------------- prefix analysis


def _required(q: str) -> bool:
    """Does quantifier ``q`` require at least one repetition?"""
    if q == "":
        return True
    if q[0] in "?*":
        return False
    if q[0] == "+":
        return True
    lo = q[1:].split(",")[0].rstrip("}")
    return lo != "" and int(lo) >= 1


def _plain(c: str) -> bool:
    """A literal character whose case variants are all handled by the ASCII comparison."""
    return c.isascii() and (c.isalnum() or c == " ")


def _lit_like(kind: str, val: object) -> bool:
    """An escaped punctuation character (``\\.``): a literal, not a class."""
    return kind == "esc" and len(str(val)) == 2 and not str(val)[1].isalnum()


def _seq_prefixes(seq: list[tuple[str, object, str]], start: int, icase: bool) -> set[str]:
    """Literal prefixes one of which every match of ``seq[start:]`` begins with."""
    cur = ""
    i = start
    while i < len(seq) and seq[i][0] in ("zero", "ahead") and seq[i][2] == "":
        i += 1  # lookarounds and \b only restrict further
    if i < len(seq):
        kind, val, q = seq[i]
        if kind == "group" and _required(q):
            return _alt_prefixes(val, icase)  # type: ignore[arg-type]
        if kind == "group" and q in ("?", "??", "?+", "*", "*?", "*+"):
            # an optional leading group: a match starts with it or with what follows it
            return _alt_prefixes(val, icase) | _seq_prefixes(seq, i + 1, icase)  # type: ignore[arg-type]
        if kind in ("esc", "class") and _required(q) and not _lit_like(kind, val):
            return {_CLASS + str(val)}  # the line's first character must be in this class
    while i < len(seq):
        kind, val, q = seq[i]
        if kind == "zero" and q == "" and cur:
            break
        if kind != "lit":
            break
        c = str(val)
        if not c.isascii():
            if not cur:
                _no_ascii_case_form(c)
                return {""}  # matches only where the line has a non-ASCII character
            break
        if not _plain(c):
            break
        if not _required(q):
            break
        cur += c.lower() if icase else c
        if q:  # c+ or c{2,}: c is required, what follows is not fixed
            break
        i += 1
    if not cur:
        raise _Fail("no literal prefix")
    return {cur}


def _no_ascii_case_form(c: str) -> None:
    """A non-ASCII literal at the end of a prefix or suffix is fine (it stands for "some non-ASCII
    character") unless one of its case forms is ASCII (K, ſ, İ): then the analysis gives up."""
    if any(f.isascii() for f in c + c.lower() + c.upper() + c.casefold()):
        raise _Fail("non-ASCII letter with an ASCII case form")


def _alt_prefixes(alt: list[list[tuple[str, object, str]]], icase: bool) -> set[str]:
    out: set[str] = set()
    for seq in alt:
        out |= _seq_prefixes(seq, 0, icase)
    return out


@dataclass(frozen=True)
class _Anchored:
    """``^ skip* (prefix1|prefix2|...)``: ``skip`` as the ASCII characters it matches."""

    skip: frozenset[str]
    prefixes: tuple[str, ...]  # lower-cased when ``icase``; "" = needs a non-ASCII char
    first: frozenset[str]
    icase: bool
    first_ok: frozenset[str]  # ASCII characters a class-led alternative may start with
    width: int

    def may_match(self, line: str) -> bool:
        q = 0
        n = len(line)
        skip = self.skip
        first = self.first
        while q < n:
            c = line[q]
            if c not in skip:
                break
            if (c.lower() if self.icase else c) in first or c in self.first_ok:
                return True  # a prefix could start inside the skipped run: ask the regex
            q += 1
        if q >= n:
            return False  # every prefix needs at least one more character
        c = line[q]
        if not c.isascii():
            return True  # skip class on non-ASCII chars, or a non-ASCII literal: ask the regex
        region = line[q : q + self.width]
        if not region.isascii():
            return True
        if self.icase:
            region = region.lower()
        if c in self.first_ok:
            return True
        return region.startswith(self.prefixes)


# --------------------------------------------------------------------------- required substrings


def _cased_range() -> str:
    """Every non-ASCII code point below U+20000 (surrogates left out): all scripts with case."""
    raw = array("I", range(0x80, 0xD800)).tobytes() + array("I", range(0xE000, 0x20000)).tobytes()
    return raw.decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


@lru_cache(maxsize=1)
def _ascii_lookalikes() -> tuple[str, ...]:
    """Non-ASCII characters an ASCII character matches case-insensitively (K, ſ, İ, ı), as the
    regex engine itself reports them."""
    return tuple(sorted(set(regex.findall(r"[\x00-\x7f]", _cased_range(), flags=regex.IGNORECASE | regex.V0))))


@lru_cache(maxsize=1024)
def _caseless(c: str) -> bool:
    """Does ``c`` match only itself case-insensitively? True for ASCII non-letters and for
    punctuation, symbols and spaces without any case mapping (©, •, ·); letters of other
    scripts are not used (the substring check then stops at them)."""
    if c.isascii():
        return not c.isalpha()
    if unicodedata.category(c)[0] not in "PSZ":
        return False
    return c.lower() == c == c.upper() == c.casefold() and c not in _ascii_lookalikes()


_ESCAPED_PUNCT = frozenset(r".-/()[]{}|*+?^$\#&~ :,;!'\"<>=@%")


def _lit_char(kind: str, val: object, icase: bool) -> str | None:
    """The character a literal atom stands for, when the substring check can use it."""
    if kind == "lit":
        c = str(val)
    elif kind == "esc" and len(str(val)) == 2 and str(val)[1] in _ESCAPED_PUNCT:
        c = str(val)[1]
    else:
        return None
    if not icase:
        return c
    if c.isascii():
        return c.lower()
    if _caseless(c):
        return c
    return c.lower() if _lowers_alike(c) else None


@lru_cache(maxsize=1)
def _probe_range() -> str:
    return "".join(map(chr, range(128))) + _cased_range()


_LOWERS_ALIKE: dict[str, bool] = {}


def _lowers_alike(c: str) -> bool:
    """Does every character the engine matches to ``c`` case-insensitively lower-case to the one
    character ``c.lower()``? Then wherever a literal holding ``c`` matches, the lower-cased line
    holds the lower-cased literal (true of most Cyrillic letters; not of ``в``, which ``ᲀ``
    also matches, nor of sigma). ``str.lower`` depends on context only for a capital sigma."""
    got = _LOWERS_ALIKE.get(c)
    if got is None:
        prepare([c])
        got = _LOWERS_ALIKE[c]
    return got


def prepare(patterns: Iterable[str]) -> None:
    """Settle `_lowers_alike` for the non-ASCII characters of many patterns at once: one search
    of the whole code space for everything that matches one of them case-insensitively, then
    each such character against the few it matches (case-insensitive matching is symmetric)."""
    need = sorted({c for p in patterns for c in p if not c.isascii() and c not in _LOWERS_ALIKE})
    if not need:
        return
    flags = regex.IGNORECASE | regex.V0
    pool = "".join(need)
    # probes stay out of the engine's pattern cache, which keeps the rules' own patterns
    every = regex.compile("[" + "".join(map(regex.escape, need)) + "]", flags, cache_pattern=False)
    found = set(every.findall(_probe_range()))
    safe = {c: len(c.lower()) == 1 for c in need}
    for x in found:
        for c in regex.compile(regex.escape(x), flags, cache_pattern=False).findall(pool):
            if x.lower() != c.lower():
                safe[c] = False
    _LOWERS_ALIKE.update(safe)


def _class_chars(src: str, icase: bool) -> frozenset[str] | None:
    """The characters of a plain class like ``[|•·]`` (no ranges, escapes or negation)."""
    body = src[1:-1]
    if not body or body[0] == "^" or any(ch in body for ch in "\\-[]"):
        return None
    out = set()
    for ch in body:
        c = _lit_char("lit", ch, icase)
        if c is None:
            return None
        out.add(c)
    return frozenset(out)


def _need(seq: list[tuple[str, object, str]], icase: bool) -> frozenset[str] | None:
    """Literals one of which every match of ``seq`` contains (lower-cased when ``icase``)."""
    cands: list[frozenset[str]] = []
    run = ""
    for kind, val, q in seq:
        req = _required(q)
        c = _lit_char(kind, val, icase) if req else None
        if c is not None:
            run += c
            if q:  # c+ / c{2,}: c is there once, what follows it is not fixed
                cands.append(frozenset([run]))
                run = ""
            continue
        if run:
            cands.append(frozenset([run]))
            run = ""
        if kind in ("group", "ahead") and req:
            alts = [_need(sub, icase) for sub in val]  # type: ignore[attr-defined]
            if all(a for a in alts):
                cands.append(frozenset().union(*alts))  # type: ignore[arg-type]
        elif kind == "class" and req:
            chars = _class_chars(str(val), icase)
            if chars:
                cands.append(chars)
    if run:
        cands.append(frozenset([run]))
    cands = [c for c in cands if len(c) <= _MAX_LITERALS]
    if not cands:
        return None
    return max(cands, key=lambda c: (min(map(_selectivity, c)), -len(c)))


def _selectivity(lit: str) -> int:
    """How rarely a literal is expected in text: longer is rarer, a non-ASCII one (©, ·) much
    rarer than an ASCII one. Only picks among literals that are all necessary."""
    return len(lit) + (0 if lit.isascii() else 4)


_MAX_LITERALS = 40


# --------------------------------------------------------------------------- whole-line shapes

_SKIP_QUANTS = ("*", "*?", "*+")


@lru_cache(maxsize=4096)
def _ascii_matching(src: str, flags: int) -> frozenset[str]:
    """The ASCII characters the one-character pattern ``src`` matches, as the engine says."""
    probe = regex.compile(src, flags, cache_pattern=False)  # not in the engine's cache of rule patterns
    return frozenset(ch for ch in map(chr, range(128)) if probe.fullmatch(ch))


def _alphabet(alt: list[list[tuple[str, object, str]]], flags: int) -> frozenset[str]:
    """The ASCII characters some consuming atom of ``alt`` can match (lookarounds, anchors and
    ``\\b`` consume nothing; every other atom consumes one character per repetition)."""
    out: set[str] = set()
    for seq in alt:
        for kind, val, _ in seq:
            if kind in ("zero", "ahead", "anchor"):
                continue
            if kind == "group":
                out |= _alphabet(val, flags)  # type: ignore[arg-type]
            elif kind == "dot":
                return frozenset(map(chr, range(128)))
            elif kind == "lit" and str(val).isascii():  # itself, and its other case (a superset)
                out |= {str(val), str(val).lower(), str(val).upper()}
            else:
                out |= _ascii_matching(regex.escape(str(val)) if kind == "lit" else str(val), flags)
    return frozenset(out)


def _atom_sources(alt: list[list[tuple[str, object, str]]]) -> list[str] | None:
    """The sources of the consuming atoms of ``alt`` (its literals as one class), each matching
    one character: what `_alphabet` reads, for a check over any character. None for a dot or
    an atom that is not one character (a backreference)."""
    lits: set[str] = set()
    out: list[str] = []
    for seq in alt:
        for kind, val, _ in seq:
            if kind in ("zero", "ahead", "anchor"):
                continue
            if kind == "group":
                inner = _atom_sources(val)  # type: ignore[arg-type]
                if inner is None:
                    return None
                out += inner
            elif kind == "lit":
                lits.add(str(val))
            elif kind == "class" or (kind == "esc" and str(val)[1:2] not in "XR"):  # (\X, \R: more than one)
                out.append(str(val))
            else:
                return None
    if lits:
        out.append("[" + "".join(map(regex.escape, sorted(lits))) + "]")
    return out


def _only_of(sources: list[str], flags: int) -> Any:
    """A pattern that fullmatches a line made only of characters one of ``sources`` matches (or
    line breaks). Possessive over one-character alternatives: it never backtracks, so its time
    is linear in the line and it needs no timeout."""
    return _derived("(?:\\n|" + "|".join(sources) + ")*+", flags)


@lru_cache(maxsize=1024)
def _derived(src: str, flags: int) -> Any:
    """A pattern built here from a rule's classes, compiled once however many rules share it
    (outside the engine's cache, which keeps the rules' own patterns)."""
    return regex.compile(src, flags, cache_pattern=False)


def _whole_line_only(seq: list[tuple[str, object, str]], flags: int) -> tuple[Any, ...] | None:
    """`_whole_line_alphabet` for any character: patterns (`_only_of`) a matching line fullmatches,
    all of them; None when the shape is not one of those or an atom is not understood."""
    if not seq or seq[0] != ("anchor", "^", ""):
        return None
    out: list[Any] = []
    try:
        if len(seq) >= 2 and seq[-1] == ("anchor", "$", ""):
            srcs = _atom_sources([seq])
            if srcs is not None:
                out.append(_only_of(srcs, flags))
        for kind, val, q in seq[1:]:
            if kind not in ("zero", "ahead"):
                break
            run = val[0] if kind == "ahead" and q == "" and len(val) == 1 else None  # type: ignore[index, arg-type]
            if run is not None and len(run) == 2 and run[1] == ("anchor", "$", "") and run[0][2] in _RUN_QUANTS:
                srcs = _atom_sources([run[:1]])
                if srcs is not None:
                    out.append(_only_of(srcs, flags))
    except (regex.error, ValueError):
        return None
    return tuple(out) or None


def _whole_line_alphabet(seq: list[tuple[str, object, str]], flags: int) -> bytes | None:
    """The ASCII characters a matching line can hold, as bytes for ``translate``, for a pattern
    that spans the whole line: ``^...$`` (its atoms' characters), or ``^`` followed, before
    anything that consumes text, by lookaheads ``(?=CLASS*$)`` / ``(?=CLASS+$)`` (the classes'
    characters, for all of them). ``$`` may match before a last ``\\n``, so that stays allowed.
    None when that is every ASCII character or the shape is neither."""
    if not seq or seq[0] != ("anchor", "^", ""):
        return None
    found: set[str] | None = None
    try:
        if len(seq) >= 2 and seq[-1] == ("anchor", "$", ""):
            found = set(_alphabet([seq], flags))
        for kind, val, q in seq[1:]:
            if kind not in ("zero", "ahead"):
                break  # past the first consuming atom, a lookahead no longer sees the whole line
            run = val[0] if kind == "ahead" and q == "" and len(val) == 1 else None  # type: ignore[index, arg-type]
            if run is not None and len(run) == 2 and run[1] == ("anchor", "$", "") and run[0][2] in _RUN_QUANTS:
                chars = set(_alphabet([run[:1]], flags))
                found = chars if found is None else found & chars
    except (regex.error, ValueError):  # an atom the probe cannot compile alone (\L<name>)
        return None
    if found is None:
        return None
    found.add("\n")
    if len(found) == 128:
        return None
    return "".join(sorted(found)).encode("ascii")


_RUN_QUANTS = frozenset({"*", "+", "*?", "+?", "*+", "++"})


def _tails(seq: list[tuple[str, object, str]], icase: bool, skip: str | None = None) -> set[tuple[str, str]]:
    """``(skip source, suffix)`` pairs: every match of ``seq`` followed by a run of ``skip`` (when
    not None) ends with one of the suffixes (lower-cased when ``icase``; "" = a non-ASCII
    character) followed by a run of characters of its skip source ("": no run)."""
    i = len(seq) - 1
    while i >= 0 and seq[i][0] in ("zero", "ahead") and seq[i][2] == "":
        i -= 1  # zero-width: the match ends where what precedes it ends
    if i < 0:
        raise _Fail("no suffix")
    kind, val, q = seq[i]
    if skip is None and kind in ("esc", "class") and q in _SKIP_QUANTS:
        if kind == "esc" and str(val)[1:2] not in _SKIP_ESC:
            raise _Fail("unknown escape")
        return _tails(seq[:i], icase, str(val))
    if kind == "group":
        inner: set[tuple[str, str]] = set()
        for sub in val:  # type: ignore[attr-defined]
            inner |= _tails(sub, icase, skip)  # the last repetition ends the group's match
        return inner if _required(q) else inner | _tails(seq[:i], icase, skip)
    cur = ""
    while i >= 0:
        kind, val, q = seq[i]
        if kind != "lit":
            break
        c = str(val)
        if not c.isascii():
            if not cur:
                _no_ascii_case_form(c)
                return {(skip or "", "")}
            break
        if not _plain(c):
            break
        if not _required(q):
            if cur:
                break
            # an optional last character: the match ends with it (once more, or once) or before it
            once = (kind, val, "" if q[:1] == "?" else "+")
            return _tails([*seq[:i], once], icase, skip) | _tails(seq[:i], icase, skip)
        cur = (c.lower() if icase else c) + cur
        if q:  # c+ or c{2,}: c ends the run, what precedes it is not fixed
            break
        i -= 1
    if not cur:
        raise _Fail("no literal suffix")
    return {(skip or "", cur)}


_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,")


def _class_need(seq: list[tuple[str, object, str]], flags: int) -> frozenset[str] | None:
    """ASCII characters one of which every match of ``seq`` in an ASCII line holds: those a
    required class or escape (``\\d``, ``[./-]``) matches, or for a required group the union of
    its alternatives' (None: not known). The rarest set is kept (letters, space, dot and comma
    are common; any choice is a necessary condition)."""
    found = _class_need_sources(seq, flags)
    return None if found is None else found[0]


def _class_need_sources(seq: list[tuple[str, object, str]], flags: int) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """`_class_need` with the sources of the classes it comes from: every match, in any line,
    holds a character one of those sources matches."""
    best: tuple[frozenset[str], tuple[str, ...]] | None = None
    for kind, val, q in seq:
        if not _required(q):
            continue
        cand: tuple[frozenset[str], tuple[str, ...]] | None
        if kind in ("esc", "class"):
            try:
                cand = (_ascii_matching(str(val), flags), (str(val),))
            except (regex.error, ValueError):
                continue
        elif kind in ("group", "ahead"):
            alts = [_class_need_sources(sub, flags) for sub in val]  # type: ignore[attr-defined]
            if any(a is None for a in alts):
                continue
            cand = (frozenset().union(*(a[0] for a in alts)), tuple(x for a in alts for x in a[1]))  # type: ignore[index]
        else:
            continue
        if best is None or _cost(cand[0]) < _cost(best[0]):
            best = cand
    return best


def _cost(chars: frozenset[str]) -> int:
    return sum(10 if c in _COMMON else 1 for c in chars)


def lacks_class(line: str, need: bytes) -> bool:
    """True when ``line`` is ASCII and holds none of the characters ``need`` (see `_class_need`)."""
    return line.isascii() and len(line.encode("ascii").translate(None, need)) == len(line)


def _ending(seq: list[tuple[str, object, str]], flags: int, icase: bool) -> tuple[str, tuple[str, ...], int] | None:
    """For ``^ ... (suffix|...) skip* $``: ``(skip, suffixes, width)``, ``skip`` the ASCII characters
    of the skip class plus ``\\n`` (``$`` may match before a last line break), ``width`` the
    longest suffix; None for other shapes or when a suffix could end with a skipped character.

    Then a matching line, stripped of those characters on the right, ends with one of the
    suffixes, unless a non-ASCII character is among its last ``width`` (see `ending_lacks`)."""
    if len(seq) < 2 or seq[0] != ("anchor", "^", "") or seq[-1] != ("anchor", "$", ""):
        return None  # only ^...$ lines (an unanchored pathological rule keeps its timeout)
    try:
        pairs = _tails(seq[:-1], icase)
        skips = {s for s, _ in pairs}
        if len(skips) != 1:
            return None
        skip_src = skips.pop()
        skip = (_ascii_matching(skip_src, flags) if skip_src else frozenset()) | {"\n"}
    except (_Fail, regex.error, ValueError, RecursionError):
        return None
    suffixes = tuple(sorted({t for _, t in pairs if t}))
    if any(t[-1] in skip or t[-1].upper() in skip for t in suffixes):
        return None  # a suffix could end inside the skipped run
    return "".join(sorted(skip)), suffixes, max(map(len, suffixes), default=1)


def ending_lacks(line: str, ending: tuple[str, tuple[str, ...], int], icase: bool) -> bool:
    """True when ``line`` cannot match a pattern of `_ending` shape.

    A match is ``A + s + S (+ "\\n")``: ``s`` matches a suffix, ``S`` is a run of the skip class.
    Unless ``S`` holds a non-ASCII character, stripping the skipped ASCII characters on the right
    ends exactly after ``s`` (its last character is not skipped, or is non-ASCII); ``s`` has the
    suffix's length (simple case folding maps one character to one), so when the last ``width``
    characters are ASCII, ``s`` is ASCII and equal to the suffix but for case."""
    skip, suffixes, width = ending
    rest = line.rstrip(skip)
    if not rest:
        return True  # every suffix needs a character that is not skipped
    end = rest[-width:]
    if not end.isascii():
        return False
    return not (end.lower() if icase else end).endswith(suffixes)


@dataclass(frozen=True)
class _Branch:
    """One top-level alternative: an anchored-prefix check and/or literals one of which it needs,
    and for a ``...$`` alternative the suffix its line must end with (`_ending`) and for a
    ``^...$`` one the ASCII characters its line may hold (`_whole_line_alphabet`)."""

    anchored: _Anchored | None
    contains: tuple[str, ...] | None
    ending: tuple[str, tuple[str, ...], int] | None = None
    alphabet: bytes | None = None
    need_class: bytes | None = None  # in an ASCII line one of these characters (`_class_need`)
    # for lines with other characters: patterns it fullmatches (`_whole_line_only`), and one
    # it holds a match of (the sources of `_class_need`); linear, so run without a timeout
    only: tuple[Any, ...] | None = None
    needs: Any = None

    def may_match(self, line: str, hay: str | None, icase: bool = False) -> bool:
        if self.anchored is not None and not self.anchored.may_match(line):
            return False
        if self.ending is not None and ending_lacks(line, self.ending, icase):
            return False
        if self.alphabet is not None and line.encode("ascii", "ignore").translate(None, self.alphabet):
            return False  # an ASCII character no atom of the pattern can match
        if self.need_class is not None and lacks_class(line, self.need_class):
            return False
        if self.contains is None or hay is None:
            return True  # nothing to check, or a character only the regex can judge
        for lit in self.contains:
            if lit in hay:
                return True
        return False


@dataclass(frozen=True)
class Prefilter:
    """A necessary condition for a pattern to match a line: some top-level alternative passes
    its anchored-prefix check (``^\\W*(?:tags|filed under)``) and holds one of the literals
    it cannot match without (see `may_match`)."""

    branches: tuple[_Branch, ...]
    icase: bool

    def __post_init__(self) -> None:
        flat = []
        for b in self.branches:
            a = b.anchored
            anch = None if a is None else (a.skip, a.prefixes, a.first, a.icase, a.first_ok, a.width)
            flat.append((anch, b.contains, b.ending, b.alphabet, b.need_class))
        object.__setattr__(self, "_flat", tuple(flat))
        object.__setattr__(self, "_full", tuple((b.only, b.needs) for b in self.branches))

    def fast_form(self) -> tuple[int, tuple[object, ...]]:
        """A flat form for the per-line loop of `cleaner.stages.line_rules`:

        ``(1, (skip, prefixes, first_ok, icase, width, literals))`` for one anchored alternative
        whose skipped characters can never start a prefix (so only the text after the skipped
        run matters), which may also need one of ``literals``; ``(2, (literals, icase))`` for one
        alternative that only needs a literal; ``(0, ())`` otherwise (call `may_match`).
        """
        if len(self.branches) != 1:
            return 0, ()
        b = self.branches[0]
        a = b.anchored
        if a is not None:
            starts = {c for c in a.skip if c in a.first_ok or (c.lower() if a.icase else c) in a.first}
            if starts:
                return 0, ()
            return 1, ("".join(sorted(a.skip)), a.prefixes, a.first_ok, a.icase, a.width, b.contains)
        if a is None and b.contains is not None:
            return 2, (b.contains, self.icase)
        return 0, ()

    def whole_line(self) -> tuple[tuple[str, tuple[str, ...], int] | None, bytes | None, bytes | None]:
        """``(ending, alphabet, need_class)`` of a one-alternative pattern (see `_Branch`)."""
        if len(self.branches) != 1:
            return None, None, None
        b = self.branches[0]
        return b.ending, b.alphabet, b.need_class

    def may_match(self, line: str, folded: str | None) -> bool:
        """False only when the pattern cannot match ``line``. ``folded`` is `casefold_for`.

        The same checks as `_Branch.may_match`, inlined: this runs for every rule on every line.
        """
        hay = folded if self.icase else line
        n = len(line)
        for anch, contains, ending, alphabet, need_class in self._flat:  # type: ignore[attr-defined]
            if anch is not None:
                skip, prefixes, first, icase, first_ok, width = anch
                q = 0
                inside = False
                while q < n:
                    c = line[q]
                    if c not in skip:
                        break
                    if c in first_ok or (c.lower() if icase else c) in first:
                        inside = True  # a prefix could start inside the skipped run
                        break
                    q += 1
                if not inside:
                    if q >= n:
                        continue
                    c = line[q]
                    if c.isascii() and c not in first_ok:
                        region = line[q : q + width]
                        if region.isascii():
                            if icase:
                                region = region.lower()
                            if not region.startswith(prefixes):
                                continue
            if ending is not None and ending_lacks(line, ending, self.icase):
                continue
            if alphabet is not None and line.encode("ascii", "ignore").translate(None, alphabet):
                continue
            if need_class is not None and lacks_class(line, need_class):
                continue
            if contains is None or hay is None:
                return True
            for lit in contains:
                if lit in hay:
                    return True
        return False


def casefold_for(line: str) -> str | None:
    """``line.lower()`` for the substring checks, or None when it holds a non-ASCII character
    that matches an ASCII one case-insensitively (then only the regex can tell)."""
    if not line.isascii() and any(map(line.__contains__, _ascii_lookalikes())):  # a few fast finds, no pattern
        return None
    return line.lower()


def _minimal(lits: frozenset[str]) -> tuple[str, ...]:
    """``lits`` without those holding another of them: a line holds one of the rest exactly when
    it holds one of ``lits`` (if it holds "yonhap" it holds "ap")."""
    return tuple(sorted(lit for lit in lits if not any(o != lit and o in lit for o in lits)))


def analyze(pattern: str, flags: int) -> Prefilter | None:
    """The prefilter of a compiled pattern's source, or None when the shape is not understood."""
    if flags & (regex.VERBOSE | regex.MULTILINE | regex.VERSION1 | regex.FULLCASE):
        return None
    icase = bool(flags & regex.IGNORECASE)
    branches = []
    try:
        for seq in _parse(pattern):
            pre = _anchored([seq], flags, icase) if seq[:1] == [("anchor", "^", "")] else None
            need = _need(seq, icase)
            ending = _ending(seq, flags, icase)
            alphabet = _whole_line_alphabet(seq, flags)
            found = _class_need_sources(seq, flags) if seq[:1] == [("anchor", "^", "")] else None  # (see _ending)
            chars = None if found is None or len(found[0]) == 128 else "".join(sorted(found[0])).encode()
            needs = None if chars is None else _derived("|".join(found[1]), flags)  # type: ignore[index]
            only = _whole_line_only(seq, flags) if alphabet is not None else None
            if pre is None and need is None and ending is None and alphabet is None and chars is None:
                return None  # this alternative could match any line
            branches.append(_Branch(pre, None if need is None else _minimal(need), ending, alphabet, chars, only, needs))
    except (_Fail, regex.error, ValueError, RecursionError):
        return None
    return Prefilter(tuple(branches), icase)


def _anchored(alt: list[list[tuple[str, object, str]]], flags: int, icase: bool) -> _Anchored | None:
    try:
        skips: set[str] = set()
        prefixes: set[str] = set()
        for seq in alt:
            i = 1
            while i < len(seq) and seq[i][0] in ("zero", "ahead") and seq[i][2] == "":
                i += 1  # a leading lookaround consumes nothing: what follows it starts the line
            skip_src = ""
            if i < len(seq) and seq[i][0] in ("esc", "class") and seq[i][2] in ("*", "*?", "*+"):
                skip_src = str(seq[i][1])
                if seq[i][0] == "esc" and skip_src[1:2] not in _SKIP_ESC:
                    return None
                i += 1
            skips.add(skip_src)
            prefixes |= _seq_prefixes(seq, i, icase)
        if len(skips) != 1:
            return None
        skip_src = skips.pop()
        if skip_src:
            probe = regex.compile(skip_src, flags)
            skip = frozenset(ch for ch in map(chr, range(128)) if probe.fullmatch(ch))
        else:
            skip = frozenset()
    except (_Fail, regex.error, ValueError):
        return None
    pre = tuple(sorted(p for p in prefixes if p and not p.startswith(_CLASS)))
    # ASCII characters a class-led alternative can start with
    first_ok: set[str] = set()
    for item in prefixes:
        if item.startswith(_CLASS):
            probe = regex.compile(item[1:], flags)
            first_ok |= {ch for ch in map(chr, range(128)) if probe.fullmatch(ch)}
    # Characters that could begin a prefix: a skipped ASCII char among them is sent to the regex.
    first = set(p[0] for p in pre)
    width = max((len(p) for p in pre), default=1)
    return _Anchored(skip, pre, frozenset(first), icase, frozenset(first_ok), max(width, 1))
