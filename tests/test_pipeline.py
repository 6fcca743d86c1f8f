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
