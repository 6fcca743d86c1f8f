"""The structure stage's shortcuts against the plain ways they replace, on generated input: a
fast path may only skip work that cannot change the result."""

from __future__ import annotations

import re
from unittest.mock import patch

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.ruleset import RuleSet
from cleaner.stages import structure as S

RULES = list(RuleSet.default().family("structure"))[:3]

LINES = [
    "", " ", "Home", "World News", "Jane Doe says:", "He said:", "Jane on May 3, 2019 at 4:47 pm said:",
    "Hi Milan,", "Hallo Jörg!", "12 thoughts on “The alliance met”", "3 reſponſes to \"It\"", "Leave a Reply",
    "COMMENTS (4)", "What do you think?", "İstanbul: the news", "ﬁne: ﬁsh", "Ω ω:", "a:b", "\u00a0- x",
]
lines_ = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=30)), max_size=30)


def test_heading_word_letters_are_ascii_only():
    """What finding the heading words in lowered UTF-8 bytes relies on: `regex` takes no
    character but the ASCII letter, in either case, for a letter of the heading words."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for c in set("".join(S._HEADING_WORDS)):
        assert set(regex.findall(regex.escape(c), every, flags=regex.IGNORECASE)) == {c, c.upper()}


@given(lines_, st.sampled_from([b":", b"pon", b"what", "ö".encode(), b"a"]), st.integers(0, 5))
def test_lines_holding_is_the_per_line_check(texts, needle, first):
    text = "\n".join(texts)
    found = S._lines_holding(text.encode().lower(), first, (needle, b"\xc3"))
    plain = [first + i for i, t in enumerate(text.split("\n")) if needle in t.encode().lower() or b"\xc3" in t.encode()]
    assert found == plain


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), st.integers(0, 25))
def test_comment_meta_without_a_colon_is_no_byline(line, words):
    """`_comment_meta` tries the byline pattern only on a line with a colon: it needs one."""
    assert S._comment_meta.__wrapped__(line, words) == (
        3 if words <= 3 and S._SALUTATION.match(line)
        else 0 if words > S.COMMENT_META_WORDS or not S._COMMENT_META.match(line) or S._NOT_A_NAME.match(line)
        else 2 if S._CLOCK.search(line)
        else 1 if words <= S.COMMENT_META_BARE_WORDS else 0)


PAGE_LINES = [
    "", " ", "\u00a0", "Home", "World News", "Sport.", "Yes!", "https://example.com/a", "- One two three four",
    "1. First item, 3 kg", "2. Second item, 5 kg", "Ingredients:", "Politics (12)", "x\x1c", "Read more…",
    "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said.",
]
pages = st.lists(st.one_of(st.sampled_from(PAGE_LINES), st.text(max_size=12)), max_size=40).map("\n".join)


@given(st.text(max_size=30))
def test_a_line_is_blank_when_it_has_no_words(line):
    """What the stage reads blank lines by: a word count of 0 (`words_of`) is a blank line."""
    from cleaner.zones import words_of

    assert (words_of(line) == 0) == (not line.strip())


def _menu_runs_plain(lines, words, lo, hi, links, removed):
    """The scan `_short_runs` replaces: every line of the zone, runs of short lines in a row
    (blank lines and links skipped), those with a line not removed yet."""
    runs, i = [], lo
    while i < hi:
        if i in links or not S.is_short(lines[i].text, words[i]):
            i += 1
            continue
        run, j = [i], i + 1
        while j < hi:
            if j in links or not lines[j].text.strip():
                j += 1
            elif S.is_short(lines[j].text, words[j]):
                run.append(j)
                j += 1
            else:
                break
        if not all(k in removed for k in run):
            runs.append(run)
        i = j
    return runs


@settings(max_examples=300)
@given(pages, st.data())
def test_short_runs_are_the_plain_scan(text, data):
    from cleaner.stages.base import line_facts

    lines, words, _ = line_facts(text)
    n = len(lines)
    lo = data.draw(st.integers(0, n))
    hi = data.draw(st.integers(lo, n))
    links = set(data.draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=4)))
    removed = set(data.draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=n)))
    ids = [i for i in range(lo, hi) if words[i] and i not in links]
    texts = [ln.text for ln in lines]
    assert S._short_runs(texts, words, ids, removed) == _menu_runs_plain(lines, words, lo, hi, links, removed)


def _group_edits_plain(lines, removed):
    """The per-line loop `_group_edits` replaces."""
    out, idx, k, n = [], sorted(removed), 0, len(lines)
    while k < len(idx):
        i = idx[k]
        rule, note = removed[i]
        j = i
        k += 1
        while k < len(idx) and removed[idx[k]][0].id == rule.id:
            nxt = idx[k]
            if nxt > j + 1 and any(lines[m].text.strip() for m in range(j + 1, nxt)):
                break
            j = nxt
            k += 1
        start, stop = S.removal_span(lines, i)
        stop = max(stop, lines[j].stop)
        if i == 0 or not lines[i - 1].text.strip():
            m = j + 1
            while m < n and not lines[m].text.strip():
                stop = lines[m].stop
                m += 1
        if all(not lines[m].text.strip() for m in range(j + 1, n)):
            stop = lines[n - 1].stop
            b = i
            while b > 0 and not lines[b - 1].text.strip():
                b -= 1
            if b > 0:
                start = lines[b].start
        out.append((rule.id, start, stop, note))
    return out


@settings(max_examples=300)
@given(pages, st.data())
def test_group_edits_are_the_plain_loop(text, data):
    from cleaner.stages.base import line_facts

    lines, words, _ = line_facts(text)
    removed = {}
    for i in data.draw(st.lists(st.sampled_from([i for i, w in enumerate(words) if w] or [None]), max_size=40)):
        if i is not None:
            S._remove(removed, [i], (data.draw(st.sampled_from(RULES)), f"note {i}"))
    got = [(e.rule, e.start, e.end, e.note) for e in S._group_edits(lines, words, removed)]
    assert got == _group_edits_plain(lines, removed)


@settings(max_examples=300)
@given(pages, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(RULES), st.booleans()),
                       max_size=5))
def test_group_edits_of_runs_sharing_a_note(text, spans):
    """Detectors give a whole run one (rule, note) object; runs of one rule with other notes, or
    of other rules, border on them."""
    from cleaner.stages.base import line_facts

    lines, words, _ = line_facts(text)
    removed = {}
    for a, b, rule, shared in spans:
        ids = [i for i in range(a, min(b, len(lines))) if words[i]]
        why = (rule, f"run {a}-{b}")
        for i in ids:
            removed.setdefault(i, why if shared else (rule, f"line {i}"))
    got = [(e.rule, e.start, e.end, e.note) for e in S._group_edits(lines, words, removed)]
    assert got == _group_edits_plain(lines, removed)


@given(st.one_of(st.sampled_from(PAGE_LINES), st.text(max_size=60), st.text(alphabet=" ,.;x\u3002", max_size=60)),
       st.integers(0, 60), st.booleans())
def test_prose_with_a_comma_or_full_stop_and_space_needs_no_pattern(line, words, paragraph):
    plain = paragraph and not (words >= S.UNPUNCTUATED_WORDS and not S._PUNCT.search(line))
    assert S.is_prose(line, words, paragraph) == plain


def _list_after_plain(texts, words, para, end):
    """`list_after` reading every non-blank line up to `LIST_MAX_LINES` at once."""
    idx = [i for i in range(end, min(len(texts), end + S.LIST_MAX_LINES)) if texts[i].strip()]
    items = S.list_items([texts[i] for i in idx])
    n, start = len(idx), 0
    if n > 1 and not items[0] and words[idx[0]] <= S.LIST_HEADING_WORDS and not para[idx[0]]:
        start = 1
    k = start
    while k < n and items[k]:
        k += 1
    if k - start < S.LIST_MIN_ITEMS or sum(1 for i in idx[start:k] if S._COUNTED.match(texts[i])) * 2 >= k - start:
        return end
    return idx[k - 1] + 1


def _grow_plain(texts, words, para, end):
    while (new := _list_after_plain(texts, words, para, end)) != end:
        end = new
    return end


LIST_LINES = ["", "Tour dates", "June 9 – Tampa, FL @ Arena", "June 12 – Miami, FL @ Hall", "1) Lego set",
              "2) Slot car track", "3) Box set", "https://amzn.to/a1", "Politics (12)", "Sport (3)", "Home",
              "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."]


LONG_LIST = [f"June {d} – Tampa, FL @ Arena" for d in range(1, 41)]


@settings(max_examples=300)
@example(LIST_LINES[-1:] + LONG_LIST + LIST_LINES[-1:] + LONG_LIST + LIST_LINES[-1:], 42, 42)
@example(LIST_LINES[-1:] + LONG_LIST + LIST_LINES[-1:] + LONG_LIST + LIST_LINES[-1:], 41, 41)
@given(st.lists(st.one_of(st.sampled_from(LIST_LINES), st.text(max_size=8), st.just(LONG_LIST)), max_size=80)
       .map(lambda parts: [t for p in parts for t in ([p] if isinstance(p, str) else p)]),
       st.integers(0, 200), st.integers(0, 200))
def test_grow_block_is_the_plain_reading(texts, bs, be):
    """Lists longer than the lines read first, and lists before the block read backwards."""
    from cleaner.zones import is_paragraph, words_of

    words = [words_of(t) for t in texts]
    para = [is_paragraph(t, w) for t, w in zip(texts, words, strict=True)]
    n = len(texts)
    bs = min(bs, n)
    be = min(max(be, bs), n)
    back = _grow_plain(texts[::-1], words[::-1], para[::-1], n - bs)
    assert S.grow_block(texts, words, para, bs, be) == (n - back, _grow_plain(texts, words, para, be))


@given(st.lists(st.one_of(st.sampled_from(["- a", " * b", "\u00a0• c", "·d", "x - y", "\x1c- z", ""]),
                          st.text(st.characters(blacklist_characters="\n"), max_size=6)), max_size=20))
def test_marked_lines_are_the_lines_starting_with_a_mark(texts):  # (each item one line: no "\n" in it)
    text = "\n".join(texts)
    assert list(S._marked_lines(text)) == [i for i, t in enumerate(texts) if i and t.lstrip()[:1] in S._TEASER_MARKS]


def _teaser_lists_plain(texts, words, para):
    """The loop `teaser_lists` replaces: every line after the first paragraph read."""
    prose = [i for i, p in enumerate(para) if p and not S._bullet(texts[i])]
    if not prose:
        return []
    runs, n, i = [], len(texts), prose[0] + 1
    while i < n:
        if not S._TEASER_START.match(texts[i]):
            i += 1
            continue
        mark = S._bullet(texts[i])
        run, j = [i], i + 1
        while j < n and (not texts[j].strip() or (S._bullet(texts[j]) == mark and S._TEASER_START.match(texts[j]))):
            if texts[j].strip():
                run.append(j)
            j += 1
        k = i - 1
        while k >= 0 and not texts[k].strip():
            k -= 1
        lead_in = k >= 0 and texts[k].rstrip().endswith(":")
        table = S.list_items([S._BULLET.sub("", texts[m]) for m in run])
        head = next((t for t, x in enumerate(table) if not x), len(run))
        rest = run[head:]
        if (len(rest) >= S.TEASER_MIN_ITEMS and (not lead_in or head > 0) and 2 * sum(table[head:]) < len(rest)
                and all(words[m] >= S.TEASER_MIN_WORDS for m in rest) and sum(1 for p in prose if p > rest[-1]) <= 2):
            runs.append(rest)
        i = j
    return runs


TEASER_LINES = ["", "- Pochettino fired by Tottenham after five years", "• Another big headline about the club",
                "- short one", "* Maradona out as coach of the team", "Read these:", "- 1. Item 3 kg, 5 kg here",
                "- Lead item, 3 kg and 5 kg", "- The alliance met in Dushanbe on Monday to discuss the situation "
                "on the Afghan border, officials said.",
                "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(TEASER_LINES), st.text(max_size=8)), max_size=30))
def test_teaser_lists_are_the_plain_loop(texts):
    from cleaner.zones import is_paragraph, words_of

    text = "\n".join(texts)
    words = [words_of(t) for t in texts]
    para = [is_paragraph(t, w) for t, w in zip(texts, words, strict=True)]
    assert S.teaser_lists(text, texts, words, para) == _teaser_lists_plain(texts, words, para)


def _split_at_gaps_plain(texts, words, para, scores, bs, be):
    """`split_at_gaps` with every non-blank line and every lead-in looked at."""
    idx = [i for i in range(bs, be) if texts[i].strip()]
    items = S.list_items([texts[i] for i in idx])
    cuts, k = [], 0
    while k < len(idx):
        m = k
        while m < len(idx) and 0 < words[idx[m]] <= S.SHORT_WORDS and not para[idx[m]] and not items[m]:
            m += 1
        lead_in = any(texts[idx[j]].rstrip().endswith(":") for j in range(max(k - 1, 0), min(k + 1, m)))
        if m - k >= S.GAP_LINES and not lead_in and not any(S._bullet(texts[idx[j]]) for j in range(k, m)):
            cuts.append((idx[k], idx[m - 1] + 1))
        k = max(m, k + 1)
    if not cuts:
        return bs, be
    pieces, start = [], bs
    for a, b in cuts:
        pieces.append((start, a))
        start = b
    pieces.append((start, be))
    return next(((a, b) for a, b in pieces if sum(scores[a:b]) > 0), (bs, be))


GAP_LINES_ = ["", "Opinion", "China", "Hong Kong", "- Asia", "Ingredients:", "1) Salt", "2) Pepper", "Tags:",
              "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."]


@settings(max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(GAP_LINES_), st.text(max_size=8)), max_size=40),
       st.integers(0, 40), st.integers(0, 40))
def test_split_at_gaps_is_the_plain_loop(texts, bs, be):
    from cleaner.zones import is_paragraph, words_of

    words = [words_of(t) for t in texts]
    para = [is_paragraph(t, w) for t, w in zip(texts, words, strict=True)]
    scores = [S.line_score(t, w, p) for t, w, p in zip(texts, words, para, strict=True)]
    bs = min(bs, len(texts))
    be = min(max(be, bs), len(texts))
    assert S.split_at_gaps(texts, words, para, scores, bs, be) == _split_at_gaps_plain(texts, words, para, scores, bs, be)


def test_regex_white_space_is_str_white_space():
    """What finding bylines by `_COLON_END` relies on: a `_COMMENT_META` match ends in ":" and
    `regex`'s \\s after it, which `str.rstrip` strips (and `re`'s \\s is str.isspace)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert all(c.isspace() for c in regex.findall(r"\s", every))
    assert "".join(re.findall(r"\s", every)) == "".join(c for c in every if c.isspace())


SPACES = " \t\u00a0\u2003\x1c\u3000\r\x0b"
colon_lines = st.lists(st.one_of(st.sampled_from(LINES), st.text(alphabet=":a " + SPACES, max_size=8),
                                 st.text(max_size=20)), max_size=20)


@given(colon_lines)
def test_colon_end_finds_the_lines_ending_in_a_colon(texts):
    joined = "\n".join(texts)
    found = S._lines_at(joined, map(S._START, S._COLON_END.finditer(joined)))
    assert found == [i for i, t in enumerate(joined.split("\n")) if t.rstrip().endswith(":")]


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(LINES), st.text(max_size=40)), st.integers(1, 20))
def test_a_byline_ends_in_a_colon(line, words):
    if S._comment_meta.__wrapped__(line, words) in (1, 2):
        assert line.rstrip().endswith(":")


def test_no_salutation_starts_with_a_no_greeting_pair():
    """Each pair is two word characters (so \\W* takes none of them) that no greeting starts
    with, in any case: not even a part of a `_SALUTATION` match starts with one."""
    start = regex.compile(rf"\W*{S._GREETING}", regex.IGNORECASE)
    for pair in S._NO_GREETING:
        assert regex.fullmatch(r"\w\w", pair) and not start.match(pair, partial=True), pair
    for greeting in ("Hi", "HELLO", "hey", "Dear", "Ciao", "Olá", "OI", "Querida", "Sa"):
        assert greeting[:2] not in S._NO_GREETING


GREETING_LINES = ["Hi Milan,", "hello", "Dear Ann!", "Olá Pedro", "Ciao", "Hey John Smith,", "…Hi Jane,",
                  "“Hallo Jörg!", "Salut,", "Home", "News", "Jane Doe says:", "Jane on May 3, 2019 at 4:47 pm said:",
                  "12 thoughts on “The alliance met”", "Leave a Reply", "Ann says: ", "He said:", "",
                  "Jo on 3 May 2019 at 16:47 said:\u00a0", "Ann says:\t",
                  "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."]


def _comment_section_plain(lines, words, para):
    """`comment_section` with every line from its start read for a byline or a salutation, and
    every line of 40 words at most for a heading."""
    if True not in para:
        return None
    n, first_para = len(lines), para.index(True)
    prose, start = 0, n
    for i in range(first_para, n):
        prose += words[i] if para[i] else 0
        if i > first_para and prose >= 40:
            start = i
            break
    metas = [(i, m) for i in range(start, n) if 0 < words[i] <= S.COMMENT_META_WORDS
             and (m := S._comment_meta.__wrapped__(lines[i].text, words[i]))]
    bylines = [i for i, m in metas if m in (1, 2)]
    cut = next((i for k, (i, m) in enumerate((i, m) for i, m in metas if m in (1, 2))
                if m == 2 or k + 1 < len(bylines)), n)
    replies = [i for i, m in metas if m == 3]
    if len(replies) >= S.SALUTATIONS:
        cut = min(cut, replies[0])
    for i in range(start, cut):
        if words[i] <= S.TITLED_HEADING_WORDS and S._comment_heading.__wrapped__(lines[i].text, words[i]):
            return i
    return cut if cut < n else None


comment_lines = st.lists(st.one_of(st.sampled_from(GREETING_LINES), st.text(max_size=12)), max_size=20)


@settings(max_examples=200)
@given(comment_lines, st.integers(0, 3), comment_lines)
def test_comment_section_reads_the_lines_that_can_be_something(head, paragraphs, tail):
    """(An article of up to three paragraphs between the generated lines: comment sections come
    after 40 words of prose.)"""
    from cleaner.stages.base import line_facts

    text = "\n".join([*head, *[GREETING_LINES[-1]] * paragraphs, *tail])
    lines, words, para = line_facts(text)
    assert S.comment_section(text, lines, words, list(para)) == _comment_section_plain(lines, words, list(para))


@given(pages)
def test_short_lines_by_word_counts_alone(text):
    """The stage finds its short lines by their word counts: no paragraph is that short."""
    from cleaner.stages.base import line_facts

    lines, words, paragraph = line_facts(text)
    para = [S.is_prose(ln.text, w, p) for ln, w, p in zip(lines, words, paragraph, strict=True)]
    assert S._short_lines(words) == [i for i, (w, p) in enumerate(zip(words, para, strict=True))
                                     if 0 < w <= S.SHORT_WORDS and not p]


def _is_whole_page_plain(words, para, zones, bs, be, anchored):
    short = [0 < w <= S.SHORT_WORDS and not p for w, p in zip(words, para, strict=True)]
    head, tail = zones.body_start, max(zones.tail_start, zones.body_start)
    if sum(short[:head]) + sum(short[tail:]) >= S.PAGE_MIN_SHORT:
        return True
    before, after = sum(short[:bs]), sum(short[be:])
    if anchored and before + after >= S.PAGE_MIN_SHORT:
        return True
    return min(before, after) >= S.PAGE_MIN_SHORT // 2 and before + after >= 2 * S.PAGE_MIN_SHORT


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from([0, 1, 2, 3, 4, 12, 30]), st.booleans()), max_size=60), st.data())
def test_whole_page_counts_are_the_plain_sums(flags, data):
    from cleaner.zones import Zones

    words, para = [w for w, _ in flags], [p for _, p in flags]
    n = len(flags)
    body, tail, bs, be = (data.draw(st.integers(0, n)) for _ in range(4))
    zones = Zones(body, tail, n)
    with patch.object(S, "PAGE_MIN_SHORT", data.draw(st.integers(1, 12))):  # (a bar the counts reach)
        for anchored in (False, True):
            got = S.is_whole_page(words, para, zones, bs, be, anchored)
            assert got == _is_whole_page_plain(words, para, zones, bs, be, anchored)


@given(st.dictionaries(st.integers(0, 30), st.sampled_from(["a", "b"]), max_size=10),
       st.lists(st.integers(0, 30), max_size=30))
def test_remove_is_setdefault(before, ids):
    removed, plain = dict(before), dict(before)
    S._remove(removed, iter(ids), "why")
    for i in ids:
        plain.setdefault(i, "why")
    assert removed == plain
