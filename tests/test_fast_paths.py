"""Each shortcut taken for speed against the plain way it replaces, on generated input: a fast
path may only skip work that cannot change the result."""

from __future__ import annotations

import bisect as _bisect
from collections.abc import Iterable
from itertools import accumulate as _accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import document as D
from cleaner.document import Edit
from cleaner.normalize import fold
from cleaner.stages import structure as S
from cleaner.stages.base import line_facts

P = ("The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, "
     "officials said in a statement.")
LINES = [
    "", " ", P, P.upper(), "Home", "World News", "Sport", "Yes.", "Read more…", "What do you think?",
    "12 thoughts on “The alliance met in Dushanbe”", "3 reſponſes to \"It\"", "Leave a Reply",
    "Top Rated Comments", "COMMENTS (4)", "One comment on 'x'", "Jane Doe says:", "He said:",
    "Jane on May 3, 2019 at 4:47 pm said:", "Hi Milan,", "Hallo Jörg!", "İstanbul news today",
    "- Pochettino fired by Tottenham after five years", "• Another big headline about the club",
    "\u00a0- Spaces before a bullet headline here", "1. First item, 3 kg", "2. Second item, 5 kg",
    "June 9 – Tampa, FL @ Arena", "June 12 – Miami, FL @ Hall", "Politics (12)", "Ingredients:",
    "https://example.com/a/b", "The alliance met in Dushanbe - Site", "tag " * 45,
    "the alliance met in dushanbe on monday", "ﬁne ﬁsh ﬁght ﬁnal ﬁgure", "１２ thoughts on it",
]
pages = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), max_size=60).map("\n".join)


def _facts(text: str) -> tuple[list, list[int], list[bool]]:
    lines, words, paragraph = line_facts(text)
    para = [S.is_prose(ln.text, w, p) for ln, w, p in zip(lines, words, paragraph, strict=True)]
    return list(lines), list(words), para


def _comment_section_plain(lines, words, para) -> int | None:
    """The loop `comment_section` replaces: every line, every check."""
    if True not in para:
        return None
    first_para = para.index(True)
    meta = [S._comment_meta(ln.text, w) for ln, w in zip(lines, words, strict=True)]
    bylines_from, replies_from = [0] * (len(lines) + 1), [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        bylines_from[i] = bylines_from[i + 1] + (meta[i] in (1, 2))
        replies_from[i] = replies_from[i + 1] + (meta[i] == 3)
    prose_before = 0
    for i, ln in enumerate(lines):
        if para[i]:
            prose_before += words[i]
        if i <= first_para or prose_before < 40:
            continue
        byline = meta[i] == 2 or (meta[i] == 1 and bylines_from[i + 1] > 0)
        replies = meta[i] == 3 and replies_from[i] >= S.SALUTATIONS
        if byline or replies or S._comment_heading(ln.text, words[i]):
            return i
    return None


@settings(max_examples=300)
@given(pages)
def test_comment_section_is_the_plain_loop(text):
    lines, words, para = _facts(text)
    assert S.comment_section(text, lines, words, para) == _comment_section_plain(lines, words, para)


def _list_items_plain(texts):
    shapes = [S.shape(t) for t in texts]
    numbers = [S._number(t) for t in texts]
    n = len(texts)

    def item(k):
        if len(shapes[k]) < 2 and numbers[k] is None:
            return False
        for d in (-2, -1, 1, 2):
            if not 0 <= k + d < n:
                continue
            if S._alike(shapes[k], shapes[k + d]):
                return True
            if numbers[k] is not None and numbers[k + d] == numbers[k] + (1 if d > 0 else -1):
                return True
        return False

    return [item(k) for k in range(n)]


@given(st.lists(st.sampled_from([t for t in LINES if t.strip()]), max_size=30))
def test_lazy_list_items_and_table_count(texts):
    plain = _list_items_plain(texts)
    assert S.list_items(texts) == plain
    lines = list(line_facts("\n".join(texts))[0])
    run = list(range(len(texts)))
    if run:
        assert S._is_table(lines, run) == (2 * sum(plain) >= len(run))


def _title_anchor_plain(texts):
    nb = [i for i, t in enumerate(texts) if t.strip()]
    if len(nb) < 2:
        return None
    title = texts[nb[0]]
    m = S._SITE_SUFFIX.search(title)
    key = fold(title[: m.start()] if m else title)
    if len(key.split()) < S.TITLE_MIN_WORDS:
        return None
    n = len(key.split())
    return next((i for i in nb[1:] if len(texts[i].split()) <= n + 5 and fold(texts[i]).startswith(key)), None)


@given(pages)
def test_title_anchor_is_the_plain_scan(text):
    texts = text.split("\n")
    assert S.title_anchor(texts) == _title_anchor_plain(texts)


@given(pages)
def test_scores_prose_and_short_lines(text):
    lines, words, paragraph = line_facts(text)
    for ln, w, p in zip(lines, words, paragraph, strict=True):
        prose = S.is_prose(ln.text, w, p)
        assert (p and (w < S.UNPUNCTUATED_WORDS or S.is_prose(ln.text, w, p))) == prose
        fast = (float(w - S.PARA_OFFSET) if prose else S._SHORT_SCORES[w] if w < 6
                else S.line_score(ln.text, w, prose) if ln.text.rstrip()[-1:] in S._END_CHARS else -0.5 * w)
        assert fast == S.line_score(ln.text, w, prose)
        if ln.text.lstrip()[:1] not in S._TEASER_MARKS:
            assert not S._TEASER_START.match(ln.text)


@given(pages, st.integers(0, 70), st.integers(0, 70))
def test_an_anchor_only_loosens_the_whole_page_test(text, bs, be):
    from cleaner.zones import find_zones

    _, words, para = _facts(text)
    zones = find_zones(para)
    if S.is_whole_page(words, para, zones, bs, be, False):
        assert S.is_whole_page(words, para, zones, bs, be, True)


@given(pages)
def test_heading_words_find_every_heading(text):
    lines, words, _ = _facts(text)
    starts = [ln.start for ln in lines]
    found = set(S._heading_lines(text, starts, 0, len(text))) if lines else set()
    for i, ln in enumerate(lines):
        if S._COMMENT_HEADING.match(ln.text) or S._TITLED_HEADING.match(ln.text):
            assert i in found


@given(st.text(alphabet=" \n\ta.", max_size=200), st.text(alphabet=" \nb", max_size=80),
       st.integers(0, 30), st.one_of(st.floats(0, 1), st.floats(allow_nan=False, allow_infinity=False)))
def test_guard_counts_input_words_only_when_needed(original, text, min_words, fraction):
    from cleaner.pipeline import Pipeline

    p = Pipeline([], guard_min_words=min_words, guard_min_fraction=fraction)
    n_in, n_out = len(original.split()), len(text.split())
    assert p._guard_fires(original, text) == (n_in >= 20 and n_out < max(min_words, fraction * n_in))


@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(128)] + list("\u00a0‘’“”«»–—…")), max_size=60))
def test_folds_to_space_characters_fold_as_a_space(text):
    from cleaner.stages.fragments import FOLDS_TO_SPACE

    spaced = text.translate({ord(c): " " for c in FOLDS_TO_SPACE})
    assert spaced.isascii()
    for i in range(0, len(text), 7):  # any part of such a line too
        assert fold(text[i:]) == fold(spaced[i:])


SENTENCE = "The minister said the new plan would be presented to parliament next week"
FRAGMENT_LINES = [
    SENTENCE + ".", SENTENCE[:40], SENTENCE[:42], SENTENCE[:52] + ",", "the new plan would be presented to parliament next week.",
    "“The minister said the new plan would be presented to parliament", "THE MINISTER SAID THE NEW PLAN",
    "Der Minister sagte, der neue Plan werde nächste Woche vorgestellt", "ΣΟΦΙΑ said the new plan would be",
    "İstanbul minister said the new plan would", "The minister said the new plan — would be presented…",
    "the minister said the", "ﬁnal plan would be presented to parliament next week.", "",
]


@settings(max_examples=200)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENT_LINES), st.text(max_size=30)), max_size=12))
def test_cut_off_repeat_reads_the_lines_that_can_match(lines_):
    from cleaner.stages import fragments as F

    text = "\n".join(lines_)
    rule = next(r for r in F.load_fragment_rules() if r.detector == "cut-off-repeat" and r.lang == "en")

    def run():
        lines = F._Lines(text)
        return F.cut_off_repeat(rule, text, lines, F._LazySentences(lines))

    fast = run()
    every_line = F._lines_holding_all
    F._lines_holding_all = lambda wanted, text, lines: list(range(len(lines)))
    try:
        assert run() == fast
    finally:
        F._lines_holding_all = every_line


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_shape_of_an_ascii_line_by_table(line):
    assert S.shape.__wrapped__(line) == frozenset(S._DIGITS.sub("0", S._SHAPE_SKIP.sub("", line)))


def test_part_keys_after_the_memo_starts_over():
    """A full memo is emptied; the words asked about then are all keyed again (none is lost)."""
    from cleaner import names as N

    sp = N.spelling()
    known = N._known_keys(sp)
    saved = dict(known)
    try:
        N._part_keys(sp, {"Lavrov"})
        known.update((f"Xx{i}", "x") for i in range((1 << 16) + 1))  # full
        keys = dict(N._part_keys(sp, {"Lavrov", "Qwertyzz"}))  # a new word: the memo starts over
        assert keys["Lavrov"] == N._token_key(sp, "Lavrov")
        assert keys["Qwertyzz"] == N._token_key(sp, "Qwertyzz")
    finally:
        known.clear()
        known.update(saved)


def test_heading_words_lower_to_themselves():
    """What `_heading_lines` relies on: a character `regex` matches to a letter of the heading
    words, case aside, lowers to that letter (or to more than one character: then every line
    is read)."""
    import regex

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for c in set("".join(S._HEADING_WORDS)):
        for x in regex.findall(regex.escape(c), every, flags=regex.IGNORECASE):
            assert x.lower() == c or len(x.lower()) != 1, (c, x)


@given(st.one_of(st.sampled_from(LINES), st.text(max_size=200), st.just("word " * 30 + "…")),
       st.integers(0, 60))
def test_short_lines_are_no_paragraph_without_the_cache(line, words):
    """`_is_paragraph` answers a line of fewer than `MIN_WORDS` words without the cached test;
    the answer is the full test's."""
    from cleaner import zones as Z

    full = (words >= Z.LONG_WORDS and not Z._TRUNCATED.search(line)) or (
        words >= Z.MIN_WORDS and bool(Z._SENTENCE_END.search(line)) and not Z._TRUNCATED.search(line))
    assert Z._is_paragraph(line, words) == full


_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.sampled_from(["", "x", "yz"])), max_size=8)


def _edits_on(text: str, spans: list) -> list:
    """Non-overlapping edits on ``text`` from (start, length, replacement) triples."""

    out, end = [], -1
    for s, n, r in sorted(spans):
        if s < end or s + n > len(text) or (s == end and not n and out and out[-1].start == s):
            continue
        out.append(D.Edit(f"r{len(out)}", s, s + n, r))
        end = s + n
    return out


@settings(max_examples=500)
@given(st.text(alphabet="ab\n", min_size=0, max_size=40), _SPANS, _SPANS)
def test_compose_maps_far_edits_as_the_loops_do(original, first, second):
    """`compose` maps an edit far from every earlier one by the shift before it; the result is
    what every edit through every loop gives."""

    done = D.check_edits(original, _edits_on(original, first))
    current = D.apply_edits(original, done)
    new = _edits_on(current, second)
    assert D.compose(original, done, new, current) == _compose_plain(original, done, new, current)


def _compose_plain(
    original: str, done: list[Edit], stage_edits: Iterable[Edit], current: str | None = None
) -> list[Edit]:
    """`compose` before far edits were mapped by their shift: every edit through every loop."""
    if current is None:
        current = D.apply_edits(original, done)
    new = D.check_edits(current, stage_edits)
    if not new:
        return list(done)
    if not done:  # nothing earlier to map through: offsets are already original ones
        return new
    # where each earlier edit's output sits in the current text
    shifts = _accumulate((len(e.replacement) - e.end + e.start for e in done), initial=0)
    t_starts = [e.start + sh for e, sh in zip(done, shifts, strict=False)]  # shifts has one more
    t_ends = [ts + len(e.replacement) for ts, e in zip(t_starts, done, strict=True)]

    def orig_after(p: int) -> int:
        """Original offset of current offset p, placed after earlier edits that end at p."""
        idx = _bisect.bisect_right(t_ends, p)
        return p if idx == 0 else done[idx - 1].end + (p - t_ends[idx - 1])

    def orig_before(p: int) -> int:
        """Original offset of current offset p, placed before earlier deletions sitting at p."""
        idx = _bisect.bisect_left(t_ends, p)
        while idx < len(done) and t_ends[idx] == p and t_starts[idx] < p:
            idx += 1
        return p if idx == 0 else done[idx - 1].end + (p - t_ends[idx - 1])

    def hits_of(s: int, t: int) -> list[int]:
        out = []
        for i in range(_bisect.bisect_left(t_ends, s), len(done)):
            ts, te = t_starts[i], t_ends[i]
            if ts > t:
                break
            if (ts < t and te > s) or (ts == te and s < ts < t) or (s == t and ts <= s <= te):
                out.append(i)
        return out

    # Split new edits around earlier pure deletions they span, so those keep their own rule.
    deletions = [ts for ts, te in zip(t_starts, t_ends, strict=True) if ts == te]
    split: list[Edit] = []
    for ne in new:
        lo = _bisect.bisect_right(deletions, ne.start)
        cuts = []
        while lo < len(deletions) and deletions[lo] < ne.end:
            cuts.append(deletions[lo])
            lo += 1
        if not cuts:
            split.append(ne)
            continue
        bounds = [ne.start, *dict.fromkeys(cuts), ne.end]
        for k in range(len(bounds) - 1):
            repl = ne.replacement if k == 0 else ""
            split.append(D.Edit(ne.rule, bounds[k], bounds[k + 1], repl, ne.safety, ne.note))
    new = split

    # Join new edits that reach into the same earlier edit, so each earlier edit is absorbed once.
    groups: list[tuple[Edit, list[int]]] = []
    for ne in new:
        hits = hits_of(ne.start, ne.end)
        if groups and hits and groups[-1][1] and hits[0] <= groups[-1][1][-1]:
            pe, phits = groups[-1]
            joined = D.Edit(
                pe.rule,
                pe.start,
                ne.end,
                pe.replacement + current[pe.end : ne.start] + ne.replacement,
                D._weaker(pe.safety, ne.safety),
                (pe.note + "; " if pe.note else "") + f"joined with {ne.rule}",
            )
            groups[-1] = (joined, sorted(set(phits) | set(hits)))
        else:
            groups.append((ne, hits))

    absorbed: set[int] = set()
    merged: list[Edit] = []
    for ne, hits in groups:
        s, t = ne.start, ne.end
        if not hits:
            merged.append(D.Edit(ne.rule, orig_after(s), orig_before(t) if t > s else orig_after(s),
                               ne.replacement, ne.safety, ne.note))
            continue
        first, last = hits[0], hits[-1]
        ts0, te1 = t_starts[first], t_ends[last]
        o_start = done[first].start if ts0 <= s else orig_after(s)
        o_end = done[last].end if te1 >= t else orig_before(t)
        repl = current[min(s, ts0) : s] + ne.replacement + current[t : max(t, te1)]
        safety = ne.safety
        for i in hits:
            absorbed.add(i)
            safety = D._weaker(safety, done[i].safety)
        extra = "absorbs " + ",".join(dict.fromkeys(done[i].rule for i in hits))
        note = f"{ne.note}; {extra}" if ne.note else extra
        merged.append(D.Edit(ne.rule, o_start, o_end, repl, safety, note))
    result = [e for i, e in enumerate(done) if i not in absorbed] + merged
    return D.check_edits(original, result)
