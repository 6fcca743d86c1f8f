"""Pipeline behaviours: the precision guard, language scoping, site rules, picklability."""

import pickle
import threading

from cleaner import Cleaner, Document
from cleaner.corpus.site_lines import finalize, map_doc, reduce, write_proposals

ARTICLE = ("The alliance agreed on Thursday to send more troops to the border with Afghanistan, "
           "officials in Dushanbe said after the summit ended late in the evening.")


def test_guard_keeps_a_document_that_would_be_emptied():
    # a long paragraph makes zones, then the duplicates and tail rules would take everything else;
    # here every line is a repeat of a boilerplate line, so removal would leave almost nothing
    text = "\n".join(["Share this article", "Leave a Reply", "Advertisement"] * 10)
    res = Cleaner.default().clean(Document("g", text))
    assert res.text.strip(), "a document is never emptied by rules"


def test_guard_event_when_removals_would_empty():
    lines = [ARTICLE] + ["Advertisement"] * 3
    c = Cleaner.default(guard_min_fraction=0.99)
    res = c.clean(Document("g", "\n".join(lines)))
    assert res.stats["events"].get("guard.kept-document") == 1
    assert "Advertisement" in res.text


def test_other_languages_packs_stay_quiet_on_english():
    text = ARTICLE + "\n\nBreaking News\n\n" + ARTICLE.replace("Thursday", "Friday")
    res = Cleaner.default().clean(Document("e", text))
    assert not [e for e in res.edits if e.rule.startswith("boilerplate.de.")]


def test_site_rules_apply_only_to_their_site(tmp_path):
    acc = None
    for i in range(6):
        page = f"Home | World | Sport\n\n{ARTICLE} Page {i}.\n\nMore from Example News"
        part = map_doc("news.example", page)
        acc = part if acc is None else reduce(acc, part)
    props = finalize(acc)
    [path] = write_proposals(props, tmp_path)
    c = Cleaner.default(rules=(str(tmp_path),))
    page = f"{ARTICLE}\n\nMore from Example News"
    on_site = c.clean(Document("a", page, {"url": "https://www.news.example/x"}))
    elsewhere = c.clean(Document("b", page, {"url": "https://other.test/x"}))
    assert "More from Example News" not in on_site.text
    assert "More from Example News" in elsewhere.text
    assert any(e.rule.startswith("sites.news-example") for e in on_site.edits)


def test_cleaner_pickles_and_is_shared_by_threads():
    c = Cleaner.default()
    c2 = pickle.loads(pickle.dumps(c))
    text = ARTICLE + "\n\nPost a Comment"
    expected = c.clean(text).text
    assert c2.clean(text).text == expected
    out = []
    threads = [threading.Thread(target=lambda: out.append(c.clean(text).text)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [expected] * 8


def test_a_stage_is_not_run_again_on_a_text_it_left_alone():
    """The shortcut of the fixpoint rounds (`Pipeline.skip_quiet`) gives what running every stage
    in every round gives, text, ledger and stats, on the seeds and on pages made of their lines."""
    from pathlib import Path

    from hypothesis import given, settings
    from hypothesis import strategies as st

    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    lines = [ln for p in seeds for ln in p.read_text(encoding="utf-8").splitlines()]
    fast, plain = Cleaner.default(), Cleaner.default()
    plain._pipeline.skip_quiet = False  # an instance attribute: the class default stays

    def same(text: str) -> None:
        a, b = fast.clean(Document("q", text)), plain.clean(Document("q", text))
        assert (a.text, a.edits, a.stats) == (b.text, b.edits, b.stats)

    for p in seeds:
        same(p.read_text(encoding="utf-8"))

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.sampled_from([*lines, "", "Share this:", "Leave a Reply", "Advertisement"]), max_size=40))
    def pages(chosen: list[str]) -> None:
        same("\n".join(chosen))

    pages()


class _RemoveLine:
    """A toy stage: removes line ``target`` while no line ``unless`` is left."""

    settles_in_one_round = False

    def __init__(self, name: str, target: str, unless: str) -> None:
        self.name, self.target, self.unless = name, target, unless

    def edits(self, text, ctx):  # type: ignore[no-untyped-def]
        from cleaner.document import Edit

        lines = text.split("\n")
        if self.unless in lines or self.target not in lines:
            return []
        start = sum(len(line) + 1 for line in lines[: lines.index(self.target)])
        return [Edit(self.name, start, start + len(self.target) + 1)]  # the line and its break


def test_a_quiet_stage_runs_again_on_a_changed_text():
    """A stage that changed nothing in round 1 still runs in round 2 when its text changed since:
    here C can only act once A (round 2, after B) is done."""
    from cleaner.pipeline import Pipeline
    from cleaner.stages.base import Context

    stages = [_RemoveLine("a", "X", unless="Y"), _RemoveLine("b", "Y", unless="-"), _RemoveLine("c", "Z", unless="X")]
    text = "X\nY\nZ\nkeep\n"
    fast, plain = Pipeline(stages), Pipeline(stages)
    plain.skip_quiet = False
    a, b = fast._run(text, Context(), False), plain._run(text, Context(), False)
    assert a == b
    assert a[2] == "keep\n"


def test_the_api_refuses_what_is_not_text():
    """A None, bytes or number is a TypeError that says so, not an AttributeError from inside
    the pipeline; clean_many does not turn a missing text into the string "None"."""
    import pytest

    import cleaner
    from cleaner.document import Document

    c = cleaner.Cleaner.default()
    for bad in (None, b"bytes", 5):
        with pytest.raises(TypeError, match=f"not {type(bad).__name__}"):
            c.clean(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="its text is NoneType"):
        c.clean(Document("d", None))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="document 1: 'text' is NoneType"):
        list(c.clean_many([{"text": "fine"}, {"text": None}]))
    assert [r.text for r in c.clean_many([{"id": "a", "text": "Caf\u00c3\u00a9"}])] == ["Café"]


def test_site_counts_add_is_reduce():
    """`add` (in place: `clean learn` and the Ray engine count page by page with it) gives what
    `reduce` gives, and leaves the parts as they were."""
    import pickle
    from functools import reduce as fold

    from cleaner.corpus.site_lines import SiteCounts, add

    pages = [(f"s{i % 3}.example", f"{ARTICLE}\n\nShare this story\nPage {i % 4}\nFollow us") for i in range(12)]
    parts = [map_doc(site, page) for site, page in pages]
    before = pickle.dumps(parts)
    assert fold(add, parts, SiteCounts()) == fold(reduce, parts, SiteCounts())
    assert pickle.dumps(parts) == before
    assert finalize(fold(add, parts, SiteCounts()), 3, 0.5) == finalize(fold(reduce, parts, SiteCounts()), 3, 0.5)


def test_guard_counts_the_words_of_the_text_it_would_keep():
    """The guard keeps a document of 20 words or more whose removals leave almost nothing. It
    counted the input's words, and a run of zero-width spaces is a "word" until the unicode
    stage removes it: a page of 18 words and two such runs was kept (its repairs made), and its
    output, 18 words, was then emptied by a second pass. The text the guard would keep must
    have the words too."""
    c = Cleaner.default()
    text = ("  • 16x9 Image\nImage caption Eva-Marie Persson said the decision had been taken after "
            "interviews with seven witnesses\n\u200b \u200b")
    res = c.clean(Document("g", text))
    again = c.clean(Document("g", res.text))
    assert again.text == res.text and not again.edits
    assert "guard.kept-document" not in res.stats["events"]
    # with two more words the guard keeps it, and its output is a fixpoint
    res = c.clean(Document("g", text.replace("seven witnesses", "seven witnesses in Stockholm")))
    assert res.stats["events"].get("guard.kept-document") == 1 and "Persson" in res.text
    again = c.clean(Document("g", res.text))
    assert again.text == res.text and not again.edits
