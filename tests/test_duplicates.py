"""The duplicates stage: what it keeps although it repeats."""

from cleaner.document import Document
from cleaner.pipeline import Pipeline
from cleaner.ruleset import RuleSet
from cleaner.stages.duplicates import DuplicatesStage

P1 = "The Senate adjourned after the motion, officials said on Tuesday in a short statement."


def run(text: str) -> str:
    return Pipeline([DuplicatesStage(RuleSet.default().family("duplicates"))]).run(Document("t", text)).text


def test_tweet_signatures_repeat_with_their_tweets():
    sig = "— The Senate (@Senate) October 9, 2018"
    text = f"{P1}\n\nThe Senate has adjourned plenary.\n{sig}\n\nThe motion passed.\n{sig}\n"
    assert run(text) == text


def test_repeated_headline_in_the_tail_still_goes():
    text = f"{P1}\n\nMore news today\n\nMore news today\n"
    assert run(text) == f"{P1}\n\nMore news today\n\n"


# --------------------------------------------------------------------------- the fast way = the plain way

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleaner.document import Edit  # noqa: E402
from cleaner.normalize import fold  # noqa: E402
from cleaner.stages import duplicates as D  # noqa: E402
from cleaner.stages.base import Context, Line, line_facts, removal_span  # noqa: E402
from cleaner.zones import find_zones  # noqa: E402

STAGE = DuplicatesStage(RuleSet.default().family("duplicates"))
CAPTION = "Ships wait outside the port of Odesa on the Black Sea"
DUP_LINES = [
    "", " ", P1, P1.upper(), "Home", "More news today", "What do you think?", "What do you think?",
    CAPTION, f"{CAPTION} on Monday. Photo: Reuters", f"{CAPTION}, as talks stall on grain exports "
    "and insurers raise their rates for the route again", f"{CAPTION}. AP", "a b c d e f g h",
    "a b c d e f g h i j k l", "a b c d e f g hh", "A, b. c d e f g h i!", "— The Senate (@Senate) October 9, 2018",
    "The senate adjourned after the motion officials said on Tuesday", "1 cup flour", "Dushanbe talks end",
    "Grain deal talks resume in Istanbul with envoys", "Grain deal talks resume in Istanbul with envoys today",
]
dup_pages = st.lists(st.one_of(st.sampled_from(DUP_LINES), st.text(max_size=30)), max_size=50).map("\n".join)


def _edits_plain(stage: DuplicatesStage, text: str) -> list[Edit]:
    """The loops `DuplicatesStage.edits` replaces: every line split into words, every check."""
    lines, _, paragraph = line_facts(text)
    folded = [fold(ln.text) for ln in lines]
    toks = [f.split() for f in folded]
    removed = {}
    eligible = [len(t) >= D.MIN_WORDS or len(f) >= D.MIN_CHARS for f, t in zip(folded, toks, strict=True)]
    zones = find_zones(paragraph)
    firsts: dict[str, int] = {}
    repeats, repeated = [], set()
    for i, f in enumerate(folded):
        if f and eligible[i]:
            if f in firsts:
                repeats.append((i, firsts[f]))
                if firsts[f] >= zones.body_start:
                    repeated.add(f)
            else:
                firsts[f] = i
    structured = len(repeated) >= D.STRUCTURED_REPEATS
    for i, j in repeats:
        if D._TWEET_SIGNATURE.match(lines[i].text) or (structured and j >= zones.body_start):
            continue
        question = lines[i].text.rstrip().endswith("?")
        if (paragraph[i] and not question) or zones.zone(i) != "body" or zones.zone(j) != "body":
            removed[i] = stage._repeat
    by_key: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        if len(t) >= D.CAPTION_KEY and i not in removed:
            by_key.setdefault(" ".join(t[: D.CAPTION_KEY]), []).append(i)
    for group in by_key.values():
        for a_pos, a in enumerate(group):
            for b in group[a_pos + 1 :]:
                if a in removed or b in removed or (structured and a >= zones.body_start):
                    continue
                ta, tb = toks[a], toks[b]
                common = 0
                while common < min(len(ta), len(tb)) and ta[common] == tb[common]:
                    common += 1
                if len(tb) > common and len(ta) - common <= D.MAX_CREDIT_WORDS and len(tb) > len(ta):
                    removed[a] = stage._caption
    earlier: list[set[str]] = []
    for i in range(min(len(lines), zones.body_start + 1)):
        if i in removed or len(toks[i]) < 4:
            continue
        s = set(toks[i])
        if any(D._jaccard(s, e) >= D.NEAR for e in earlier):
            removed[i] = stage._near
        else:
            earlier.append(s)
    return [Edit(r.id, *removal_span(lines, i), "", r.safety) for i, r in sorted(removed.items())]


@settings(max_examples=300)
@given(dup_pages)
def test_edits_are_the_plain_loops(text: str) -> None:
    assert STAGE.edits(text, Context()) == _edits_plain(STAGE, text)


def _removed_with(text: str, meta: dict[str, str], rule: str) -> list[Line]:
    """The lines ``rule`` removes once the record has the fields ``meta``: each before the
    article's first paragraph (checked here); without them it never fires, and every other edit
    is the one made without them."""
    with_meta = {e.start: e for e in STAGE.edits(text, Context(meta=meta))}
    without = {e.start: e for e in STAGE.edits(text, Context())}
    assert all(e.rule != rule for e in without.values())
    lines, _, paragraph = line_facts(text)
    body_start = find_zones(paragraph).body_start
    starts = {ln.start: ln for ln in lines}
    out = []
    for start, e in with_meta.items():
        if e.rule == rule:
            assert starts[start].index < body_start
            out.append(starts[start])
        else:
            assert without.get(start) == e
    return out


@settings(max_examples=300)
@given(dup_pages, st.sampled_from(DUP_LINES))
def test_title_line_removes_only_head_lines_that_are_the_title(text: str, title: str) -> None:
    """With a ``title`` field, the only new removals are lines before the article's first
    paragraph that fold to the title; without one the rule never fires."""
    for line in _removed_with(text, {"title": title}, "duplicates.title-line"):
        assert fold(line.text) == fold(title) and fold(title)


def test_slug_words_are_the_wordiest_path_segment():
    assert D.slug_words("https://x.example/news/article/Cat-found-in-New-Mexico-14848175.php") == {
        "cat", "found", "in", "new", "mexico"}
    assert D.slug_words("https://x.example/2019/11/18/13-inch-macbook-pro-scissor-keyboard-2020/") == {
        "inch", "macbook", "pro", "scissor", "keyboard"}
    assert D.slug_words("https://x.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8-%D0%B4%D0%BD%D1%8F") == {
        "новости", "дня"}
    assert D.slug_words("https://x.example/?title=cat-found-in-mexico") == frozenset()
    assert D.slug_words("not a url at all") == {"not", "a", "url", "at", "all"}  # (a path of words)
    assert D.slug_words(None) == frozenset() and D.slug_words("http://[::1") == frozenset()


URLS = ["", "https://news.example.com/a/more-news-today", "https://news.example.com/ships-wait-outside-the-port-of-odesa",
        "https://news.example.com/what-do-you-think-12.html", "https://news.example.com/12345"]


@settings(max_examples=300)
@given(dup_pages, st.sampled_from(URLS))
def test_url_headline_removes_only_head_lines_that_name_the_slug(text: str, url: str) -> None:
    """With a ``url`` field, the only new removals are lines before the article's first
    paragraph whose words are mostly the slug's (and the slug's mostly theirs)."""
    slug = D.slug_words(url)
    for line in _removed_with(text, {"url": url}, "duplicates.url-headline"):
        assert D._names_slug(fold(line.text).split(), slug)
