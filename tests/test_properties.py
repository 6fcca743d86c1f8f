"""The promises, checked on generated input: idempotence, provenance, no invented text,
never raising, and boilerplate inserted into a clean article being removed again."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner, Document, apply_edits
from cleaner.ruleset import RuleSet

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))

CLEANER = Cleaner.default()
SAFE_CLEANER = Cleaner.default(safe_only=True)
REWRITING_FAMILIES = {"unicode", "residue", "layout", "names"}

SEED_LINES = [ln for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines()]
NOISE = ["", "\u200b", "\u00a0", "&amp;", "\r\n", "**", "[x](#)", "Ã©", "\u202e", "\ud800", "\x00", "e\u0301" * 3]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(SEED_LINES + NOISE), max_size=25).map("\n".join),
    st.lists(st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=30)), max_size=12).map("\n\n".join),
)


def _slug_url(line: str) -> str:
    return "https://news.example.com/a/" + "-".join("".join(c if c.isalnum() else " " for c in line).split()) + "-123.html"


# a record's fields the rules read: a title its headline may repeat, a URL whose slug may name it
metas = st.fixed_dictionaries({}, optional={
    "title": st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=40)),
    "url": st.one_of(st.sampled_from(SEED_LINES).map(_slug_url), st.text(max_size=40)),
})


def _check(text: str, meta: dict | None = None, cleaner: Cleaner = CLEANER) -> None:
    meta = meta or {}
    res = cleaner.clean(Document("t", text, meta))
    # provenance: the ledger replayed on the input gives the output
    assert apply_edits(text, res.edits) == res.text
    # idempotence: cleaning the output changes nothing (so no rule fires again)
    again = cleaner.clean(Document("t", res.text, meta))
    assert again.text == res.text, [e.rule for e in again.edits]
    assert not again.edits
    # no invented text: only rewriting families replace; removals replace with nothing
    for e in res.edits:
        fam = e.rule.split(".")[0]
        if fam not in REWRITING_FAMILIES and "absorbs" not in e.note:
            assert e.replacement == "", e
        if fam == "layout":
            assert not e.replacement.strip()
        if fam == "residue" and e.rule != "residue.html-entity" and "absorbs" not in e.note:
            assert e.replacement in text[e.start : e.end]
    # strict UTF-8 output
    res.text.encode("utf-8")
    if cleaner.config.safe_only:
        assert all(e.safety == "safe" for e in res.edits), [e.rule for e in res.edits if e.safety != "safe"]


@given(texts)
def test_promises_hold_on_any_text(text):
    _check(text)


@given(texts, metas)
def test_promises_hold_with_any_title_and_url(text, meta):
    _check(text, meta)


@given(texts, metas)
def test_safe_only_makes_only_safe_edits(text, meta):
    _check(text, meta, SAFE_CLEANER)


CLEAN_ARTICLES = [CLEANER.clean(Document(p.name, p.read_text(encoding="utf-8"))).text for p in SEEDS]
_BP_RULES = [
    r for r in RuleSet.default().rules
    if r.family == "boilerplate" and r.lang in ("en", "any") and r.kind in ("line", "prefix", "regex")
]
BODY_NOISE = sorted({x for r in _BP_RULES if r.where == "any" for x in r.remove})
TAIL_NOISE = sorted({x for r in _BP_RULES if r.where == "tail" and r.kind == "line" for x in r.remove})


@given(st.data())
def test_inserted_boilerplate_is_removed(data):
    article = data.draw(st.sampled_from(CLEAN_ARTICLES))
    paras = article.strip("\n").split("\n\n")
    out = []
    for p in paras:
        out.append(p)
        if data.draw(st.booleans()):
            out.append(data.draw(st.sampled_from(BODY_NOISE)))
    if data.draw(st.booleans()):
        out.append(data.draw(st.sampled_from(TAIL_NOISE)))
    mixed = "\n\n".join(out) + "\n"
    assert CLEANER.clean(Document("m", mixed)).text == article


def test_clean_articles_are_fixpoints():
    for a in CLEAN_ARTICLES:
        assert CLEANER.clean(Document("a", a)).text == a
