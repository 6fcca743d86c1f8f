"""Each shortcut taken for speed against the plain way it replaces, on generated input: a fast
path may only skip work that cannot change the result."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import document as D
from cleaner import zones as Z
from cleaner.normalize import fold
from cleaner.stages import structure as S
from cleaner.stages.base import Lines, line_facts

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


def _facts(text: str) -> tuple[Lines, list[int], list[bool]]:
    lines, words, paragraph = line_facts(text)
    para = [S.is_prose(ln.text, w, p) for ln, w, p in zip(lines, words, paragraph, strict=True)]
    return lines, list(words), para


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
    from unittest.mock import patch

    every = lambda *args: list(range(len(args[-1])))  # noqa: E731 (every line of the last argument)
    with (patch.object(F, "_lines_holding_all", lambda wanted, text, lines: every(lines)),
          patch.object(F, "_lines_at", lambda positions, lines: every(lines)),
          patch.object(F, "_twice", lambda folded, within: True)):
        assert run() == fast  # the plain way: every line read, every fold counted as repeated


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
    assert Z._is_paragraph(line, words) == _paragraph_by_patterns(line, words)


_SENTENCE_END = regex.compile(r"[.!?。！？।॥؟»\"”’')\]]\s*$")
_TRUNCATED = regex.compile(r"(…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_ENDINGS = st.tuples(st.text(alphabet=".!?。！？।॥؟»\"”’')]…[ab", max_size=5),  # a line's last characters,
                     st.text(alphabet=" \t\n\x1c\x1f\x85\xa0\u2009\u3000\u200b", max_size=4)).map("".join)  # then spaces or not


def _paragraph_by_patterns(line: str, words: int) -> bool:
    """What `zones` asked of a line's end with patterns, before it read the end off `str.rstrip`."""
    return (words >= Z.LONG_WORDS and not _TRUNCATED.search(line)) or (
        words >= Z.MIN_WORDS and bool(_SENTENCE_END.search(line)) and not _TRUNCATED.search(line))


@given(st.one_of(st.sampled_from(LINES), st.text(max_size=60)), _ENDINGS, st.integers(0, 60))
def test_a_lines_end_is_read_as_the_patterns_read_it(line, ending, words):
    """`_long_paragraph` (rstrip of regex's \\s, then endswith) is the patterns' answer."""
    assert Z._long_paragraph(line + ending, words) == _paragraph_by_patterns(line + ending, words)


def test_space_is_what_regex_calls_white_space():
    """`zones._SPACE` holds every character regex's \\s matches, in any plane."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert set(regex.findall(r"\s", every)) == set(Z._SPACE)


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
    assert D.compose(original, done, new, current) == D.compose(original, done, new, current, far_by_shift=False)


