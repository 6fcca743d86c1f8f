"""Lines and line facts: the view of a text every line-based stage shares."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.stages.base import Line, Lines, line_facts, split_lines
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


@given(TEXTS, st.lists(st.integers(-45, 45), max_size=12))
def test_lines_made_when_asked_for_are_the_lines(text, picks):
    """`Lines` gives, in any order of asking, the lines `split_lines` makes all at once."""
    ref = reference_lines(text)
    lines = Lines(text)
    assert len(lines) == len(ref)
    assert lines.texts == [ln.text for ln in ref] and lines.starts == [ln.start for ln in ref]
    for i in picks:
        if -len(ref) <= i < len(ref):
            assert lines[i] == ref[i]
        else:
            with pytest.raises(IndexError):
                lines[i]
    assert lines[1:3] == ref[1:3]
    assert list(lines) == ref
    assert [lines[i] for i in range(len(ref))] == ref  # (after iterating: from the kept list)
