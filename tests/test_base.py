"""Lines and line facts: the view of a text every line-based stage shares."""

from hypothesis import given
from hypothesis import strategies as st

from cleaner.stages.base import Line, line_facts, split_lines
from cleaner.zones import is_paragraph, words_of

TEXTS = st.text(alphabet="ab \n.", max_size=40) | st.text(max_size=60)


def reference_lines(text: str) -> list[Line]:
    """Line by line with str.find: the definition."""
    out, pos, n = [], 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            out.append(Line(len(out), pos, n, n, text[pos:]))
            break
        out.append(Line(len(out), pos, nl, nl + 1, text[pos:nl]))
        pos = nl + 1
    return out


@given(TEXTS)
def test_split_lines_is_the_definition(text):
    assert split_lines(text) == reference_lines(text)


@given(TEXTS, TEXTS)
def test_line_facts_follow_the_text_they_are_asked_about(a, b):
    for text in (a, b, a, a + "\n" + b):
        facts = line_facts(text)
        assert list(facts.lines) == reference_lines(text)
        assert list(facts.words) == [words_of(ln.text) for ln in facts.lines]
        assert list(facts.paragraph) == [is_paragraph(ln.text) for ln in facts.lines]
