"""The layout stage: tidy the whitespace that removals leave behind.

Runs last. Trailing spaces go, runs of blank lines become one blank line, and the text neither
starts with blank lines nor ends with more than one line break. Two passes (spaces, then blank
lines) so each edit in the ledger has one reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from cleaner.document import Edit
from cleaner.ruleset import Rule, find_rule
from cleaner.stages.base import Context

_TRAILING = re.compile(r"[ \t]+(?=\n|\Z)")
_BREAKS = re.compile(r"\n+")


def _blank_runs(text: str) -> Iterator[tuple[int, int]]:
    r"""The spans ``re.finditer(r"\A\n+|\n{3,}|(?<=\n)\n+\Z", text)`` gives, found with string
    searches rather than a pattern tried at every character: the leading line breaks, each later
    run of three or more, and the last of exactly two at the end (of a text not all breaks)."""
    lead = _BREAKS.match(text).end() if text.startswith("\n") else 0  # type: ignore[union-attr]
    if lead:
        yield 0, lead
    i = text.find("\n\n\n", lead)
    while i >= 0:
        end = _BREAKS.match(text, i).end()  # type: ignore[union-attr]
        yield i, end
        i = text.find("\n\n\n", end)
    if lead < len(text) and text.endswith("\n\n") and not text.endswith("\n\n\n"):
        yield len(text) - 1, len(text)


class LayoutSpacesStage:
    name = "layout"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._rule = find_rule(self.rules, "layout.trailing-space")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        r = self._rule
        if r is None or not (" \n" in text or ("\t" in text and "\t\n" in text) or text.endswith((" ", "\t"))):
            return []  # every match is a space or tab right before a line break or the end ("\t": a fast scan)
        return [Edit(r.id, m.start(), m.end(), "", r.safety) for m in _TRAILING.finditer(text)]  # type: ignore[arg-type]


class LayoutBlanksStage:
    name = "layout"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._rule = find_rule(self.rules, "layout.blank-lines")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.rules,))

    def edits(self, text: str, ctx: Context) -> list[Edit]:
        r = self._rule
        if r is None:
            return []
        out = []
        for s, e in _blank_runs(text):
            if s == 0:
                keep = ""
            elif e == len(text):
                keep = "" if text[s - 1] == "\n" else "\n"
            else:
                keep = "\n\n"
            if text[s:e] != keep:
                out.append(Edit(r.id, s, e, keep, r.safety))  # type: ignore[arg-type]
        return out
