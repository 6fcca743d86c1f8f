"""The boilerplate matcher's shortcuts (dispatch, prefilters) never change which rules fire."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleaner.normalize import fold
from cleaner.ruleset import RuleSet
from cleaner.stages.base import Context, iter_lines
from cleaner.stages.line_rules import _Matcher
from cleaner.stages.rule_dispatch import ALL_ZONES, HEAD, MARKER, TAIL
from cleaner.zones import words_of

_BOILER = tuple(r for r in RuleSet.default().rules if r.family == "boilerplate")
_M = _Matcher(_BOILER)
_LANGS = [None, "en", "ru", "pt", "de", "id", "zh"]
_EXAMPLES = [line for r in _BOILER for s in (*r.remove, *r.keep) if isinstance(s, str) for line in s.split("\n")]
_PIECES = ["Facebook", "Twitter", "X", "e-mail", "Photo", "AFP", "Getty Images", "jpg", "2019", "Nov", "May 3",
           "12:30", "·", "|", "•", "—", "“", "”", "…", "-", "/", "_", ":", " ", "\t", "K", "\u212a", "ſ", "İ",
           "(", ")", ".", ",", "!", "The", "news", "line", "ok", "Вконтакте", "微博", "é", "0", "\u200b",
           "Tags", "Read more", "Related", "Published", "Share", "Copyright ©", "All rights reserved",
           "ᲀ", "Σ", "ς", "Подписаться", "ВСЕ ПРАВА", "Реклама"]
_line = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=8).map("".join),
    st.sampled_from(_EXAMPLES),
    st.tuples(st.sampled_from(_PIECES), st.sampled_from(_EXAMPLES)).map("".join),
    st.tuples(st.sampled_from(_EXAMPLES), st.sampled_from(_PIECES)).map("".join),
    st.text(max_size=30),
)


def _slow(line: str, lang: str | None, zone: int) -> list[str]:
    """Every whole-line rule that fires, found without any shortcut: each regex in scope runs."""
    folded, words = fold(line), words_of(line)
    out = [r.id for r in _M.whole.get(folded, ())]
    toks = folded.split(" ")
    for k in range(1, len(toks) + 1):
        out += [r.id for r in _M.prefix.get(" ".join(toks[:k]), ()) if r.max_words is None or words <= r.max_words]
    for r, pat, _, max_words, needs_zone, *_ in _M._compact(lang, None):
        if words <= max_words and (not needs_zone or zone & needs_zone) and pat.search(line):
            out.append(r.id)
    return out


def _fast(line: str, lang: str | None, zone: int, others: tuple[int, ...] | None = None) -> list[str]:
    ctx = Context(lang=lang)
    return [r.id for r in _M._line_rules(line, fold(line), words_of(line), set(), ctx, zone, others)]


@given(line=_line, lang=st.sampled_from(_LANGS), zone=st.sampled_from([0, HEAD, TAIL | MARKER, ALL_ZONES]))
def test_fast_path_equals_slow_path(line: str, lang: str | None, zone: int) -> None:
    assert _fast(line, lang, zone) == _slow(line, lang, zone)


@given(lines=st.lists(_line, min_size=1, max_size=6), lang=st.sampled_from(_LANGS))
def test_document_scan_equals_slow_path(lines: list[str], lang: str | None) -> None:
    text = "\n".join(ln.replace("\n", " ") for ln in lines)
    parsed = list(iter_lines(text))
    always, by_line = _M._dispatch(lang, None).others_for(text, [ln.start for ln in parsed])
    for ln in parsed:
        others = by_line.get(ln.index, always)
        assert _fast(ln.text, lang, ALL_ZONES, others) == _slow(ln.text, lang, ALL_ZONES)


def test_real_lines_fast_equals_slow() -> None:
    for line in _EXAMPLES:
        for lang in _LANGS:
            assert _fast(line, lang, ALL_ZONES) == _slow(line, lang, ALL_ZONES), (line, lang)


@given(line=_line, lang=st.sampled_from(_LANGS))
def test_one_line_scan_equals_slow_path(line: str, lang: str | None) -> None:
    line = line.replace("\n", " ")
    others = _M._dispatch(lang, None).others_in(line)
    assert _fast(line, lang, ALL_ZONES, others) == _slow(line, lang, ALL_ZONES)


@given(line=_line, lang=st.sampled_from(_LANGS))
def test_first_character_table_equals_the_group_walk(line: str, lang: str | None) -> None:
    """A line starting with an ASCII letter or digit gets, from the merged first-character
    table, exactly the rules the walk over the skip groups finds."""
    d = _M._dispatch(lang, None)
    everything = (1 << len(_M._compact(lang, None))) - 1
    for text in (line, "a" + line, "Z9" + line):
        head = text[: d.lead_width]
        if d.lead is not None and head[:1].isalnum() and head.isascii():
            assert (d.always | d.lead.get(head[0], 0)) & everything == d._grouped(text, everything)


@given(lits=st.lists(st.text(min_size=1, max_size=4), min_size=1, max_size=8, unique=True),
       hay=st.text(max_size=60))
def test_literal_scan_finds_every_occurrence(lits: list[str], hay: str) -> None:
    """The Aho-Corasick scan (and a pickled copy of it) finds the same rules as a naive search,
    overlapping literals and any Unicode included."""
    import pickle

    from cleaner.stages.rule_dispatch import Literals

    found = Literals({lit: 1 << i for i, lit in enumerate(lits)})
    naive = 0
    for i, lit in enumerate(lits):
        if lit in hay:
            naive |= 1 << i
    assert found.mask_in(hay) == naive
    assert pickle.loads(pickle.dumps(found)).mask_in(hay) == naive
    for i, start, end in found.found(hay):
        assert hay[start:end] == lits[i]


def test_a_site_no_rule_names_shares_the_plan_and_memo_of_no_site() -> None:
    """Pages of many sites cost what pages of no site cost: the same plan (none is built per site)
    and the same line memo, since no regex rule is scoped to them; and the same hits."""
    ctx_none, ctx_site = Context(lang="en"), Context(lang="en", site="news.example")
    assert _M._dispatch("en", "news.example") is _M._dispatch("en", None)
    assert _M._memo_for("en", "news.example", 0) is _M._memo_for("en", None, 0)
    for line in _EXAMPLES[:200]:
        a = _M._line_rules(line, fold(line), words_of(line), set(), ctx_site)
        b = _M._line_rules(line, fold(line), words_of(line), set(), ctx_none)
        assert a == b, line


def test_a_site_a_rule_names_gets_its_own_plan() -> None:
    from cleaner.ruleset import Rule

    scoped = Rule(id="boilerplate.site.menu", why="a test", kind="regex", family="boilerplate",
                  pattern=r"^Home \| World$", sites=("example.org",))
    m = _Matcher((*_BOILER, scoped))

    def fires(site: str | None) -> bool:
        got = m._line_rules("Home | World", "home world", 3, set(), Context(lang="en", site=site))
        return "boilerplate.site.menu" in [r.id for r in got]

    assert m._dispatch("en", "example.org") is not m._dispatch("en", None)
    assert fires("example.org") and fires("news.example.org")  # its site and the site's subdomains
    assert not fires(None) and not fires("example.com") and not fires("badexample.org")
