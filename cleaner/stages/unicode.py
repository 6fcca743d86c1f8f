"""The unicode stage: line breaks, ftfy repairs, and invisible or odd characters.

Three passes, each a small stage so the ledger can say which one changed what:

1. ``unicode.line-breaks`` (every break becomes ``\\n``), ``unicode.combining-run`` (runs of
   combining marks capped at 30, the stream-safe limit, because normalizing a long run is
   quadratic) and ``unicode.lone-surrogate`` (before ftfy, which would make one U+FFFD);
2. ``unicode.ftfy``: ftfy on each line, skipped for lines that cannot need it (ASCII without
   ``&`` or ``<``), with the line's changes split into small edits by a token diff; one scan
   of the whole text sorts out the many lines where ftfy would only uncurl quotes;
3. ``unicode.control-chars``, ``unicode.invisible``, ``unicode.bidi-controls``,
   ``unicode.odd-spaces``, ``unicode.lone-surrogate``: characters that carry no text.
"""

from __future__ import annotations

import difflib
import itertools
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import ftfy
import ftfy.badness
import ftfy.chardata
import regex

from cleaner.document import Edit
from cleaner.ruleset import Rule, find_rule
from cleaner.stages.base import Context

_BREAK_CHARS = "\r\u2028\u2029\x85\x0b\x0c"  # besides "\n"
# ``\r\n|[\r\u2028\u2029\x85\x0b\x0c]``, spelt to start with a class: ``re`` then skips to its
# characters in C instead of trying both branches at every position.
_BREAKS = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c](?:(?<=\r)\n)?")
_COMBINING_RUN = regex.compile(r"(?<=\p{M}{30})\p{M}+")
_SEGMENT = re.compile("[^\n\r\u2028\u2029\x85\x0b\x0c]+")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# runs of surrogates that are not halves of a pair (a high one right before a low one)
_LONE_SURROGATES = re.compile(
    "(?:[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])+")
MAX_DIFF = 4000

# (rule id suffix, character class); order is priority when classes overlap
_CHAR_CLASSES: tuple[tuple[str, str, str], ...] = (
    ("lone-surrogate", r"[\ud800-\udfff]", ""),
    ("control-chars", r"[\x00-\x08\x0e-\x1f\x7f]", ""),
    ("bidi-controls", r"[\u202a-\u202e\u2066-\u2069]", ""),
    ("invisible", r"[\u200b\u2060\ufeff\u00ad\u180e\u034f]", ""),
    ("odd-spaces", r"[\u00a0\u2000-\u200a\u202f\u205f]", " "),
)

FTFY_CONFIG = ftfy.TextFixerConfig(fix_line_breaks=False, explain=True)


def _char_class(codepoints: set[int]) -> str:
    return "".join(regex.escape(chr(c)) for c in sorted(codepoints))


# Characters that some ftfy fixer other than uncurl_quotes could change: C1 and other control
# characters, ligatures, fullwidth forms, terminal escapes and surrogates.
_FTFY_SLOW = regex.compile(
    "["
    + _char_class(set(ftfy.chardata.LIGATURES) | set(ftfy.chardata.WIDTH_MAP) | set(ftfy.chardata.CONTROL_CHARS))
    + r"\x1b\x80-\x9f\ud800-\udfff]"
)
# The same class for ``re``, which scans a whole text much faster than ``regex``.
_FTFY_SLOW_RE = re.compile(_FTFY_SLOW.pattern)
_CURLY = str.maketrans({c: "'" for c in "\u02bc\u2018\u2019\u201a\u201b"} | {c: '"' for c in "\u201c\u201d\u201e\u201f"})


# ftfy's own entity pattern: unescape_html changes nothing on a line without a match
_HTML_ENTITY = ftfy.chardata.HTML_ENTITY_RE
# (``[q][q]*`` rather than ``[q]+``: a pattern that starts with a class lets ``re`` skip to it in C)
_CURLY_CHARS = "".join(map(chr, _CURLY))
_CURLY_RUN = re.compile(f"[{_CURLY_CHARS}][{_CURLY_CHARS}]*")


_CURLY_PAIRS = [(chr(c), r) for c, r in _CURLY.items()]


def _uncurl(line: str) -> str:
    """``line.translate(_CURLY)``, as a few ``str.replace``: translate looks every character
    of a non-ASCII line up in a dict, ten times slower."""
    for c, r in _CURLY_PAIRS:
        if c in line:
            line = line.replace(c, r)
    return line


def ftfy_fast(line: str) -> str | None:
    """ftfy's result for a line that can only need its quotes uncurled, or None if unsure.

    A line with no HTML entity, no character another fixer would touch, already in NFC and without
    mojibake (ftfy's own ``is_bad``) gets exactly ``uncurl_quotes`` from ftfy: a translate here,
    a dozen passes there. The property test checks the two agree.
    """
    if "&" in line and _HTML_ENTITY.search(line):
        return None  # an entity ftfy may decode ("AT&T" or "Q&A" is none)
    if _FTFY_SLOW_RE.search(line) or not unicodedata.is_normalized("NFC", line):
        return None
    if _looks_bad(line):
        return None
    out = _uncurl(line)
    if not _UNCURL_KEEPS_GOOD and out != line and _looks_bad(out):
        return None
    return out


def _sre_modules() -> tuple[Any, Any]:
    """The standard library's regex parser and its constants (renamed in Python 3.11)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as _constants  # type: ignore[no-redef]
        import sre_parse as _parser  # type: ignore[no-redef]
    return _constants, _parser


def _class_chars(sre: Any, op: object, av: object) -> set[str] | None:
    """The characters a one-character item of a parsed pattern matches, when it is a plain set
    (a literal, or a class of literals and ranges); None otherwise."""
    if op is sre.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is not sre.IN:
        return None
    out: set[str] = set()
    for o, a in av:  # type: ignore[attr-defined]
        if o is sre.LITERAL:
            out.add(chr(a))
        elif o is sre.RANGE:
            out.update(map(chr, range(a[0], a[1] + 1)))
        else:
            return None  # a negated or category class: no fixed set
    return out


def _commonness(chars: set[str]) -> int:
    """A rough guess of how often a character of ``chars`` turns up in web text: punctuation and
    spaces (curly quotes, dashes) most, then lowercase letters, other letters and currency; other
    symbols (box drawing, maths) hardly. It only picks which keys to search for: speed, never results."""
    weight = {"P": 1000, "Z": 1000, "Ll": 300, "L": 50, "Sc": 50}
    return sum(weight.get(unicodedata.category(c), weight.get(unicodedata.category(c)[0], 1)) for c in chars)


def _badness_keys() -> tuple[str, str] | None:
    """A pattern that matches, inside every match of ftfy's badness pattern, at least one
    character; as its first-character class and the checks made after it.

    Each alternative of ftfy's pattern is a sequence of items; where an item is a plain class of
    non-ASCII characters (mojibake is non-ASCII), the alternative cannot match without one of
    them, and where two such items are adjacent, without the pair side by side. Per alternative
    the rarest such key is taken (``_commonness``): a pair of classes is far rarer than either
    alone, so a curly quote or an accented letter on its own does not count. The pattern starts
    with the class of all keys' first characters, so ``re`` skips ahead to them in C. None
    (always run ftfy's pattern) when the installed ftfy's pattern does not have that shape.
    """
    sre, _parser = _sre_modules()
    try:
        pat = ftfy.badness.BADNESS_RE
        if pat.flags & re.IGNORECASE:
            return None  # the classes would not be the characters they match
        tree = _parser.parse(pat.pattern, pat.flags)
        (op, av), = list(tree)
        if op is not sre.BRANCH:
            return None
        keys: dict[str, set[str]] = {}  # a check after the character -> the characters it follows
        for alt in av[1]:
            # top-level items only: each one must match, in order, for the alternative to match
            sets = [_class_chars(sre, o, a) for o, a in alt]
            sets = [c if c and all(ord(x) > 127 for x in c) else None for c in sets]
            found = [(_commonness(c), c, set(), set()) for c in sets if c]
            found += [(_commonness(a) * _commonness(b) / 1e6, *_pair(a, b)) for a, b in itertools.pairwise(sets) if a and b]
            if not found:
                return None
            _, hit, before, after = min(found, key=lambda k: k[0])
            keys.setdefault(_after(before, after), set()).update(hit)
    except Exception:  # another ftfy, another shape: no shortcut
        return None
    firsts = set().union(*keys.values())
    return _cls(firsts), "(?:" + "|".join(f"(?<={_cls(hit)}){check}" for check, hit in keys.items()) + ")"


def _pair(a: set[str], b: set[str]) -> tuple[set[str], set[str], set[str]]:
    """(the characters to search for, the class just before, the class just after): a pair of
    classes is searched for by its rarer side, the other checked beside it."""
    return (a, set(), b) if _commonness(a) <= _commonness(b) else (b, a, set())


def _cls(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _after(before: set[str], after: set[str]) -> str:
    """The check made at a found character: the class just before it, the class just after it."""
    return (f"(?<={_cls(before)}.)" if before else "") + (f"(?={_cls(after)})" if after else "")


_BADNESS_KEYS = _badness_keys()
_BADNESS_NEEDS = re.compile("".join(_BADNESS_KEYS)) if _BADNESS_KEYS else None


def _badness_width() -> int | None:
    """The longest text one match of ftfy's badness pattern can span (None: unbounded)."""
    _, _parser = _sre_modules()
    try:
        pat = ftfy.badness.BADNESS_RE
        most = _parser.parse(pat.pattern, pat.flags).getwidth()[1]
    except Exception:  # another ftfy, another shape: no shortcut
        return None
    return most if most < 100 else None


_BADNESS_WIDTH = _badness_width()


def _uncurl_keeps_good() -> bool:
    """True when uncurling quotes cannot make a line ftfy's badness pattern matches.

    Checked on the pattern itself: each character item that accepts an ASCII quote must accept
    every curly quote that becomes it, and the rest must be structure (branches, repeats) or
    anchors that look only at positions and newlines. Then uncurling (one character for one)
    turns no non-match into a match: a match in the uncurled line is a match at the same place
    in the line. False (check again after uncurling) for any other shape.
    """
    sre, _parser = _sre_modules()
    category = {sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w",
                sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D"}
    anchors = {sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING}

    def accepts(op: object, av: Any, ch: str) -> bool:  # KeyError or ValueError: not understood
        if op is sre.LITERAL:
            return ch == chr(av)
        if op is sre.NOT_LITERAL:
            return ch != chr(av)
        if op is sre.ANY:
            return ch != "\n"
        if op is sre.CATEGORY:
            return re.fullmatch(category[av], ch) is not None
        if op is sre.RANGE:
            return av[0] <= ord(ch) <= av[1]
        if op is sre.IN:
            negate = bool(av) and av[0][0] is sre.NEGATE
            return negate != any(accepts(o, a, ch) for o, a in av[negate:])
        raise ValueError(op)

    swaps = [(chr(c), r) for c, r in _CURLY.items()]

    def safe(items: Any) -> bool:
        for op, av in items:
            if op is sre.BRANCH:
                ok = all(safe(alt) for alt in av[1])
            elif op is sre.SUBPATTERN:
                ok = safe(av[-1])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                ok = safe(av[2])
            elif op is sre.AT:
                ok = av in anchors
            else:
                ok = all(accepts(op, av, curly) for curly, ascii in swaps if accepts(op, av, ascii))
            if not ok:
                return False
        return True

    try:
        pat = ftfy.badness.BADNESS_RE
        return not pat.flags & re.IGNORECASE and safe(_parser.parse(pat.pattern, pat.flags))
    except Exception:  # another ftfy, another shape: check again after uncurling
        return False


_UNCURL_KEEPS_GOOD = _uncurl_keeps_good()


def _may_be_bad(line: str) -> bool:
    return _BADNESS_NEEDS is None or _BADNESS_NEEDS.search(line) is not None


def _looks_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, looking only near the keys of ``_BADNESS_NEEDS``.

    Every match holds a key character and spans at most ``_BADNESS_WIDTH`` characters, so it lies
    in a window that wide on either side of one: searching the windows finds it. A window can
    only add a match at its own start (the pattern's one ``^`` alternative), which sends the
    line to ftfy's full repair: slower, never wrong.
    """
    if _BADNESS_NEEDS is None or _BADNESS_WIDTH is None:
        return ftfy.badness.is_bad(line)
    w = _BADNESS_WIDTH
    spans: list[list[int]] = []
    for m in _BADNESS_NEEDS.finditer(line):
        a, b = max(0, m.start() - w + 1), m.end() + w - 1
        if spans and a <= spans[-1][1]:
            spans[-1][1] = b
        else:
            spans.append([a, b])
    if not spans:
        return False
    if sum(b - a for a, b in spans) * 2 >= len(line):
        return ftfy.badness.is_bad(line)
    return any(ftfy.badness.is_bad(line[a:b]) for a, b in spans)


# The ftfy whose ``fix_and_explain`` loop ``fix_and_explain`` mirrors (any other is called as is).
# The loop's shape follows ftfy's own (ftfy is Apache-2.0, by Robyn Speer); it calls ftfy's fixers.
_MIRRORED_FTFY = "6.3.1"
_FIXERS = ("fix_c1_controls", "fix_latin_ligatures", "fix_character_width", "uncurl_quotes", "fix_line_breaks",
           "fix_surrogates", "remove_terminal_escapes", "remove_control_chars")
# those that can change a text without ``_FTFY_SLOW`` characters (uncurling makes none)
_PLAIN_FIXERS = ("uncurl_quotes", "fix_line_breaks")


def fix_and_explain(line: str) -> ftfy.ExplainedText:
    """``ftfy.fix_and_explain(line, config=FTFY_CONFIG)``: the same text and steps, cheaper.

    ftfy repeats its round of fixes until a round changes nothing, and in each round repeats
    its mojibake step until that changes nothing; each last look scans the whole repaired line
    with ``is_bad``. Mirroring its loop (ftfy 6.3.1), a text that ``_looks_bad`` clears skips
    the mojibake step (ftfy's would return it at once, on ``not is_bad``), a text without
    ``_FTFY_SLOW`` characters skips the fixers that only change those, and a round is the last
    when ``ftfy_fast`` shows that the next would leave the text as it is.
    """
    if ftfy.__version__ != _MIRRORED_FTFY or not FTFY_CONFIG.explain:
        return ftfy.fix_and_explain(line, config=FTFY_CONFIG)
    config = FTFY_CONFIG
    if config.unescape_html == "auto" and "<" in line:
        config = config._replace(unescape_html=False)
    steps: list[ftfy.ExplanationStep] = []
    text = line
    while True:
        before_round = text
        text = ftfy._try_fix("unescape_html", text, config, steps)
        if config.fix_encoding:  # ftfy.fix_encoding_and_explain
            while _looks_bad(text):
                before_step = text
                text, plan = ftfy._fix_encoding_one_step_and_explain(text, config)
                steps.extend(plan or ())
                if text == before_step:
                    break
        for fixer in _FIXERS if _FTFY_SLOW_RE.search(text) else _PLAIN_FIXERS:
            text = ftfy._try_fix(fixer, text, config, steps)
        if config.normalization is not None:
            fixed = unicodedata.normalize(config.normalization, text)
            if fixed != text:
                steps.append(ftfy.ExplanationStep("normalize", config.normalization))
            text = fixed
        if text == before_round or ftfy_fast(text) == text:
            return ftfy.ExplainedText(text, steps)


def _ftfy_needed(line: str) -> bool:
    return not line.isascii() or "&" in line or "<" in line


# A character that makes a line worth ftfy's look (see ``_ftfy_needed``), and the line breaks
# other than ``\n`` (rare once the line-breaks pass has run).
_NEEDS_FTFY = re.compile("[&<\x80-\U0010ffff]")
_OTHER_BREAK = re.compile("[\r\u2028\u2029\x85\x0b\x0c]")


def _needy_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each ``_SEGMENT`` of ``text`` that ``_ftfy_needed``, in order.

    Jumps from one needed character to the next and takes the ``\n``-delimited line around it,
    so the many lines with nothing for ftfy cost no Python step; a line holding another break is
    split the plain way.
    """
    pos = 0
    other_breaks = any(c in text for c in _BREAK_CHARS)  # rare once the line-breaks pass has run
    while m := _NEEDS_FTFY.search(text, pos):
        i = m.start()
        a = text.rfind("\n", 0, i) + 1
        b = text.find("\n", i)
        if b < 0:
            b = len(text)
        line = text[a:b]
        if other_breaks and _OTHER_BREAK.search(line):
            for seg in _SEGMENT.finditer(line):
                if _ftfy_needed(seg.group()):
                    yield a + seg.start(), seg.group()
        else:
            yield a, line
        pos = b + 1


def _scan_pattern() -> re.Pattern[str] | None:
    """One pass over a text for what ``ftfy_fast`` looks at in a line besides NFC and entities:
    a match is one character, with group ``hard`` when it is a ``_FTFY_SLOW`` character or a
    badness key (its line needs ``ftfy_fast``'s own look) and without it when it is a curly
    quote (and neither). One class first, so ``re`` skips to the next such character in C.
    None when the badness keys are unknown or uncurling might make a line bad."""
    if _BADNESS_KEYS is None or not _UNCURL_KEEPS_GOOD:
        return None
    slow, curly = _FTFY_SLOW_RE.pattern[1:-1], _CURLY_CHARS
    firsts, checks = _BADNESS_KEYS
    # a quote that can be neither (the common "’") is taken before the many checks are tried
    plain = {c for c in curly if not _FTFY_SLOW_RE.match(c) and not re.fullmatch(firsts, c)}
    quick = f"(?<={_cls(plain)})|" if plain else ""
    return re.compile(f"[{slow}{firsts[1:-1]}{curly}](?:{quick}(?:(?<=[{slow}])|{checks})(?P<hard>)|(?<=[{curly}]))")


_SCAN = _scan_pattern()


def _scan(text: str) -> tuple[list[tuple[int, str]], list[int]] | None:
    """(offset, line) of the lines of ``text`` that ``ftfy_fast`` must judge one by one, in order,
    and the offsets of the curly quotes in the others; None when every line must be judged so
    (other line breaks, text not in NFC, or no ``_SCAN``).

    Every other line that ``_ftfy_needed`` is in NFC (as the whole text is: ``\n`` neither
    composes nor reorders) and holds no HTML entity, no ``_FTFY_SLOW`` character and no
    badness key (found in the whole text: no match looks past a ``\n``), so ``ftfy_fast``
    uncurls its quotes and does nothing else. Most lines with non-ASCII text are such lines.
    """
    if _SCAN is None or any(c in text for c in _BREAK_CHARS) or not unicodedata.is_normalized("NFC", text):
        return None
    hard: dict[int, str] = {}
    curly: list[int] = []
    found: list[int] = []
    for m in _SCAN.finditer(text):
        (curly if m.lastindex is None else found).append(m.start())
    if "&" in text:
        found += [m.start() for m in _HTML_ENTITY.finditer(text)]
    for i in found:
        a = text.rfind("\n", 0, i) + 1
        if a not in hard:
            b = text.find("\n", i)
            line = text[a : b if b >= 0 else len(text)]
            if _ftfy_needed(line):  # (a control character alone does not make an ASCII line needy)
                hard[a] = line
    return sorted(hard.items()), curly


_TOKEN = regex.compile(r"\w+|\s+|.", regex.S)


def _common_length(a: str, b: str, most: int, same: Callable[[int], bool]) -> int:
    """The largest k <= most with same(k), by bisection: slice comparisons run in C, a
    character loop in Python does not."""
    lo, hi = 0, most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if same(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _same_after(x: str, i: int, y: str, j: int) -> int:
    """The length of the common prefix of ``x[i:]`` and ``y[j:]``."""
    return _common_length(x, y, min(len(x) - i, len(y) - j), lambda k: x[i : i + k] == y[j : j + k])


def _same_before(x: str, i: int, y: str, j: int) -> int:
    """The length of the common suffix of ``x[:i]`` and ``y[:j]``."""
    return _common_length(x, y, min(i, j), lambda k: x[i - k : i] == y[j - k : j])


def diff_edits(rule: Rule, offset: int, a: str, b: str, note: str = "") -> list[Edit]:
    """Small edits turning ``a`` into ``b``: a diff over word/space/symbol tokens.

    ftfy's repairs are local (a quote, a mojibake sequence, an entity), so aligning tokens
    finds them at a fraction of the cost of a character diff; the common prefix and suffix are
    trimmed first, and very long middles become one edit.
    """
    if a == b:
        return []
    n = min(len(a), len(b))
    p = _common_length(a, b, n, lambda k: a[:k] == b[:k])
    s = _common_length(a, b, n - p, lambda k: a[len(a) - k :] == b[len(b) - k :])
    a_mid, b_mid = a[p : len(a) - s], b[p : len(b) - s]
    base = offset + p
    if len(a_mid) == len(b_mid):  # one-for-one replacements (quotes): runs of changed characters
        out: list[Edit] = []
        run = -1
        for i, (x, y) in enumerate(zip(a_mid, b_mid, strict=True)):
            if x != y:
                if run < 0:
                    run = i
            elif run >= 0:
                out.append(Edit(rule.id, base + run, base + i, b_mid[run:i], rule.safety, note))  # type: ignore[arg-type]
                run = -1
        if run >= 0:
            out.append(Edit(rule.id, base + run, base + len(a_mid), b_mid[run:], rule.safety, note))  # type: ignore[arg-type]
        return out
    if len(a_mid) > MAX_DIFF or len(b_mid) > MAX_DIFF or not a_mid or not b_mid:
        return [Edit(rule.id, base, base + len(a_mid), b_mid, rule.safety, note)]  # type: ignore[arg-type]
    ta, tb = _TOKEN.findall(a_mid), _TOKEN.findall(b_mid)
    pa = [0, *itertools.accumulate(map(len, ta))]
    pb = [0, *itertools.accumulate(map(len, tb))]
    return [
        Edit(rule.id, base + pa[i1], base + pa[i2], b_mid[pb[j1] : pb[j2]], rule.safety, note)  # type: ignore[arg-type]
        for i1, i2, j1, j2 in changed_spans(ta, tb)
    ]


# Every ``_SAMPLE``-th token's ``_GRAM``-gram is looked for in the other line: a common run of
# ``_SAMPLE + _GRAM - 1`` tokens or more holds one of them, so all such runs are found.
_SAMPLE, _GRAM = 8, 4


def changed_spans(ta: Sequence[str], tb: Sequence[str], sample: int = _SAMPLE, gram: int = _GRAM) -> list[tuple[int, int, int, int]]:
    """(i1, i2, j1, j2) of each opcode but "equal" of ``SequenceMatcher(None, ta, tb,
    autojunk=False).get_opcodes()``, the same list, computed faster on long similar lines.

    ``SequenceMatcher`` splits the lines at the longest common run of tokens, then each side
    again, and so on; its ``find_longest_match`` looks at every pair of equal tokens, and a
    line has hundreds of spaces. Here the long runs (``sample + gram - 1`` tokens or more) are
    found once, with ``str.find`` on the lines spelt one character per token; a range whose
    longest run is one of them (a run of a range is a run of the lines cut to the range) takes
    it without looking further; only a range whose longest run is shorter asks difflib.
    """
    least = sample + gram - 1
    if min(len(ta), len(tb)) < 2 * least:  # a short line: difflib is as quick
        sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
        return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]
    code = dict(zip(dict.fromkeys([*ta, *tb]), map(chr, itertools.count()), strict=False))
    sa, sb = "".join(map(code.__getitem__, ta)), "".join(map(code.__getitem__, tb))
    runs = _long_runs(sa, sb, sample, gram)

    def longest(alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
        bi, bj, bk = alo, blo, 0  # difflib's pick: the longest run, then the first in a, then in b
        for i, j, k in runs:
            d = j - i
            lo, hi = max(i, alo, blo - d), min(i + k, ahi, bhi - d)
            if hi - lo > bk or (hi - lo == bk and (lo, lo + d) < (bi, bj)):
                bi, bj, bk = lo, lo + d, hi - lo
        if bk >= least:
            return bi, bj, bk
        if set(sa[alo:ahi]).isdisjoint(sb[blo:bhi]):  # no token in common (a repaired spot, mostly)
            return alo, blo, 0
        # every run of this range is short, so maybe not among ``runs``: difflib on the range
        m = difflib.SequenceMatcher(None, ta[alo:ahi], tb[blo:bhi], autojunk=False).find_longest_match(0, ahi - alo, 0, bhi - blo)
        return alo + m.a, blo + m.b, m.size

    # SequenceMatcher.get_matching_blocks and get_opcodes, with ``longest`` for find_longest_match
    queue = [(0, len(ta), 0, len(tb))]
    blocks = []
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = longest(alo, ahi, blo, bhi)
        if k:
            blocks.append((i, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    blocks.sort()
    out = []
    i = j = 0
    for ai, bj, k in [*blocks, (len(ta), len(tb), 0)]:
        if i < ai or j < bj:  # (difflib first merges blocks that touch: no gap, no opcode)
            out.append((i, ai, j, bj))
        i, j = ai + k, bj + k
    return out


def _long_runs(sa: str, sb: str, sample: int, gram: int) -> list[tuple[int, int, int]]:
    """(i, j, k) of every maximal common run ``sa[i:i+k] == sb[j:j+k]`` with ``k >= sample +
    gram - 1``."""
    runs = []
    end: dict[int, int] = {}  # diagonal j - i -> end in sa of the last run found on it
    for p in range(0, len(sa) - gram + 1, sample):
        g = sa[p : p + gram]
        j = sb.find(g)
        while j >= 0:
            d = j - p
            if end.get(d, -1) <= p:  # not inside the run already found on this diagonal
                back, ahead = _same_before(sa, p, sb, j), _same_after(sa, p, sb, j)
                end[d] = p + ahead
                if back + ahead >= sample + gram - 1:
                    runs.append((p - back, j - back, back + ahead))
            j = sb.find(g, j + 1)
    return runs


_START = operator.attrgetter("start")


class BreaksStage:
    """Pass 1: line breaks, runs of combining marks and lone surrogates.

    A lone surrogate goes here (``unicode.lone-surrogate``, as pass 3 would remove it), before
    ftfy, which would make it U+FFFD: ftfy still joins the halves of a pair."""

    name = "unicode"
    settles_in_one_round = True  # line-local repairs: removing other lines cannot create work

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._breaks = find_rule(self.rules, "unicode.line-breaks")
        self._comb = find_rule(self.rules, "unicode.combining-run")
        self._lone = find_rule(self.rules, "unicode.lone-surrogate")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        out: list[Edit] = []
        # "in" finds one character far faster than any pattern scan; most texts hold no break
        if self._breaks and any(c in text for c in _BREAK_CHARS):
            out += [Edit(self._breaks.id, m.start(), m.end(), "\n", self._breaks.safety) for m in _BREAKS.finditer(text)]  # type: ignore[arg-type]
        if not text.isascii():
            if self._comb:
                for m in _COMBINING_RUN.finditer(text):
                    out.append(Edit(self._comb.id, m.start(), m.end(), "", self._comb.safety))  # type: ignore[arg-type]
            if self._lone and _SURROGATE.search(text):
                lone = self._lone
                out += [Edit(lone.id, m.start(), m.end(), "", lone.safety) for m in _LONE_SURROGATES.finditer(text)]  # type: ignore[arg-type]
        return out


class FtfyStage:
    """Pass 2: ftfy on each line that may need it."""

    name = "unicode"
    settles_in_one_round = True  # line-local repairs: removing other lines cannot create work

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._rule = find_rule(self.rules, "unicode.ftfy")
        # line -> its edits at offset 0: the second fixpoint round and repeated lines skip ftfy
        self._memo: dict[str, tuple[Edit, ...]] = {}

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        rule = self._rule
        if rule is None or (text.isascii() and "&" not in text and "<" not in text):
            return []
        scan = _scan(text)
        if scan is None:  # every line judged on its own
            return [e for start, line in _needy_lines(text) for e in self._line_edits(rule, start, line, ctx)]
        hard, curly = scan
        if hard:  # the curly quotes of a hard line are ftfy_fast's to judge with the rest of it
            lines = iter(hard)
            start, line = next(lines)
            easy = []
            for i in curly:
                while i > start + len(line):
                    start, line = next(lines, (len(text) + 1, ""))
                if i < start:
                    easy.append(i)
            curly = easy
        # runs of consecutive curly quotes: from a quote after a non-quote to one before a non-quote
        firsts = [i for i, before in zip(curly, [-2, *curly], strict=False) if i != before + 1]
        lasts = [i + 1 for i, after in zip(curly, [*curly[1:], -2], strict=False) if after != i + 1]
        out = [
            Edit(rule.id, a, b, text[a:b].translate(_CURLY), rule.safety, "uncurl_quotes")  # type: ignore[arg-type]
            for a, b in zip(firsts, lasts, strict=True)
        ]
        if hard:
            out += [e for start, line in hard for e in self._line_edits(rule, start, line, ctx)]
            out.sort(key=_START)  # text order (no two edits of the stage start at one offset)
        return out

    def _line_edits(self, rule: Rule, start: int, line: str, ctx: Context) -> list[Edit]:
        """ftfy's edits to one line of the text, at ``start``; remembered by line."""
        found = self._memo.get(line)
        if found is None:
            found = self._repairs(line, ctx)
            if found is None:
                return []
            if len(self._memo) >= 1 << 14:
                self._memo.clear()
            self._memo[line] = found
        return [Edit(rule.id, a + start, b + start, repl, rule.safety, note) for a, b, repl, note in found]  # type: ignore[arg-type]

    def _repairs(self, line: str, ctx: Context) -> tuple[tuple[int, int, str, str], ...] | None:
        """ftfy's changes to one line as (start, end, replacement, note); None if ftfy failed."""
        fast = ftfy_fast(line)
        if fast is not None:  # only curly quotes changed: each run of them is one edit
            if fast == line:
                return ()
            return tuple((m.start(), m.end(), fast[m.start() : m.end()], "uncurl_quotes") for m in _CURLY_RUN.finditer(line))
        try:
            fixed = fix_and_explain(line)
        except Exception as e:  # ftfy bug on odd input: leave the line, report it
            ctx.counters[f"error:unicode.ftfy:{type(e).__name__}"] += 1
            return None
        if fixed.text == line:
            return ()
        steps = ",".join(dict.fromkeys(s[1] for s in (fixed.explanation or [])))
        assert self._rule is not None
        return tuple((e.start, e.end, e.replacement, e.note) for e in diff_edits(self._rule, 0, line, fixed.text, steps))


class CharsStage:
    """Pass 3: characters that carry no text, removed or made plain spaces."""

    name = "unicode"
    settles_in_one_round = True  # line-local repairs: removing other lines cannot create work

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        parts = []
        self._by_group: dict[str, tuple[Rule, str]] = {}
        for slug, cls, repl in _CHAR_CLASSES:
            r = find_rule(self.rules, f"unicode.{slug}")
            if r is not None:
                group = slug.replace("-", "_")
                parts.append(f"(?P<{group}>{cls}+)")
                self._by_group[group] = (r, repl)
        self._pattern = regex.compile("|".join(parts)) if parts else None
        # One character class for all of them, searched with ``re`` (ten times faster than the
        # alternation); the alternation then splits each run it finds by class. Exact: the
        # alternation matches only characters of the union, so its matches lie inside the runs.
        union = "".join(cls[1:-1] for slug, cls, _ in _CHAR_CLASSES if find_rule(self.rules, f"unicode.{slug}"))
        # (``[u][u]*`` rather than ``[u]+``: a pattern that starts with a class lets ``re`` skip to it in C)
        self._runs = re.compile(f"[{union}][{union}]*") if union else None

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        if self._pattern is None:
            return []
        if text.isascii() and not _ASCII_CONTROL.search(text):
            return []
        out = []
        assert self._runs is not None
        for run in self._runs.finditer(text):
            for m in self._pattern.finditer(text, run.start(), run.end()):
                group = m.lastgroup
                assert group is not None
                rule, repl = self._by_group[group]
                out.append(Edit(rule.id, m.start(), m.end(), repl, rule.safety))  # type: ignore[arg-type]
        return out
