"""The layout stages' string searches against the patterns they stand for, on generated text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.ruleset import RuleSet
from cleaner.stages import layout as L

_BLANKS = re.compile(r"\A\n+|\n{3,}|(?<=\n)\n+\Z")
_LAYOUTISH = st.text(alphabet="a\n \t", max_size=30)
RULES = RuleSet.default().family("layout")


@settings(max_examples=500)
@given(_LAYOUTISH)
def test_blank_runs_are_the_pattern_matches(text: str) -> None:
    assert list(L._blank_runs(text)) == [m.span() for m in _BLANKS.finditer(text)]


@settings(max_examples=300)
@given(_LAYOUTISH)
def test_trailing_spaces_are_every_pattern_match(text: str) -> None:
    stage = L.LayoutSpacesStage(RULES)
    assert stage._rule is not None
    want = [m.span() for m in L._TRAILING.finditer(text)]
    assert [(e.start, e.end) for e in stage.edits(text, None)] == want  # type: ignore[arg-type]
