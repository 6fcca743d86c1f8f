"""The HTML path: trafilatura's precise extraction, with article paragraphs it dropped put back."""

import pytest

from cleaner.io.readers import recover_paragraphs

H = "Officials meet in Dushanbe"
P1 = "The alliance met in Dushanbe on Monday to discuss the situation on the Afghan border, officials said."
P2 = "The next meeting is planned for December in Moscow, the ministry said in a statement on Tuesday."
P3 = "The ministry added that more troops could be sent to the border region if the fighting continued."
LOST = "A spokesman said the talks had been constructive and that both sides wanted to continue them soon."


def test_paragraph_dropped_inside_the_article_comes_back():
    narrow = "\n".join([P1, P2, P3])
    wide = "\n".join([H, P1, LOST, P2, P3, "Most read", "Teaser headline about something else entirely here"])
    assert recover_paragraphs(narrow, wide) == "\n".join([P1, LOST, P2, P3])


def test_only_paragraphs_inside_the_shared_stretch():
    narrow = "\n".join([P1, P2])
    before = "Another story: the president visited a factory in the north of the country on Friday."
    after = "Sign up to get the best stories of the week in your inbox every Friday, it is free to join."
    wide = "\n".join([before, P1, "Related", "Short teaser line", P2, after])
    assert recover_paragraphs(narrow, wide) == narrow  # short lines inside, paragraphs outside: nothing


def test_narrow_kept_when_lines_cannot_be_aligned():
    narrow = "\n".join([P1, "A line only the precise extraction has, written out as a long sentence here.", P3])
    wide = "\n".join([P1, LOST, P3])
    assert recover_paragraphs(narrow, wide) == narrow
    assert recover_paragraphs(P1, "\n".join([P1, LOST])) == P1  # one shared line: no stretch


def test_repeated_lines_not_multiplied():
    narrow = "\n".join([P1, P2, P3])
    wide = "\n".join([P1, P1, LOST, P2, P3, P3])
    assert recover_paragraphs(narrow, wide) == "\n".join([P1, LOST, P2, P3])


def test_html_to_text_smoke():
    pytest.importorskip("trafilatura")
    from cleaner.io.readers import html_to_text

    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, LOST))
    html = f"<html><head><title>{H}</title></head><body><article><h1>{H}</h1>{body}</article></body></html>"
    text = html_to_text(html)
    assert text is not None and P1 in text and LOST in text
